"""Score a claims model on a development annotation file (end to end and detection off).

    python bench/claims_dev_set.py annotations/claims_abstracts_v4.jsonl [--model models/claims-0.5.0]

The file's rows are scored whatever their ``split``; use it only for a file that is neither the
model's training data nor a held-out test set (e.g. a new development sample before it joins
training). Prints one JSON object: detection, factor / outcome span F1 (token overlap and exact),
direction accuracy and strength macro-F1, end to end and with detection off.
"""

from __future__ import annotations

import argparse
import json

from socialrecovery_nlp.claims.data import load_abstract_annotations
from socialrecovery_nlp.claims.evaluate import evaluate_rows
from socialrecovery_nlp.claims.model import load_extractor


def summary(result: dict) -> dict:
    return {"detection": result["detection"],
            "factor_token": result["factor"]["token"], "factor_exact_f1": result["factor"]["exact"]["f1"],
            "outcome_token": result["outcome"]["token"], "outcome_exact_f1": result["outcome"]["exact"]["f1"],
            "direction_accuracy": result["direction"]["accuracy"],
            "direction_accuracy_matched": result["direction"]["accuracy_matched"],
            "strength_macro_f1": result["strength"]["macro_f1"], "n_gold_claims": result["n_gold_claims"]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("annotations")
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    extractor, meta = load_extractor(args.model)
    rows = load_abstract_annotations(args.annotations)
    out = {"model": f"{meta['name']}@{meta['version']}", "file": args.annotations, "n_sentences": len(rows),
           "end_to_end": summary(evaluate_rows(extractor, rows)),
           "detection_off": summary(evaluate_rows(extractor, rows, oracle=True))}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
