"""`srnlp annotate` correction screens driven by scripted key streams: processes/themes, design,
claims; undo, history and the theme -> process hierarchy."""

import io
import json

import pytest
from rich.console import Console

from socialrecovery_nlp.active import loop as L
from socialrecovery_nlp.active.annotate_ui import (
    DESIGN_KEYS,
    DIRECTION_KEYS,
    PROCESS_KEYS,
    STRENGTH_KEYS,
    THEME_KEYS,
    key_reader,
    run,
)
from socialrecovery_nlp.codebook import load_codebook

CB = load_codebook()


def theme_key(tid):
    return THEME_KEYS[CB.ids("themes").index(tid)]


def process_key(pid):
    return PROCESS_KEYS[CB.ids("processes").index(pid)]


def design_key(did):
    return DESIGN_KEYS[CB.ids("designs").index(did)]


def direction_key(d):
    return DIRECTION_KEYS[CB.ids("directions").index(d)]


def strength_key(s):
    return STRENGTH_KEYS[CB.ids("strengths").index(s)]


def _claims_for(record):
    """Two illustrative predicted claims on the record's abstract (not a model)."""
    text = record.text
    a = text.index(record.abstract) if record.abstract else 0
    return [
        {"text": text[a:a + 40], "start": a, "end": a + 40, "factor": {"text": "peer work", "start": None, "end": None},
         "outcome": {"text": "recovery", "start": None, "end": None}, "direction": "promotes", "strength": "causal"},
        {"text": text[a + 41:a + 90], "start": a + 41, "end": a + 90, "factor": {"text": "stigma", "start": None, "end": None},
         "outcome": {"text": "hope", "start": None, "end": None}, "direction": "promotes", "strength": "correlational"},
    ]


def fake_extractor(record):
    return {"processes": ["hope"], "themes": [], "design": "rct", "claims": _claims_for(record), "spans": [],
            "models": {"themes": "themes-baseline@0.1.0"}}


def _run(project, keys, extractor=fake_extractor, seed=11):
    session = L.ScreeningSession(project, "ann", seed=seed)
    out = io.StringIO()
    counts = run(session, key_reader(io.StringIO(keys)), Console(file=out, width=120), extractor=extractor)
    return session, counts, out.getvalue()


def test_edit_processes_and_themes_with_hierarchy_and_undo(project):
    peer, family = "interpersonal_relationships", "family_systems"
    assert CB.parent_of(peer) == "connectedness"
    keys = ("e" + theme_key(peer)          # theme on: brings connectedness (prediction hope kept)
            + theme_key(family)            # a second theme of connectedness
            + process_key("empowerment")   # a process on its own
            + process_key("connectedness") # process off: its themes go with it
            + "b"                          # undo that: themes and process back
            + theme_key(family)            # theme off, its process stays
            + ". y q")
    _, counts, text = _run(project, keys)
    rid = next(iter(project.latest_labels()))
    assert project.latest_labels()[rid] == "relevant"
    assert project.latest_labels("themes")[rid] == [peer]
    assert project.latest_labels("processes")[rid] == ["empowerment", "connectedness", "hope"]
    assert counts["edited"] == 5 and counts["undone"] == 1 and counts["relevant"] == 1
    hist = [h for h in project.history(rid) if h["kind"] == "themes"]
    assert [h["value"] for h in hist] == [[peer], [peer, family], [], [peer, family], [peer]]
    assert hist[2]["reason"] == "corrected" and hist[3]["reason"] == "undo"
    assert all(h["annotator"] == "ann" and h["created_at"] for h in hist)
    assert hist[0]["model_version"] == "themes-baseline@0.1.0"  # the predictions that were shown
    assert f"saved {rid} processes" in text and "why this record" in text


def test_themes_screen_without_extractor_starts_empty_and_p_restores_predictions(project):
    keys = "e" + theme_key("self_efficacy") + ". n q"
    _run(project, keys, extractor=None)
    rid = next(iter(project.latest_labels()))
    assert project.latest_labels("themes")[rid] == ["self_efficacy"]
    assert project.latest_labels("processes")[rid] == [CB.parent_of("self_efficacy")]
    _run(project, "epx.q", seed=12)  # next record: p takes the predictions, x clears
    rid2 = [r for r in project.latest_labels("processes") if r != rid]
    assert rid2 and project.latest_labels("processes")[rid2[0]] == []
    values = [h["value"] for h in project.history(rid2[0]) if h["kind"] == "processes"]
    assert values == [["hope"], []]


def test_design_pick_prediction_and_undo_on_the_record_screen(project):
    keys = "g" + design_key("qualitative") + "gp" + "b" + "u q"
    _, counts, text = _run(project, keys)
    rid = next(iter(project.latest_labels()))
    assert project.latest_labels()[rid] == "uncertain"
    assert project.latest_labels("design")[rid] == "qualitative"  # rct (prediction) undone
    assert [h["value"] for h in project.history(rid) if h["kind"] == "design"] == ["qualitative", "rct", "qualitative"]
    assert f"undone {rid} design" in text and counts["uncertain"] == 1


