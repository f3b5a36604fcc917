"""design-6: character n-gram block, output temperature, self-training pool.

All sentences are illustrative (written for the tests), not data.
"""

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from socialrecovery_nlp.design.chargrams import CharGrams, text_ngrams, word_ngrams
from socialrecovery_nlp.design.combine import fit_output_temperature, sharpen
from socialrecovery_nlp.design.model import DesignClassifier

from .conftest import TINY


def test_word_ngrams_are_padded_and_share_stems():
    assert word_ngrams("rct", 3, 5) == [" rc", "rct", "ct ", " rct", "rct ", " rct "]
    assert set(text_ngrams("Randomised", 3, 5)) & set(text_ngrams("randomized", 3, 5)) >= {" ra", "ran", "random"[:5]}


def test_char_block_equals_reference_tfidf():
    texts = [t for t, _ in TINY]
    block = CharGrams(3, 5)
    x = block.fit_transform(texts, min_df=1)
    ref = TfidfVectorizer(analyzer=lambda t: text_ngrams(t, 3, 5), min_df=1, sublinear_tf=True, lowercase=False)
    r = ref.fit_transform(texts)
    assert set(ref.vocabulary_) == set(block.vocabulary)
    inverse = {col: g for g, col in block.vocabulary.items()}
    order = [ref.vocabulary_[inverse[i]] for i in range(len(inverse))]
    np.testing.assert_allclose(x.toarray(), r[:, order].toarray(), atol=1e-6)
    np.testing.assert_allclose(block.transform(texts).toarray(), x.toarray(), atol=1e-6)
    # unseen words and empty texts
    out = block.transform(["", "Randomization of carers"])
    assert out.shape == (2, len(block.vocabulary)) and out[0].nnz == 0 and out[1].nnz > 0


def test_char_block_min_df_and_max_features():
    texts = [t for t, _ in TINY]
    block = CharGrams(3, 5)
    block.fit_transform(texts, min_df=2, max_features=40)
    assert len(block.vocabulary) == 40
    assert sorted(block.vocabulary.values()) == list(range(40))


def test_char_block_round_trips_through_save_load(tmp_path):
    texts = [t for t, _ in TINY]
    labels = [lab for _, lab in TINY]
    plain = DesignClassifier(min_df=1, C=10.0).fit(texts, labels)
    clf = DesignClassifier(min_df=1, C=10.0, char_weight=0.5, char_min_df=1).fit(texts, labels)
    assert "char_weight" not in plain.params and plain.char_vocabulary is None
    n_words = len(clf.pipeline.named_steps["tfidf"].vocabulary_)
    assert clf.pipeline.named_steps["clf"].coef_.shape[1] == n_words + len(clf.char_vocabulary)
    clf.save(tmp_path)
    again = DesignClassifier.load(tmp_path)
    assert again.params["char_weight"] == 0.5 and again.char_vocabulary == clf.char_vocabulary
    np.testing.assert_allclose(again.decision(texts), clf.decision(texts), rtol=1e-6)
    assert [again.labels_[i] for i in again.predict_proba(texts).argmax(1)] == labels


def test_train_from_config_with_char_block(tmp_path, design_checkout):
    import json

    from socialrecovery_nlp.design.predict import DesignPredictor
    from socialrecovery_nlp.design.train import train_from_config

    config = design_checkout(tmp_path, features="min_df = 1\ncue_weight = 0.2\nchar_weight = 0.5\nchar_min_df = 1\n")
    model_dir = train_from_config(config, {"output.models_root": str(tmp_path / "models")})
    calib = json.loads((model_dir / "calibration.json").read_text(encoding="utf-8"))
    assert calib["params"]["char_weight"] == 0.5 and (model_dir / "char_vocabulary.json").is_file()
    predictor = DesignPredictor.load(model_dir)
    assert predictor.classifier.char_vocabulary
    out = predictor.predict_texts(["Participants were randomly assigned to peer support or usual care."])
    assert out[0]["label"] in predictor.labels


def test_output_temperature_keeps_argmax_and_fits_overconfidence():
    rng = np.random.default_rng(0)
    dist = rng.dirichlet(np.ones(4) * 0.3, size=200)
    np.testing.assert_allclose(sharpen(dist, 1.0), dist)
    soft = sharpen(dist, 2.0)
    assert (soft.argmax(1) == dist.argmax(1)).all()
    np.testing.assert_allclose(soft.sum(1), 1.0)
    # gold drawn from a flatter distribution than the one predicted -> temperature > 1
    flat = sharpen(dist, 2.0)
    gold = np.array([rng.choice(4, p=p) for p in flat])
    assert fit_output_temperature(dist, gold) > 1.2


