"""Reading throughput and memory for RIS and MEDLINE exports of 10k and 100k records.

Usage (from the repository root)::

    PYTHONPATH=src python bench/read_throughput.py            # 10k and 100k, RIS and MEDLINE, 3 reads each
    PYTHONPATH=src python bench/read_throughput.py --sizes 10000 100000 300000 --repeats 5
    PYTHONPATH=src python bench/read_throughput.py --src /path/to/old/src   # before/after comparisons

The files are generated from the real screening records in ``data/screening/*.csv`` (4,818
titles and abstracts), repeated until the size is reached. Each repeat gets a new id, PMID and
DOI suffix and ``(copy N)`` appended to the title so that the de-duplicator does not flag it
(duplicates are cheap anyway). Every read runs in a fresh process through the public
``read_records`` (language check and de-duplication on, as in ``srnlp analyze``); the child
reports wall time, CPU time and its peak resident set size (``ru_maxrss``); the language
model is loaded before timing. The table gives the median of ``--repeats`` reads and the 1-minute
load average before each: CPU time (records per CPU second) is printed because shared machines
inflate wall time. Target: >= 20,000 records/s wall on an idle machine and a peak RSS that does
not grow with the file; the last lines give the growth in bytes per record between the smallest
and the largest size (the de-duplicator and the id index keep about 20-30 bytes per key and about
20 bytes per record; ``--no-dedup`` shows the reader without the de-duplicator).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREENING = ROOT / "data" / "screening"


def base_records():
    sys.path.insert(0, str(ROOT / "src"))
    from socialrecovery_nlp.corpus import read_records

    files = sorted(SCREENING.glob("*.csv"))
    return list(read_records(files, dedup=False, check_language=False))


def generate(path: Path, fmt: str, size: int) -> float:
    """Write ``size`` records in ``fmt`` to ``path``; returns the file size in MB."""
    from socialrecovery_nlp.corpus import write_records

    records = base_records()

    def repeated():
        n = 0
        copy = 0
        while True:
            for record in records:
                if n >= size:
                    return
                clone = type(record)(**{**record.__dict__, "warnings": [], "extra": {}})
                clone.id = f"r{n}"
                clone.pmid = str(10_000_000 + n)
                clone.doi = f"{record.doi}.c{copy}" if record.doi else None
                if copy:
                    clone.title = f"{record.title} (copy {copy})"
                yield clone
                n += 1
            copy += 1

    write_records(repeated(), path, fmt)
    return path.stat().st_size / 1e6


def read_child(path: str, dedup: bool = True, src: str | None = None) -> None:
    """Child process: read ``path`` fully and print JSON with time, count and peak RSS."""
    import resource

    sys.path.insert(0, src or str(ROOT / "src"))
    from socialrecovery_nlp.corpus import ReadReport, read_records

    report = ReadReport()
    import py3langid

    py3langid.classify("load the language model before timing")  # one-off ~1.5 s model load
    start, cpu = time.perf_counter(), time.process_time()
    count = sum(1 for _ in read_records(path, report=report, dedup=dedup))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"records": count, "seconds": seconds, "cpu_seconds": cpu, "peak_rss_mb": rss_mb,
                      "warnings": dict(report.warning_counts), "duplicates": len(report.duplicates)}))


def run_child(path: Path, no_dedup: bool, src: str | None) -> dict:
    load = os.getloadavg()[0]
    command = [sys.executable, __file__, "--child", str(path)]
    command += (["--no-dedup"] if no_dedup else []) + (["--src", src] if src else [])
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result["load"] = load
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--formats", nargs="+", default=["ris", "medline"])
    parser.add_argument("--repeats", type=int, default=3, help="reads per file; the table shows medians")
    parser.add_argument("--no-dedup", action="store_true",
                        help="switch duplicate detection off (shows the reader's own memory use)")
    parser.add_argument("--src", help="read with the package under this source directory (before/after comparisons)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        read_child(args.child, dedup=not args.no_dedup, src=args.src)
        return
    sys.path.insert(0, str(ROOT / "src"))
    start = time.process_time()
    x = 0
    for i in range(10_000_000):  # calibration: how fast is this CPU for plain Python?
        x += i
    calibration = time.process_time() - start
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}, "
          f"10M Python additions: {calibration:.2f} CPU s; medians of {args.repeats} reads, each in a fresh process")
    print(f"{'format':8} {'records':>8} {'MB':>6} {'wall s':>7} {'records/s':>10} {'CPU s':>6} "
          f"{'records/CPU s':>13} {'peak RSS MB':>11} {'load 1m':>13}")
    rss: dict[str, list[tuple[int, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats:
            for size in args.sizes:
                path = Path(tmp) / f"bench_{size}.{'ris' if fmt == 'ris' else 'nbib'}"
                mb = generate(path, fmt, size)
                runs = [run_child(path, args.no_dedup, args.src) for _ in range(args.repeats)]
                path.unlink()
                records = runs[0]["records"]
                wall = statistics.median(r["seconds"] for r in runs)
                cpu = statistics.median(r["cpu_seconds"] for r in runs)
                peak = statistics.median(r["peak_rss_mb"] for r in runs)
                loads = [r["load"] for r in runs]
                rss.setdefault(fmt, []).append((records, peak))
                print(f"{fmt:8} {records:>8} {mb:>6.1f} {wall:>7.2f} {records / wall:>10,.0f} {cpu:>6.2f} "
                      f"{records / cpu:>13,.0f} {peak:>11.1f} {min(loads):>6.1f}-{max(loads):<6.1f}", flush=True)
    for fmt, points in rss.items():
        (small, small_mb), (large, large_mb) = min(points), max(points)
        if large > small:
            growth = (large_mb - small_mb) * 2**20 / (large - small)
            print(f"{fmt}: peak RSS grows {growth:,.0f} bytes per record from {small:,} to {large:,} records")


if __name__ == "__main__":
    main()
