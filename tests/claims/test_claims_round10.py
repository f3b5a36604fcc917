"""Round 10: claim forms of the social and psychological literature read from the findings sample's dev half
(``annotations/claims_findings_f1_dev.jsonl``): causal wording of associations, multiplied likelihoods, variance
explained, comparative correlatives, hedge adverbs, everyday harms and care received as outcomes, relative pronouns as
no factor, and a later clause that finds no difference.

The sentences are illustrative, written for the tests (never evaluated on, not data), except two marked as real
sentences of the CC0 screening abstracts.
"""

from __future__ import annotations

import pytest

from socialrecovery_nlp.claims import lexicon as lx
from socialrecovery_nlp.claims.valence import outcome_valence

from .conftest import claims_of, triples


@pytest.mark.parametrize("text, strength", [
    ("Loneliness affects recovery in older adults.", "causal"),
    ("Loneliness may affect recovery in older adults.", "conditional_causal"),
    ("Neighbourhood deprivation influenced recovery.", "causal"),
    ("Loneliness was associated with depression.", "correlational"),  # an association stays correlational
])
def test_associations_in_causal_wording_are_causal(rules_extractor, blank_nlp, text, strength):
    claims = claims_of(rules_extractor, blank_nlp, text)
    assert claims and {c["strength"] for c in claims} == {strength}, claims


@pytest.mark.parametrize("text, expected", [
    ("Women who experienced violence were twice as likely to report depression.",
     [("Women who experienced violence", "depression", "hinders")]),
    ("Unemployed men were four times as likely to attempt suicide.", [("Unemployed men", "suicide", "hinders")]),
    ("Adults living with family were half as likely to relapse.", [("Adults living with family", "relapse", "promotes")]),
    ("It is as likely as not that the drug works.", []),  # no multiplier: no relation
])
def test_multiplied_likelihoods(rules_extractor, blank_nlp, text, expected):
    assert triples(rules_extractor, blank_nlp, text) == expected
    assert all(not c["hedged"] and c["strength"] == "correlational" for c in claims_of(rules_extractor, blank_nlp, text))


@pytest.mark.parametrize("words, times", [
    (["four", "times"], 4.0), (["twice"], 2.0), (["a", "2.5-fold"], 2.5), (["were", "0.5", "times"], 0.5),
    (["were", "half"], 0.5), (["one-third"], 1 / 3), (["several", "times"], 3.0), (["equally"], None), ([], None),
])
def test_likelihood_multipliers(words, times):
    assert lx.likelihood_multiplier(words) == times


@pytest.mark.parametrize("text, expected", [
    ("Smokers were 0.5 times as likely to relapse.", [("Smokers", "relapse", "promotes")]),
    ("Adults living with family were one-third as likely to relapse.",
     [("Adults living with family", "relapse", "promotes")]),
    ("Adolescents were twice as likely to be obese.", [("Adolescents", "obese", "hinders")]),
])
def test_a_multiplier_below_one_lowers(rules_extractor, blank_nlp, text, expected):
    assert triples(rules_extractor, blank_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Social support explained 12% of the variance in life satisfaction.",
     [("Social support", "life satisfaction", "promotes")]),
    ("Loneliness accounted for 20% of the variation in depressive symptoms.",
     [("Loneliness", "depressive symptoms", "hinders")]),
    ("Age, sex and income did not account for a significant portion of the variance in depression scores.",
     [("Age, sex and income", "depression scores", "no_effect")]),
    ("This may explain the difference between the two groups.", []),
    ("Men accounted for 40% of the sample.", []),
    ("We explained 30% of the variance in recovery scores with the model.", []),
])
def test_variance_explained(rules_extractor, blank_nlp, text, expected):
    assert triples(rules_extractor, blank_nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The less religious doubt people have, the more they are willing to give.",
     [("religious doubt", "they are willing to give", "hinders")]),
    ("The more social support participants reported, the lower their depressive symptoms.",
     [("social support", "their depressive symptoms", "promotes")]),
    ("Moreover, the higher the level of internalised stigma, the lower the self-esteem of participants.",
     [("the level of internalised stigma", "the self-esteem of participants", "hinders")]),
    ("The more often patients attended the clubhouse, the better their social functioning.",
     [("patients attended the clubhouse", "their social functioning", "promotes")]),
])
def test_comparative_correlatives(rules_extractor, blank_nlp, text, expected):
    assert triples(rules_extractor, blank_nlp, text) == expected
    assert {c["strength"] for c in claims_of(rules_extractor, blank_nlp, text)} == {"correlational"}


