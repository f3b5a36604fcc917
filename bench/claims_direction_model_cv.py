"""Claim direction: rule composition alone vs a learned direction model stacked on it
(``bench/claims_direction_model.py``).

    python bench/claims_direction_model_cv.py [--C 0.1 0.3 1 3] [--class-weight balanced none]
        [--sentence-weight 0 0.3] [--threshold 0 0.5 0.6 0.7 0.8] [--extra FILE ...] [--evidence-inference]

Claim sentences of the training data (seed training split + training abstracts), folds grouped by
seed paragraph / abstract (GroupKFold 5), extraction with detection switched off (gold claim
sentences, ``evaluate_rows(..., oracle=True)``). Per fold the model is fitted on the *predicted*
claims of the other folds' sentences, each matched to the gold claim of its sentence with the best
outcome + factor token overlap (the gold direction is the label; a predicted claim that overlaps no
gold claim is left out unless its sentence has a single gold claim), and it sets the direction of the
held-out fold's predicted claims. Every sentence is extracted (parsed) once; the extractor's claims are
replayed, copied, for each variant. ``--extra``: annotation files scored as one held-out part with models
fitted on all training claims (only the variants named on the command line: declare them first).
``--evidence-inference``: Evidence Inference *validation* direction agreement, same models. The seed
test split and the unseen test abstracts are never read.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))

from socialrecovery_nlp.claims.data import load_abstract_annotations
from claims_direction_model import DirectionModel
from socialrecovery_nlp.claims.evaluate import (
    _blank,
    _tokens,
    evaluate_evidence_inference,
    evaluate_rows,
)
from socialrecovery_nlp.claims.extract import ClaimExtractor
from socialrecovery_nlp.claims.train import load_config, training_examples

CONFIG = Path(__file__).resolve().parent.parent / "training" / "claims.toml"


class Replay:
    """Stands in for a :class:`ClaimExtractor` in ``evaluate_rows``: returns copies of the claims the
    real extractor found for a text (extracted once), with ``directions[text]`` (one per claim) set
    when given, or with ``model.apply`` run on them when a model is given."""

    def __init__(self, cache: dict, directions: dict | None = None, model: DirectionModel | None = None):
        self.cache, self.directions, self.model = cache, directions, model
        self.threshold = 0.0

    def __call__(self, doc):
        claims = [dataclasses.replace(c) for c in self.cache[doc.text]]
        if self.directions is not None:
            for claim, d in zip(claims, self.directions[doc.text]):
                claim.direction = d
        elif self.model is not None:
            self.model.apply(claims)
        return claims


def extract_all(texts: list[str]) -> dict:
    """The rule extractor's claims (detection off) for every text, parsed once."""
    ext = ClaimExtractor(None)
    ext.threshold = -1.0
    docs = list(_blank().pipe(texts))
    return {doc.text: claims for doc, claims in zip(docs, ext.pipe(docs))}


def match_labels(row: dict, claims: list) -> list[str | None]:
    """The gold direction of each predicted claim: the gold claim of the sentence with the best
    outcome + factor token overlap (``None`` when none overlaps and the sentence has several)."""
    text, gold = row["text"], row["claims"]
    out = []
    for claim in claims:
        d = claim.to_dict()
        base = claim.sentence.start_char
        p_out = _tokens(d["outcome"]["start"] - base if d["outcome"]["start"] is not None else None,
                        d["outcome"]["end"] - base if d["outcome"]["end"] is not None else None, 0, text)
        p_fac = _tokens(d["factor"]["start"] - base if d["factor"]["start"] is not None else None,
                        d["factor"]["end"] - base if d["factor"]["end"] is not None else None, 0, text)
        best, best_score = None, (0, 0)
        for g in gold:
            g_out = _tokens(g["outcome"]["start"], g["outcome"]["end"], 0, text)
            g_fac = _tokens(g["factor"]["start"], g["factor"]["end"], 0, text)
            score = (len(g_out & p_out) + len(g_fac & p_fac)
                     + (1 if g["outcome"]["start"] is None and d["outcome"]["start"] is None else 0), len(g_out & p_out))
            if best is None or score > best_score:
                best, best_score = g, score
        if best is not None and (best_score[0] > 0 or len(gold) == 1):
            out.append(best["direction"])
        else:
            out.append(None)
    return out


def training_pairs(rows, cache, idx):
    claims, labels = [], []
    for i in idx:
        cs = cache[rows[i]["text"]]
        claims += cs
        labels += match_labels(rows[i], cs)
    return claims, labels


