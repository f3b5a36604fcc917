"""Shared set-up of the design dev experiments (``bench/design_*_dev.py``): the training data of
``training/design.toml`` rebuilt as ``design.train.train_model`` builds it, train split only."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from socialrecovery_nlp.design.rules import DesignRules
from socialrecovery_nlp.design.train import (
    TrainingData,
    _blank_nlp,
    _views,
    load_config,
    stratified_folds,
)
from socialrecovery_nlp.design.weak import training_texts, weak_label


@dataclass
class DevSetup:
    config: dict
    weak_texts: list
    weak_labels: list
    weak_cues: list
    gold: list  # (text, label, cues) of every hand-labelled train record
    fold_of: list  # the out-of-fold fold of each gold record (train_model's folds)


def dev_setup() -> DevSetup:
    """Weak examples, hand-labelled train records and their folds; the test split is not read."""
    config = load_config(ROOT / "training" / "design.toml")
    data = TrainingData(config, ROOT)
    w = config["weak"]
    rules = DesignRules(_blank_nlp().vocab)
    weak = weak_label(data.weak_pool, rules)
    weak_texts, weak_labels, _, weak_cues = training_texts(weak, w["mask_fraction"], w["max_per_label"], w["seed"])
    views = _views([data.abstracts[u] for u in data.train])
    gold = [(data.abstracts[u].text, data.gold[u], rules.cues(v.doc, title_end=v.title_end, text=v.text))
            for u, v in zip(data.train, views)]
    fold_of = stratified_folds([label for _, label, _ in gold], int(config["calibration"]["folds"]),
                               config["calibration"]["seed"])
    return DevSetup(config, weak_texts, weak_labels, weak_cues, gold, fold_of)
