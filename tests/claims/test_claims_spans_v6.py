"""Factor/outcome span rules of the claims@0.6.0 round (issue #5, agent:claims-10).

Sentences are real *training* sentences (the seed review's training split and the training abstracts,
v1 ``claims_abstracts.jsonl`` and v2 ``claims_abstracts_v2.jsonl``, split ``train``) unless a comment
marks them as constructed. The seed test split and the held-out abstracts are not used. The rules were
chosen by grouped CV on the training sentences (``bench/claims_dev_cv.py``; log in
``bench/claims_dev_cv.md``, section "claims@0.6.0 round: agent:claims-10").
"""

import pytest

from .conftest import assert_claim, claims_of
from .conftest import pairs as _pairs


@pytest.fixture(scope="module")
def train_texts():
    """``{id: text}`` of every training sentence: seed training split and every training abstract (v1 + v2)."""
    from socialrecovery_nlp.claims import data as claim_data

    seed = {r["id"]: r["text"] for r in claim_data.load_annotations(claim_data.ANNOTATIONS) if r["split"] == "train"}
    abstracts = claim_data.abstract_rows("train", list(claim_data.TRAINING_ABSTRACT_FILES))
    return {**seed, **{r["id"]: r["text"] for r in abstracts}}


@pytest.mark.parametrize("row_id,factor,outcome", [
    # a trigger verb the tagger read as an adjective premodifying the object (misparsed_verb)
    ("abs-synergy_Sep_2021-125-s00", "Deletion of the GluA1 AMPA receptor subunit", "short-term spatial recognition memory"),
    ("abs-synergy_Sep_2021-125-s06", "GluA1 deletion",
     "performance on both the object recognition and the recency-dependent tasks"),
    ("abs-synergy_Sep_2021-98-s07", "n-3 PUFA supplementation",
     ("hippocampal neurogenesis and dendritic arborization of newborn neurons, volume, neuronal density and "
      "microglial cell number")),
    ("abs-synergy_Sep_2021-133-s07", "WIN55,212-2 administered after object recognition training",
     "plasma corticosterone levels in non-habituated rats"),
    # "[X] exhibit abnormalities of / have impairments in [Y]": a group result (deficits)
    ("abs-synergy_Sep_2021-35-s00", "Down syndrome (DS) patients", "hippocampal-dependent explicit memory"),
    ("abs-synergy_Sep_2021-139-s03", "Male neuregulin 1 hypomorphic mice", "the novel object recognition and FC tasks"),
    ("abs-synergy_Sep_2021-256-s04", "rats receiving MK-801 treatment", "recognition memory"),
    # "[X] evidenced increased [Y]": a have / show verb
    ("abs-synergy_van_der_Valk_2021-339-s06", "Caregivers", "abdominal fat"),
    # "[Y] may be altered in [X]": a change located in a group
    ("abs-synergy_van_der_Valk_2021-550-s10", "obese patients who are complicated with hypertension and DM",
     "Cortisol negative feedback mechanism"),
    # a finite verb the parser left without a subject: the noun phrase before it (subjectless)
    ("abs-synergy_Oud_2018-221-s08", "better executive control and visual memory performance", "WIT"),
    ("abs-synergy_Sep_2021-35-s03", "chronic administration of lithium", "the proliferation of neuronal precursor cells"),
    # "highlighting [X] as a risk factor for [Y]"
    ("abs-synergy_Oud_2018-873-s05", "maltreatment", "borderline features"),
    # "[X] failed to impair [Y]": asserted (and denied), not an aim
    ("abs-synergy_Sep_2021-125-s07", "GluA1 deletion", "performance"),
    # "support the efficacy of [X] in the treatment of [Y]" (efficacy)
    ("abs-synergy_Sep_2021-148-s12", "5-HT6 receptor ligands", "cognitive dysfunction"),
    # a comma-delimited gloss after the factor's head is not part of it
    ("abs-synergy_van_der_Valk_2021-81-s00", "Cortisol", "obesity and metabolic syndrome manifestations"),
    ("abs-synergy_Oud_2018-64-s00", "Axis II disorders", "suicidal behaviours"),
    ("abs-synergy_van_der_Valk_2021-141-s07", "Increased exposure to stressful and traumatic events",
     "higher cortisol production"),
    # an adverb of the relation hung on the subject
    ("abs-synergy_Oud_2018-758-s07", "a higher percentage of males and higher mean age", None),
    # "[X] are rarely followed by [Y]": in sentence order
    ("abs-Nagtegaal_2019_nudging-1165-s00", "National guidelines", "immediate change in clinical behaviour"),
    # "trials demonstrate the efficacy of [X]"
    ("abs-synergy_Oud_2018-586-s03", "these approaches", None),
    # "[Y] can be a long-term complication following [X]"
    ("abs-synergy_Sep_2021-153-s00", "subarachnoid hemorrhage (SAH)", "Cognitive dysfunction"),
    # "[Y] was significantly increased following [X]": a passive change after X
    ("abs-synergy_Sep_2021-30-s07", "incorrect decisions", "theta power"),
    # a non-restrictive relative clause asserts its relation about the antecedent
    ("abs-synergy_Sep_2021-139-s00", "Neuregulin 1", "the development of schizophrenia"),
    # "a critical role of [X] in [Y]": the role's holder, not the reporting subject
    ("abs-synergy_Sep_2021-265-s00", "the hippocampus", "memory"),
    # "[X] is mostly not supported by evidence": the evidence is no factor
    ("abs-synergy_Oud_2018-831-s00", "Drug treatment of patients with borderline personality disorder (BPD)", None),
    ("abs-synergy_Sep_2021-152-s08", "Chd1", None),
    # a relation noun's "by" phrase names the factor
    ("abs-synergy_Sep_2021-148-s11", "EMD-386088 and SB-399885 treatment", "locomotor activity"),
    ("abs-synergy_Oud_2018-831-s02", "second-generation antipsychotics, mood stabilisers and omega-3 fatty acids", None),
])
def test_factor_and_outcome_spans(rules_extractor, blank_nlp, train_texts, row_id, factor, outcome):
    assert_claim(claims_of(rules_extractor, blank_nlp, train_texts[row_id]), factor, outcome)


