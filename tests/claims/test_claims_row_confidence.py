"""Row confidence (claims/row_confidence.py, row_match.py, row_confidence_train.py): features, the shipped model,
the extractor's ``confidence``, the evidence table's ``--min-confidence``."""

from __future__ import annotations

import csv
import json
import re

import pytest
from typer.testing import CliRunner

from socialrecovery_nlp.claims.evidence import COLUMNS, evidence_rows, keep
from socialrecovery_nlp.claims.row_confidence import FEATURES, FILE, TAGGER_FEATURES, RowConfidence, features
from socialrecovery_nlp.claims.row_match import is_right, row_metrics
from socialrecovery_nlp.paths import find_model


def _claim(factor=("social support", 0, 14), outcome=("relapse", 26, 33), direction="promotes", score=0.8, **extra):
    text = "Social support reduced relapse in the trial (p < 0.05)."
    span = lambda t: {"text": t[0], "start": t[1], "end": t[2]} if t else {"text": "recovery", "start": None, "end": None}
    return {"text": text, "start": 0, "end": len(text), "factor": span(factor), "outcome": span(outcome),
            "direction": direction, "strength": "causal", "hedged": False, "negated": False, "citations": [],
            "design": "unclear", "themes": [], "social": True, "score": score, **extra}


def _gold(factor, outcome, direction):
    return {"factor": {"text": factor}, "outcome": {"text": outcome}, "direction": direction}


# -- features -------------------------------------------------------------------------------------------------------
def test_features_follow_the_declared_names():
    assert len(features(_claim())) == len(FEATURES)
    assert set(TAGGER_FEATURES) <= set(FEATURES)


def test_features_read_the_claim():
    values = dict(zip(FEATURES, features(_claim())))
    assert values["statistics"] == 1.0 and values["causal"] == 1.0 and values["promotes"] == 1.0
    assert values["valence_bad"] == 1.0  # relapse, read from the text without signals
    assert values["factor_first"] == 1.0 and values["implicit_outcome"] == 0.0
    implicit = dict(zip(FEATURES, features(_claim(outcome=None))))
    assert implicit["implicit_outcome"] == 1.0 and implicit["valence_good"] == 1.0  # implicit recovery is good
    pointer = dict(zip(FEATURES, features(_claim(factor=("This", 0, 4)))))
    assert pointer["pointer_factor"] == 1.0


def test_features_take_the_extractors_signals():
    signals = {"valence": 0.0, "kind_decrease": 1.0, "parsed": 1.0, "factor_support": 0.9, "outcome_support": -1.0}
    values = dict(zip(FEATURES, features(_claim(), signals)))
    assert values["valence_unknown"] == 1.0 and values["kind_decrease"] == 1.0
    assert values["factor_support"] == 0.9 and values["outcome_support"] == 0.0 and values["outcome_untagged"] == 1.0


# -- row_match --------------------------------------------------------------------------------------------------------
def test_is_right_needs_factor_outcome_and_direction():
    gold = [_gold("supportive social relationships", "relapse", "promotes")]
    assert is_right(_claim(), gold)
    assert not is_right(_claim(direction="hinders"), gold)
    assert not is_right(_claim(factor=("the trial", 0, 9)), gold)
    assert is_right(_claim(outcome=("fewer readmissions", 0, 18)), [_gold("social support", "recovery", "promotes")])
    assert not is_right(_claim(), [])


def test_row_metrics_rank_and_cut():
    gold = {"claims": [_gold("social support", "relapse", "promotes")]}
    pairs = [(gold, [_claim(confidence=0.9, score=0.5), _claim(direction="hinders", confidence=0.2, score=0.9)])]
    m = row_metrics(pairs, cutoffs=(0.5,))
    assert m["rows"] == 2 and m["right"] == 1
    assert m["auc_confidence"] == 1.0 and m["auc_score"] == 0.0
    assert m["cutoffs"]["0.5"] == {"rows": 1, "precision": 1.0, "right_kept": 1.0}
    assert "auc_confidence" not in row_metrics([(gold, [_claim()])])  # rows without a confidence


# -- the shipped model ------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def shipped():
    path = find_model("claims")
    model = RowConfidence.load(path)
    assert model is not None, f"{path.name} ships {FILE}"
    return model


