import re
import time

from socialrecovery_nlp.active import loop as L
from socialrecovery_nlp.active.annotate_ui import key_reader, run

from .conftest import fake_encode


def _label_some(session, sep_records, n):
    """Decide ``n`` records with their true Sep labels (rows are records 1..60)."""
    for _ in range(n):
        s = session.next()
        truth = sep_records[s.record_id - 1].label_included
        session.decide(s, "relevant" if truth else "irrelevant")


def test_session_random_until_both_classes_then_model(project, sep_records):
    session = L.ScreeningSession(project, "ann", seed=1)
    first = session.next()
    assert first.predicted is None and "no model yet" in first.reason
    rel = next(i for i, r in enumerate(sep_records[:60]) if r.label_included) + 1
    irr = next(i for i, r in enumerate(sep_records[:60]) if not r.label_included) + 1
    for rid, value in ((rel, "relevant"), (irr, "irrelevant")):
        session.decide(L.Suggestion(rid, sep_records[rid - 1], "test", None, None, []), value)
    session.wait()
    s = session.next()
    assert s.predicted in ("relevant", "irrelevant") and "highest predicted relevance" in s.reason
    assert s.record_id not in (rel, irr)


def test_undo_restores_previous_value(project, sep_records):
    session = L.ScreeningSession(project, "ann", seed=2)
    s = session.next()
    session.decide(s, "relevant")
    assert project.latest_labels()[s.record_id] == "relevant"
    assert session.undo() == s.record_id
    assert s.record_id not in project.latest_labels()
    assert len(project.history(s.record_id)) == 2  # history kept


def test_next_never_waits_for_training(project, sep_records, monkeypatch):
    session = L.ScreeningSession(project, "ann", seed=3)
    _label_some(session, sep_records, 6)
    session.wait()
    real_train = session._train

    def slow_train(idx, y):
        time.sleep(3)
        real_train(idx, y)

    monkeypatch.setattr(session, "_train", slow_train)
    s = session.next()
    t0 = time.perf_counter()
    session.decide(s, "irrelevant")  # starts a 3 s retraining in the background
    for _ in range(3):
        t1 = time.perf_counter()
        nxt = session.next()
        assert time.perf_counter() - t1 < 1.0
        session.decide(nxt, "irrelevant")
    assert time.perf_counter() - t0 < 2.5  # all of it while the training still runs
    session.wait()


def test_piped_keys_drive_the_ui(project, sep_records):
    import io

    from rich.console import Console

    session = L.ScreeningSession(project, "ann", seed=4)
    out = io.StringIO()
    counts = run(session, key_reader(io.StringIO("y n\nu x b q")), Console(file=out, width=100))
    text = out.getvalue()
    assert counts == {"relevant": 1, "irrelevant": 1, "uncertain": 1, "undone": 1, "edited": 0}
    assert text.count("saved ") == 3 and "unknown key 'x'" in text and "why this record" in text
    labels = project.latest_labels()
    assert sorted(labels.values()) == ["irrelevant", "relevant"]


def test_sample_mode_marks_labels_for_the_stopping_test(project, sep_records):
    from socialrecovery_nlp.active.status import project_history

    session = L.ScreeningSession(project, "ann", seed=5)
    _label_some(session, sep_records, 4)
    session.sample = True
    _label_some(session, sep_records, 3)
    h = project_history(project)
    assert h.random_sample == [False] * 4 + [True] * 3
    assert h.sample_block()[1] == 3


def test_prefilled_themes_and_design_accepted_with_one_key(project):
    import io

    from rich.console import Console

    def fake_extractor(record):  # illustrative predictions, not a model
        return {"processes": ["connectedness"], "themes": ["peer_organised_services"], "design": "rct",
                "spans": [(0, 5)]}

    session = L.ScreeningSession(project, "ann", seed=6)
    out = io.StringIO()
    run(session, key_reader(io.StringIO("tdyq")), Console(file=out, width=100), extractor=fake_extractor)
    rid = next(iter(project.latest_labels()))
    assert project.latest_labels("themes")[rid] == ["peer_organised_services"]
    assert project.latest_labels("processes")[rid] == ["connectedness"]
    assert project.latest_labels("design")[rid] == "rct"
    assert "predicted processes: connectedness" in out.getvalue()


def test_session_starts_from_the_stored_model(project, sep_records):
    from socialrecovery_nlp.active.train import train_screening

    for rid in project.record_ids()[:20]:
        project.add_label(rid, "relevance", "relevant" if sep_records[rid - 1].label_included else "irrelevant", "a")
    train_screening(project)
    session = L.ScreeningSession(project, "ann")
    assert session.model_version == "screening@1"
    s = session.next()
    assert s.predicted is not None and s.record_id not in project.latest_labels()
    tokens = set(re.findall(r"\b\w\w+\b", (s.record.title + " " + s.record.abstract).lower()))
    assert s.evidence and all(set(term.split()) <= tokens for term in s.evidence)  # terms of this record


def test_session_with_the_embedding_model_uses_the_injected_encoder(project, sep_records, tmp_path):
    from socialrecovery_nlp.active.models import CachedEmbedder

    calls = []

    def encode(texts):
        calls.append(len(texts))
        return fake_encode(texts, dim=8)

    embedder = CachedEmbedder(encode=encode, cache_dir=tmp_path / "emb")
    session = L.ScreeningSession(project, "ann", seed=3, model="srnlp.screen_svm_emb.v1", embedder=embedder)
    assert calls == [len(project.records())]  # every project text encoded once, up front
    _label_some(session, sep_records, 6)
    session.retrain(wait=True)
    s = session.next()
    assert s.predicted in ("relevant", "irrelevant")
    assert calls == [len(project.records())]  # retraining reuses the embeddings
    assert list((tmp_path / "emb").glob("store-*.npz"))  # cached on disk for the next session
