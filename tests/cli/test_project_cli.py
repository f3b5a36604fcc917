"""`srnlp project ...` and `srnlp annotate` through typer's CliRunner."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from socialrecovery_nlp.cli.app import app

runner = CliRunner()
SEP = Path(__file__).resolve().parents[2] / "data" / "screening" / "synergy_Sep_2021.csv"


@pytest.fixture
def batches(tmp_path):
    from socialrecovery_nlp.active.labelled_csv import read_labelled_csv
    from socialrecovery_nlp.corpus import write_records

    recs = read_labelled_csv(SEP)
    for r in recs:
        r.label_included = None
    b1, b2 = tmp_path / "b1.ris", tmp_path / "b2.ris"
    write_records(recs[:40], b1, "ris")
    write_records(recs[30:70], b2, "ris")
    return b1, b2


def test_new_add_annotate_train_status_export(tmp_path, batches, monkeypatch):
    monkeypatch.setenv("SRNLP_PROJECT_DIR", str(tmp_path))
    res = runner.invoke(app, ["project", "new", "rev", "--from", str(batches[0])])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "rev.sqlite").exists() and "40 added" in res.output
    res = runner.invoke(app, ["project", "add", "rev", str(batches[1])])
    assert res.exit_code == 0 and "30 added, 10 duplicates" in res.output
    res = runner.invoke(app, ["annotate", "rev", "--annotator", "me"], input="ynnynnn q")
    assert res.exit_code == 0, res.output
    assert res.output.count("saved ") == 7
    res = runner.invoke(app, ["project", "train", "rev", "--screening-only"])
    assert res.exit_code == 0 and "screening@1" in res.output, res.output
    res = runner.invoke(app, ["project", "status", "rev", "--json"])
    status = json.loads(res.output)
    assert status["screened"] == 7 and status["labels"]["relevant"] == 2 and status["records"] == 70
    assert status["models"] == ["screening@1"] and status["advice"]
    res = runner.invoke(app, ["project", "status", str(tmp_path / "rev.sqlite")])
    assert "advice:" in res.output and "estimated recall" in res.output
    for name in ("labels.csv", "labels.jsonl", "labels.ris"):
        res = runner.invoke(app, ["project", "export", "rev", "-o", str(tmp_path / name)])
        assert res.exit_code == 0 and "70 records" in res.output
    assert "relevance" in (tmp_path / "labels.csv").read_text().splitlines()[0]
    res = runner.invoke(app, ["project", "export", "rev", "--what", "evidence", "-o", str(tmp_path / "ev.csv")])
    assert "2 relevant records" in res.output


def test_errors_go_to_stderr_with_exit_code(tmp_path, batches):
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not sqlite" * 200)
    res = runner.invoke(app, ["project", "status", str(bad)])
    assert res.exit_code == 2 and "E501" in res.output
    res = runner.invoke(app, ["project", "status", str(tmp_path / "none.sqlite")])
    assert res.exit_code == 2 and "E500" in res.output
    garbage = tmp_path / "garbage.nbib"
    garbage.write_bytes(b"\x00\xff" * 300)
    res = runner.invoke(app, ["project", "new", str(tmp_path / "x.sqlite"), "--from", str(garbage)])
    assert res.exit_code == 2 and "E510" in res.output
    assert not (tmp_path / "x.sqlite").exists()
