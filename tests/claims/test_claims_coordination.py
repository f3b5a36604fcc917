"""Coordinated factors and outcomes: "not only A but also B", a phrase the tagger splits into two roles, and a span
one relation reads in the other role. Every sentence is constructed for these tests (not from any annotation file)."""

import pytest

from socialrecovery_nlp.claims import lexicon as lx
from socialrecovery_nlp.claims.extract import ClaimExtractor
from socialrecovery_nlp.claims.spans import Relation, Trigger
from socialrecovery_nlp.claims.tagged_relations import tagged_relations

from .conftest import claims_of


def _rows(claims):
    return sorted((c["factor"]["text"], c["outcome"]["text"], c["direction"]) for c in claims)


@pytest.mark.parametrize("text, expected", [
    ("Peer support improved not only hope but also employment.",
     [("Peer support", "employment", "promotes"), ("Peer support", "hope", "promotes")]),
    ("The intervention improved not just symptoms but functioning too.",
     [("The intervention", "functioning", "promotes"), ("The intervention", "symptoms", "promotes")]),
])
def test_not_only_but_also_gives_two_asserted_claims(shipped_extractor, blank_nlp, text, expected):
    assert _rows(claims_of(shipped_extractor, blank_nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Peer support improved not only hope but also employment.",
     [("Peer support", "employment", "promotes"), ("Peer support", "hope", "promotes")]),
    ("Not only peer support but also family contact reduced readmission.",
     [("family contact", "readmission", "promotes"), ("peer support", "readmission", "promotes")]),
    # review-17: subgroups, and a coordination inside one phrase, are not split
    ("Peer support improved hope, not only in women but also in men.",
     [("Peer support", "hope, not only in women but also in men", "promotes")]),
])
def test_not_only_split_by_the_rules_alone(rules_extractor, blank_nlp, text, expected):
    got = claims_of(rules_extractor, blank_nlp, text)
    assert _rows(got) == expected
    assert not any(c["negated"] for c in got)


def _rel(trigger, factor, outcome):
    return Relation(Trigger(trigger, trigger + 1, lx.BENEFIT, trigger), lx.BENEFIT, factor, outcome)


def test_tagger_split_of_one_short_phrase_keeps_the_parse():
    # "Peer support improved hope": tagged factor "Peer" (0, 1) and outcome "support" (1, 2) inside the parsed
    # factor "Peer support" (0, 2)
    out = tagged_relations([_rel(2, (0, 2), (3, 4))], [(0, 1)], [(1, 2)], [])
    assert [(r.factor, r.outcome) for r in out] == [((0, 2), (3, 4))]


def test_tagged_spans_inside_a_long_rule_span_are_kept():
    # a rule factor of 8 tokens is often a whole clause: the tagger's two spans inside it win
    out = tagged_relations([_rel(9, (0, 8), (10, 12))], [(0, 2)], [(5, 7)], [])
    assert [(r.factor, r.outcome) for r in out] == [((0, 2), (5, 7))]


def test_span_read_in_the_other_role_makes_no_second_relation():
    # "Peer support improved hope and employment": relations (0,2)->(3,4) and (0,2)->(5,6); the tagger also calls
    # "employment" (5, 6) a factor: no relation "employment -> hope"
    rules = [_rel(2, (0, 2), (3, 4)), _rel(2, (0, 2), (5, 6))]
    out = tagged_relations(rules, [(0, 2), (5, 6)], [(3, 4), (5, 6)], [])
    assert sorted((r.factor, r.outcome) for r in out) == [((0, 2), (3, 4)), ((0, 2), (5, 6))]


@pytest.mark.parametrize("factor, social", [
    ("childhood maltreatment", True), ("sexual abuse", True), ("family conflict", True), ("abuse and neglect", True),
    ("interprofessional collaboration", True), ("an empathic therapist", True), ("staff attitudes", True),
    ("reasonable accommodation", True),
    # review-17: the same words outside social compounds
    ("conflicts of interest", False), ("the study team", False), ("research staff", False),
    ("drug abuse liability testing", False), ("substance abuse", False), ("drugs of abuse", False),
    ("laxative abuse", False), ("decisional conflict", False), ("visual accommodation", False),
    ("collaborative filtering", False), ("monetary policy", False),
])
def test_interpersonal_harm_collaboration_and_services_are_social(factor, social):
    assert ClaimExtractor(None).social_factor(factor) is social


@pytest.mark.parametrize("text, expected", [
    ("Loneliness predicted relapse and peer support reduced readmission.",
     [("Loneliness", "relapse", "hinders"), ("peer support", "readmission", "promotes")]),
    ("Stigma increased isolation and family support improved hope.",
     [("Stigma", "isolation", "hinders"), ("family support", "hope", "promotes")]),
])
def test_second_clause_read_as_an_adjective_is_its_own_relation(rules_extractor, blank_nlp, text, expected):
    """The small parser reads "reduced" as an adjective of "readmission" and "peer support" as a conjunct of the
    first object (``claims/misparsed_clause.py``)."""
    assert _rows(claims_of(rules_extractor, blank_nlp, text)) == expected


@pytest.mark.parametrize("text, subject", [
    ("Peer support reduced relapse and improved hope.", "Peer support"),
    ("The intervention was associated with lower relapse and improved quality of life.", "The intervention"),
])
def test_adjectival_participles_in_a_coordination_stay_outcomes(rules_extractor, blank_nlp, text, subject):
    """"and improved hope" is no second clause: every claim keeps the sentence's subject as its factor."""
    assert {c["factor"]["text"] for c in claims_of(rules_extractor, blank_nlp, text)} == {subject}


@pytest.mark.parametrize("text, factor", [
    ("Unemployment increased alcohol consumption and alcohol related harm.", "Unemployment"),
    ("Stigma was associated with depression and treatment related dropout.", "Stigma"),
])
def test_noun_participle_compounds_are_no_second_clause(rules_extractor, blank_nlp, text, factor):
    """Constructed (review-17): "alcohol related harm" is a compound, not "[alcohol] related [harm]"."""
    assert {c["factor"]["text"] for c in claims_of(rules_extractor, blank_nlp, text)} == {factor}


def test_coordinated_adjectives_are_no_second_clause(rules_extractor):
    from socialrecovery_nlp.claims.misparsed_clause import _second_clause

    doc = rules_extractor.parser("They ascribe anger to others and exhibit enhanced and prolonged reactions.")
    assert not any(_second_clause(t) for t in doc)
