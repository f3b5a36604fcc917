"""Factor/outcome span rules for review-style prose (rules v9: barriers, limits, lists, difficulty).

Every sentence below is **constructed** (written for these tests, not taken from any annotation file); each test
asserts the exact factor and outcome spans of the construction its rule reads, and the negative tests assert
that the same words in a non-claim use give no relation. Log of the round: ``bench/claims_rules_v9.md``.
"""

import pytest

from socialrecovery_nlp.claims import lexicon as lx

from .conftest import claims_of
from .conftest import pairs as _pairs


def _spans(extractor, nlp, text):
    return _pairs(claims_of(extractor, nlp, text))


def _directions(extractor, nlp, text):
    return [c["direction"] for c in claims_of(extractor, nlp, text)]


# constructed sentences: (text, [(factor, outcome), ...] expected exactly; "" outcome text = implicit)
@pytest.mark.parametrize("text,expected", [
    # "[Y] is limited by [X]" (limits.limited_by), every by-agent its own factor
    ("The uptake of home visits is limited mainly by travel costs and, in rural areas, by poor roads.",
     [("travel costs", "The uptake of home visits"), ("poor roads", "The uptake of home visits")]),
    # "[X] places limits on [Y]" (limits.placed_limit)
    ("Heavy caseloads place limits on the time available for supervision.",
     [("Heavy caseloads", "the time available for supervision")]),
    # "[X] is a (major) risk factor", "[X] was problematic": the outcome implicit (implicit_predicates)
    ("Physical inactivity is a major risk factor.", [("Physical inactivity", "")]),
    ("Incomplete handover was problematic in most wards.", [("Incomplete handover", "")]),
    # "[X] is (not) conducive to [Y]"
    ("Open-plan offices are conducive to informal learning.", [("Open-plan offices", "informal learning")]),
    # "[Y] was variable across [X]", "[Y] was most pronounced among [X]": group comparisons
    ("Adoption of the protocol was variable across clinics.", [("clinics", "Adoption of the protocol")]),
    ("This benefit was most pronounced among younger nurses.", [("younger nurses", "This benefit")]),
    # "[Y] is difficult / challenging because of / due to [X]", "[Y] was complicated by [X]" (difficulty)
    ("Recruiting rural families is difficult because of long travel distances.",
     [("long travel distances", "Recruiting rural families")]),
    ("Discharge planning was complicated by staff shortages.", [("staff shortages", "Discharge planning")]),
    # "[X] plays a pivotal role", "[X] is fundamental to [Y]"
    ("Peer mentoring plays a pivotal role.", [("Peer mentoring", "")]),
    ("Stable housing is fundamental to community participation.",
     [("Stable housing", "community participation")]),
])
def test_constructed_spans(rules_extractor, blank_nlp, text, expected):
    got = [(f, o if o != "recovery" else "") for f, o in _spans(rules_extractor, blank_nlp, text)]
    assert got == expected


# constructed enumerated lists of factors: one claim per item (enumerations)
@pytest.mark.parametrize("text,expected", [
    ("Negative factors influencing the rollout were: (a) weak leadership, (b) staff turnover, and (c) unclear roles.",
     [("weak leadership", "the rollout"), ("staff turnover", "the rollout"), ("unclear roles", "the rollout")]),
    ("Helpful factors included regular feedback (Skills); protected time (Resources); and local champions.",
     [("regular feedback", ""), ("protected time", ""), ("local champions", "")]),
])
def test_enumerated_factors(rules_extractor, blank_nlp, text, expected):
    got = [(f, o if o != "recovery" else "") for f, o in _spans(rules_extractor, blank_nlp, text)]
    assert got == expected


