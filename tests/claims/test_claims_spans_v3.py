"""Factor/outcome span rules added after claims@0.2.0 (issue #5: factor token-F1 and detection F1).

Every sentence is a real training sentence: the seed review's *training* split
(``annotations/claims.jsonl``, ids ``tew2011-s...``) or an annotated abstract
(``annotations/claims_abstracts.jsonl``, ids ``abs-...``). The seed test split is not used.
The rules were chosen by grouped CV on these training sentences (``bench/claims_dev_cv.py``).
"""

import pytest

from socialrecovery_nlp.claims import hedging

from .conftest import assert_claim, claims_of
from .conftest import pairs as _pairs


def _factors(claims):
    return [c["factor"]["text"] for c in claims]


@pytest.mark.parametrize("row_id,factor,outcome", [
    # subject attached to the auxiliary by the parser ("2-AG <-nsubj- was")
    ("abs-synergy_van_der_Valk_2021-24-s09", "2-AG", "cortisol and cortisone"),
    # a gloss in brackets belongs to the factor; statistics in brackets do not
    ("abs-synergy_van_der_Valk_2021-395-s00", "Low socioeconomic status (SES)", None),
    # the comparator ("than those who had not") is not part of the group
    ("abs-synergy_van_der_Valk_2021-658-s06", "those who had experienced weight discrimination", None),
    # "that" after a reporting verb, misparsed as a determiner, is the complementizer
    ("abs-synergy_van_der_Valk_2021-615-s08", "manipulation of hydrocortisone tablets by parents", None),
    # "more likely to": subject = group, outcome = the infinitive (without "to")
    ("abs-synergy_Oud_2018-574-s08", "Participants who experienced sedation", "drop out"),
    # "more likely in [group]": group = factor, subject = outcome
    ("abs-synergy_Oud_2018-574-s10", "participants taking 300 mg/day of quetiapine", "Adverse events"),
    # object comparative compared with "than", through the object's premodifiers
    ("abs-synergy_Oud_2018-293-s04", "patients with borderline personality disorder", "mental health services"),
    # subject comparative with a group in "in": factor = group, outcome unwrapped from "rate of"
    ("abs-Nagtegaal_2019_nudging-433-s12", "patients who were adequately treated with lipid-lowering drugs",
     "cardiac rehospitalizations"),
    # "a correlation between reports of [A] and [B]" / "a correlation of [A] with [B]"
    ("abs-synergy_van_der_Valk_2021-80-s08", "chronic stress", "resilience"),
    ("abs-synergy_van_der_Valk_2021-24-s10", "AEA", "cortisol"),
    # a gerund subject misparsed as an adverbial clause
    ("abs-synergy_van_der_Valk_2021-353-s00", "Engaging in intensive aerobic exercise, specifically endurance sports", None),
    # a non-projective parse must not drag the predicate into the factor
    ("abs-synergy_van_der_Valk_2021-313-s05", "HCCs at 6 years", None),
    # new triggers (disrupt, affect)
    ("abs-synergy_Sep_2021-51-s04", "lesions to the MEC", "contextual novelty detection"),
])
def test_factor_and_outcome_spans(rules_extractor, blank_nlp, training_texts, row_id, factor, outcome):
    assert_claim(claims_of(rules_extractor, blank_nlp, training_texts[row_id]), factor, outcome)


def test_more_likely_is_not_a_hedge(rules_extractor, blank_nlp, training_texts):
    (claim,) = claims_of(rules_extractor, blank_nlp, training_texts["abs-synergy_Oud_2018-574-s08"])
    assert not claim["hedged"] and "hedge_cue" not in claim
    assert hedging.hedge_cue("Participants were more likely to drop out") is None
    assert hedging.hedge_cue("Participants are likely to drop out") == "likely"


def test_unfavorably_affect_is_a_harm(rules_extractor, blank_nlp, training_texts):
    claims = claims_of(rules_extractor, blank_nlp, training_texts["abs-synergy_van_der_Valk_2021-238-s10"])
    claim = next(c for c in claims if c["factor"]["text"] == "high levels of childhood psychosocial stress")
    assert claim["outcome"]["text"] == "the retinal vascular diameters" and claim["direction"] == "hinders"


def test_result_from_a_gerund_takes_the_whole_gerund(rules_extractor, blank_nlp, training_texts):
    claims = claims_of(rules_extractor, blank_nlp, training_texts["tew2011-s112"])
    assert any(f.startswith("being part of mainstream social networks") for f in _factors(claims)), _pairs(claims)


def test_effect_of_names_the_factor(rules_extractor, blank_nlp, training_texts):
    claims = claims_of(rules_extractor, blank_nlp, training_texts["tew2011-s116"])
    assert "network size" in _factors(claims)
    assert not any("effect of" in f for f in _factors(claims))


