"""A linear SVM fitted by liblinear without scikit-learn's per-call input checks.

The screening loop fits small models hundreds of times on data it built itself (CSR TF-IDF or
float arrays, labels 0/1, positive weights). ``LinearSVC.fit`` spends about half of such a fit
validating and converting inputs. :func:`fit_squared_hinge_svc` makes the same liblinear call that
``LinearSVC(C=C, loss="squared_hinge", random_state=0)`` makes (same solver choice, tolerance,
intercept handling and seed), so the coefficients are identical (tested); if scikit-learn's
private liblinear wrapper is missing or has another signature, it falls back to ``LinearSVC``.
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
        raw, _ = _liblinear.train_wrap(X, y_ind, sparse, solver, 1e-4, 1.0, C, np.ones(2), 1000, seed, 0.1, weights)
    except (TypeError, ValueError, AttributeError):  # another wrapper signature
        return _linear_svc(X, y, sample_weight, C)
    return np.asarray(raw[0, :-1], dtype=np.float64), float(raw[0, -1])
