"""A project's screening model: chosen at creation, used by the session and by project train.

The embedding model reads its sentence embeddings from the cache next to the project, which the
test fills with deterministic fake vectors, so MiniLM is never loaded here."""

import numpy as np
import pytest

from socialrecovery_nlp.active.loop import ScreeningSession
from socialrecovery_nlp.active.models import embedding_key, screening_text
from socialrecovery_nlp.active.project import new_project, screening_model_of
from socialrecovery_nlp.active.train import train_screening
from socialrecovery_nlp.corpus.record import Record
from socialrecovery_nlp.errors import SrnlpError

EMB = "srnlp.screen_svm_emb.v1"


def _fake_cache(store):
    """Write the project's embedding matrix where the project's cache looks for it."""
    texts = [screening_text(Record.from_dict(d)) for _, d in store.records()]
    rng = np.random.default_rng(0)
    emb = rng.normal(size=(len(texts), 8)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    folder = store.path.parent / f"{store.path.name}.emb"
    folder.mkdir(exist_ok=True)
    np.save(folder / f"{embedding_key(texts)}.npy", emb, allow_pickle=False)


def test_default_and_chosen_screening_model(tmp_path, batches, sep_records):
    plain, _ = new_project(tmp_path / "plain.sqlite", [batches[0]])
    assert screening_model_of(plain) == "srnlp.screen.v1"
    plain.close()
    store, _ = new_project(tmp_path / "emb.sqlite", [batches[0]], screening_model=EMB)
    assert screening_model_of(store) == EMB
    _fake_cache(store)
    for rid in store.record_ids()[:30]:
        store.add_label(rid, "relevance", "relevant" if sep_records[rid - 1].label_included else "irrelevant", "a")
    meta = train_screening(store)
    assert meta["name"] == EMB
    session = ScreeningSession(store, "ann")
    assert session.model_name == EMB and session.model_version.startswith("screening@")
    assert session.next().predicted in ("relevant", "irrelevant")
    store.close()


def test_unknown_screening_model_is_refused_before_a_file_exists(tmp_path, batches):
    with pytest.raises(SrnlpError) as err:
        new_project(tmp_path / "x.sqlite", [batches[0]], screening_model="srnlp.nope")
    assert err.value.code == "E531"
    assert not (tmp_path / "x.sqlite").exists()
