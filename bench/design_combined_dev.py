"""Dev-only: the combined rules + model prediction out of fold on the TRAIN split, per design.

``train_model`` already reports ``dev_out_of_fold`` for the *combined* prediction (rule decision
mixed with the model's out-of-fold probabilities, mixture weights fitted on those same
out-of-fold scores); this script prints, for one or more override sets (``section.key=value``,
comma-separated, as in ``bench/design_settings_dev.py``; ``base`` = the TOML as is):
the fitted combination, accuracy and macro-F1 of the combination, of the model alone and of the
confident rules, and per-design F1 of the combination. The test split is never read.

design-6: also the calibration of the combined out-of-fold probabilities (top-label ECE, 10 bins;
multiclass Brier; mean NLL), as trained (``out T`` = the fitted output temperature, 1 = none) and
with an output temperature re-fitted *cross-fitted* (on the other four folds of the same deal,
applied to the fifth), so the dev ECE is not fitted on the records it scores. With
``calibration.per_design_confident``, the per-design confident weights are also re-fitted
cross-fitted (four folds' scores -> fifth fold) and scored. ``DESIGN_DEV_DUMP=DIR`` writes each
variant's per-record out-of-fold predictions (train ids, gold, combined, model, rule) to DIR.

    nice -n 5 python bench/design_combined_dev.py base classifier.C=4
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from design_settings_dev import _override

from socialrecovery_nlp.design.evaluate import _scores
from socialrecovery_nlp.design.model import softmax
from socialrecovery_nlp.design.train import TrainingData, load_config, train_model


def report(spec: str, predictor, facts) -> None:
    dev = facts["dev_out_of_fold"]
    gold = [g for g, _ in predictor.dev_pairs]
    pred = [p for _, p in predictor.dev_pairs]
    labels = sorted(set(gold))
    comb = _scores(gold, pred, labels)
    proba = softmax(predictor.dev_scores / predictor.classifier.temperature)
    model_pred = [predictor.labels[int(i)] for i in np.argmax(proba, axis=1)]
    model = _scores(gold, model_pred, labels)
    decisions = [predictor.rule_decision(v)[0] for v in predictor.dev_views]
    conf = [(d.label, g) for d, g in zip(decisions, gold) if d.confident]
    prec = sum(a == b for a, b in conf) / max(len(conf), 1)
    from sklearn.metrics import roc_auc_score

    from socialrecovery_nlp.design.combine import combine
    j = predictor.labels.index("rct")
    p_rct = [combine(d, p, predictor.labels, predictor.params, short_text=bool(v.short))[j]
             for d, p, v in zip(decisions, proba, predictor.dev_views)]
    auroc = roc_auc_score([g == "rct" for g in gold], p_rct)
    mf = lambda s: float(np.mean([s["per_label"][lab]["f1"] for lab in labels]))
    print(f"{spec}: combined accuracy {comb['accuracy']:.3f} macro-F1 {mf(comb):.3f} | model alone "
          f"{model['accuracy']:.3f} / {mf(model):.3f} | rules confident {len(conf)}/{len(gold)} precision {prec:.3f} "
          f"| RCT AUROC {auroc:.4f} | weak used {facts['weak_used']} | combination {predictor.params.to_dict()}")
    print("   per-design F1 (combined): " + ", ".join(
        f"{lab} {comb['per_label'][lab]['f1']:.2f}" for lab in labels))
    print(f"   top confusions {dev['top_confusions'][:6]}", flush=True)
    calibration_report(predictor, decisions, proba, gold)
    if predictor.params.confident_weights:
        crossfit_report(predictor, decisions, proba, gold, labels, mf)
    dump = os.environ.get("DESIGN_DEV_DUMP")  # a folder: per-record OOF predictions (train split only)
    if dump:
        import json

        Path(dump).mkdir(parents=True, exist_ok=True)
        rows = [{"gold": g, "pred": p, "model": m, "rule": d.label, "confident": d.confident}
                for g, p, m, d in zip(gold, pred, model_pred, decisions)]
        name = "".join(ch if ch.isalnum() or ch in "._=-" else "_" for ch in spec)
        Path(dump, f"{name}.json").write_text(json.dumps({"uids": predictor.dev_uids, "rows": rows}), encoding="utf-8")


def crossfit_report(predictor, decisions, proba, gold, labels, mf) -> None:
    """Per-design confident weights re-fitted on four folds' out-of-fold scores and applied to the
    fifth (the in-sample numbers above fit them on the records they score)."""
    from sklearn.metrics import roc_auc_score

    from socialrecovery_nlp.design.combine import CombineParams, combine
    from socialrecovery_nlp.design.train import fit_confident_weights, stratified_folds

    fold_of = stratified_folds(gold, 5, predictor.dev_seed)
    pred, p_rct, fitted = [None] * len(gold), [0.0] * len(gold), []
    j = predictor.labels.index("rct")
    for k in range(5):
        weights = fit_confident_weights(predictor, decisions, proba, gold,
                                        rows=[i for i, f in enumerate(fold_of) if f != k])
        fitted.append(weights)
        params = CombineParams(**{**predictor.params.to_dict(), "confident_weights": weights})
        for i in (i for i, f in enumerate(fold_of) if f == k):
            dist = combine(decisions[i], proba[i], predictor.labels, params,
                           short_text=bool(predictor.dev_views[i].short))
            pred[i], p_rct[i] = predictor.labels[int(np.argmax(dist))], dist[j]
    s = _scores(gold, pred, labels)
    auroc = roc_auc_score([g == "rct" for g in gold], p_rct)
    print(f"   per-design confident weights, cross-fitted: accuracy {s['accuracy']:.3f} macro-F1 {mf(s):.3f} "
          f"RCT AUROC {auroc:.4f}; per design F1: " + ", ".join(f"{lab} {s['per_label'][lab]['f1']:.2f}" for lab in labels))
    print(f"   weights (all OOF) {predictor.params.confident_weights}; fold 0 {fitted[0]}", flush=True)


def calibration_report(predictor, decisions, proba, gold) -> None:
    from socialrecovery_nlp.calibration import brier_score, expected_calibration_error
    from socialrecovery_nlp.design.combine import (
        combine_batch,
        fit_output_temperature,
        sharpen,
    )
    from socialrecovery_nlp.design.train import stratified_folds

    dist = combine_batch(decisions, proba, predictor.labels, predictor.params,
                         [bool(v.short) for v in predictor.dev_views])
    y = np.array([predictor.labels.index(g) for g in gold])
    nll = lambda q: float(-np.mean(np.log(q[np.arange(len(y)), y] + 1e-12)))
    fold_of = np.array(stratified_folds(gold, 5, predictor.dev_seed))
    crossed = np.zeros_like(dist)
    temps = []
    for k in range(5):
        t = fit_output_temperature(dist[fold_of != k], y[fold_of != k])
        temps.append(t)
        crossed[fold_of == k] = sharpen(dist[fold_of == k], t)
    out_t = getattr(predictor.params, "output_temperature", 1.0)
    print(f"   calibration (combined, out of fold; out T {out_t}): ECE {expected_calibration_error(dist, y):.4f} "
          f"Brier {brier_score(dist, y):.4f} NLL {nll(dist):.4f} | output temperature cross-fitted "
          f"({', '.join(f'{t:.2f}' for t in temps)}): ECE {expected_calibration_error(crossed, y):.4f} "
          f"Brier {brier_score(crossed, y):.4f} NLL {nll(crossed):.4f}", flush=True)


def main(specs: list[str]) -> None:
    base = load_config(ROOT / "training" / "design.toml")
    data = TrainingData(base, ROOT)
    print(f"train labels {len(data.train)} (test split not read)", flush=True)
    for spec in specs or ["base"]:
        t0 = time.time()
        config = base if spec == "base" else _override(base, spec)
        predictor, facts = train_model(config, data, log=lambda *a: None)
        predictor.dev_seed = int(config["calibration"]["seed"])
        predictor.dev_uids = list(data.train)
        report(spec, predictor, facts)
        print(f"   ({time.time() - t0:.0f} s)", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
