"""Throughput of the study-design component (rules + linear model) on screening abstracts.

    python bench/design_throughput.py [--n 4000] [--processes 2] [--fork 2] [--model models/design-0.3.0]
                                      [--no-sentencizer]

Runs the real pipeline path: blank English tokenizer + the project's sentencizer (``srnlp_sentencizer``,
spaCy's rules vectorised; ``--spacy-sentencizer`` for spaCy's own) + ``srnlp_design`` over
title + abstract records, ``nlp.pipe(batch_size=256, n_process=...)``. Reports abstracts/s
after a warm-up batch; pin to two cores with ``taskset -c 0,1`` to match the target setting.
``--no-sentencizer`` drops the sentencizer: the design rules split sentences at ``. ? !`` and
line breaks themselves when a doc has no boundaries (on 3,000 screening abstracts the rule
decisions are identical with and without it; 6 docs differ in a cue's sentence context).
The machine's load average is printed before and after (the machine is shared).
``--fork N`` splits the records into N chunks processed by N forked copies of the warmed-up
pipeline (Linux fork; only counts come back), timing from fork to the last result: spaCy's
``n_process`` pays for serialising every Doc back to the parent.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main() -> int:
    import spacy

    from socialrecovery_nlp.corpus.record import Record
    from socialrecovery_nlp.design import component  # noqa: F401  (registers srnlp_design)
    from socialrecovery_nlp.design.data import read_screening
    from socialrecovery_nlp.paths import find_model
    from socialrecovery_nlp.pipeline.extensions import register_extensions

    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=4000)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--fork", type=int, default=0, help="N forked workers instead of n_process")
    parser.add_argument("--model", default=None)
    parser.add_argument("--no-sentencizer", action="store_true", help="tokenizer + srnlp_design only")
    parser.add_argument("--spacy-sentencizer", action="store_true", help="spaCy's sentencizer (before 0.6.0)")
    args = parser.parse_args()
    if hasattr(os, "getloadavg"):
        print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    model_dir = args.model or find_model("design")
    abstracts = [a for a in read_screening(ROOT / "data" / "screening") if a.abstract][: args.n]
    records = [Record(id=a.uid, title=a.title, abstract=a.abstract) for a in abstracts]

    register_extensions()
    nlp = spacy.blank("en")
    if not args.no_sentencizer:
        if args.spacy_sentencizer:
            nlp.add_pipe("sentencizer")
        else:
            from socialrecovery_nlp.text import sentences  # noqa: F401  (registers srnlp_sentencizer)

            nlp.add_pipe("srnlp_sentencizer", name="sentencizer")
    nlp.add_pipe("srnlp_design", name="design", config={"model": str(model_dir)})

    def docs(recs):
        for r in recs:
            d = nlp.make_doc(r.text)
            d._.record = r
            yield d

    # Record objects do not survive spaCy's msgpack transfer between processes, so with
    # n_process > 1 plain texts are piped (the component then reads doc.text, no title offset).
    source = docs if args.processes == 1 or args.fork else (lambda recs: (r.text for r in recs))
    list(nlp.pipe(source(records[:256]), batch_size=args.batch_size))  # warm-up
    if args.fork:
        import multiprocessing as mp

        _STATE.update(nlp=nlp, source=source, batch_size=args.batch_size,
                      chunks=[records[i::args.fork] for i in range(args.fork)])
        start = time.perf_counter()
        with mp.get_context("fork").Pool(args.fork) as pool:
            n = sum(pool.map(_run_chunk, range(args.fork), chunksize=1))
        elapsed = time.perf_counter() - start
        print(f"design component: {n} abstracts in {elapsed:.2f}s = {n / elapsed:.0f} abstracts/s; "
              f"{args.fork} forked workers, model={Path(model_dir).name}, pipeline={nlp.pipe_names}")
        _print_load()
        return 0
    start, cpu_start = time.perf_counter(), time.process_time()
    n = sum(1 for _ in nlp.pipe(source(records), batch_size=args.batch_size, n_process=args.processes))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    chars = sum(len(r.text) for r in records) / len(records)
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"design component: {n} abstracts (mean {chars:.0f} chars) in {elapsed:.2f}s = "
          f"{n / elapsed:.0f} abstracts/s; n_process={args.processes}, cores available={affinity}, "
          f"model={Path(model_dir).name}, pipeline={nlp.pipe_names}")
    if args.processes == 1:
        # On a shared, loaded machine wall time understates speed; CPU time of this process
        # estimates what dedicated cores give (the work is embarrassingly parallel).
        print(f"CPU time {cpu:.2f}s = {n / cpu:.0f} abstracts per CPU-second "
              f"-> about {2 * n / cpu:.0f} abstracts/s on 2 dedicated cores (n_process=2, linear)")
    _print_load()
    return 0


def _print_load() -> None:
    if hasattr(os, "getloadavg"):
        print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


_STATE: dict = {}


def _run_chunk(i: int) -> int:
    """Worker: run the inherited pipeline over chunk ``i``; return how many docs got a design."""
    s = _STATE
    return sum(doc._.design is not None for doc in s["nlp"].pipe(s["source"](s["chunks"][i]), batch_size=s["batch_size"]))


if __name__ == "__main__":
    raise SystemExit(main())