def test_supporting_is_a_trigger(rules_extractor, blank_nlp, training_texts):
    claims = claims_of(rules_extractor, blank_nlp, training_texts["tew2011-s141"])
    assert _factors(claims)[0] == "supporting the development of positive relationships"
    assert claims[0]["direction"] == "promotes"


def test_fronted_adjective_copula_keeps_restrictive_relative_clause(rules_extractor, blank_nlp, training_texts):
    # "Also important to recovery were [relationships that situate ...]": one claim, the factor with its
    # relative clauses; the trigger inside the factor ("interactions provide") is not a second claim
    claims = claims_of(rules_extractor, blank_nlp, training_texts["tew2011-s101"])
    assert len(claims) == 1
    assert claims[0]["factor"]["text"].startswith("relationships that situate the person as someone with abilities "
                                                  "and where interactions provide")
    assert claims[0]["outcome"]["text"] == "recovery"


def test_restrictive_relative_clause_is_kept_modal_one_is_cut(rules_extractor, blank_nlp, training_texts):
    kept = claims_of(rules_extractor, blank_nlp, training_texts["tew2011-s129"])
    assert _factors(kept) == ["interventions that promote community safety"]
    cut = claims_of(rules_extractor, blank_nlp, training_texts["tew2011-s040"])
    assert "coercive or paternalistic service responses" in _factors(cut)


def test_relative_pronoun_misparsed_as_complement_subject(rules_extractor, blank_nlp, training_texts):
    claims = claims_of(rules_extractor, blank_nlp, training_texts["tew2011-s069"])
    assert "social stigmatisation" in _factors(claims) and "that" not in _factors(claims)


@pytest.mark.parametrize("row_id", [
    "tew2011-s082",  # "Such programmes aim to increase awareness ...": a purpose infinitive
    "tew2011-s098",  # "Other research has sought to tease out what ... may be enabling of recovery": an aim
    "abs-synergy_van_der_Valk_2021-658-s05",  # "ANCOVAs tested associations between ...": looked for
    "abs-Nagtegaal_2019_nudging-1923-s04",  # "The information provided will enhance awareness ...": a plan
])
def test_unasserted_relations_are_not_claims(rules_extractor, blank_nlp, training_texts, row_id):
    assert claims_of(rules_extractor, blank_nlp, training_texts[row_id]) == []


def test_capability_noun_still_asserts(rules_extractor, blank_nlp, training_texts):
    # "have the potential to counter this tendency" is a (hedged) claim, not a purpose clause
    claims = claims_of(rules_extractor, blank_nlp, training_texts["tew2011-s054"])
    assert _pairs(claims) == [("Service user-run, self-help or mutual support activities", "this tendency")]


def test_extraposed_it_is_not_a_factor(rules_extractor, blank_nlp, training_texts):
    # "it is important to explore how it may contribute ...": no claim of "it" being important
    claims = claims_of(rules_extractor, blank_nlp, training_texts["tew2011-s117"])
    assert not any(c["factor"]["text"] == "it" and c["outcome"]["start"] is None for c in claims), _pairs(claims)


def test_progressive_change_verb_names_no_factor(rules_extractor, blank_nlp, training_texts):
    # "the incidence of type 2 DM ... has been increasing at an alarming rate": what changes, not a factor
    claims = claims_of(rules_extractor, blank_nlp, training_texts["abs-Nagtegaal_2019_nudging-1923-s00"])
    assert all(c["factor"]["start"] is None for c in claims)


def test_literature_search_is_a_method_noun(rules_extractor, blank_nlp, training_texts):
    claims = claims_of(rules_extractor, blank_nlp, training_texts["tew2011-s085"])
    assert "Our literature search" not in _factors(claims)


def test_closing_quote_hung_elsewhere_stays_in_the_factor(rules_extractor, blank_nlp, training_texts):
    # the parser attaches the closing ’ to the root; the factor keeps its quotation whole
    claims = claims_of(rules_extractor, blank_nlp, training_texts["tew2011-s100"])
    assert _factors(claims) == ["social contexts and expectations that create ‘feelings of guilt, shame and anger’"]


def test_token_overlap_uses_sentence_offsets():
    # two spans that start at different characters share the tokens they have in common (before 0.3.0
    # the offsets were relative to each span's start: "support" in [5, 12) did not match [0, 12))
    from socialrecovery_nlp.claims.evaluate import _tokens

    text = "Peer support reduced relapse in women."
    assert _tokens(0, 12, 0, text) == {(0, 4), (5, 12)}
    assert _tokens(5, 12, 0, text) == {(5, 12)}
    assert _tokens(0, 12, 0, text) & _tokens(5, 28, 0, text) == {(5, 12)}
    assert _tokens(None, None, 0, text) == set()
