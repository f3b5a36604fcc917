"""Sublinear TF-IDF weighting with row L2 normalisation on a CSR count matrix (in place)."""

from __future__ import annotations

import numpy as np
from scipy import sparse


def sublinear_l2(m: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """``(1 + log tf) * idf`` per stored entry, then each row scaled to unit L2 norm (empty rows stay
    empty); ``m`` must hold positive counts without duplicates. Returns ``m``, changed in place."""
    m.data = (np.log(m.data) + 1.0) * idf[m.indices]
    rows = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
    norms = np.sqrt(np.bincount(rows, weights=m.data ** 2, minlength=m.shape[0]))
    norms[norms == 0] = 1.0
    m.data /= np.repeat(norms, np.diff(m.indptr))
    return m
