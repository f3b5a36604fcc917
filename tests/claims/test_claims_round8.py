"""Eighth rule round, from the gaps left by round 7: "weight gain" is recovery in anorexia nervosa, a change
compound keeps its valence before a population ("[weight gain] in patients with schizophrenia"), a phrase trigger
sets the kind when a change noun in the outcome had set it ("led to greater [symptom reduction] than Y"), and
evidence that supports an association is a claim about the association. Every sentence is constructed for these
tests."""

import pytest

from socialrecovery_nlp.claims.underweight import contextual_valence, low_weight_context, names_weight_change
from socialrecovery_nlp.claims.valence import outcome_valence

from .conftest import triples as _claims


@pytest.mark.parametrize("outcome, valence", [
    ("weight gain in patients with schizophrenia", -1),
    ("greater weight gain in patients with schizophrenia", -1),
    ("less weight gain in adolescents", 1),
    ("memory loss in patients with dementia", -1),
    ("less memory loss in patients with dementia", 1),
    ("weight loss in adults with obesity", 1),
    ("symptom reduction in patients with depression", 1),
    ("pain reduction in patients with cancer", 1),
    ("functional decline in older adults", -1),
    # a bare change word still composes with its complement
    ("a significant reduction in symptoms", 1),
    ("a reduction in weight gain", 1),
    # a lesser change of a compound stays lesser (agent:review-28)
    ("less stress reduction in nurses", -1),
    ("smaller symptom reduction in patients with depression", -1),
    ("a smaller risk reduction in women", -1),
    ("gains in social functioning", 1),
    ("increase in depressive symptoms", -1),
])
def test_a_change_compound_keeps_its_valence_before_a_population(outcome, valence):
    assert outcome_valence(outcome) == valence


@pytest.mark.parametrize("text, expected", [
    ("Adolescents with anorexia nervosa were treated as outpatients.", True),
    ("Malnourished older adults received supplements.", True),
    ("Cancer cachexia is common.", True),
    ("Patients with schizophrenia took olanzapine.", False),
    ("Adults with obesity joined the programme.", False),
    # passing mentions (agent:review-28)
    ("Adverse events included nausea and anorexia.", False),
    ("In adults with obesity, semaglutide has an anorexic effect.", False),
    ("Participants were classified as underweight, normal weight, overweight or obese.", False),
    ("The double burden of malnutrition includes overweight and obesity.", False),
    ("Malnourished and obese patients were compared.", False),
])
def test_low_weight_context(text, expected):
    assert low_weight_context(text) is expected


@pytest.mark.parametrize("outcome, expected", [
    ("weight gain", True), ("greater weight gain in adolescents", True), ("BMI increase", True),
    ("body weight loss at 12 weeks", True), ("BMI", True), ("BMI z-score", True), ("an increase in body weight", True),
    ("gain of weight", True), ("weight restoration", False), ("gain in weight-related quality of life", False),
    ("loss of appetite", False), ("weight gain compared with placebo", True), ("weight gain versus placebo", True),
])
def test_names_weight_change(outcome, expected):
    assert names_weight_change(outcome) is expected


def test_contextual_valence_turns_only_weight_changes_in_a_low_weight_context():
    anorexia = "Family therapy for adolescents with anorexia nervosa."
    assert contextual_valence(-1, "weight gain", anorexia) == 1
    assert contextual_valence(1, "weight loss", anorexia) == -1
    assert contextual_valence(-1, "depressive symptoms", anorexia) == -1
    assert contextual_valence(-1, "weight gain", "Olanzapine in schizophrenia.") == -1
    assert contextual_valence(0, "weight gain", anorexia) == 0


def test_weight_gain_promotes_recovery_in_anorexia_nervosa(shipped_extractor, blank_nlp):
    assert _claims(shipped_extractor, blank_nlp,
                   "Family-based treatment led to greater weight gain in adolescents with anorexia nervosa.") == [
        ("Family-based treatment", "weight gain", "promotes")]


def test_weight_gain_hinders_elsewhere_with_a_population(shipped_extractor, blank_nlp):
    claims = _claims(shipped_extractor, blank_nlp,
                     "Olanzapine caused greater weight gain in patients with schizophrenia.")
    assert [(f, d) for f, _o, d in claims] == [("Olanzapine", "hinders")]


def test_a_phrase_trigger_sets_the_kind_of_a_compared_change(shipped_extractor, blank_nlp):
    assert _claims(shipped_extractor, blank_nlp,
                   "Olanzapine led to greater symptom reduction than haloperidol.") == [
        ("Olanzapine", "symptom reduction", "promotes")]


@pytest.mark.parametrize("text, expected", [
    ("The evidence supports an association between social isolation and depression.",
     [("social isolation", "depression", "hinders")]),
    ("Our findings support a link between loneliness and psychosis.", [("loneliness", "psychosis", "hinders")]),
])
def test_evidence_that_supports_an_association_claims_the_association(shipped_extractor, blank_nlp, text, expected):
    claims = [c.to_dict() for c in shipped_extractor(blank_nlp(text))]
    assert sorted((c["factor"]["text"], c["outcome"]["text"], c["direction"]) for c in claims) == expected
    assert all(c["strength"] == "correlational" for c in claims)


def test_a_higher_bmi_promotes_recovery_in_anorexia_nervosa(shipped_extractor, blank_nlp):
    claims = _claims(shipped_extractor, blank_nlp, "Family-based treatment increased BMI in adolescents with anorexia nervosa.")
    assert [(f, d) for f, _o, d in claims] == [("Family-based treatment", "promotes")]


def test_anorexia_as_a_side_effect_in_another_sentence_does_not_turn_weight_gain(shipped_extractor, blank_nlp):
    claims = _claims(shipped_extractor, blank_nlp, "Adverse events included nausea and anorexia. "
                     "Olanzapine caused greater weight gain in patients with schizophrenia.")
    assert ("Olanzapine", "hinders") in [(f, d) for f, _o, d in claims]


def test_the_record_title_sets_the_low_weight_context(shipped_extractor, blank_nlp):
    from socialrecovery_nlp.corpus import Record
    from socialrecovery_nlp.pipeline.extensions import register_extensions

    register_extensions()
    doc = blank_nlp("Family-based treatment led to greater weight gain than individual therapy.")
    doc._.record = Record(id="1", title="Family-based treatment for adolescent anorexia nervosa")
    assert [(c.to_dict()["factor"]["text"], c.to_dict()["direction"]) for c in shipped_extractor(doc)] == [
        ("Family-based treatment", "promotes")]


@pytest.mark.parametrize("text, factor, direction", [
    ("Our findings support a negative association between social support and depression.", "social support", "promotes"),
    ("The results support an inverse relationship between exercise and depressive symptoms.", "exercise", "promotes"),
])
def test_a_supported_negative_association_keeps_its_polarity(shipped_extractor, blank_nlp, text, factor, direction):
    assert [(f, d) for f, _o, d in _claims(shipped_extractor, blank_nlp, text)] == [(factor, direction)]
