"""Both grouped CVs used to judge rule and detector changes, with the shipped model's settings.

    python bench/claims_dev_cv.py [--meta models/claims-0.3.0/meta.json] [--errors errors.jsonl]
                                  [--threshold T] [--confident C] [--abstracts FILE ...]

* **seed-train CV**: the seed *training* split in 5 folds grouped by paragraph; per fold the
  detector (the model's settings) is trained on the other seed folds plus every annotated abstract
  (at the model's abstract weight) and the extractor is scored on the held-out paragraphs.
* **abstracts CV** (every training abstract: v1 + v2 from claims@0.5.0; ``--v1-only`` as before):
  :func:`socialrecovery_nlp.claims.evaluate.cross_validate_abstracts` (folds by
  abstract, trained on the seed training split plus the other folds), the table of
  docs/models/claims.md.

Both are reported end to end and with detection off (gold claim sentences). ``--errors`` writes
gold vs predicted factor/outcome spans of every *training* claim sentence (detection off) for
error analysis. The seed test split is never scored, printed or trained on.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

from socialrecovery_nlp.claims import data as claim_data
from socialrecovery_nlp.claims.detector import ClaimDetector
from socialrecovery_nlp.claims.evaluate import (
    _fold_cascade,
    _pool,
    cross_validate_abstracts,
    evaluate_rows,
)
from socialrecovery_nlp.claims.extract import ClaimExtractor

ROOT = Path(__file__).resolve().parent.parent
#: training abstracts (split "train" rows; v3 is the held-out test and never read here); --v1-only for
#: numbers comparable with the tables before claims@0.5.0
ABSTRACT_PATHS = list(claim_data.TRAINING_ABSTRACT_FILES)


def _detector(meta: dict) -> ClaimDetector:
    s, th = meta.get("detector_settings", {}), meta.get("thresholds", {})
    return ClaimDetector(C=s.get("C", 8.0), ngram_max=s.get("ngram_max", 2), min_df=s.get("min_df", 1),
                         features=s.get("features", "v1"), threshold=th.get("detector", 0.4),
                         confident=th.get("confident"))


def seed_cv(meta: dict, folds: int = 5) -> dict:
    seed = [r for r in claim_data.load_annotations(claim_data.ANNOTATIONS) if r["split"] == "train"]
    abstracts = claim_data.abstract_rows("train", ABSTRACT_PATHS)
    w_abs = float(meta.get("training", {}).get("abstracts_weight", 1.0))
    groups = np.array([r["paragraph"] for r in seed])
    end_to_end, oracle = [], []
    for tr, te in GroupKFold(folds).split(seed, groups=groups):
        texts = [seed[i]["text"] for i in tr] + [r["text"] for r in abstracts]
        labels = np.array([int(seed[i]["is_claim"]) for i in tr] + [int(r["is_claim"]) for r in abstracts])
        weights = np.array([1.0] * len(tr) + [w_abs] * len(abstracts))
        keep = weights > 0
        det = _detector(meta).fit([t for t, k in zip(texts, keep) if k], labels[keep], weights[keep])
        if meta.get("minilm"):  # the MiniLM stage, fine-tuned on the same fold (a few minutes)
            det = _fold_cascade(det, [t for t, k in zip(texts, keep) if k], labels[keep], weights[keep], meta)
        ext = ClaimExtractor(det)
        held = [seed[i] for i in te]
        end_to_end.append(evaluate_rows(ext, held))
        oracle.append(evaluate_rows(ext, held, oracle=True))
    return {"end_to_end": _pool(end_to_end), "oracle_detection": _pool(oracle)}


def write_errors(path: Path) -> None:
    """Gold vs predicted spans of every training claim sentence (seed train + abstracts), detection off."""
    rows = [("seed", r) for r in claim_data.load_annotations(claim_data.ANNOTATIONS) if r["split"] == "train"]
    rows += [("abstracts", r) for r in claim_data.abstract_rows("train", ABSTRACT_PATHS)]
    found: list = []
    evaluate_rows(ClaimExtractor(None), [r for _, r in rows], oracle=True, errors=found)
    origin = {id(r): o for o, r in rows}
    with open(path, "w", encoding="utf-8") as handle:
        for row, pred in found:
            gold = [{p: (c[p]["text"] if c[p]["start"] is not None else None) for p in ("factor", "outcome")}
                    | {"direction": c["direction"]} for c in row["claims"]]
            handle.write(json.dumps({"origin": origin[id(row)], "id": row.get("id"), "text": row["text"], "gold": gold,
                                     "pred": [{p: (c[p]["text"] if c[p]["start"] is not None else None)
                                               for p in ("factor", "outcome")} | {"direction": c["direction"]}
                                              for c in pred]}) + "\n")


def _legacy_tokens(start, end, text_start, text) -> set[tuple[int, int]]:
    """``evaluate._tokens`` before the fix: offsets relative to the span's start (for comparisons)."""
    if start is None:
        return set()
    return {(text_start + m.start(), text_start + m.end())
            for m in re.finditer(r"\w+", text[start - text_start:end - text_start])}