def test_shipped_model_has_both_modes(shipped):
    assert set(shipped.modes) == {"full", "fast"}
    assert not set(TAGGER_FEATURES) & set(shipped.modes["fast"]["features"])
    assert shipped.mode(full=True) == "full" and shipped.mode(full=False) == "fast"


def test_shipped_model_gives_probabilities(shipped):
    rows = [(_claim(), {"factor_support": 0.95, "outcome_support": 0.9, "parsed": 1.0}),
            (_claim(), {"factor_support": 0.05, "outcome_support": 0.9, "parsed": 1.0})]
    full = shipped.predict(rows, full=True)
    assert ((full > 0) & (full < 1)).all()
    assert full[0] > full[1]  # the tagger's support for the factor counts for the row
    assert shipped.predict([], full=False).shape == (0,)


def _write(path, data):
    (path / FILE).write_text(json.dumps(data), encoding="utf-8")


def _mode(**changes):
    return {"features": ["score"], "mean": [0.5], "scale": [0.2], "coef": [1.0], "intercept": 0.0, **changes}


@pytest.mark.parametrize("data, message", [
    ({"name": "something else", "modes": {}}, "not a row-confidence model"),
    (["a list"], "not a row-confidence model"),
    ({"name": "srnlp.claims_row_confidence.v1", "modes": {"full": _mode()}}, "needs a 'fast' mode"),
    ({"name": "srnlp.claims_row_confidence.v1"}, "needs a 'fast' mode"),
    ({"name": "srnlp.claims_row_confidence.v1", "modes": {"fast": _mode(features=["no such feature"])}}, "does not compute"),
    ({"name": "srnlp.claims_row_confidence.v1", "modes": {"fast": {"features": ["score"]}}}, "needs features"),
    ({"name": "srnlp.claims_row_confidence.v1", "modes": {"fast": _mode(scale=[0.0])}}, "not positive"),
    ({"name": "srnlp.claims_row_confidence.v1", "modes": {"fast": _mode(coef=[1.0, 2.0])}}, "different lengths"),
])
def test_load_refuses_unusable_files(tmp_path, data, message):
    _write(tmp_path, data)
    with pytest.raises(ValueError, match=message):
        RowConfidence.load(tmp_path)


def test_load_reads_a_fast_only_model(tmp_path):
    _write(tmp_path, {"name": "srnlp.claims_row_confidence.v1", "modes": {"fast": _mode()}})
    model = RowConfidence.load(tmp_path)
    assert model.mode(full=True) == "fast"  # no full weights: the fast ones serve every run
    assert 0.5 < model.predict([(_claim(score=0.9), {})], full=True)[0] < 1
    assert RowConfidence.load(tmp_path / "missing") is None
    (tmp_path / FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match="unreadable"):
        RowConfidence.load(tmp_path)


def test_extractor_sets_confidence(shipped_extractor, blank_nlp):
    claims = shipped_extractor(blank_nlp("Supportive relationships with peers reduced relapse in people with psychosis."))
    assert claims and all(0 < c.confidence < 1 for c in claims)
    assert all("confidence" in c.to_dict() for c in claims)
    assert all(c.signals["factor_support"] >= 0 for c in claims)


def test_fast_extractor_sets_confidence(blank_nlp):
    from socialrecovery_nlp.claims.model import load_extractor

    extractor, _ = load_extractor(None, fast=True)
    claims = extractor(blank_nlp("Stigma was associated with lower self-esteem."))
    assert claims and all(0 < c.confidence < 1 and c.signals["factor_support"] == -1.0 for c in claims)


# -- the evidence table -----------------------------------------------------------------------------------------------
def test_min_confidence_filters_rows():
    low, high = _claim(confidence=0.2), _claim(confidence=0.8)
    assert keep(high, all_claims=True, min_confidence=0.5) and not keep(low, all_claims=True, min_confidence=0.5)
    assert not keep(_claim(), all_claims=True, min_confidence=0.1)  # no confidence: dropped under a cut-off
    assert keep(_claim(), all_claims=True)
    rows = evidence_rows("r1", [low, high], all_claims=True, min_confidence=0.5)
    assert [r["confidence"] for r in rows] == [0.8] and "confidence" in COLUMNS


