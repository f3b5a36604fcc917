"""The label space of the themes classifier: processes and themes from the codebook, and the
hierarchy rule (a theme implies its parent process)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class LabelSpace:
    """Ordered label ids (processes first, then themes) and each theme's parent process."""

    processes: tuple[str, ...]
    themes: tuple[str, ...]
    parents: dict[str, str]

    @classmethod
    def from_codebook(cls, codebook=None) -> LabelSpace:
        if codebook is None:
            from ..codebook import load_codebook

            codebook = load_codebook()
        return cls(tuple(codebook.ids("processes")), tuple(codebook.ids("themes")),
                   {t.id: t.parent for t in codebook.themes})

    @classmethod
    def from_dict(cls, data: dict) -> LabelSpace:
        return cls(tuple(data["processes"]), tuple(data["themes"]), dict(data["parents"]))

    def to_dict(self) -> dict:
        return {"processes": list(self.processes), "themes": list(self.themes), "parents": dict(self.parents)}

    @property
    def ids(self) -> list[str]:
        return [*self.processes, *self.themes]

    def index(self, label: str) -> int:
        return self.ids.index(label)

    def kind(self, label: str) -> str:
        return "processes" if label in self.processes else "themes"

    def encode(self, labels: dict) -> np.ndarray:
        """``{"processes": [...], "themes": [...]}`` -> 0/1 vector, parents of themes switched on."""
        ids = self.ids
        y = np.zeros(len(ids), dtype=np.int8)
        for label in [*labels.get("processes", []), *labels.get("themes", [])]:
            y[ids.index(label)] = 1
            if label in self.parents:
                y[ids.index(self.parents[label])] = 1
        return y

    def enforce(self, probs: np.ndarray) -> np.ndarray:
        """Hierarchical consistency: each process probability >= its children's maximum."""
        probs = np.array(probs, dtype=np.float64, copy=True)
        ids = self.ids
        for theme, parent in self.parents.items():
            if theme in ids and parent in ids:
                p, t = ids.index(parent), ids.index(theme)
                probs[..., p] = np.maximum(probs[..., p], probs[..., t])
        return probs

    def decode(self, flags: np.ndarray) -> dict[str, list[str]]:
        """0/1 vector -> ``{"processes": [...], "themes": [...]}`` with parents added."""
        on = {label for label, f in zip(self.ids, flags) if f}
        on |= {self.parents[t] for t in list(on) if t in self.parents}
        return {"processes": [p for p in self.processes if p in on], "themes": [t for t in self.themes if t in on]}