def _fixed_tokens(start, end, text_start, text) -> set[tuple[int, int]]:
    """``evaluate._tokens`` as fixed in 0.3.0: offsets in the sentence's frame."""
    if start is None:
        return set()
    return {(start + m.start(), start + m.end()) for m in re.finditer(r"\w+", text[start - text_start:end - text_start])}


def _prf(b: dict) -> str:
    return f"{b['precision']:.3f}/{b['recall']:.3f}/{b['f1']:.3f} ({b['n_pred']}/{b['n_gold']})"


def _short(block: dict) -> dict:
    f = _prf
    return {"detection P/R/F1": f(block["detection"]), "factor tok": f(block["factor"]["token"]),
            "factor exact": f(block["factor"]["exact"]), "outcome tok": f(block["outcome"]["token"]),
            "outcome exact": f(block["outcome"]["exact"]), "direction acc": block["direction_accuracy"]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--meta", default=str(ROOT / "models" / "claims-0.3.0" / "meta.json"))
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--confident", type=float, default=None)
    ap.add_argument("--errors", default=None, help="write training-sentence span errors (detection off) here")
    ap.add_argument("--legacy-token-metric", action="store_true",
                    help="token overlap as computed up to claims@0.2.0 (token offsets relative to each span's start)")
    ap.add_argument("--v1-only", action="store_true", help="only annotations/claims_abstracts.jsonl (before 0.5.0)")
    ap.add_argument("--abstracts", nargs="*", default=None,
                    help="training abstract files to use instead of claim_data.TRAINING_ABSTRACT_FILES")
    args = ap.parse_args()
    if args.v1_only:
        ABSTRACT_PATHS[:] = [claim_data.ABSTRACT_ANNOTATIONS]
    if args.abstracts:
        ABSTRACT_PATHS[:] = [Path(p) for p in args.abstracts]
    from socialrecovery_nlp.claims import evaluate

    # set explicitly, so that older code (PYTHONPATH=<old checkout>/src) is scored the same way
    evaluate._tokens = _legacy_tokens if args.legacy_token_metric else _fixed_tokens
    meta = json.loads(Path(args.meta).read_text(encoding="utf-8"))
    if args.threshold is not None:
        meta["thresholds"]["detector"] = args.threshold
    if args.confident is not None:
        meta["thresholds"]["confident"] = args.confident
    seed = seed_cv(meta)
    abstracts = cross_validate_abstracts(meta, abstracts=ABSTRACT_PATHS)
    out = {"seed_train_cv": {k: _short(v) for k, v in seed.items()},
           "abstracts_cv": {k: _short(abstracts[k]) for k in ("end_to_end", "oracle_detection")}}
    print(json.dumps(out, indent=1))
    if args.errors:
        write_errors(Path(args.errors))


if __name__ == "__main__":
    main()
