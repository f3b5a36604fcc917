"""Factor spans: rules alone vs rules + the trained factor ranker (``claims/factor_ranker.py``).

    python bench/claims_factor_fill_cv.py [--C 0.1 0.3 1] [--threshold 0.3 0.5 0.7] [--extra FILE ...]

Claim sentences of the training data (seed training split + training abstracts), folds grouped by
seed paragraph / abstract (GroupKFold 5); extraction with detection switched off (gold claim
sentences), so only the spans change. The ranker is fitted on the other folds' claim sentences.
``--extra``: annotation files scored as a separate held-out part (never trained on here), e.g. a
development set. The seed test split and the unseen test abstracts are never read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from claims_factor_ranker import FactorRanker
from claims_span_cv import pooled

from socialrecovery_nlp.claims.data import load_abstract_annotations
from socialrecovery_nlp.claims.evaluate import evaluate_rows
from socialrecovery_nlp.claims.extract import ClaimExtractor
from socialrecovery_nlp.claims.spans import extract_relations
from socialrecovery_nlp.claims.train import load_config, training_examples
from socialrecovery_nlp.text.citations import find_citations

CONFIG = Path(__file__).resolve().parent.parent / "training" / "claims.toml"


def relations_of(docs):
    return [extract_relations(d, [(c.start, c.end) for c in find_citations(d.text)]) for d in docs]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--C", type=float, nargs="*", default=[0.3])
    ap.add_argument("--threshold", type=float, nargs="*", default=[0.3, 0.5, 0.7])
    ap.add_argument("--extra", nargs="*", default=[])
    ap.add_argument("--margin", type=lambda v: None if v == "none" else float(v), nargs="*", default=[None])
    args = ap.parse_args()
    examples, _, _ = training_examples(load_config(CONFIG, {}), CONFIG)
    examples = [e for e in examples if e["is_claim"]]
    rows = [{**e, "start": 0, "end": len(e["text"]), "split": "cv"} for e in examples]
    base = ClaimExtractor(None)
    docs = list(base.parser.pipe([e["text"] for e in examples]))
    rels = relations_of(docs)
    groups = np.unique([e["group"] for e in examples], return_inverse=True)[1]
    origin = np.array([e["origin"] for e in examples])
    extra = [r for path in args.extra for r in load_abstract_annotations(path) if r["is_claim"]]
    variants = [("rules", None, None, None)] + [(f"ranker C={c} t={t} margin={m}", c, t, m) for c in args.C
                                                for t in args.threshold for m in args.margin]
    parts = ("seed", "abstracts") + (("extra",) if extra else ())
    results = {name: {p: [] for p in parts} for name, *_ in variants}

    def extractor(ranker):
        ext = ClaimExtractor(None)
        ext._parser, ext._parser_loaded = base.parser, True
        ext.span_model = ranker
        return ext

    for tr, te in GroupKFold(5).split(examples, groups=groups):
        fitted = {c: FactorRanker(C=c).fit([docs[i] for i in tr], [rels[i] for i in tr],
                                           [examples[i]["claims"] for i in tr]) for c in args.C}
        for name, C, t, m in variants:
            ranker = None
            if C is not None:
                ranker = fitted[C]
                ranker.threshold, ranker.margin = t, m
            ext = extractor(ranker)
            for org in ("seed", "abstracts"):
                held = [rows[i] for i in te if origin[i] == org]
                if held:
                    results[name][org].append(evaluate_rows(ext, held, oracle=True))
    if extra:  # a development set: fitted on all training claim sentences
        full = {c: FactorRanker(C=c).fit(docs, rels, [e["claims"] for e in examples]) for c in args.C}
        for name, C, t, m in variants:
            ranker = None
            if C is not None:
                ranker = full[C]
                ranker.threshold, ranker.margin = t, m
            results[name]["extra"].append(evaluate_rows(extractor(ranker), extra, oracle=True))
    print("| spans | data | factor token F1 | factor exact F1 | outcome token F1 | direction acc. |")
    print("|---|---|---|---|---|---|")
    for name, *_ in variants:
        for org in parts:
            s = pooled(results[name][org])
            print(f"| {name} | {org} | {s['factor_token_f1']:.3f} | {s['factor_exact_f1']:.3f} | "
                  f"{s['outcome_token_f1']:.3f} | {s['direction_accuracy']:.3f} |", flush=True)


if __name__ == "__main__":
    main()
