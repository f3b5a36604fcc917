"""A linear SVM fitted by liblinear without scikit-learn's per-call input checks.

The screening loop fits small models hundreds of times on data it built itself (CSR TF-IDF or
float arrays, labels 0/1, positive weights). ``LinearSVC.fit`` spends about half of such a fit
validating and converting inputs. :func:`fit_squared_hinge_svc` makes the same liblinear call that
``LinearSVC(C=C, loss="squared_hinge", random_state=0)`` makes (same solver choice, tolerance,
intercept handling and seed), so the coefficients are identical (tested, and checked once per
process on a small problem); if scikit-learn's private liblinear wrapper is missing, has another
signature or gives other coefficients, it falls back to ``LinearSVC``.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


def _linear_svc(X, y, sample_weight, C):
    from sklearn.svm import LinearSVC

    clf = LinearSVC(C=C, loss="squared_hinge", random_state=0).fit(X, y, sample_weight=sample_weight)
    return clf.coef_.ravel().astype(np.float64), float(clf.intercept_[0])


def fit_squared_hinge_svc(X, y, sample_weight, C: float) -> tuple[np.ndarray, float]:
    """Coefficients and intercept of an L2-regularised squared-hinge SVM; ``y`` holds 0/1 with
    both classes present."""
    if not direct_call_agrees():
        return _linear_svc(X, y, sample_weight, C)
    return _direct(X, y, sample_weight, C)


def _direct(X, y, sample_weight, C: float) -> tuple[np.ndarray, float]:
    try:
        from sklearn.svm import _liblinear
        from sklearn.svm._base import _get_liblinear_solver_type
    except ImportError:  # another scikit-learn layout
        return _linear_svc(X, y, sample_weight, C)
    sparse = sp.issparse(X)
    if sparse:
        X = sp.csr_matrix(X, dtype=np.float64)
        if X.indices.dtype != np.int32 or X.indptr.dtype != np.int32:
            return _linear_svc(X, y, sample_weight, C)
    else:
        X = np.ascontiguousarray(X, dtype=np.float64)
    n, d = X.shape
    dual = n < d  # LinearSVC's dual="auto" for the squared hinge with an L2 penalty
    y_ind = np.require(np.asarray(y, dtype=np.float64).ravel(), requirements="W")
    weights = np.require(np.asarray(sample_weight, dtype=np.float64).ravel(), requirements="C")
    seed = np.random.RandomState(0).randint(np.iinfo("i").max)
    try:
        _liblinear.set_verbosity_wrap(0)
        solver = _get_liblinear_solver_type("ovr", "l2", "squared_hinge", dual)
        raw, n_iter = _liblinear.train_wrap(X, y_ind, sparse, solver, 1e-4, 1.0, C, np.ones(2), 1000, seed, 0.1,
                                            weights)
    except (TypeError, ValueError, AttributeError):  # another wrapper signature
        return _linear_svc(X, y, sample_weight, C)
    if np.max(n_iter) >= 1000:
        import warnings

        from sklearn.exceptions import ConvergenceWarning

        warnings.warn("liblinear failed to converge in 1000 iterations", ConvergenceWarning, stacklevel=2)
    return np.asarray(raw[0, :-1], dtype=np.float64), float(raw[0, -1])


_AGREES: bool | None = None


def direct_call_agrees() -> bool:
    """Whether the direct call reproduces ``LinearSVC`` on a small fixed problem (checked once per
    process, so that a scikit-learn whose private wrapper changed meaning falls back to it)."""
    global _AGREES
    if _AGREES is None:
        rng = np.random.RandomState(0)
        X = sp.random(30, 50, density=0.2, random_state=rng, format="csr")
        y = (np.arange(30) % 3 == 0).astype(int)
        w = np.linspace(0.5, 1.5, 30)
        try:
            ours = _direct(X, y, w, 0.5)
        except Exception:  # noqa: BLE001 - any failure of the private API means: do not use it
            ours = None
        ref = _linear_svc(X, y, w, 0.5)
        _AGREES = ours is not None and np.allclose(ours[0], ref[0], atol=1e-10) and abs(ours[1] - ref[1]) < 1e-10
    return _AGREES
