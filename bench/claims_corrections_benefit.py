"""What a review project's claim corrections buy: retrain the claims model with simulated corrections, score it
on development files the corrections never saw.

    python bench/claims_corrections_benefit.py --corrections annotations/claims_abstracts_v25.jsonl ... \
        --evaluate annotations/claims_abstracts_v29.jsonl [--records N] [--fast] [--out DIR]

The annotator is simulated from the gold annotations of ``--corrections``
(``socialrecovery_nlp.claims.simulated_annotator``): the model users get (``--base``, default the newest shipped
claims model) is run on each annotated sentence and every predicted claim is accepted, edited or rejected as the
gold says, and every gold claim it missed is added. The corrections are written in the format of
``srnlp project export --what training`` and the model is retrained by the same path ``srnlp project train`` takes (``data.extra`` of
``training/claims.toml``). ``--fast`` retrains without the two MiniLM stages (TF-IDF detector, rule spans) and
also retrains the same recipe without corrections, so that the comparison isolates the corrections; without it
the retrained full model is compared with ``--base``, and ``--control`` adds the full recipe retrained without
corrections (each full retrain takes about an hour on 2 CPU cores). ``--records N`` uses N records of the
corrections drawn at random with a fixed seed (a learning curve). ``--rescore DIR ...`` scores model directories
written earlier with the code checked out now. Refuses the held-out test files and training files.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
SEED = 0
FORBIDDEN = {"claims.jsonl", "claims_abstracts_v3.jsonl", "claims_abstracts_v10.jsonl", "claims_titles_t2.jsonl"}


def score(extractor, files: list[str]) -> dict:
    """Pooled detection / span / direction scores and evidence rows right on ``files``."""
    from socialrecovery_nlp.claims.data import load_abstract_annotations
    from socialrecovery_nlp.claims.evaluate import _pool, evaluate_rows
    from socialrecovery_nlp.claims.row_match import is_right

    results, rows_total, rows_right = [], 0, 0
    for f in files:
        errors: list = []
        results.append(evaluate_rows(extractor, load_abstract_annotations(f), errors=errors))
        for row, preds in errors:
            rows_total += len(preds)
            rows_right += sum(is_right(p, row["claims"]) for p in preds)
    pooled = _pool(results)
    return {"detection": pooled["detection"], "factor_token_f1": pooled["factor"]["token"]["f1"],
            "outcome_token_f1": pooled["outcome"]["token"]["f1"], "direction_accuracy": pooled["direction_accuracy"],
            "rows": rows_total, "rows_right": rows_right, "rows_wrong": rows_total - rows_right}


def retrain(corrections: Path | None, base: Path, out: Path, version: str, fast: bool, weight: float | None = None) -> Path:
    from socialrecovery_nlp.claims.train import train_from_config

    overrides: dict = {"output.models_root": str(out), "model.version": version, "evaluate.on_train": False,
                       "row_confidence.enabled": False, "data.extra_model": str(base)}
    if corrections is not None:
        overrides["data.extra"] = [str(corrections)]
    if weight is not None:
        overrides["data.extra_weight"] = weight
    if fast:
        overrides.update({"minilm.enabled": False, "spans.model": "rules"})
    return Path(train_from_config(ROOT / "training" / "claims.toml", overrides))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corrections", nargs="+", default=[], help="annotation files the simulated annotator corrects")
    ap.add_argument("--evaluate", nargs="+", required=True, help="annotation files scored before and after")
    ap.add_argument("--base", default=None, help="the model the annotator saw (default: newest shipped)")
    ap.add_argument("--records", type=int, default=None, help="use only the first N records of --corrections")
    ap.add_argument("--fast", action="store_true", help="retrain without the MiniLM stages, against the same recipe")
    ap.add_argument("--control", action="store_true", help="full mode: also retrain without corrections")
    ap.add_argument("--extra-weight", type=float, default=None, help="the corrections' weight (default: the config's)")
    ap.add_argument("--out", default="/tmp/claims_corrections_benefit")
    ap.add_argument("--rescore", nargs="+", default=None, metavar="MODEL_DIR",
                    help="only score these model directories (and --base) on --evaluate with this code")
    args = ap.parse_args()
    if not args.corrections and not args.rescore:
        sys.exit("--corrections is required (or --rescore)")
    names = {Path(f).name for f in args.corrections + args.evaluate}
    if names & FORBIDDEN:
        sys.exit("refusing a held-out test file")
    if {Path(f).resolve() for f in args.corrections} & {Path(f).resolve() for f in args.evaluate}:
        sys.exit("the corrections and the evaluation files must differ")
    from socialrecovery_nlp.claims.train import load_config

    trained_on = {Path(f).name for f in load_config(ROOT / "training" / "claims.toml")["data"].get("abstracts", [])}
    if trained_on & {Path(f).name for f in args.evaluate}:
        sys.exit("an --evaluate file is training data of training/claims.toml: "
                 + ", ".join(sorted(trained_on & {Path(f).name for f in args.evaluate})))
    from socialrecovery_nlp.claims.data import load_abstract_annotations
    from socialrecovery_nlp.claims.model import load_extractor
    from socialrecovery_nlp.claims.simulated_annotator import simulate

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    base_extractor, meta = load_extractor(args.base, None, fast=False)
    if args.rescore:
        scores = {f"{meta['name']}@{meta['version']}": score(base_extractor, args.evaluate)}
        for directory in args.rescore:
            scores[directory] = score(load_extractor(directory, None, fast=False)[0], args.evaluate)
        print(json.dumps({"evaluate_files": [Path(f).name for f in args.evaluate], "scores": scores}, indent=1))
        return
    base_dir = Path(args.base) if args.base else ROOT / "models" / f"claims-{meta['version']}"
    rows = [r for f in args.corrections for r in load_abstract_annotations(f)]
    records = list(dict.fromkeys((r["provenance"]["dataset"], r["provenance"]["record_id"]) for r in rows))
    if args.records is not None:  # a fixed random subset, so that a learning curve does not follow file order
        keep = set(random.Random(SEED).sample(records, min(args.records, len(records))))
        rows = [r for r in rows if (r["provenance"]["dataset"], r["provenance"]["record_id"]) in keep]
        records = [k for k in records if k in keep]
    lines, counts = simulate(rows, base_extractor)
    corr_path = out / f"corrections-{len(records)}.jsonl"
    with open(corr_path, "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    report: dict = {"base": f"{meta['name']}@{meta['version']}", "corrections_files": [Path(f).name for f in args.corrections],
                    "records": len(records), "sentences": len(rows), "corrections": dict(counts),
                    "evaluate_files": [Path(f).name for f in args.evaluate], "fast": args.fast,
                    "annotator": "simulated from the gold annotations: a best case (reads every sentence with a "
                                 "prediction or a gold claim, agrees with the gold, misses nothing)"}
    tag = ("fast-" if args.fast else "full-") + str(len(records)) + (f"-w{args.extra_weight:g}" if args.extra_weight else "")
    report["extra_weight"] = args.extra_weight
    t0 = time.perf_counter()
    treated_dir = retrain(corr_path, base_dir, out / "models", f"{meta['version']}+sim.{tag}", args.fast, args.extra_weight)
    report["retrain_seconds"] = round(time.perf_counter() - t0, 1)
    if args.fast or args.control:
        mode = "fast" if args.fast else "full"
        reference_dir = out / "models" / f"{meta['name']}-{meta['version']}+sim.{mode}-0"
        if not (reference_dir / "meta.json").is_file():  # the same for every --records point: trained once
            reference_dir = retrain(None, base_dir, out / "models", f"{meta['version']}+sim.{mode}-0", args.fast)
        reference = load_extractor(reference_dir, None, fast=False)[0]
        report["before"] = {"model": f"same recipe without corrections ({mode})", **score(reference, args.evaluate)}
    if not args.fast:
        report["shipped"] = {"model": report["base"], **score(base_extractor, args.evaluate),
                             "note": "the shipped model: the difference to it also holds retraining noise (--control)"}
        report.setdefault("before", report["shipped"])
    treated = load_extractor(treated_dir, None, fast=False)[0]
    report["after"] = {"model": str(treated_dir), **score(treated, args.evaluate)}
    trained = json.loads((treated_dir / "meta.json").read_text())["training"]
    report["training"] = {k: trained.get(k) for k in ("n_sentences", "n_extra", "n_positive")}
    print(json.dumps(report, indent=1))
    (out / f"report-{tag}.json").write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
