"""Train the claims model from ``training/claims.toml``: ``train_from_config(path, overrides)``.

Only the claim-sentence detector is trained (TF-IDF + logistic regression on the seed
annotations' training split, optionally with down-weighted external sentences); factor/outcome
spans, direction, strength and hedging are rules (:mod:`.spans`, :mod:`.direction`,
:mod:`.hedging`) shipped with the package. The threshold is chosen by grouped cross-validation
(folds by paragraph) on the training split. The held-out test split is evaluated and the
numbers go into ``meta.json``.
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path
from typing import Any

import numpy as np

from ..modeldir import data_hashes, write_meta
from ..paths import SOURCE_ROOT
from . import data as claim_data
from .detector import ClaimDetector
from .parser import DEFAULT_PARSER, EXPECTED_META


def load_config(config_path: str | Path, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    with open(config_path, "rb") as handle:
        config = tomllib.load(handle)
    for key, value in (overrides or {}).items():
        section, _, name = key.partition(".")
        config.setdefault(section, {})[name] = value
    return config


def _resolve(path: str, config_path: Path) -> Path:
    p = Path(path)
    if p.is_absolute():
        return p
    for base in (config_path.resolve().parent.parent, SOURCE_ROOT):
        if (base / p).exists():
            return base / p
    return SOURCE_ROOT / p


def training_set(config: dict, config_path: Path) -> tuple[list[str], list[int], list[float], list[int], list[Path]]:
    """Texts, labels, weights, paragraph groups (seed only; -1 for external) and data files."""
    annotations = _resolve(config["data"]["annotations"], config_path)
    rows = claim_data.load_annotations(annotations)
    splits = set(config["data"].get("train_splits", ["train"]))
    seed = [r for r in rows if r["split"] in splits]
    texts = [r["text"] for r in seed]
    labels = [int(r["is_claim"]) for r in seed]
    weights = [1.0] * len(seed)
    groups = [r["paragraph"] for r in seed]
    files = [annotations, annotations.parent / rows[0]["source"].split("/")[-1]]
    root = _resolve(config["data"].get("external_root", "data/claims"), config_path)
    w_cc = float(config["data"].get("countercausality_weight", 0.0))
    if w_cc > 0:
        cc_texts, cc_labels = claim_data.countercausality("train", root)
        texts += cc_texts; labels += cc_labels; weights += [w_cc] * len(cc_texts); groups += [-1] * len(cc_texts)
        files.append(root / "countercausality" / "causality-detection" / "train.jsonl")
    w_cert = float(config["data"].get("certainty_weight", 0.0))
    if w_cert > 0:
        findings = [r["finding"] for r in claim_data.certainty_findings("train", root)]
        texts += findings; labels += [1] * len(findings); weights += [w_cert] * len(findings); groups += [-1] * len(findings)
        files.append(root / "certainty" / "sentence-level-certainty.jsonl")
    return texts, labels, weights, groups, files


def select_threshold(texts, labels, weights, groups, params: dict, candidates=(0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6),
                     folds: int = 5, parser: str = DEFAULT_PARSER) -> tuple[float, float, dict]:
    """Detector cut-offs ``(threshold, confident)`` maximising out-of-fold F1 on the seed sentences.

    A sentence is predicted a claim when it passes the trigger gate and the non-claim frames
    (:func:`.extract._trigger_units`), its out-of-fold probability reaches ``threshold``, and
    either the probability reaches ``confident`` or the rules find a relation with both a factor
    and an outcome in its parse. Folds are grouped by paragraph; ties go to the higher
    ``threshold`` (fewer sentences to parse), then the lower ``confident``.
    """
    from sklearn.model_selection import GroupKFold

    from ..pipeline.language import load
    from .extract import ClaimExtractor, _trigger_units

    nlp = load(components=[])
    seed_idx = np.array([i for i, g in enumerate(groups) if g >= 0])
    ext_idx = np.array([i for i, g in enumerate(groups) if g < 0], dtype=int)
    y = np.array(labels)
    docs = [nlp(texts[i]) for i in seed_idx]
    trig = np.array([bool(_trigger_units(doc)) for doc in docs])
    rules = ClaimExtractor(None, spacy_model=parser, threshold=-1.0)
    if rules.parser is not None:
        full = np.array([any(c.factor is not None and c.outcome is not None for c in rules(doc)) for doc in docs])
    else:  # no parser: the relation check cannot run, so it never vetoes
        full = np.ones(len(docs), dtype=bool)
    oof = np.zeros(len(seed_idx))
    for tr, te in GroupKFold(folds).split(seed_idx, y[seed_idx], np.array(groups)[seed_idx]):
        train_idx = np.concatenate([seed_idx[tr], ext_idx])
        det = ClaimDetector(**params).fit([texts[i] for i in train_idx], y[train_idx], np.array(weights)[train_idx])
        oof[te] = det.predict_proba([texts[i] for i in seed_idx[te]])
    best = (-1.0, 0.5, 0.5, {})
    ys = y[seed_idx]
    for t in sorted(candidates, reverse=True):
        for c in [x for x in sorted(candidates) if x >= t] + [1.01]:
            pred = trig & (oof >= t) & ((oof >= c) | full)
            tp = int((pred & (ys == 1)).sum())
            p = tp / max(int(pred.sum()), 1)
            r = tp / max(int(ys.sum()), 1)
            f = 2 * p * r / (p + r) if p + r else 0.0
            if f > best[0] + 1e-9:
                best = (f, t, c, {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)})
    return best[1], best[2], {"cv_folds": folds, "threshold": best[1], "confident": best[2], **best[3]}


def train_from_config(config_path: Path, overrides: dict[str, Any]) -> Path:
    """Train the detector, write ``<models_root>/claims-<version>/`` and return its path."""
    config_path = Path(config_path)
    config = load_config(config_path, overrides)
    model = config["model"]
    params = {k: config["detector"][k] for k in ("C", "ngram_max", "min_df", "seed") if k in config["detector"]}
    texts, labels, weights, groups, files = training_set(config, config_path)
    threshold = config["detector"].get("threshold", "cv")
    cv = {}
    confident = config["detector"].get("confident")
    parser_name = config.get("parser", {}).get("spacy_model", DEFAULT_PARSER)
    if threshold == "cv":
        threshold, cv_confident, cv = select_threshold(texts, labels, weights, groups, params, parser=parser_name)
        confident = cv_confident if confident in (None, "cv") else confident
    confident = None if confident in (None, "cv") else float(confident)
    detector = ClaimDetector(threshold=float(threshold), confident=confident, **params).fit(texts, labels, np.array(weights))
    root = Path(config.get("output", {}).get("models_root") or "models")
    if not root.is_absolute():  # CLI overrides are relative to the working directory, configs to the repo
        root = root.resolve() if "output.models_root" in overrides else SOURCE_ROOT / root
    out = root / f"{model['name']}-{model['version']}"
    if out.exists():
        shutil.rmtree(out)
    detector.save(out)
    meta = {
        "name": model["name"], "version": model["version"], "component": "claims",
        "description": "Claim sentences (TF-IDF + logistic regression detector) with rule-based factor/outcome "
                       "spans over a dependency parse, direction by composition, strength and hedging.",
        "labels": {"directions": ["promotes", "hinders", "no_effect", "mixed"],
                   "strengths": ["causal", "conditional_causal", "correlational"]},
        "thresholds": {"detector": float(threshold), "confident": confident},
        "detector": detector.name,
        "parser": {"package": parser_name, "expected_meta": EXPECTED_META.get(parser_name, {})},
        "training": {"n_sentences": len(texts), "n_seed": sum(1 for g in groups if g >= 0),
                     "n_positive": int(sum(labels)), "splits": config["data"].get("train_splits", ["train"]),
                     "countercausality_weight": config["data"].get("countercausality_weight", 0.0),
                     "certainty_weight": config["data"].get("certainty_weight", 0.0), "cv": cv},
        "data_hashes": data_hashes([f for f in files if f.exists()], relative_to=SOURCE_ROOT),
        "training_config": str(config_path),
        "license": "MIT",
        "metrics": {},
    }
    if config.get("evaluate", {}).get("on_train", True):
        from .evaluate import evaluate_seed
        from .extract import ClaimExtractor

        extractor = ClaimExtractor(detector, spacy_model=parser_name)
        meta["metrics"] = {"seed_test": evaluate_seed(extractor, split="test",
                                                      annotations=_resolve(config["data"]["annotations"], config_path))}
    write_meta(out, meta)
    _model_card(out, meta)
    return out


def _model_card(out: Path, meta: dict) -> None:
    m = meta.get("metrics", {}).get("seed_test", {})
    lines = [
        f"# {meta['name']} {meta['version']}", "",
        meta["description"], "",
        ("- Trained on: the training split of `annotations/claims.jsonl` (sentences of Tew et al. 2011, "
        "split by paragraph)."),
        (f"- Detector threshold: {meta['thresholds']['detector']}; below {meta['thresholds'].get('confident')} a "
         "candidate needs a parsed factor→outcome relation (both chosen by grouped 5-fold CV on the training split)."),
        f"- Parser: `{meta['parser']['package']}` (only candidate sentences are parsed).",
        ("- Evaluation: see `docs/models/claims.md` (reproduce with "
        "`python -m socialrecovery_nlp.claims.evaluate`)."),
    ]
    if m:
        lines.append(f"- Held-out seed test: claim detection F1 {m['detection']['f1']}, direction accuracy "
                     f"{m['direction']['accuracy']}, factor token F1 {m['factor']['token']['f1']}.")
    lines += ["", ("Limits: trained on one narrative review (≈110 sentences); rules were written while reading "
              "the same review, so expect lower numbers on other texts. Licence: MIT.")]
    (out / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
