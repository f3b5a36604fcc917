"""Fixes from an independent review of the claims output (agent:review-15): hedges, mixed results, social words,
reference lists and clause scope. Every sentence is constructed for these tests (not from any annotation file)."""

import pytest

from socialrecovery_nlp.claims import hedging
from socialrecovery_nlp.claims.extract import ClaimExtractor


@pytest.mark.parametrize("text,cue", [
    ("In May 2019, peer support reduced readmission", None), ("Peer support may reduce readmission", "may"),
    ("May reduce readmission", "May"), ("Admissions fell between 3 May and 4 June", None),
])
def test_may_the_month_is_no_hedge(text, cue):
    assert hedging.hedge_cue(text) == cue


@pytest.mark.parametrize("text,mixed", [
    ("Peer support had mixed effects on recovery.", True), ("Results were mixed.", True),
    ("A linear mixed effects model showed that peer support reduced relapse.", False),
    ("Mixed-effects models were fitted.", False), ("The powders were mixed with water.", False),
])
def test_mixed_results(text, mixed):
    assert hedging.is_mixed(text) is mixed


@pytest.mark.parametrize("factor,social", [
    ("Nutritional support", False), ("Ventilatory support", False), ("The default mode network", False),
    ("Shift work", False), ("eye contact", False), ("peer support", True), ("social support", True),
    ("contact with friends", True), ("Nutritional support and supported employment", True),
])
def test_clinical_compounds_are_not_social(factor, social):
    assert ClaimExtractor(None).social_factor(factor) is social


def test_reference_lists_make_no_claims(tmp_path):
    """A full text's reference list is linked, never read for claims."""
    from socialrecovery_nlp.corpus import read_records
    from socialrecovery_nlp.pipeline.analyze import analyze_docs
    from socialrecovery_nlp.pipeline.language import load

    path = tmp_path / "paper.md"
    path.write_text("# Peer support and recovery\n\n## Results\n\nPeer support reduced readmission [1].\n\n"
                    "## References\n\n1. Link BG. Stigma as a barrier to recovery. Psychiatr Serv. 2001;52:1621-6.\n"
                    "2. Smith A. Loneliness increases relapse. 2015.\n", encoding="utf-8")
    records = list(read_records([path]))
    doc = next(analyze_docs(records, load(components=["claims"])))
    sentences = {c.sentence.text for c in doc._.claims}
    assert any("reduced readmission" in s for s in sentences)
    assert not any("barrier" in s or "Loneliness" in s for s in sentences)


def test_negation_before_a_participle_clause_is_not_the_claims(rules_extractor, blank_nlp):
    """Constructed: "No patient relapsed, suggesting that X prevents Y" asserts X; "did not find that" denies."""
    from .conftest import claims_of

    kept = claims_of(rules_extractor, blank_nlp, "No patient relapsed, suggesting that family therapy prevents relapse.")
    assert [(c["factor"]["text"], c["direction"]) for c in kept] == [("family therapy", "promotes")]
    denied = claims_of(rules_extractor, blank_nlp, "We did not find that family therapy prevented relapse.")
    assert [c["direction"] for c in denied] == ["no_effect"]


def test_but_not_and_nor_split(rules_extractor, blank_nlp):
    """Constructed: "improved A but not B" asserts A and denies B; "Neither A nor B" names two factors."""
    from .conftest import claims_of

    got = claims_of(rules_extractor, blank_nlp, "Peer support improved hope but not employment.")
    assert [(c["outcome"]["text"], c["direction"]) for c in got] == [("hope", "promotes"), ("employment", "no_effect")]
    got = claims_of(rules_extractor, blank_nlp, "Neither peer support nor family therapy reduced relapse.")
    assert [(c["factor"]["text"], c["direction"]) for c in got] == [("peer support", "no_effect"),
                                                                     ("family therapy", "no_effect")]


@pytest.mark.parametrize("text", [
    "Using mixed-effects Poisson regression, social support predicted fewer readmissions.",
    "In a mixed effects meta-regression, peer support was associated with higher hope.",
    "Results from mixed effects growth models showed that hope increased.",
])
def test_mixed_effects_models_are_not_mixed_results(text):
    assert hedging.is_mixed(text) is False


def test_central_to_a_bad_outcome_is_a_core_feature(rules_extractor, blank_nlp):
    """Constructed: "X is central to [a disorder]" goes with more of it; "central to recovery" still promotes."""
    from .conftest import claims_of

    bad = claims_of(rules_extractor, blank_nlp, "Social isolation is central to depression.")
    good = claims_of(rules_extractor, blank_nlp, "Peer support is central to recovery.")
    assert [c["direction"] for c in bad] == ["hinders"] and [c["direction"] for c in good] == ["promotes"]
