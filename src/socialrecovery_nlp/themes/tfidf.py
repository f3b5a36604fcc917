"""``srnlp.tfidf_linear.v1``: TF-IDF word and character n-grams with one calibrated linear model
per label (one-vs-rest). Fast and small.

Training uses scikit-learn; the fitted models are then *compiled* to their exact linear form
(one weight matrix, a bias and a Platt sigmoid per label) and saved as safetensors arrays plus
a JSON vocabulary, so loading takes milliseconds, needs no pickle and no skops trust list, and
prediction is one sparse matrix product (see :mod:`.features` for the cached n-gram transform).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from scipy import sparse

from .features import FastTfidf, make_vectorizers

NAME = "srnlp.tfidf_linear.v1"
WEIGHTS_FILE = "tfidf_linear.safetensors"
VOCAB_FILE = "tfidf_vocabulary.json"


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))


class TfidfLinearEstimator:
    """Multi-label text classifier: ``fit(texts, Y)``, ``predict_proba(texts) -> (n, labels)``.

    Each label gets a linear SVM with balanced class weights, calibrated by Platt scaling on
    internal stratified cross-validation (``CalibratedClassifierCV(ensemble=False)``); labels
    with fewer than ``min_calibration_positives`` positives get a balanced logistic regression,
    labels without positives a constant 0.
    """

    def __init__(self, word_ngrams=(1, 2), char_ngrams=(2, 5), max_word_features=20000,
                 max_char_features=30000, C=0.5, calibration_cv=3, min_calibration_positives=6,
                 random_state=0):
        self.word_ngrams = tuple(word_ngrams)
        self.char_ngrams = tuple(char_ngrams)
        self.max_word_features = int(max_word_features)
        self.max_char_features = int(max_char_features)
        self.C = float(C)
        self.calibration_cv = int(calibration_cv)
        self.min_calibration_positives = int(min_calibration_positives)
        self.random_state = int(random_state)
        self.features_: FastTfidf | None = None
        self.coef_ = self.intercept_ = self.cal_a_ = self.cal_b_ = None

    def params(self) -> dict:
        return {"word_ngrams": list(self.word_ngrams), "char_ngrams": list(self.char_ngrams),
                "max_word_features": self.max_word_features, "max_char_features": self.max_char_features,
                "C": self.C, "calibration_cv": self.calibration_cv,
                "min_calibration_positives": self.min_calibration_positives, "random_state": self.random_state}

    def _fit_label(self, X, y) -> tuple[np.ndarray, float, float, float]:
        """(weights, bias, a, b) with p = sigmoid(a * (w.x + bias) + b)."""
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold
        from sklearn.svm import LinearSVC

        positives = int(y.sum())
        if positives == 0:
            return np.zeros(X.shape[1]), 0.0, 0.0, -50.0
        if positives >= self.min_calibration_positives:
            svm = LinearSVC(C=self.C, class_weight="balanced", random_state=self.random_state)
            cv = StratifiedKFold(self.calibration_cv, shuffle=True, random_state=self.random_state)
            cal = CalibratedClassifierCV(svm, method="sigmoid", cv=cv, ensemble=False).fit(X, y)
            inner = cal.calibrated_classifiers_[0]
            sig = inner.calibrators[0]
            # sklearn's sigmoid calibration: p = 1 / (1 + exp(a_ * f + b_))
            return inner.estimator.coef_.ravel(), float(inner.estimator.intercept_[0]), -float(sig.a_), -float(sig.b_)
        lr = LogisticRegression(C=4 * self.C, class_weight="balanced", max_iter=5000).fit(X, y)
        return lr.coef_.ravel(), float(lr.intercept_[0]), 1.0, 0.0

    def fit(self, texts: list[str], Y: np.ndarray) -> TfidfLinearEstimator:
        Y = np.asarray(Y)
        word, char = make_vectorizers(self.word_ngrams, self.char_ngrams, self.max_word_features, self.max_char_features)
        X = sparse.hstack([word.fit_transform(texts), char.fit_transform(texts)], format="csr")
        fitted = [self._fit_label(X, Y[:, j]) for j in range(Y.shape[1])]
        self.coef_ = np.stack([f[0] for f in fitted], axis=1).astype(np.float32)
        self.intercept_ = np.array([f[1] for f in fitted])
        self.cal_a_ = np.array([f[2] for f in fitted])
        self.cal_b_ = np.array([f[3] for f in fitted])
        self.features_ = FastTfidf.from_fitted(word, char)
        return self

    def decision_function(self, texts: list[str]) -> np.ndarray:
        X = self.features_.transform(texts)
        return np.asarray(X @ self.coef_) + self.intercept_

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, len(self.intercept_)))
        return _sigmoid(self.cal_a_ * self.decision_function(texts) + self.cal_b_)

    def save(self, directory: str | Path) -> list[str]:
        from safetensors.numpy import save_file

        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        f = self.features_
        save_file({"coef": self.coef_, "intercept": self.intercept_, "cal_a": self.cal_a_, "cal_b": self.cal_b_,
                   "word_idf": f.word_idf, "char_idf": f.char_idf}, str(directory / WEIGHTS_FILE))
        vocab = {"params": self.params(), "word_terms": f.word_terms, "char_terms": f.char_terms}
        (directory / VOCAB_FILE).write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        return [WEIGHTS_FILE, VOCAB_FILE]

    @classmethod
    def load(cls, directory: str | Path) -> TfidfLinearEstimator:
        from safetensors.numpy import load_file

        directory = Path(directory)
        arrays = load_file(str(directory / WEIGHTS_FILE))
        vocab = json.loads((directory / VOCAB_FILE).read_text(encoding="utf-8"))
        est = cls(**vocab["params"])
        est.coef_, est.intercept_ = arrays["coef"], arrays["intercept"]
        est.cal_a_, est.cal_b_ = arrays["cal_a"], arrays["cal_b"]
        est.features_ = FastTfidf(vocab["word_terms"], arrays["word_idf"], est.word_ngrams,
                                  vocab["char_terms"], arrays["char_idf"], est.char_ngrams)
        return est