def test_claim_corrections_accept_reject_edit_add(project, tmp_path):
    from socialrecovery_nlp.active.export import export_training

    keys = ("c"
            + "y"                                   # claim 1 accepted, cursor to claim 2
            + direction_key("hinders") + strength_key("conditional_causal")
            + "f social contact with peers\n"       # edit the factor (typed to the end of the line)
            + "k" + "r"                             # back to claim 1: reject (latest wins)
            + "+ peer support\nrecovery\n" + direction_key("promotes") + strength_key("causal")
            + "b"                                   # undo the added claim
            + "+ housing\n\n" + direction_key("mixed") + strength_key("correlational")
            + ". y q")
    _, counts, text = _run(project, keys)
    rid = next(iter(project.latest_labels()))
    corr = {c["target"]: c for c in project.latest_claim_corrections()}
    assert set(corr) == {f"claim:{c['start']}:{c['end']}:0" for c in _claims_for(project_record(project, rid))} | {"new-2"}
    first, second = sorted((t for t in corr if t.startswith("claim:")), key=lambda t: int(t.split(":")[1]))
    assert corr[first]["action"] == "reject" and corr[first]["original"]["factor"] == "peer work"
    edit = corr[second]
    assert edit["action"] == "edit" and edit["field"] == "factor" and edit["value"] == "social contact with peers"
    assert edit["claim"]["direction"] == "hinders" and edit["claim"]["strength"] == "conditional_causal"
    assert edit["claim"]["factor"] == "social contact with peers" and edit["original"]["factor"] == "stigma"
    assert corr["new-2"]["claim"] == {"factor": "housing", "outcome": "recovery", "direction": "mixed",
                                      "strength": "correlational"}
    history = [h for h in project.history(rid) if h["kind"] == "claim"]
    assert len(history) == 8  # accept, 3 edits, reject, add, undo, add: nothing overwritten
    assert [h["value"] for h in history if h["target"] == "new-1"][-1] is None  # withdrawn by undo
    assert counts["edited"] == 7 and counts["undone"] == 1
    files = {f.name: f for f in export_training(project, tmp_path / "tr", kinds=("claim",))}
    lines = [json.loads(x) for x in files["claims.jsonl"].read_text().splitlines()]
    assert {ln["correction"]["action"] for ln in lines} == {"reject", "edit", "add"}
    assert all(ln["record"] == rid and ln["text"] for ln in lines)
    assert "claim new-2 added" in text


def project_record(project, rid):
    from socialrecovery_nlp.corpus.record import Record

    return Record.from_dict(project.record(rid))


def test_claims_screen_without_predictions_adds_and_rejects(project):
    keys = "c+ employment\nquality of life\n" + direction_key("promotes") + strength_key("correlational") + "r.q"
    _run(project, keys, extractor=None)
    assert project.latest_claim_corrections() == []  # rejecting a hand-added claim withdraws it
    hist = project.history()
    assert [h["value"] and h["value"]["action"] for h in hist if h["kind"] == "claim"] == ["add", None]


@pytest.mark.parametrize("keys", ["c", "cq", "e", "g", "c+"])
def test_end_of_input_inside_a_screen_quits_cleanly(project, keys):
    _, counts, text = _run(project, keys)
    assert counts["relevant"] == counts["irrelevant"] == 0 and "session:" in text


def test_undo_of_a_relevance_decision_shows_that_record_again(project):
    _, counts, text = _run(project, "y b n q", extractor=None)
    (rid,) = project.latest_labels()
    assert project.latest_labels() == {rid: "irrelevant"}
    assert [h["value"] for h in project.history(rid)] == ["relevant", None, "irrelevant"]
    assert project.history(rid)[2]["reason"].startswith("shown again")
    assert f"undone {rid} relevance" in text and "why this record: shown again" in text
    assert counts["undone"] == 1


def test_claims_screen_shows_the_row_confidence_without_storing_it(project):
    def extractor(record):
        out = fake_extractor(record)
        out["claims"][0]["confidence"] = 0.734
        return out

    _, _, text = _run(project, "c" + "y" + ". y q", extractor=extractor)
    assert "confidence: 0.73" in text
    stored = project.latest_claim_corrections()
    assert stored and all("confidence" not in json.dumps(c) for c in stored)


def test_accepting_an_edited_claim_keeps_the_edit(project):
    """agent:review-25: [y] on an edited claim had stored an accept of the original, undoing the edit."""
    keys = "c" + direction_key("hinders") + "y" + ". y q"
    _run(project, keys)
    latest = [c for c in project.latest_claim_corrections() if c["target"].startswith("claim:")]
    assert len(latest) == 1 and latest[0]["action"] == "edit" and latest[0]["claim"]["direction"] == "hinders"
