"""Citation markers: author-year (incl. et al., pages, ';' lists, narrative) and numeric styles."""

import pytest

from socialrecovery_nlp.text.citations import find_citations, link_references, split_references


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


# --- in-text parsing: sentence words, bracketed years, several years, figure/table labels ------
# All sentences below are constructed for these tests (not quoted from a paper).

@pytest.mark.parametrize("text,cited,authors", [
    ("As Tew et al. (2011) argue, social inclusion matters.", "Tew et al. (2011)", "Tew et al."),
    ("Recently Smith (2010) showed this.", "Smith (2010)", "Smith"),
    ("Both Smith and Jones (2010) found it.", "Smith and Jones (2010)", "Smith and Jones"),
    ("The WHO (2019) reported it.", "WHO (2019)", "WHO"),
    ("However Smith (2010) disagreed.", "Smith (2010)", "Smith"),
    ("Interestingly Smith (2010) noted it.", "Smith (2010)", "Smith"),
    ("Following van Os (2009), we used it.", "van Os (2009)", "van Os"),
    ("As the Lancet (2019) put it.", "Lancet (2019)", "Lancet"),
    # names are kept: a surname that looks like an adverb, and "The" inside parentheses
    ("Whately and Smith (2010) noted it.", "Whately and Smith (2010)", "Whately and Smith"),
    ("as reported (The King's Fund, 2019).", "The King's Fund, 2019", "The King's Fund"),
])
def test_sentence_words_are_not_authors(text, cited, authors):
    (citation,) = find_citations(text)
    assert (citation.text, citation.authors) == (cited, authors)
    assert text[citation.start:citation.end] == citation.text


def test_bracketed_year_after_author_is_author_year():
    text = "Smith et al. [2010] showed that x [12]; Jones [2011a] too, and Brown [15] did not."
    assert _parsed(text) == [("Smith et al. [2010]", "Smith et al.", "2010", None, []),
                             ("[12]", None, None, None, [12]),
                             ("Jones [2011a]", "Jones", "2011a", None, []),
                             ("[15]", None, None, None, [15])]


def test_several_years_of_one_author_group_are_several_citations():
    text = "shown before (Smith, 2010, 2012; Lee et al. 2010a, b) and by Brown (2008, 2011)."
    assert _parsed(text) == [("Smith, 2010", "Smith", "2010", None, []),
                             ("2012", "Smith", "2012", None, []),
                             ("Lee et al. 2010a", "Lee et al.", "2010a", None, []),
                             ("b", "Lee et al.", "2010b", None, []),
                             ("Brown (2008", "Brown", "2008", None, []),  # the spans do not overlap
                             ("2011", "Brown", "2011", None, [])]
    found = find_citations(text)
    for citation in found:
        assert text[citation.start:citation.end] == citation.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    # a word after the year is not a year suffix
    assert [c.year for c in find_citations("(Smith, 2010, a review)")] == ["2010"]


@pytest.mark.parametrize("text, expected", [
    ("(Smith, 2010, p. 5, 2012, pp. 7-9)", [("Smith", "2010", "p. 5"), ("Smith", "2012", "pp. 7-9")]),
    ("(Smith 2010: 12; Jones 2012:4-5)", [("Smith", "2010", "12"), ("Jones", "2012", "4-5")]),
    ("as Smith (2010: 45) argued", [("Smith", "2010", "45")]),
    ("as Smith (2019a, b) showed", [("Smith", "2019a", None), ("Smith", "2019b", None)]),
    ("(Smith 2010:12, 2012:5)", [("Smith", "2010", "12"), ("Smith", "2012", "5")]),
    # review-17: a number after a colon is no page unless it ends the item, and a year is no page
    ("(Smith et al., 2019: 95% CI 1.2-3.4)", [("Smith et al.", "2019", None)]),
    ("(Smith 2010: 1999 participants)", [("Smith", "2010", None)]),
    ("(Smith 2010: 2012)", [("Smith", "2010", None)]),
])
def test_pages_of_every_year_and_harvard_colon_pages(text, expected):
    found = find_citations(text)
    assert [(c.authors, c.year, c.pages) for c in found] == expected
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_figure_table_and_date_labels_are_not_citations():
    text = "as shown (Figure 2010) (Table 3) (Fig. 2) (Table 2010) (March 2020) and This (2010) study"
    assert find_citations(text) == []
    assert _parsed("(see Figure 2; Smith, 2010)") == [("Smith, 2010", "Smith", "2010", None, [])]


