"""``srnlp train training/themes.toml``: rebuild the themes models from the annotations.

For each model kind listed in ``[model] kinds``: grouped cross-validation (out-of-fold scores ->
thresholds and metrics), a final fit on all annotations, and a model directory
``models/themes-<kind>-<version>/`` with weights, ``meta.json`` and a ``README.md`` model card.
"""

from __future__ import annotations

import copy
import json
import tomllib
from pathlib import Path
from typing import Any

import numpy as np

from .cv import choose_thresholds, cross_fitted_predictions, load_units, metrics, oof_scores
from .data import label_matrix, load_examples
from .document import ThemeModel
from .labels import LabelSpace
from .registry import KINDS, estimator_class


def repo_root(config_path: Path) -> Path:
    """Paths in a config are relative to the checkout (the config lives in ``training/``)."""
    return config_path.resolve().parent.parent


def load_config(config_path: str | Path, overrides: dict[str, Any] | None = None) -> dict:
    with open(config_path, "rb") as handle:
        config = tomllib.load(handle)
    config = copy.deepcopy(config)
    for key, value in (overrides or {}).items():
        node = config
        *parents, last = key.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return config


class CachingEncoder:
    """Wraps the sentence encoder with a cache (cross-validation re-embeds nothing); with
    ``path`` the cache persists as a JSON text list + safetensors array between runs."""

    def __init__(self, encoder, path: str | Path | None = None):
        self.encoder = encoder
        self.path = Path(path) if path else None
        self.cache: dict[str, np.ndarray] = {}
        if self.path and self.path.with_suffix(".json").is_file():
            from safetensors.numpy import load_file

            texts = json.loads(self.path.with_suffix(".json").read_text(encoding="utf-8"))
            vectors = load_file(str(self.path.with_suffix(".safetensors")))["embeddings"]
            self.cache = dict(zip(texts, vectors))

    def encode(self, texts):
        missing = list(dict.fromkeys(t for t in texts if t not in self.cache))
        if missing:
            for t, v in zip(missing, self.encoder.encode(missing)):
                self.cache[t] = v
            self._save()
        return np.stack([self.cache[t] for t in texts]) if len(texts) else np.zeros((0, 384), np.float32)

    def _save(self):
        if not self.path:
            return
        from safetensors.numpy import save_file

        self.path.parent.mkdir(parents=True, exist_ok=True)
        texts = list(self.cache)
        save_file({"embeddings": np.stack([self.cache[t] for t in texts]).astype(np.float32)},
                  str(self.path.with_suffix(".safetensors")))
        self.path.with_suffix(".json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")


def estimator_factory(kind: str, params: dict, space: LabelSpace, device: str = "cpu", encoder=None):
    name = KINDS.get(kind, kind)
    cls = estimator_class(name)
    if name == "srnlp.minilm_head.v1":
        from ..codebook import load_codebook

        cb = load_codebook()
        descriptions = [cb.label(label).description() for label in space.ids]
        return lambda: cls(space.ids, descriptions, device=device, encoder=encoder, **params)
    return lambda: cls(**params)


def cross_validate(config: dict, kind: str, root: Path, encoder=None, log=print) -> dict:
    """Grouped CV for one model kind: thresholds, metrics and what the final fit needs."""
    space = LabelSpace.from_codebook()
    data_cfg = config["data"]
    paths = [root / p for p in data_cfg["annotations"]]
    examples = load_examples(paths)
    units = load_units(paths, space)
    section = config.get("models", {}).get(kind, {})
    params = dict(section.get("params", {}))
    device = section.get("device", "cpu")
    if KINDS.get(kind, kind) == "srnlp.minilm_head.v1" and encoder is None:
        from .encoder import get_encoder

        encoder = CachingEncoder(get_encoder(device), section.get("embedding_cache"))
    make = estimator_factory(kind, params, space, device, encoder)
    top_k = int(section.get("top_k", config.get("document", {}).get("top_k", 3)))
    cv_cfg = config.get("cv", {})
    n_splits, seed = int(cv_cfg.get("folds", 5)), int(cv_cfg.get("seed", 0))

    log(f"[themes:{kind}] {len(examples)} training examples, {len(units)} evaluation units; {n_splits}-fold CV")
    scores, folds = oof_scores(make, examples, units, space, n_splits=n_splits, seed=seed, top_k=top_k)
    Y = np.stack([u.y for u in units])
    review = np.array([u.source == "review" for u in units])
    th_kw = {"max_negative_rate": float(config.get("thresholds", {}).get("max_negative_rate", 0.01))}
    thresholds = choose_thresholds(scores, Y, space, ~review, **th_kw)
    pred = cross_fitted_predictions(scores, Y, folds, space, ~review, **th_kw)
    screening = ~review
    theme_cols = [space.index(t) for t in space.themes]
    clean = Y[screening][:, theme_cols].sum(1) == 0
    flagged = pred[screening][:, theme_cols].sum(1) > 0
    cv_metrics = {
        "split": (f"{n_splits}-fold grouped cross-validation (seed {seed}); groups: review paragraph, "
                  "screening record; thresholds for each fold chosen on the other folds' out-of-fold scores, "
                  f"each flagging at most {th_kw['max_negative_rate']:.1%} of the out-of-field abstracts"),
        "review_sentences": {"n": int(review.sum()), **metrics(Y[review], pred[review], space)},
        "screening_negatives_cv": {
            "n": int(screening.sum()), "records_without_true_theme": int(clean.sum()),
            "false_theme_rate": round(float((flagged & clean).sum() / max(1, clean.sum())), 4),
        },
    }
    log(f"[themes:{kind}] CV review micro-F1 processes {cv_metrics['review_sentences']['processes']['micro_f1']}"
        f" themes {cv_metrics['review_sentences']['themes']['micro_f1']}")
    return {"space": space, "paths": paths, "examples": examples, "make": make, "params": params, "encoder": encoder,
            "section": section, "top_k": top_k, "thresholds": thresholds, "metrics": cv_metrics}


