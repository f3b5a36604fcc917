""""Retard" and "delay" lower or put off their object, as verbs only (lexicon.RETARDING_VERBS, 2026-11-28).
Sentences written for these tests (illustrative, not data)."""

from .conftest import claims_of


def _rows(extractor, nlp, text):
    return [(c["factor"]["text"], c["direction"], c["outcome"]["text"]) for c in claims_of(extractor, nlp, text)]


def test_delay_as_a_verb_lowers_its_object(rules_extractor, blank_nlp):
    rows = _rows(rules_extractor, blank_nlp, "Early intervention delayed the onset of psychosis.")
    assert ("Early intervention", "promotes", "the onset of psychosis") in rows


def test_delay_as_a_noun_or_premodifier_is_no_trigger(rules_extractor, blank_nlp):
    assert _rows(rules_extractor, blank_nlp, "There was a delay in the onset of action.") == []
    rows = _rows(rules_extractor, blank_nlp, "Delayed treatment was associated with poorer outcomes.")
    assert ("Delayed treatment", "hinders", "poorer outcomes") in rows  # the association, not "delayed"
    assert _rows(rules_extractor, blank_nlp, "The start of treatment was delayed by two weeks.") == []
