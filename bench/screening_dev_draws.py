"""One library screening model on the exploratory prior draws of ``bench/screening_variants.py``.

    python bench/screening_dev_draws.py DATA.csv MODEL N SEED

Priors: ``numpy.random.default_rng(SEED)``, one relevant and one irrelevant row per draw, drawn
exactly as ``screening_variants.py`` draws them (its default seed 42; 7 for the 20 Sep draws), so
a library model can be compared with the harness's variants on the same development draws, never
on the benchmark's (``bench/vs_asreview.py``, ``default_rng(2026 + index)``). Embeddings are read
from ``bench/results/embeddings/`` (``python bench/screening_variants.py --embed``). Prints the
mean loss, the per-draw losses and the loop's seconds per iteration.
"""
import os
import sys
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from socialrecovery_nlp.active.labelled_csv import read_labelled_csv  # noqa: E402
from socialrecovery_nlp.active.metrics import loss  # noqa: E402
from socialrecovery_nlp.active.models import CachedEmbedder  # noqa: E402
from socialrecovery_nlp.active.simulate import simulate  # noqa: E402


def main(data: str, model: str, n: int, seed: int) -> None:
    records = read_labelled_csv(data)
    y = np.array([r.label_included for r in records])
    rng = np.random.default_rng(seed)
    priors = [[int(rng.choice(np.flatnonzero(y == 1))), int(rng.choice(np.flatnonzero(y == 0)))] for _ in range(n)]
    embedder = CachedEmbedder(cache_dir=ROOT / "bench" / "results" / "embeddings")
    losses, seconds = [], []
    for prior in priors:
        run = simulate(records, prior, model=model, embedder=embedder)
        losses.append(loss(run.labels))
        seconds.append(run.seconds_per_iteration)
    print(Path(data).name, model, "loss %.4f" % np.mean(losses), " ".join("%.4f" % v for v in losses),
          "s/it %.4f" % np.mean(seconds), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
