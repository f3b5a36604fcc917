"""Screening metrics on a recall curve (the conventions of ASReview and its insights extension).

Every function takes ``labels``: the true labels (1 relevant, 0 irrelevant) of the records in the
order they were screened, *prior records left out*, padded with the records never screened so
that ``len(labels)`` is the number of non-prior records. Positions are 1-based counts of records.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np


def pad_labels(screened: Sequence[int], unscreened: Sequence[int]) -> list[int]:
    """Screened labels followed by the unscreened ones, relevant ones last (pessimistic)."""
    rest = sorted(int(v) for v in unscreened)
    return [int(v) for v in screened] + rest


def loss(labels: Sequence[int]) -> float:
    """Normalised area *above* the recall curve (0 all relevant first, 1 all relevant last).

    The definition of ``asreview.metrics.loss`` in ASReview 2.2: with ``Nx`` records, ``Ny`` of
    them relevant and ``F(k)`` the relevant records found after ``k`` screened,
    ``(Ny * (Nx - (Ny - 1) / 2) - sum_k F(k)) / (Ny * (Nx - Ny))``; the first term is
    ``sum_k F(k)`` of the best order, the denominator its distance to the worst order.
    Undefined (returns 0.0) when all or none of the records are relevant.
    """
    arr = np.asarray(labels, dtype=float)
    nx, ny = len(arr), float(arr.sum())
    if ny == 0 or ny == nx:
        return 0.0
    return float((ny * (nx - (ny - 1) / 2) - np.cumsum(arr).sum()) / (ny * (nx - ny)))


def _slice(x: np.ndarray, y: np.ndarray, at: float) -> float:
    """y at the last x <= ``at`` (insights' convention)."""
    i = int(np.searchsorted(x, at, side="right"))
    return float(y[i - 1]) if i > 0 else 0.0


def recall_at(labels: Sequence[int], fraction: float) -> float:
    """Recall after screening ``fraction`` of the records."""
    arr = np.asarray(labels, dtype=float)
    n, ny = len(arr), arr.sum()
    if ny == 0:
        return 0.0
    x = np.arange(1, n + 1) / n
    return _slice(x, np.cumsum(arr) / ny, fraction)


def _random_found(n: int, ny: float) -> np.ndarray:
    return np.round(np.linspace(0, ny, n))


def erf_at(labels: Sequence[int], fraction: float) -> float:
    """Extra relevant records found (share of all relevant) over random screening at ``fraction``."""
    arr = np.asarray(labels, dtype=float)
    n, ny = len(arr), arr.sum()
    if ny == 0:
        return 0.0
    extra = (np.cumsum(arr) - _random_found(n, ny)) / ny
    return _slice(np.arange(1, n + 1) / n, extra, fraction)


def wss_insights(labels: Sequence[int], recall: float = 0.95) -> float:
    """WSS as ASReview insights defines it: records found earlier than by (rounded) random
    screening, as a share of all records, at the last found relevant record with recall <= ``recall``.
    """
    arr = np.asarray(labels, dtype=float)
    n, ny = len(arr), int(arr.sum())
    if ny == 0:
        return 0.0
    found = np.cumsum(arr)
    targets = np.arange(1, ny + 1)
    when = np.searchsorted(found, targets)
    when_random = np.searchsorted(_random_found(n, ny), targets)
    return _slice(targets / ny, (when_random - when) / n, recall)


def records_to_recall(labels: Sequence[int], recall: float) -> int:
    """Records screened until at least ``recall`` of the relevant records are found."""
    arr = np.asarray(labels, dtype=int)
    ny = int(arr.sum())
    need = max(1, math.ceil(recall * ny - 1e-9))
    if ny == 0:
        return 0
    return int(np.searchsorted(np.cumsum(arr), need) + 1)


def wss_cohen(labels: Sequence[int], recall: float = 0.95) -> float:
    """Cohen et al. (2006) WSS: ``(TN + FN) / N - (1 - recall)`` where the screening stops at the
    first record that brings recall to ``recall`` or more (TN + FN are the records not screened)."""
    n = len(labels)
    if n == 0:
        return 0.0
    return (n - records_to_recall(labels, recall)) / n - (1 - recall)


def atd(labels: Sequence[int]) -> float:
    """Average time to discovery: mean 1-based position of the relevant records."""
    pos = np.flatnonzero(np.asarray(labels, dtype=int)) + 1
    return float(pos.mean()) if len(pos) else 0.0


def all_metrics(labels: Sequence[int]) -> dict[str, float | int]:
    """The metrics ``run.json`` reports, with their definitions in the key names."""
    return {
        "loss": loss(labels),
        "wss@95_insights": wss_insights(labels, 0.95),
        "wss@95_cohen": wss_cohen(labels, 0.95),
        "recall@10%": recall_at(labels, 0.10),
        "erf@10%": erf_at(labels, 0.10),
        "atd": atd(labels),
        "records_to_95%_recall": records_to_recall(labels, 0.95),
        "records_to_100%_recall": records_to_recall(labels, 1.0),
        "n_records": len(labels),
        "n_relevant": int(sum(labels)),
    }
