"""Combine the rule decision with the classifier's calibrated probabilities.

The final distribution is a mixture: ``w * onehot(rule label) + (1 - w) * p_model``, with
``w = confident_weight`` when the rules are confident and ``weak_weight`` otherwise (both fitted
on held-out hand labels, so the mixture stays calibrated). Confident rules therefore override
the model when ``confident_weight > 0.5``. A text without method information (a title alone,
no cue) leans to ``unclear`` with ``short_text_weight``. Designs that a text names when it has
them (:data:`NEEDS_OWN_CUE`: an RCT says it randomised or blinded, a meta-analysis says it pooled)
have their model probability multiplied by ``missing_cue_factor`` when no own cue of theirs
(strong or weak) was found.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from .rules import RuleDecision

NEEDS_OWN_CUE = frozenset({"rct", "meta_analysis", "systematic_review", "mixed_methods", "qualitative"})


@dataclass
class CombineParams:
    confident_weight: float = 0.6
    weak_weight: float = 0.0
    short_text_weight: float = 0.6
    short_text_words: int = 30
    missing_cue_factor: float = 1.0

    def to_dict(self) -> dict:
        return asdict(self)


def combine(decision: RuleDecision, proba: np.ndarray, labels: list[str], params: CombineParams,
            short_text: bool = False) -> np.ndarray:
    """The combined probability vector over ``labels``."""
    dist = np.asarray(proba, dtype=float).copy()
    index = {label: i for i, label in enumerate(labels)}
    if params.missing_cue_factor != 1.0:
        for label in NEEDS_OWN_CUE:
            if label in index and label not in decision.scores:
                dist[index[label]] *= params.missing_cue_factor
        dist = dist / dist.sum()
    if decision.label in index:
        w = params.confident_weight if decision.confident else params.weak_weight
        if w > 0:
            dist = (1 - w) * dist
            dist[index[decision.label]] += w
    if short_text and not decision.confident and "unclear" in index:
        w = params.short_text_weight
        dist = (1 - w) * dist
        dist[index["unclear"]] += w
    return dist / dist.sum()


def combine_batch(decisions: list[RuleDecision], proba: np.ndarray, labels: list[str], params: CombineParams,
                  short_text: list[bool]) -> np.ndarray:
    """:func:`combine` for a batch: one row per decision, the same arithmetic, vectorised."""
    dist = np.array(proba, dtype=float, copy=True)
    n = len(decisions)
    if n == 0:
        return dist
    index = {label: i for i, label in enumerate(labels)}
    rows = np.arange(n)
    if params.missing_cue_factor != 1.0:
        needs = [(label, index[label]) for label in sorted(NEEDS_OWN_CUE) if label in index]
        factor = np.ones_like(dist)
        for label, j in needs:
            factor[[label not in d.scores for d in decisions], j] = params.missing_cue_factor
        dist *= factor
        dist /= dist.sum(axis=1, keepdims=True)
    cols = np.array([index.get(d.label, -1) if d.label is not None else -1 for d in decisions])
    confident = np.array([d.confident for d in decisions], dtype=bool)
    w = np.where(confident, params.confident_weight, params.weak_weight)
    w = np.where((cols >= 0) & (w > 0), w, 0.0)
    dist *= (1 - w)[:, None]
    dist[rows[cols >= 0], cols[cols >= 0]] += w[cols >= 0]
    if "unclear" in index:
        ws = np.where(np.asarray(short_text, dtype=bool) & ~confident, params.short_text_weight, 0.0)
        dist *= (1 - ws)[:, None]
        dist[:, index["unclear"]] += ws
    return dist / dist.sum(axis=1, keepdims=True)


def is_short(text: str, params: CombineParams) -> bool:
    """Too little text to state a method (e.g. a title alone)."""
    return len(text.split()) < params.short_text_words
