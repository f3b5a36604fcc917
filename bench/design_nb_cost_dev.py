"""Dev-only: CPU cost of the Naive Bayes block (``classifier.nb_weight``) at prediction time.

Fits the classifier twice on the weak examples plus the hand-labelled TRAIN split (as
``train._fit`` does; without and with ``nb_weight``), then times ``decision`` (TF-IDF + cue
columns + LR [+ NB]) on N screening abstracts that are not hand-labelled, in CPU seconds
(``time.process_time``, so other jobs on the shared cores matter less). The rule cues are
computed once beforehand and are not timed. The test split is never read.

    nice -n 5 python bench/design_nb_cost_dev.py --n 3000 --nb-weight 0.5
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _design_dev import dev_setup

from socialrecovery_nlp.design.rules import DesignRules, _blank_nlp
from socialrecovery_nlp.design.train import TrainingData, _fit, _views


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--nb-weight", type=float, default=0.5)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    setup = dev_setup()
    data = TrainingData(setup.config, ROOT)
    pool = [a for a in data.weak_pool if a.abstract.strip()][:args.n]
    rules = DesignRules(_blank_nlp().vocab)
    views = _views(pool)
    texts = [a.text for a in pool]
    cues = [rules.cues(v.doc, title_end=v.title_end, text=v.text) for v in views]
    models = {}
    for w in (0.0, args.nb_weight):
        config = copy.deepcopy(setup.config)
        config["classifier"]["nb_weight"] = w
        models[w] = _fit(config, setup.weak_texts, setup.weak_labels, setup.weak_cues, setup.gold)
        models[w].decision(texts[:50], cues[:50])  # warm-up (fast TF-IDF index)
    times: dict[float, list[float]] = {w: [] for w in models}
    for _ in range(args.repeat):  # interleaved, so load changes hit both alike
        for w, model in models.items():
            times[w].append(_timed(model, texts, cues))
    for w, ts in times.items():
        best = min(ts)
        print(f"nb_weight {w}: {len(texts)} abstracts, best of {len(ts)} {best:.3f} CPU-s -> "
              f"{len(texts) / best:,.0f} abstracts/CPU-s (classifier part only; all: "
              f"{', '.join(f'{t:.3f}' for t in ts)})", flush=True)


def _timed(model, texts, cues) -> float:
    t0 = time.process_time()
    model.decision(texts, cues)
    return time.process_time() - t0


if __name__ == "__main__":
    main()
