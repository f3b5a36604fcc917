"""Each reader on a real-shaped export: the fields it must fill in."""

from __future__ import annotations

from socialrecovery_nlp.corpus import detect_format

from .conftest import EXAMPLES, read

CLONIDINE = "The effectiveness of clonidine as an analgesic in paediatric adenotonsillectomy."


def test_zotero_ris_crlf():
    records, report = read("zotero.ris")
    assert len(records) == 2 and not report.failed
    first = records[0]
    assert first.title.startswith("Joint crisis plans")
    assert first.abstract.startswith("Background People with borderline")
    assert first.year == 2013 and first.doi == "10.1192/bjp.bp.112.117762"
    assert first.id == first.doi and first.source_line == 1 and first.language == "en"
    assert records[1].source_line == 10


def test_endnote_ris_uses_t1_a1_n2_and_id():
    records, _ = read("endnote.ris")
    assert [r.id for r in records] == ["1", "2", "3"]
    assert records[0].title == CLONIDINE
    assert records[0].authors[:2] == ["Reimer, E J", "Dunn, G S"]
    assert records[0].abstract.startswith("To compare the analgesic effects")
    assert records[0].keywords[0] == "Acetaminophen"


def test_ovid_ris_accession_is_pmid_and_header_is_ignored():
    records, report = read("ovid.ris")
    assert [r.pmid for r in records] == ["10051933", "10066996"]
    assert report.files[0].messages == []


def test_scopus_ris_keeps_unknown_tags_in_extra():
    records, _ = read("scopus.ris")
    assert records[0].extra["notes"] == ["Export Date: 26 November 2026"]
    assert records[0].extra["name_of_database"] == "Scopus"


def test_medline():
    records, _ = read("pubmed.nbib")
    assert [r.pmid for r in records] == ["10051933", "10066996", "10072008"]
    first = records[0]
    assert first.id == "10051933" and first.title == CLONIDINE
    assert "  " not in first.abstract and first.abstract.endswith(".")
    assert first.authors[0] == "Reimer, E J"
    assert first.extra["mesh"][0] == "Acetaminophen" and first.extra["language_metadata"] == "eng"
    assert records[0].source_line == 1


def test_pubmed_xml_structured_abstract():
    records, _ = read("pubmed.xml")
    first = records[0]
    assert first.abstract.startswith("BACKGROUND: People with borderline personality disorder")
    assert " AIMS: " in first.abstract and " CONCLUSIONS: " in first.abstract
    assert first.pmid is None and first.id == "10.1192/bjp.bp.112.117762" and first.year == 2013
    assert records[1].pmid == "10051933" and records[1].authors[0] == "Reimer, E J"


def test_wos_tagged_continuation_lines():
    records, _ = read("wos_tagged.txt")
    assert records[0].title == CLONIDINE
    assert records[0].authors[:2] == ["Reimer, E J", "Dunn, G S"]
    assert records[0].pmid == "10051933" and records[0].keywords[0] == "Acetaminophen"


def test_wos_tab_delimited_utf16():
    records, report = read("wos_tab.txt")
    assert report.files[0].encoding == "utf-16"
    assert records[0].title.startswith("Joint crisis plans") and records[0].year == 2013


def test_asreview_csv():
    records, _ = read("asreview.csv")
    assert [r.id for r in records] == ["0", "1", "5", "9"]
    assert [r.label_included for r in records] == [0, 0, 0, 0]
    assert records[0].source_line == 2


def test_scopus_csv_with_bom():
    records, report = read("scopus.csv")
    assert report.files[0].encoding == "utf-8-sig"
    assert records[0].authors[:2] == ["Reimer, E J", "Dunn, G S"]
    assert records[0].pmid == "10051933" and records[0].keywords[:2] == ["Acetaminophen", "Adenoidectomy"]


def test_csv_column_map_and_semicolons():
    mapping = {"id": "Ref", "title": "Headline", "abstract": "Summary", "year": "Published"}
    records, _ = read("custom_columns.csv", column_map=mapping)
    assert [r.id for r in records] == ["0", "1"] and records[0].year == 2013
    assert records[0].abstract.startswith("Background")


def test_jsonl_records():
    records, _ = read("records.jsonl")
    assert [r.id for r in records] == ["oud-0", "oud-1"] and records[0].year == 2013


def test_bibtex():
    records, _ = read("refs.bib")
    assert records[0].id == "pmid10051933" and records[0].title == CLONIDINE
    assert records[0].authors[:2] == ["Reimer, E J", "Dunn, G S"]
    assert records[0].pmid == "10051933" and records[0].source_line == 1
    assert "sedation (63%) than" in records[0].abstract and "\\" not in records[0].abstract


