"""Claims throughput: abstracts per second end to end (tokenise, sentences, claims).

    python bench/claims_throughput.py [--csv data/screening/synergy_Oud_2018.csv] [--n 600]
        [--cores 2] [--n-process 1] [--components claims] [--device cpu|cuda|auto]

Pins the process to ``--cores`` CPU cores (Linux), warms up (model and parser loading are not
timed), then times ``nlp.pipe`` over ``--n`` title+abstract records (wall and process CPU
seconds; on a shared machine CPU seconds are the steadier number). Only candidate sentences
are parsed; the fraction is printed.

``--analyze`` times the users' path instead: ``pipeline.analyze.analyze_records`` (records in, output
objects out) with ``--n-process`` worker processes, each loading its own pipeline. The workers' start-up
(model loading and the first chunk) is reported apart: ``steady_abstracts_per_s`` counts the chunks after the
first (use ``--batch-size 64`` and ``--n`` of a few thousand; the first chunk's records are left out of it).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default=str(ROOT / "data/screening/synergy_Oud_2018.csv"))
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--cores", type=int, default=2)
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=128)
    ap.add_argument("--components", default="claims")
    ap.add_argument("--analyze", action="store_true", help="time analyze_records (the srnlp analyze path)")
    ap.add_argument("--device", default=None, help="where the MiniLM stages run (cpu, cuda, cuda:N, auto)")
    args = ap.parse_args()
    if args.device:  # an environment variable, so that --analyze's worker processes see it too
        from socialrecovery_nlp.claims.device import DEVICE_ENV, resolve_device

        os.environ[DEVICE_ENV] = resolve_device(args.device)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, set(sorted(os.sched_getaffinity(0))[: args.cores]))
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(var, str(args.cores))

    from socialrecovery_nlp.corpus import Record
    from socialrecovery_nlp.pipeline.language import load

    with open(args.csv, newline="", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if (r.get("abstract") or "").strip()]
    rows = (rows * (args.n // max(len(rows), 1) + 1))[: args.n]
    records = [Record(id=str(i), title=r.get("title") or "", abstract=r["abstract"]) for i, r in enumerate(rows)]
    if args.analyze:
        print(json.dumps(time_analyze(records, args), indent=2))
        return
    nlp = load(components=args.components.split(","))
    list(nlp.pipe(r.text for r in records[:20]))  # warm-up: loads the model and the parser
    claims_pipe = nlp.get_pipe("claims")
    extractor = claims_pipe.extractor
    start, cpu_start = time.perf_counter(), time.process_time()
    n_claims = n_sents = 0
    # Plain texts (not records_to_docs): doc._.record cannot cross process boundaries with n_process > 1.
    for doc in nlp.pipe((r.text for r in records), batch_size=args.batch_size, n_process=args.n_process):
        n_claims += len(doc._.claims or [])
        n_sents += sum(1 for _ in doc.sents)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    words = sum(len(r.text.split()) for r in records)
    result = {
        "abstracts": len(records), "seconds": round(seconds, 2), "cpu_seconds": round(cpu_seconds, 2),
        "abstracts_per_cpu_s": round(len(records) / cpu_seconds, 1),
        "abstracts_per_s": round(len(records) / seconds, 1), "words_per_s": round(words / seconds),
        "sentences": n_sents, "claims": n_claims, "cores": args.cores, "n_process": args.n_process,
        "components": nlp.pipe_names, "parser": extractor.spacy_model if extractor else None,
        "device": os.environ.get("SRNLP_CLAIMS_DEVICE", "cpu"),
        "csv": os.path.relpath(args.csv, ROOT),
    }
    print(json.dumps(result, indent=2))


def time_analyze(records, args) -> dict:
    """Wall time of ``analyze_records`` over ``records``; start-up (until the first result) apart."""
    from socialrecovery_nlp.pipeline.analyze import analyze_records

    if not records:
        raise SystemExit("--analyze needs --n > 0")
    start = time.perf_counter()
    first = None
    n = n_claims = 0
    for result in analyze_records(records, components=args.components.split(","), n_process=args.n_process,
                                  batch_size=args.batch_size):
        n += 1
        n_claims += len(result.get("claims") or [])
        if first is None:
            first = time.perf_counter()
    end = time.perf_counter()
    # the first result arrives when the first chunk is done: the chunks after it make the steady rate
    after_first = n - min(args.batch_size, n)
    return {"abstracts": n, "seconds": round(end - start, 2), "startup_seconds": round(first - start, 2),
            "abstracts_per_s": round(n / (end - start), 1),
            "steady_abstracts_per_s": round(after_first / (end - first), 1) if after_first and end > first else None,
            "claims": n_claims, "n_process": args.n_process, "batch_size": args.batch_size,
            "components": args.components, "device": os.environ.get("SRNLP_CLAIMS_DEVICE", "cpu"),
            "csv": os.path.relpath(args.csv, ROOT)}


if __name__ == "__main__":
    main()
