"""Score a shipped claims model on development annotation files (never the test files).

    python bench/claims_dev_files.py [--model models/claims-0.12.0] [--files F ...] [--errors OUT.jsonl] [--fast [--fast-spans cnn]]

Default files: the development abstracts v23 to v26 (annotated in the claims@0.12.0 session, not trained on).
v27, v28 and v29 (``--files annotations/claims_abstracts_v27.jsonl …``) are the fresher development samples of
2026-11-27's fourth round.
Prints per-file and pooled detection P/R/F1, factor / outcome token-F1 and direction accuracy (the same scorer
as ``claims.evaluate``). ``--errors`` writes every row's gold and predicted claims for reading. Refuses the
held-out test files (seed ``claims.jsonl`` test split, v3, v10, title test sample t2, findings test half f1). ``--fast`` scores fast mode
(what ``--fast-claims`` runs: the TF-IDF detector stage alone, with the rules' spans, or with ``--fast-spans cnn``
the model's distilled CNN tagger's: ``SRNLP_CLAIMS_FAST_SPANS``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "annotations" / f"claims_abstracts_v{v}.jsonl" for v in (23, 24, 25, 26)]
FORBIDDEN = {"claims.jsonl", "claims_abstracts_v3.jsonl", "claims_abstracts_v10.jsonl", "claims_titles_t2.jsonl",
             "claims_findings_f1_test.jsonl"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None)
    ap.add_argument("--files", nargs="*", default=[str(p) for p in DEFAULT])
    ap.add_argument("--errors", default=None)
    ap.add_argument("--fast", action="store_true", help="fast mode (--fast-claims)")
    ap.add_argument("--fast-spans", default=None, choices=["rules", "cnn"], help="fast mode's spans")
    args = ap.parse_args()
    from socialrecovery_nlp.claims.data import load_abstract_annotations
    from socialrecovery_nlp.claims.evaluate import _pool, evaluate_rows
    from socialrecovery_nlp.claims.model import load_extractor

    if any(Path(f).name in FORBIDDEN for f in args.files):
        sys.exit("refusing a held-out test file")
    extractor, meta = load_extractor(args.model, None, fast=args.fast, fast_spans=args.fast_spans)
    results, errors = {}, []
    for f in args.files:
        rows = load_abstract_annotations(f)
        errs: list = []
        results[Path(f).stem] = evaluate_rows(extractor, rows, errors=errs)
        errors.extend({"file": Path(f).stem, "row": r, "pred": p} for r, p in errs)
    pooled = _pool(list(results.values()))
    from socialrecovery_nlp.claims.model import claims_model_id

    out = {"model": claims_model_id(meta, extractor.detector, extractor.span_model), "files": results, "pooled": pooled}
    brief = {k: {"det": v["detection"]["f1"], "P": v["detection"]["precision"], "R": v["detection"]["recall"],
                 "factor": v["factor"]["token"]["f1"], "outcome": v["outcome"]["token"]["f1"],
                 "direction": v["direction"]["accuracy"]} for k, v in results.items()}
    print(json.dumps({"model": out["model"], "brief": brief, "pooled": pooled}, indent=1))
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in errors)


if __name__ == "__main__":
    main()
