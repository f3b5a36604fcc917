"""Simulation: replay the screening loop on a fully labelled data set.

The loop is the one annotators use (:class:`~.loop.ScreeningLoop` logic): fit the screening model
on the labelled records, score the rest, ask the query strategy for the next record, reveal its
label, and repeat until every relevant record is found (the order of the remaining records cannot
change any metric: they are all irrelevant). Metrics are computed with the prior records left out.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..corpus.record import Record
from ..errors import SrnlpError
from . import metrics as M
from .models import make_model, screening_text
from .query import get_strategy
from .stopping import ConsecutiveIrrelevant, History, HypergeometricTest


def choose_priors(
    labels: Sequence[int],
    prior_idx: Sequence[int] | None = None,
    n_included: int = 1,
    n_excluded: int = 1,
    seed: int | None = None,
) -> list[int]:
    """The prior rows: ``prior_idx`` when given (0-based), else a seeded random draw of
    ``n_included`` relevant and ``n_excluded`` irrelevant rows."""
    y = np.asarray(labels, dtype=int)
    if prior_idx:
        for i in prior_idx:
            if not 0 <= int(i) < len(y):
                raise SrnlpError("E522", index=i, n=len(y))
        prior = [int(i) for i in dict.fromkeys(prior_idx)]
    else:
        rng = np.random.default_rng(seed)
        pos, neg = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
        if n_included > len(pos):
            raise SrnlpError("E524", wanted=n_included, kind="relevant", available=len(pos))
        if n_excluded > len(neg):
            raise SrnlpError("E524", wanted=n_excluded, kind="irrelevant", available=len(neg))
        prior = [int(i) for i in rng.choice(pos, n_included, replace=False)] + [
            int(i) for i in rng.choice(neg, n_excluded, replace=False)
        ]
    n_rel = int(y[prior].sum())
    if n_rel == 0 or n_rel == len(prior):
        raise SrnlpError("E523", relevant=n_rel, irrelevant=len(prior) - n_rel)
    return prior


@dataclass
class SimulationResult:
    data: str
    model: str
    query: str
    prior_idx: list[int]
    order: list[int]  # row numbers, priors excluded, in screening order
    record_ids: list[str]
    labels: list[int]  # padded labels, priors excluded
    seconds_per_iteration: float
    seconds_features: float
    stopping: dict[str, Any] = field(default_factory=dict)
    seconds_embedding: float = 0.0  # part of seconds_features spent encoding (0 when cached)

    def to_dict(self) -> dict[str, Any]:
        return {
            "data": self.data,
            "model": self.model,
            "query": self.query,
            "prior_idx": self.prior_idx,
            "prior_record_ids": None,
            "screening_order": self.record_ids,
            "screening_order_rows": self.order,
            "metrics": {
                **M.all_metrics(self.labels),
                "seconds_per_iteration": self.seconds_per_iteration,
                "seconds_feature_extraction": self.seconds_features,
                "seconds_embedding": self.seconds_embedding,
                "iterations": len(self.order),
            },
            "metric_definitions": METRIC_DEFINITIONS,
            "stopping": self.stopping,
        }


METRIC_DEFINITIONS = {
    "loss": "ASReview 2.2 asreview.metrics.loss: normalised area above the recall curve, 0 best",
    "wss@95_insights": "ASReview insights WSS: records found before (rounded) random order, share of N",
    "wss@95_cohen": "Cohen et al. 2006: (TN+FN)/N - (1 - 0.95) at the first point with recall >= 0.95",
    "recall@10%": "recall after screening 10% of the records",
    "erf@10%": "ASReview insights extra relevant found over random at 10%, share of relevant",
    "atd": "average 1-based position of the relevant records in the screening order",
    "all": "priors excluded; N = records minus priors",
}


def simulate(
    records: list[Record],
    prior_idx: Sequence[int],
    model: str = "srnlp.screen.v1",
    query: str = "max",
    seed: int = 0,
    max_iterations: int | None = None,
    data_name: str = "",
    embedder: Any = None,
) -> SimulationResult:
    """Screen ``records`` (each with ``label_included``) starting from the rows ``prior_idx``.

    ``embedder`` replaces the sentence encoder of models with an embedding view (tests); the
    embeddings are computed once, before the loop, and reported apart from the loop's time."""
    y = np.asarray([int(r.label_included or 0) for r in records], dtype=int)
    estimator = make_model(model, seed=seed, embedder=embedder)
    from .models import default_embedder

    enc = embedder if embedder is not None else default_embedder()
    enc_before = float(getattr(enc, "seconds", 0.0))
    t0 = time.perf_counter()
    X = estimator.featurize([screening_text(r) for r in records])
    t_features = time.perf_counter() - t0
    t_embedding = float(getattr(enc, "seconds", 0.0)) - enc_before
    strategy = get_strategy(query) if query != "max_random" else get_strategy(query, seed=seed)
    labelled = np.zeros(len(y), dtype=bool)
    labelled[list(prior_idx)] = True
    remaining = int(y.sum() - y[labelled].sum())
    order: list[int] = []
    t0 = time.perf_counter()
    while remaining > 0 and not labelled.all():
        if max_iterations is not None and len(order) >= max_iterations:
            break
        idx = np.flatnonzero(labelled)
        estimator.fit(X[idx], y[idx])
        scores = estimator.score(X, exclude=idx)  # all rows: cheaper than copying the pool out
        pick = int(strategy.query(scores, labelled, 1)[0])
        labelled[pick] = True
        order.append(pick)
        remaining -= y[pick]
    per_iteration = (time.perf_counter() - t0) / max(len(order), 1)
    screened = [int(y[i]) for i in order]
    rest = [int(y[i]) for i in np.flatnonzero(~labelled)]
    labels = M.pad_labels(screened, rest)
    return SimulationResult(
        data=data_name,
        model=model,
        query=query,
        prior_idx=list(prior_idx),
        order=order,
        record_ids=[records[i].id for i in order],
        labels=labels,
        seconds_per_iteration=per_iteration,
        seconds_features=t_features,
        seconds_embedding=t_embedding,
        stopping=stopping_replay(labels, len(labels)),
    )


def stopping_replay(labels: Sequence[int], n_total: int, seed: int = 0) -> dict[str, Any]:
    """Where the SAFE-style heuristic would have stopped, and what a random sample of the rest
    drawn at that point would then have needed to show 95% recall at 95% confidence."""
    rule = ConsecutiveIrrelevant()
    need = rule.threshold(n_total)
    run, stop_at = 0, None
    for k, label in enumerate(labels, 1):
        run = 0 if label else run + 1
        if run >= need:
            stop_at = k
            break
    total = int(sum(labels))
    out: dict[str, Any] = {"consecutive_irrelevant": {"threshold": need, "stopped_after": stop_at}}
    if stop_at is None:
        return out
    out["consecutive_irrelevant"]["recall_at_stop"] = sum(labels[:stop_at]) / total if total else 1.0
    rng = np.random.default_rng(seed)
    rest = list(labels[stop_at:])
    rng.shuffle(rest)
    test = HypergeometricTest(0.95, 0.95)
    screened = list(labels[:stop_at])
    flags = [False] * stop_at
    for label in rest:
        screened.append(label)
        flags.append(True)
        if test.should_stop(History(screened, n_total, flags)):
            break
    hist = History(screened, n_total, flags)
    out["hypergeometric_after_heuristic"] = {
        "records_screened": len(screened),
        "recall_achieved": sum(screened) / total if total else 1.0,
        **{k: v for k, v in test.report(hist).items() if k in ("stop", "sample_size", "guaranteed_recall")},
    }
    return out
