"""Factor/outcome span rules added after claims@0.4.0 (issue #5, agent:claims-6).

Sentences are real *training* sentences (the seed review's training split, ids ``tew2011-s...``, and
the annotated abstracts, ids ``abs-...``) unless a comment marks them as constructed. The seed test
split is not used. The rules were chosen by grouped CV on the training sentences
(``bench/claims_dev_cv.py``; log in ``bench/claims_dev_cv.md``).
"""

import pytest

from socialrecovery_nlp.claims.frames import non_claim_frame

from .conftest import assert_claim, claims_of
from .conftest import pairs as _pairs


@pytest.mark.parametrize("row_id,factor,outcome", [
    # a coordinated subject the parser split (dangling "or"; a second subject of the verb)
    ("tew2011-s115", "living with a partner or as part of a family", "wider networks of social capital"),
    ("abs-synergy_Oud_2018-570-s09", "addressing high hostility, childhood abuse, and in-session dissociation",
     "dropout and lack of effectiveness of treatment"),
    # "[A] and [B] were significantly correlated": A -> B
    ("abs-synergy_van_der_Valk_2021-495-s06", "Weight gain", "hair cortisol concentrations"),
    # symmetric associations: a personal characteristic / "factors" is the exposure, "outcome" the outcome
    ("abs-synergy_van_der_Valk_2021-395-s09", "maternal education level", "hair cortisol"),
    ("abs-Nagtegaal_2019_nudging-92-s07", "greater guideline adherence", "better outcome"),
    ("tew2011-s008", "socio-economic factors, such as employment rates or cultural contexts",
     "both ‘social’ and ‘clinical’ recovery rates"),
    # "[Y] was explained by [X]"
    ("abs-synergy_Oud_2018-676-s05", "improved mentalization and reduced attachment avoidance", "This superiority"),
    ("abs-synergy_van_der_Valk_2021-264-s10",
     "lower dopamine (DA) levels in cerebrospinal fluid induced by chronic glucocorticoid treatment", "This"),
    # the group named inside the measured phrase is the factor
    ("abs-synergy_Oud_2018-700-s05", "the cognitive behavior therapy group", "total costs per patient"),
    ("abs-synergy_van_der_Valk_2021-427-s03", "patients with pathological etiologies", "The weight and height"),
    ("abs-synergy_van_der_Valk_2021-495-s05", "the stressed group", "cortisol concentrations"),
    # "[no causal relationship between A and B] has been established": a reported relation
    ("abs-Cohen_2006_ADHD-409-s13", "bupropion", "the reported serious adverse events or death"),
    # a reduced relative clause read as the main verb by the parser
    ("abs-synergy_Oud_2018-574-s09", "Participants treated with 150 mg/day of quetiapine",
     "the severity of borderline personality disorder symptoms"),
    # an adverb of a premodifier belongs to the phrase
    ("abs-synergy_van_der_Valk_2021-106-s00", "Pathologically increased cortisol exposure", "obesity"),
    # "attributed to [X's effects on Z]": the whole object, not the end of a walk through "effects"
    ("abs-Cohen_2006_ADHD-195-s09", "olanzapine's differential effects on dopamine neurotransmission", None),
    # a coordinated gerund hung on the main verb continues the gerund factor
    ("tew2011-s112", ("being part of mainstream social networks and connections (social capital), and engaging in "
                      "meaningful social and occupational activities within the community"), None),
    # "did not demonstrate a propensity to precipitate [mania]"
    ("abs-Cohen_2006_ADHD-210-s11", "Risperidone", "mania"),
    # a relation noun with nothing below it is the outcome ("in reducing self-[harm] and depression")
    ("abs-synergy_Oud_2018-676-s04", "MBT-A", "self-harm and depression"),
    # "may reduce or delay [Y]": coordinated verbs share the object
    ("abs-Cohen_2006_ADHD-409-s10", "long-term treatment with bupropion", "smoking relapse"),
    # a frame in a later clause ("; future research should ...") does not cancel the first clause
    ("abs-Nagtegaal_2019_nudging-937-s13", "Combined physician and patient interventions", "blood pressure"),
    # a modal relative clause on a claim's factor continues the claim ("responses [that may further undermine Y]")
    ("tew2011-s040", "coercive or paternalistic service responses",
     "people’s sense that they can exercise any form of competent agency"),
    # a population ("within minority communities") is not part of the outcome
    ("tew2011-s049", "such approaches", "recovery"),
    # "[X] is often accompanied by [Y]": an association in sentence order, not a passive agent
    ("abs-synergy_van_der_Valk_2021-264-s00", "the occurrence of depressive symptoms", None),
    # "correlations ... between A and B and [between C and D]": one relation per pair
    ("abs-Cohen_2006_ADHD-788-s05", "psychomotor slowing", "avolition"),
    # "higher [Y] was found in [X] than (in) Z": the compared location / group
    ("abs-synergy_van_der_Valk_2021-641-s06", "the surface layers of SC", "amount of cortisone"),
    # "[Y] tended to be larger among [X]": the subject of the raising verb is the outcome
    ("abs-Cohen_2006_ADHD-129-s08", "the subgroup of patients with chronic depression",
     "The advantage of pharmacotherapy over CBT"),
    # "[Marked changes] in [a group] were observed in [Y]"
    ("abs-synergy_Sep_2021-109-s04", "ovariectomized rats", "long-term non-spatial memory"),
])
def test_factor_and_outcome_spans(rules_extractor, blank_nlp, training_texts, row_id, factor, outcome):
    assert_claim(claims_of(rules_extractor, blank_nlp, training_texts[row_id]), factor, outcome)


