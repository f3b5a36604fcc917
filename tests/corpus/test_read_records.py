from __future__ import annotations

import pytest

from socialrecovery_nlp.corpus import ReadReport, read_records
from socialrecovery_nlp.errors import SrnlpError

from .conftest import FIXTURES


def test_report_counts_and_summary():
    report = ReadReport()
    paths = [FIXTURES / "zotero.ris", FIXTURES / "pubmed.nbib", FIXTURES / "garbage.bin"]
    records = list(read_records(paths, report=report))
    assert report.records == len(records) == 5
    assert [f.format for f in report.files] == ["ris", "medline", None]
    assert len(report.failed) == 1
    summary = report.summary()
    assert "zotero.ris: 2 records (ris)" in summary and "FAILED [E104]" in summary
    assert summary.splitlines()[-1].startswith("total: 5 records from 2 of 3 inputs")
    assert report.to_dict()["files"][2]["error_code"] == "E104"


def test_duplicates_across_files_are_reported_not_dropped():
    report = ReadReport()
    records = list(read_records([FIXTURES / "pubmed.nbib", FIXTURES / "ovid.ris", FIXTURES / "zotero.ris",
                                 FIXTURES / "asreview.csv"], report=report))
    assert len(records) == 3 + 2 + 2 + 4
    reasons = {(d.record, d.reason) for d in report.duplicates}
    assert ("ovid.ris:10051933", "same DOI") not in reasons
    assert {d.reason for d in report.duplicates} == {"same PMID", "same DOI"}
    dup = [r for r in records if "duplicate_of" in r.extra]
    assert len(dup) == len(report.duplicates) == 4
    assert all(any(w.startswith("[W107]") for w in r.warnings) for r in dup)


def test_colliding_ids_are_renamed_with_w111():
    report = ReadReport()
    records = list(read_records([FIXTURES / "asreview.csv", FIXTURES / "custom_columns.csv"], report=report,
                                column_map={"id": "Ref", "title": "Headline", "abstract": "Summary"}))
    ids = [r.id for r in records]
    assert len(set(ids)) == len(ids)
    assert "custom_columns:0" in ids
    renamed = records[ids.index("custom_columns:0")]
    assert any(w.startswith("[W111]") for w in renamed.warnings)


def test_argument_errors_are_raised_at_once():
    with pytest.raises(SrnlpError) as info:
        read_records(FIXTURES / "zotero.ris", input_format="endnote-xml")
    assert info.value.code == "E107"
    with pytest.raises(SrnlpError) as info:
        read_records(FIXTURES / "zotero.ris", column_map={"headline": "Title"})
    assert info.value.code == "E108"


def test_forced_format_and_aliases():
    records = list(read_records(FIXTURES / "pubmed.nbib", input_format="nbib"))
    assert len(records) == 3


def test_streaming_is_lazy():
    iterator = read_records([FIXTURES / "zotero.ris", FIXTURES / "does-not-exist.ris"])
    first = next(iterator)
    assert first.title.startswith("Joint crisis plans")


def test_options_switch_checks_off():
    records = list(read_records(FIXTURES / "non_english.ris", check_language=False, dedup=False))
    assert all(r.language is None and r.warnings == [] for r in records)


def test_mapped_column_missing_from_one_file_warns_w113():
    report = ReadReport()
    records = list(read_records(FIXTURES / "asreview.csv", column_map={"title": "Headline"}, report=report))
    assert len(records) == 4
    assert any(m.startswith("[W113]") and "'Headline'" in m for m in report.files[0].messages)