def test_a_correlative_must_open_the_sentence(rules_extractor, blank_nlp):
    assert triples(rules_extractor, blank_nlp, "The results were the more surprising, the longer we looked.") == []


def test_hedge_adverbs(rules_extractor, blank_nlp):
    claims = claims_of(rules_extractor, blank_nlp, "Peer support apparently reduced loneliness.")
    assert claims and all(c["hedged"] and c["hedge_cue"] == "apparently" for c in claims)
    assert "apparently" not in lx.HEDGE_WORDS, "the detector's features stay those it was trained with"


@pytest.mark.parametrize("text, valence", [
    ("bad decisions", -1), ("traffic accidents", -1), ("crashes", -1), ("be unemployed", -1),
    ("financial struggles", -1), ("risky sexual behaviour", -1),
    ("utilization of substance abuse treatment", 1), ("treatment uptake", 1), ("use of mental health services", 1),
    ("drug use", -1), ("the use of restraint", -1),  # no care received
])
def test_everyday_harms_and_care_received(text, valence):
    assert outcome_valence(text) == valence


@pytest.mark.parametrize("text, expected", [
    ("Women, who had higher social support, reported lower depression.", [("Women", "depression", "promotes")]),
    ("Patients, who have an enhanced knowledge of their conditions, demonstrate a reduced anxiety.",
     [("Patients", "anxiety", "promotes")]),
])
def test_a_relative_pronoun_is_no_factor(rules_extractor, blank_nlp, text, expected):
    assert triples(rules_extractor, blank_nlp, text) == expected


def test_a_later_clause_that_finds_no_difference_denies(shipped_extractor, blank_nlp):
    text = ("Utilization of treatment was significantly higher for the control group, but no differences were found "
            "in substance use or psychiatric symptoms.")
    by_outcome = {c["outcome"]["text"]: c["direction"] for c in claims_of(shipped_extractor, blank_nlp, text)}
    assert by_outcome.get("substance use or psychiatric symptoms") == "no_effect", by_outcome


@pytest.mark.parametrize("text, social", [
    ("Societal factors", True), ("periods of being alone", True), ("people living alone", True),
    ("the drug alone", False), ("the structure of microbial communities", False), ("the local community", True),
])
def test_social_words_of_round_10(rules_extractor, text, social):
    assert rules_extractor.social_factor(text) is social


# -- agent:review-32's findings ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["The more, the better", "The higher, the better", "The earlier, the better"])
def test_a_bare_correlative_names_nothing_and_does_not_crash(rules_extractor, blank_nlp, text):
    assert triples(rules_extractor, blank_nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("The longer the duration of untreated psychosis, the worse the symptoms.",
     [("the duration of untreated psychosis", "the symptoms", "hinders")]),
    ("The later the diagnosis, the worse the prognosis.", [("later the diagnosis", "the prognosis", "hinders")]),
    ("The better the therapeutic alliance, the lower the dropout.",
     [("the therapeutic alliance", "the dropout", "promotes")]),
    ("The more sexual partners they had, the more likely they were to take sexual risks, she added.",
     [("sexual partners they had", "take sexual risks", "hinders")]),
    ("The greater the number of negative life events, the higher the risk of relapse (Smith et al., 2010).",
     [("the number of negative life events", "the risk of relapse", "hinders")]),
])
def test_correlatives_of_time_evaluation_and_reports(rules_extractor, blank_nlp, text, expected):
    assert triples(rules_extractor, blank_nlp, text) == expected


def test_two_clauses_about_groups_are_no_correlative(rules_extractor, blank_nlp):
    text = "The higher dose was associated with improved sleep, the lower dose had no effect."
    assert ("The higher dose", "improved sleep", "promotes") in triples(rules_extractor, blank_nlp, text)


