"""A passive change without an agent: what it names as means or cause is the factor; without one, no claim.

Every sentence below is **constructed** for these tests (never evaluated on). Log: ``bench/claims_dev_cv.md``,
section "claims@0.8.0 round".
"""

import pytest

from .conftest import claims_of
from .conftest import pairs as _pairs


@pytest.mark.parametrize("text,expected", [
    ("Relapse was reduced with weekly peer support.", [("weekly peer support", "Relapse")]),
    ("Loneliness can be reduced through joining a community group.", [("joining a community group", "Loneliness")]),
    ("Because of the longer follow-up, the dropout rate was increased.", [("the longer follow-up", "the dropout rate")]),
    ("Due to stable housing, hospital admissions were reduced.", [("stable housing", "hospital admissions")]),
    ("Following the training programme, stigma was reduced.", [("the training programme", "stigma")]),
    ("Anxiety was significantly reduced after treatment with sertraline.", [("treatment with sertraline", "Anxiety")]),
])
def test_means_or_cause_of_a_passive_change_is_the_factor(rules_extractor, blank_nlp, text, expected):
    assert _pairs(claims_of(rules_extractor, blank_nlp, text)) == expected


@pytest.mark.parametrize("text", [
    "If patients improved more than controls, the dose was increased.",
    "The dose was increased.",
    "Self-esteem was improved.",
    "Symptoms were reduced after 12 weeks.",
])
def test_a_passive_change_that_names_no_cause_is_no_claim(rules_extractor, blank_nlp, text):
    assert claims_of(rules_extractor, blank_nlp, text) == []


@pytest.mark.parametrize("text", [
    "Depressive symptoms were reduced with a large effect size.",
    "Symptoms were reduced with no change in functioning.",
    "Doses were reduced with caution in older patients.",
    "Following randomisation, the dose was increased.",
    "The sample size was increased because of low recruitment.",
    "The number of participants was reduced due to attrition.",
    "Symptoms were reduced with both treatments.",
])
def test_manner_size_or_study_steps_are_no_cause(rules_extractor, blank_nlp, text):
    # constructed (review of the claims@0.8.0 round): a manner, an effect size, a generic group or a step of the
    # study named with "with / because of / following" is no factor
    assert [c for c in claims_of(rules_extractor, blank_nlp, text) if c["factor"]["text"]] == []
