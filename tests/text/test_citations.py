"""Citation markers: author-year (incl. et al., pages, ';' lists, narrative) and numeric styles."""

import pytest

from socialrecovery_nlp.text.citations import find_citations, link_references


def _parsed(text):
    return [(c.text, c.authors, c.year, c.pages, c.numbers) for c in find_citations(text)]


def test_parenthetical_list_with_et_al():
    text = "undermining self-esteem and hope (Link et al., 2001; Yanos et al., 2008), self-efficacy"
    assert _parsed(text) == [("Link et al., 2001", "Link et al.", "2001", None, []),
                             ("Yanos et al., 2008", "Yanos et al.", "2008", None, [])]


def test_pages_and_narrative():
    text = "Mancini (2007) found that x (Mancini, 2007, p. 50). Nelson et al. (2001) explored y (Nelson et al., 2001, pp. 131–8)."
    assert _parsed(text) == [
        ("Mancini (2007)", "Mancini", "2007", None, []),
        ("Mancini, 2007, p. 50", "Mancini", "2007", "p. 50", []),
        ("Nelson et al. (2001)", "Nelson et al.", "2001", None, []),
        ("Nelson et al., 2001, pp. 131–8", "Nelson et al.", "2001", "pp. 131–8", []),
    ]


@pytest.mark.parametrize("text,authors", [
    ("(Spandler and Vick, 2006)", "Spandler and Vick"),
    ("(see Saleebey, 2002)", "Saleebey"),
    ("(Van Zelst, 2009)", "Van Zelst"),
    ("(López et al., 2004)", "López et al."),
    ("(Pernice-Duca and Onaga, 2009)", "Pernice-Duca and Onaga"),
    ("(Southside Partnership/Fanon, 2008)", "Southside Partnership/Fanon"),
    ("(Social Care Institute for Excellence et al., 2007)", "Social Care Institute for Excellence et al."),
])
def test_author_forms(text, authors):
    (citation,) = find_citations(text)
    assert citation.authors == authors
    assert text[citation.start:citation.end] == citation.text


def test_numeric_styles_and_ranges():
    text = "as shown [12], in trials [3-5] and reviews [2, 7]"
    assert [c.numbers for c in find_citations(text)] == [[12], [3, 4, 5], [2, 7]]


def test_not_citations():
    assert find_citations("the UK (31 per cent) and Europe (19 per cent)") == []
    assert find_citations("a range (2-3 times higher)") == []


def test_offsets_slice_text():
    text = "Relationships are vital (Mezzina et al., 2006)—and hope matters (Spaniol et al., 2002)."
    for citation in find_citations(text):
        assert text[citation.start:citation.end] == citation.text


def test_link_references_author_year_and_numeric():
    # Reference entries in the review's reference style, written for this test (illustrative).
    refs = ["Hooley, J. M. (2007) Expressed emotion and relapse of psychopathology, Annual Review of Clinical Psychology.",
            ("Link, B. G., Struening, E. L. et al. (2001) The consequences of stigma for the self-esteem of people "
            "with mental illnesses, Psychiatric Services.")]
    linked = link_references(find_citations("(Link et al., 2001; Hooley, 2007; Smith, 1999)"), refs)
    assert linked[0].reference == refs[1]
    assert linked[1].reference == refs[0]
    assert linked[2].reference is None
    numbered = ["[1] First entry about something long enough.", "[2] Second entry about something else."]
    (num,) = link_references(find_citations("shown before [2]"), numbered)
    assert num.reference == numbered[1]
