"""Causes named by a connective or a source noun (``claims/cause_connective.py``).

Every sentence below is **constructed** (written for these tests, not taken from any annotation file). Each test
asserts the factor, outcome and direction of the construction, and the negative tests assert that the same words
in a non-claim use (a study step, a noun phrase, a clause negated on its own) give no relation from them.
"""

import pytest

from socialrecovery_nlp.claims import hedging
from socialrecovery_nlp.claims.cause_connective import LOSS_VERBS, construction_only

from .conftest import claims_of


def _triples(extractor, nlp, text):
    return [((c["factor"] or {}).get("text", ""), (c["outcome"] or {}).get("text", ""), c["direction"])
            for c in claims_of(extractor, nlp, text)]


@pytest.mark.parametrize("text,expected", [
    # a copula's subject is what the cause explains
    ("Relapse was often due to family conflict.", [("family conflict", "Relapse", "hinders")]),
    ("Readmission was largely due to a lack of housing.", [("a lack of housing", "Readmission", "hinders")]),
    # a preposed cause, a loss or avoidance verb: a harm to what is lost or avoided
    ("Because of stigma, many people avoid seeking help.", [("stigma", "seeking help", "hinders")]),
    ("Many service users lost their jobs as a result of hospitalisation.",
     [("hospitalisation", "their jobs", "hinders")]),
    # avoiding a bad thing lowers it
    ("Because of the programme, participants avoided relapse.", [("the programme", "relapse", "promotes")]),
    # an adjective: the state the cause brings about
    ("Participants felt isolated because of unemployment.", [("unemployment", "isolated", "hinders")]),
    # a change verb reads its own cause
    ("Symptoms improved because of peer support.", [("peer support", "Symptoms", "promotes")]),
    # source nouns: the holder is the factor
    ("Unemployment was the main reason for readmission.", [("Unemployment", "readmission", "hinders")]),
    ("The reasons for relapse included family conflict and unemployment.",
     [("family conflict and unemployment", "relapse", "hinders")]),
    ("Peer support provided a source of hope.", [("Peer support", "hope", "promotes")]),
])
def test_causes(rules_extractor, blank_nlp, text, expected):
    assert _triples(rules_extractor, blank_nlp, text) == expected


def test_denied_cause_is_no_effect(rules_extractor, blank_nlp):
    """A copula that denies the cause denies the relation; "not only" adds a cause."""
    assert _triples(rules_extractor, blank_nlp, "Relapse was not due to family conflict.") == [
        ("family conflict", "Relapse", "no_effect")]
    assert _triples(rules_extractor, blank_nlp, "Relapse was not only due to family conflict.") == [
        ("family conflict", "Relapse", "hinders")]


@pytest.mark.parametrize("text", [
    "Ten patients were excluded due to missing data.",  # a passive study step
    "Recruitment was slow because of the pandemic.",  # the study's own process
    "The reasons for dropout were recorded.",  # "reasons for" as a topic
    "Many did not attend because of stigma.",  # the clause is negated on its own: not a denied cause
    "No discontinuations of treatment due to adverse events occurred.",  # inside a noun phrase
])
def test_no_relation_from_the_connective(rules_extractor, blank_nlp, text):
    assert all(c[0] == "" or c[2] != "no_effect" for c in _triples(rules_extractor, blank_nlp, text))
    assert not any(c[0] in ("missing data", "the pandemic", "stigma", "adverse events")
                   for c in _triples(rules_extractor, blank_nlp, text))


def test_construction_only_phrases():
    assert construction_only(("due", "to")) and construction_only(("source", "of"))
    assert not construction_only(("lead", "to"))
    assert {"lost", "avoids", "avoided", "withdrew", "refusing"} <= LOSS_VERBS


@pytest.mark.parametrize("text,cue", [
    ("Relapse was not only due to", None), ("X was not just associated with", None),
    ("X was not associated with", "was not"), ("X did not improve", "did not"),
])
def test_not_only_is_no_negation(text, cue):
    assert hedging.negation_cue(text) == cue


@pytest.mark.parametrize("text", [
    # constructed (review-16): reasons for an act, a copula with its own predicate, the study's own chance or limits
    "Due to its high prevalence, depression is a major public health concern.",
    "Participants received a voucher because of the time commitment.",
    "Clinicians prescribed clozapine due to treatment resistance.",
    "Any differences were due to chance.",
    "As a result of randomisation, the groups were well balanced at baseline.",
    "Reasons for non-participation included lack of time and transport problems.",
    "The high attrition made it difficult to draw firm conclusions.",
])
def test_reasons_and_study_limits_give_no_connective_claim(rules_extractor, blank_nlp, text):
    assert not any(c[0] in ("its high prevalence", "the time commitment", "treatment resistance", "chance",
                            "randomisation", "lack of time and transport problems", "The high attrition")
                   for c in _triples(rules_extractor, blank_nlp, text))


@pytest.mark.parametrize("text,expected", [
    ("Older adults are more isolated because of mobility problems.", [("mobility problems", "isolated", "hinders")]),
    ("Stigma was the main reason for not seeking help.", [("Stigma", "seeking help", "hinders")]),
    ("Peer workers made recovery possible.", [("Peer workers", "recovery", "promotes")]),
])
def test_review16_constructions(rules_extractor, blank_nlp, text, expected):
    assert _triples(rules_extractor, blank_nlp, text) == expected
    assert not any(c["hedged"] for c in claims_of(rules_extractor, blank_nlp, text))


def test_a_state_of_knowledge_has_no_cause(rules_extractor):
    """Constructed: what a lack of data explains is what is known, not an outcome (``_KNOWLEDGE``)."""
    from socialrecovery_nlp.claims.cause_connective import connective_cause

    parser = rules_extractor.parser

    doc = parser("The benefits of housing support were less clear because of the lack of data.")
    assert connective_cause(next(t for t in doc if t.lower_ == "because")) is None
    doc = parser("Many people felt isolated because of stigma.")
    cause, outcome, _ = connective_cause(next(t for t in doc if t.lower_ == "because"))
    assert (cause.text, outcome.text) == ("stigma", "isolated")


@pytest.mark.parametrize("text", [
    "The role of peer support in psychosis is relatively less defined because of the lack of data in the literature.",
    "The benefits of housing support were less clear because of the lack of data.",
])
def test_knowledge_gaps_with_a_reason_make_no_claim(rules_extractor, blank_nlp, text):
    assert claims_of(rules_extractor, blank_nlp, text) == []
