"""Combine the rule decision with the classifier's calibrated probabilities.

The final distribution is a mixture: ``w * onehot(rule label) + (1 - w) * p_model``, with
``w = confident_weight`` when the rules are confident and ``weak_weight`` otherwise (both fitted
on held-out hand labels, so the mixture stays calibrated). Confident rules therefore override
the model when ``confident_weight > 0.5``. A text without method information (a title alone,
no cue) leans to ``unclear`` with ``short_text_weight``. Designs that a text names when it has
them (:data:`NEEDS_OWN_CUE`: an RCT says it randomised or blinded, a meta-analysis says it pooled)
have their model probability multiplied by ``missing_cue_factor`` when no own cue of theirs
(strong or weak) was found. ``confident_weights`` (design-6, default empty) gives some rule labels their own
``confident_weight``. ``output_temperature`` (design-6, default 1 = off) flattens (> 1) or
sharpens (< 1) the final distribution without changing its argmax.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

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
    output_temperature: float = 1.0  # design-6: combined distribution ** (1 / T), renormalised
    #: design-6: ``confident_weight`` per rule label (labels not named use ``confident_weight``)
    confident_weights: dict[str, float] = field(default_factory=dict)

    def weight_for(self, label: str | None, confident: bool) -> float:
        if not confident:
            return self.weak_weight
        return self.confident_weights.get(label, self.confident_weight) if self.confident_weights else self.confident_weight

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
        w = params.weight_for(decision.label, decision.confident)
        if w > 0:
            dist = (1 - w) * dist
            dist[index[decision.label]] += w
    if short_text and not decision.confident and "unclear" in index:
        w = params.short_text_weight
        dist = (1 - w) * dist
        dist[index["unclear"]] += w
    dist = dist / dist.sum()
    if params.output_temperature != 1.0:
        dist = sharpen(dist, params.output_temperature)[0]
    return dist


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
    if params.confident_weights:
        w = np.array([params.weight_for(d.label, d.confident) for d in decisions], dtype=float)
    else:
        w = np.where(confident, params.confident_weight, params.weak_weight)
    w = np.where((cols >= 0) & (w > 0), w, 0.0)
    dist *= (1 - w)[:, None]
    dist[rows[cols >= 0], cols[cols >= 0]] += w[cols >= 0]
    if "unclear" in index:
        ws = np.where(np.asarray(short_text, dtype=bool) & ~confident, params.short_text_weight, 0.0)
        dist *= (1 - ws)[:, None]
        dist[:, index["unclear"]] += ws
    dist = dist / dist.sum(axis=1, keepdims=True)
    if params.output_temperature != 1.0:
        dist = sharpen(dist, params.output_temperature)
    return dist


def is_short(text: str, params: CombineParams) -> bool:
    """Too little text to state a method (e.g. a title alone)."""
    return len(text.split()) < params.short_text_words


def sharpen(dist: np.ndarray, temperature: float) -> np.ndarray:
    """``dist ** (1 / temperature)``, renormalised per row (argmax unchanged): the output
    temperature of the combined distribution (design-6; 1 = identity)."""
    dist = np.atleast_2d(np.asarray(dist, dtype=float))
    if temperature == 1.0:
        return dist
    logp = np.log(np.clip(dist, 1e-12, None)) / temperature
    logp -= logp.max(axis=1, keepdims=True)
    e = np.exp(logp)
    return e / e.sum(axis=1, keepdims=True)


def fit_output_temperature(dist: np.ndarray, gold_index: np.ndarray) -> float:
    """Output temperature minimising the negative log-likelihood of ``gold_index`` (grid 0.3-3)."""
    gold_index = np.asarray(gold_index, dtype=int)
    if not len(gold_index):
        return 1.0
    rows = np.arange(len(gold_index))
    grid = np.exp(np.linspace(np.log(0.3), np.log(3.0), 121))
    nll = [-np.mean(np.log(sharpen(dist, t)[rows, gold_index] + 1e-12)) for t in grid]
    return float(grid[int(np.argmin(nll))])
