"""The embedding screening model with a tiny fake encoder (MiniLM is never loaded here)."""

import io
import zipfile

import numpy as np
import pytest

from socialrecovery_nlp.active.models import (
    MODELS,
    CachedEmbedder,
    LinearScreener,
    embedding_key,
    make_model,
    screening_text,
)
from socialrecovery_nlp.errors import SrnlpError

from .conftest import fake_encode

NAME = "srnlp.screen_svm_emb.v1"


class Counting:
    def __init__(self):
        self.calls = 0

    def __call__(self, texts):
        self.calls += 1
        return fake_encode(texts)


def test_registered_under_a_new_name_and_old_names_unchanged():
    assert NAME in MODELS
    for old in ("srnlp.screen.v1", "srnlp.screen_svm.v1", "srnlp.screen_svm_lr.v1"):
        assert all(m["view"] == "word" for m in make_model(old).members)
        assert all("weight" not in m for m in make_model(old).members)
    members = make_model(NAME).members
    assert [(m["view"], m["learner"], m["weight"]) for m in members] == [("word", "svm", 2.0), ("emb", "svm", 1.0)]


def test_fit_score_and_pickle_free_round_trip(sep_records):
    recs = sep_records[:80]
    texts = [screening_text(r) for r in recs]
    y = np.array([r.label_included for r in recs])
    model = make_model(NAME, embedder=fake_encode)
    X = model.featurize(texts)
    assert X.shape[0] == len(texts) and model._slices[-1].stop - model._slices[-1].start == 16
    model.fit(X, y)
    scores = model.score(X)
    assert (scores[y == 1][:, None] > scores[y == 0][None, :]).mean() > 0.95
    data = model.to_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert all(n.endswith((".json", ".npy")) for n in z.namelist())
        for n in z.namelist():
            if n.endswith(".npy"):
                np.load(io.BytesIO(z.read(n)), allow_pickle=False)
    again = LinearScreener.from_bytes(data, embedder=fake_encode)
    assert np.allclose(again.score(again.transform(texts)), scores)
    assert model.top_terms(X[int(np.flatnonzero(y)[0])])


def test_score_is_the_weighted_average_of_the_members(sep_records):
    recs = sep_records[:60]
    texts = [screening_text(r) for r in recs]
    y = np.array([r.label_included for r in recs])
    model = make_model(NAME, embedder=fake_encode)
    X = model.featurize(texts)
    model.fit(X, y)
    parts = []
    for m, (coef, b) in zip(model.members, model.classifiers):
        d = np.asarray(model._view(X, m) @ coef).ravel() + b
        parts.append(d / (d.std() + 1e-9))
    assert np.allclose(model.score(X), (2 * parts[0] + parts[1]) / 3)
    # exclude: the spread is taken over the other rows only (the unlabelled pool)
    train = np.arange(20)
    pool = [d / (d[20:].std() + 1e-9) * (d.std() + 1e-9) for d in parts]
    assert np.allclose(model.score(X, exclude=train), (2 * pool[0] + pool[1]) / 3)
    mask = np.zeros(len(texts), dtype=bool)
    mask[train] = True
    assert np.allclose(model.score(X, exclude=mask), model.score(X, exclude=train))
    # the unweighted models ignore exclude (their behaviour never changes)
    base = make_model("srnlp.screen.v1")
    Xb = base.featurize(texts)
    base.fit(Xb, y)
    assert np.array_equal(base.score(Xb, exclude=train), base.score(Xb))


def test_cached_embedder_memory_and_disk(tmp_path):
    texts = ["alpha beta", "gamma delta", "beta gamma"]
    enc = Counting()
    emb = CachedEmbedder(enc, cache_dir=tmp_path)
    a = emb(texts)
    b = emb(texts)
    assert enc.calls == 1 and a.dtype == np.float32 and np.array_equal(a, b)
    assert len(list(tmp_path.glob("store-*.npz"))) == 1
    other = Counting()
    c = CachedEmbedder(other, cache_dir=tmp_path)(texts)  # a new process: read from disk
    assert other.calls == 0 and np.allclose(a, c)
    d = CachedEmbedder(other, cache_dir=tmp_path)(texts[::-1])  # same texts, other order
    assert other.calls == 0 and np.allclose(d, a[::-1])
    assert embedding_key(texts) != embedding_key(texts[::-1])


