"""Factor/outcome span rules of claims@0.7.0 round 3 (driven by the v7 training abstracts' errors).

Every sentence below is **constructed** (written for these tests, not taken from any annotation file); each test
asserts the exact factor and outcome spans of the construction its rule reads. Log of the round:
``bench/claims_dev_cv.md``, section "claims@0.7.0 round 3".
"""

import pytest

from socialrecovery_nlp.claims import lexicon as lx

from .conftest import claims_of
from .conftest import pairs as _pairs


def _spans(extractor, nlp, text):
    return _pairs(claims_of(extractor, nlp, text))


# constructed sentences: (text, [(factor, outcome), ...] expected exactly)
@pytest.mark.parametrize("text,expected", [
    # rule triggers: "influenced by" (a passive with an agent), "has an impact on", "is involved in",
    # "counteracted" (lexicon.RULE_TRIGGER_WORDS / RULE_TRIGGER_PHRASES)
    ("Working memory was strongly influenced by prior sleep loss.", [("prior sleep loss", "Working memory")]),
    ("Parental warmth has a lasting impact on adolescent self-esteem.",
     [("Parental warmth", "adolescent self-esteem")]),
    ("The dorsal striatum is involved in habit formation.", [("The dorsal striatum", "habit formation")]),
    ("Daily exercise counteracted the weight gain.", [("Daily exercise", "the weight gain")]),
    # raised object of a report verb (raised_object)
    ("A regression analysis showed early retirement to be associated with cognitive decline.",
     [("early retirement", "cognitive decline")]),
    ("The survey found loneliness to be associated with poor sleep.", [("loneliness", "poor sleep")]),
    # "longer" as a comparative predicate located in a group; "useful for"; "limit" as a verb (RULE_TRIGGER_WORDS)
    ("Recovery time was longer in the placebo group.", [("the placebo group", "Recovery time")]),
    ("Mindfulness training seems to be useful for chronic pain.", [("Mindfulness training", "chronic pain")]),
    ("Dizziness may limit physical activity.", [("Dizziness", "physical activity")]),
    # "[Y] requires [X]": reversed like "depend on"
    ("Spatial learning requires an intact hippocampus.", [("an intact hippocampus", "Spatial learning")]),
    # "a role for [X] in [Y]": the role noun as a rule trigger, only with a holder and an "in" target
    ("These experiments confirm a role for dopamine in reward learning.", [("dopamine", "reward learning")]),
    # a that-clause verb read as an adjective, its subject hung on it (misparsed_verb.misread_clause_verb)
    ("They suggest instead that HPC damage impairs the ability to remember familiar places.",
     [("HPC damage", "the ability to remember familiar places")]),
])
def test_constructed_spans(rules_extractor, blank_nlp, text, expected):
    assert _spans(rules_extractor, blank_nlp, text) == expected


# constructed sentences with a rule word that names no relation
@pytest.mark.parametrize("text", [
    "The clinic offered opportunities for influence to its members.",  # "influence" without "on"
    "The largest impact was observed in the second week.",
    "Brain areas involved in memory were imaged at rest.",  # "involved in" describing a noun
    "The role of the nurse was described.",  # a role noun without an "in" target
])
def test_no_claim_from_a_bare_rule_word(rules_extractor, blank_nlp, text):
    assert claims_of(rules_extractor, blank_nlp, text) == [], _spans(rules_extractor, blank_nlp, text)


# constructed sentences from the independent review of round 3: no relation of the rule words (review fixes)
@pytest.mark.parametrize("text", [
    "Patients were involved in decision making.",  # people taking part: a method
    "Family members were actively involved in the treatment.",
    "We report a method to reduce bias in trials.",  # an infinitive describing the object, no raised object
    "Patients with schizophrenia often require support from family members.",  # a need, not a condition
    "Randomization was blocked by site and stratified by sex.",  # block randomisation
    "The role of peer support in recovery remains to be determined.",  # unsettled
    "The role of family support in recovery remains unclear.",
    "The role of family support in recovery has not been established.",
])
def test_review_fixes_no_relation(rules_extractor, blank_nlp, text):
    # no relation with a factor (rules only, no detector: a sentence with a negation cue keeps its span-less
    # fallback claim, which the shipped detector gate decides on)
    claims = claims_of(rules_extractor, blank_nlp, text)
    assert [c for c in claims if c["factor"]["text"]] == [], _spans(rules_extractor, blank_nlp, text)


def test_limit_and_require_take_the_outcome_valence(rules_extractor, blank_nlp):
    """Constructed: "limit" lowers and "require" raises its outcome, so a bad outcome flips the direction."""
    def direction(text):
        return [c["direction"] for c in claims_of(rules_extractor, blank_nlp, text)]
    assert direction("Social support may limit relapse.") == ["promotes"]
    assert direction("Dizziness may limit physical activity.") == ["hinders"]
    assert direction("Relapse requires exposure to stressors.") == ["hinders"]
    assert direction("Recovery requires social support.") == ["promotes"]


def test_denied_raised_object_is_not_the_factor(rules_extractor, blank_nlp):
    """Constructed: "found [no interventions] to reduce stigma" names no factor that reduces stigma."""
    got = _spans(rules_extractor, blank_nlp, "This review found no interventions to reduce stigma.")
    assert all(f != "no interventions" for f, _ in got), got


def test_capacity_object_is_not_raised(rules_extractor, blank_nlp):
    """Constructed: "[X] did not show a tendency to increase [Y]": the capacity noun is no factor."""
    got = _spans(rules_extractor, blank_nlp, "The new drug did not show a tendency to increase appetite.")
    assert ("The new drug", "appetite") in got, got


def test_rule_triggers_are_not_detector_features():
    """The rule-only triggers stay out of ``TRIGGER_WORDS`` / ``TRIGGER_PHRASES`` (the detector's features)."""
    assert not set(lx.RULE_TRIGGER_WORDS) & set(lx.TRIGGER_WORDS)
    assert not set(lx.RULE_TRIGGER_PHRASES) & set(lx.TRIGGER_PHRASES)
    assert lx.ALL_TRIGGER_WORDS["influenced"] == lx.ASSOCIATE
