"""The warm-startable primal SVM reaches liblinear's minimiser."""

import numpy as np
import scipy.sparse as sp
from sklearn.svm import LinearSVC

from socialrecovery_nlp.active.models import balanced_weights
from socialrecovery_nlp.active.primal_svm import fit_squared_hinge


def _data(n=120, d=20, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    y = (X[:, 0] + 0.5 * X[:, 1] + rng.normal(scale=0.8, size=n) > 1.0).astype(int)
    return X, y


def _decision(X, coef, intercept):
    return np.asarray(X @ coef).ravel() + intercept


def test_same_decision_values_as_liblinear_dense_and_sparse():
    X, y = _data()
    w = balanced_weights(y, 9.8)
    ref = LinearSVC(C=0.1, loss="squared_hinge", tol=1e-8, max_iter=100_000, random_state=0).fit(X, y, sample_weight=w)
    expected = _decision(X, ref.coef_.ravel(), ref.intercept_[0])
    for data in (X, sp.csr_matrix(X)):
        coef, intercept, steps = fit_squared_hinge(data, y, w, C=0.1)
        assert steps >= 1
        assert np.abs(_decision(X, coef, intercept) - expected).max() < 1e-4


def test_warm_start_reaches_the_cold_solution_in_fewer_steps():
    X, y = _data(n=200)
    w_all = balanced_weights(y, 9.8)
    coef0, b0, _ = fit_squared_hinge(X[:-1], y[:-1], balanced_weights(y[:-1], 9.8), C=0.1)
    cold = fit_squared_hinge(X, y, w_all, C=0.1)
    warm = fit_squared_hinge(X, y, w_all, C=0.1, start=(coef0, b0))
    assert np.abs(_decision(X, *cold[:2]) - _decision(X, *warm[:2])).max() < 1e-5
    assert warm[2] <= cold[2]


def test_start_of_the_wrong_width_is_ignored():
    X, y = _data()
    cold = fit_squared_hinge(X, y, None, C=1.0)
    odd = fit_squared_hinge(X, y, None, C=1.0, start=(np.ones(3), 5.0))
    assert np.allclose(cold[0], odd[0]) and cold[1] == odd[1]


def test_running_out_of_steps_is_an_error_not_a_silent_answer():
    import pytest

    from socialrecovery_nlp.active.primal_svm import NotConverged

    X, y = _data(n=200, d=50, seed=3)
    with pytest.raises(NotConverged):
        fit_squared_hinge(X, y, None, C=1e4, max_newton=3)


def test_bad_weights_are_rejected_and_a_non_finite_start_is_ignored():
    import pytest

    X, y = _data()
    w = np.ones(len(y))
    w[0] = -1.0
    with pytest.raises(ValueError, match="non-negative"):
        fit_squared_hinge(X, y, w, C=1.0)
    cold = fit_squared_hinge(X, y, None, C=1.0)
    nan_start = fit_squared_hinge(X, y, None, C=1.0, start=(np.full(X.shape[1], np.nan), 0.0))
    assert np.allclose(cold[0], nan_start[0])


def test_screening_model_falls_back_to_liblinear_when_newton_does_not_converge(monkeypatch):
    from socialrecovery_nlp.active import models
    from socialrecovery_nlp.active.primal_svm import NotConverged

    X, y = _data(n=150, d=16, seed=5)
    member = {"view": "word", "learner": "svm", "C": 0.1, "ratio": 9.8}
    newton = models.LinearScreener([{**member, "solver": "newton"}])
    newton.views, newton._slices = ["word"], [slice(0, 16)]

    def refuse(*args, **kwargs):
        raise NotConverged("test")

    monkeypatch.setattr(models, "fit_squared_hinge", refuse)
    newton.fit(X, y)
    ref = LinearSVC(C=0.1, loss="squared_hinge", random_state=0).fit(X, y, sample_weight=balanced_weights(y, 9.8))
    assert np.allclose(newton.classifiers[0][0], ref.coef_.ravel())