def test_directions(rules_extractor, blank_nlp):
    """Constructed: limits lower their outcome; difficulty, problems, risk factors and negative factors hinder."""
    assert _directions(rules_extractor, blank_nlp, "Heavy caseloads place limits on staff morale.") == ["hinders"]
    assert _directions(rules_extractor, blank_nlp, "Physical inactivity is a major risk factor.") == ["hinders"]
    assert _directions(rules_extractor, blank_nlp,
                       "Negative factors influencing the rollout were: (a) weak leadership, (b) staff turnover.") == \
        ["hinders", "hinders"]
    assert _directions(rules_extractor, blank_nlp, "These rules have not been conducive to patient safety.") == \
        ["no_effect"]


# constructed sentences where the new words name no relation
@pytest.mark.parametrize("text", [
    "Limited evidence was available for older adults.",  # an amount
    "Our study was limited by the small sample size.",  # the study's own limitation
    "The upper limits on dosage were respected.",  # no placing verb
    "Risk factors were recorded at baseline.",  # the noun as an argument
    "It is problematic to compare these cohorts.",  # extraposition
    "It is difficult to recruit older adults.",
    "This was a challenging task for the team.",  # a modifier without a cause
    "Symptoms were variable.",  # no grouping
    "A fundamental question was raised by the panel.",
])
def test_no_relation_from_the_new_words(rules_extractor, blank_nlp, text):
    claims = claims_of(rules_extractor, blank_nlp, text)
    assert [c for c in claims if c["factor"]["text"]] == [], _spans(rules_extractor, blank_nlp, text)


def test_clause_after_a_semicolon_is_no_item(rules_extractor, blank_nlp):
    """Constructed: a semicolon that joins clauses does not split the factor of a passive agent."""
    got = _spans(rules_extractor, blank_nlp,
                 "Recall was predicted by prior sleep (Study 1; n = 40); other measures did not predict recall.")
    assert ("prior sleep", "Recall") in got, got


def test_v9_triggers_are_rule_only():
    """The v9 words stay out of the detector's features (``TRIGGER_WORDS`` / ``TRIGGER_PHRASES``)."""
    for word in ("limited", "problematic", "conducive", "variable", "difficult", "pivotal", "pronounced"):
        assert word in lx.RULE_TRIGGER_WORDS and word not in lx.TRIGGER_WORDS
    for phrase in ("risk factor", "limits on"):
        assert phrase in lx.RULE_TRIGGER_PHRASES and phrase not in lx.TRIGGER_PHRASES


# constructed: conditions and means of an outcome, read reversed (attained_through)
@pytest.mark.parametrize("text,expected", [
    ("Timely discharge is dependent on community nursing capacity.",
     [("community nursing capacity", "Timely discharge")]),
    ("Sustained adherence may be best achieved through shared decision making.",
     [("shared decision making", "Sustained adherence")]),
])
def test_reversed_conditions(rules_extractor, blank_nlp, text, expected):
    assert _spans(rules_extractor, blank_nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Recruitment was achieved through general practice lists.",  # a procedure, no judgement
    "Patients were dependent on their carers.",  # a need of people
])
def test_reversed_conditions_not_claims(rules_extractor, blank_nlp, text):
    claims = claims_of(rules_extractor, blank_nlp, text)
    assert [c for c in claims if c["factor"]["text"]] == [], _spans(rules_extractor, blank_nlp, text)


def test_no_effect_cues_and_bad_outcomes(rules_extractor, blank_nlp):
    """Constructed: "fail to correlate" and "minimal effects" deny the relation; reducing parasuicide promotes."""
    assert _directions(rules_extractor, blank_nlp, "Waiting times fail to correlate with patient satisfaction.") == \
        ["no_effect"]
    assert _directions(rules_extractor, blank_nlp, "Reminder letters have had minimal effects on attendance.") == \
        ["no_effect"]
    assert _directions(rules_extractor, blank_nlp, "Group therapy reduced rates of parasuicide.") == ["promotes"]


def test_participle_clauses_continue_the_claim(rules_extractor, blank_nlp):
    """Constructed: "-ing" forms of trigger verbs in a participle chain each give a claim about the subject."""
    got = _spans(rules_extractor, blank_nlp,
                 "Good sleep is central to rehabilitation, alleviating fatigue and enhancing mood.")
    assert got == [("Good sleep", "rehabilitation"), ("Good sleep", "fatigue"), ("Good sleep", "mood")]


