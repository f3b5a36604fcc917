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
from collections.abc import Callable
from pathlib import Path
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


def train_components(store: ProjectStore, repo: Path | None = None) -> list[dict[str, Any]]:
    """Retrain themes/design/claims from project labels + shipped annotations where possible.

    A component is retrained only when the project holds labels of its kind; the new model goes
    to ``<project file>.models/`` (shipped models are never overwritten). Returns one entry per
    component: ``{"component", "status", "detail"}``; what cannot be retrained is reported (W501).
    """
    from ..paths import models_root

    repo = repo or models_root().parent
    results = []
    kinds = {"themes": ("themes", "processes"), "design": ("design",), "claims": ("claim",)}
    for component, label_kinds in kinds.items():
        n = sum(len(store.latest_labels(k)) for k in label_kinds if k != "claim")
        if "claim" in label_kinds:
            n += len(store.latest_claim_corrections())
        if n == 0:
            results.append({"component": component, "status": "unchanged",
                            "detail": "no project labels of this kind; the shipped model stays in use"})
            continue
        try:
            detail = _TRAINERS[component](store, repo)
            results.append({"component": component, "status": "trained", "detail": detail})
        except Exception as exc:  # noqa: BLE001 - reported, never fatal for screening
            results.append({"component": component, "status": "skipped",
                            "detail": message("W501", component=component, reason=f"{type(exc).__name__}: {exc}")})
    return results


def _train_themes(store: ProjectStore, repo: Path) -> str:
    """Shipped theme annotations + the project's theme/process labels, via the themes trainer."""
    import tomllib

    from ..training import train_from_config
    from .export import export_training

    config = repo / "training" / "themes.toml"
    with open(config, "rb") as handle:
        settings = tomllib.load(handle)
    shipped = settings["data"]["annotations"]
    folder = Path(str(store.path) + ".annotations")
    files = export_training(store, folder, kinds=("themes", "processes"))
    out = Path(str(store.path) + ".models").resolve()
    # a new version per run (earlier ones are kept): <shipped version>+project.<n>
    n = 1 + sum(1 for p in out.glob("themes-*+project.*")) if out.is_dir() else 1
    model_dir = train_from_config(config, {
        "data.annotations": [str(repo / p) for p in shipped] + [str(f.resolve()) for f in files],
        "output.output_dir": str(out),
        "model.kinds": ["baseline"],
        "model.version": f"{settings['model']['version']}+project.{n}",
    })
    return f"model written to {model_dir} (project labels in {folder})"


def _not_yet(component: str) -> Callable[[ProjectStore, Path], str]:
    def trainer(store: ProjectStore, repo: Path) -> str:
        from .export import export_training

        folder = Path(str(store.path) + ".annotations")
        export_training(store, folder, kinds=("design",) if component == "design" else ("claim",))
        raise NotImplementedError(
            f"the {component} trainer does not read project labels yet; they are exported to {folder} "
            f"for review and merging into annotations/"
        )

    return trainer


_TRAINERS: dict[str, Callable[[ProjectStore, Path], str]] = {
    "themes": _train_themes,
    "design": _not_yet("design"),
    "claims": _not_yet("claims"),
}


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