def test_misparsed_verb_direction(rules_extractor, blank_nlp, train_texts):
    claims = claims_of(rules_extractor, blank_nlp, train_texts["abs-synergy_Sep_2021-125-s00"])
    assert [c["direction"] for c in claims] == ["hinders"], _pairs(claims)


def test_deficit_noun_after_association_stays_in_the_outcome(rules_extractor, blank_nlp, train_texts):
    """"Normal aging is associated with [impairments in stimulus recognition]": no trigger of its own."""
    claims = claims_of(rules_extractor, blank_nlp, train_texts["abs-synergy_Sep_2021-270-s00"])
    assert _pairs(claims) == [("Normal aging", "impairments in stimulus recognition")]


def test_between_pair_misparsed_as_one_noun_phrase(rules_extractor, blank_nlp, train_texts):
    """"a positive relationship between [HCC] and [alcohol consumption]", parsed as "[HCC and alcohol] consumption"."""
    claims = claims_of(rules_extractor, blank_nlp, train_texts["abs-synergy_van_der_Valk_2021-181-s08"])
    assert claims and all(c["factor"]["text"] for c in claims), _pairs(claims)
    assert {c["factor"]["text"] for c in claims} | {c["outcome"]["text"] for c in claims} >= {"HCC", "alcohol consumption"}


def test_supported_effectiveness_without_named_outcome(rules_extractor, blank_nlp, train_texts):
    claims = claims_of(rules_extractor, blank_nlp, train_texts["abs-synergy_Oud_2018-64-s04"])
    assert any(c["factor"]["text"] == "certain interventions" for c in claims), _pairs(claims)


@pytest.mark.parametrize("text, pair", [
    # constructed sentences
    ("Patients with schizophrenia have deficits in working memory.", ("Patients with schizophrenia", "working memory")),
    ("Social isolation was associated with deficits in working memory.",
     ("Social isolation", "deficits in working memory")),
])
def test_constructed_deficits(rules_extractor, blank_nlp, text, pair):
    assert pair in _pairs(claims_of(rules_extractor, blank_nlp, text))


@pytest.mark.parametrize("text", [
    # constructed sentences: the phrases are no triggers outside their construction
    "The efficacy of the programme was examined in three sites.",
    "The consequences of the reform were described by the authors.",
])
def test_phrases_outside_their_construction_are_not_relations(rules_extractor, blank_nlp, text):
    assert claims_of(rules_extractor, blank_nlp, text) == []


@pytest.mark.parametrize("text, pair", [
    # constructed sentences: a passive change after something / after a time
    ("Anxiety was significantly reduced after treatment with sertraline.", ("treatment with sertraline", "Anxiety")),
    ("Depressive symptoms decreased following the intervention.", ("the intervention", "Depressive symptoms")),
])
def test_change_after_something(rules_extractor, blank_nlp, text, pair):
    assert _pairs(claims_of(rules_extractor, blank_nlp, text)) == [pair]


