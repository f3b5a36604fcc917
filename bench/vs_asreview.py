"""Screening simulation side by side with ASReview 2.2 (ELAS u4).

    python bench/vs_asreview.py                      # everything (creates bench/.venv-asreview)
    python bench/vs_asreview.py --only asreview      # one side; runs are cached in bench/results/runs/
    python bench/vs_asreview.py --model srnlp.screen.v1 --draws 5   # the default (ELAS-u4-like)
    python bench/vs_asreview.py --only ours --model srnlp.screen_svm_emb.v1 --timing-draws 1 \
        --output bench/results/vs_asreview_svm_emb.json   # the embedding model; ASReview re-timed

For each data set in data/screening (ASReview CSV convention, label column ``label_included``)
five prior draws of one relevant + one irrelevant row are made with a fixed seed; ASReview
(`asreview simulate DATA --prior-idx I J --seed 0`, default model ELAS u4) and ours
(:func:`socialrecovery_nlp.active.simulate.simulate`) start from the same rows. Both sides'
losses are computed with :func:`socialrecovery_nlp.active.metrics.loss` (ASReview 2.2's
definition, priors excluded) from the screening order; seconds per iteration is the loop time
divided by the labels queried (ASReview: from the label timestamps of its results table, the first
queried label excluded; ours: the loop's wall time), plus the whole command's wall time per
iteration. Results go to bench/results/vs_asreview.json.

``--model srnlp.screen_svm_emb.v1`` (not the default: it lost to ELAS u4 on Sep 2021, see
docs/simulation.md) reads all-MiniLM-L6-v2 sentence embeddings: they are a
one-time feature extraction (like ASReview's ELAS h3), cached in bench/results/embeddings/ (the
library's ``SRNLP_EMBEDDING_CACHE``) and computed there by
``python bench/screening_variants.py --embed``, whose seconds per data set
(bench/results/embeddings/timings.json) are reported apart from the seconds per iteration.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from socialrecovery_nlp.active.labelled_csv import read_labelled_csv
from socialrecovery_nlp.active.metrics import loss, pad_labels

VENV = ROOT / "bench" / ".venv-asreview"
EMBEDDINGS = ROOT / "bench" / "results" / "embeddings"
DEFAULT_MODEL = "srnlp.screen.v1"
RUNS = ROOT / "bench" / "results" / "runs"
ASREVIEW_VERSION = "2.2"


def ensure_asreview() -> Path:
    exe = VENV / "bin" / "asreview"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", f"asreview=={ASREVIEW_VERSION}"], check=True)
    return exe


def draw_priors(y: np.ndarray, draws: int, seed: int) -> list[list[int]]:
    rng = np.random.default_rng(seed)
    pos, neg = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
    return [[int(rng.choice(pos)), int(rng.choice(neg))] for _ in range(draws)]


def run_asreview(exe: Path, data: Path, prior: list[int]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "sim.asreview"
        t0 = time.perf_counter()
        subprocess.run(
            [str(exe), "simulate", str(data), "--prior-idx", *map(str, prior), "--seed", "0", "-o", str(out)],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wall = time.perf_counter() - t0
        with zipfile.ZipFile(out) as z:
            z.extractall(tmp)
        db = glob.glob(os.path.join(tmp, "reviews", "*", "results.db"))[0]
        con = sqlite3.connect(db)
        rows = con.execute("SELECT record_id, label, training_set, time FROM results ORDER BY rowid").fetchall()
        con.close()
    queried = [r for r in rows if r[2] is not None]
    order = [int(r[0]) for r in queried]
    times = [r[3] for r in queried]
    per_it = (times[-1] - times[0]) / (len(times) - 1) if len(times) > 1 else 0.0
    return {"order": order, "seconds_per_iteration": per_it, "wall_per_iteration": wall / max(len(order), 1)}


def run_ours(data: Path, prior: list[int], model: str) -> dict:
    from socialrecovery_nlp.active.simulate import simulate

    os.environ.setdefault("SRNLP_EMBEDDING_CACHE", str(EMBEDDINGS))
    records = read_labelled_csv(data)
    t0 = time.perf_counter()
    result = simulate(records, prior, model=model)
    wall = time.perf_counter() - t0
    return {
        "order": result.order,
        "seconds_per_iteration": result.seconds_per_iteration,
        "seconds_embedding": result.seconds_embedding,
        "wall_per_iteration": wall / max(len(result.order), 1),
    }


def loss_of(order: list[int], y: np.ndarray, prior: list[int]) -> float:
    seen = set(order) | set(prior)
    rest = [int(y[i]) for i in range(len(y)) if i not in seen]
    return loss(pad_labels([int(y[i]) for i in order], rest))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, default=ROOT / "data" / "screening")
    ap.add_argument("--draws", type=int, default=5)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--model", default=DEFAULT_MODEL)
    ap.add_argument("--only", choices=["asreview", "ours"])
    ap.add_argument("--datasets", nargs="*", help="file names to restrict to")
    ap.add_argument("--output", type=Path, default=ROOT / "bench" / "results" / "vs_asreview.json")
    ap.add_argument("--rerun", action="store_true", help="ignore cached runs")
    ap.add_argument("--timing-draws", type=int, default=0,
                    help="also time the first K draws of each data set again, ASReview and ours back "
                         "to back (no cache), so both sides see the same machine load")
    ap.add_argument("--timing-models", nargs="*", default=["srnlp.screen.v1"],
                    help="more of our models timed back to back with the timing draws")
    args = ap.parse_args(argv)
    RUNS.mkdir(parents=True, exist_ok=True)
    exe = ensure_asreview() if args.only != "ours" or args.timing_draws else None
    files = sorted(args.data_dir.glob("*.csv"))
    # each set's priors come from its index among all the sets, so --datasets does not change them
    index = {f.name: k for k, f in enumerate(files)}
    if args.datasets:
        files = [f for f in files if f.name in args.datasets]
    table = []
    for data in files:
        k = index[data.name]
        y = np.array([r.label_included for r in read_labelled_csv(data)])
        priors = draw_priors(y, args.draws, args.seed + k)
        row = {"data": data.name, "records": len(y), "relevant": int(y.sum()), "priors": priors}
        sides = {"asreview": f"asreview{ASREVIEW_VERSION}-elas_u4", "ours": args.model}
        for side, tag in sides.items():
            if args.only and side != args.only:
                cached = [RUNS / f"{tag}__{data.stem}__{'-'.join(map(str, p))}.json" for p in priors]
                if not all(c.exists() for c in cached):
                    continue
            runs = []
            for prior in priors:
                cache = RUNS / f"{tag}__{data.stem}__{'-'.join(map(str, prior))}.json"
                if cache.exists() and not args.rerun:
                    run = json.loads(cache.read_text())
                else:
                    run = run_asreview(exe, data, prior) if side == "asreview" else run_ours(data, prior, args.model)
                    run["loss"] = loss_of(run["order"], y, prior)
                    cache.write_text(json.dumps(run))
                runs.append(run)
                print(f"{data.name} {side} prior={prior} loss={run['loss']:.4f} s/it={run['seconds_per_iteration']:.4f}", flush=True)
            row[side] = {
                "model": tag,
                "losses": [r["loss"] for r in runs],
                "mean_loss": float(np.mean([r["loss"] for r in runs])),
                "seconds_per_iteration": float(np.mean([r["seconds_per_iteration"] for r in runs])),
                "wall_per_iteration": float(np.mean([r["wall_per_iteration"] for r in runs])),
                "records_to_100%": [len(r["order"]) for r in runs],
            }
        if args.timing_draws and exe is not None:
            row["timing"] = []
            for prior in priors[: args.timing_draws]:
                a = run_asreview(exe, data, prior)
                o = run_ours(data, prior, args.model)
                entry = {"prior": prior, "asreview_seconds_per_iteration": a["seconds_per_iteration"],
                         "ours_seconds_per_iteration": o["seconds_per_iteration"],
                         "asreview_wall_per_iteration": a["wall_per_iteration"],
                         "ours_wall_per_iteration": o["wall_per_iteration"]}
                for other in args.timing_models:  # e.g. the ELAS-u4-like model, for reference
                    if other != args.model:
                        entry[f"{other}_seconds_per_iteration"] = run_ours(data, prior, other)["seconds_per_iteration"]
                row["timing"].append(entry)
                print(f"{data.name} timing prior={prior} ASReview s/it={a['seconds_per_iteration']:.4f} "
                      f"ours s/it={o['seconds_per_iteration']:.4f} "
                      f"srnlp.screen.v1 s/it={entry.get('srnlp.screen.v1_seconds_per_iteration', o['seconds_per_iteration']):.4f}",
                      flush=True)
        timings = EMBEDDINGS / "timings.json"
        if "emb" in args.model and timings.exists():
            row["embedding_seconds_once"] = json.loads(timings.read_text()).get(data.name, {}).get("seconds")
        table.append(row)
    print()
    print(f"{'data set':34} {'ASReview loss':>13} {'ours loss':>10} {'ratio':>7} {'ASR s/it':>9} {'ours s/it':>9}")
    for row in table:
        a, o = row.get("asreview"), row.get("ours")
        al = f"{a['mean_loss']:.4f}" if a else "-"
        ol = f"{o['mean_loss']:.4f}" if o else "-"
        ratio = f"{o['mean_loss'] / a['mean_loss']:.4f}" if a and o and a["mean_loss"] else "-"
        at = f"{a['seconds_per_iteration']:.4f}" if a else "-"
        ot = f"{o['seconds_per_iteration']:.4f}" if o else "-"
        print(f"{row['data']:34} {al:>13} {ol:>10} {ratio:>7} {at:>9} {ot:>9}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"asreview_version": ASREVIEW_VERSION, "seed": args.seed, "rows": table}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
