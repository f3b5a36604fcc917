import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from socialrecovery_nlp.tfidf import sublinear_l2


def test_matches_sklearn_sublinear_tfidf_with_l2_norm():
    counts = sparse.csr_matrix(np.array([[3, 0, 1, 0], [0, 0, 0, 0], [1, 2, 0, 5]], dtype=np.float64))
    reference = TfidfTransformer(sublinear_tf=True).fit(counts)
    ours = sublinear_l2(counts.copy(), reference.idf_)
    assert np.allclose(ours.toarray(), reference.transform(counts).toarray())
    assert ours[1].nnz == 0  # an empty row stays empty