def test_change_after_a_time_names_no_factor(rules_extractor, blank_nlp):
    # constructed sentence
    claims = claims_of(rules_extractor, blank_nlp, "Symptoms were reduced after 12 weeks.")
    assert not any(c["factor"]["text"] for c in claims), _pairs(claims)


def test_relative_clause_with_an_agent_is_no_relation(rules_extractor, blank_nlp, train_texts):
    """"..., which is supported by our finding that [hair cortisol] is associated with [Y]"."""
    claims = claims_of(rules_extractor, blank_nlp, train_texts["abs-synergy_van_der_Valk_2021-81-s09"])
    assert ("hair cortisol", "salivary concentrations of the hormone") in _pairs(claims)
    assert not any(c["outcome"]["text"] == "which" for c in claims), _pairs(claims)


def test_outcome_ends_before_during(rules_extractor, blank_nlp, train_texts):
    claims = claims_of(rules_extractor, blank_nlp, train_texts["abs-synergy_Oud_2018-714-s13"])
    assert any(c["outcome"]["text"] == "emergency department visits" for c in claims), _pairs(claims)


def test_role_of_holder(rules_extractor, blank_nlp):
    # constructed sentences: a holder ("of / for X") is the factor; "X plays a role in Y" keeps its subject
    assert ("Chd1", "memory consolidation") in _pairs(claims_of(
        rules_extractor, blank_nlp, "These data support a role for Chd1 in memory consolidation."))
    assert ("Social support", "recovery") in _pairs(claims_of(
        rules_extractor, blank_nlp, "Social support plays a key role in recovery."))


def test_resulted_from_is_reversed(rules_extractor, blank_nlp, train_texts):
    claims = claims_of(rules_extractor, blank_nlp, train_texts["abs-synergy_van_der_Valk_2021-217-s10"])
    claim = next(c for c in claims if c["outcome"]["text"] == "These changes")
    assert claim["factor"]["text"].startswith("the restoration of ionic balance of Zn, Cu and Mg"), _pairs(claims)


def test_compared_predicate_adjective(rules_extractor, blank_nlp, train_texts):
    claims = claims_of(rules_extractor, blank_nlp, train_texts["abs-Nagtegaal_2019_nudging-145-s06"])
    assert ("Alcohol-free activities that included peers or dates", "enjoyable") in _pairs(claims)
    assert all(c["strength"] == "correlational" for c in claims)
    # constructed sentences: "less" gives the sign; a trigger adjective keeps its own reading
    claims = claims_of(rules_extractor, blank_nlp, "Patients in the CBT group were less anxious than controls.")
    assert [c["outcome"]["text"] for c in claims] == ["anxious"], _pairs(claims)
    claims = claims_of(rules_extractor, blank_nlp, "Combined treatment with IPT was more effective on social functioning than CT.")
    assert ("Combined treatment with IPT", "social functioning") in _pairs(claims)


def test_characteristic_of(rules_extractor, blank_nlp, train_texts):
    claims = claims_of(rules_extractor, blank_nlp, train_texts["abs-synergy_van_der_Valk_2021-689-s01"])
    assert ("its overproduction", "certain diseases") in _pairs(claims)
    # constructed sentence: the noun "characteristic" is no relation
    assert claims_of(rules_extractor, blank_nlp, "A characteristic of the sample was its age.") == []


def test_comorbidity_between(rules_extractor, blank_nlp, train_texts):
    claims = claims_of(rules_extractor, blank_nlp, train_texts["abs-synergy_Oud_2018-89-s00"])
    assert_claim(claims, "narcissistic personality disorder (NPD)", "borderline personality disorder")


def test_advantage_is_a_benefit_noun(rules_extractor, blank_nlp, train_texts):
    claims = claims_of(rules_extractor, blank_nlp, train_texts["abs-synergy_Oud_2018-700-s07"])
    assert_claim(claims, "The use of cognitive therapy for borderline personality disorder")
    # constructed sentence: "take advantage of" is no relation
    claims = claims_of(rules_extractor, blank_nlp, "Patients took advantage of the new service.")
    assert not any(c["factor"]["text"] or c["outcome"]["text"] for c in claims), _pairs(claims)


def test_experimental_model_is_a_factor(rules_extractor, blank_nlp, train_texts):
    claims = claims_of(rules_extractor, blank_nlp, train_texts["abs-synergy_Sep_2021-153-s12"])
    assert_claim(claims, "Both SAH models")
    # constructed sentence: a statistical model is a method, the claim inside its complement is the claim
    claims = claims_of(rules_extractor, blank_nlp, "The final model showed that stigma predicted relapse.")
    assert _pairs(claims) == [("stigma", "relapse")]
