"""Overfit tiny illustrative data, save, reload, same predictions; calibration; combination."""

import numpy as np

from socialrecovery_nlp.design.combine import CombineParams, combine
from socialrecovery_nlp.design.model import DesignClassifier, softmax
from socialrecovery_nlp.design.predict import DesignPredictor
from socialrecovery_nlp.design.rules import RuleDecision, rule_cues_for_text
from socialrecovery_nlp.design.weak import MASK_TOKEN, mask_cues

from .conftest import TINY


def test_overfit_save_reload_same_predictions(tiny_model_dir):
    texts = [t for t, _ in TINY]
    fresh = DesignClassifier.load(tiny_model_dir)
    assert [fresh.labels_[i] for i in fresh.predict_proba(texts).argmax(1)] == [lab for _, lab in TINY]
    again = DesignClassifier.load(tiny_model_dir)
    np.testing.assert_allclose(fresh.predict_proba(texts), again.predict_proba(texts))
    p1 = DesignPredictor.load(tiny_model_dir).predict_texts(texts)
    p2 = DesignPredictor.load(tiny_model_dir).predict_texts(texts)
    assert p1 == p2


def test_temperature_is_fitted_and_probabilities_sum_to_one(tiny_model_dir):
    clf = DesignClassifier.load(tiny_model_dir)
    texts = [t for t, _ in TINY]
    scores = clf.decision(texts)
    t = clf.fit_temperature(scores, [lab for _, lab in TINY])
    assert 0.05 <= t <= 20
    np.testing.assert_allclose(clf.predict_proba(texts).sum(1), 1.0)
    assert softmax(np.array([[0.0, 0.0]])).tolist() == [[0.5, 0.5]]


def test_confident_rules_override_model():
    labels = ["qualitative", "rct"]
    decision = RuleDecision("rct", True, {"rct": 1.0}, [])
    dist = combine(decision, np.array([0.9, 0.1]), labels, CombineParams(confident_weight=0.6))
    assert labels[int(dist.argmax())] == "rct" and abs(dist.sum() - 1) < 1e-9


def test_short_text_leans_unclear_and_missing_cue_factor():
    labels = ["rct", "unclear"]
    none = RuleDecision(None, False, {}, [])
    dist = combine(none, np.array([0.7, 0.3]), labels, CombineParams(short_text_weight=0.6), short_text=True)
    assert labels[int(dist.argmax())] == "unclear"
    dist = combine(none, np.array([0.6, 0.4]), labels, CombineParams(short_text_weight=0.0, missing_cue_factor=0.2))
    assert labels[int(dist.argmax())] == "unclear"


def test_mask_cues_removes_cue_words():
    text = "Participants were randomly assigned to CBT or a waitlist control."
    masked = mask_cues(text, rule_cues_for_text(text))
    assert "randomly" not in masked and MASK_TOKEN in masked


def test_combine_batch_matches_combine():
    from socialrecovery_nlp.design.combine import combine_batch

    labels = ["meta_analysis", "qualitative", "rct", "unclear"]
    rng = np.random.default_rng(0)
    proba = rng.dirichlet(np.ones(4), size=5)
    decisions = [RuleDecision("rct", True, {"rct": 1.0}, []), RuleDecision("qualitative", False, {"qualitative": 0.3}, []),
                 RuleDecision(None, False, {}, []), RuleDecision("rct", False, {"rct": 0.3, "meta_analysis": 1.0}, []),
                 RuleDecision(None, False, {}, [])]
    shorts = [False, True, True, False, False]
    params = CombineParams(confident_weight=0.6, weak_weight=0.2, short_text_weight=0.5, missing_cue_factor=0.3)
    batch = combine_batch(decisions, proba, labels, params, shorts)
    for d, p, s, row in zip(decisions, proba, shorts, batch):
        np.testing.assert_allclose(row, combine(d, p, labels, params, short_text=s), rtol=1e-12)
