"""Factor/outcome spans: rules alone vs rules + the trained span tagger, grouped 5-fold CV.

    python bench/claims_span_cv.py [--C 0.3 1 3]

Claim sentences of the training data (seed training split + annotated abstracts), folds grouped
by seed paragraph / abstract; extraction with detection switched off (gold claim sentences).
Token and exact F1 pooled over folds, separately for seed and abstract sentences. The seed test
split is never read.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

from socialrecovery_nlp.claims.evaluate import evaluate_rows
from socialrecovery_nlp.claims.extract import ClaimExtractor
from socialrecovery_nlp.claims.spanmodel import SpanTagger, gold_labels
from socialrecovery_nlp.claims.spans import extract_relations
from socialrecovery_nlp.claims.train import load_config, training_examples
from socialrecovery_nlp.text.citations import find_citations

CONFIG = Path(__file__).resolve().parent.parent / "training" / "claims.toml"


def pooled(results: list[dict]) -> dict:
    out = {}
    for part in ("factor", "outcome"):
        for kind in ("token", "exact"):
            tp = sum(round(r[part][kind]["precision"] * r[part][kind]["n_pred"]) for r in results)
            n_pred = sum(r[part][kind]["n_pred"] for r in results)
            n_gold = sum(r[part][kind]["n_gold"] for r in results)
            p, rec = tp / max(n_pred, 1), tp / max(n_gold, 1)
            out[f"{part}_{kind}_f1"] = round(2 * p * rec / (p + rec) if p + rec else 0.0, 4)
    n = sum(r["n_gold_claims"] for r in results)
    out["direction_accuracy"] = round(sum(round(r["direction"]["accuracy"] * r["n_gold_claims"]) for r in results) / max(n, 1), 4)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--C", type=float, nargs="*", default=[0.3, 1.0, 3.0])
    ap.add_argument("--modes", nargs="*", default=["replace", "extend"])
    args = ap.parse_args()
    examples, _, _ = training_examples(load_config(CONFIG, {}), CONFIG)
    examples = [e for e in examples if e["is_claim"]]
    rows = [{**e, "start": 0, "end": len(e["text"]), "split": "cv"} for e in examples]
    base = ClaimExtractor(None)
    docs = list(base.parser.pipe([e["text"] for e in examples]))
    rels = [extract_relations(d, [(c.start, c.end) for c in find_citations(d.text)]) for d in docs]
    labels = [gold_labels(d, e["claims"]) for d, e in zip(docs, examples)]
    groups = np.unique([e["group"] for e in examples], return_inverse=True)[1]
    origin = np.array([e["origin"] for e in examples])
    variants = [("rules", None, None)] + [(f"tagger {m} C={c}", c, m) for m in args.modes for c in args.C]
    results = {name: {"seed": [], "abstracts": []} for name, _, _ in variants}
    for tr, te in GroupKFold(5).split(examples, groups=groups):
        for name, C, mode in variants:
            ext = ClaimExtractor(None)
            ext._parser, ext._parser_loaded = base.parser, True
            if C is not None:
                ext.span_model = SpanTagger(C=C, mode=mode).fit([docs[i] for i in tr], [rels[i] for i in tr],
                                                                [labels[i] for i in tr])
            for org in ("seed", "abstracts"):
                held = [rows[i] for i in te if origin[i] == org]
                if held:
                    results[name][org].append(evaluate_rows(ext, held, oracle=True))
    print("| spans | data | factor token F1 | factor exact F1 | outcome token F1 | outcome exact F1 | direction acc. |")
    print("|---|---|---|---|---|---|---|")
    for name, _, _ in variants:
        for org in ("seed", "abstracts"):
            s = pooled(results[name][org])
            print(f"| {name} | {org} | {s['factor_token_f1']:.3f} | {s['factor_exact_f1']:.3f} | "
                  f"{s['outcome_token_f1']:.3f} | {s['outcome_exact_f1']:.3f} | {s['direction_accuracy']:.3f} |")


if __name__ == "__main__":
    main()