def test_cli_min_confidence(tmp_path):
    from socialrecovery_nlp.cli.app import app

    source = tmp_path / "in.csv"
    with open(source, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["record_id", "title", "abstract"])
        writer.writeheader()
        writer.writerow({"record_id": "a", "title": "Peer support",
                         "abstract": "Peer support was associated with fewer readmissions in people with psychosis."})
    runner = CliRunner()
    out = tmp_path / "all.csv"
    result = runner.invoke(app, ["claims", str(source), "-o", str(out), "--all", "--components", "claims", "--fast-claims"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and all(0 < float(r["confidence"]) < 1 for r in rows)
    none = tmp_path / "none.csv"
    result = runner.invoke(app, ["claims", str(source), "-o", str(none), "--all", "--components", "claims",
                                 "--fast-claims", "--min-confidence", "1.0"])
    assert result.exit_code == 0, result.output
    assert list(csv.DictReader(none.open(encoding="utf-8"))) == []
    result = runner.invoke(app, ["claims", str(source), "-o", str(none), "--min-confidence", "1.5"])
    assert result.exit_code == 2 and "min-confidence" in " ".join(result.output.split())


# -- training ---------------------------------------------------------------------------------------------------------
def test_training_refuses_held_out_files(tmp_path):
    from socialrecovery_nlp.claims.row_confidence_train import fit_directory

    with pytest.raises(ValueError, match="held-out"):
        fit_directory(tmp_path, ["annotations/claims_abstracts_v3.jsonl"])


def test_training_writes_a_loadable_model(trained_model, tmp_path):
    import shutil

    from socialrecovery_nlp.claims.data import TITLE_DEV
    from socialrecovery_nlp.claims.row_confidence_train import fit_directory

    model_dir = tmp_path / trained_model.name
    shutil.copytree(trained_model, model_dir)  # the session fixture stays as it was
    summary = fit_directory(model_dir, [TITLE_DEV])
    model = RowConfidence.load(model_dir)
    # the fixture's model has no MiniLM stages: only the fast weights are fitted
    assert model is not None and set(model.modes) == {"fast"} and set(summary["cv"]) == {"fast"}
    fast = summary["cv"]["fast"]
    assert fast["rows"] > 10 and 0 <= fast["cv_auc"][str(fast["C"])] <= 1 and fast["spans"] == "rules"


def test_cli_warns_when_the_model_has_no_row_confidence(tmp_path, trained_model, monkeypatch):
    from socialrecovery_nlp.cli.app import app

    monkeypatch.setenv("SRNLP_MODELS_DIR", str(trained_model.parent))
    source = tmp_path / "in.csv"
    with open(source, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["record_id", "title", "abstract"])
        writer.writeheader()
        writer.writerow({"record_id": "a", "title": "Stigma", "abstract": "Stigma was associated with lower self-esteem."})
    result = CliRunner().invoke(app, ["claims", str(source), "-o", str(tmp_path / "e.csv"), "--all",
                                      "--components", "claims", "--min-confidence", "0.2"])
    assert result.exit_code == 0, result.output
    assert "no confidence" in result.output and "0 claims written" in result.output


def test_report_renders_the_row_confidence_section():
    from socialrecovery_nlp.claims.report import _row_confidence_block

    rows = {"rows": 10, "right": 4, "auc_score": 0.6, "auc_confidence": 0.7,
            "cutoffs": {"0.5": {"rows": 5, "precision": 0.6, "right_kept": 0.75}}}
    meta = {"row_confidence": {"trained_on": ["annotations/claims_titles_t1.jsonl"], "cv": {"full": {
        "rows": 30, "right": 12, "C": 0.03, "cv_auc": {"0.03": 0.74}, "detector_score_auc": 0.61}}}}
    text = "\n".join(_row_confidence_block({"unseen_abstracts": {"rows": rows}, "meta": meta}))
    assert "`claims_titles_t1.jsonl`" in text and "0.74" in text and "| Unseen abstracts | 10 | 4 (0.400) |  | 0.6 | **0.7** |" in text
    assert _row_confidence_block({"meta": meta}) == []


# -- the judged evidence rows -----------------------------------------------------------------------------------------
def test_evidence_row_verdicts_file():
    from socialrecovery_nlp.claims.data import screening_abstracts
    from socialrecovery_nlp.paths import SOURCE_ROOT

    rows = list(csv.DictReader((SOURCE_ROOT / "annotations" / "evidence_row_verdicts.csv").open(encoding="utf-8")))
    assert len(rows) == 441
    assert {r["verdict"] for r in rows} == {"R", "W"}
    assert {r["table"] for r in rows} == {"default", "all_sample", "default_blind_union", "default_r26", "all_sample_r26"}
    assert all(r["verdict"] == "R" or r["codes"] for r in rows if not r["table"].startswith("all_sample"))
    texts = {}
    for r in rows:  # every judged sentence's words are in its record's title or abstract
        dataset, number = r["record_id"].split(":", 1)
        if dataset not in texts:
            texts[dataset] = (screening_abstracts(dataset), screening_abstracts(dataset, field="title"))
        abstracts, titles = texts[dataset]
        words = set(re.findall(r"\w+", titles[number] + " " + abstracts[number]))  # the reader strips markup
        assert set(re.findall(r"\w+", r["sentence"])) <= words, r["record_id"]


def test_html_claim_list_shows_the_confidence():
    from socialrecovery_nlp.claims.evidence import displacy_data, render_html

    claim = _claim(confidence=0.734)
    page = render_html([displacy_data("r1", claim["text"], [claim])], [[claim]])
    assert "confidence 0.73" in page
    assert "confidence" not in render_html([displacy_data("r1", claim["text"], [_claim()])], [[_claim()]])


def test_project_corrections_label_rows(trained_model, tmp_path):
    """Rows of the model the annotator saw, labelled against the corrected claim; the latest correction of a target
    counts; additions and corrections without a stored claim are counted and left out (the export format of
    ``srnlp project export``); title claims are read as the annotation screen read them."""
    import shutil

    from socialrecovery_nlp.active.annotate_ui import claim_fields
    from socialrecovery_nlp.claims.data import TITLE_DEV
    from socialrecovery_nlp.claims.model import load_extractor
    from socialrecovery_nlp.claims.row_confidence_train import _record_doc, correction_rows, fit_directory
    from socialrecovery_nlp.corpus.record import Record
    from socialrecovery_nlp.pipeline.language import load

    record = Record(id="r1", title="Peer support reduced loneliness in people with psychosis",
                    abstract="Stigma was associated with lower self-esteem. Supported employment improved social "
                             "functioning. Family contact predicted fewer admissions.")
    text = record.text
    extractor, _ = load_extractor(trained_model, fast=True)
    predicted = [c.to_dict() for c in extractor(_record_doc(load(components=[]), "r1", text))]
    assert len(predicted) >= 4 and predicted[0]["start"] == 0  # the title's claim is read

    def line(c, correction):
        return {"id": "p-r1", "record": "r1", "text": text,
                "correction": {"target": f"claim:{c['start']}:{c['end']}:0", "original": claim_fields(c), **correction}}

    first, second, third, fourth = predicted[:4]
    lines = [line(first, {"action": "reject"}), line(first, {"action": "accept"}),  # the latest counts
             line(second, {"action": "reject"}),
             line(third, {"action": "edit", "field": "strength", "value": "correlational",
                          "claim": {**claim_fields(third), "strength": "correlational"}}),
             line(fourth, {"action": "edit", "field": "direction", "value": "mixed",
                           "claim": {**claim_fields(fourth), "direction": "mixed"}}),
             {"id": "p-r1", "record": "r1", "text": text, "correction": {"target": "new-1", "action": "add",
                                                                         "claim": {"factor": "housing", "outcome": "recovery"}}},
             {"id": "p-r1", "record": "r1", "text": text, "correction": {"target": "c0", "action": "accept"}}]
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    rows, counts = correction_rows(extractor, [path])
    assert counts == {"corrections": 6, "used": 4, "right": 2, "no_stored_claim": 1, "added": 1, "not_predicted": 0}
    assert [right for _, _, right, _ in rows] == [True, False, True, False]  # accept, reject, strength edit, direction edit
    model_dir = tmp_path / trained_model.name
    shutil.copytree(trained_model, model_dir)
    summary = fit_directory(model_dir, [TITLE_DEV], extra=[path], extra_model=trained_model)
    assert summary["cv"]["fast"]["corrections"]["used"] == 4 and str(path) in summary["trained_on"]
