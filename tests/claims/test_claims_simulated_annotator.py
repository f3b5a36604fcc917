"""The simulated annotator: corrections a reviewer who knows the gold claims would store, and that the claims
trainer reads back (``data.extra``). Sentences written for these tests."""

from __future__ import annotations

import json

import pytest

from socialrecovery_nlp.claims.extra import corrections_to_examples
from socialrecovery_nlp.claims.simulated_annotator import close_claim, gold_fields, row_corrections, simulate

TEXT = "Peer support reduced loneliness and improved self-esteem."


def _span(text: str, sentence: str = TEXT) -> dict:
    start = sentence.index(text)
    return {"text": text, "start": start, "end": start + len(text)}


def _gold(factor: str, outcome: str | None, direction: str, strength: str = "causal") -> dict:
    out = _span(outcome) if outcome else {"text": "recovery", "start": None, "end": None}
    return {"factor": _span(factor), "outcome": out, "direction": direction, "strength": strength}


def _row(claims: list[dict], text: str = TEXT, rid: str = "r1") -> dict:
    return {"id": rid, "text": text, "start": 0, "source": "test.jsonl", "claims": claims, "is_claim": bool(claims)}


def _pred(factor: str, outcome: str, direction: str, strength: str = "causal") -> dict:
    return {"text": TEXT, "start": 0, "end": len(TEXT), "factor": factor, "outcome": outcome,
            "direction": direction, "strength": strength}


def test_a_right_claim_is_accepted_despite_case_and_a_final_full_stop():
    row = _row([_gold("Peer support", "loneliness", "promotes")])
    corr = row_corrections(row, [_pred("peer support", "loneliness.", "promotes")])
    assert [c["action"] for c in corr] == ["accept"]
    assert corr[0]["target"] == "c0"


def test_a_claim_with_a_wrong_direction_is_edited_to_the_gold_claim():
    row = _row([_gold("Peer support", "loneliness", "promotes")])
    corr = row_corrections(row, [_pred("Peer support", "loneliness", "hinders")])
    assert [c["action"] for c in corr] == ["edit"]
    assert corr[0]["claim"]["direction"] == "promotes" and corr[0]["field"] == "direction"
    assert corr[0]["value"] == "promotes"
    assert corr[0]["original"]["direction"] == "hinders"
    assert corr[0]["claim"]["factor"] == {"text": "Peer support", "start": 0, "end": 12}


def test_function_words_alone_do_not_make_a_claim_close():
    row = _row([_gold("Peer support", "self-esteem", "promotes")])
    assert [c["action"] for c in row_corrections(row, [_pred("the use of drugs", "the rate of self-harm", "hinders")])] \
        == ["reject", "add"]


def test_a_claim_sharing_no_word_with_a_gold_claim_is_rejected_and_the_missed_one_added():
    row = _row([_gold("Peer support", "self-esteem", "promotes")])
    corr = row_corrections(row, [_pred("loneliness", "improved", "promotes")])
    assert [(c["target"], c["action"]) for c in corr] == [("c0", "reject"), ("new-1", "add")]
    assert corr[1]["claim"]["factor"]["text"] == "Peer support"


@pytest.mark.parametrize("first, expected", [
    ("Peer support groups", ["reject", "accept"]),  # exact matches are paired before close ones
    ("Peer support", ["accept", "reject"]),  # each gold claim is used once
])
def test_one_gold_claim_and_two_predictions(first, expected):
    row = _row([_gold("Peer support", "loneliness", "promotes")])
    corr = row_corrections(row, [_pred(first, "loneliness", "promotes"), _pred("Peer support", "loneliness", "promotes")])
    assert [c["action"] for c in corr] == expected


def test_an_implicit_gold_outcome_matches_any_predicted_outcome():
    gold = gold_fields(_row([]), _gold("Peer support", None, "promotes"))
    assert gold["outcome"] == {"text": "recovery", "start": None, "end": None}
    assert close_claim(_pred("Peer support", "self-esteem", "promotes"), gold)
    assert not close_claim(_pred("self-esteem", "Peer support", "promotes"), gold)


def test_no_prediction_and_no_gold_claim_gives_no_correction():
    assert row_corrections(_row([]), []) == []


class _Claim:
    def __init__(self, d: dict):
        self.d = d

    def to_dict(self) -> dict:
        return self.d


class _Extractor:
    """Predicts one fixed claim for the sentence that mentions peer support, nothing elsewhere."""

    def __call__(self, doc):
        if "Peer support" not in doc.text:
            return []
        return [_Claim({"text": doc.text, "start": 0, "end": len(doc.text), "factor": _span("Peer support"),
                        "outcome": _span("loneliness"), "direction": "hinders", "strength": "causal"})]


def test_simulated_lines_train_as_the_corrected_claims(tmp_path):
    other = "The sample was recruited from two clinics."
    rows = [_row([_gold("Peer support", "loneliness", "promotes"), _gold("Peer support", "self-esteem", "promotes")]),
            _row([], text=other, rid="r2")]
    lines, counts = simulate(rows, _Extractor())
    assert counts == {"edit": 1, "add": 1}
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    examples, stats = corrections_to_examples([path])
    assert stats["used"] == 2 and stats["skipped"] == 0
    (example,) = examples
    assert example["text"] == TEXT and example["is_claim"]
    got = sorted((c["factor"]["text"], c["outcome"]["text"], c["direction"]) for c in example["claims"])
    assert got == [("Peer support", "loneliness", "promotes"), ("Peer support", "self-esteem", "promotes")]
    assert example["claims"][0]["factor"]["start"] == 0


def test_a_sentence_whose_only_claim_is_rejected_trains_as_no_claim(tmp_path):
    class Wrong(_Extractor):
        def __call__(self, doc):
            return [_Claim({"text": doc.text, "start": 0, "end": len(doc.text), "factor": _span("Peer support"),
                            "outcome": _span("loneliness"), "direction": "promotes", "strength": "causal"})]

    lines, counts = simulate([_row([])], Wrong())
    assert counts == {"reject": 1}
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    (example,), _ = corrections_to_examples([path])
    assert example["is_claim"] is False and example["kind"] == "rejected"


def test_gold_offsets_and_implicit_outcomes_survive_into_training(tmp_path):
    text = "Compared with no exercise, exercise helps people in recovery."
    gold = {"factor": {"text": "exercise", "start": 27, "end": 35}, "outcome": {"text": "", "start": None, "end": None},
            "direction": "promotes", "strength": "causal"}
    lines, counts = simulate([_row([gold], text=text)], _Extractor())
    assert counts == {"add": 1}
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    (example,), _ = corrections_to_examples([path])
    (claim,) = example["claims"]
    assert claim["factor"] == {"text": "exercise", "start": 27, "end": 35}  # not the first "exercise"
    assert claim["outcome"]["start"] is None  # not the word "recovery" of the sentence
