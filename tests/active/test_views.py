"""Feature blocks kept apart by view."""

import numpy as np
import pytest
import scipy.sparse as sp

from socialrecovery_nlp.active.views import MultiView


def test_rows_of_every_view_and_shape():
    words = sp.csr_matrix(np.arange(12.0).reshape(4, 3))
    emb = np.arange(8.0).reshape(4, 2)
    X = MultiView([words, emb])
    assert X.shape == (4, 5) and len(X) == 4
    sub = X[np.array([3, 1])]
    assert sub.shape == (2, 5)
    assert np.array_equal(sub.view(0).toarray(), words.toarray()[[3, 1]])
    assert np.array_equal(sub.view(1), emb[[3, 1]])
    one = X[2]
    assert one.shape == (1, 5) and np.array_equal(one.view(1), emb[[2]])


def test_views_must_have_the_same_rows():
    with pytest.raises(ValueError, match="different numbers of rows"):
        MultiView([np.zeros((3, 2)), np.zeros((4, 2))])


def test_column_selection_is_refused():
    X = MultiView([sp.csr_matrix(np.ones((3, 2))), np.ones((3, 2))])
    with pytest.raises(TypeError, match="rows only"):
        X[:, :1]
