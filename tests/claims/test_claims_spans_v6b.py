"""Factor/outcome span rules of the claims@0.6.0 round 2 (issue #5, agent:claims-15).

Sentences are real *training* sentences of the v5 and v6 training abstracts
(``annotations/claims_abstracts_v5.jsonl``, ``annotations/claims_abstracts_v6.jsonl``, split ``train``)
unless a comment marks them as constructed. The seed test split and the held-out / development abstracts
(v3, v4) are not used. The rules were chosen by grouped CV on the training sentences
(``bench/claims_dev_cv.py``; log in ``bench/claims_dev_cv.md``, section "claims@0.6.0 round 2:
agent:claims-15 (v5 + v6)").
"""

from pathlib import Path

import pytest

from .conftest import assert_claim, claims_of
from .conftest import pairs as _pairs

_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def v56_texts():
    """``{id: text}`` of the v5 and v6 training abstract sentences."""
    from socialrecovery_nlp.claims import data as claim_data

    paths = [_ROOT / "annotations" / "claims_abstracts_v5.jsonl", _ROOT / "annotations" / "claims_abstracts_v6.jsonl"]
    return {r["id"]: r["text"] for r in claim_data.abstract_rows("train", paths)}


@pytest.mark.parametrize("row_id,factor,outcome", [
    # a change participle on a have / show verb's object is a group result (lexicon.CHANGE_PARTICIPLES)
    ("abs-synergy_Sep_2021-144-s08", "OPG mice", "exploratory hole poking in a novel holeboard"),
    # "We report that [X] impaired [Y]": the misread verb under a "that" hung on a noun (misparsed_verb)
    ("abs-synergy_Sep_2021-254-s07", "bilateral DHC or VHC inactivation",
     "spatial navigation in both large and small obstacle conditions"),
    ("abs-synergy_Sep_2021-259-s08", "prenatal and early life exposure to TRAP", "adult hippocampal neurogenesis"),
    # "[Y] was worse for / poorer in [a named group]" (spans._predicate_in_group)
    ("abs-Cohen_2006_ADHD-33-s04", "those receiving pergolide", "retention"),
    ("abs-Cohen_2006_ADHD-558-s03", "the control group", "Visual analog pain scores"),
    # "[X] is hypothesized to contribute to [Y]": a raising passive (spans._RAISING_PASSIVES)
    ("abs-synergy_van_der_Valk_2021-132-s00", "Chronic cortisol exposure", "obesity"),
    # "[X] is a safe and effective treatment for [Y]" (effective_for)
    ("abs-Cohen_2006_ADHD-556-s05", "Methylphenidate", "attention-deficit hyperactivity disorder"),
    ("abs-Cohen_2006_ADHD-303-s18", "Ziprasidone", "schizophrenia"),
    ("abs-Cohen_2006_ADHD-17-s07", "Long-term treatment with methylphenidate", "ADHD behaviors"),
    ("abs-Cohen_2006_ADHD-109-s14", "Oral clonidine", "tamoxifen-induced hot flashes"),
    # "[X] is an effective technique to reduce [Y]": the infinitive is asserted (effective_for)
    ("abs-Cohen_2006_ADHD-349-s07", "Combined deep and superficial cervical plexus block", "opioid requirements"),
    # "associated with [A] and with [B]": one relation per repeated preposition (conjoined_preps)
    ("abs-synergy_van_der_Valk_2021-132-s07", "Chronic exposure to elevated cortisol concentrations",
     "the persistence of obesity over time"),
    ("abs-synergy_Oud_2018-565-s09", "Depression symptoms", "interpersonal behavior"),
    # "There was no effect of [X] on [Y]", "The results showed a beneficial effect of [X] on Y" (effect_of_on)
    ("abs-Nagtegaal_2019_nudging-1781-s08", "P4P", None),
    ("abs-synergy_Sep_2021-150-s05", "the dietary supplement", None),
    # "[Y] are the most frequently reported side effect of [X]" (consequence.side_effect)
    ("abs-Cohen_2006_ADHD-109-s00", "tamoxifen treatment", "Hot flashes"),
    # "studies have documented the short-term efficacy of [X] in [Y]" (efficacy)
    ("abs-Nagtegaal_2019_nudging-586-s03", "antidepressant medications", "bulimia nervosa"),
    # a subject headed by a dose with the treatment as its conjunct (spans._dose_coordination)
    ("abs-Cohen_2006_ADHD-632-s08", "Both 0.25% and 0.5% apraclonidine", "IOP"),
])
def test_factor_and_outcome_spans(rules_extractor, blank_nlp, v56_texts, row_id, factor, outcome):
    assert_claim(claims_of(rules_extractor, blank_nlp, v56_texts[row_id]), factor, outcome)


def test_group_that_improved_less(rules_extractor, blank_nlp, v56_texts):
    """"[The patients of novice therapists] improved significantly less than ...": a group result with an
    implicit outcome, and "less" turns the improvement round (improved_more)."""
    claims = claims_of(rules_extractor, blank_nlp, v56_texts["abs-synergy_Oud_2018-524-s03"])
    assert [(c["factor"]["text"], c["outcome"]["text"], c["direction"]) for c in claims] == [
        ("The patients of novice therapists", "recovery", "hinders")], _pairs(claims)


def test_repeated_preposition_keeps_its_own_negation(rules_extractor, blank_nlp, v56_texts):
    """"[Age category] was correlated with [δ13 C values] but not with [δ15 N values]"."""
    claims = claims_of(rules_extractor, blank_nlp, v56_texts["abs-synergy_van_der_Valk_2021-130-s09"])
    got = {(c["factor"]["text"], c["outcome"]["text"]): c["direction"] for c in claims}
    assert got.get(("Age category", "δ15 N values")) == "no_effect", got
    assert got.get(("Age category", "δ13 C values")) != "no_effect", got


def test_side_effect_direction(rules_extractor, blank_nlp, v56_texts):
    claims = claims_of(rules_extractor, blank_nlp, v56_texts["abs-Cohen_2006_ADHD-109-s00"])
    assert [c["direction"] for c in claims] == ["hinders"], _pairs(claims)


@pytest.mark.parametrize("text", [
    # constructed sentences: outside their constructions these words give no relation
    "The results were better in the long term.",
    "Outcomes were worse than expected.",
    "We proposed to examine the programme in three sites.",
])
def test_no_relation_outside_the_construction(rules_extractor, blank_nlp, text):
    assert not any(c["factor"]["text"] for c in claims_of(rules_extractor, blank_nlp, text)), \
        _pairs(claims_of(rules_extractor, blank_nlp, text))


@pytest.mark.parametrize("text, pair", [
    # constructed sentences
    ("Participants in the intervention group improved more than controls.",
     ("Participants in the intervention group", "recovery")),
    ("Patients with depression showed impaired working memory.", ("Patients with depression", "working memory")),
    ("Peer support is an effective intervention for loneliness.", ("Peer support", "loneliness")),
])
def test_constructed(rules_extractor, blank_nlp, text, pair):
    assert pair in _pairs(claims_of(rules_extractor, blank_nlp, text))


def test_effect_inside_another_relations_outcome_is_no_claim(rules_extractor, blank_nlp):
    # constructed sentence: "effects of stress on memory" is what the receptors mediate
    claims = claims_of(rules_extractor, blank_nlp, "GR receptors mediate the impairing effects of stress on memory.")
    assert not any(c["factor"]["text"] == "stress" for c in claims), _pairs(claims)
