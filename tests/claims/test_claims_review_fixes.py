"""Negative tests for the independent review of the claims@0.6.0 span rules (agent:claims-16).

Each finding of the review is a false claim of a new span rule; each test here is a sentence that must give
no relation (no claim with a factor), or no wrong span. Sentences are constructed by the reviewer unless a
comment says otherwise (none is from the seed test split or the held-out / development abstracts). The
positives the fixes must keep are tested in ``test_claims_spans_v6.py`` / ``test_claims_spans_v6b.py``
("Alcohol-free activities that included peers or dates were more enjoyable ...", "These changes resulted
from the restoration of ionic balance ...", "[Deletion of X] impairs [Y]").
"""

import pytest

from .conftest import claims_of
from .conftest import pairs as _pairs


def _factors(extractor, nlp, text):
    return [c["factor"]["text"] for c in claims_of(extractor, nlp, text) if c["factor"]["text"]]


@pytest.mark.parametrize("text", [
    # 1. the assertion filters run before the special constructions (spans._extract); constructed
    "Studies that demonstrated the efficacy of CBT for depression were included in the meta-analysis.",
    "We do not know whether trials support the efficacy of CBT for depression.",
    "We examined whether patients with schizophrenia have deficits in working memory.",
    "Further research to establish the effectiveness of peer support in recovery is needed.",
    # 2. a compared predicate adjective needs a group subject (adjective_comparison); constructed
    "The sample was more diverse than previous samples.",
    "The questionnaire was more reliable than the older one.",
    # 3. "results from" as a noun is no trigger (spans.find_triggers); constructed
    "The results from both cohorts were pooled.",
    "Preliminary results from a pilot study are presented.",
    # 4. an effect noun under a verb of inquiry or an aim is looked for, not found (spans._INQUIRY_VERBS); constructed
    "This trial compares the effects of exercise on depression in older adults.",
    "The main aim of the study was to characterise the dose-related effects of methylphenidate on attention.",
    # 5. "followed by" between procedure steps (spans._procedure_sequence); constructed
    "Each session started with a resting-state scan and was followed by a transfer run without NF.",
    "Each session was followed by a short questionnaire.",
    # 6. a procedure subject of "elicit" names no factor (spans._find_factor); constructed
    "Interviews elicited information about housing and employment.",
    # 7. a plural noun is no misread verb, nor a prepositional object its subject (misparsed_verb); constructed
    "Interpretation of the (large) between condition effects warrants cautionary caveats regarding dosages.",
    "Low-dose olanzapine for levodopa induced dyskinesias.",
    # 9. an anaphor is no outcome of a consequence noun (consequence); constructed
    "This is a consequence of the design.",
])
def test_no_relation(rules_extractor, blank_nlp, text):
    assert not _factors(rules_extractor, blank_nlp, text), _pairs(claims_of(rules_extractor, blank_nlp, text))


def test_conditional_group_improvement_is_no_group_result(rules_extractor, blank_nlp):
    # 1. constructed: the "if" clause is not asserted, so "patients" is no factor ("the dose was increased" is
    # read by the older passive-change rule and is not part of this finding)
    claims = claims_of(rules_extractor, blank_nlp, "If patients improved more than controls, the dose was increased.")
    assert not any(c["factor"]["text"] == "patients" for c in claims), _pairs(claims)


def test_time_span_is_no_outcome(rules_extractor, blank_nlp):
    # 6. constructed: "across the four sessions" is when the change was seen, neither factor nor outcome
    text = "Functional connectivity was altered across the four sessions of neurofeedback training."
    claims = claims_of(rules_extractor, blank_nlp, text)
    assert not any("sessions" in c["factor"]["text"] or "sessions" in c["outcome"]["text"] for c in claims), \
        _pairs(claims)


def test_misread_verb_outcome_has_no_dangling_coordinator(rules_extractor, blank_nlp):
    # 8. constructed: "decreased [saccadic velocity] and increased ...": the outcome stops before "and"
    claims = claims_of(rules_extractor, blank_nlp,
                       "Time-on-duty decreased saccadic velocity and increased subjective fatigue.")
    assert ("Time-on-duty", "saccadic velocity") in _pairs(claims)
    assert not any(c["outcome"]["text"].endswith(" and") for c in claims), _pairs(claims)


@pytest.mark.parametrize("text, pair", [
    # constructed positives next to the negatives above
    ("Patients in the CBT group were less anxious than controls.", ("Patients in the CBT group", "anxious")),
    ("Trials demonstrated the efficacy of CBT for depression.", ("CBT", "depression")),
])
def test_positives_kept(rules_extractor, blank_nlp, text, pair):
    assert pair in _pairs(claims_of(rules_extractor, blank_nlp, text))


@pytest.mark.parametrize("text, pair", [
    # examples/batch.ris (Oud 2018 record, CC0): the group a trait is characteristic of is the factor
    ("Poor skills in managing and understanding emotion were characteristic of these individuals.",
     ("these individuals", "Poor skills in managing and understanding emotion")),
    # constructed: no group after "of", the sentence order stays
    ("Elevated cortisol is characteristic of chronic stress.", ("Elevated cortisol", "chronic stress")),
])
def test_characteristic_of_a_group_is_a_group_result(rules_extractor, blank_nlp, text, pair):
    assert pair in _pairs(claims_of(rules_extractor, blank_nlp, text))