@pytest.mark.parametrize("text, valence", [
    ("the use of inappropriate treatment", -1), ("unnecessary treatment use", -1),
    ("service utilisation", 0),  # the use of services is often the burden a treatment lowers
])
def test_care_received_turned_over_or_unknown(text, valence):
    assert outcome_valence(text) == valence


@pytest.mark.parametrize("text", [
    "The model explained 43% of the variance in depression.",
    "This may partially explain the large variation in approaches.",
])
def test_a_model_or_an_explanation_is_no_variance_claim(rules_extractor, blank_nlp, text):
    assert triples(rules_extractor, blank_nlp, text) == []


@pytest.mark.parametrize("text, cue", [
    ("Peer support apparently reduced loneliness.", "apparently"),
    ("Loneliness was presumably reduced by peer support.", "presumably"),
    ("Peer support reduced stress (and presumably patient distress).", None),
    ("Peer support is an apparently infrequent cause of stress.", None),
])
def test_a_hedge_adverb_hedges_a_verb_only(text, cue):
    from socialrecovery_nlp.claims.hedging import hedge_cue

    assert hedge_cue(text) == cue


@pytest.mark.parametrize("text", [
    "Borderline personality disorder affects 2.7% of adults.",  # a prevalence
    # an association (two real sentences of review-32's corpus, screening abstracts, CC0)
    "In patients with deficient affect regulation, increase in depressed affect after a medical interview may be "
    "associated with delayed effects in adrenocortical activity.",
    "The effects of pregnancy distress were associated with spontaneous but not with medically indicated preterm birth.",
])
def test_no_causal_wording_in_prevalences_and_associations(rules_extractor, blank_nlp, text):
    claims = claims_of(rules_extractor, blank_nlp, text)
    assert all(c["strength"] == "correlational" for c in claims), claims


def test_a_relative_pronoun_subject_of_the_main_verb_is_its_antecedent(rules_extractor, blank_nlp):
    text = "Women, who had a greater extent and longer duration of benefit than men, were more likely to continue treatment."
    assert [f for f, _, _ in triples(rules_extractor, blank_nlp, text)] == ["Women"]


# -- agent:review-33's findings ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Medication usage at baseline does not explain variation in clinical symptoms.",
     [("Medication usage at baseline", "clinical symptoms", "no_effect")]),
    ("Social support explained a significant part of the variation in recovery.",
     [("Social support", "recovery", "promotes")]),
    ("Income explained much of the inter-individual variability in stress.", [("Income", "stress", "hinders")]),
    ("Social support explained 20% of the variance in depression.", [("Social support", "depression", "hinders")]),
])
def test_variance_with_an_amount_a_denial_or_the_verbs_own_phrase(rules_extractor, blank_nlp, text, expected):
    assert triples(rules_extractor, blank_nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The drug did not significantly affect 24-h retention.",  # a number in the object is no prevalence
    "The intervention had a positive effect on health-related quality of life.",  # "related" is no association here
])
def test_causal_wording_kept(rules_extractor, blank_nlp, text):
    claims = claims_of(rules_extractor, blank_nlp, text)
    assert claims and all(c["strength"] == "causal" for c in claims), claims


@pytest.mark.parametrize("text, expected", [
    ("The later the treatment, the worse the outcome.", [("later the treatment", "the outcome", "hinders")]),
    ("The higher the dose, the more likely patients were to relapse, the authors noted.",
     [("the dose", "relapse", "hinders")]),
    ("The stronger the social network, the less lonely people felt.",
     [("the social network", "lonely people felt", "promotes")]),
    ("The more friends people had, the less lonely they were, and the better they slept.",
     [("friends", "lonely they were", "promotes")]),
])
def test_correlatives_after_the_second_review(rules_extractor, blank_nlp, text, expected):
    assert triples(rules_extractor, blank_nlp, text) == expected


@pytest.mark.parametrize("text, valence", [
    ("depressed patients' use of mental health services", 1), ("use of psychological services", 1),
    ("use of services", 0),
])
def test_mental_health_services_are_care(text, valence):
    assert outcome_valence(text) == valence


@pytest.mark.parametrize("words, times", [(["threefold"], 3.0), (["2,5", "times"], 2.5), (["nan"], None)])
def test_more_multiplier_forms(words, times):
    assert lx.likelihood_multiplier(words) == times
