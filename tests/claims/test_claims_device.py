"""Where the claims models' MiniLM stages run (``claims/device.py``, ``--device``)."""

from __future__ import annotations

import csv
import json
import os

import pytest
from typer.testing import CliRunner

from socialrecovery_nlp.claims.device import DEVICE_ENV, check_device_name, resolve_device
from socialrecovery_nlp.cli.app import app
from socialrecovery_nlp.errors import SrnlpError

runner = CliRunner()


@pytest.mark.parametrize("name,expected", [("cpu", "cpu"), ("CUDA", "cuda"), (" cuda:1 ", "cuda:1"), ("auto", "auto")])
def test_known_device_names(name, expected):
    assert check_device_name(name) == expected


@pytest.mark.parametrize("name", ["gpu", "cuda:", "cuda:x", "mps", ""])
def test_unknown_device_is_e404(name):
    with pytest.raises(SrnlpError) as err:
        check_device_name(name)
    assert err.value.code == "E404"


def test_cpu_is_the_default_and_the_environment_is_read(monkeypatch):
    monkeypatch.delenv(DEVICE_ENV, raising=False)
    assert resolve_device() == "cpu"
    monkeypatch.setenv(DEVICE_ENV, "tpu")
    with pytest.raises(SrnlpError) as err:
        resolve_device()
    assert err.value.code == "E404"
    assert resolve_device("cpu") == "cpu"  # the caller's own setting wins over the environment


def _fake_cuda(monkeypatch, available: bool, count: int = 0):
    torch = pytest.importorskip("torch")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: available)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: count)


def test_a_missing_gpu_is_an_error_unless_auto(monkeypatch):
    _fake_cuda(monkeypatch, available=False)
    assert resolve_device("auto") == "cpu"
    with pytest.raises(SrnlpError) as err:
        resolve_device("cuda")
    assert err.value.code == "E405" and "no CUDA device" in str(err.value)


def test_gpu_index_is_checked(monkeypatch):
    _fake_cuda(monkeypatch, available=True, count=1)
    assert resolve_device("cuda") == "cuda:0"
    assert resolve_device("auto") == "cuda:0"
    assert resolve_device("cuda:0") == "cuda:0"
    with pytest.raises(SrnlpError) as err:
        resolve_device("cuda:2")
    assert err.value.code == "E405" and "1 CUDA device" in str(err.value)


def test_models_move_and_predict_the_same(shipped_extractor):
    """``to(device)`` keeps predictions (on the CPU here; the GPU test below compares devices)."""
    scorer, tagger = shipped_extractor.detector.scorer, shipped_extractor.span_model
    texts = ["Peer support reduced readmission.", "Stigma was associated with lower self-esteem."]
    before = scorer.predict_proba(texts)
    assert scorer.to("cpu") is scorer and scorer.device == "cpu"
    assert tagger.to("cpu") is tagger and tagger.device == "cpu"
    assert scorer.predict_proba(texts).tolist() == before.tolist()


def test_unfitted_model_cannot_move():
    pytest.importorskip("torch")
    from socialrecovery_nlp.claims.minilm_scorer import MiniLMClaimScorer

    with pytest.raises(RuntimeError, match="not fitted"):
        MiniLMClaimScorer().to("cpu")


def _csv(path):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "title", "abstract"])
        writer.writeheader()
        writer.writerow({"id": "r1", "title": "Peer support", "abstract": "Peer support reduced readmission."})
    return path


@pytest.mark.parametrize("device,code", [("gpu0", "E404"), ("cuda:7", "E405")])
def test_claims_cli_refuses_an_unusable_device_before_any_work(tmp_path, device, code):
    pytest.importorskip("torch")
    source = _csv(tmp_path / "in.csv")
    out = tmp_path / "new" / "e.csv"
    result = runner.invoke(app, ["claims", str(source), "-o", str(out), "--device", device])
    assert result.exit_code == 2, result.output
    assert f"[{code}]" in result.output
    assert isinstance(result.exception, SystemExit)  # a message, no traceback
    assert not (tmp_path / "new").exists()


def test_analyze_cli_refuses_an_unknown_device_and_restores_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv(DEVICE_ENV, raising=False)
    source = _csv(tmp_path / "in.csv")
    result = runner.invoke(app, ["analyze", str(source), "-o", str(tmp_path / "o.jsonl"), "--device", "gpu0", "-q"])
    assert result.exit_code == 2, result.output
    assert "[E404]" in result.output
    assert DEVICE_ENV not in os.environ


def test_analyze_cli_cpu_device_runs(tmp_path, monkeypatch):
    monkeypatch.delenv(DEVICE_ENV, raising=False)
    source = _csv(tmp_path / "in.csv")
    out = tmp_path / "o.jsonl"
    result = runner.invoke(app, ["analyze", str(source), "-o", str(out), "--device", "cpu", "--components", "cues", "-q"])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["id"] == "r1"


@pytest.mark.skipif(not __import__("importlib").util.find_spec("torch") or not __import__("torch").cuda.is_available(),
                    reason="needs a CUDA GPU")
def test_gpu_gives_the_cpu_claims():  # pragma: no cover - runs only where torch sees a GPU
    from socialrecovery_nlp.claims.model import load_extractor
    from socialrecovery_nlp.pipeline.language import load

    nlp = load(components=[])
    texts = ["Peer support reduced readmission and improved hope.",
             "Internalised stigma was associated with lower self-esteem (Link et al., 2001).",
             "Unemployment did not predict relapse."]
    out = {}
    for device in ("cpu", "cuda"):
        extractor = load_extractor(None, None, fast=False, device=device)[0]
        out[device] = [[(d["factor"]["text"], d["outcome"]["text"], d["direction"]) for d in map(
            lambda claim: claim.to_dict(), extractor(doc))] for doc in nlp.pipe(texts)]
    assert out["cuda"] == out["cpu"]


def test_fast_mode_still_checks_the_device_name(tmp_path, monkeypatch):
    """``--fast-claims`` runs no MiniLM stage, but a misspelt ``--device`` is still an error (review-19)."""
    monkeypatch.delenv(DEVICE_ENV, raising=False)
    source = _csv(tmp_path / "in.csv")
    for command in (["analyze", str(source), "-o", str(tmp_path / "o.jsonl"), "-q"],
                    ["claims", str(source), "-o", str(tmp_path / "e.csv")]):
        result = runner.invoke(app, command + ["--fast-claims", "--device", "bogus"])
        assert result.exit_code == 2, result.output
        assert "[E404]" in result.output
