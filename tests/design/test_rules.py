"""Cue rules: negation, reports of other studies, precedence, offsets.

All sentences here are illustrative (written for the tests), not data.
"""

import pytest

from socialrecovery_nlp.design.rules import decide, rule_cues_for_text


def own(text, label=None):
    return [c for c in rule_cues_for_text(text) if c.status == "own" and (label is None or c.label == label)]


@pytest.mark.parametrize("text", [
    "To date, no randomised controlled trials of crisis plans have been published.",
    "Randomised trials are lacking in this field.",
    "Further randomised controlled trials are needed.",
    "RCTs have not been conducted in this population.",
])
def test_negated_rct_is_not_own(text):
    assert own(text, "rct") == []


@pytest.mark.parametrize("text", [
    "Previous RCTs have shown that peer support helps.",
    "Several randomised controlled trials suggest a benefit.",
    "Randomised trials (Smith, 2001) found no difference.",
    "Evidence from randomized controlled trials indicates small effects.",
])
def test_reports_of_other_studies_are_not_own(text):
    cues = [c for c in rule_cues_for_text(text) if c.label == "rct"]
    assert cues and all(c.status != "own" for c in cues)


def test_non_randomised_is_quasi_not_rct():
    text = "A non-randomised controlled study of peer support in two wards."
    assert own(text, "rct") == []
    assert decide(rule_cues_for_text(text)).label == "quasi_experimental"


def test_review_of_rcts_is_a_review():
    text = "We conducted a systematic review of randomised controlled trials of family therapy."
    decision = decide(rule_cues_for_text(text))
    assert decision.label == "systematic_review" and decision.confident
    assert own(text, "rct") == []


def test_meta_analysis_outranks_systematic_review():
    text = ("MEDLINE and PsycINFO were searched systematically. Pooled effect sizes were "
            "estimated with a random-effects meta-analysis.")
    assert decide(rule_cues_for_text(text)).label == "meta_analysis"


def test_own_rct_confident_with_evidence_offsets():
    text = "Peer support for psychosis\n\nParticipants were randomly assigned to peer support or a waitlist control."
    cues = rule_cues_for_text(text, title_end=len("Peer support for psychosis"))
    decision = decide(cues)
    assert decision.label == "rct" and decision.confident
    for cue in decision.evidence:
        assert text[cue.start:cue.end] == cue.text


@pytest.mark.parametrize("text,label", [
    ("Semi-structured interviews with twelve service users were analysed thematically.", "qualitative"),
    ("A cross-sectional survey of 400 community nurses.", "cross_sectional"),
    ("Data came from a prospective cohort study of 2,000 adults.", "cohort"),
    ("Hair cortisol in people with depression: a case-control study.", "case_control"),
    ("A mixed-methods evaluation of a recovery college.", "mixed_methods"),
    ("We report a case of a 34-year-old woman with psychosis.", "case_study"),
    ("In this commentary we argue that recovery is social.", "non_empirical"),
])
def test_each_design_has_a_confident_cue(text, label):
    decision = decide(rule_cues_for_text(text))
    assert (decision.label, decision.confident) == (label, True)


def test_no_cue_no_decision():
    decision = decide(rule_cues_for_text("Recovery and social inclusion."))
    assert decision.label is None and not decision.confident


# --- design-5: cohort as data source, matched controls, review headings -------------------------

@pytest.mark.parametrize("text", [
    "Hair cortisol was measured in 1,876 older adults from the Irish Longitudinal Study on Ageing.",
    "We examined 295 adult participants of the population-based Lifelines cohort study.",
    "Data came from wave 6 of the English Longitudinal Study of Ageing.",
])
def test_cohort_named_as_data_source_is_not_confident(text):
    cues = own(text, "cohort")
    assert cues and all(c.strength == "weak" for c in cues)
    decision = decide(rule_cues_for_text(text))
    assert not (decision.label == "cohort" and decision.confident)


@pytest.mark.parametrize("text", [
    "We conducted a prospective cohort study of 500 adolescents.",
    "In the present longitudinal study, we followed 300 children.",
    "Data were obtained from a national prospective cohort study of children with epilepsy.",
    # a nationality adjective is not a study's name (review finding)
    "We conducted a Danish cohort study of 500 adolescents.",
    "This Swedish cohort study followed 3000 men for 20 years.",
])
def test_own_cohort_design_stays_confident(text):
    decision = decide(rule_cues_for_text(text))
    assert decision.label == "cohort" and decision.confident


def test_matched_controls_are_not_quasi_experimental():
    text = "Twenty patients with depression were compared with 20 age-matched controls on hair cortisol."
    assert own(text, "quasi_experimental") == []
    assert own(text, "case_control")


def test_historical_controls_stay_quasi_experimental():
    text = "Outcomes after the new protocol were compared with a historical control group."
    decision = decide(rule_cues_for_text(text))
    assert decision.label == "quasi_experimental" and decision.confident


def test_review_headings_and_quantitative_review():
    text = "Study selection: two reviewers screened titles. Searches encompassed MEDLINE and EMBASE."
    decision = decide(rule_cues_for_text(text))
    assert decision.label == "systematic_review" and decision.confident
    text = "A quantitative systematic review of randomised trials of clonidine for shivering."
    assert decide(rule_cues_for_text(text)).label == "meta_analysis"
