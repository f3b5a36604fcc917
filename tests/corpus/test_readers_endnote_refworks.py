"""EndNote XML and RefWorks tagged exports: fields, layout variants, and bad input."""

from __future__ import annotations

from socialrecovery_nlp.corpus import detect_format

from .conftest import EXAMPLES, read

CLONIDINE = "The effectiveness of clonidine as an analgesic in paediatric adenotonsillectomy."

# Zotero's EndNote XML export puts text directly in the elements (no <style> runs).
ZOTERO_ENDNOTE = """<?xml version="1.0" encoding="UTF-8"?>
<xml>
  <records>
    <record>
      <rec-number>7</rec-number>
      <ref-type name="Journal Article">17</ref-type>
      <contributors><authors><author>Mancini, Michael A.</author></authors></contributors>
      <titles><title>The role of <i>self-efficacy</i> in recovery</title>
        <secondary-title>Psychiatric Rehabilitation Journal</secondary-title></titles>
      <dates><year>2007</year></dates>
      <electronic-resource-num>https://doi.org/10.2975/30.3.2007.223.230</electronic-resource-num>
      <accession-num>WOS:000245</accession-num>
      <abstract>Qualitative interviews with 15 people.</abstract>
    </record>
    <record>
      <rec-number>8</rec-number>
      <titles><title>Second record</title></titles>
      <abstract>Another abstract.</abstract>
    </record>
  </records>
</xml>
"""


def test_endnote_xml_example_fields():
    path = EXAMPLES / "sample_endnote.xml"
    assert detect_format(path) == "endnote_xml"
    records, report = read(path)
    assert len(records) == 15 and not report.failed
    first = records[0]
    assert first.title == CLONIDINE
    assert first.authors[:2] == ["Reimer, E J", "Dunn, G S"]
    assert first.pmid == "10051933" and first.id == "1"
    assert first.abstract.startswith("To compare the analgesic effects")
    assert first.keywords[0] == "Acetaminophen"
    assert first.extra["type_of_reference"] == "Journal Article"
    last = records[-1]  # an Oud record: year and DOI, no PMID
    assert last.year == 2015 and last.doi == "10.1097/pra.0000000000000086" and last.pmid is None


def test_endnote_xml_zotero_layout_inline_markup_and_doi_url(tmp_path):
    path = tmp_path / "zotero_export.xml"
    path.write_text(ZOTERO_ENDNOTE, encoding="utf-8")
    assert detect_format(path) == "endnote_xml"
    records, _ = read(path)
    assert [r.id for r in records] == ["7", "8"]
    first = records[0]
    assert first.title == "The role of self-efficacy in recovery"
    assert first.journal == "Psychiatric Rehabilitation Journal"
    assert first.year == 2007 and first.doi == "10.2975/30.3.2007.223.230"
    assert first.pmid is None and first.extra["accession_num"] == "WOS:000245"


def test_endnote_xml_truncated_keeps_earlier_records(tmp_path):
    path = tmp_path / "cut.xml"
    text = ZOTERO_ENDNOTE
    path.write_text(text[: text.index("<rec-number>8")], encoding="utf-8")
    records, report = read(path)
    assert [r.id for r in records] == ["7"]
    assert any("W112" in m for m in report.files[0].messages)


def test_refworks_example_fields():
    path = EXAMPLES / "sample_refworks.txt"
    assert detect_format(path) == "refworks"
    records, report = read(path)
    assert len(records) == 15 and not report.failed
    first = records[0]
    assert first.id == "cohen-1" and first.title == CLONIDINE
    assert first.authors[0] == "Reimer, E J" and first.pmid == "10051933"
    assert first.keywords[:2] == ["Acetaminophen", "Adenoidectomy"]
    assert records[-1].id == "oud-4" and records[-1].year == 2015 and records[-1].doi.startswith("10.1097/")


def test_refworks_continuation_and_stray_lines(tmp_path):
    path = tmp_path / "refworks.txt"
    path.write_text(
        "T1 a tag before any record\n\n"
        "RT Journal Article\nA1 Tew, Jerry\nA1 Ramon, Shulamit\nT1 Social factors and recovery\n"
        "JF British Journal of Social Work\nFD 2012/01\nAB First line of the abstract\n"
        "second line of the abstract\nDO 10.1093/bjsw/bcr076\n\n"
        "RT Book, Whole\nT1 A book\nYR 1999\n",
        encoding="utf-8",
    )
    assert detect_format(path) == "refworks"
    records, report = read(path)
    assert len(records) == 2
    first, second = records
    assert first.authors == ["Tew, Jerry", "Ramon, Shulamit"]
    assert first.abstract == "First line of the abstract second line of the abstract"
    assert first.year == 2012 and first.journal == "British Journal of Social Work"
    assert first.doi == "10.1093/bjsw/bcr076"
    assert second.extra["type_of_reference"] == "Book, Whole" and second.year == 1999
    assert any("W114" in m and ":1:" in m for m in report.files[0].messages)



def test_refworks_wrapped_line_that_looks_like_a_tag_stays_text(tmp_path):
    path = tmp_path / "wrapped.txt"
    path.write_bytes(
        "\ufeffRT Journal Article\r\nT1 Loneliness and recovery\r\nAB First line of the abstract\r\n"
        "US adults were sampled twice\r\nAB\r\nK1 loneliness\r\n".encode("utf-8")
    )
    records, _ = read(path)
    assert len(records) == 1
    record = records[0]
    assert record.abstract == "First line of the abstract US adults were sampled twice"
    assert "US" not in record.extra
    assert record.keywords == ["loneliness"]


def test_endnote_unnamed_database_number_is_not_a_pmid(tmp_path):
    path = tmp_path / "embase.xml"
    path.write_text(
        "<xml><records><record><rec-number>1</rec-number><titles><title>A title</title></titles>"
        "<accession-num>620123456</accession-num></record></records></xml>",
        encoding="utf-8",
    )
    records, _ = read(path)
    assert records[0].pmid is None and records[0].extra["accession_num"] == "620123456"