def directions_for(model: DirectionModel, texts: list[str], cache: dict, thresholds: list[float]) -> dict:
    """``{t: {text: [direction per claim]}}``: the model's direction where its probability >= t, else the
    rule direction (exactly what ``DirectionModel.apply`` does at that threshold)."""
    flat = [(text, c) for text in texts for c in cache[text]]
    classes, probs = model.predict_proba([c for _, c in flat]) if flat else ([], np.zeros((0, 0)))
    out = {}
    for t in thresholds:
        table = {text: [] for text in texts}
        for (text, claim), row in zip(flat, probs):
            k = int(row.argmax())
            table[text].append(classes[k] if row[k] >= t else claim.direction)
        out[t] = table
    return out


def gold_correct(errors: list) -> list[tuple[str, bool]]:
    """``(group, direction right)`` per gold claim, read from ``evaluate_rows(..., errors=...)`` with the
    same gold -> predicted claim matching as ``evaluate_rows`` (for the paired bootstrap)."""
    out = []
    for row, pred in errors:
        base, text = row["start"], row["text"]
        group = row.get("group") or f"{row['provenance']['dataset']}:{row['provenance']['record_id']}"
        for gold in row["claims"]:
            g_out = _tokens(gold["outcome"]["start"] - base if gold["outcome"]["start"] is not None else None,
                            gold["outcome"]["end"] - base if gold["outcome"]["end"] is not None else None, 0, text)
            g_fac = _tokens(gold["factor"]["start"] - base, gold["factor"]["end"] - base, 0, text)
            best = max(pred, key=lambda c: (
                len(g_out & _tokens(c["outcome"]["start"], c["outcome"]["end"], 0, text))
                + (1 if gold["outcome"]["start"] is None and c["outcome"]["start"] is None else 0),
                len(g_fac & _tokens(c["factor"]["start"], c["factor"]["end"], 0, text)))) if pred else None
            out.append((group, best is not None and best["direction"] == gold["direction"]))
    return out


def paired_bootstrap(base: list, other: list, n: int = 2000, seed: int = 0) -> tuple[float, float, float]:
    """Accuracy difference (other - base) over the same gold claims and its 95% interval, resampling
    groups (abstracts / seed paragraphs)."""
    assert [g for g, _ in base] == [g for g, _ in other]
    groups = sorted({g for g, _ in base})
    index = {g: i for i, g in enumerate(groups)}
    diff, count = np.zeros(len(groups)), np.zeros(len(groups))
    for (g, a), (_, b) in zip(base, other):
        diff[index[g]] += int(b) - int(a)
        count[index[g]] += 1
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(groups), size=(n, len(groups)))
    boot = diff[draws].sum(1) / np.maximum(count[draws].sum(1), 1)
    return diff.sum() / count.sum(), float(np.percentile(boot, 2.5)), float(np.percentile(boot, 97.5))


