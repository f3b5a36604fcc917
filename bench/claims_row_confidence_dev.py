"""Row confidence, development comparison (claims@0.13.0 round): which features and which learner.

    python bench/claims_row_confidence_dev.py

Runs the shipped claims model (full mode) over the development annotation files the row-confidence model is fitted
on (``row_confidence_train.DEV_FILES``: abstracts v23 to v29, titles t1), labels each predicted row right or wrong
(``claims.row_match.is_right``) and reports grouped 5-fold CV ROC AUC (folds by record, three fold shuffles) of:
the detector's score alone; the logistic regression without the extractor's signals (features of the output dict
only); without the tagger's span support; with every feature (the shipped recipe); and a gradient-boosted tree
model over every feature. Never reads the held-out test files.
"""

from __future__ import annotations

import json
import os

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

SIGNAL_FEATURES = ("valence_unknown", "valence_good", "valence_bad", "kind_benefit", "kind_harm", "kind_increase",
                   "kind_decrease", "kind_associate", "parsed")


def main() -> None:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from socialrecovery_nlp.claims.model import load_extractor
    from socialrecovery_nlp.claims.row_confidence import FEATURES, TAGGER_FEATURES, features
    from socialrecovery_nlp.claims.row_confidence_train import DEV_FILES, labelled_rows

    extractor, _ = load_extractor(None, fast=False)
    extractor.row_confidence = None
    rows = labelled_rows(extractor, DEV_FILES)
    y = np.array([r[2] for r in rows], dtype=int)
    groups = np.array([r[3] for r in rows])
    with_signals = np.array([features(c, s) for c, s, _, _ in rows])
    without = np.array([features(c) for c, _, _, _ in rows])  # the output dict only: valence read from the text

    def columns(x, drop):
        return x[:, [i for i, name in enumerate(FEATURES) if name not in drop]]

    def cv_auc(make, x) -> float:
        scores = []
        for shuffle in (0, 1, 2):
            split = GroupKFold(5, shuffle=True, random_state=shuffle) if shuffle else GroupKFold(5)
            oof = np.zeros(len(y))
            for train, test in split.split(x, y, groups):
                oof[test] = make().fit(x[train], y[train]).predict_proba(x[test])[:, 1]
            scores.append(roc_auc_score(y, oof))
        return round(float(np.mean(scores)), 4)

    def lr():
        return make_pipeline(StandardScaler(), LogisticRegression(C=0.03, max_iter=5000))

    def gbm():
        return HistGradientBoostingClassifier(max_iter=400, learning_rate=0.02, max_leaf_nodes=6,
                                              l2_regularization=1.0, min_samples_leaf=30, random_state=0)

    result = {
        "rows": len(y), "right": int(y.sum()), "records": len(set(groups)),
        "detector score alone": round(float(roc_auc_score(y, [r[0]["score"] for r in rows])), 4),
        "logistic regression, output dict only (no signals, no tagger support)":
            cv_auc(lr, columns(without, SIGNAL_FEATURES[3:] + TAGGER_FEATURES)),
        "logistic regression, signals without tagger support": cv_auc(lr, columns(with_signals, TAGGER_FEATURES)),
        "logistic regression, every feature (shipped recipe)": cv_auc(lr, with_signals),
        "gradient-boosted trees, every feature": cv_auc(gbm, with_signals),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
