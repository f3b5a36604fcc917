"""Project claim corrections (``data.extra``) become training examples, in TRAIN only."""

import json

import pytest

from socialrecovery_nlp.claims.extra import corrections_to_examples
from socialrecovery_nlp.errors import SrnlpError

# A record text written for this test (not data).
RECORD = ("Background text about services. Peer support reduced relapse in the trial. "
          "Participants were recruited from clinics. Housing was associated with better recovery.")


def _line(target, correction, record=7):
    return {"id": f"project-p-{record}-{target}", "record": record, "text": RECORD,
            "correction": {"target": target, **correction},
            "provenance": {"source": "project p", "annotator": "ann", "created": "2026-11-26"}}


def _write(path, lines):
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


class _Base:
    """Stands in for the model the annotator saw: two predicted claims per record."""

    def __call__(self, doc):
        text = doc.text

        class C:
            def __init__(self, sent, factor, outcome, direction):
                self.d = {"text": sent, "start": text.index(sent), "end": text.index(sent) + len(sent),
                          "factor": {"text": factor, "start": text.index(factor), "end": text.index(factor) + len(factor)},
                          "outcome": {"text": outcome, "start": text.index(outcome), "end": text.index(outcome) + len(outcome)},
                          "direction": direction, "strength": "causal"}

            def to_dict(self):
                return self.d

        return [C("Peer support reduced relapse in the trial.", "Peer support", "relapse", "promotes"),
                C("Participants were recruited from clinics.", "Participants", "clinics", "promotes")]


def test_corrections_to_examples(tmp_path):
    path = _write(tmp_path / "claims.jsonl", [
        _line("c0", {"action": "edit", "field": "direction", "value": "negative"}),
        _line("c1", {"action": "reject"}),
        _line("new-1", {"action": "add", "claim": {"factor": "Housing", "outcome": "better recovery",
                                                   "direction": "promotes", "strength": "correlational"}}),
        _line("c5", {"action": "accept"}),  # no such predicted claim: skipped
    ])
    examples, stats = corrections_to_examples([path], base=_Base())
    by_text = {e["text"]: e for e in examples}
    edited = by_text["Peer support reduced relapse in the trial."]
    assert edited["is_claim"] and edited["claims"][0]["direction"] == "hinders"
    assert edited["claims"][0]["factor"] == {"text": "Peer support", "start": 0, "end": 12}
    assert by_text["Participants were recruited from clinics."]["is_claim"] is False
    added = by_text["Housing was associated with better recovery."]
    assert added["claims"][0]["outcome"]["text"] == "better recovery" and added["claims"][0]["strength"] == "correlational"
    assert stats["skipped"] == 1 and stats["used"] == 3 and stats["positive"] == 2
    # without a base model, target-only corrections cannot be resolved
    examples, stats = corrections_to_examples([path], base=None)
    assert [e["text"] for e in examples] == ["Housing was associated with better recovery."]


def test_bad_extra_files(tmp_path):
    with pytest.raises(SrnlpError) as err:
        corrections_to_examples([tmp_path / "missing.jsonl"])
    assert err.value.code == "E402"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "t"}\n', encoding="utf-8")
    with pytest.raises(SrnlpError) as err:
        corrections_to_examples([bad])
    assert err.value.code == "E403"


def test_train_from_config_reads_extra(tmp_path):
    from socialrecovery_nlp.claims.train import train_from_config
    from socialrecovery_nlp.paths import SOURCE_ROOT

    path = _write(tmp_path / "claims.jsonl", [
        _line("new-1", {"action": "add", "claim": {"text": "Housing was associated with better recovery.",
                                                   "factor": "Housing", "outcome": "better recovery"}}),
        _line("new-2", {"action": "add", "claim": {"factor": "Peer support", "outcome": "relapse",
                                                   "direction": "promotes"}}),
    ])
    out = train_from_config(SOURCE_ROOT / "training" / "claims.toml",
                            {"output.models_root": str(tmp_path / "models"), "detector.threshold": 0.4,
                             "detector.confident": 0.5, "evaluate.on_train": False, "data.extra": [str(path)],
                             "minilm.enabled": False, "spans.model": "rules",
                             "row_confidence.enabled": False})
    meta = json.loads((out / "meta.json").read_text())
    assert meta["training"]["n_extra"] == 2 and meta["training"]["extra"]["add"] == 2
    assert str(path) in meta["data_hashes"]
