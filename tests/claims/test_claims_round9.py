"""Ninth rule round, on claim forms of the social recovery literature: stigma as an outcome ("reduced [stigmatising
attitudes]"), "help seeking", "a link between A and B", "[X] protected against [Y]", "[X] restricted [Y]",
"[participants] attributed [Y] to [X]", a clausal subject that gives a sense of something ("[Being in work] gave
people a sense of purpose"), the people a relation acts on as no outcome of their own ("helped [service users] to
regain hope"), and peer-led services, clubhouses, money and coercion as social factors. Every sentence is
constructed for these tests."""

import pytest

from socialrecovery_nlp.claims.attribution import attributed_to
from socialrecovery_nlp.claims.parser import load_parser
from socialrecovery_nlp.claims.span_scope import people_only
from socialrecovery_nlp.claims.valence import outcome_valence

from .conftest import triples as _claims


@pytest.mark.parametrize("outcome, valence", [
    ("stigmatising attitudes", -1),
    ("stigmatizing attitudes among students", -1),
    ("discriminatory behaviour", -1),
    ("hostile attitudes", -1),
    ("stereotypes", -1),
    ("social distance", -1),
    ("desire for social distance", -1),
    ("help seeking", 1),
    ("help seeking behaviour", 1),
    ("valued social roles", 1),
    # unchanged
    ("positive attitudes", 1),
    ("help-seeking", 1),
    ("stigma", -1),
])
def test_stigma_and_help_seeking_outcomes(outcome, valence):
    assert outcome_valence(outcome) == valence


@pytest.mark.parametrize("text, expected", [
    ("Contact with people with lived experience reduced stigmatising attitudes among students.",
     ("Contact with people with lived experience", "promotes")),
    ("The campaign reduced stereotypes about people with schizophrenia.", ("The campaign", "promotes")),
])
def test_reducing_stigma_promotes_recovery(rules_extractor, blank_nlp, text, expected):
    assert expected in [(f, d) for f, _o, d in _claims(rules_extractor, blank_nlp, text)]


def test_a_link_between_two_things_is_an_association(shipped_extractor, blank_nlp):
    claims = [c.to_dict() for c in shipped_extractor(blank_nlp("Studies have found a link between stigma and reduced "
                                                              "help seeking."))]
    assert [(c["factor"]["text"], c["direction"], c["strength"]) for c in claims] == [
        ("stigma", "hinders", "correlational")]


def test_help_in_help_seeking_is_no_trigger(rules_extractor, blank_nlp):
    claims = _claims(rules_extractor, blank_nlp, "There was a link between stigma and help seeking.")
    assert claims == [("stigma", "help seeking", "promotes")]


def test_protected_against(rules_extractor, blank_nlp):
    assert _claims(rules_extractor, blank_nlp, "Social support protected against depression.") == [
        ("Social support", "depression", "promotes")]


@pytest.mark.parametrize("text", [
    "Protected time for supervision was valued by staff.",
    "The data were stored on a password-protected computer.",
])
def test_protected_as_a_modifier_is_no_relation(rules_extractor, blank_nlp, text):
    assert not [c for c in _claims(rules_extractor, blank_nlp, text) if c[0]]


def test_restricted_lowers_its_object(rules_extractor, blank_nlp):
    assert _claims(rules_extractor, blank_nlp, "Lack of money restricted opportunities for social participation.") == [
        ("Lack of money", "opportunities for social participation", "hinders")]


def test_a_restriction_of_the_analysis_is_no_relation(rules_extractor, blank_nlp):
    assert not [c for c in _claims(rules_extractor, blank_nlp, "Analyses were restricted to participants with "
                                   "complete data.") if c[0]]


@pytest.mark.parametrize("text, expected", [
    ("Participants attributed their recovery to the support of their families.",
     [("the support of their families", "their recovery", "promotes")]),
    ("Many service users attributed relapse to stressful life events.",
     [("stressful life events", "relapse", "hinders")]),
    ("The improvement was attributed to peer support.", [("peer support", "The improvement", "promotes")]),
])
def test_what_people_attribute_an_outcome_to(rules_extractor, blank_nlp, text, expected):
    assert _claims(rules_extractor, blank_nlp, text) == expected


def test_attribution_heads():
    parser = load_parser()
    doc = parser("Participants attributed their recovery to the support of their families.")
    factor, outcome = attributed_to(doc[1])
    assert (factor.text, outcome.text) == ("support", "recovery")
    assert attributed_to(parser("We attributed this discrepancy to differences in sampling.")[1]) is None
    assert attributed_to(parser("The effect was attributed to chance.")[3]) is None  # the passive is the phrase's


def test_a_clausal_subject_gives_a_sense_of_something(rules_extractor, blank_nlp):
    assert _claims(rules_extractor, blank_nlp, "Being in work gave people a sense of purpose and structure.") == [
        ("Being in work", "purpose and structure", "promotes")]


@pytest.mark.parametrize("text, span, expected", [
    ("Peer support workers helped service users to regain hope.", (4, 6), True),
    ("It undermined recovery for many participants.", (4, 6), True),
    ("It gave people more choice.", (2, 3), True),
    ("It helped people with psychosis.", (2, 5), False),
    ("It improved hope.", (2, 3), False),
])
def test_people_only(text, span, expected):
    assert people_only(load_parser()(text), span) is expected


@pytest.mark.parametrize("text, expected", [
    ("Peer support workers helped service users to regain a sense of hope.",
     [("Peer support workers", "a sense of hope")]),
    ("Discrimination in the workplace undermined recovery for many participants.",
     [("Discrimination in the workplace", "recovery")]),
])
def test_the_people_acted_on_are_no_outcome_of_the_span_tagger(shipped_extractor, blank_nlp, text, expected):
    assert [(f, o) for f, o, _d in _claims(shipped_extractor, blank_nlp, text)] == expected