def test_jats_full_text_sections():
    records, _ = read(EXAMPLES / "fulltext" / "tew2011_review.jats.xml")
    (record,) = records
    kinds = [s.kind for s in record.sections]
    assert kinds[:4] == ["front", "abstract", "introduction", "methods"] and kinds[-1] == "conclusions"
    assert record.text.startswith(record.title + "\n\n")
    for section, start, end in record.section_offsets():
        assert record.text[start:end] == section.text


def test_plain_text_full_text():
    records, _ = read(EXAMPLES / "fulltext" / "tew2011_review.md")
    (record,) = records
    assert record.title.startswith("Social Factors and Recovery")
    assert "abstract" in [s.kind for s in record.sections] and record.abstract.startswith("Although")
    assert "](" not in record.text and "**" not in record.text


def test_examples_batch_reads_clean():
    records, report = read(EXAMPLES / "batch.ris")
    csv_records, _ = read(EXAMPLES / "batch.csv")
    assert len(records) == len(csv_records) == 250
    assert [r.id for r in records] == [r.id for r in csv_records]
    assert [r.abstract for r in records] == [r.abstract for r in csv_records]
    assert not report.failed and report.skipped == 0


# Illustrative JATS layout (nested sections, a citation marker, a table, a reference list) around
# sentences of the seed review; used only to test the parser.
JATS = """<?xml version="1.0"?>
<article><front><journal-meta><journal-title-group><journal-title>J</journal-title></journal-title-group>
</journal-meta><article-meta><article-id pub-id-type="doi">10.1000/illustrative</article-id>
<title-group><article-title>Social factors and <italic>recovery</italic></article-title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>Tew</surname><given-names>J</given-names></name>
</contrib></contrib-group><pub-date><year>2011</year></pub-date>
<abstract><sec><title>Background</title><p>Social factors matter.</p></sec>
<sec><title>Conclusions</title><p>Recovery needs social inputs.</p></sec></abstract></article-meta></front>
<body><sec><title>1. Introduction</title><p>Over recent years, there has been a growing focus on recovery
within mental health services <xref ref-type="bibr" rid="r1">(Slade, 2009)</xref>.</p>
<sec><title>1.1 Aims</title><p>This article develops a more detailed analysis.</p></sec>
<table-wrap><table><tr><td>cell text</td></tr></table></table-wrap></sec>
<sec><title>Discussion</title><p>Social work has yet fully to embrace the opportunities.</p></sec></body>
<back><ref-list><title>References</title><ref id="r1"><mixed-citation>Slade M (2009) Personal Recovery and
Mental Illness.</mixed-citation></ref></ref-list></back></article>
"""


def test_jats_nested_sections_xref_tables_and_references(tmp_path):
    path = tmp_path / "article.xml"
    path.write_text(JATS, encoding="utf-8")
    records, _ = read(path)
    (record,) = records
    assert record.title == "Social factors and recovery" and record.doi == "10.1000/illustrative"
    assert record.authors == ["Tew, J"] and record.year == 2011 and record.journal == "J"
    assert record.abstract == "Background: Social factors matter. Conclusions: Recovery needs social inputs."
    by_kind = {s.kind: s for s in record.sections}
    assert list(by_kind) == ["front", "abstract", "introduction", "discussion", "references"]
    intro = by_kind["introduction"].text
    assert "(Slade, 2009)." in intro and "1.1 Aims\nThis article develops" in intro and "cell text" not in intro
    assert by_kind["references"].text.startswith("Slade M (2009) Personal Recovery")


def test_jats_with_a_default_namespace(tmp_path):
    path = tmp_path / "ns.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<article xmlns="http://jats.nlm.nih.gov" xmlns:xlink="http://www.w3.org/1999/xlink">'
        "<front><article-meta><title-group><article-title>Peer support and recovery</article-title>"
        "</title-group><abstract><p>Peer support was associated with hope.</p></abstract></article-meta></front>"
        "<body><sec><title>Methods</title><p>Semi-structured interviews.</p></sec></body></article>\n",
        encoding="utf-8",
    )
    assert detect_format(path) == "jats"
    records, _ = read(path)
    assert len(records) == 1
    record = records[0]
    assert record.title == "Peer support and recovery"
    assert record.abstract == "Peer support was associated with hope."
    assert [s.kind for s in record.sections][-1] == "methods"
