"""`srnlp claims` end to end: evidence CSV, --all, --html."""

import csv
import json
import re

import pytest
from typer.testing import CliRunner

from socialrecovery_nlp.cli.app import app

runner = CliRunner()

# The review's own sentences (Tew et al. 2011) as two records.
ROWS = [
    {"record_id": "a", "title": "Stigma and recovery",
     "abstract": "The internalisation of stigma within one's self-identity has been shown to act as a barrier to "
                 "recovery through undermining self-esteem and hope (Link et al., 2001; Yanos et al., 2008)."},
    {"record_id": "b", "title": "Relationships",
     "abstract": "Across a range of studies, this has been shown to greatly increase the likelihood of relapse "
                 "(Hooley, 2007). This search was run in twelve bibliographic databases."},
]


def test_claims_command_writes_evidence_table(tmp_path, trained_model, monkeypatch):
    monkeypatch.setenv("SRNLP_MODELS_DIR", str(trained_model.parent))
    source = tmp_path / "in.csv"
    with open(source, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(ROWS[0]))
        writer.writeheader()
        writer.writerows(ROWS)
    out, page = tmp_path / "evidence.csv", tmp_path / "claims.html"
    result = runner.invoke(app, ["claims", str(source), "-o", str(out), "--html", str(page), "--all",
                                 "--components", "claims"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["record_id"] for r in rows} == {"a", "b"}
    stigma = [r for r in rows if r["record_id"] == "a" and r["outcome"] == "recovery"]
    assert stigma and stigma[0]["direction"] == "hinders" and "Link et al. 2001" in stigma[0]["citations"]
    assert any(r["outcome"] == "relapse" and r["direction"] == "hinders" for r in rows)
    html = page.read_text(encoding="utf-8")
    assert "FACTOR" in html and "OUTCOME" in html

    default_out = tmp_path / "social.csv"
    result = runner.invoke(app, ["claims", str(source), "-o", str(default_out), "--components", "claims"])
    assert result.exit_code == 0, result.output
    social = list(csv.DictReader(default_out.open(encoding="utf-8")))
    assert all(r["social"] == "True" for r in social)
    assert len(social) <= len(rows)


# --- review-15 finding 9 and 10: output folders, usage errors, column hint, HTML = CSV selection -----------------
FILTER_ROWS = ROWS + [
    {"record_id": "c", "title": "Medication", "abstract": "Clozapine reduced relapse in the trial."},
]


def _write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _no_load(monkeypatch):
    """Fail the test if the pipeline is loaded (the command must stop before any analysis)."""
    import socialrecovery_nlp.pipeline.language as language

    def boom(*args, **kwargs):
        raise AssertionError("the pipeline was loaded")

    monkeypatch.setattr(language, "load", boom)


def test_claims_creates_missing_output_folders(tmp_path, trained_model, monkeypatch):
    monkeypatch.setenv("SRNLP_MODELS_DIR", str(trained_model.parent))
    source = _write_csv(tmp_path / "in.csv", ROWS)
    out, page = tmp_path / "new" / "deep" / "evidence.csv", tmp_path / "other" / "claims.html"
    result = runner.invoke(app, ["claims", str(source), "-o", str(out), "--html", str(page), "--all",
                                 "--components", "claims"])
    assert result.exit_code == 0, result.output
    assert out.is_file() and page.is_file()


@pytest.mark.parametrize("option", ["-o", "--html"])
def test_claims_unwritable_output_fails_before_the_analysis(tmp_path, monkeypatch, option):
    _no_load(monkeypatch)
    source = _write_csv(tmp_path / "in.csv", ROWS)
    blocker = tmp_path / "a_file"
    blocker.write_text("x", encoding="utf-8")
    bad = blocker / "sub" / "out.csv"
    args = ["-o", str(bad)] if option == "-o" else ["-o", str(tmp_path / "ok.csv"), "--html", str(bad)]
    result = runner.invoke(app, ["claims", str(source), *args])
    assert result.exit_code == 2, result.output
    assert "is a file, not a folder" in result.output and "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)
    assert not (tmp_path / "ok.csv").exists()


def test_claims_output_that_is_a_folder_fails_early(tmp_path, monkeypatch):
    _no_load(monkeypatch)
    source = _write_csv(tmp_path / "in.csv", ROWS)
    result = runner.invoke(app, ["claims", str(source), "-o", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert "is a folder" in result.output


def test_claims_unknown_component_is_a_clean_usage_error(tmp_path):
    source = _write_csv(tmp_path / "in.csv", ROWS)
    result = runner.invoke(app, ["claims", str(source), "-o", str(tmp_path / "e.csv"), "--components", "foo"])
    assert result.exit_code == 2, result.output  # as `srnlp analyze`
    assert "[E006]" in result.output and "foo" in result.output
    assert isinstance(result.exception, SystemExit)  # no SrnlpError traceback
    assert not (tmp_path / "e.csv").exists()


def test_claims_failed_run_leaves_no_empty_output_folders(tmp_path):
    source = _write_csv(tmp_path / "in.csv", ROWS)
    out, page = tmp_path / "new" / "deep" / "e.csv", tmp_path / "new" / "html" / "r.html"
    result = runner.invoke(app, ["claims", str(source), "-o", str(out), "--html", str(page), "--components", "foo"])
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "new").exists()  # every folder the run created is removed again


def test_claims_failed_html_path_removes_the_csv_folder_it_created(tmp_path, monkeypatch):
    _no_load(monkeypatch)
    source = _write_csv(tmp_path / "in.csv", ROWS)
    blocker = tmp_path / "a_file"
    blocker.write_text("x", encoding="utf-8")
    kept = tmp_path / "kept"
    kept.mkdir()
    result = runner.invoke(app, ["claims", str(source), "-o", str(kept / "new" / "e.csv"), "--html",
                                 str(blocker / "r.html")])
    assert result.exit_code == 2, result.output
    assert kept.is_dir() and not (kept / "new").exists()  # a folder that existed before stays


def test_claims_failed_write_leaves_no_empty_output_folders(tmp_path, trained_model, monkeypatch):
    monkeypatch.setenv("SRNLP_MODELS_DIR", str(trained_model.parent))
    import socialrecovery_nlp.claims.evidence as evidence

    def broken(rows, path):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(evidence, "write_csv", broken)
    source = _write_csv(tmp_path / "in.csv", ROWS)
    result = runner.invoke(app, ["claims", str(source), "-o", str(tmp_path / "new" / "e.csv"), "--components", "claims"])
    assert result.exit_code != 0
    assert not (tmp_path / "new").exists()


def test_claims_unknown_columns_say_how_to_fix_from_the_command_line(tmp_path, trained_model, monkeypatch):
    monkeypatch.setenv("SRNLP_MODELS_DIR", str(trained_model.parent))
    source = tmp_path / "odd.csv"
    source.write_text("Ref,Headline,Summary\n1,Peer support,Peer support reduced readmission.\n", encoding="utf-8")
    result = runner.invoke(app, ["claims", str(source), "-o", str(tmp_path / "e.csv"), "--components", "claims"])
    assert result.exit_code == 1, result.output  # nothing read: 1, as `srnlp analyze`
    assert "[E105]" in result.output
    assert "the command line has no column mapping" in result.output and "'title'" in result.output


def _html_records(page):
    """record id -> number of claims listed, from the HTML report."""
    text = page.read_text(encoding="utf-8")
    heads = [(m.start(), m.group(1).split()[0]) for m in re.finditer(r"<h2[^>]*>(.*?)</h2>", text)]
    counts = {}
    for i, (pos, record_id) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        counts[record_id] = text[pos:end].count("<li>")
    return counts


@pytest.mark.parametrize("extra", [[], ["--all"]])
def test_claims_html_shows_the_same_claims_as_the_csv(tmp_path, trained_model, monkeypatch, extra):
    monkeypatch.setenv("SRNLP_MODELS_DIR", str(trained_model.parent))
    source = _write_csv(tmp_path / "in.csv", FILTER_ROWS)
    out, page = tmp_path / "e.csv", tmp_path / "e.html"
    result = runner.invoke(app, ["claims", str(source), "-o", str(out), "--html", str(page), "--components",
                                 "claims", *extra])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    per_record = {}
    for row in rows:
        per_record[row["record_id"]] = per_record.get(row["record_id"], 0) + 1
    assert _html_records(page) == per_record
    if extra:  # the fixture data has claims the default filter drops
        assert any(r["social"] == "False" for r in rows)


def test_claims_html_escapes_record_text(tmp_path, trained_model, monkeypatch):
    monkeypatch.setenv("SRNLP_MODELS_DIR", str(trained_model.parent))
    source = tmp_path / "x.jsonl"
    source.write_text(json.dumps({
        "id": "h1\"><script>alert(0)</script>",
        "title": "Peer support <b>bold</b> & <script>alert(1)</script> readmission",
        "abstract": "Peer support reduced readmission (p < 0.05) <script>alert(2)</script>. "
                    "Stigma hindered recovery &lt;script&gt;alert(3)&lt;/script&gt; and hope.",
    }) + "\n", encoding="utf-8")
    page = tmp_path / "x.html"
    result = runner.invoke(app, ["claims", str(source), "-o", str(tmp_path / "x.csv"), "--html", str(page),
                                 "--all", "--components", "claims"])
    assert result.exit_code == 0, result.output
    text = page.read_text(encoding="utf-8")
    assert "<h2" in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<script" not in text.lower()
