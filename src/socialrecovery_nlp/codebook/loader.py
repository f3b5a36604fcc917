"""Load and validate the codebook (``codebook.toml``), the review's framework as data."""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

CODEBOOK_FILE = Path(__file__).with_name("codebook.toml")

#: The ids other tools rely on; the loader refuses a codebook that drops or renames any of them.
CONTRACT_IDS: dict[str, tuple[str, ...]] = {
    "processes": ("connectedness", "hope", "identity", "meaning", "empowerment"),
    "themes": (
        "self_efficacy", "power_together", "strengths_approach", "self_directed_support",
        "peer_organised_services", "social_identities", "discrimination", "mental_illness_stigma",
        "anti_stigma_interventions", "interpersonal_relationships", "family_systems",
        "social_inclusion", "occupation_employment", "community_development",
    ),
    "designs": (
        "rct", "quasi_experimental", "cohort", "case_control", "cross_sectional", "qualitative",
        "mixed_methods", "systematic_review", "meta_analysis", "narrative_review", "case_study",
        "non_empirical", "unclear",
    ),
    "directions": ("promotes", "hinders", "no_effect", "mixed"),
    "strengths": ("causal", "conditional_causal", "correlational"),
}
KINDS = tuple(CONTRACT_IDS)


@dataclass(frozen=True)
class Label:
    """One codebook label: a process, theme, design, claim direction or claim strength."""

    id: str
    kind: str
    name: str
    definition: str
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    parent: str | None = None
    social: bool | None = None
    table_position: str | None = None

    def description(self) -> str:
        """Name, definition and inclusion notes as one text (used as a label description)."""
        parts = [f"{self.name}.", self.definition]
        if self.include:
            parts.append("Includes " + "; ".join(self.include) + ".")
        return " ".join(parts)


@dataclass(frozen=True)
class Codebook:
    version: str
    name: str
    source: str
    processes: tuple[Label, ...]
    themes: tuple[Label, ...]
    designs: tuple[Label, ...]
    directions: tuple[Label, ...]
    strengths: tuple[Label, ...]
    _index: dict[str, Label] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for kind in KINDS:
            for label in getattr(self, kind):
                self._index.setdefault(label.id, label)

    def ids(self, kind: str) -> list[str]:
        """The ids of one kind (``processes``, ``themes``, ``designs``, ``directions``, ``strengths``)."""
        return [label.id for label in getattr(self, kind)]

    def label(self, label_id: str) -> Label:
        try:
            return self._index[label_id]
        except KeyError:
            raise KeyError(f"{label_id!r} is not a codebook label; see `srnlp codebook`") from None

    def themes_of(self, process_id: str) -> list[Label]:
        return [theme for theme in self.themes if theme.parent == process_id]

    def parent_of(self, theme_id: str) -> str:
        return self.label(theme_id).parent or ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"version": self.version, "name": self.name, "source": self.source}
        for kind in KINDS:
            out[kind] = [
                {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(label).items()
                 if v not in (None, ()) and k != "kind"}
                for label in getattr(self, kind)
            ]
        return out


def _labels(raw: dict[str, Any], kind: str) -> tuple[Label, ...]:
    labels = []
    for entry in raw.get(kind, []):
        entry = dict(entry)
        for key in ("include", "exclude", "cues"):
            entry[key] = tuple(entry.get(key, ()))
        labels.append(Label(kind=kind, **entry))
    return tuple(labels)


def validate(codebook: Codebook) -> None:
    """Raise ``ValueError`` if contract ids are missing, duplicated or parents are unknown."""
    for kind, expected in CONTRACT_IDS.items():
        ids = codebook.ids(kind)
        if len(set(ids)) != len(ids):
            raise ValueError(f"codebook: duplicate ids among {kind}")
        missing = set(expected) - set(ids)
        if missing:
            raise ValueError(f"codebook: {kind} lacks contract ids {sorted(missing)}")
    process_ids = set(codebook.ids("processes"))
    for theme in codebook.themes:
        if theme.parent not in process_ids:
            raise ValueError(f"codebook: theme {theme.id} has unknown parent {theme.parent!r}")


def parse_codebook(path: str | Path) -> Codebook:
    """Read and validate a codebook file (for custom codebooks; see docs/codebook.md)."""
    with open(path, "rb") as handle:
        raw = tomllib.load(handle)
    codebook = Codebook(
        version=raw["version"], name=raw.get("name", ""), source=raw.get("source", ""),
        **{kind: _labels(raw, kind) for kind in KINDS},
    )
    validate(codebook)
    return codebook


@lru_cache(maxsize=1)
def load_codebook() -> Codebook:
    """The shipped codebook (cached)."""
    return parse_codebook(CODEBOOK_FILE)
