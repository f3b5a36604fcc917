from __future__ import annotations

import pytest

from socialrecovery_nlp.corpus import detect_format
from socialrecovery_nlp.errors import SrnlpError

from .conftest import EXAMPLES, FIXTURES


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("zotero.ris", "ris"), ("endnote.ris", "ris"), ("scopus.ris", "ris"), ("ovid.ris", "ris"),
        ("utf16_bom.ris", "ris"), ("latin1.ris", "ris"), ("pubmed.nbib", "medline"),
        ("pubmed.xml", "pubmed_xml"), ("wos_tagged.txt", "wos"), ("wos_tab.txt", "csv"),
        ("asreview.csv", "csv"), ("scopus.csv", "csv"), ("records.jsonl", "jsonl"), ("refs.bib", "bibtex"),
    ],
)
def test_format_from_content(name, expected):
    assert detect_format(FIXTURES / name) == expected


def test_content_wins_over_extension(tmp_path):
    misnamed = tmp_path / "export.csv"
    misnamed.write_bytes((FIXTURES / "pubmed.nbib").read_bytes())
    assert detect_format(misnamed) == "medline"


def test_full_texts():
    assert detect_format(EXAMPLES / "fulltext" / "tew2011_review.jats.xml") == "jats"
    assert detect_format(EXAMPLES / "fulltext" / "tew2011_review.md") == "text"


@pytest.mark.parametrize(
    ("name", "code"),
    [("missing.ris", "E101"), (".", "E102"), ("garbage.bin", "E104"), ("empty.ris", "E104"), ("unknown.dat", "E103")],
)
def test_detect_errors(name, code):
    with pytest.raises(SrnlpError) as info:
        detect_format(FIXTURES / name)
    assert info.value.code == code
    assert str(FIXTURES / name).rstrip("/.") in str(info.value)
