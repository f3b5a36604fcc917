"""Outcome valence read from the head of the outcome phrase (claims/valence.py).

The phrases are constructed to show one reading each (not annotation data)."""

from __future__ import annotations

import pytest

from socialrecovery_nlp.claims.valence import lexicon_valence, outcome_valence


@pytest.mark.parametrize("phrase, valence", [
    # the head decides, not the last known word
    ("impairments in object recognition", -1),
    ("deficits in social functioning", -1),
    ("improvements in depression", 1),
    ("quality of life", 1),
    ("length of stay", -1),
    # wrappers pass the question on to their complement
    ("the risk of relapse", -1),
    ("higher levels of anxiety", -1),
    ("lower levels of self-esteem", -1),
    ("the number of friendships", 1),
    # change heads compose with their complement
    ("a reduction in symptoms", 1),
    ("a decline in memory", -1),
    ("an increase in well-being", 1),
    ("cognitive decline", -1),
    ("weight loss", 1),
    # a change word that ends the phrase (review finding): a known phrase first, else it composes
    ("weight gain", -1),
    ("antipsychotic-induced weight gain", -1),
    ("memory loss", -1),
    ("symptom reduction", 1),
    ("smoking cessation", 1),
    ("symptom improvement", 1),
    ("risk of falls", -1),
    # plural forms and worsening modifiers
    ("stress-related diseases", -1),
    ("psychiatric disorders", -1),
    ("adverse child health outcomes", -1),
    ("poor sleep quality", -1),
    # head unknown: the right-most known phrase of the whole outcome, as before
    ("both micro vascular and macro vascular diseases", -1),
    ("mental health difficulties", -1),
    ("the procedure", 0),
    ("", 0),
    ("neurotoxicity of two metals", -1),  # fourth round of 2026-11-27: toxicity of organs
    ("hepatotoxicity", -1),
])
def test_outcome_valence(phrase, valence):
    assert outcome_valence(phrase) == valence


def test_lexicon_valence_takes_the_right_most_phrase():
    assert lexicon_valence("anxiety and recovery") == 1
    assert lexicon_valence("recovery and anxiety") == -1
    assert lexicon_valence("no known words") == 0


def test_direction_uses_the_head_reading():
    from socialrecovery_nlp.claims.direction import outcome_valence as direction_valence

    assert direction_valence("impairments in object recognition") == -1


@pytest.mark.parametrize("text,expected", [
    # constructed (claims@0.9.0): a coordinated outcome is read from its first conjunct, not as a change head's
    # complement ("weight gain, diabetes" is not "a gain in diabetes")
    ("weight gain, diabetes and heart disease", -1),
    ("weight gain and poor sleep", -1),
    ("symptom reduction and better sleep", 1),
    # a preposition still makes the rest the complement
    ("a reduction in symptoms and distress", 1),
    ("gains in social functioning", 1),
    # a bare wrapper or change word coordinated with another shares the complement (independent review)
    ("levels and duration of anxiety and social functioning", -1),
    ("the number and duration of hospitalizations and quality of life", -1),
    ("reduction or elimination of symptoms", 1),
    ("a reduction (30%) in depressive symptoms", 1),
    ("an increase (p < 0.05) in anxiety", -1),
])
def test_coordinated_outcome_is_read_from_its_first_conjunct(text, expected):
    assert outcome_valence(text) == expected


@pytest.mark.parametrize("phrase, valence", [
    # a care process is good whatever it is applied to (constructed phrases)
    ("the screening rate for depression", 1),
    ("detection of delirium", 1),
    ("referral for depression", 1),
    ("HbA1c testing", 1),
    ("cancer screening", 1),
    # but not "treatment": needing more of it is bad, so it stays with its complement
    ("additional uterotonic treatment", 0),
    ("treatment failure", -1),
    # an amount word turns a change over
    ("less reduction in depressive symptoms", -1),
    ("a smaller improvement in quality of life", -1),
    ("greater reduction in depressive symptoms", 1),
    ("less weight gain", 1),
    # being unable to do something, and dropping out, are bad
    ("an inability to stop benzodiazepine use", -1),
    ("inability to work", -1),
    ("dropping out of treatment", -1),
    # resistance to treatment is bad; resistance to stigma stays good
    ("treatment resistance", -1),
    ("stigma resistance", 1),
])
def test_care_processes_lesser_changes_and_inability(phrase, valence):
    assert outcome_valence(phrase) == valence


@pytest.mark.parametrize("phrase, valence", [
    # nouns of lowering and raising compose with their complement like "reduction" and "increase"
    ("an attenuation of the capacity for fine motor control", -1),
    ("suppression of symptoms", 1),
    ("resolution of signs and symptoms", 1),
    ("enhancement of memory", 1),
    ("slowing of cognitive decline", 1),
    ("reduction or elimination of symptoms", 1),
    # perception passes the question on; "suboptimal" worsens; blood pressure readings and ill-health are bad
    ("the perception of conflicts of interest", -1),
    ("perceptions of support", 1),
    ("suboptimal intervention effectiveness", -1),
    ("diastolic", -1),
    ("the ill-health of women", -1),
    ("an increase in expenditures", -1),
])
def test_more_change_nouns_and_outcome_words(phrase, valence):
    assert outcome_valence(phrase) == valence


@pytest.mark.parametrize("phrase, valence", [
    # review-14: a care process that is a finding or a failure reads as before
    ("positive screening for depression", -1),
    ("smoking uptake among adolescents", -1),
    ("delayed detection of cancer", -1),
    ("inadequate screening", -1),
    ("the HIV testing refusal rate among men", -1),
    # abilities and anatomical compounds
    ("response inhibition", 1),
    ("impaired response inhibition", -1),
    ("lower back pain reduction", 1),
    ("energy expenditure", 1),
    # opposite change words coordinated give no one direction
    ("increase or reduction of symptoms", 0),
    # a worsening modifier of a good head (found on examples/batch.ris)
    ("coercive parenting", -1),
    ("harsh parenting", -1),
])
def test_review_14_valence_cases(phrase, valence):
    assert outcome_valence(phrase) == valence

