"""``srnlp project train``: a new screening model version from the project's labels.

The screening model is fitted on every relevance label (latest wins; uncertain left out) and stored
in the project file as a new version (older versions are kept), with predictions for every record.
The themes, design and claims components are retrained through their ``train_from_config`` when
those trainers and their configs are available; what could not be retrained is reported (W501).
"""

from __future__ import annotations

import hashlib
import json
import time
from typing import Any

import numpy as np

from ..corpus.record import Record
from ..errors import SrnlpError, message
from .models import make_model, screening_text
from .store import ProjectStore

COMPONENT = "screening"


def train_screening(store: ProjectStore, model: str = "srnlp.screen.v1") -> dict[str, Any]:
    """Fit and store a new screening model version; returns its meta."""
    labels = store.latest_labels("relevance")
    rows = store.records()
    ids = [rid for rid, _ in rows]
    texts = [screening_text(d) for _, d in rows]
    train = [(i, 1 if labels[rid] == "relevant" else 0) for i, rid in enumerate(ids) if labels.get(rid) in ("relevant", "irrelevant")]
    y = np.array([v for _, v in train], dtype=int)
    if len(set(y.tolist())) < 2:
        raise SrnlpError("E511", relevant=int(y.sum()), irrelevant=int((y == 0).sum()))
    t0 = time.perf_counter()
    estimator = make_model(model)
    X = estimator.featurize(texts)
    estimator.fit(X[[i for i, _ in train]], y)
    scores = estimator.score(X)
    digest = hashlib.sha256(json.dumps(sorted((ids[i], v) for i, v in train)).encode()).hexdigest()[:16]
    from ..about import __version__

    meta = {
        "name": model,
        "trained_on": {"relevant": int(y.sum()), "irrelevant": int((y == 0).sum()), "labels_sha256_16": digest},
        "records": len(ids),
        "seconds": round(time.perf_counter() - t0, 3),
        "socialrecovery_nlp": __version__,
    }
    version = store.save_model(COMPONENT, meta, estimator.to_bytes())
    store.save_predictions(
        COMPONENT, version, "relevance",
        {rid: {"score": float(s), "predicted": "relevant" if s > 0 else "irrelevant"} for rid, s in zip(ids, scores)},
    )
    return {**meta, "component": COMPONENT, "version": version}


def train_components(store: ProjectStore) -> list[dict[str, Any]]:
    """Retrain themes/design/claims from project labels + shipped annotations where possible.

    Returns one entry per component: ``{"component", "status", "detail"}``; components whose
    trainer or config is missing are reported as skipped with W501.
    """
    results = []
    for component in ("themes", "design", "claims"):
        try:
            detail = _train_component(store, component)
            results.append({"component": component, "status": "trained", "detail": detail})
        except Exception as exc:  # noqa: BLE001 - reported, never fatal for screening
            results.append({"component": component, "status": "skipped", "detail": message("W501", component=component, reason=exc)})
    return results


def _train_component(store: ProjectStore, component: str) -> str:
    import importlib
    from pathlib import Path

    from ..paths import models_root

    labels = {
        "themes": ("themes", "processes"),
        "design": ("design",),
        "claims": ("claim",),
    }[component]
    mod = importlib.import_module(f"socialrecovery_nlp.{component}.train")
    train_from_config = getattr(mod, "train_from_config")
    repo = models_root().parent
    config = repo / "training" / f"{component}.toml"
    if not config.is_file():
        raise FileNotFoundError(f"no training config {config}")
    from .export import export_training

    extra_dir = Path(str(store.path) + ".annotations")
    extra_dir.mkdir(exist_ok=True)
    files = export_training(store, extra_dir, kinds=labels)
    overrides = {"data.extra_annotations": [str(f) for f in files]} if files else {}
    model_dir = train_from_config(config, overrides)
    return f"model written to {model_dir} ({sum(1 for f in files for _ in open(f))} project annotations)"


def load_latest_screening(store: ProjectStore):
    from .models import LinearScreener

    stored = store.latest_model(COMPONENT)
    if stored is None:
        return None, None
    meta, weights = stored
    return meta, LinearScreener.from_bytes(weights)


def records_of(store: ProjectStore) -> tuple[list[int], list[Record]]:
    rows = store.records()
    return [rid for rid, _ in rows], [Record.from_dict(d) for _, d in rows]
