"""Stopping rules: when can screening stop?

Each rule is a small class with ``should_stop(history) -> bool`` and ``report(history) -> dict``.
``history`` is a :class:`History`: the labels in the order screened (1 relevant, 0 irrelevant;
uncertain counts as relevant, to stay on the safe side), the number of records in the project,
and which decisions came from a *random sample* of the unscreened records.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from scipy.stats import hypergeom


@dataclass
class History:
    labels: Sequence[int]
    n_total: int
    random_sample: Sequence[bool] = field(default_factory=list)

    def sample_block(self) -> tuple[int, int, int]:
        """``(start, n sampled, relevant in sample)`` of the trailing run of random-sample decisions."""
        flags = list(self.random_sample) or [False] * len(self.labels)
        start = len(flags)
        while start > 0 and flags[start - 1]:
            start -= 1
        sample = self.labels[start:]
        return start, len(sample), int(sum(sample))


class ConsecutiveIrrelevant:
    """SAFE-style heuristic (Boetje & van de Schoot 2024): stop after ``max(min_n, fraction * N)``
    irrelevant records in a row. No guarantee; a sign that the model has run dry."""

    name = "srnlp.consecutive_irrelevant.v1"

    def __init__(self, min_n: int = 50, fraction: float = 0.05) -> None:
        self.min_n = min_n
        self.fraction = fraction

    def threshold(self, n_total: int) -> int:
        return max(self.min_n, math.ceil(self.fraction * n_total))

    def run_length(self, history: History) -> int:
        run = 0
        for label in reversed(list(history.labels)):
            if label:
                break
            run += 1
        return run

    def should_stop(self, history: History) -> bool:
        return bool(history.labels) and self.run_length(history) >= self.threshold(history.n_total)

    def report(self, history: History) -> dict:
        run, need = self.run_length(history), self.threshold(history.n_total)
        return {
            "rule": self.name,
            "stop": self.should_stop(history),
            "irrelevant_in_a_row": run,
            "threshold": need,
            "advice": f"stop (heuristic: no relevant record in the last {run})"
            if run >= need
            else f"continue: {need - run} more irrelevant in a row before the heuristic says stop",
        }


class HypergeometricTest:
    """Callaghan & Mueller-Hansen (2020): after active learning, screen a *random sample* of the
    unscreened records; stop when the hypothesis "recall is below ``target``" is rejected at
    ``1 - confidence``. :meth:`guaranteed_recall` gives the recall that the sample guarantees."""

    name = "srnlp.hypergeometric.v1"

    def __init__(self, target: float = 0.95, confidence: float = 0.95) -> None:
        self.target = target
        self.alpha = 1 - confidence

    def _counts(self, history: History) -> tuple[int, int, int, int]:
        start, n, k = history.sample_block()
        relevant_before = int(sum(history.labels[:start]))
        urn = history.n_total - start  # records unscreened when the sample began
        return urn, n, k, relevant_before

    def p_value(self, history: History, target: float | None = None) -> float:
        """P(sample this poor | recall < target); 1.0 without a sample."""
        target = self.target if target is None else target
        urn, n, k, before = self._counts(history)
        if n == 0:
            return 1.0
        found = before + k
        k_total = math.floor(found / target) + 1  # smallest total that makes recall < target
        in_urn = k_total - before
        if in_urn > urn:
            return 0.0
        return float(hypergeom.cdf(k, urn, in_urn, n))

    def should_stop(self, history: History) -> bool:
        return self.p_value(history) < self.alpha

    def guaranteed_recall(self, history: History) -> float:
        """The largest recall r with "recall < r" rejected at the confidence level (0 without a sample)."""
        urn, n, k, before = self._counts(history)
        if n == 0:
            return 0.0
        found = before + k
        if found == 0:
            return 0.0
        # the largest total K not rejected: cdf decreases in K
        hi = found
        for total in range(found, found + urn - k + 1):
            if hypergeom.cdf(k, urn, total - before, n) >= self.alpha:
                hi = total
            else:
                break
        return found / hi

    def report(self, history: History) -> dict:
        urn, n, k, _ = self._counts(history)
        p = self.p_value(history)
        recall = self.guaranteed_recall(history)
        if n == 0:
            advice = "no random sample yet: run `srnlp annotate NAME --sample` to draw one"
        elif p < self.alpha:
            advice = f"stop: recall >= {self.target:.0%} at {1 - self.alpha:.0%} confidence"
        else:
            advice = f"continue sampling: recall >= {self.target:.0%} not yet shown (p={p:.3f})"
        return {
            "rule": self.name,
            "stop": p < self.alpha,
            "target_recall": self.target,
            "confidence": 1 - self.alpha,
            "sample_size": n,
            "relevant_in_sample": k,
            "unscreened_when_sample_began": urn,
            "p_value": p,
            "guaranteed_recall": recall,
            "advice": advice,
        }
