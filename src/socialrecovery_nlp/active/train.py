"""``srnlp project train``: a new screening model version from the project's labels.

The screening model is fitted on every relevance label (latest wins; uncertain left out) and stored
in the project file as a new version (older versions are kept), with predictions for every record.
The themes, design and claims components are retrained through their ``train_from_config`` from the
shipped annotations plus the project's labels (exported in the training format); each run writes a
new model directory under ``<project file>.models/`` and registers it in the project file, and
:func:`project_model_config` points the project's pipeline (annotate, export) at the newest ones.
What could not be retrained is reported (W501).
"""

from __future__ import annotations

import hashlib
import json
import re
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


def train_screening(store: ProjectStore, model: str | None = None) -> dict[str, Any]:
    """Fit and store a new screening model version (``model``: default the project's screening
    model); returns its meta."""
    from .models import CachedEmbedder
    from .project import screening_model_of

    model = model or screening_model_of(store)
    labels = store.latest_labels("relevance")
    rows = store.records()
    ids = [rid for rid, _ in rows]
    texts = [screening_text(d) for _, d in rows]
    train = [(i, 1 if labels[rid] == "relevant" else 0) for i, rid in enumerate(ids) if labels.get(rid) in ("relevant", "irrelevant")]
    y = np.array([v for _, v in train], dtype=int)
    if len(set(y.tolist())) < 2:
        raise SrnlpError("E511", relevant=int(y.sum()), irrelevant=int((y == 0).sum()))
    t0 = time.perf_counter()
    estimator = make_model(model, embedder=CachedEmbedder(cache_dir=f"{store.path}.emb"))
    X = estimator.featurize(texts)
    estimator.fit(X[[i for i, _ in train]], y)
    scores = estimator.score(X, exclude=[i for i, _ in train])
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
    to ``<project file>.models/`` (shipped models are never overwritten) and is registered in the
    project file. ``repo`` is the checkout holding ``training/*.toml`` and the shipped annotations. Returns one entry per
    component: ``{"component", "status", "detail"}``; what cannot be retrained is reported (W501).
    """
    from ..paths import SOURCE_ROOT

    repo = repo or SOURCE_ROOT
    results = []
    in_use = project_models(store)
    for component, (_, _, label_kinds) in COMPONENT_TRAINING.items():
        n = sum(len(store.latest_labels(k)) for k in label_kinds if k != "claim")
        if "claim" in label_kinds:
            n += len(store.latest_claim_corrections())
        if n == 0:
            using = f"{in_use[component].name} (retrained earlier)" if component in in_use else "the shipped model"
            results.append({"component": component, "status": "unchanged",
                            "detail": f"no project labels of this kind; {using} stays in use"})
            continue
        try:
            detail = _TRAINERS[component](store, repo)
            results.append({"component": component, "status": "trained", "detail": detail})
        except Exception as exc:  # noqa: BLE001 - reported, never fatal for screening
            results.append({"component": component, "status": "skipped",
                            "detail": message("W501", component=component, reason=f"{type(exc).__name__}: {exc}")})
    return results


#: component -> (training config under ``training/``, model directory prefix, label kinds exported)
COMPONENT_TRAINING = {
    "themes": ("themes.toml", "themes-baseline", ("themes", "processes")),
    "design": ("design.toml", "design", ("design",)),
    "claims": ("claims.toml", "claims", ("claim",)),
}
_PROJECT_DIR = re.compile(r"^(?P<name>.+)-(?P<base>[^-+]+)\+project\.(?P<n>\d+)$")


def models_folder(store: ProjectStore) -> Path:
    """``<project file>.models/``: where the project's retrained models go."""
    return Path(str(store.path) + ".models").resolve()


def _next_run(out: Path, prefix: str) -> int:
    """1 + the highest ``<prefix>-<version>+project.<n>`` run number in ``out`` (never reused)."""
    runs = [int(m["n"]) for p in (out.glob(f"{prefix}-*") if out.is_dir() else [])
            if (m := _PROJECT_DIR.match(p.name)) and m["name"] == prefix]
    return max(runs, default=0) + 1


def _train_component(store: ProjectStore, repo: Path, component: str) -> str:
    """Shipped annotations + the project's labels of one component, through that component's
    ``train_from_config`` (project labels via ``data.extra`` for design and claims, appended to
    ``data.annotations`` for themes). The model goes to ``<project>.models/<name>-<shipped
    version>+project.<n>/`` (shipped models and earlier runs are never overwritten) and is
    registered in the project file, so the project's pipeline uses it from then on."""
    import tomllib

    from ..training import train_from_config
    from .export import export_training

    config_name, prefix, kinds = COMPONENT_TRAINING[component]
    config = repo / "training" / config_name
    with open(config, "rb") as handle:
        settings = tomllib.load(handle)
    folder = Path(str(store.path) + ".annotations")
    files = [f.resolve() for f in export_training(store, folder, kinds=kinds)]
    if not files:
        raise SrnlpError("E560", component=component, path=store.path)
    if component != "themes":
        _require_extra(component)
        prefix = settings["model"].get("name", prefix)
    out = models_folder(store)
    while True:  # reserve the run's directory, so that two concurrent runs never share one
        n = _next_run(out, prefix)
        version = f"{settings['model']['version']}+project.{n}"
        reserved = out / f"{prefix}-{version}"
        try:
            reserved.mkdir(parents=True, exist_ok=False)
            break
        except FileExistsError:
            continue
    if component == "themes":
        shipped = settings["data"]["annotations"]
        shipped = [shipped] if isinstance(shipped, str) else shipped
        overrides = {
            "data.annotations": [str(repo / p) for p in shipped] + [str(f) for f in files],
            "output.output_dir": str(out), "model.kinds": ["baseline"], "model.version": version,
        }
    else:
        overrides = {"data.extra": [str(f) for f in files], "output.models_root": str(out), "model.version": version}
        if component == "claims":
            from ..claims import minilm_scorer

            current = project_models(store).get("claims")
            if current is not None:  # the model the annotator saw: its predicted claims are what was corrected
                overrides["data.extra_model"] = str(current)

            if not minilm_scorer.available():  # retrain the TF-IDF detector and rule spans alone rather than fail
                overrides["minilm.enabled"] = False
                overrides["spans.model"] = "rules"
    try:
        model_dir = Path(train_from_config(config, overrides)).resolve()
    except BaseException:
        if reserved.is_dir() and not any(reserved.iterdir()):
            reserved.rmdir()
        raise
    if not (model_dir / "meta.json").is_file():
        raise SrnlpError("E561", component=component, path=model_dir)
    lines = sum(1 for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
    meta = {"path": str(model_dir), "dir": model_dir.name, "model": f"{prefix}@{version}",
            "trained_on": {"project_labels": lines, "files": [str(f) for f in files], "config": str(config)}}
    number = store.save_model(component, meta, None)
    return f"{component}@{number}: model written to {model_dir} ({lines} project labels from {folder})"


def _require_extra(component: str) -> None:
    """Raise (reported as W501) when the component's trainer does not read a ``data.extra``
    setting: its config loader accepts any override, so it would silently train without the
    project's labels."""
    import importlib
    import inspect

    source = inspect.getsource(importlib.import_module(f"socialrecovery_nlp.{component}.train"))
    if not re.search(r"""["']extra["']""", source):
        raise NotImplementedError(
            f"socialrecovery_nlp.{component}.train.train_from_config does not read a 'data.extra' setting yet, "
            "so it cannot train on project labels; they are exported for review and merging into annotations/"
        )


def _trainer(component: str) -> Callable[[ProjectStore, Path], str]:
    def trainer(store: ProjectStore, repo: Path) -> str:
        return _train_component(store, repo, component)

    return trainer


_TRAINERS: dict[str, Callable[[ProjectStore, Path], str]] = {c: _trainer(c) for c in COMPONENT_TRAINING}


def project_models(store: ProjectStore) -> dict[str, Path]:
    """``{component: model directory}`` of the project's newest retrained themes/design/claims
    models (registered by ``srnlp project train``, or found in ``<project>.models/``); components
    never retrained in this project are left out, so the shipped model is used for them."""
    out: dict[str, Path] = {}
    folder = models_folder(store)
    for component, (_, prefix, _) in COMPONENT_TRAINING.items():
        for entry in reversed(store.models(component)):
            meta = entry["meta"]
            for candidate in (folder / meta.get("dir", ""), Path(meta.get("path", ""))):
                if meta.get("dir") and (candidate / "meta.json").is_file():
                    out[component] = candidate
                    break
            if component in out:
                break
        if component not in out and folder.is_dir():  # trained before models were registered
            runs = [(int(m["n"]), p) for p in folder.glob(f"{prefix}-*")
                    if (m := _PROJECT_DIR.match(p.name)) and m["name"] == prefix and (p / "meta.json").is_file()]
            if runs:
                out[component] = max(runs)[1]
    return out


def project_model_config(store: ProjectStore) -> dict[str, dict[str, str]]:
    """The pipeline config (``socialrecovery_nlp.load(config=...)``) that uses the project's
    newest retrained models and the shipped ones for the rest."""
    return {component: {"model": str(path)} for component, path in project_models(store).items()}


def load_latest_screening(store: ProjectStore):
    from .models import LinearScreener

    stored = store.latest_model(COMPONENT)
    if stored is None:
        return None, None
    meta, weights = stored
    from .models import CachedEmbedder

    return meta, LinearScreener.from_bytes(weights, embedder=CachedEmbedder(cache_dir=f"{store.path}.emb"))


def records_of(store: ProjectStore) -> tuple[list[int], list[Record]]:
    rows = store.records()
    return [rid for rid, _ in rows], [Record.from_dict(d) for _, d in rows]