def test_reduced_relative_misread_as_clause_subject(rules_extractor, blank_nlp):
    """Constructed: "[The care offered to X] can be influenced by [Y]": the whole subject is the outcome."""
    got = _spans(rules_extractor, blank_nlp,
                 "The care offered to these patients can be influenced by the beliefs held by the staff.")
    assert got == [("the beliefs held by the staff", "The care offered to these patients")]


def test_outcome_without_its_amount_word(rules_extractor, blank_nlp):
    """Constructed: a leading amount word leaves the outcome; a lowering one moves into the kind."""
    claims = claims_of(rules_extractor, blank_nlp, "Night shifts can lead to increased absenteeism.")
    assert [(c["factor"]["text"], c["outcome"]["text"], c["direction"]) for c in claims] == \
        [("Night shifts", "absenteeism", "hinders")]
    claims = claims_of(rules_extractor, blank_nlp, "Long shifts can result in reduced vigilance.")
    assert [(c["factor"]["text"], c["outcome"]["text"], c["direction"]) for c in claims] == \
        [("Long shifts", "vigilance", "hinders")]
    # an association keeps its comparative outcome
    assert _spans(rules_extractor, blank_nlp, "Loneliness was associated with reduced mobility.") == \
        [("Loneliness", "reduced mobility")]
    # evaluative words stay part of the outcome
    assert _spans(rules_extractor, blank_nlp, "Peer support can result in improved self-esteem.") == \
        [("Peer support", "improved self-esteem")]


def test_verb_read_as_plural_noun(rules_extractor, blank_nlp):
    """Constructed: a verbless parse with a trigger in -s verb form between two noun phrases."""
    got = _spans(rules_extractor, blank_nlp, "Poor lighting hampers the detection of early pressure ulcers.")
    assert got == [("Poor lighting", "the detection of early pressure ulcers")], got


@pytest.mark.parametrize("text", [
    "Effects of exercise on mood: a narrative review.",  # a plural noun, no verb form
    "Limited evidence for older adults.",
])
def test_verbless_titles_are_no_claims(rules_extractor, blank_nlp, text):
    claims = claims_of(rules_extractor, blank_nlp, text)
    assert [c for c in claims if c["factor"]["text"]] == [], _spans(rules_extractor, blank_nlp, text)


def test_barrier_source_is_the_factor(rules_extractor, blank_nlp):
    """Constructed: "[barriers to Y] were specific to [X]": X is the barrier."""
    got = _spans(rules_extractor, blank_nlp, "Most barriers to treatment uptake were specific to the referral form.")
    assert got == [("the referral form", "treatment uptake")], got
    got = _spans(rules_extractor, blank_nlp, "Barriers to uptake were discussed in two focus groups.")
    assert all(f != "two focus groups" for f, _ in got), got


def test_gerund_object_and_shared_group_preposition(rules_extractor, blank_nlp):
    """Constructed: "facilitate [walking] by reducing Y" gives both outcomes; "between and within [wards]"."""
    got = _spans(rules_extractor, blank_nlp, "Early mobilisation might facilitate weaning by reducing muscle loss.")
    assert got == [("Early mobilisation", "weaning"), ("Early mobilisation", "muscle loss")], got
    got = _spans(rules_extractor, blank_nlp, "Protocol adherence varied greatly between and within wards.")
    assert got == [("wards", "Protocol adherence")], got


def test_base_form_verb_read_as_noun(rules_extractor, blank_nlp):
    """Constructed: a plural subject, a base-form trigger verb tagged as a noun premodifier, no finite verb."""
    got = _spans(rules_extractor, blank_nlp, "Conditions at the personal, social, and political level influence "
                                             "uptake of screening programmes in rural regions.")
    assert got == [("Conditions at the personal, social, and political level",
                    "uptake of screening programmes in rural regions")], got
    claims = claims_of(rules_extractor, blank_nlp, "Patients in peer support groups.")
    assert [c for c in claims if c["factor"]["text"]] == []


