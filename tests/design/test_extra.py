"""``train_from_config(path, {"data.extra": [...]})``: project-exported hand labels join the
*train* data only (never test); duplicates of test texts are dropped. Tiny illustrative data."""

import csv
import json

import pytest

from socialrecovery_nlp.design.data import read_extra
from socialrecovery_nlp.design.train import TrainingData, load_config, train_from_config
from socialrecovery_nlp.errors import SrnlpError

RECORDS = [  # (record_id, title, abstract, label) -- illustrative sentences, not data
    ("1", "Peer support trial", "Participants were randomly assigned to peer support or usual care.", "rct"),
    ("2", "Group therapy trial", "A randomised controlled trial compared group therapy with a waitlist.", "rct"),
    ("3", "Housing trial", "Tenants were randomised to housing first or treatment as usual.", "rct"),
    ("4", "Carers' experiences", "Semi-structured interviews were analysed with thematic analysis.", "qualitative"),
    ("5", "Recovery narratives", "Focus groups with carers explored their experiences of recovery.", "qualitative"),
    ("6", "Peer workers' views", "We interviewed peer workers and coded transcripts thematically.", "qualitative"),
    ("7", "Nurses' attitudes", "A questionnaire survey of nurses was conducted at one time point.", "cross_sectional"),
    ("8", "National attitudes", "An online survey measured attitudes in a national sample.", "cross_sectional"),
    ("9", "Students' stigma", "Respondents completed a cross-sectional questionnaire once.", "cross_sectional"),
]
TEST_IDS = ["1", "4", "7"]


def write_project(root, extra_lines):
    (root / "training").mkdir()
    (root / "data" / "screening").mkdir(parents=True)
    (root / "annotations").mkdir()
    with open(root / "data" / "screening" / "tiny.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["record_id", "title", "abstract", "label_included"])
        for rid, title, abstract, _ in RECORDS:
            writer.writerow([rid, title, abstract, 0])
    with open(root / "annotations" / "design.jsonl", "w", encoding="utf-8") as handle:
        for rid, title, _, label in RECORDS:
            handle.write(json.dumps({"dataset": "tiny", "record_id": rid, "title": title, "label": label}) + "\n")
    split = {"test": [f"tiny:{r}" for r in TEST_IDS],
             "train": [f"tiny:{r}" for r, *_ in RECORDS if r not in TEST_IDS]}
    (root / "annotations" / "design_splits.json").write_text(json.dumps(split), encoding="utf-8")
    (root / "training" / "design.toml").write_text(
        '[model]\nname = "design"\nversion = "0.0.9"\n'
        '[data]\nscreening_dir = "data/screening"\nannotations = "annotations/design.jsonl"\n'
        'splits = "annotations/design_splits.json"\n'
        '[features]\nmin_df = 1\ncue_weight = 0.2\n[calibration]\nfolds = 2\n', encoding="utf-8")
    extra = root / "export" / "design.jsonl"
    extra.parent.mkdir()
    extra.write_text("".join(json.dumps(line) + "\n" for line in extra_lines), encoding="utf-8")
    return root / "training" / "design.toml", extra


def export_line(rid, title, abstract, label):
    """One line as ``active/export.py::export_training`` writes it for design."""
    return {"id": f"project-demo-{rid}", "text": f"{title}\n\n{abstract}", "labels": {"design": label},
            "provenance": {"source": "project demo", "record": rid, "annotator": "tester", "created": "2026-11-26"}}


EXTRA = [
    export_line(101, "Befriending trial", "Volunteers were randomly allocated to befriending or control.", "rct"),
    export_line(102, "Clubhouse members", "Members took part in in-depth interviews analysed thematically.", "qualitative"),
    export_line(103, "Carers' stress", "A cross-sectional survey of carers was completed once.", "cross_sectional"),
    export_line(104, RECORDS[0][1], RECORDS[0][2], "rct"),          # the text of a test record
    export_line(105, RECORDS[1][1], RECORDS[1][2], "quasi_experimental"),  # repeats a train record
    export_line(106, "Another title", RECORDS[3][2], "qualitative"),  # a test record's abstract, new title
]


def test_extra_records_join_train_only(tmp_path):
    config_path, extra = write_project(tmp_path, EXTRA)
    base = TrainingData(load_config(config_path), tmp_path)
    data = TrainingData(load_config(config_path, {"data.extra": [str(extra)]}), tmp_path)
    assert data.test == base.test == [f"tiny:{r}" for r in TEST_IDS]
    added = [u for u in data.train if u not in base.train]
    assert added == [f"extra:design:project-demo-{r}" for r in (101, 102, 103)]
    assert [data.gold[u] for u in added] == ["rct", "qualitative", "cross_sectional"]
    assert data.gold["tiny:2"] == "rct"  # curated label wins over the repeated text
    assert data.extra_stats == {"files": 1, "read": 6, "added": 3, "dropped_test_text": 2, "skipped_duplicate": 1}
    assert data.abstracts[added[0]].title == "Befriending trial"
    assert not {a.uid for a in data.weak_pool} & (set(data.gold) | set(data.test))
    # a relative path is read relative to the checkout root
    rel = TrainingData(load_config(config_path, {"data.extra": ["export/design.jsonl"]}), tmp_path)
    assert rel.train == data.train


def test_train_from_config_with_extra(tmp_path):
    config_path, extra = write_project(tmp_path, EXTRA)
    model_dir = train_from_config(config_path, {"data.extra": [str(extra)],
                                                "output.models_root": str(tmp_path / "models")})
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    assert meta["training"]["gold_train"] == 9 and meta["training"]["extra"]["added"] == 3
    assert meta["metrics"]["n"] == 3
    assert any(key.endswith("design.jsonl") and "export" in key for key in meta["data_hashes"])


def test_bad_extra_lines_are_refused(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "text": "A title\n\nAn abstract.", "labels": {"design": "rctx"}}) + "\n")
    with pytest.raises(SrnlpError) as err:
        read_extra(bad)
    assert err.value.code == "E303"
    with pytest.raises(SrnlpError) as err:
        read_extra(tmp_path / "missing.jsonl")
    assert err.value.code == "E304"
