"""A linear SVM (squared hinge, L2) solved in the primal by Newton-CG, warm-startable.

It solves the problem of scikit-learn's ``LinearSVC(loss="squared_hinge", C=C)`` with
``intercept_scaling=1`` (liblinear's: the intercept is a feature of value 1 and is regularised
too)::

    min_{w,b}  ½ (|w|² + b²) + C Σ_i s_i · max(0, 1 − t_i (x_i·w + b))²

with ``t_i = ±1`` and sample weights ``s_i``. The objective is strictly convex, so its minimiser
is unique: a solver that stops at a small gradient reaches the same model as liblinear's dual
coordinate descent, whatever the starting point. The loop refits after every label, one record
more than the last fit, so starting from the previous coefficients (``start``) usually needs one
or two Newton steps, each a few conjugate-gradient steps of Hessian-vector products on the
records inside the margin. For dense embeddings this is several times faster than liblinear.
When the steps run out first (a large C on nearly separable data can need hundreds),
:class:`NotConverged` is raised and the screening model solves that fit with liblinear instead.
"""

from __future__ import annotations

import numpy as np


def _matvec(X, v: np.ndarray) -> np.ndarray:
    return np.asarray(X @ v).ravel()


def _rmatvec(X, v: np.ndarray) -> np.ndarray:
    return np.asarray(X.T @ v).ravel()


class NotConverged(RuntimeError):
    """The Newton iterations hit their limit before the gradient was small (large C on nearly
    separable data needs many generalised Newton steps); callers fall back to liblinear."""


def fit_squared_hinge(X, y, sample_weight=None, C: float = 1.0,
                      start: tuple[np.ndarray, float] | None = None, tol: float = 1e-7,
                      max_newton: int = 100, max_cg: int = 200) -> tuple[np.ndarray, float, int]:
    """Coefficients, intercept and Newton steps taken for rows ``X`` (dense or sparse), labels
    ``y`` (0/1) and non-negative weights. Stops when the gradient norm is below ``tol`` times its
    norm at zero; raises :class:`NotConverged` after ``max_newton`` steps without getting there.
    ``start`` is a ``(coef, intercept)`` pair of the right width, e.g. the previous fit (ignored
    when its width differs or it holds a non-finite value)."""
    n, d = X.shape
    t = np.where(np.asarray(y) > 0, 1.0, -1.0)
    cs = C * (np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64))
    if not np.all(np.isfinite(cs)) or np.any(cs < 0):
        raise ValueError("sample weights and C must be finite and non-negative")
    if (start is not None and len(start[0]) == d and np.all(np.isfinite(start[0]))
            and np.isfinite(start[1])):
        w, b = np.array(start[0], dtype=np.float64), float(start[1])
    else:
        w, b = np.zeros(d), 0.0

    def grad(w, b, xi):
        r = 2.0 * cs * t * xi  # gradient of the loss part, per row (negated)
        return w - _rmatvec(X, r), b - float(r.sum())

    def objective(w, b):
        xi = np.maximum(0.0, 1.0 - t * (_matvec(X, w) + b))
        return 0.5 * (w @ w + b * b) + float(cs @ (xi * xi)), xi

    f, xi = objective(w, b)
    g0_norm = np.sqrt(np.sum(_rmatvec(X, 2.0 * cs * t) ** 2) + (2.0 * cs * t).sum() ** 2)  # at zero
    stop = tol * max(g0_norm, 1e-12)
    for steps in range(max_newton + 1):
        gw, gb = grad(w, b, xi)
        g_norm = np.sqrt(gw @ gw + gb * gb)
        if g_norm <= stop:
            return w, b, steps
        if steps == max_newton:
            break
        active = xi > 0
        XA, cA = X[active], 2.0 * cs[active]

        def hess(vw, vb, XA=XA, cA=cA):
            u = cA * (_matvec(XA, vw) + vb)
            return vw + _rmatvec(XA, u), vb + float(u.sum())

        pw, pb = _conjugate_gradient(hess, -gw, -gb, max_cg, 0.1 * min(1.0, g_norm))
        slope = gw @ pw + gb * pb
        step = 1.0
        while step >= 1e-10:  # backtracking (Armijo); the generalised Newton step is usually taken whole
            f_new, xi_new = objective(w + step * pw, b + step * pb)
            if f_new <= f + 1e-4 * step * slope:
                break
            step *= 0.5
        else:  # no decrease along the direction (rounding near the optimum): keep the point
            break
        w, b, f, xi = w + step * pw, b + step * pb, f_new, xi_new
    raise NotConverged(f"gradient norm {g_norm:.3g} above {stop:.3g} after {steps} Newton steps")


def _conjugate_gradient(hess, rw: np.ndarray, rb: float, max_iter: int, rel: float):
    """Approximately solve H p = r (H symmetric positive definite), relative residual ``rel``."""
    pw, pb = np.zeros_like(rw), 0.0
    dw, db = rw.copy(), rb
    rr = rw @ rw + rb * rb
    stop = (rel ** 2) * rr
    for _ in range(max_iter):
        if rr <= stop:
            break
        hw, hb = hess(dw, db)
        alpha = rr / (dw @ hw + db * hb)
        pw, pb = pw + alpha * dw, pb + alpha * db
        rw, rb = rw - alpha * hw, rb - alpha * hb
        rr_new = rw @ rw + rb * rb
        dw, db = rw + (rr_new / rr) * dw, rb + (rr_new / rr) * db
        rr = rr_new
    return pw, pb
