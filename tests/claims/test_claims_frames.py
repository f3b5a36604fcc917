"""Non-claim frames (hypotheses, aims, questions, calls for research) and factor rules.

All sentences here are illustrative, written for the tests; they are never evaluated on.
"""

import pytest

from socialrecovery_nlp.claims.frames import non_claim_frame

from .conftest import claims_of


@pytest.mark.parametrize("text, frame", [
    ("Hypothesis 2 was that social support would reduce relapse.", "hypothesis"),
    ("We hypothesized that stigma predicts relapse.", "hypothesis"),
    ("The aim of this study was to examine whether peer support improves recovery.", "aim"),
    ("<h3>Objective</h3> To evaluate whether housing improves recovery.", "aim"),
    ("We examined whether employment was associated with recovery.", "aim"),
    ("Does social support improve recovery?", "question"),
    ("Further research is needed on how peer support reduces relapse.", "future_research"),
    ("It is imperative that services not rely on coercion, but instead on voluntary support.", "recommendation"),
    ("Results: It is essential that peer support reduces stigma for all users.", "recommendation"),
    ("For carers who are ready, the nurse should offer weekly support to reduce strain.", "recommendation"),
    ("We recommend that services adopt peer support to reduce isolation.", "recommendation"),
    ("RECOMMENDATIONS: The task force recommends counselling for adults at increased risk.", "recommendation"),
    ("The NICE guideline recommends family intervention for all families.", "recommendation"),
    ("Clinicians should offer support, and reduce coercion where possible.", "recommendation"),
])
def test_non_claim_frames(text, frame):
    assert non_claim_frame(text) == frame


@pytest.mark.parametrize("text", [
    "Peer support reduced relapse (p < 0.01).",
    "Consistent with our hypothesis, peer support reduced relapse.",
    "Results: This study found that housing improved recovery.",
    "It is important to note that peer support reduced relapse.",
    "A peer support worker can improve engagement with services.",
    "Clinicians recommended peer support to most patients, which reduced relapse.",
    "Older carers recommend day centres because they reduce loneliness.",
    "In remote areas, social workers must drive for hours, which reduces time with clients.",
    "Night staff must cover two wards, and understaffing is associated with burnout.",
    "It is essential that nurses recognise that isolation increases the risk of readmission.",
    "The therapist should be aware that peer support reduces dropout.",
    "Further research is needed, because housing instability predicts relapse.",
    "Housing was essential to recovery, and it is clear that stigma delays help-seeking.",
])
def test_findings_are_not_frames(text):
    assert non_claim_frame(text) is None


def test_hypothesis_sentence_gives_no_claim(rules_extractor, blank_nlp):
    assert claims_of(rules_extractor, blank_nlp, "Hypothesis 2 was that social support would reduce relapse.") == []


def test_analysis_method_is_not_a_factor(rules_extractor, blank_nlp):
    claims = claims_of(rules_extractor, blank_nlp, "Intention-to-treat analysis showed a reduction in relapse.")
    assert all(c["factor"]["text"] != "Intention-to-treat analysis" for c in claims)


def test_intransitive_change_subject_is_the_outcome(rules_extractor, blank_nlp):
    claims = claims_of(rules_extractor, blank_nlp, "Depressive symptoms decreased after the peer support programme.")
    assert claims and claims[0]["outcome"]["text"] == "Depressive symptoms"
    assert claims[0]["factor"]["text"] == "the peer support programme"
    assert claims[0]["direction"] == "promotes"


def test_relative_clause_with_its_own_relation_is_cut_from_the_factor(rules_extractor, blank_nlp):
    # The review's own sentence (Tew et al. 2011).
    text = ("Such experiences may be exacerbated by coercive or paternalistic service responses that may further "
            "undermine people’s sense that they can exercise any form of competent agency (Hughes et al., 2009).")
    factors = [c["factor"]["text"] for c in claims_of(rules_extractor, blank_nlp, text)]
    assert "coercive or paternalistic service responses" in factors


def test_sentence_units_keep_citations_and_split_headings(blank_nlp):
    from socialrecovery_nlp.claims.extract import sentence_units

    # The review's own sentence (Tew et al. 2011) after an illustrative heading.
    doc = blank_nlp("Relationships\nRelationships are vital to recovery (Mezzina et al., 2006). It helps.\n\n")
    assert [s.text for s in sentence_units(doc)] == [
        "Relationships are vital to recovery (Mezzina et al., 2006).", "It helps."]


def test_association_with_a_change_noun_stays_correlational(rules_extractor, blank_nlp):
    claims = claims_of(rules_extractor, blank_nlp, "Higher social support was associated with greater improvement in functioning.")
    assert claims and {c["strength"] for c in claims} == {"correlational"}


def test_risk_factor_phrase(rules_extractor, blank_nlp):
    claims = claims_of(rules_extractor, blank_nlp, "Loneliness is a risk factor for depression.")
    assert [(c["factor"]["text"], c["outcome"]["text"], c["direction"]) for c in claims] == [
        ("Loneliness", "depression", "hinders")]


def test_contrast_in_a_later_clause_does_not_make_a_claim_mixed(rules_extractor, blank_nlp):
    # The review's own sentence (Tew et al. 2011).
    text = ("Relationships are vital to recovery: they shape identity, and contribute to or hinder well-being "
            "(Mezzina et al., 2006).")
    claims = {(c["factor"]["text"], c["outcome"]["text"]): c["direction"] for c in claims_of(rules_extractor, blank_nlp, text)}
    assert claims[("Relationships", "recovery")] == "promotes"
    assert claims[("they", "well-being")] == "mixed"  # hyphenated outcome kept whole


def test_quantifier_starts_the_factor(rules_extractor, blank_nlp):
    # The review's own sentence (Tew et al. 2011), shortened.
    text = "There is now substantial evidence about some of the key social factors that may promote (or inhibit) recovery."
    factors = [c["factor"]["text"] for c in claims_of(rules_extractor, blank_nlp, text)]
    assert factors == ["some of the key social factors"]
