"""Query strategies: which unlabelled records to show next.

Each strategy is a small class with ``query(scores, labelled, n=1) -> indices``: ``scores`` holds a
relevance probability per record (or, for :class:`MultiLabelUncertainty`, a records x labels
matrix), ``labelled`` is a boolean mask (or an index collection) of records already labelled.
``reason(index)`` says in words why a record was chosen (shown by ``srnlp annotate``).
Names are registered in :data:`STRATEGIES` (``srnlp.max.v1`` ...); behaviour under a name never changes.
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np


def _unlabelled(n: int, labelled: np.ndarray | Collection[int]) -> np.ndarray:
    mask = np.zeros(n, dtype=bool)
    arr = np.asarray(labelled)
    if arr.dtype == bool and arr.shape == (n,):
        mask = arr.copy()
    elif len(arr):
        mask[arr.astype(int)] = True
    return np.flatnonzero(~mask)


class MaxRelevance:
    """Highest relevance first (screening: find the relevant records early)."""

    name = "srnlp.max.v1"

    def __init__(self) -> None:
        self._why: dict[int, str] = {}

    def query(self, scores: np.ndarray, labelled, n: int = 1) -> np.ndarray:
        scores = np.asarray(scores, dtype=float)
        pool = _unlabelled(len(scores), labelled)
        # stable sort; ties broken by record order, so runs are reproducible
        order = pool[np.argsort(-scores[pool], kind="stable")][:n]
        for rank, i in enumerate(order, 1):
            self._why[int(i)] = (
                f"highest predicted relevance (score {scores[i]:+.2f}, rank {rank} of {len(pool)} unscreened)"
            )
        return order

    def reason(self, index: int) -> str:
        return self._why.get(int(index), "")


class Uncertainty:
    """Probability closest to 0.5 first (for learning a classifier fastest, e.g. design)."""

    name = "srnlp.uncertainty.v1"

    def __init__(self) -> None:
        self._why: dict[int, str] = {}

    def query(self, scores: np.ndarray, labelled, n: int = 1) -> np.ndarray:
        scores = np.asarray(scores, dtype=float)
        pool = _unlabelled(len(scores), labelled)
        order = pool[np.argsort(np.abs(scores[pool] - 0.5), kind="stable")][:n]
        for i in order:
            self._why[int(i)] = f"the model is least sure about it (p={scores[i]:.2f})"
        return order

    def reason(self, index: int) -> str:
        return self._why.get(int(index), "")


class MaxRandom:
    """Highest relevance, but a share ``random_share`` of the picks drawn at random (guards
    against a model that never looks outside what it already knows)."""

    name = "srnlp.max_random.v1"

    def __init__(self, random_share: float = 0.05, seed: int = 0) -> None:
        if not 0 <= random_share <= 1:
            raise ValueError("random_share must be between 0 and 1")
        self.random_share = random_share
        self._rng = np.random.default_rng(seed)
        self._max = MaxRelevance()
        self._why: dict[int, str] = {}

    def query(self, scores: np.ndarray, labelled, n: int = 1) -> np.ndarray:
        scores = np.asarray(scores, dtype=float)
        pool = _unlabelled(len(scores), labelled)
        picks: list[int] = []
        for _ in range(min(n, len(pool))):
            rest = np.setdiff1d(pool, picks, assume_unique=True)
            if self._rng.random() < self.random_share:
                i = int(self._rng.choice(rest))
                self._why[i] = f"random pick ({self.random_share:.0%} of picks are random)"
            else:
                mask = np.ones(len(scores), dtype=bool)
                mask[rest] = False
                i = int(self._max.query(scores, mask, 1)[0])
                self._why[i] = self._max.reason(i)
            picks.append(i)
        return np.asarray(picks, dtype=int)

    def reason(self, index: int) -> str:
        return self._why.get(int(index), "")


class MultiLabelUncertainty:
    """For multi-label predictions (themes, processes): the record whose labels are, on average,
    closest to the decision threshold first."""

    name = "srnlp.multilabel_uncertainty.v1"

    def __init__(self, threshold: float = 0.5) -> None:
        self.threshold = threshold
        self._why: dict[int, str] = {}

    def query(self, scores: np.ndarray, labelled, n: int = 1) -> np.ndarray:
        scores = np.atleast_2d(np.asarray(scores, dtype=float))
        pool = _unlabelled(scores.shape[0], labelled)
        margin = np.abs(scores[pool] - self.threshold).mean(axis=1)
        order = pool[np.argsort(margin, kind="stable")][:n]
        for i in order:
            self._why[int(i)] = (
                f"labels closest to the threshold on average (mean margin {margin[np.flatnonzero(pool == i)[0]]:.2f})"
            )
        return order

    def reason(self, index: int) -> str:
        return self._why.get(int(index), "")


STRATEGIES = {
    "max": MaxRelevance,
    "uncertainty": Uncertainty,
    "max_random": MaxRandom,
    "multilabel_uncertainty": MultiLabelUncertainty,
}


def get_strategy(name: str, **kwargs):
    """A strategy by short name (``max``, ``uncertainty``, ``max_random``, ``multilabel_uncertainty``)."""
    from ..errors import SrnlpError

    try:
        cls = STRATEGIES[name]
    except KeyError:
        raise SrnlpError("E530", name=name, choices=", ".join(STRATEGIES)) from None
    return cls(**kwargs)
