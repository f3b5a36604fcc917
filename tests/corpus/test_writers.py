"""Writers of analyze output. RESULTS below are illustrative output objects (made-up scores and
spans around a real title), used only to test the file formats; nothing is evaluated on them."""

from __future__ import annotations

import csv
import json

import pytest

from socialrecovery_nlp.corpus import Record, read_records, write_results
from socialrecovery_nlp.corpus.writers import format_for, with_record
from socialrecovery_nlp.corpus.writers._spool import Spool
from socialrecovery_nlp.errors import SrnlpError

PROCESSES = ["connectedness", "hope", "identity", "meaning", "empowerment"]
TITLE = "Joint crisis plans for people with borderline personality disorder"


def result(i: int, **extra):
    out = {
        "id": f"r{i}", "title": TITLE, "year": 2013, "doi": "10.1192/bjp.bp.112.117762", "pmid": None,
        "source": {"file": "batch.ris", "line": 1 + 9 * i}, "warnings": [],
        "processes": {p: (0.5 if p == "hope" else 0) for p in PROCESSES},
        "themes": {"social_inclusion": 0.81, "peer_organised_services": 0.1},
        "labels": {"processes": ["hope"], "themes": ["social_inclusion"]},
        "evidence": {"social_inclusion": [{"text": "crisis plans", "start": 6, "end": 18, "score": 0.7}]},
        "design": {"label": "rct", "score": 0.93, "evidence": [{"text": "randomised", "start": 0, "end": 10}]},
        "claims": [], "models": {"srnlp_themes": "themes@0.1.0"},
    }
    out.update(extra)
    return out


RESULTS = [result(0), result(1, abstract="Background ...", authors=["Tew, J", "Slade, M"], keywords=["recovery"])]


def test_jsonl(tmp_path):
    path = tmp_path / "out.jsonl"
    assert write_results(iter(RESULTS), path) == 2
    assert [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] == RESULTS


def test_csv_flattened(tmp_path):
    path = tmp_path / "out.csv"
    write_results(RESULTS, path)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    header = list(rows[0])
    assert header[:8] == ["id", "title", "year", "doi", "pmid", "source.file", "source.line", "warnings"]
    assert rows[0]["processes.hope"] == "0.5" and rows[0]["themes.social_inclusion"] == "0.81"
    assert rows[1]["authors"] == "Tew, J; Slade, M" and rows[0]["authors"] == ""
    assert rows[0]["labels.themes"] == "social_inclusion" and rows[0]["design.label"] == "rct"
    assert json.loads(rows[0]["evidence"])["social_inclusion"][0]["start"] == 6
    assert json.loads(rows[0]["design.evidence"])[0]["text"] == "randomised"
    assert rows[0]["models.srnlp_themes"] == "themes@0.1.0" and rows[0]["claims"] == "[]"


def test_spool_spills_to_disk_and_keeps_late_columns():
    spool = Spool(buffer=2).add_all([{"a": 1}, {"a": 2}, {"a": 3.5, "late": "x"}])
    assert spool.columns == {"a": float, "late": str}
    assert [row.get("late") for row in spool.rows()] == [None, None, "x"]


def test_parquet(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "out.parquet"
    write_results(RESULTS, path)
    table = pq.read_table(path)
    assert table.num_rows == 2
    assert str(table.schema.field("processes.hope").type) == "double"
    assert table.column("processes.connectedness").to_pylist() == [0.0, 0.0]
    assert table.column("labels.themes").to_pylist() == [["social_inclusion"], ["social_inclusion"]]
    assert table.column("source.line").to_pylist() == [1, 10]


def test_ris_labels_as_keywords_and_note(tmp_path):
    path = tmp_path / "out.ris"
    write_results(RESULTS, path)
    text = path.read_text(encoding="utf-8")
    assert "KW  - srnlp:theme:social_inclusion\n" in text and "KW  - srnlp:design:rct\n" in text
    assert "N1  - srnlp: processes: hope 0.50; themes: social_inclusion 0.81; design: rct 0.93; claims: 0" in text
    records = list(read_records(path))
    assert [r.id for r in records] == ["r0", "r1"]
    assert records[1].keywords == ["recovery", "srnlp:process:hope", "srnlp:theme:social_inclusion",
                                   "srnlp:design:rct"]
    assert records[1].authors == ["Tew, J", "Slade, M"] and records[1].abstract == "Background ..."


def test_ris_is_standard_for_other_tools(tmp_path):
    rispy = pytest.importorskip("rispy")
    path = tmp_path / "out.ris"
    write_results(RESULTS, path)
    with open(path, encoding="utf-8") as fh:
        entries = rispy.load(fh)
    assert [e["title"] for e in entries] == [TITLE, TITLE]
    assert "srnlp:theme:social_inclusion" in entries[0]["keywords"]
    assert entries[0]["notes"][0].startswith("srnlp: processes: hope")


def test_asreview_csv(tmp_path):
    path = tmp_path / "out.csv"
    record = Record(id="r0", title=TITLE, abstract="Background ...", label_included=1)
    write_results([with_record(RESULTS[0], record)], path, "asreview")
    with open(path, encoding="utf-8", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["record_id"] == "r0" and row["label_included"] == "1" and row["abstract"] == "Background ..."
    assert row["srnlp_processes"] == "hope" and row["srnlp_themes"] == "social_inclusion"
    assert row["srnlp_design"] == "rct" and row["srnlp_claims"] == "0"


def test_unknown_output_format():
    with pytest.raises(SrnlpError) as info:
        format_for("out.xlsx", None, ("jsonl", "csv"))
    assert info.value.code == "E005"
    assert format_for("out.parquet", None, ("parquet",)) == "parquet"
