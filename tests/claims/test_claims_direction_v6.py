"""Direction of the claims@0.6.0 round (issue #5, agent:claims-14): outcome valence and no-effect cues.

Phrases and sentences are from *training* sentences (the training abstracts v1, v2, v5 and v6, split ``train``)
unless a comment marks them as constructed. The seed test split and the held-out / development abstracts (v3,
v4) are not used. Log: ``bench/claims_direction_dev.md``.
"""

import pytest

from socialrecovery_nlp.claims.direction import compose, outcome_valence
from socialrecovery_nlp.claims.hedging import (
    negation_cue,
    nonsignificant_p,
    post_negation_cue,
)

from .conftest import claims_of


@pytest.mark.parametrize("phrase,valence", [
    # adverse effects, clinical risk markers and risk itself (guideline "Abstracts": adverse events are bad)
    ("Hot flashes", -1),
    ("hot flash frequency", -1),
    ("headache, nausea, and somnolence", -1),
    ("IOP", -1),
    ("EPS", -1),
    ("medical risk", -1),
    ("unique risks", -1),
    ("the risk", -1),
    ("serious medical and psychiatric sequelae", -1),
    ("microbleeds", -1),
    ("markers of adiposity", -1),
    ("waist circumference", -1),
    ("the opioid and non-opioid analgesic requirements", -1),
    ("the overuse of antibiotics in primary care settings", -1),
    ("cocaine use", -1),
    ("interpersonal friction", -1),
    ("allostatic load", -1),
    ("need of assistance", -1),
    ("variability in clinical practice", -1),
    ("unrealistic educational demands", -1),
    ("QTc prolongation", -1),
    # stress physiology is read like cortisol (guideline "Abstracts")
    ("the catecholamine response to surgical stress", -1),
    ("plasma corticosterone levels in non-habituated rats", -1),
    ("HPA axis activation", -1),
    ("adrenocortical activity", -1),
    ("The inflammatory response (SC)", -1),
    # depressive adjectives and harmful modifiers
    ("depressive behaviors (forced swim)", -1),
    ("depressed affect immediately following the interview", -1),
    ("the impairing effects of the stressor", -1),
    ("the abnormal olfactory preference behaviors", -1),
    # disorder word forms
    ("hypocortisolism", -1),
    ("hypogonadotropic hypogonadism and central hypothyroidism", -1),
    ("apoptosis, astrocytosis and lipofuscin accumulation in the hippocampus", -1),
    ("grade 3-4 thrombocytopenia", -1),  # constructed
    ("neuropathy", -1),  # constructed
    ("arthritis", -1),  # constructed
    # goods
    ("quality-of-life scores", 1),
    ("successful spatial navigation", 1),
    ("adult hippocampal neurogenesis", 1),
    ("enjoyment related to alcohol-free activities", 1),
    ("clinical pregnancy", 1),
    ("heart rate variability", 1),  # constructed
    ("beneficial effects", 1),  # constructed
])
def test_outcome_valence_v6(phrase, valence):
    assert outcome_valence(phrase) == valence


@pytest.mark.parametrize("phrase", [
    # ordinary words that share a disorder form stay unknown (constructed)
    "the hypothesis", "hypobaric bupivacaine", "hypothalamic activity", "empathy", "the diagnosis",
    "the prognosis", "emphasis",
    # brain glucose metabolism is not blood glucose (training abstract v1)
    "glucose metabolic rate in three left frontal regions",
])
def test_outcome_valence_v6_unknown(phrase):
    assert outcome_valence(phrase) == 0


@pytest.mark.parametrize("window", [
    "Olanzapine and risperidone were equivalent in their improvement",
    "Education and guidelines used together or in combination have little effect",
    "THC exposure had a negligible effect",
    "Risperidone was well tolerated and as effective",
    "they may be ineffective in increasing",
    "Wash was noninferior",  # constructed after an Evidence Inference *validation* text
])
def test_no_effect_cues_before_trigger(window):
    assert negation_cue(window)


@pytest.mark.parametrize("window", [
    "EPA and DHA appear to have negligible risks and some potential benefit",  # a small harm, not a null effect
    "the new drug was twice as effective",  # constructed
])
def test_no_effect_cues_not_overread(window):
    assert negation_cue(window) is None


@pytest.mark.parametrize("after", [
    " neither spatial and recognition memory, nor emotional reactivity.",
    " were negligible.",
    " in HbA(1c) did not achieve statistical significance potentially because of the small sample size",
    " between fluoridated group and non-fluoridated group was not found to be statistically significant",
    " was equivalent.",
    " appear unaffected.",
])
def test_no_effect_cues_after_trigger(after):
    assert post_negation_cue(after)


def test_not_significant_marks():
    # constructed after the style of reported results
    assert nonsignificant_p("Rate of recurrence was 21% and 24% (p = NS).")
    assert nonsignificant_p("Transfusions were given in 2.2% and 2.7% of the cases (NS).")
    assert nonsignificant_p("Y was lower (p = 0.01) in A than in B (NS for C).") is None


def test_compose_with_new_valence():
    # "reduce IOP" (decrease x bad) promotes; "a lower risk of EPS" promotes
    assert compose("decrease", outcome_valence("IOP")) == "promotes"
    assert compose("increase", outcome_valence("microbleeds")) == "hinders"


@pytest.mark.parametrize("text,direction", [
    ("We demonstrate here that by using PCA, we were able to describe the main variables of interest and "
     "demonstrate that THC exposure had a negligible effect on the variance in the data set.", "no_effect"),
    ("Olanzapine and risperidone were equivalent in their improvement of PANSS positive and negative scores and "
     "Clinical Global Impression-Severity of Illness scale (CGI-S) at endpoint.", "no_effect"),
    ("Both 0.25% and 0.5% apraclonidine significantly reduce IOP when used as primary ocular hypotensive "
     "medication.", "promotes"),
    ("The combined administration of oral and transdermal clonidine effectively attenuated the catecholamine "
     "response to surgical stress throughout the postoperative study period.", "promotes"),
])
def test_direction_of_training_sentences(rules_extractor, blank_nlp, text, direction):
    claims = claims_of(rules_extractor, blank_nlp, text)
    assert claims and direction in {c["direction"] for c in claims}


def test_review_fixes_for_valence_and_no_effect_cues():
    # constructed examples from the independent review of the 0.6.0 round
    from socialrecovery_nlp.claims import hedging
    from socialrecovery_nlp.claims.valence import outcome_valence

    assert outcome_valence("academia") == 0 and outcome_valence("nostalgia") == 0
    assert outcome_valence("anaemia") == -1 and outcome_valence("neuralgia") == -1
    assert hedging.negation_cue("The dose was equivalent to 10 mg of morphine and reduced pain.") is None
    assert hedging.negation_cue("The two doses were equivalent in reducing pain.") == "equivalent"
    assert hedging.post_negation_cue("Exercise not only reduced pain but significantly improved sleep.") is None
    assert hedging.post_negation_cue("the difference was not statistically significant") == "not statistically significant"
