"""Hedge, negation and contrast cues, and strength (Yu et al. 2019 scheme)."""

import pytest

from socialrecovery_nlp.claims import lexicon as lx
from socialrecovery_nlp.claims.hedging import (
    hedge_cue,
    is_mixed,
    negation_cue,
    strength,
)

from .conftest import claims_of


@pytest.mark.parametrize("text,cue", [
    ("Both paid and voluntary employment can result in a larger social network", "can"),
    ("It is suggested that such approaches may be particularly relevant", "It is suggested"),
    ("Stigma resistance would seem to depend on affirmative relationships", "would seem"),
    ("The internalisation of stigma has been shown to act as a barrier to recovery", None),
])
def test_hedge_cue(text, cue):
    assert hedge_cue(text) == cue


@pytest.mark.parametrize("text,cue", [
    ("this did not improve levels of functioning", "did not"),
    ("there is little evidence so far that large-scale media campaigns are effective", "little evidence"),
    ("has been shown not just to contribute to social recovery, but also", None),
    ("this does not always provide a springboard", "does not"),
])
def test_negation_cue(text, cue):
    assert negation_cue(text) == cue


def test_is_mixed():
    assert is_mixed("they shape identity, and contribute to or hinder well-being")
    assert is_mixed("which may benefit some, but serve to hold back others")
    assert is_mixed("for many, it can contribute to self-esteem, some may find it more of an additional burden")
    assert not is_mixed("relationships are central to recovery")


@pytest.mark.parametrize("kind,hedged,expected", [
    (lx.ASSOCIATE, False, "correlational"), (lx.ASSOCIATE, True, "correlational"),
    (lx.INCREASE, False, "causal"), (lx.DECREASE, True, "conditional_causal"), (lx.HARM, True, "conditional_causal"),
])
def test_strength(kind, hedged, expected):
    assert strength(kind, hedged) == expected


def test_hedged_claim_end_to_end(rules_extractor, blank_nlp):
    # The review's own sentence (Tew et al. 2011).
    claims = claims_of(rules_extractor, blank_nlp,
                       "Both paid and voluntary employment can result in a larger social network (Ruesch et al., 2004, p. 692).")
    assert claims[0]["strength"] == "conditional_causal"
    assert claims[0]["hedged"] and claims[0]["hedge_cue"] == "can"
    assert claims[0]["factor"]["text"] == "Both paid and voluntary employment"
    assert claims[0]["citations"][0]["authors"] == "Ruesch et al."
    assert claims[0]["citations"][0]["pages"] == "p. 692"


def test_nonsignificant_p_values():
    from socialrecovery_nlp.claims.hedging import nonsignificant_p

    assert nonsignificant_p("(p = 0.6414; 95% CI)") == "p = 0.6414"
    assert nonsignificant_p("(P = .42 and P = .31)") == "P = .42"
    assert nonsignificant_p("(P > 0.05)") == "P > 0.05"
    assert nonsignificant_p("p=0.04") is None
    assert nonsignificant_p("(P < 0.0001)") is None
    assert nonsignificant_p("(p = 0.31, p = 0.01)") is None
    assert nonsignificant_p("no p-value here") is None


def test_result_with_only_nonsignificant_p_is_no_effect(rules_extractor, blank_nlp):
    # Illustrative result sentence written for this test (not data).
    claims = claims_of(rules_extractor, blank_nlp, "Readmissions were 8 in group 1 and 13 in group 2 (p = 0.31).")
    assert [c["direction"] for c in claims] == ["no_effect"]


@pytest.mark.parametrize("window,trigger,cue", [
    # "without" governs the trigger: the relation is denied
    (" without increasing", "increasing", "without"),
    (" without significantly increasing", "increasing", "without"),
    (" nutrient digestibilities without negative effects", "effects", "without"),
    (" this remained without clinical effect", "effect", "without"),
    (" physical activity without a corresponding increase", "increase", "without"),  # review-14
    (" without having any effect", "effect", "without"),
    # "without" belongs to another phrase of the window: no cue
    (" longitudinal monitoring of patients without requiring office visits to collect data, increase", "increase", None),
    (" excellent results without the risks associated", "associated", None),
    ("Patients without peer support relapsed", "relapsed", None),
    # other cues are still found where "without" is skipped
    (" without the support of peers did not improve", "improve", "did not"),
])
def test_relation_negation_cue_reads_without_only_before_its_own_predicate(window, trigger, cue):
    from socialrecovery_nlp.claims.hedging import relation_negation_cue

    assert window.endswith(trigger)
    assert relation_negation_cue(window, len(trigger)) == cue


def test_without_in_an_earlier_clause_does_not_deny_the_next_relation(rules_extractor, blank_nlp):
    text = ("Applications using Interactive Voice Response technology facilitate monitoring of patients without "
            "requiring office visits to collect data, and increase the accessibility of information.")
    claims = claims_of(rules_extractor, blank_nlp, text)
    assert claims and not any(c["negated"] for c in claims), [(c["outcome"]["text"], c["direction"]) for c in claims]
    denied = claims_of(rules_extractor, blank_nlp, "The programme improved self-esteem without increasing the "
                                                   "incidence of relapse.")
    assert [c["direction"] for c in denied if c["outcome"]["text"].endswith("relapse")] == ["no_effect"]
    assert [c["direction"] for c in denied if c["outcome"]["text"] == "self-esteem"] == ["promotes"]


@pytest.mark.parametrize("text, cue", [
    # upper-case abbreviations are no negation words: novel object recognition, nitric oxide
    ("performed as well as controls in the NOR task, indicating that exposure impairs", None),
    ("NO production was increased", None),
    ("neither A nor B improved", "neither"),
    # an equivalence stated with "similarly"
    ("Bupropion and fluoxetine were similarly effective", "were similarly effective"),
    # one treatment effective across groups is no equivalence (review-14)
    ("The intervention was similarly effective", None),
    # an all-caps title keeps its negation
    ("NEITHER SUPPORT NOR COUNSELLING IMPROVED", "NEITHER"),
])
def test_negation_cue_abbreviations_and_similarly_effective(text, cue):
    assert negation_cue(text) == cue
