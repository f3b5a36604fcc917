"""End-to-end grouped 5-fold CV on the seed *training* split (the test split is never read).

    python bench/claims_cv.py [--threshold 0.4] [--confident 0.5] [--C 8]

Per fold (grouped by paragraph) the detector is retrained on the other folds and the whole
extractor (gate, frames, parser, rules) is scored on the held-out paragraphs with
:func:`socialrecovery_nlp.claims.evaluate.evaluate_seed`; counts are pooled over folds. This is
what rule and cut-off changes were judged by.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

from socialrecovery_nlp.claims import data as claim_data
from socialrecovery_nlp.claims.detector import ClaimDetector
from socialrecovery_nlp.claims.evaluate import evaluate_seed
from socialrecovery_nlp.claims.extract import ClaimExtractor


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return round(p, 3), round(r, 3), round(2 * p * r / (p + r) if p + r else 0.0, 3)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threshold", type=float, default=0.4)
    ap.add_argument("--confident", type=float, default=0.5)
    ap.add_argument("--C", type=float, default=8.0)
    args = ap.parse_args()
    source = claim_data.ANNOTATIONS
    rows = [r for r in claim_data.load_annotations(source) if r["split"] == "train"]
    y = np.array([int(r["is_claim"]) for r in rows])
    groups = np.array([r["paragraph"] for r in rows])
    pooled: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    correct = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "annotations"
        folder.mkdir()
        (folder / source.with_name("claims_source_review.md").name).symlink_to(source.with_name("claims_source_review.md"))
        path = folder / "claims.jsonl"
        for train_idx, test_idx in GroupKFold(5).split(rows, y, groups):
            held = set(test_idx.tolist())
            detector = ClaimDetector(C=args.C, threshold=args.threshold, confident=args.confident)
            detector.fit([rows[i]["text"] for i in train_idx], y[train_idx])
            path.write_text("".join(json.dumps({**r, "split": "test" if i in held else "train"}) + "\n"
                                    for i, r in enumerate(rows)), encoding="utf-8")
            res = evaluate_seed(ClaimExtractor(detector), "test", annotations=path)
            for key, block in (("detection", res["detection"]), ("factor", res["factor"]["token"]),
                               ("outcome", res["outcome"]["token"])):
                pooled[key][0] += round(block["precision"] * block["n_pred"])
                pooled[key][1] += block["n_pred"]
                pooled[key][2] += block["n_gold"]
            correct += round(res["direction"]["accuracy"] * res["n_gold_claims"])
            total += res["n_gold_claims"]
    out = {key: dict(zip(("precision", "recall", "f1"), _prf(*v))) for key, v in pooled.items()}
    out["direction_accuracy"] = round(correct / max(total, 1), 3)
    out["settings"] = vars(args)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