def test_fewer_group_had_y(rules_extractor, blank_nlp, training_texts):
    """"[Fewer] [X subjects] had [Y]": the group (without the quantity) and what they had."""
    claims = claims_of(rules_extractor, blank_nlp, training_texts["abs-synergy_Oud_2018-714-s13"])
    claim = next(c for c in claims if c["factor"]["text"] == "STEPPS plus treatment as usual subjects")
    assert claim["outcome"]["text"].startswith("emergency department visits")
    assert claim["strength"] == "correlational"


def test_outcomeless_relation_dropped_beside_a_full_one(rules_extractor, blank_nlp, training_texts):
    """A relation without an outcome is dropped when the sentence has a relation with both spans."""
    for row_id, pair in [("tew2011-s140", ("relationships", "recovery")),
                         ("tew2011-s120", ("it", "the development of their self-esteem and self-confidence"))]:
        claims = claims_of(rules_extractor, blank_nlp, training_texts[row_id])
        assert _pairs(claims) == [pair]


def test_stray_finite_verb_is_not_part_of_the_factor(rules_extractor, blank_nlp, training_texts):
    claims = claims_of(rules_extractor, blank_nlp, training_texts["abs-Cohen_2006_ADHD-545-s04"])
    assert claims and not any((c["factor"]["text"] or "").endswith("revealed") for c in claims), _pairs(claims)


def test_exposure_side_of_constructed_associations(rules_extractor, blank_nlp):
    # constructed sentences (not from any annotation file)
    claims = claims_of(rules_extractor, blank_nlp, "Depressive symptoms were associated with age.")
    assert _pairs(claims) == [("age", "Depressive symptoms")]
    claims = claims_of(rules_extractor, blank_nlp, "Age was associated with depressive symptoms.")
    assert _pairs(claims) == [("Age", "depressive symptoms")]


def test_frames_cover_their_own_clause_only():
    # constructed sentences
    assert non_claim_frame("Future research should examine whether exercise lowers blood pressure.") == "future_research"
    assert non_claim_frame("Exercise lowers blood pressure; future research should examine adherence.") is None
    assert non_claim_frame("These results are preliminary; future research should examine adherence.") == "future_research"


@pytest.mark.parametrize("text, pair", [
    # constructed sentences: the two "in" phrases of a reported change, told apart by which names a group
    ("Significant reductions in symptoms were found in the CBT group.", ("the CBT group", "symptoms")),
    ("Significant improvements in patients with depression were observed in sleep quality.",
     ("patients with depression", "sleep quality")),
])
def test_reported_change_located_in_a_group(rules_extractor, blank_nlp, text, pair):
    claims = claims_of(rules_extractor, blank_nlp, text)
    assert _pairs(claims) == [pair]
    assert claims[0]["strength"] == "correlational"


def test_reported_change_without_a_group_is_a_finding(rules_extractor, blank_nlp):
    # constructed sentence
    assert claims_of(rules_extractor, blank_nlp, "Significant reductions were found in symptoms.") == []


def test_in_support_of_is_a_preposition(rules_extractor, blank_nlp, training_texts):
    """"in support of what might appear as ..." (tew2011-s067, a non-claim): no relation from "support"."""
    claims = rules_extractor(blank_nlp(training_texts["tew2011-s067"]))
    assert not any(c.trigger is not None and c.trigger.text == "support" for c in claims)


def test_coordinated_predicates_on_two_objects_are_not_mixed(rules_extractor, blank_nlp, training_texts):
    """"enhance [global functioning], and relieve [depression]": both promote; "relieve" is a trigger."""
    claims = claims_of(rules_extractor, blank_nlp, training_texts["abs-synergy_Oud_2018-714-s15"])
    by_outcome = {c["outcome"]["text"]: c["direction"] for c in claims}
    assert by_outcome.get("global functioning") == "promotes" and by_outcome.get("depression") == "promotes", by_outcome


def test_coordinated_opposite_predicates_on_one_object_are_mixed(rules_extractor, blank_nlp):
    # constructed sentence
    claims = claims_of(rules_extractor, blank_nlp, "Family relationships can contribute to or hinder recovery.")
    assert claims and all(c["direction"] == "mixed" for c in claims), _pairs(claims)


def test_interferes_with_is_a_harm(rules_extractor, blank_nlp, training_texts):
    claims = claims_of(rules_extractor, blank_nlp, training_texts["abs-synergy_Oud_2018-570-s08"])
    claim = next(c for c in claims if c["outcome"]["text"] == "treatment effectiveness")
    assert claim["direction"] == "hinders"


def test_relative_clause_relation_keeps_its_hedge(rules_extractor, blank_nlp):
    # constructed sentence: the continued relation comes first in the sentence; its "may" is its own hedge
    claims = claims_of(rules_extractor, blank_nlp,
                       "Stigma, which may further reduce help-seeking, was associated with poorer outcomes.")
    by_outcome = {c["outcome"]["text"]: c for c in claims}
    assert by_outcome["help-seeking"]["factor"]["text"] == "Stigma" and by_outcome["help-seeking"]["hedged"]
    assert by_outcome["poorer outcomes"]["strength"] == "correlational"
