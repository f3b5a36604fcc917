"""Direction by composition: the table, negation, contrast, outcome valence, hard cases."""

import pytest

from socialrecovery_nlp.claims import lexicon as lx
from socialrecovery_nlp.claims.direction import compose, outcome_valence

from .conftest import claims_of

TABLE = [
    (lx.BENEFIT, 1, "promotes"), (lx.BENEFIT, -1, "promotes"), (lx.BENEFIT, 0, "promotes"),
    (lx.HARM, 1, "hinders"), (lx.HARM, -1, "hinders"), (lx.HARM, 0, "hinders"),
    (lx.INCREASE, 1, "promotes"), (lx.INCREASE, -1, "hinders"), (lx.INCREASE, 0, "promotes"),
    (lx.ASSOCIATE, 1, "promotes"), (lx.ASSOCIATE, -1, "hinders"),
    (lx.DECREASE, 1, "hinders"), (lx.DECREASE, -1, "promotes"), (lx.DECREASE, 0, "hinders"),
]


@pytest.mark.parametrize("kind,valence,expected", TABLE)
def test_composition_table(kind, valence, expected):
    assert compose(kind, valence) == expected


@pytest.mark.parametrize("kind", [lx.BENEFIT, lx.HARM, lx.INCREASE, lx.DECREASE, lx.ASSOCIATE])
def test_negation_and_contrast_win(kind):
    assert compose(kind, 1, negated=True) == "no_effect"
    assert compose(kind, -1, mixed=True) == "mixed"
    assert compose(kind, -1, negated=True, mixed=True) == "mixed"


def test_unknown_kind_raises():
    with pytest.raises(ValueError):
        compose("sideways", 1)


@pytest.mark.parametrize("text,valence", [
    ("relapse", -1), ("the likelihood of relapse", -1), ("symptomatology", -1), ("recovery", 1),
    ("self-esteem and hope", 1), ("levels of functioning", 1), ("social isolation and poorer outcome", -1),
    ("mental health difficulties", -1), ("improved mental health", 1), ("low self-esteem", -1),
    ("the weather", 0),
])
def test_outcome_valence(text, valence):
    assert outcome_valence(text) == valence


# Hard cases. The first three sentences are the review's own (Tew et al. 2011); the last is an
# illustrative sentence written for this test (not data, never evaluated on).
HARD = [
    ("Across a range of studies, this has been shown to greatly increase the likelihood of relapse (Hooley, 2007).",
     "hinders", "relapse"),
    (("Within the context of this review, a strengths approach has been shown not just to contribute to social "
     "recovery, but also to a major reduction in symptomatology compared to a more conventional assertive outreach "
     "approach (Barry et al., 2003)."), "promotes", "symptomatology"),
    (("While one study found this correlated with better recovery outcomes (Hendryx et al., 2009), another found "
     "that, unlike work, this did not improve levels of functioning (Eklund et al., 2004)—which suggests that "
     "undertaking activities just for the sake of it may not always be beneficial."), "no_effect",
     "levels of functioning"),
    ("Peer support may be helpful for some but a burden for others.", "mixed", None),
]


@pytest.mark.parametrize("sentence,direction,outcome", HARD)
def test_hard_cases(rules_extractor, blank_nlp, sentence, direction, outcome):
    claims = claims_of(rules_extractor, blank_nlp, sentence)
    assert claims, sentence
    if outcome:
        claims = [c for c in claims if c["outcome"]["text"] == outcome]
        assert claims, f"no claim with outcome {outcome!r}"
    assert claims[0]["direction"] == direction


def test_barriers_include_inverts_subject_and_object(rules_extractor, blank_nlp):
    # Shortened from the review's "Barriers to social inclusion include not just social stigma ..." (illustrative).
    (claim,) = claims_of(rules_extractor, blank_nlp, "Barriers to social inclusion include social stigma and discrimination.")
    assert claim["factor"]["text"] == "social stigma and discrimination"
    assert claim["outcome"]["text"] == "social inclusion"
    assert claim["direction"] == "hinders"
