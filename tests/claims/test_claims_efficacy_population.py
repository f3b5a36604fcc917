"""An efficacy adjective that is effective for a population names the population's condition as the outcome
(claims/effective_for.py, 2026-11-28). Sentences written for these tests (illustrative, not data)."""

import pytest

from .conftest import claims_of


def _rows(extractor, nlp, text):
    return [(c["factor"]["text"], c["direction"], c["outcome"]["text"]) for c in claims_of(extractor, nlp, text)]


@pytest.mark.parametrize("sentence, expected", [
    # the condition of the population is the outcome
    ("Peer support is an effective intervention for people with severe mental illness.",
     ("Peer support", "promotes", "severe mental illness")),
    # hung on the predicate noun after coordinated people
    ("Family psychoeducation is an effective treatment for children and adolescents with depression.",
     ("Family psychoeducation", "promotes", "depression")),
    # an abbreviation names a condition
    ("Parent training is an effective treatment for children with ADHD.", ("Parent training", "promotes", "ADHD")),
    # a disorder named directly stays the outcome (the rule before this one)
    ("Clozapine is an effective treatment for schizophrenia.", ("Clozapine", "promotes", "schizophrenia")),
])
def test_what_the_people_are_treated_for_is_the_outcome(rules_extractor, blank_nlp, sentence, expected):
    assert expected in _rows(rules_extractor, blank_nlp, sentence)


def test_population_alone_is_no_outcome(rules_extractor, blank_nlp):
    assert _rows(rules_extractor, blank_nlp, "Supported employment is an effective intervention for patients.") == []


@pytest.mark.parametrize("trait", ["high levels of social support", "a history of homelessness", "lived experience"])
def test_a_trait_of_the_people_is_no_outcome(rules_extractor, blank_nlp, trait):
    """agent:review-24: only a disorder or symptom (or an abbreviation) is what people are treated for."""
    assert _rows(rules_extractor, blank_nlp, f"Peer support is an effective intervention for people with {trait}.") == []
