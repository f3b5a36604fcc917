import numpy as np
from scipy import sparse

from socialrecovery_nlp.themes.features import FastTfidf, make_vectorizers
from socialrecovery_nlp.themes.tfidf import TfidfLinearEstimator


def test_fast_features_equal_sklearn(tiny_data):
    texts, _ = tiny_data
    word, char = make_vectorizers((1, 2), (2, 5), 2000, 2000)
    expected = sparse.hstack([word.fit_transform(texts), char.fit_transform(texts)], format="csr")
    got = FastTfidf.from_fitted(word, char).transform(texts)
    assert abs(expected - got).max() < 1e-12


def test_overfit_save_reload_same_predictions(tiny_data, tmp_path):
    texts, Y = tiny_data
    est = TfidfLinearEstimator(max_word_features=3000, max_char_features=3000).fit(texts, Y)
    P = est.predict_proba(texts)
    # overfits: labels with enough positives are recovered on the training sentences
    for j in np.flatnonzero(Y.sum(0) >= 6):
        assert ((P[:, j] >= 0.5) == Y[:, j]).mean() >= 0.9
    files = est.save(tmp_path)
    assert all(not f.endswith((".pkl", ".joblib")) for f in files)
    again = TfidfLinearEstimator.load(tmp_path).predict_proba(texts)
    np.testing.assert_allclose(again, P, rtol=1e-6, atol=1e-7)


def test_label_without_positives_scores_zero(tiny_data):
    texts, Y = tiny_data
    Y = Y.copy()
    Y[:, 0] = 0
    P = TfidfLinearEstimator(max_word_features=500, max_char_features=500).fit(texts, Y).predict_proba(texts[:5])
    assert np.all(P[:, 0] < 1e-6)
