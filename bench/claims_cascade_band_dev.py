"""Which band of TF-IDF probabilities should the MiniLM stage re-score? (development analysis)

    python bench/claims_cascade_band_dev.py [bench/results/claims_finetune_detector_dev.npz]

Reads the out-of-fold probabilities written by ``bench/claims_finetune_detector_dev.py`` (grouped 5-fold
CV over the training sentences of ``training/claims.toml``; no test file) and scores the cascade of
``claims.cascade_detector`` for a grid of bands and mixes: share of trigger sentences re-scored, and
detection F1 with the trigger gate and parse check at the cut-offs best over all CV sentences (t/c), on the seed part, the
abstracts and the review-style abstracts (v11-v18).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from socialrecovery_nlp.claims.cascade_detector import CascadeClaimDetector
from socialrecovery_nlp.claims.train import best_cutoffs, score_cutoffs


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("npz", nargs="?", default="bench/results/claims_finetune_detector_dev.npz")
    ap.add_argument("--stage2", default="minilm", help="minilm or minilm_int8 (dynamic int8 at inference)")
    ap.add_argument("--bands", nargs="*", default=None, help="low,high pairs (default: a grid)")
    args = ap.parse_args()
    d = np.load(Path(args.npz))
    y, trig, full, scored = d["y"], d["trig"], d["full"], d["scored"]
    parts = {"all": scored, "seed": scored & (d["origin"] == "seed"), "review": scored & d["review"]}
    p, q = d["oof_tfidf"], d[f"oof_{args.stage2}"]
    rows = [("tfidf alone", 1.0, 0.0, 0.0), ("minilm alone", 0.0, 1.0, 1.0)]
    grid = ([tuple(float(x) for x in b.split(",")) for b in args.bands] if args.bands is not None else
            [(lo, hi) for lo in (0.0, 0.2, 0.3, 0.35, 0.4) for hi in (0.6, 0.65, 0.7, 0.8, 1.0)])
    for low, high in grid:
        for mix in (0.5, 0.75):
            rows.append((f"band [{low}, {high}] mix {mix}", low, high, mix))
    print("| variant | re-scored | " + " | ".join(f"{k} F1" for k in parts) + " |")
    print("|---|---|" + "---|" * len(parts))
    for name, low, high, mix in rows:
        if name == "tfidf alone":
            s = p
            share = 0.0
        else:
            cas = CascadeClaimDetector.__new__(CascadeClaimDetector)
            cas.low, cas.high, cas.mix = low, high, mix
            s = cas.combine(p, q)
            share = float(((p >= low) & (p <= high) & trig & scored).sum() / (trig & scored).sum())
        cv = {"oof": s, "trig": trig, "full": full, "y": y}
        t, c, _ = best_cutoffs(cv, candidates=(0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65), mask=parts["all"])
        cells = [f"{score_cutoffs(cv, t, c, mask)['f1']:.3f}" for mask in parts.values()]
        cells[0] += f" ({t}/{c})"
        print(f"| {name} | {share:.2f} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
