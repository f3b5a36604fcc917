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


def test_naive_bayes_block_adds_centred_scores_and_round_trips(tmp_path):
    """design-5: nb_weight > 0 adds w * (ComplementNB log-likelihood, centred per row) to the LR
    scores; only the NB matrix is saved (.npy, no pickle) and reloads to the same predictions."""
    from scipy import sparse
    from sklearn.naive_bayes import ComplementNB

    texts = [t for t, _ in TINY]
    labels = [lab for _, lab in TINY]
    plain = DesignClassifier(min_df=1, C=10.0).fit(texts, labels)
    clf = DesignClassifier(min_df=1, C=10.0, nb_weight=0.5, nb_alpha=0.3).fit(texts, labels)
    assert "nb_weight" not in plain.params and plain.nb_log_prob is None
    assert clf.nb_log_prob.shape == (len(clf.labels_), len(clf.pipeline.named_steps["tfidf"].vocabulary_))
    x = sparse.csr_matrix(clf.tfidf_transform(texts))
    nb = ComplementNB(alpha=0.3).fit(x, labels)
    jll = np.asarray(x @ nb.feature_log_prob_.T)
    expected = plain.decision(texts) + 0.5 * (jll - jll.mean(axis=1, keepdims=True))
    np.testing.assert_allclose(clf.decision(texts), expected, rtol=1e-4, atol=1e-4)
    clf.save(tmp_path)
    again = DesignClassifier.load(tmp_path)
    assert again.params["nb_weight"] == 0.5
    np.testing.assert_allclose(again.decision(texts), clf.decision(texts), rtol=1e-6)
    assert [again.labels_[i] for i in again.predict_proba(texts).argmax(1)] == labels


def test_train_from_config_with_naive_bayes_block(tmp_path, design_checkout):
    """classifier.nb_weight reaches the saved model; the predictor reloads and predicts."""
    import json

    from socialrecovery_nlp.design.train import train_from_config

    config = design_checkout(tmp_path, features="min_df = 1\ncue_weight = 0.2\n")
    model_dir = train_from_config(config, {"classifier.nb_weight": 0.3,
                                           "output.models_root": str(tmp_path / "models")})
    calib = json.loads((model_dir / "calibration.json").read_text(encoding="utf-8"))
    assert calib["params"]["nb_weight"] == 0.3 and (model_dir / "nb_feature_log_prob.npy").is_file()
    assert "Complement Naive Bayes" in "".join(p.read_text(encoding="utf-8") for p in model_dir.glob("*.md"))
    predictor = DesignPredictor.load(model_dir)
    assert predictor.classifier.nb_log_prob is not None
    out = predictor.predict_texts(["Participants were randomly assigned to peer support or usual care."])
    assert out[0]["label"] in predictor.labels
