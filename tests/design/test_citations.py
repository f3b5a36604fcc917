"""Design of cited evidence. The first two sentences are from the seed review (Tew et al. 2011),
whose own sentences the project may use as examples; the others are illustrative."""

from socialrecovery_nlp.design.citations import cited_designs, find_citations

MANCINI = ("In a qualitative study, Mancini (2007) found that 'at the heart of the recovery process "
           "was the transformation from an illness-dominated identity to an identity of agency'.")
TOPOR = ("Such humiliating experiences were seen by participants in a qualitative study as leading to a "
         "worsening of their problems and a tendency to withdraw from social contact (Topor *et al.*, 2006).")


def test_narrative_citation_gets_design():
    result = cited_designs(MANCINI)
    assert result == [{"citation_text": "Mancini, 2007", "design": "qualitative",
                       "start": MANCINI.index("Mancini"), "end": MANCINI.index("(2007)") + 6}]


def test_parenthetical_citation_gets_design():
    (result,) = cited_designs(TOPOR)
    assert result["citation_text"] == "Topor et al., 2006" and result["design"] == "qualitative"
    assert TOPOR[result["start"]:result["end"]].startswith("Topor")


def test_each_citation_keeps_its_own_design():
    text = "A randomised controlled trial by Smith and Jones (1999) and a cohort study by Lee (2003) agree."
    assert [(r["citation_text"], r["design"]) for r in cited_designs(text)] == [
        ("Smith and Jones, 1999", "rct"), ("Lee, 2003", "cohort")]


def test_no_design_no_result_and_negation_ignored():
    assert cited_designs("Nelson et al. (2001) explored how control emerged.") == []
    assert cited_designs("No randomised trials have tested this (Brown, 2010).") == []


def test_span_offsets_refer_to_doc_text():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Recovery is social. " + MANCINI)
    sent = list(doc.sents)[1]
    (result,) = cited_designs(sent)
    assert doc.text[result["start"]:result["end"]] == "Mancini (2007)"


def test_find_citations_splits_lists():
    found = find_citations("(Mezzina et al., 2006; Spaniol et al., 2002)")
    assert [f["text"] for f in found] == ["Mezzina et al., 2006", "Spaniol et al., 2002"]


def test_self_reference_is_not_the_cited_studys_design():
    # Sentence from the review (Tew et al. 2011): "this review" is the citing review itself.
    from socialrecovery_nlp.design import cited_designs

    text = ("Within the context of this review, a strengths approach has been shown not just to contribute "
            "to social recovery, but also to a major reduction in symptomatology (Barry et al., 2003).")
    assert cited_designs(text) == []
    assert cited_designs("In our qualitative study, agency mattered (Mancini, 2007).") == []


def test_cue_far_after_a_citation_is_not_its_design():
    # from the seed review (Tew et al. 2011): the RCTs named at the end are not Tew et al. (2006)
    text = ("Given the inherent complexity of researching the social aspects of mental health (Tew et al., 2006), "
            "no a priori assumptions were made in terms of privileging evidence derived using particular "
            "methodologies such as randomised controlled trials.")
    assert cited_designs(text) == []
    # illustrative: a cue right after the citation still describes it
    (result,) = cited_designs("Smith (2001), a randomised controlled trial, found fewer admissions.")
    assert result["design"] == "rct"
    # illustrative: a narrative citation is the subject of the clause that names its design
    (result,) = cited_designs("Smith and Jones (2001) followed 2,000 adolescents for ten years in a "
                              "prospective cohort study.")
    assert result["design"] == "cohort"


def test_numeric_citation_gets_design():
    """Constructed: a Vancouver-style reference number takes the design cue before it, like "(Smith, 2008)"."""
    from socialrecovery_nlp.design.citations import cited_designs

    found = cited_designs("A meta-analysis showed that supported employment improved job tenure [4].")
    assert [(d["citation_text"], d["design"]) for d in found] == [("[4]", "meta_analysis")]
    assert cited_designs("Peer support was examined in 2010 [2010].") == []