def test_cached_embedder_encodes_only_new_texts(tmp_path):
    """A project that gains a batch encodes the new records only; the store keeps growing."""
    first = ["alpha beta", "gamma delta", "beta gamma"]
    enc = CachedEmbedder(fake_encode, cache_dir=tmp_path)
    a = enc(first)
    later = CachedEmbedder(fake_encode, cache_dir=tmp_path)
    b = later(first + ["delta epsilon", "alpha beta"])
    assert later.encoded == 1  # "delta epsilon"; the repeated "alpha beta" comes from the store
    assert np.allclose(b[:3], a) and np.allclose(b[4], a[0])
    assert np.allclose(b[3], fake_encode(["delta epsilon"])[0])
    assert len(list(tmp_path.glob("store-*.npz"))) == 1


def test_whole_corpus_file_is_read_and_a_broken_store_rebuilt(tmp_path):
    texts = ["alpha beta", "gamma delta"]
    whole = fake_encode(texts).astype(np.float32)
    np.save(tmp_path / f"{embedding_key(texts)}.npy", whole, allow_pickle=False)
    enc = CachedEmbedder(Counting(), cache_dir=tmp_path)
    assert np.array_equal(enc(texts), whole) and enc.encoded == 0
    (tmp_path / "other").mkdir()
    enc = CachedEmbedder(fake_encode, cache_dir=tmp_path / "other")
    enc(texts)
    store = next((tmp_path / "other").glob("store-*.npz"))
    store.write_bytes(b"not a zip")  # a damaged cache costs an encoding, never an error
    again = CachedEmbedder(fake_encode, cache_dir=tmp_path / "other")
    assert np.allclose(again(texts), whole) and again.encoded == 2


def test_cached_embedder_rejects_a_wrong_shape(tmp_path):
    with pytest.raises(SrnlpError) as err:
        CachedEmbedder(lambda texts: np.zeros((1, 4)))(["a", "b"])
    assert err.value.code == "E541"


def test_missing_encoder_is_a_clear_error(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "socialrecovery_nlp.themes.encoder", None)  # import fails
    with pytest.raises(SrnlpError) as err:
        CachedEmbedder()(["a text"])
    assert err.value.code == "E540"


def test_v2_solves_the_same_model_as_v1_and_warm_starts(sep_records):
    from socialrecovery_nlp.active.simulate import simulate

    recs = sep_records[:120]
    pos, neg = [i for i, r in enumerate(recs) if r.label_included], [i for i, r in enumerate(recs) if not r.label_included]
    assert [m.get("solver") for m in make_model("srnlp.screen_svm_emb.v2").members] == [None, "newton"]
    v1 = simulate(recs, [pos[0], neg[0]], model=NAME, embedder=fake_encode)
    v2 = simulate(recs, [pos[0], neg[0]], model="srnlp.screen_svm_emb.v2", embedder=fake_encode)
    assert v1.order[:40] == v2.order[:40]
    assert abs(v1.to_dict()["metrics"]["loss"] - v2.to_dict()["metrics"]["loss"]) < 0.01
    # warm start: a model fitted again on one more label starts from the previous coefficients
    texts = [screening_text(r) for r in recs]
    y = np.array([r.label_included for r in recs])
    first = make_model("srnlp.screen_svm_emb.v2", embedder=fake_encode)
    X = first.featurize(texts)
    first.fit(X[:60], y[:60])
    second = make_model("srnlp.screen_svm_emb.v2", embedder=fake_encode)
    second.vectorizers, second._slices = first.vectorizers, first._slices
    second.warm_start_from(first)
    second.fit(X[:61], y[:61])
    cold = make_model("srnlp.screen_svm_emb.v2", embedder=fake_encode)
    cold.vectorizers, cold._slices = first.vectorizers, first._slices
    cold.fit(X[:61], y[:61])
    assert np.allclose(second.score(X), cold.score(X), atol=1e-4)
