"""`srnlp simulate --model srnlp.screen_svm_emb.v1`, the embeddings read from a cache of fake
vectors (``SRNLP_EMBEDDING_CACHE``), so the sentence encoder is never loaded."""

import json
from pathlib import Path

import numpy as np
from typer.testing import CliRunner

from socialrecovery_nlp.active.labelled_csv import read_labelled_csv
from socialrecovery_nlp.active.models import embedding_key, screening_text
from socialrecovery_nlp.cli.app import app

from .sep_sample import SEP, sep_sample

runner = CliRunner()


def fake_cache(data: Path, cache: Path) -> None:
    texts = [screening_text(r) for r in read_labelled_csv(data)]
    rng = np.random.default_rng(0)
    emb = rng.normal(size=(len(texts), 8)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    cache.mkdir(parents=True, exist_ok=True)
    np.save(cache / f"{embedding_key(texts)}.npy", emb, allow_pickle=False)



def test_simulate_selects_the_embedding_model(tmp_path, monkeypatch):
    data, rows = sep_sample(tmp_path, 80)
    fake_cache(data, tmp_path / "emb")
    monkeypatch.setenv("SRNLP_EMBEDDING_CACHE", str(tmp_path / "emb"))
    rel = next(i for i, r in enumerate(rows) if r["label_included"] == "1")
    irr = next(i for i, r in enumerate(rows) if r["label_included"] == "0")
    out = tmp_path / "run.json"
    res = runner.invoke(app, ["simulate", str(data), "--prior-idx", str(rel), str(irr),
                              "--model", "srnlp.screen_svm_emb.v1", "-o", str(out)])
    assert res.exit_code == 0, res.output
    run = json.loads(out.read_text())
    assert run["model"] == "srnlp.screen_svm_emb.v1"
    assert run["metrics"]["seconds_embedding"] == 0  # read from the cache
    assert set(run["screening_order"]).isdisjoint(run["prior_record_ids"])


def test_unknown_model_is_e531(tmp_path):
    res = runner.invoke(app, ["simulate", str(SEP), "--prior-idx", "3", "10", "--model", "nope",
                              "-o", str(tmp_path / "run.json")])
    assert res.exit_code == 2 and "E531" in res.output


def test_embedding_cache_option_reads_vectors_kept_from_an_earlier_run(tmp_path, monkeypatch):
    data, _ = sep_sample(tmp_path, 60)
    fake_cache(data, tmp_path / "kept")
    monkeypatch.delenv("SRNLP_EMBEDDING_CACHE", raising=False)
    out = tmp_path / "run.json"
    res = runner.invoke(app, ["simulate", str(data), "--seed", "2", "--model", "srnlp.screen_svm_emb.v2",
                              "--embedding-cache", str(tmp_path / "kept"), "-o", str(out)])
    assert res.exit_code == 0, res.output
    run = json.loads(out.read_text())
    assert run["model"] == "srnlp.screen_svm_emb.v2"
    assert run["metrics"]["seconds_embedding"] == 0  # every vector came from the folder
    assert "sentence embeddings computed" not in res.output
