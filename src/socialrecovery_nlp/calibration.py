"""How well predicted probabilities match observed frequencies (for model reports).

* :func:`expected_calibration_error` - the top-label ECE of Guo et al. (2017): predictions are
  binned by confidence (the probability of the predicted label) and ECE is the share-weighted mean
  gap between each bin's mean confidence and its accuracy;
* :func:`brier_score` - the multiclass Brier score (mean squared distance between the probability
  vector and the one-hot gold label; 0 is perfect, 2 the worst);
* :func:`reliability_table` - the bins behind the ECE, for a report.
"""

from __future__ import annotations

import numpy as np


def _top_label(proba, gold) -> tuple[np.ndarray, np.ndarray]:
    proba = np.asarray(proba, dtype=float)
    gold = np.asarray(gold, dtype=int)
    if proba.ndim != 2 or len(proba) != len(gold):
        raise ValueError("calibration: need one probability row per gold label")
    return proba.max(axis=1), (proba.argmax(axis=1) == gold).astype(float)


def reliability_table(proba, gold, bins: int = 10) -> list[dict]:
    """Non-empty equal-width confidence bins: ``{low, high, n, confidence, accuracy}``."""
    confidence, correct = _top_label(proba, gold)
    edges = np.linspace(0.0, 1.0, bins + 1)
    index = np.clip(np.searchsorted(edges, confidence, side="right") - 1, 0, bins - 1)
    rows = []
    for b in range(bins):
        mask = index == b
        if mask.any():
            rows.append({"low": float(edges[b]), "high": float(edges[b + 1]), "n": int(mask.sum()),
                         "confidence": float(confidence[mask].mean()), "accuracy": float(correct[mask].mean())})
    return rows


def expected_calibration_error(proba, gold, bins: int = 10) -> float:
    """Top-label ECE over equal-width confidence bins."""
    rows = reliability_table(proba, gold, bins)
    n = sum(r["n"] for r in rows)
    return float(sum(r["n"] / n * abs(r["confidence"] - r["accuracy"]) for r in rows)) if n else 0.0


def brier_score(proba, gold) -> float:
    """Multiclass Brier score: mean over rows of sum_k (p_k - [k == gold])^2."""
    proba = np.asarray(proba, dtype=float)
    gold = np.asarray(gold, dtype=int)
    if proba.ndim != 2 or len(proba) != len(gold):
        raise ValueError("calibration: need one probability row per gold label")
    onehot = np.zeros_like(proba)
    onehot[np.arange(len(gold)), gold] = 1.0
    return float(((proba - onehot) ** 2).sum(axis=1).mean()) if len(gold) else 0.0
