"""Grouped cross-validation: folds by paragraph (review) and by record (screening), never a
sentence of the same paragraph or record on both sides; thresholds chosen on out-of-fold scores."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .data import Example, label_matrix, read_jsonl
from .document import ThemeModel
from .labels import LabelSpace
from .sentences import split_text


@dataclass
class Unit:
    """An evaluation unit: a review sentence, or a whole screening record (scored as a document)."""

    id: str
    text: str
    y: np.ndarray
    group: str
    source: str


def load_units(paths, space: LabelSpace) -> list[Unit]:
    units = []
    for path in paths:
        for row in read_jsonl(path):
            source = "screening" if row.get("provenance", {}).get("level") == "record" else "review"
            units.append(Unit(row["id"], row["text"], space.encode(row["labels"]), row["group"], source))
    return units


def group_folds(groups: list[str], n_splits: int, seed: int) -> list[np.ndarray]:
    """Fold index per unit: distinct groups shuffled with ``seed`` and dealt round-robin."""
    distinct = sorted(set(groups))
    rng = np.random.default_rng(seed)
    rng.shuffle(distinct)
    fold_of = {g: i % n_splits for i, g in enumerate(distinct)}
    return np.array([fold_of[g] for g in groups])


def oof_scores(make_estimator, examples: list[Example], units: list[Unit], space: LabelSpace,
               n_splits: int = 5, seed: int = 0, top_k: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Out-of-fold document scores (units, labels) and the fold of each unit."""
    unit_fold = group_folds([u.group for u in units], n_splits, seed)
    fold_of_group = {u.group: f for u, f in zip(units, unit_fold)}
    Y = label_matrix(examples, space)
    scores = np.zeros((len(units), len(space.ids)))
    for k in range(n_splits):
        train = [i for i, e in enumerate(examples) if fold_of_group.get(e.group, -1) != k]
        est = make_estimator().fit([examples[i].text for i in train], Y[train])
        model = ThemeModel(est, space, {}, top_k=top_k)
        test = np.flatnonzero(unit_fold == k)
        items = [(units[i].text, split_text(units[i].text) if units[i].source == "screening"
                  else [(0, len(units[i].text))], None) for i in test]
        for i, r in zip(test, model.predict_spans(items)):
            scores[i] = [*r.processes.values(), *r.themes.values()]
    return scores, unit_fold


def best_threshold(scores: np.ndarray, y: np.ndarray, negatives: np.ndarray | None = None,
                   max_negative_rate: float = 0.01, default: float = 0.5, min_positives: int = 3) -> float:
    """The F1-maximising threshold on a grid (ties: the one nearest 0.5), among thresholds that
    flag at most ``max_negative_rate`` of the out-of-field ``negatives`` (a specificity floor)."""
    grid = np.round(np.arange(0.05, 0.96, 0.025), 3)
    if negatives is not None and negatives.any():
        rates = np.array([(scores[negatives] >= t).mean() for t in grid])
        allowed = grid[rates <= max_negative_rate]
        floor = float(allowed[0]) if len(allowed) else float(grid[-1])
    else:
        floor = float(grid[0])
    if y.sum() < min_positives:
        return max(default, floor)
    grid = grid[grid >= floor]
    f1s = []
    for t in grid:
        pred = scores >= t
        tp = float((pred & (y == 1)).sum())
        denom = pred.sum() + y.sum()
        f1s.append(2 * tp / denom if denom else 0.0)
    f1s = np.array(f1s)
    best = np.flatnonzero(f1s >= f1s.max() - 1e-12)
    return float(grid[best[np.argmin(np.abs(grid[best] - 0.5))]])


def choose_thresholds(scores, Y, space: LabelSpace, out_of_field=None, **kw) -> dict[str, float]:
    """Per-label thresholds; ``out_of_field`` marks screening units (their clean ones set the floor)."""
    out = {}
    for j, label in enumerate(space.ids):
        neg = None if out_of_field is None else (out_of_field & (Y[:, j] == 0))
        out[label] = best_threshold(scores[:, j], Y[:, j], negatives=neg, **kw)
    return out


def cross_fitted_predictions(scores, Y, folds, space: LabelSpace, out_of_field=None, **kw) -> np.ndarray:
    """Labels for fold k from thresholds chosen on the other folds' out-of-fold scores."""
    pred = np.zeros_like(Y)
    for k in np.unique(folds):
        other = folds != k
        th = choose_thresholds(scores[other], Y[other], space,
                               None if out_of_field is None else out_of_field[other], **kw)
        t = np.array([th[label] for label in space.ids])
        flags = scores[folds == k] >= t
        pred[folds == k] = np.stack([space.encode(space.decode(f)) for f in flags]) if flags.size else flags
    return pred


def prf(y_true: np.ndarray, y_pred: np.ndarray) -> dict:
    tp = int((y_true & y_pred).sum())
    fp = int(((1 - y_true) & y_pred).sum())
    fn = int((y_true & (1 - y_pred)).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
            "support": int(y_true.sum())}


def metrics(Y: np.ndarray, P: np.ndarray, space: LabelSpace) -> dict:
    """Micro/macro F1 per level and P/R/F1 per label (macro over labels with support > 0)."""
    Y, P = Y.astype(int), P.astype(int)
    out: dict = {"per_label": {}}
    for level, ids in (("processes", space.processes), ("themes", space.themes)):
        cols = [space.index(i) for i in ids]
        per = {i: prf(Y[:, c], P[:, c]) for i, c in zip(ids, cols)}
        out["per_label"].update(per)
        supported = [v["f1"] for v in per.values() if v["support"] > 0]
        out[level] = {"micro_f1": prf(Y[:, cols].ravel(), P[:, cols].ravel())["f1"],
                      "macro_f1": round(float(np.mean(supported)), 3) if supported else 0.0,
                      "labels_with_support": len(supported)}
    return out
