"""Rules of the claims@0.9.0 round (development samples v11 and v12).

Every sentence below is **constructed** (written for these tests, not taken from any annotation file).
"""

import pytest

from .conftest import claims_of
from .conftest import pairs as _pairs


def _spans(extractor, nlp, text):
    return _pairs(claims_of(extractor, nlp, text))


@pytest.mark.parametrize("text,expected", [
    # the small tagger reads "results" as a plural noun after "of the N" and the sentence keeps no verb
    ("Stimulation of the receptor results in tissue proliferation.",
     [("Stimulation of the receptor", "tissue proliferation")]),
    ("Loss of the gene results in early obesity and poor growth.",
     [("Loss of the gene", "early obesity and poor growth")]),
])
def test_two_word_trigger_read_as_noun(rules_extractor, blank_nlp, text, expected):
    assert _spans(rules_extractor, blank_nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Results of the trial in patients with depression.",  # a title: the noun, no verb
    "The results of both cohorts were pooled.",
    # titles whose head noun is "results" (independent review of the round): no relation
    "Treatment results in patients with schizophrenia.",
    "Long-term lithium treatment results in elderly patients with bipolar disorder.",
    "Study results in context.",
    "Clinical trial results from a multicenter study.",
    # "results from" names its factor after the verb: not read as "X results in Y"
    "Activation of the receptor results from chronic stress.",
])
def test_results_as_a_noun_stays_no_relation(rules_extractor, blank_nlp, text):
    claims = claims_of(rules_extractor, blank_nlp, text)
    assert [c for c in claims if c["factor"]["text"]] == [], _spans(rules_extractor, blank_nlp, text)


@pytest.mark.parametrize("text", [
    "Memory deficits in patients with HIV infection.",  # a noun phrase title: "deficits in" is no verb
    "Cognitive impairments in older adults with depression.",
])
def test_noun_phrase_titles_with_a_two_word_trigger_stay_no_relation(rules_extractor, blank_nlp, text):
    claims = claims_of(rules_extractor, blank_nlp, text)
    assert [c for c in claims if c["factor"]["text"] and c["outcome"]["text"]] == [], _spans(rules_extractor, blank_nlp, text)


def test_phrase_verb_object_stops_at_a_comparison(rules_extractor, blank_nlp):
    got = _spans(rules_extractor, blank_nlp, "Loss of neurons results in memory impairment in aged rats compared to controls.")
    assert got == [("Loss of neurons", "memory impairment in aged rats")], got
