"""srnlp.screen_svm_emb.v3: the TF-IDF member scored by the whole record or its best sentence."""

import numpy as np

from socialrecovery_nlp.active.models import (
    LinearScreener,
    _auc_components,
    auc_difference,
    make_model,
    screening_text,
)

from .conftest import fake_encode

NAME = "srnlp.screen_svm_emb.v3"


def _fitted(records, n=90):
    recs = records[:n]
    texts = [screening_text(r) for r in recs]
    y = np.array([int(r.label_included) for r in recs])
    model = make_model(NAME, embedder=fake_encode)
    X = model.featurize(texts)
    return model, X, y, texts


def test_views_and_default_choice():
    model = make_model(NAME, embedder=fake_encode)
    assert model.views == ["word", "emb", "sentences"]
    assert model.choice == {0: "record"} and model.chosen_at is None


def test_best_sentence_scoring_is_the_max_over_sentences(sep_records):
    model, X, y, _ = _fitted(sep_records)
    model.fit(X, y)
    coef, b = model.classifiers[0]
    parts = model._member_values(X, model.classifiers, {0: "best_sentence"})
    rows = X.view(2)
    one = np.asarray(rows.matrix[rows.starts[3]:rows.starts[4]] @ coef).ravel() + b
    assert np.isclose(parts[0][3], one.max())
    record = model._member_values(X, model.classifiers, {0: "record"})
    assert np.allclose(record[1], parts[1])  # the embedding member does not change


def test_reselection_follows_the_out_of_fold_auc(sep_records, monkeypatch):
    model, X, y, _ = _fitted(sep_records)
    calls = []

    def spy(a, b, labels):
        calls.append(len(labels))
        return auc_difference(a, b, labels)

    monkeypatch.setattr("socialrecovery_nlp.active.models.auc_difference", spy)
    model.fit(X[:40], y[:40])
    assert y[:40].sum() >= 3 and calls == [40] and model.chosen_at == 40
    model.fit(X[:45], y[:45])  # fewer than 10 new labels: the choice stands
    assert calls == [40] and model.chosen_at == 40
    model.fit(X[:50], y[:50])
    assert model.chosen_at == 50 and calls == [40, 50]


def test_choice_made_by_cross_validation(sep_records):
    model, X, y, _ = _fitted(sep_records)
    # a margin no AUC can clear keeps whole records; a negative one always takes best sentences
    model.members[0]["margin"] = 1.1
    model.fit(X, y)
    assert model.choice == {0: "record"}
    again = make_model(NAME, embedder=fake_encode)
    again.members[0]["margin"] = -1.1
    again.featurize([screening_text(r) for r in sep_records[:90]])
    again.fit(X, y)
    assert again.choice == {0: "best_sentence"}
    assert not np.allclose(again.score(X), model.score(X))


def test_too_few_labels_of_a_class_keep_whole_records(sep_records):
    model, X, y, _ = _fitted(sep_records)
    pos = np.flatnonzero(y == 1)[:2]
    neg = np.flatnonzero(y == 0)[:30]
    idx = np.concatenate([pos, neg])
    model.fit(X[idx], y[idx])
    assert model.choice == {0: "record"} and model.chosen_at is None


def test_round_trip_keeps_the_choice_and_warm_start_carries_it(sep_records):
    model, X, y, texts = _fitted(sep_records)
    model.members[0]["margin"] = -1.1
    model.fit(X, y)
    again = LinearScreener.from_bytes(model.to_bytes(), embedder=fake_encode)
    assert again.choice == {0: "best_sentence"} and again.chosen_at == model.chosen_at
    assert np.allclose(again.score(again.transform(texts)), model.score(X))
    nxt = make_model(NAME, embedder=fake_encode)
    nxt.members[0]["margin"] = -1.1  # the same settings: a model of another kind is not a warm start
    nxt.warm_start_from(model)
    assert nxt.choice == model.choice and nxt.chosen_at == model.chosen_at


def test_auc_and_paired_difference():
    from sklearn.metrics import roc_auc_score

    rng = np.random.default_rng(0)
    y = np.array([1] * 12 + [0] * 30)
    a = rng.normal(size=42) + y
    b = np.round(rng.normal(size=42) + 0.3 * y, 1)  # with ties
    for s in (a, b):
        v10, v01 = _auc_components(s, y)
        assert np.isclose(v10.mean(), roc_auc_score(y, s)) and np.isclose(v01.mean(), roc_auc_score(y, s))
    gain, se = auc_difference(a, b, y)
    assert np.isclose(gain, roc_auc_score(y, a) - roc_auc_score(y, b)) and 0 < se < 0.3
    assert auc_difference(a, a, y) == (0.0, 0.0)
    # a scorer clearly better on many records is ahead by many standard errors
    y2 = np.array([1] * 200 + [0] * 200)
    good, poor = y2 + rng.normal(size=400), 0.2 * y2 + rng.normal(size=400)
    gain, se = auc_difference(good, poor, y2)
    assert gain > 5 * se


def test_top_terms_come_from_the_best_sentence_when_it_scores(sep_records):
    model, X, y, _ = _fitted(sep_records)
    model.members[0]["margin"] = -1.1
    model.fit(X, y)
    assert model.choice == {0: "best_sentence"}
    i = int(np.flatnonzero(y)[0])
    terms = model.top_terms(X[i])
    assert terms
    coef = model.classifiers[0][0]
    rows = X.view(2)
    sentences = rows.matrix[rows.starts[i]:rows.starts[i + 1]]
    best = sentences[int(np.argmax(np.asarray(sentences @ coef).ravel()))]
    vocab = model.vectorizers[0].vocabulary_
    assert all(best[0, vocab[t]] > 0 for t in terms)
