"""The direct liblinear call gives LinearSVC's coefficients exactly (active/liblinear_fit.py)."""

import numpy as np
from sklearn.svm import LinearSVC

from socialrecovery_nlp.active.liblinear_fit import (
    direct_call_agrees,
    fit_squared_hinge_svc,
)
from socialrecovery_nlp.active.models import (
    _word_tfidf,
    balanced_weights,
    screening_text,
)


def _reference(X, y, w, C):
    clf = LinearSVC(C=C, loss="squared_hinge", random_state=0).fit(X, y, sample_weight=w)
    return clf.coef_.ravel(), float(clf.intercept_[0])


def test_same_coefficients_as_linear_svc_sparse_dual_and_dense_primal(sep_records, capfd):
    texts = [screening_text(r) for r in sep_records]
    y = np.array([int(r.label_included) for r in sep_records])
    X = _word_tfidf().fit_transform(texts).tocsr()
    for rows in (np.arange(60), np.arange(len(y))):  # fewer records than features: dual
        w = balanced_weights(y[rows], 9.8)
        coef, b = fit_squared_hinge_svc(X[rows], y[rows], w, 0.11)
        ref_coef, ref_b = _reference(X[rows], y[rows], w, 0.11)
        assert np.array_equal(coef, ref_coef) and b == ref_b
    rng = np.random.default_rng(0)
    E = rng.normal(size=(400, 12))  # more records than features: primal
    y2 = (E[:, 0] + 0.3 * rng.normal(size=400) > 0.8).astype(int)
    w2 = balanced_weights(y2, 9.8)
    coef, b = fit_squared_hinge_svc(E, y2, w2, 0.1)
    ref_coef, ref_b = _reference(E, y2, w2, 0.1)
    assert np.array_equal(coef, ref_coef) and b == ref_b
    assert "optimization finished" not in capfd.readouterr().out  # liblinear stays quiet


def test_the_self_check_passes_on_this_scikit_learn():
    assert direct_call_agrees()
