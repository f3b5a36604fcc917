"""A session with the embedding model starts each refit from the previous model's coefficients."""

from socialrecovery_nlp.active import loop as L
from socialrecovery_nlp.active import models as M
from socialrecovery_nlp.active import primal_svm

from .conftest import fake_encode
from .test_loop import _label_some


def test_v2_session_refits_start_from_the_previous_model(project, sep_records, tmp_path, monkeypatch):
    starts = []
    real = primal_svm.fit_squared_hinge

    def spy(*args, **kwargs):
        starts.append(kwargs.get("start") is not None)
        return real(*args, **kwargs)

    monkeypatch.setattr(M, "fit_squared_hinge", spy)
    embedder = M.CachedEmbedder(encode=lambda texts: fake_encode(texts, dim=8), cache_dir=tmp_path / "emb")
    session = L.ScreeningSession(project, "ann", seed=3, model="srnlp.screen_svm_emb.v2", embedder=embedder)
    _label_some(session, sep_records, 6)
    session.retrain(wait=True)
    first_fits = len(starts)
    for _ in range(3):
        suggestion = session.next()
        session.decide(suggestion, "irrelevant")
        session.retrain(wait=True)
    assert first_fits >= 1 and not starts[0]  # the first fit has nothing to start from
    assert len(starts) > first_fits and all(starts[first_fits:])  # later fits start from the previous model
    assert session.next().predicted in ("relevant", "irrelevant")
