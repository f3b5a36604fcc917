"""`srnlp analyze` end to end: every example format, malformed inputs, exit codes, output formats."""

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from socialrecovery_nlp.cli.app import app
from socialrecovery_nlp.output import schema_errors

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures" / "corpus"
runner = CliRunner()

# Only the cue matcher: fast, and independent of which trained models are shipped.
FAST = ["--components", "cues", "--quiet"]


def _analyze(tmp_path, *inputs, extra=()):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["analyze", *map(str, inputs), "-o", str(out), *FAST, *extra])
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    return result, lines


@pytest.mark.parametrize("name", [
    "batch.ris", "batch.csv", "sample.nbib", "sample_pubmed.xml", "sample.bib", "sample.jsonl",
    "sample_endnote.xml", "sample_refworks.txt",
    "fulltext/tew2011_review.md", "fulltext/tew2011_review.jats.xml",
])
def test_every_example_format_gives_schema_valid_jsonl(tmp_path, name):
    result, lines = _analyze(tmp_path, EXAMPLES / name)
    assert result.exit_code == 0, result.output
    assert lines
    for line in lines:
        assert schema_errors(line) == [], (line["id"], schema_errors(line))
        assert line["source"]["file"].endswith(Path(name).name)


def test_offsets_index_title_blank_line_abstract(tmp_path):
    from socialrecovery_nlp.corpus import read_records

    records = {r.id: r for r in read_records([EXAMPLES / "sample.nbib"])}
    _, lines = _analyze(tmp_path, EXAMPLES / "sample.nbib")
    checked = 0
    for line in lines:
        text = records[line["id"]].text
        assert line["text_length"] == len(text)
        for match in line["matches"]:
            assert text[match["start"]:match["end"]] == match["text"]
            checked += 1
    assert checked


@pytest.mark.parametrize("fixture", [
    "truncated.ris", "missing_ty_er.ris", "latin1.ris", "utf16_bom.ris", "mixed_encoding.ris",
    "html_abstracts.ris", "non_english.ris", "truncated.xml", "bad_lines.jsonl", "broken.bib",
])
def test_malformed_input_is_read_as_far_as_possible(tmp_path, fixture):
    result, lines = _analyze(tmp_path, FIXTURES / fixture)
    assert result.exit_code == 0, result.output
    assert lines, result.output
    assert all(schema_errors(line) == [] for line in lines)


def test_bad_inputs_do_not_stop_good_ones(tmp_path):
    result, lines = _analyze(tmp_path, FIXTURES / "garbage.bin", tmp_path / "missing.ris", tmp_path,
                             EXAMPLES / "sample.nbib")
    assert result.exit_code == 0
    assert len(lines) == 10
    for code in ("E101", "E102", "E104"):
        assert code in result.output
    assert "missing.ris" in result.output


@pytest.mark.parametrize("inputs", [["garbage.bin"], ["empty.ris"], ["unknown.dat"]])
def test_nothing_readable_exits_non_zero_with_a_clear_message(tmp_path, inputs):
    result, lines = _analyze(tmp_path, *[FIXTURES / name for name in inputs])
    assert result.exit_code == 1
    assert "[E105]" in result.output
    assert lines == []


def test_missing_file_and_directory_exit_non_zero(tmp_path):
    result, _ = _analyze(tmp_path, tmp_path / "nope.ris")
    assert result.exit_code == 1 and "[E101]" in result.output and "nope.ris" in result.output
    result, _ = _analyze(tmp_path, tmp_path)
    assert result.exit_code == 1 and "[E102]" in result.output


def test_duplicates_are_reported_not_dropped(tmp_path):
    result, lines = _analyze(tmp_path, EXAMPLES / "batch.ris", EXAMPLES / "batch.csv")
    assert result.exit_code == 0
    assert len(lines) == 500
    assert "250 duplicates" in result.output
    assert sum(any("[W107]" in w for w in line["warnings"]) for line in lines) == 250


def test_summary_names_records_warnings_duplicates_and_seconds(tmp_path):
    result, _ = _analyze(tmp_path, EXAMPLES / "batch.ris")
    assert "analysed 250 records in" in result.output
    assert "with warnings" in result.output and "duplicates" in result.output


@pytest.mark.parametrize("fmt, suffix", [("csv", ".csv"), ("ris", ".ris"), ("asreview", ".csv"), ("parquet", ".parquet")])
def test_other_output_formats(tmp_path, fmt, suffix):
    out = tmp_path / f"out{suffix}"
    result = runner.invoke(app, ["analyze", str(EXAMPLES / "sample.nbib"), "-o", str(out), "--format", fmt, *FAST])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0
    if fmt == "asreview":
        with out.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == 10 and {"record_id", "title", "abstract", "label_included"} <= set(rows[0])
    if fmt == "ris":
        from socialrecovery_nlp.corpus import read_records

        back = list(read_records([out]))
        assert len(back) == 10 and all(r.title for r in back)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert pq.read_table(out).num_rows == 10


def test_unknown_output_format_is_an_error(tmp_path):
    result = runner.invoke(app, ["analyze", str(EXAMPLES / "sample.nbib"), "-o", str(tmp_path / "x.out"),
                                 "--format", "xml", *FAST])
    assert result.exit_code != 0


def test_worker_processes_give_the_same_results_in_the_same_order(tmp_path):
    one, lines_one = _analyze(tmp_path, EXAMPLES / "sample.nbib")
    out = tmp_path / "two.jsonl"
    two = runner.invoke(app, ["analyze", str(EXAMPLES / "sample.nbib"), "-o", str(out), *FAST,
                              "--n-process", "2", "--batch-size", "3"])
    assert one.exit_code == 0 and two.exit_code == 0, two.output
    lines_two = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines_two == lines_one


def test_unknown_component_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["analyze", str(EXAMPLES / "sample.jsonl"), "-o", str(tmp_path / "o.jsonl"),
                                 "--components", "cues,none", "--quiet"])
    assert result.exit_code == 2
    assert "E006" in result.output and "none" in result.output
