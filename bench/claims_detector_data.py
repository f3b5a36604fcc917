"""Which training data and detector settings? Grouped 5-fold CV over the *training* sentences only.

    python bench/claims_detector_data.py [--quick] > bench/claims_detector_data.md

CV folds are grouped by seed paragraph and by abstract, over the seed training split
(``annotations/claims.jsonl``) plus the annotated abstracts (``annotations/claims_abstracts.jsonl``).
Every variant is scored on the same held-out folds; a variant's training weight for a data set
may be 0 (its sentences are then scored but not trained on). External sets (countercausality,
certainty) are only ever trained on. Cut-offs (threshold, confident) are picked per row on the
pooled out-of-fold predictions. The seed test split is never read.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from socialrecovery_nlp.claims import data as claim_data
from socialrecovery_nlp.claims.detector import ClaimDetector
from socialrecovery_nlp.claims.train import (
    best_cutoffs,
    load_config,
    score_cutoffs,
    training_examples,
)

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "training" / "claims.toml"


def gate(texts):
    from socialrecovery_nlp.claims.extract import ClaimExtractor, _trigger_units
    from socialrecovery_nlp.pipeline.language import load

    nlp = load(components=[])
    docs = [nlp(t) for t in texts]
    trig = np.array([bool(_trigger_units(d)) for d in docs])
    rules = ClaimExtractor(None, threshold=-1.0)
    full = np.array([any(c.factor is not None and c.outcome is not None for c in cl) for cl in rules.pipe(docs)])
    return trig, full


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--features", nargs="*", default=["v1", "v2"])
    args = ap.parse_args()
    from sklearn.model_selection import GroupKFold

    config = load_config(CONFIG, {"data.abstracts_weight": 1.0, "data.countercausality_weight": 0.0,
                                  "data.certainty_weight": 0.0})
    examples, _, _ = training_examples(config, CONFIG)
    texts = [e["text"] for e in examples]
    y = np.array([int(e["is_claim"]) for e in examples])
    origin = np.array([e["origin"] for e in examples])
    groups = np.unique([e["group"] for e in examples], return_inverse=True)[1]
    trig, full = gate(texts)
    root = ROOT / "data" / "claims"
    cc_texts, cc_labels = claim_data.countercausality("train", root)
    cert = [r["finding"] for r in claim_data.certainty_findings("train", root)]
    folds = list(GroupKFold(5).split(texts, y, groups))
    variants = []
    for feats in args.features:
        for w_abs in (0.0, 0.5, 1.0):
            for C in ((2.0, 8.0) if args.quick else (2.0, 8.0, 32.0)):
                variants.append((feats, w_abs, C, 0.0, 0.0))
    if not args.quick:
        variants += [(args.features[-1], 1.0, 2.0, 0.05, 0.0), (args.features[-1], 1.0, 2.0, 0.0, 0.05),
                     (args.features[-1], 1.0, 2.0, 0.2, 0.0)]
    print("| features | abstracts weight | C | countercausality w | certainty w | threshold | confident | CV F1 all (P/R) | CV F1 seed | CV F1 abstracts |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for feats, w_abs, C, w_cc, w_cert in variants:
        oof = np.zeros(len(texts))
        for tr, te in folds:
            w = np.where(origin[tr] == "abstracts", w_abs, 1.0)
            tr_texts = [texts[i] for i in tr] + (cc_texts if w_cc else []) + (cert if w_cert else [])
            tr_y = np.concatenate([y[tr], np.array(cc_labels if w_cc else [], dtype=int), np.ones(len(cert) if w_cert else 0, dtype=int)])
            tr_w = np.concatenate([w, np.full(len(cc_texts) if w_cc else 0, w_cc), np.full(len(cert) if w_cert else 0, w_cert)])
            keep = tr_w > 0
            det = ClaimDetector(C=C, ngram_max=2, features=feats).fit([t for t, k in zip(tr_texts, keep) if k], tr_y[keep], tr_w[keep])
            oof[te] = det.predict_proba([texts[i] for i in te])
        cv = {"oof": oof, "trig": trig, "full": full, "y": y}
        t, c, s = best_cutoffs(cv)
        seed = score_cutoffs(cv, t, c, origin == "seed")
        abst = score_cutoffs(cv, t, c, origin == "abstracts")
        print(f"| {feats} | {w_abs} | {C} | {w_cc} | {w_cert} | {t} | {c} | {s['f1']:.3f} ({s['precision']:.3f}/{s['recall']:.3f}) | "
              f"{seed['f1']:.3f} | {abst['f1']:.3f} |", flush=True)


if __name__ == "__main__":
    main()