def test_unsigned_affect_stays_an_association(rules_extractor, blank_nlp):
    """Constructed: an unsigned "affect", hedged or not, is an association (guideline: the outcome's valence
    decides); a hedge changes strength and hedging only (review of the v9 round)."""
    assert _directions(rules_extractor, blank_nlp, "Staff turnover can affect the continuity of care.") == ["promotes"]
    assert _directions(rules_extractor, blank_nlp, "Staff turnover affects the continuity of care.") == ["promotes"]


def test_effective_form_of_is_an_inverted_copula(rules_extractor, blank_nlp):
    """Constructed: "[an effective form of Y] is [X]": X is the factor; "an effective strategy" alone is none."""
    got = _spans(rules_extractor, blank_nlp, "One particularly useful form of staff support is regular peer supervision.")
    assert got == [("regular peer supervision", "staff support")], got
    claims = claims_of(rules_extractor, blank_nlp, "An effective strategy was developed by the team.")
    assert [c for c in claims if c["factor"]["text"]] == []


def test_capitalised_ing_word_is_a_name(rules_extractor, blank_nlp):
    """Constructed: a capitalised "-ing" rule word inside a sentence is part of a name, no trigger."""
    got = _spans(rules_extractor, blank_nlp, "The panel drafted the Strengthening Community Care Framework in 2019.")
    assert [f for f, _ in got if f] == [], got


def test_ranked_among_the_best(rules_extractor, blank_nlp):
    """Constructed: "[X] is one of / among the most [ADJ] N" judges X; the adjective on a noun alone does not."""
    got = _spans(rules_extractor, blank_nlp, "Daily foot checks, which are one of the most important preventive "
                                             "measures, were often skipped.")
    assert ("Daily foot checks", "recovery") in got, got
    got = _spans(rules_extractor, blank_nlp, "Home visits and phone follow-up are among the most effective services.")
    assert got == [("Home visits and phone follow-up", "recovery")], got
    claims = claims_of(rules_extractor, blank_nlp, "One of the most important procedures was described.")
    assert [c for c in claims if c["factor"]["text"]] == []


def test_indirect_question_and_described_people(rules_extractor, blank_nlp):
    """Constructed: "guidance on how to improve Y" asserts nothing about Y; "for patients with X": X is who."""
    got = _spans(rules_extractor, blank_nlp, "The toolkit offers advice to nurses about how to improve wound care.")
    assert all(o != "wound care" for _, o in got), got
    got = _spans(rules_extractor, blank_nlp, "Fatigue was a heavy burden for patients with a severe relapse.")
    assert got == [("Fatigue", "recovery")], got


def test_imperative_and_people_described_by_a_participle(rules_extractor, blank_nlp):
    """Constructed: "[X] is imperative for patients admitted with Y": X is judged, the outcome implicit;
    "it is imperative that / to ..." (extraposition, a recommendation) gives no factor."""
    got = _spans(rules_extractor, blank_nlp, "Early mobilisation is imperative for patients admitted with a hip fracture.")
    assert got == [("Early mobilisation", "recovery")], got
    for text in ("It is imperative that clinicians screen for depression.",
                 "It is imperative to involve families in discharge planning."):
        claims = claims_of(rules_extractor, blank_nlp, text)
        assert [c for c in claims if c["factor"]["text"]] == [], _spans(rules_extractor, blank_nlp, text)


def test_repeated_preposition_hung_on_the_verb(rules_extractor, blank_nlp):
    """Constructed: "[X] has influence on [A], and on [B]": one claim per object, the second "on" on the verb."""
    got = _spans(rules_extractor, blank_nlp, "Ward managers have considerable influence on staffing decisions, and on "
                                             "the culture of their teams.")
    assert ("Ward managers", "staffing decisions") in got and ("Ward managers", "the culture of their teams") in got, got
