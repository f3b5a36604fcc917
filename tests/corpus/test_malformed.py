"""Bad input: a clear message naming file and line, and every other record still read."""

from __future__ import annotations

import pytest

from socialrecovery_nlp.corpus import ReadReport, read_records
from socialrecovery_nlp.errors import SrnlpError

from .conftest import FIXTURES, read


def messages(records, report):
    return [w for r in records for w in r.warnings] + [m for f in report.files for m in f.messages]


def test_truncated_ris_keeps_the_cut_record_with_w109():
    records, _ = read("truncated.ris")
    assert len(records) == 3
    expected = f"[W109] {FIXTURES / 'truncated.ris'}:15: record is not closed by ER (truncated file?); kept as read."
    assert records[2].warnings == [expected]
    assert records[0].warnings == [] and records[1].warnings == []


def test_missing_ty_and_er():
    records, _ = read("missing_ty_er.ris")
    assert [r.title[:14] for r in records] == ["Joint crisis p", "Emotional Reac", "Sniffing aroun", "Day hospital M"]
    assert any(w.startswith("[W110]") and "missing_ty_er.ris:8:" in w for w in records[1].warnings)
    assert any(w.startswith("[W109]") and "missing_ty_er.ris:14:" in w for w in records[2].warnings)
    assert records[3].warnings == []


@pytest.mark.parametrize(("name", "encoding"), [("latin1.ris", "cp1252"), ("cp1252.ris", "cp1252")])
def test_8bit_files_are_decoded_with_w106(name, encoding):
    records, report = read(name)
    assert report.files[0].encoding == encoding
    assert records[0].title.startswith("Adaptation de la thérapie comportementale dialectique")
    assert any(m.startswith("[W106]") and name in m for m in report.files[0].messages)


def test_cp1252_typographic_apostrophe():
    records, _ = read("cp1252.ris")
    assert "’" in records[0].title + records[0].abstract


def test_utf16_with_bom():
    records, report = read("utf16_bom.ris")
    assert report.files[0].encoding == "utf-16" and len(records) == 2
    assert records[0].title.startswith("Adaptation de la thérapie")
    assert not any(m.startswith("[W106]") for m in report.files[0].messages)


def test_mixed_encodings_utf8_with_stray_cp1252():
    records, report = read("mixed_encoding.ris")
    assert [r.title[:20] for r in records] == ["Joint crisis plans f", "Adaptation de la thé", "Ünïcödé title kept a"]
    assert any("[W106]" in m and "read as cp1252" in m for m in report.files[0].messages)


def test_html_and_empty_abstracts():
    records, _ = read("html_abstracts.ris")
    first, empty, third = records
    assert first.abstract.startswith("Background: A primary goal") and "<b>" not in first.abstract
    assert "p < 0.001)" in first.abstract  # a real "<" is not markup
    assert any(w.startswith("[W104]") and "html_abstracts.ris:1:" in w and "abstract" in w for w in first.warnings)
    assert empty.abstract == "" and any(w.startswith("[W103]") and ":8:" in w for w in empty.warnings)
    assert third.title == "Mentalization-based treatment & self-harm"
    assert {w[:6] for w in third.warnings} == {"[W104]"} and len(third.warnings) == 2


def test_non_english_record_is_flagged():
    records, _ = read("non_english.ris")
    assert records[0].language == "fr" and records[1].language == "en"
    expected = f"[W105] {FIXTURES / 'non_english.ris'}:1: record looks French, not English; predictions are unreliable."
    assert records[0].warnings == [expected]
    assert records[1].warnings == []


def test_bad_csv_value_is_warned_and_row_kept():
    records, _ = read("bad_values.csv")
    assert len(records) == 4 and records[1].year is None
    expected = f"[W108] {FIXTURES / 'bad_values.csv'}:3: year value 'in press' is not valid; ignored."
    assert records[1].warnings == [expected]


def test_bad_jsonl_lines_are_skipped_with_line_numbers():
    records, report = read("bad_lines.jsonl")
    assert [r.id for r in records] == ["a", "c"]
    skipped = [m for m in report.files[0].messages if m.startswith("[W101]")]
    assert [m.split(":")[1] for m in skipped] == ["2", "3", "4"]
    assert "not valid JSON" in skipped[0] and "'authors' must be a list" in skipped[2]
    assert report.skipped == 3


def test_broken_bibtex_entry_is_skipped():
    records, report = read("broken.bib")
    assert [r.id for r in records] == ["pmid10051933", "pmid10066996"]
    (message,) = report.files[0].messages
    assert message.startswith(f"[W101] {FIXTURES / 'broken.bib'}:11: BibTeX entry cannot be parsed")


def test_truncated_xml_keeps_the_articles_before_the_break():
    records, report = read("truncated.xml")
    assert len(records) == 2
    (message,) = report.files[0].messages
    assert message.startswith(f"[W112] {FIXTURES / 'truncated.xml'}:") and "the rest of the file" in message


@pytest.mark.parametrize(
    ("name", "code", "words"),
    [
        ("garbage.bin", "E104", "binary data"),
        ("garbage.ris", "E104", "binary data"),
        ("empty.ris", "E104", "empty"),
        ("unknown.dat", "E103", "cannot tell the format"),
        ("no_title_column.csv", "E106", "'name', 'colour'"),
        ("does_not_exist.ris", "E101", "not found"),
    ],
)
def test_unreadable_inputs_fail_alone(name, code, words):
    report = ReadReport()
    records = list(read_records([FIXTURES / name, FIXTURES / "zotero.ris"], report=report))
    assert len(records) == 2  # the good file is still read
    bad = report.files[0]
    assert bad.error_code == code and words in bad.error and str(FIXTURES / name) in bad.error
    assert not report.files[1].failed


def test_directory_input(tmp_path):
    report = ReadReport()
    records = list(read_records([tmp_path, FIXTURES / "zotero.ris"], report=report))
    assert len(records) == 2 and report.files[0].error_code == "E102"


def test_e105_only_when_nothing_was_read():
    report = ReadReport()
    with pytest.raises(SrnlpError) as info:
        list(read_records([FIXTURES / "garbage.bin", FIXTURES / "empty.ris"], report=report))
    assert info.value.code == "E105"
    assert [f.error_code for f in report.files] == ["E104", "E104"]