# --- reference lists --------------------------------------------------------------------------
# Bibliographies below are constructed for these tests in common reference styles (illustrative).

VANCOUVER = [
    "1. Repper J, Carter T. A review of the literature on peer support in mental health services. J Ment Health. 2011;20:392-411.",
    "2. Cacioppo JT, Hawkley LC. Perceived social isolation and cognition. Trends Cogn Sci. 2009;13:447-454.",
    "3. Wang J, et al. Associations between loneliness and perceived social support. BMC Psychiatry. 2018;18:156.",
    "4. Thornicroft G. Shunned: discrimination against people with mental illness. Oxford University Press; 2006.",
]
UNNUMBERED = [
    "Link BG, Struening EL, Neese-Todd S. Stigma as a barrier to recovery. Psychiatr Serv. 2001;52:1621-1626.",
    "Tew J, Ramon S, Slade M, et al. Social factors and recovery from mental health difficulties. Br J Soc Work. 2011.",
    "Pharoah F, Mari J, Rathbone J, Wong W. Family intervention for schizophrenia. Cochrane Database Syst Rev. 2010.",
    "World Health Organization. Mental health action plan. Geneva: WHO; 2019.",
]
HARVARD = [
    ("Tew, J., Ramon, S., Slade, M., Bird, V., Melton, J. and Le Boutillier, C. (2012) Social factors and recovery "
     "from mental health difficulties: a review of the evidence. British Journal of Social Work, 42, 443-460."),
    ("Repper, J. and Carter, T. (2011) A review of the literature on peer support in mental health services. "
     "Journal of Mental Health, 20, 392-411."),
    "Link, B. G., Struening, E. L. et al. (2001) Stigma as a barrier to recovery. Psychiatric Services, 52, 1621-1626.",
    "Department of Health (2011) No health without mental health. London: DH.",
    "Slade M (2009) Personal Recovery and Mental Illness. Cambridge University Press.",
]


def test_split_references_one_entry_per_line_still_works():
    assert split_references("\n".join(VANCOUVER + UNNUMBERED)) == VANCOUVER + UNNUMBERED
    assert split_references("\n\n".join(HARVARD)) == HARVARD
    assert split_references("short\n\n" + HARVARD[0]) == [HARVARD[0]]


@pytest.mark.parametrize("entries", [VANCOUVER, UNNUMBERED, VANCOUVER + UNNUMBERED, HARVARD,
                                     [e.replace("1. ", "[1] ", 1).replace("2. ", "[2] ", 1) for e in VANCOUVER[:2]],
                                     [e.replace("1. ", "1) ", 1).replace("2. ", "2) ", 1) for e in VANCOUVER[:2]]])
def test_split_references_of_a_joined_paragraph(entries):
    # the plain-text/Markdown reader joins the consecutive lines of a bibliography into one line
    assert split_references(" ".join(entries)) == entries


def test_split_references_glued_labels_bullets_and_gaps():
    # JATS <label>1</label><mixed-citation>Repper…: the label is glued to the entry
    glued = "1Repper J, Carter T. Peer support. J Ment Health. 2011. 2Cacioppo JT, Hawkley LC. Isolation. Trends Cogn Sci. 2009."
    assert split_references(glued) == ["1. Repper J, Carter T. Peer support. J Ment Health. 2011.",
                                       "2. Cacioppo JT, Hawkley LC. Isolation. Trends Cogn Sci. 2009."]
    assert split_references("[1]Repper J, Carter T. Peer support. 2011.") == ["[1] Repper J, Carter T. Peer support. 2011."]
    bullets = ["- Repper J, Carter T. Peer support. J Ment Health. 2011;20:392-411.",
               "- Cacioppo JT, Hawkley LC. Isolation. Trends Cogn Sci. 2009;13:447-454."]
    assert split_references(" ".join(bullets)) == bullets
    gap = ["1. Smith A. Recovery in two settings. Lancet. 2010;2.", "3. Jones B. Something else entirely. 2011."]
    assert split_references(" ".join(gap)) == gap