def train_kind(config: dict, kind: str, root: Path, out_root: Path | None = None, encoder=None,
               log=print) -> Path:
    from ..modeldir import data_hashes, write_meta

    cv = cross_validate(config, kind, root, encoder=encoder, log=log)
    space, paths, examples, make = cv["space"], cv["paths"], cv["examples"], cv["make"]
    params, section, top_k, thresholds, cv_metrics = (cv[k] for k in ("params", "section", "top_k", "thresholds", "metrics"))
    doc_cfg = config.get("document", {})

    estimator = make().fit([e.text for e in examples], label_matrix(examples, space))
    name = f"themes-{kind}"
    version = str(config["model"]["version"])
    out_root = out_root or (root / config.get("output", {}).get("dir", "models"))
    model_dir = out_root / f"{name}-{version}"
    files = estimator.save(model_dir)
    model = ThemeModel(estimator, space, thresholds, top_k=top_k, evidence_k=int(doc_cfg.get("evidence_k", 3)))
    meta = {
        "name": name, "version": version, "component": "themes",
        **model.config(), "estimator": KINDS.get(kind, kind), "params": params,
        "metrics": cv_metrics,
        "data": {"annotations": data_hashes(paths, relative_to=root), "training_examples": len(examples)},
        "codebook_version": _codebook_version(),
        "training_config": config.get("_config_path", "training/themes.toml"),
        "files": files,
        "licence": config["model"].get("licence", "MIT"),
        "requires": section.get("requires", []),
    }
    write_meta(model_dir, meta)
    (model_dir / "README.md").write_text(model_card(meta), encoding="utf-8")
    log(f"[themes:{kind}] wrote {model_dir}")
    return model_dir


def _codebook_version() -> str:
    from ..codebook import load_codebook

    return load_codebook().version


def model_card(meta: dict) -> str:
    m = meta["metrics"]["review_sentences"]
    rows = "\n".join(f"| {label} | {v['precision']} | {v['recall']} | {v['f1']} | {v['support']} |"
                     for label, v in m["per_label"].items())
    return f"""# {meta['name']} {meta['version']}

Recovery processes (5) and emergent themes (14) of Tew et al. (2011) for sentences and records;
component `srnlp_themes`, estimator `{meta['estimator']}`. Rebuild: `srnlp train {meta['training_config']}`
(or `python -m socialrecovery_nlp.themes.train {meta['training_config']}`).

- Training data: {meta['data']['training_examples']} examples from {', '.join(meta['data']['annotations'])}
  (every sentence of the seed review, hand-labelled; 300 out-of-field screening abstracts, checked by eye).
- Document score: noisy-or over the top {meta['aggregation']['top_k']} sentence scores, weighted by section kind;
  hierarchy enforced (a process scores at least its best theme); thresholds per label chosen on CV.
- Licence: {meta['licence']}.

## Evaluation ({meta['metrics']['split']})

Review sentences (n={m['n']}): processes micro-F1 {m['processes']['micro_f1']}, macro-F1 {m['processes']['macro_f1']};
themes micro-F1 {m['themes']['micro_f1']}, macro-F1 {m['themes']['macro_f1']}.
Screening abstracts in CV: false theme rate {meta['metrics']['screening_negatives_cv']['false_theme_rate']}.

| label | precision | recall | F1 | support |
|---|---|---|---|---|
{rows}

## Limits
Trained on one review (176 sentences) and out-of-field abstracts: hope (3 sentences) and meaning
(4) have almost no training signal; no hand-labelled set of real in-field abstracts exists yet, so
performance on the records a review team screens is unmeasured. See docs/models/themes.md.
"""


def train_from_config(config_path: str | Path, overrides: dict[str, Any] | None = None) -> Path:
    """Train every kind in ``[model] kinds``; returns the first model directory."""
    config_path = Path(config_path)
    config = load_config(config_path, overrides)
    root = repo_root(config_path)
    try:
        config["_config_path"] = str(config_path.resolve().relative_to(root))
    except ValueError:
        config["_config_path"] = str(config_path)
    out = None if "output_dir" not in config.get("output", {}) else Path(config["output"]["output_dir"])
    dirs = [train_kind(config, kind, root, out_root=out) for kind in config["model"].get("kinds", ["baseline"])]
    return dirs[0]


def main(argv: list[str] | None = None) -> None:
    import argparse
    import json

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("config", nargs="?", default="training/themes.toml")
    parser.add_argument("--set", action="append", default=[], help="section.key=value (JSON value)")
    args = parser.parse_args(argv)
    overrides = {}
    for item in args.set:
        key, raw = item.split("=", 1)
        try:
            overrides[key] = json.loads(raw)
        except json.JSONDecodeError:
            overrides[key] = raw
    print(train_from_config(args.config, overrides))


if __name__ == "__main__":
    main()
