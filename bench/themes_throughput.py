"""Throughput and memory of the themes component, on real abstracts from data/screening.

    python bench/themes_throughput.py --kind baseline --n 3000 --threads 2
    python bench/themes_throughput.py --kind minilm --n 200 --threads 2 [--device cuda]
    python bench/themes_throughput.py --kind baseline --stream 100000   # peak memory, streamed

The pipeline is a blank English tokenizer + spaCy's rule sentencizer + ``srnlp_themes``
(the timing includes tokenisation and sentence splitting). Records are the screening CSVs'
title + abstract, cycled when more are asked for than exist.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def real_records():
    from socialrecovery_nlp.corpus.record import Record

    out = []
    for path in sorted((ROOT / "data" / "screening").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if (row.get("abstract") or "").strip():
                    out.append(Record(id=f"{path.stem}-{row['record_id']}", title=row.get("title") or "",
                                      abstract=row["abstract"]))
    return out


def build(kind: str, device: str, batch_size: int):
    import spacy

    import socialrecovery_nlp.themes.component  # noqa: F401
    from socialrecovery_nlp.pipeline.extensions import register_extensions

    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("srnlp_themes", config={"kind": kind, "device": device, "batch_size": batch_size})
    return nlp


def docs_of(nlp, records):
    for record in records:
        doc = nlp.make_doc(record.text)
        doc._.record = record
        yield doc


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kind", default="baseline", choices=["baseline", "minilm"])
    parser.add_argument("--n", type=int, default=3000, help="abstracts to time")
    parser.add_argument("--stream", type=int, default=0, help="also stream this many records for peak memory")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--n-process", type=int, default=1, help="spaCy worker processes (nlp.pipe n_process)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    if hasattr(os, "sched_setaffinity") and args.threads and args.device == "cpu":
        cpus = sorted(os.sched_getaffinity(0))[: args.threads]
        os.sched_setaffinity(0, cpus)
    try:
        import torch

        torch.set_num_threads(args.threads)
    except ImportError:
        pass

    records = real_records()
    nlp = build(args.kind, args.device, args.batch_size)
    component = nlp.get_pipe("srnlp_themes")
    t0 = time.perf_counter()
    _ = component.model  # load weights (and the encoder) before timing
    load_s = time.perf_counter() - t0
    list(nlp.pipe(docs_of(nlp, records[:32]), batch_size=args.batch_size))  # warm-up
    sample = list(itertools.islice(itertools.cycle(records), args.n))
    chars = sum(len(r.text) for r in sample)
    t0, c0 = time.perf_counter(), time.process_time()
    labelled = 0
    texts = ((r.text, r) for r in sample)
    for doc, _ in nlp.pipe(texts, as_tuples=True, batch_size=args.batch_size, n_process=args.n_process):
        labelled += bool(doc._.labels["themes"])
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    result = {"kind": args.kind, "model": component.model.model_id, "device": args.device, "threads": args.threads,
              "cpu_count_visible": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
              "abstracts": args.n, "mean_chars": round(chars / max(1, args.n)), "seconds": round(seconds, 2),
              "abstracts_per_s": round(args.n / seconds, 1), "n_process": args.n_process,
              "main_process_cpu_s": round(cpu, 2),
              "abstracts_per_cpu_s": round(args.n / cpu, 1) if args.n_process == 1 else None,
              "model_load_s": round(load_s, 2),
              "share_with_a_theme": round(labelled / max(1, args.n), 4), "rss_mb_after": round(rss_mb(), 1),
              "load_average": os.getloadavg()}
    if args.stream:
        checkpoints = []
        t0 = time.perf_counter()
        stream = itertools.islice(itertools.cycle(records), args.stream)
        for i, doc in enumerate(nlp.pipe(docs_of(nlp, stream), batch_size=args.batch_size), 1):
            if i % max(1, args.stream // 10) == 0:
                checkpoints.append({"records": i, "rss_mb": round(rss_mb(), 1)})
        result["stream"] = {"records": args.stream, "seconds": round(time.perf_counter() - t0, 1),
                            "rss_checkpoints": checkpoints, "peak_rss_mb": round(peak_mb(), 1)}
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