@pytest.mark.parametrize("factor, social", [
    ("Peer-led groups", True), ("family-focused intervention", True), ("family-based treatment", True),
    ("community-based rehabilitation", True), ("Clubhouse membership", True), ("Lack of money", True),
    ("co-production", True), ("Coercive treatment", True), ("Peer support", True),
    ("community-acquired pneumonia", False), ("the parent drug", False), ("sleep debt", False),
    ("a family-based association test", False), ("a community-based sample", False), ("peer review", False),
])
def test_social_factors_of_round_9(rules_extractor, factor, social):
    assert rules_extractor.social_factor(factor) is social


@pytest.mark.parametrize("outcome", ["hospitalised", "be readmitted within a year", "be detained under the Mental "
                                     "Health Act", "admitted to hospital", "bullied", "sectioned"])
def test_what_people_are_more_likely_to_be_is_read_as_a_participle(outcome):
    assert outcome_valence(outcome) == -1


@pytest.mark.parametrize("text, expected", [
    ("Young people who were bullied were more likely to be hospitalised.",
     ("Young people who were bullied", "hinders", "correlational")),
    ("Patients with social support were less likely to be readmitted within a year.",
     ("Patients with social support", "promotes", "correlational")),
])
def test_a_difference_in_likelihood_is_correlational(rules_extractor, blank_nlp, text, expected):
    claims = [c.to_dict() for c in rules_extractor(blank_nlp(text))]
    assert [(c["factor"]["text"], c["direction"], c["strength"]) for c in claims] == [expected]


def test_a_hedged_difference_in_likelihood_stays_conditional(rules_extractor, blank_nlp):
    claims = [c.to_dict() for c in rules_extractor(blank_nlp("Unemployed people may be more likely to be "
                                                               "readmitted."))]
    assert [c["strength"] for c in claims] == ["conditional_causal"]


@pytest.mark.parametrize("outcome, valence", [
    ("withdraw from social activities", -1), ("seek help", 1), ("using drugs", -1), ("withdrawal symptoms", -1),
    ("engage with services", 1), ("quitting and abstinence", 1),
])
def test_verb_phrase_outcomes(outcome, valence):
    assert outcome_valence(outcome) == valence


# agent:review-30's examples: the round's words outside their constructions state no relation

@pytest.mark.parametrize("text", [
    "Treatment was not restricted to children with ADHD.",
    "Protected time for supervision was not available.",
    "Credit was not given for attendance.",
    "We restricted the analysis to randomised trials.",
])
def test_construction_words_without_their_construction_make_no_claim(rules_extractor, blank_nlp, text):
    assert _claims(rules_extractor, blank_nlp, text) == []


def test_construction_words_count_for_nothing_without_a_parse():
    from socialrecovery_nlp.claims.cause_connective import construction_only

    assert all(construction_only((w,)) for w in ("restricted", "protected", "attributed", "ascribed", "credited"))
    assert not any(construction_only((w,)) for w in ("caused", "prevented", "hindered", "reduced"))


@pytest.mark.parametrize("text", [
    "Participants attributed great importance to peer support.",
    "Patients attributed hostile intentions to others.",
    "Voice hearers attributed meaning to their voices.",
])
def test_attributing_a_property_or_reading_is_no_relation(text):
    parser = load_parser()
    assert all(attributed_to(t) is None for t in parser(text))


@pytest.mark.parametrize("outcome, valence", [
    ("sucrose preference in restrained rats", 0), ("visits among incarcerated fathers", 0),
    ("incarcerated fathers", 0), ("admitted", 0), ("discriminatory accuracy of the score", 0),
    ("discriminatory behaviour", -1), ("admitted to the programme", 0), ("admitted into an inpatient unit", -1),
    ("be arrested", -1), ("restrained", -1),
])
def test_participles_and_discriminatory_only_in_their_place(outcome, valence):
    assert outcome_valence(outcome) == valence


@pytest.mark.parametrize("text, expected", [
    ("Social support protected adolescents from depression.", [("Social support", "depression", "promotes")]),
    ("Social support protects adolescents from depression.", [("Social support", "depression", "promotes")]),
    ("The vaccine protected mice from lethal challenge.", [("The vaccine", "lethal challenge", "promotes")]),
])
def test_what_is_protected_is_no_outcome(rules_extractor, blank_nlp, text, expected):
    assert _claims(rules_extractor, blank_nlp, text) == expected


def test_a_protecting_clause_without_a_subject_keeps_its_factor(rules_extractor, blank_nlp):
    claims = _claims(rules_extractor, blank_nlp, "Employment provided structure, thereby protecting participants from "
                     "relapse.")
    assert ("relapse", "promotes") in [(o, d) for _f, o, d in claims]


@pytest.mark.parametrize("text, expected", [
    ("Participants attributed their recovery to their families.", [("their families", "their recovery", "promotes")]),
    ("Participants attributed their recovery to staff.", [("staff", "their recovery", "promotes")]),
])
def test_a_named_source_of_support_stays_a_factor(rules_extractor, blank_nlp, text, expected):
    assert _claims(rules_extractor, blank_nlp, text) == expected


@pytest.mark.parametrize("outcome", ["anxiety-like behavior", "depressive-like huddling behavior",
                                     "depression-like behaviors in rats"])
def test_a_like_compound_is_read_as_its_stem(outcome):
    assert outcome_valence(outcome) == -1
