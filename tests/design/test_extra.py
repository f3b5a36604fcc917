"""``train_from_config(path, {"data.extra": [...]})``: project-exported hand labels join the
*train* data only (never test); duplicates of test texts are dropped. Tiny illustrative data."""

import json

import pytest

from socialrecovery_nlp.design.data import read_extra
from socialrecovery_nlp.design.train import TrainingData, load_config, train_from_config
from socialrecovery_nlp.errors import SrnlpError


def export_line(rid, title, abstract, label):
    """One line as ``active/export.py::export_training`` writes it for design."""
    return {"id": f"project-demo-{rid}", "text": f"{title}\n\n{abstract}", "labels": {"design": label},
            "provenance": {"source": "project demo", "record": rid, "annotator": "tester", "created": "2026-11-26"}}


@pytest.fixture
def checkout(tmp_path, design_checkout):
    """The tiny checkout (tests/conftest.py) and an export with 3 new records, 2 test texts and a
    repeated train text; returns (config path, export path)."""
    records = design_checkout.records
    lines = [
        export_line(101, "Befriending trial", "Volunteers were randomly allocated to befriending or control.", "rct"),
        export_line(102, "Clubhouse members", "Members took part in in-depth interviews analysed thematically.",
                    "qualitative"),
        export_line(103, "Carers' stress", "A cross-sectional survey of carers was completed once.", "cross_sectional"),
        export_line(104, records[0][1], records[0][2], "rct"),  # the text of a test record
        export_line(105, records[1][1], records[1][2], "quasi_experimental"),  # repeats a train record
        export_line(106, "Another title", records[3][2], "qualitative"),  # a test record's abstract, new title
    ]
    config = design_checkout(tmp_path, features="min_df = 1\ncue_weight = 0.2\n")
    extra = tmp_path / "export" / "design.jsonl"
    extra.parent.mkdir()
    extra.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return config, extra


def test_extra_records_join_train_only(tmp_path, checkout, design_checkout):
    config_path, extra = checkout
    base = TrainingData(load_config(config_path), tmp_path)
    data = TrainingData(load_config(config_path, {"data.extra": [str(extra)]}), tmp_path)
    assert data.test == base.test == [f"tiny:{r}" for r in design_checkout.test_ids]
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


def test_train_from_config_with_extra(tmp_path, checkout):
    config_path, extra = checkout
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
