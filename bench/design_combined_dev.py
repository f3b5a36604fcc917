"""Dev-only: the combined rules + model prediction out of fold on the TRAIN split, per design.

``train_model`` already reports ``dev_out_of_fold`` for the *combined* prediction (rule decision
mixed with the model's out-of-fold probabilities, mixture weights fitted on those same
out-of-fold scores); this script prints, for one or more override sets (``section.key=value``,
comma-separated, as in ``bench/design_settings_dev.py``; ``base`` = the TOML as is):
the fitted combination, accuracy and macro-F1 of the combination, of the model alone and of the
confident rules, and per-design F1 of the combination. The test split is never read.

    nice -n 5 python bench/design_combined_dev.py base classifier.C=4
"""

from __future__ import annotations

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


def main(specs: list[str]) -> None:
    base = load_config(ROOT / "training" / "design.toml")
    data = TrainingData(base, ROOT)
    print(f"train labels {len(data.train)} (test split not read)", flush=True)
    for spec in specs or ["base"]:
        t0 = time.time()
        config = base if spec == "base" else _override(base, spec)
        predictor, facts = train_model(config, data, log=lambda *a: None)
        report(spec, predictor, facts)
        print(f"   ({time.time() - t0:.0f} s)", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
