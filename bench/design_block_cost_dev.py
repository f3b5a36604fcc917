"""Dev-only: CPU cost at prediction time of classifier variants (design-6; replaces the former
``design_nb_cost_dev.py``: the NB block's cost is ``classifier.nb_weight=0`` against the shipped config).

Fits the classifier of ``training/design.toml`` and of each override set (``section.key=value``,
comma-separated, as in ``design_combined_dev.py``) on the weak examples plus the hand-labelled
TRAIN split (as ``train._fit`` does), then times ``decision`` (TF-IDF + cue columns + LR + NB [+
the variant's blocks]) on N screening abstracts that are not hand-labelled, in CPU seconds
(``time.process_time``), interleaved, best of ``--repeat``. The rule cues are computed once and
are not timed. The test split is never read.

    nice -n 5 python bench/design_block_cost_dev.py --n 3000 --repeat 5 features.char_weight=0.5

Also times ``combine_batch`` (rule decisions + model probabilities -> combined distribution) with
the shared confident weight and with per-design confident weights
(``calibration.per_design_confident``, design-6; weights as fitted on dev).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _design_dev import dev_setup
from design_settings_dev import _override

from socialrecovery_nlp.design.rules import DesignRules, _blank_nlp
from socialrecovery_nlp.design.train import TrainingData, _fit, _views


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("specs", nargs="*")
    args = ap.parse_args()
    setup = dev_setup()
    data = TrainingData(setup.config, ROOT)
    pool = [a for a in data.weak_pool if a.abstract.strip()][:args.n]
    rules = DesignRules(_blank_nlp().vocab)
    t0 = time.process_time()
    views = _views(pool)
    t_tok = time.process_time() - t0
    texts = [a.text for a in pool]
    t0 = time.process_time()
    cues = [rules.cues(v.doc, title_end=v.title_end, text=v.text) for v in views]
    t_rules = time.process_time() - t0
    print(f"{len(texts)} abstracts: tokenizer {1000 * t_tok / len(texts):.3f} ms, rules "
          f"{1000 * t_rules / len(texts):.3f} ms CPU per abstract (one pass)", flush=True)
    models = {}
    for spec in ["base"] + args.specs:
        config = setup.config if spec == "base" else _override(setup.config, spec)
        models[spec] = _fit(config, setup.weak_texts, setup.weak_labels, setup.weak_cues, setup.gold)
        models[spec].decision(texts[:50], cues[:50])  # warm-up (fast TF-IDF index)
    times: dict[str, list[float]] = {s: [] for s in models}
    for _ in range(args.repeat):  # interleaved, so load changes hit all alike
        for spec, model in models.items():
            t0 = time.process_time()
            model.decision(texts, cues)
            times[spec].append(time.process_time() - t0)
    combine_cost(models["base"], texts, cues, args.repeat)
    base = min(times["base"])
    for spec, ts in times.items():
        best = min(ts)
        print(f"{spec}: best of {len(ts)} {best:.3f} CPU-s -> {len(texts) / best:,.0f} abstracts/CPU-s "
              f"({1000 * best / len(texts):.3f} ms each; +{1000 * (best - base) / len(texts):.3f} ms over base; "
              f"all: {', '.join(f'{t:.3f}' for t in ts)})", flush=True)


def combine_cost(model, texts, cues, repeat: int) -> None:
    from socialrecovery_nlp.design.combine import CombineParams, combine_batch
    from socialrecovery_nlp.design.rules import decide

    decisions = [decide(c) for c in cues]
    proba = model.predict_proba(texts, cues)
    shared = CombineParams(confident_weight=0.1, weak_weight=0.0, short_text_weight=0.0, missing_cue_factor=0.5)
    per = CombineParams(**{**shared.to_dict(), "confident_weights": {
        "case_control": 0.5, "cross_sectional": 0.15, "mixed_methods": 0.85, "non_empirical": 0.15, "rct": 0.0}})
    out = {}
    for _ in range(repeat):
        for name, params in (("shared confident weight", shared), ("per-design confident weights", per)):
            t0 = time.process_time()
            combine_batch(decisions, proba, model.labels_, params, [False] * len(texts))
            out.setdefault(name, []).append(time.process_time() - t0)
    for name, ts in out.items():
        print(f"combine_batch, {name}: best of {len(ts)} {1000 * min(ts) / len(texts):.4f} ms per abstract", flush=True)


if __name__ == "__main__":
    main()