def test_split_references_does_not_cut_inside_an_entry():
    entries = [
        ("Smith, J. A., & Jones, B. (2010). Hope and recovery. In A. Jones (Ed.), Recovery in practice (pp. 1–20). "
         "Sage. https://doi.org/10.1000/xyz123"),
        "van Os, J., & Kapur, S. (2009). Schizophrenia. The Lancet, 374(9690), 635–645.",
        "O'Hagan, M. (2014). Madness made me. Potton & Burton.",
        "Smith A. Vitamin D, depression and recovery in 2 cohorts. Br J Psychiatry. 2010;196:1-5.",
        "Jones B. Part I. Overview of recovery. Schizophr Bull. 2011;37:12-14.",
    ]
    assert split_references(" ".join(entries)) == entries


def test_link_references_after_splitting_a_joined_bibliography():
    refs = split_references(" ".join(VANCOUVER + UNNUMBERED))
    text = ("Peer support reduced readmission [1]. As Tew et al. (2011) argued, loneliness matters [2, 3] "
            "(Link et al., 2001). According to the World Health Organization (2019), x [4].")
    linked = {c.text: c.reference for c in link_references(find_citations(text), refs)}
    assert linked == {"[1]": VANCOUVER[0], "Tew et al. (2011)": UNNUMBERED[1], "[2, 3]": VANCOUVER[1],
                      "Link et al., 2001": UNNUMBERED[0], "World Health Organization (2019)": UNNUMBERED[3],
                      "[4]": VANCOUVER[3]}


def test_markdown_bibliography_on_consecutive_lines(tmp_path):
    from socialrecovery_nlp.corpus.read import read_file

    path = tmp_path / "review.md"
    path.write_text("# A constructed review\n\n## Introduction\n\nPeer support helps [2].\n\n## References\n\n"
                    + "\n".join(VANCOUVER) + "\n", encoding="utf-8")
    (record,) = read_file(path)
    (section,) = [s for s in record.sections if s.kind == "references"]
    assert split_references(section.text) == VANCOUVER


@pytest.mark.parametrize("text,expected", [
    # constructed: surnames that are also common words or labels (review-16)
    ("March et al. (2004) showed", [("March et al.", "2004")]),
    ("(An et al., 2019)", [("An et al.", "2019")]),
    ("So et al. (2018) found", [("So et al.", "2018")]),
    ("(Box, 1976)", [("Box", "1976")]),
    ("Still (2010) found", [("Still", "2010")]),
    ("This (2010) shows", []),
    ("(March 2020)", []),
])
def test_common_word_surnames_stay_authors(text, expected):
    assert [(c.authors, c.year) for c in find_citations(text)] == expected


def test_joined_apa_entries_ending_in_a_link_are_split():
    text = ("Smith, J. (2010). Peer support. J Ment Health, 19, 100-110. https://doi.org/10.3109/0963823090 "
            "Lee, K. (2015). Housing first. Retrieved from https://example.org/report.pdf "
            "World Health Organization. (2019). Mental health atlas. https://www.who.int/atlas "
            "Ng, P. (2016). Loneliness. Lancet, 3, 1-2. See www.example.org for the Trust.")
    entries = split_references(text)
    assert [e.split()[0] for e in entries] == ["Smith,", "Lee,", "World", "Ng,"]
    assert entries[-1].endswith("for the Trust.")  # a link inside an entry's text cuts nothing


def test_a_link_inside_an_entry_cuts_nothing_without_an_author_year_after_it():
    text = "Smith, J. (2010). See https://example.org Jones, K. and colleagues for a review. Lee, K. (2015). Housing."
    assert [e.split()[0] for e in split_references(text)] == ["Smith,", "Lee,"]
