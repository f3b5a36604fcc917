"""An efficacy adjective that is effective for a population names the population's condition as the outcome
(claims/effective_for.py, 2026-11-28). Sentences written for these tests (illustrative, not data)."""

import pytest

from .conftest import claims_of


def _rows(extractor, nlp, text):
    return [(c["factor"]["text"], c["direction"], c["outcome"]["text"]) for c in claims_of(extractor, nlp, text)]


def test_condition_of_the_population_is_the_outcome(rules_extractor, blank_nlp):
    rows = _rows(rules_extractor, blank_nlp, "Peer support is an effective intervention for people with severe mental illness.")
    assert ("Peer support", "promotes", "severe mental illness") in rows


def test_condition_hung_after_coordinated_people(rules_extractor, blank_nlp):
    rows = _rows(rules_extractor, blank_nlp,
                 "Family psychoeducation is an effective treatment for children and adolescents with depression.")
    assert ("Family psychoeducation", "promotes", "depression") in rows


def test_population_alone_is_no_outcome(rules_extractor, blank_nlp):
    assert _rows(rules_extractor, blank_nlp, "Supported employment is an effective intervention for patients.") == []


@pytest.mark.parametrize("trait", ["high levels of social support", "a history of homelessness", "lived experience"])
def test_a_trait_of_the_people_is_no_outcome(rules_extractor, blank_nlp, trait):
    """agent:review-24: only a disorder or symptom (or an abbreviation) is what people are treated for."""
    assert _rows(rules_extractor, blank_nlp, f"Peer support is an effective intervention for people with {trait}.") == []


def test_an_abbreviated_condition_is_the_outcome(rules_extractor, blank_nlp):
    rows = _rows(rules_extractor, blank_nlp, "Parent training is an effective treatment for children with ADHD.")
    assert ("Parent training", "promotes", "ADHD") in rows


def test_a_disorder_named_directly_stays_the_outcome(rules_extractor, blank_nlp):
    rows = _rows(rules_extractor, blank_nlp, "Clozapine is an effective treatment for schizophrenia.")
    assert ("Clozapine", "promotes", "schizophrenia") in rows
