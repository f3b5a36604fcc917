"""Dev-only: does a fine-tuned all-MiniLM-L6-v2 help the design model? One fold of the train split.

    nice python bench/design_minilm_dev.py [--fold 0] [--epochs 4] [--max-length 256] [--extra annotations/design_targeted_v4.jsonl]

The claims detector gained from fine-tuning MiniLM where a frozen MiniLM vector had not helped
(``bench/claims_minilm_detector.md``); design's one transformer trial had 336 labels. Here
``training/design.toml``'s model is trained as usual (its out-of-fold scores on the hand-labelled train
split, ``predictor.dev_scores``, folds from ``stratified_folds`` with the config's seed); MiniLM with a
13-way head (``claims.minilm_scorer.MiniLMClaimScorer``, ``n_labels``) is fine-tuned on the train records
*outside* fold ``--fold`` (plus the train-only ``--extra`` labels) and scored on the fold. Reported on the
fold: the shipped combination (rules + linear model, out of fold), MiniLM alone, and rules + the mean of
both distributions. The test split is never read (``train_model`` is called without test scoring).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from socialrecovery_nlp.claims.minilm_scorer import MiniLMClaimScorer
from socialrecovery_nlp.design.combine import combine
from socialrecovery_nlp.design.data import TITLE_SEPARATOR, read_screening, text_key
from socialrecovery_nlp.design.evaluate import _scores
from socialrecovery_nlp.design.train import (
    TrainingData,
    load_config,
    softmax,
    stratified_folds,
    train_model,
)

ROOT = Path(__file__).resolve().parents[1]


def _decide(predictor, views, proba) -> list[str]:
    out = []
    for view, p in zip(views, proba):
        decision = predictor.rule_decision(view)[0]
        dist = combine(decision, p, predictor.labels, predictor.params, short_text=bool(view.short))
        out.append(predictor.labels[int(np.argmax(dist))])
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fold", type=int, default=0)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--max-length", type=int, default=256)
    ap.add_argument("--extra", default=None, help="train-only hand labels (dataset, record_id, label) JSONL")
    args = ap.parse_args()
    import torch

    torch.set_num_threads(2)
    config = load_config(ROOT / "training" / "design.toml")
    data = TrainingData(config, ROOT)
    t0 = time.time()
    predictor, _ = train_model(config, data, log=lambda *a: None)
    uids = list(data.train)
    gold = [data.gold[u] for u in uids]
    folds = stratified_folds(gold, int(config["calibration"].get("folds", 5)), config["calibration"]["seed"])
    dev = [i for i, f in enumerate(folds) if f == args.fold]
    fit = [i for i, f in enumerate(folds) if f != args.fold]
    labels = predictor.labels
    texts = [data.abstracts[u].text for u in uids]
    fit_texts, fit_y = [texts[i] for i in fit], [labels.index(gold[i]) for i in fit]
    if args.extra:
        abstracts = {(a.dataset, a.record_id): a for a in read_screening(ROOT / "data" / "screening")}
        test = {text_key(data.abstracts[u].text) for u in data.test}
        for line in Path(args.extra).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            a = abstracts[(row["dataset"], str(row["record_id"]))]
            text = a.title + TITLE_SEPARATOR + a.abstract
            if text_key(text) not in test and row["label"] in labels:
                fit_texts.append(text)
                fit_y.append(labels.index(row["label"]))
    linear_s = time.time() - t0
    scorer = MiniLMClaimScorer(train_layers=6, epochs=args.epochs, lr=args.lr, batch_size=16,
                               max_length=args.max_length, n_labels=len(labels))
    t1 = time.time()
    scorer.fit(fit_texts, fit_y)
    fit_s = time.time() - t1
    q = scorer.distribution([texts[i] for i in dev])
    p = softmax(np.asarray(predictor.dev_scores)[dev] / predictor.classifier.temperature)
    views = [predictor.dev_views[i] for i in dev]
    g = [gold[i] for i in dev]
    present = sorted(set(g))
    rows = {
        "rules + linear (shipped, out of fold)": _decide(predictor, views, p),
        "linear alone": [labels[int(np.argmax(x))] for x in p],
        "MiniLM alone": [labels[int(np.argmax(x))] for x in q],
        "rules + mean(linear, MiniLM)": _decide(predictor, views, (p + q) / 2),
    }
    report = {"fold": args.fold, "n_dev": len(dev), "n_fit": len(fit_texts), "settings": vars(args),
              "seconds": {"linear": round(linear_s, 1), "minilm_fit": round(fit_s, 1)}}
    for name, pred in rows.items():
        s = _scores(g, pred, present)
        report[name] = {"accuracy": s["accuracy"],
                        "macro_f1_all": round(float(np.mean([s["per_label"][lab]["f1"] for lab in present])), 3)}
        print(f"{name}: {json.dumps(report[name])}", flush=True)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
