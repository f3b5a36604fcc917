"""Dev-only: out-of-fold accuracy and macro-F1 of ``train_model`` under setting overrides.

Each argument is a comma-separated list of ``section.key=value`` overrides of
``training/design.toml``; the train split's 5 stratified folds are scored as ``train_model``
scores them (the test split is never read).

    nice -n 5 python bench/design_settings_dev.py weak.gold_weight=12 weak.gold_weight=20 classifier.C=4
"""

from __future__ import annotations

import copy
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from socialrecovery_nlp.design.train import TrainingData, load_config, train_model


def _override(config: dict, spec: str) -> dict:
    config = copy.deepcopy(config)
    for item in spec.split(","):
        key, value = item.split("=")
        section, name = key.split(".")
        old = config[section][name]
        config[section][name] = int(float(value)) if isinstance(old, int) and not isinstance(old, bool) else float(value)
    return config


def main(specs: list[str]) -> None:
    base = load_config(ROOT / "training" / "design.toml")
    data = TrainingData(base, ROOT)
    print(f"train labels {len(data.train)} (test split not read)", flush=True)
    for spec in specs:
        t0 = time.time()
        _, facts = train_model(_override(base, spec), data, log=lambda *a: None)
        dev = facts["dev_out_of_fold"]
        print(f"{spec}: accuracy {dev['accuracy']} macro-F1 {dev['macro_f1_all']} "
              f"model alone {dev['model_only_accuracy']} ({time.time() - t0:.0f} s) "
              f"top confusions {dev['top_confusions'][:5]}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