def summary(result: dict) -> dict:
    d = result["direction"]
    return {"acc": d["accuracy"], "acc_matched": d["accuracy_matched"], "macro_f1": d["macro_f1"],
            "n_gold": result["n_gold_claims"], "n_matched": d["n_matched"]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--C", type=float, nargs="*", default=[0.1, 0.3, 1.0, 3.0])
    ap.add_argument("--class-weight", nargs="*", default=["balanced", "none"])
    ap.add_argument("--sentence-weight", type=float, nargs="*", default=[0.0, 0.3])
    ap.add_argument("--threshold", type=float, nargs="*", default=[0.0, 0.5, 0.6, 0.7, 0.8])
    ap.add_argument("--extra", nargs="*", default=[])
    ap.add_argument("--evidence-inference", action="store_true")
    ap.add_argument("--no-cv", action="store_true", help="score only --extra / --evidence-inference")
    ap.add_argument("--learning-curve", type=float, nargs="*", default=[],
                    help="also fit on this share of each fold's training abstracts (first C / class weight / "
                         "sentence weight; 3 random draws each)")
    args = ap.parse_args()
    t0 = time.time()
    examples, _, _ = training_examples(load_config(CONFIG, {}), CONFIG)
    examples = [e for e in examples if e["is_claim"] and e["origin"] in ("seed", "abstracts")]
    rows = [{**e, "start": 0, "end": len(e["text"]), "split": "cv"} for e in examples]
    extra = [r for path in args.extra for r in load_abstract_annotations(path) if r["is_claim"]]
    ei_rows = []
    if args.evidence_inference:
        from socialrecovery_nlp.claims.data import evidence_inference

        ei_rows = evidence_inference("validation")
    texts = list(dict.fromkeys([r["text"] for r in rows] + [r["text"] for r in extra]
                               + [r["evidence"] for r in ei_rows]))
    cache = extract_all(texts)
    t_parse = time.time() - t0
    print(f"extracted {len(texts)} texts in {t_parse:.0f}s", file=sys.stderr, flush=True)
    groups = np.unique([e["group"] for e in examples], return_inverse=True)[1]
    configs = [(c, None if w == "none" else w, s) for c in args.C for w in args.class_weight
               for s in args.sentence_weight]
    names = ["rules"] + [f"learned C={c} cw={w} sw={s} t={t}" for c, w, s in configs for t in args.threshold]
    lines = []
    correct: dict = {}

    def report(part: str, name: str, extractor, held: list) -> None:
        errors: list = []
        s = summary(evaluate_rows(extractor, held, oracle=True, errors=errors))
        correct[part, name] = gold_correct(errors)
        assert abs(np.mean([c for _, c in correct[part, name]]) - s["acc"]) < 1e-3  # same matching as evaluate_rows
        delta = ""
        if name != "rules":
            d, lo, hi = paired_bootstrap(correct[part, "rules"], correct[part, name])
            delta = f"{d:+.3f} [{lo:+.3f}, {hi:+.3f}]"
        lines.append(f"| {name} | {part} | {s['acc']:.3f} | {delta} | {s['acc_matched']:.3f} | {s['macro_f1']:.3f} | "
                     f"{s['n_gold']} | {s['n_matched']} |")

    if not args.no_cv:
        tables = {name: {} for name in names}
        n_train = []
        for tr, te in GroupKFold(5).split(examples, groups=groups):
            claims, labels = training_pairs(rows, cache, tr)
            n_train.append(sum(g is not None for g in labels))
            held = [rows[i]["text"] for i in te]
            for c, w, s in configs:
                model = DirectionModel(C=c, class_weight=w, sentence_weight=s).fit(claims, labels)
                for t, table in directions_for(model, held, cache, args.threshold).items():
                    tables[f"learned C={c} cw={w} sw={s} t={t}"].update(table)
        print(f"training claims matched per fold: {n_train}", file=sys.stderr)
        c, w, sw = configs[0]
        for frac in args.learning_curve:
            for draw in range(3):
                rng = np.random.default_rng(draw)
                sub = {name: {} for name in args.threshold}
                for tr, te in GroupKFold(5).split(examples, groups=groups):
                    chosen = set(rng.choice(np.unique(groups[tr]), size=max(2, round(frac * len(np.unique(groups[tr])))),
                                            replace=False).tolist())
                    claims, labels = training_pairs(rows, cache, [i for i in tr if groups[i] in chosen])
                    model = DirectionModel(C=c, class_weight=w, sentence_weight=sw).fit(claims, labels)
                    for t, table in directions_for(model, [rows[i]["text"] for i in te], cache, args.threshold).items():
                        sub[t].update(table)
                for t in args.threshold:
                    name = f"learned C={c} cw={w} sw={sw} t={t}, {frac:.0%} of training groups, draw {draw}"
                    names.append(name)
                    tables[name] = sub[t]
        for org in ("seed", "abstracts", "all"):
            held = [r for r in rows if org == "all" or r["origin"] == org]
            report(org, "rules", Replay(cache), held)
            for name in names[1:]:
                report(org, name, Replay(cache, directions=tables[name]), held)
    if extra or ei_rows:
        claims, labels = training_pairs(rows, cache, range(len(rows)))
        models = [("rules", None)]
        for c, w, s in configs:
            fitted = DirectionModel(C=c, class_weight=w, sentence_weight=s).fit(claims, labels)
            for t in args.threshold:
                m = DirectionModel(C=c, class_weight=w, sentence_weight=s, threshold=t)
                m.vectorizer, m.tfidf, m.clf = fitted.vectorizer, fitted.tfidf, fitted.clf
                models.append((f"learned C={c} cw={w} sw={s} t={t}", m))
        for name, m in models:
            if extra:
                report("extra (" + " + ".join(Path(p).name for p in args.extra) + ")", name, Replay(cache, model=m),
                       extra)
            if ei_rows:
                r = evaluate_evidence_inference(Replay(cache, model=m), "validation")
                lines.append(f"| {name} | EI validation agreement | {r['agreement']:.3f} | | | {r['macro_f1']:.3f} | "
                             f"{r['n_evaluated']} | {r['n_evaluated'] - r['no_claim_found']} |")
    print("| variant | data | direction acc. (gold claims) | vs rules, 95% CI (paired bootstrap over abstracts) | "
          "acc. matched | macro-F1 | gold claims | matched |")
    print("|---|---|---|---|---|---|---|---|")
    print("\n".join(lines))
    print(f"\nparse {t_parse:.0f}s, total {time.time() - t0:.0f}s", flush=True)


if __name__ == "__main__":
    main()