def test_self_training_pool_picks_confident_predictions():
    from socialrecovery_nlp.design.data import Abstract
    from socialrecovery_nlp.design.rules import DesignRules, _blank_nlp
    from socialrecovery_nlp.design.train import SelfTrainPool

    texts = [t for t, _ in TINY]
    labels = [lab for _, lab in TINY]
    model = DesignClassifier(min_df=1, C=10.0).fit(texts, labels)
    pool = SelfTrainPool([Abstract("x", "1", "Carers", "Carers described what helped their recovery at home."),
                          Abstract("x", "2", "Title only", ""),
                          Abstract("x", "3", "Trial", "Patients were randomly assigned to two arms.")],
                         DesignRules(_blank_nlp().vocab))
    assert pool.uids == ["x:1"]  # title-only and rule-confident records are left out
    got_texts, got_labels, got_cues = pool.pseudo_labels(model, threshold=0.0, max_per_label=5)
    assert got_texts == [pool.texts[0]] and len(got_labels) == len(got_cues) == 1
    assert pool.pseudo_labels(model, threshold=1.01, max_per_label=5) == ([], [], [])


def test_per_design_confident_weights_in_combine_and_batch():
    from socialrecovery_nlp.design.combine import CombineParams, combine, combine_batch
    from socialrecovery_nlp.design.rules import RuleDecision

    labels = ["mixed_methods", "qualitative", "rct"]
    proba = np.array([[0.2, 0.7, 0.1], [0.1, 0.2, 0.7], [0.3, 0.4, 0.3]])
    decisions = [RuleDecision("mixed_methods", True, {"mixed_methods": 1.0}, []),
                 RuleDecision("rct", True, {"rct": 1.0}, []), RuleDecision("rct", False, {"rct": 0.3}, [])]
    params = CombineParams(confident_weight=0.1, weak_weight=0.0, confident_weights={"mixed_methods": 0.8})
    rows = [combine(d, p, labels, params) for d, p in zip(decisions, proba)]
    assert labels[int(rows[0].argmax())] == "mixed_methods"      # its own weight
    np.testing.assert_allclose(rows[1], 0.9 * proba[1] + np.array([0, 0, 0.1]))  # the shared one
    np.testing.assert_allclose(combine_batch(decisions, proba, labels, params, [False] * 3), np.vstack(rows))
    assert CombineParams(**params.to_dict()) == params              # combine.json round trip
    assert CombineParams().confident_weights == {}


def test_fit_confident_weights_trusts_precise_rules():
    from socialrecovery_nlp.design.combine import CombineParams
    from socialrecovery_nlp.design.rules import RuleDecision
    from socialrecovery_nlp.design.train import fit_confident_weights

    class P:
        labels = ("mixed_methods", "qualitative")
        params = CombineParams(confident_weight=0.1, weak_weight=0.0)

    decisions = [RuleDecision("mixed_methods", True, {"mixed_methods": 1.0}, [])] * 6
    proba = np.array([[0.2, 0.8]] * 6)
    weights = fit_confident_weights(P(), decisions, proba, ["mixed_methods"] * 6)
    assert weights["mixed_methods"] >= 0.9
    assert fit_confident_weights(P(), decisions[:4], proba[:4], ["mixed_methods"] * 4) == {}  # too few


def test_train_from_config_with_per_design_confident(tmp_path, design_checkout):
    """calibration.per_design_confident writes confident_weights to combine.json (empty here: the
    tiny split has under 5 confident decisions per label) and the model card names them."""
    import json

    from socialrecovery_nlp.design.predict import DesignPredictor
    from socialrecovery_nlp.design.train import train_from_config

    config = design_checkout(tmp_path, features="min_df = 1\ncue_weight = 0.2\n")
    model_dir = train_from_config(config, {"calibration.per_design_confident": True,
                                           "output.models_root": str(tmp_path / "models")})
    combine = json.loads((model_dir / "combine.json").read_text(encoding="utf-8"))
    assert combine["confident_weights"] == {} and combine["output_temperature"] == 1.0
    assert "confident_weights" in "".join(p.read_text(encoding="utf-8") for p in model_dir.glob("*.md"))
    predictor = DesignPredictor.load(model_dir)
    out = predictor.predict_texts(["Participants were randomly assigned to peer support or usual care."])
    assert out[0]["label"] in predictor.labels
