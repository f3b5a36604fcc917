"""``srnlp project status``: progress, estimated recall and stopping advice."""

from __future__ import annotations

from typing import Any

import numpy as np

from .loop import SAMPLE_REASON
from .project import screening_model_of
from .stopping import ConsecutiveIrrelevant, History, HypergeometricTest
from .store import ProjectStore


def project_history(store: ProjectStore) -> History:
    seq = store.relevance_sequence()
    return History(
        [0 if v == "irrelevant" else 1 for _, v, _ in seq],
        store.n_records(),
        [r.startswith(SAMPLE_REASON) for _, _, r in seq],
    )


def estimated_recall(store: ProjectStore, history: History) -> dict[str, Any]:
    """A point estimate of recall: from the random sample when there is one (relevant rate in
    the sample times the records unscreened), else from the newest model's scores (Platt-scaled on
    the labelled records; rough, optimistic when the model is poor). None without either."""
    labels = store.latest_labels("relevance")
    found = sum(1 for v in labels.values() if v in ("relevant", "uncertain"))
    start, n, k = history.sample_block()
    unscreened = store.n_records() - len(labels)
    if n:
        remaining = k / n * (history.n_total - start - n)
        return {"value": found / (found + remaining) if found + remaining else 1.0, "method": f"random sample of {n}"}
    model, preds = store.latest_predictions("relevance")
    if not preds:
        return {"value": None, "method": "no model yet: run `srnlp project train`"}
    ids = [r for r in labels if labels[r] in ("relevant", "irrelevant") and r in preds]
    y = np.array([1 if labels[r] == "relevant" else 0 for r in ids])
    if len(set(y.tolist())) < 2:
        return {"value": None, "method": "needs relevant and irrelevant labels"}
    from sklearn.linear_model import LogisticRegression

    x = np.array([[preds[r]["score"]] for r in ids])
    platt = LogisticRegression().fit(x, y)
    rest = np.array([[v["score"]] for r, v in preds.items() if r not in labels]).reshape(-1, 1)
    remaining = float(platt.predict_proba(rest)[:, 1].sum()) if len(rest) else 0.0
    value = found / (found + remaining) if found + remaining else 1.0
    return {"value": value, "method": f"model {model} scores, Platt-scaled ({unscreened} unscreened)"}


def project_status(store: ProjectStore) -> dict[str, Any]:
    labels = store.latest_labels("relevance")
    history = project_history(store)
    counts = {v: sum(1 for x in labels.values() if x == v) for v in ("relevant", "irrelevant", "uncertain")}
    n = store.n_records()
    heuristic = ConsecutiveIrrelevant().report(history)
    test = HypergeometricTest(0.95, 0.95).report(history)
    advice = test["advice"] if test["sample_size"] else heuristic["advice"]
    if heuristic["stop"] and not test["sample_size"]:
        advice += "; to know the recall, draw a random sample: `srnlp annotate NAME --sample`"
    return {
        "project": store.info().get("name"),
        "path": str(store.path),
        "schema_version": store.version,
        "records": n,
        "batches": [{"name": b["name"], "added": b["n_added"], "duplicates": b["n_duplicates"], "at": b["added_at"]} for b in store.batches()],
        "screened": len(labels),
        "unscreened": n - len(labels),
        "labels": counts,
        "other_labels": {k: len(store.latest_labels(k)) for k in ("processes", "themes", "design")},
        "claim_corrections": len(store.latest_claim_corrections()),
        "models": [f"{m['component']}@{m['version']}" for m in store.models()],
        "screening_model": screening_model_of(store),
        "component_models": _component_models(store),
        "estimated_recall": estimated_recall(store, history),
        "stopping": {"heuristic": heuristic, "statistical": test},
        "advice": advice,
    }


def _component_models(store: ProjectStore) -> dict[str, str]:
    """The themes/design/claims model the project's pipeline uses: its newest retrained one, or
    ``"shipped"``."""
    from .train import COMPONENT_TRAINING, project_models

    found = project_models(store)
    return {c: str(found[c]) if c in found else "shipped" for c in COMPONENT_TRAINING}


def format_status(status: dict[str, Any]) -> str:
    lab = status["labels"]
    est = status["estimated_recall"]
    stat = status["stopping"]["statistical"]
    lines = [
        f"project {status['project']} ({status['path']}, schema v{status['schema_version']})",
        (f"records: {status['records']} in {len(status['batches'])} batch(es); screened {status['screened']}, "
         f"unscreened {status['unscreened']}"),
        f"labels: {lab['relevant']} relevant, {lab['irrelevant']} irrelevant, {lab['uncertain']} uncertain",
        f"models: {', '.join(status['models']) or 'none'} (screening model {status.get('screening_model', '?')})",
        "pipeline models: " + ", ".join(
            f"{c} {'shipped' if v == 'shipped' else 'retrained ' + v.rsplit('/', 1)[-1]}"
            for c, v in status.get("component_models", {}).items()),
        "estimated recall: "
        + (f"{est['value']:.1%} ({est['method']})" if est["value"] is not None else est["method"]),
    ]
    if stat["sample_size"]:
        lines.append(
            f"guaranteed recall: >= {stat['guaranteed_recall']:.1%} at {stat['confidence']:.0%} confidence "
            f"(random sample of {stat['sample_size']}, {stat['relevant_in_sample']} relevant)"
        )
    lines.append(f"advice: {status['advice']}")
    return "\n".join(lines)
