"""`simulate` with the embedding model and a fake encoder: deterministic, embeddings computed once."""

import numpy as np

from socialrecovery_nlp.active.models import CachedEmbedder
from socialrecovery_nlp.active.simulate import choose_priors, simulate

from .test_models_embedding import Counting


def test_embedding_model_simulation_is_deterministic_and_encodes_once(sep_records, tmp_path):
    records = sep_records[:120]
    prior = choose_priors([r.label_included for r in records], None, 1, 1, seed=0)
    enc = Counting()
    embedder = CachedEmbedder(enc, cache_dir=tmp_path)
    a = simulate(records, prior, model="srnlp.screen_svm_emb.v1", embedder=embedder)
    b = simulate(records, prior, model="srnlp.screen_svm_emb.v1", embedder=embedder)
    assert enc.calls == 1  # the second run (and every iteration) reused the embeddings
    assert a.order == b.order and set(a.order).isdisjoint(prior)
    m = a.to_dict()["metrics"]
    assert m["loss"] < 0.4
    assert m["seconds_embedding"] >= 0 and b.seconds_embedding == 0
    assert a.to_dict()["model"] == "srnlp.screen_svm_emb.v1"
    assert sum(a.labels) == sum(r.label_included for r in records) - 1
    assert np.isfinite(m["seconds_per_iteration"])
