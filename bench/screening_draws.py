"""Two of our screening models on many prior draws: how much of a loss difference is noise?

The ASReview comparison (``bench/vs_asreview.py``) uses five prior draws per data set; with 20-40
relevant records, one draw's loss moves by several hundredths. This runs two of our models on
``--draws`` other prior pairs per data set (one relevant + one irrelevant row from
``numpy.random.default_rng(--seed + data-set index)``; the default seed differs from the
benchmark's 2026) and reports, per data set, both mean losses, their ratio, how many draws the
second model wins, and a paired bootstrap 95 % interval of the mean loss difference. The first
model defaults to ``srnlp.screen.v1``, which gives ELAS u4's loss (``docs/simulation.md``).

    OPENBLAS_NUM_THREADS=1 python bench/screening_draws.py --draws 20 \\
        --models srnlp.screen.v1 srnlp.screen_svm_emb.v2 --output bench/results/screening_draws.json
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("SRNLP_EMBEDDING_CACHE", str(ROOT / "bench" / "results" / "embeddings"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from socialrecovery_nlp.active.labelled_csv import read_labelled_csv
from socialrecovery_nlp.active.metrics import loss
from socialrecovery_nlp.active.simulate import simulate


def draw_priors(y: np.ndarray, draws: int, seed: int) -> list[list[int]]:
    rng = np.random.default_rng(seed)
    pos, neg = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
    return [[int(rng.choice(pos)), int(rng.choice(neg))] for _ in range(draws)]


def paired_interval(diff: np.ndarray, reps: int = 10_000, seed: int = 0) -> tuple[float, float]:
    """Percentile bootstrap 95 % interval of the mean of paired differences."""
    rng = np.random.default_rng(seed)
    means = diff[rng.integers(0, len(diff), size=(reps, len(diff)))].mean(axis=1)
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=ROOT / "data" / "screening")
    ap.add_argument("--datasets", nargs="*", help="file names to restrict to")
    ap.add_argument("--draws", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7000)
    ap.add_argument("--models", nargs=2, default=["srnlp.screen.v1", "srnlp.screen_svm_emb.v2"])
    ap.add_argument("--output", type=Path)
    args = ap.parse_args(argv)
    files = sorted(args.data_dir.glob("*.csv"))
    rows = []
    for k, path in enumerate(files):
        if args.datasets and path.name not in args.datasets:
            continue
        records = read_labelled_csv(path)
        y = np.array([r.label_included for r in records])
        priors = draw_priors(y, args.draws, args.seed + k)
        losses = {m: [] for m in args.models}
        for prior in priors:
            for m in args.models:
                run = simulate(records, prior, model=m)
                losses[m].append(loss(run.labels))
            print(f"{path.name} prior={prior} " + " ".join(f"{m}={losses[m][-1]:.4f}" for m in args.models), flush=True)
        a, b = (np.array(losses[m]) for m in args.models)
        lo, hi = paired_interval(b - a)
        row = {"data": path.name, "priors": priors, "losses": losses, "mean": {m: float(np.mean(losses[m])) for m in args.models},
               "ratio": float(b.mean() / a.mean()), "second_wins": int((b < a).sum()), "ties": int((b == a).sum()),
               "mean_difference_95": [lo, hi]}
        rows.append(row)
        print(f"{path.name}: {args.models[0]} {a.mean():.4f} {args.models[1]} {b.mean():.4f} ratio {row['ratio']:.4f} "
              f"wins {row['second_wins']}/{len(priors)} difference 95% [{lo:+.4f}, {hi:+.4f}]", flush=True)
        if args.output:  # after every data set, so a long run that is stopped keeps what it did
            args.output.parent.mkdir(parents=True, exist_ok=True)
            args.output.write_text(json.dumps({"seed": args.seed, "draws": args.draws, "models": args.models, "rows": rows}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
