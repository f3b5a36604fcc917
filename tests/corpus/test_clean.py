from __future__ import annotations

import pytest

from socialrecovery_nlp.corpus.clean import normalise_doi, parse_year, squash, strip_markup, title_key
from socialrecovery_nlp.corpus.language import detect_language
from socialrecovery_nlp.corpus.sections import section_kind


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("<b><i>Background:</i></b> text", "Background: text"),
        ("&lt;b&gt;Aims&lt;/b&gt; text", "Aims text"),
        ("a<jats:p>b</jats:p>c", "a b c"),
        ("line<br/>break", "line break"),
        ("R&amp;R2 &amp;amp;gt;3", "R&R2 >3"),
        ("p < 0.05 and x > 2", "p < 0.05 and x > 2"),
        ("10<sup>5</sup> cells", "105 cells"),
    ],
)
def test_strip_markup(raw, clean):
    out, changed = strip_markup(raw)
    assert squash(out) == clean
    assert changed == (raw != clean)


def test_squash():
    assert squash("  a \n b\u00a0c\t") == "a b c"
    assert squash("already clean") == "already clean"
    assert squash(None) == ""


@pytest.mark.parametrize(
    ("raw", "doi"),
    [("https://doi.org/10.1192/bjp.bp.112.117762", "10.1192/bjp.bp.112.117762"),
     ("doi: 10.1000/ABC.", "10.1000/ABC"), ("http://dx.doi.org/10.1/x", "10.1/x"), ("not a doi", None), ("", None)],
)
def test_normalise_doi(raw, doi):
    assert normalise_doi(raw) == doi


def test_parse_year():
    assert parse_year("2019/05/01") == 2019 and parse_year("2013") == 2013 and parse_year(2001) == 2001
    assert parse_year("in press") is None and parse_year("0999") is None and parse_year(None) is None


def test_title_key_ignores_case_and_punctuation():
    assert title_key("Über-Study: of (x)_y!") == title_key("über study of x y") == "überstudyofxy"


def test_language():
    assert detect_language("Too short to judge") is None
    english = "We examined relapse after response to a first episode of schizophrenia in this cohort."
    assert detect_language(english) == "en"
    french = ("Le trouble de personnalité borderline se définit notamment par une instabilité émotionnelle "
              "et relationnelle chez les adolescents suivis en consultation.")
    assert detect_language(french) == "fr"


@pytest.mark.parametrize(
    ("heading", "kind"),
    [("1. Introduction", "introduction"), ("METHODS", "methods"), ("2.3 Data analysis", "methods"),
     ("Results", "results"), ("Discussion", "discussion"), ("Conclusions", "conclusions"),
     ("References", "references"), ("Abstract", "abstract"), ("Power relations and empowerment", "other")],
)
def test_section_kind(heading, kind):
    assert section_kind(heading) == kind


def test_markup_only_field_keeps_the_record(tmp_path):
    """A title that is only markup becomes empty (W104); the record is not lost to W101."""
    from socialrecovery_nlp.corpus import ReadReport, read_records

    path = tmp_path / "empty_markup.ris"
    path.write_text("TY  - JOUR\nTI  - <i></i>\nAB  - Peer support and recovery in the community were studied.\n"
                    "ER  - \n", encoding="utf-8")
    report = ReadReport()
    records = list(read_records(path, report=report))
    assert [(r.title, r.abstract[:12]) for r in records] == [("", "Peer support")]
    assert report.warning_counts["W104"] == 1 and report.warning_counts["W101"] == 0
