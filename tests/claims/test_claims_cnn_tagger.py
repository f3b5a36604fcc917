"""The distilled CNN factor/outcome tagger: fit and tag, save and reload, fast mode's span model, model ids."""

import json

import numpy as np
import pytest

from socialrecovery_nlp.claims.cnn_tagger import SETTINGS_FILE, CNNSpanTagger
from socialrecovery_nlp.claims.minilm_tagger import TAGS, bio_tags
from socialrecovery_nlp.claims.parser import load_parser
from socialrecovery_nlp.errors import SrnlpError

from .conftest import TAGGER_SENTENCES, tagged_claim


@pytest.fixture(scope="module")
def parsed():
    parser = load_parser()
    docs = list(parser.pipe([s for s, _, _ in TAGGER_SENTENCES]))
    return docs, [bio_tags(d, [tagged_claim(d.text, f, o)]) for d, (_, f, o) in zip(docs, TAGGER_SENTENCES)]


@pytest.fixture(scope="module")
def fitted(parsed):
    docs, tags = parsed
    return CNNSpanTagger(width=32, depth=2, epochs=30, batch_size=4).fit(docs * 3, tags * 3)


def test_fitted_tagger_learns_tiny_data_and_gives_probabilities(fitted, parsed):
    docs, tags = parsed
    probs = fitted.tag(docs)
    assert [p.shape for p in probs] == [(len(d), len(TAGS)) for d in docs]
    assert all(np.allclose(p.sum(axis=1), 1.0) for p in probs)
    assert [p.argmax(1).tolist() for p in probs] == tags
    factors, outcomes = fitted.spans(probs[0], docs[0])
    assert [docs[0][a:b].text for a, b in factors] == ["Peer support"]
    assert [docs[0][a:b].text for a, b in outcomes] == ["relapse"]


def test_fit_is_deterministic_for_a_seed(parsed, fitted):
    docs, tags = parsed
    again = CNNSpanTagger(width=32, depth=2, epochs=30, batch_size=4).fit(docs * 3, tags * 3)
    assert all(np.array_equal(a, b) for a, b in zip(again.tag(docs), fitted.tag(docs)))


def test_save_and_load_give_the_same_tags(fitted, parsed, tmp_path):
    docs, _ = parsed
    fitted.save(tmp_path)
    back = CNNSpanTagger.load(tmp_path)
    assert back.settings() == fitted.settings()
    assert all(np.allclose(a, b) for a, b in zip(back.tag(docs), fitted.tag(docs)))
    assert len(back.losses) == 30 and back.losses[-1] < back.losses[0]


def test_load_refuses_another_tagger(fitted, tmp_path):
    fitted.save(tmp_path)
    settings = json.loads((tmp_path / SETTINGS_FILE).read_text())
    (tmp_path / SETTINGS_FILE).write_text(json.dumps({**settings, "name": "srnlp.claims_span_tagger_minilm.v1"}))
    with pytest.raises(ValueError, match="not a srnlp.claims_span_tagger_cnn.v1 tagger"):
        CNNSpanTagger.load(tmp_path)


def test_fit_refuses_tags_that_do_not_fit_the_sentence(parsed):
    docs, tags = parsed
    with pytest.raises(ValueError, match="for a sentence of 8 tokens"):
        CNNSpanTagger(epochs=1).fit(docs[:1], [tags[0][:-1]])
    with pytest.raises(RuntimeError, match="not fitted"):
        CNNSpanTagger().tag(docs)


def test_tagging_an_empty_sentence_gives_no_rows(fitted):
    parser = load_parser()
    assert fitted.tag([parser("")])[0].shape == (0, len(TAGS))


def test_fast_mode_uses_the_cnn_tagger_on_request_and_a_missing_minilm_falls_back_to_it(fitted, tmp_path, monkeypatch):
    from socialrecovery_nlp.claims import minilm_tagger
    from socialrecovery_nlp.claims import model as claims_model
    from socialrecovery_nlp.errors import SrnlpWarning

    monkeypatch.delenv(claims_model.FAST_ENV, raising=False)
    monkeypatch.delenv(claims_model.FAST_SPANS_ENV, raising=False)
    (tmp_path / minilm_tagger.SETTINGS_FILE).write_text("{}")  # MiniLM settings without weights
    fitted.save(tmp_path)
    assert claims_model._span_model(tmp_path, fast=True) is None  # fast mode's default: the rules, fastest
    assert isinstance(claims_model._span_model(tmp_path, fast=True, fast_spans="cnn"), CNNSpanTagger)
    with pytest.warns(SrnlpWarning, match="distilled CNN tagger"):
        assert isinstance(claims_model._span_model(tmp_path, fast=False), CNNSpanTagger)
    assert "distilled CNN tagger" in claims_model.second_stage_warning(tmp_path)


def test_full_mode_with_a_working_minilm_never_loads_the_cnn_tagger(fitted, tmp_path, monkeypatch):
    from socialrecovery_nlp.claims import cnn_tagger, minilm_tagger
    from socialrecovery_nlp.claims import model as claims_model

    (tmp_path / minilm_tagger.SETTINGS_FILE).write_text("{}")
    fitted.save(tmp_path)
    sentinel = object()
    monkeypatch.setattr(claims_model, "tagger_problem", lambda path: None)
    monkeypatch.setattr(minilm_tagger.MiniLMSpanTagger, "load", classmethod(lambda cls, path: sentinel))
    monkeypatch.setattr(cnn_tagger.CNNSpanTagger, "load", classmethod(lambda cls, path: 1 / 0))
    monkeypatch.setenv(claims_model.FAST_SPANS_ENV, "nonsense")  # read only in fast mode
    assert claims_model._span_model(tmp_path, fast=False) is sentinel


def test_a_broken_cnn_tagger_falls_back_to_the_rules_without_torch_and_fails_when_asked_for(fitted, tmp_path,
                                                                                          monkeypatch):
    from socialrecovery_nlp.claims import minilm_tagger
    from socialrecovery_nlp.claims import model as claims_model
    from socialrecovery_nlp.errors import SrnlpWarning

    (tmp_path / minilm_tagger.SETTINGS_FILE).write_text("{}")  # MiniLM settings without weights
    fitted.save(tmp_path)
    (tmp_path / SETTINGS_FILE).write_text("{not json")
    with pytest.warns(SrnlpWarning, match="rules alone because .* CNN tagger does not load"):
        assert claims_model._span_model(tmp_path, fast=False) is None
    with pytest.raises(ValueError, match="cannot read the CNN tagger's settings"):
        claims_model._span_model(tmp_path, fast=True, fast_spans="cnn")
    fitted.save(tmp_path)
    (tmp_path / "span_tagger_cnn" / "config.cfg").write_text("[broken")
    with pytest.raises(ValueError, match="the CNN tagger does not load"):
        CNNSpanTagger.load(tmp_path)


def test_fit_puts_the_global_generators_back(parsed):
    import random

    docs, tags = parsed
    random.seed(7)
    np.random.seed(7)
    expected = random.random(), np.random.random()
    random.seed(7)
    np.random.seed(7)
    CNNSpanTagger(width=16, depth=1, epochs=1).fit(docs, tags)
    assert (random.random(), np.random.random()) == expected


def test_the_component_refuses_a_bad_fast_spans_when_it_is_built(monkeypatch):
    import spacy

    from socialrecovery_nlp.claims import model as claims_model
    from socialrecovery_nlp.claims.component import ClaimsComponent

    nlp = spacy.blank("en")
    with pytest.raises(SrnlpError, match="fast_spans must be one of rules, cnn"):
        ClaimsComponent(nlp, fast=True, fast_spans="minilm")
    monkeypatch.setenv(claims_model.FAST_SPANS_ENV, "minilm")
    with pytest.raises(SrnlpError, match="SRNLP_CLAIMS_FAST_SPANS must be one of"):
        ClaimsComponent(nlp, fast=True)
    assert ClaimsComponent(nlp, fast=False).fast_spans is None  # full mode does not read it


def test_fast_spans_come_from_the_environment_and_a_bad_value_is_refused(monkeypatch):
    from socialrecovery_nlp.claims import model as claims_model

    monkeypatch.delenv(claims_model.FAST_SPANS_ENV, raising=False)
    assert claims_model.fast_spans_from_env() == "rules"
    monkeypatch.setenv(claims_model.FAST_SPANS_ENV, " CNN ")
    assert claims_model.fast_spans_from_env() == "cnn"
    monkeypatch.setenv(claims_model.FAST_SPANS_ENV, "minilm")
    with pytest.raises(SrnlpError, match="must be one of rules, cnn for fast mode's factor/outcome spans, not 'minilm'"):
        claims_model.fast_spans_from_env()
    with pytest.raises(SrnlpError, match="fast_spans must be one of") as caught:
        claims_model.load_extractor(None, None, fast=True, fast_spans="tagger")
    assert caught.value.code == "E406"


def test_model_id_tells_cnn_spans_from_rule_spans(fitted):
    from socialrecovery_nlp.claims.model import CNN_SPANS_SUFFIX, RULE_SPANS_SUFFIX, claims_model_id

    meta = {"name": "claims", "version": "9.9.9", "spans": {"model": "minilm"}}
    assert claims_model_id(meta, None, fitted) == "claims@9.9.9" + CNN_SPANS_SUFFIX
    assert claims_model_id(meta, None, None) == "claims@9.9.9" + RULE_SPANS_SUFFIX


def test_the_tagger_hooks_give_relations_with_its_spans(fitted):
    from socialrecovery_nlp.claims.spans import extract_relations

    parser = load_parser()
    doc = parser("Peer support reduced relapse in the trial.")
    fitted.prepare([doc])
    relations = fitted.relations(doc, extract_relations(doc), [])
    assert [(doc[slice(*r.factor)].text, doc[slice(*r.outcome)].text) for r in relations] == [
        ("Peer support", "relapse")]
    assert fitted.support(doc, (0, 2), "F") > 0.5


def test_tags_come_back_in_tag_order_whatever_order_the_pipe_keeps_its_labels(fitted, parsed, monkeypatch):
    """The pipe's label order is not assumed to be :data:`TAGS`: a tagger whose labels (and output rows) are
    permuted tags the same, and one trained while its labels were added in reverse learns the right tags."""
    docs, tags = parsed
    expected = fitted.tag(docs)
    import copy

    twin = copy.deepcopy(fitted)
    pipe = twin._pipe()
    order = list(reversed(range(len(TAGS))))
    pipe.cfg["labels"] = [pipe.cfg["labels"][i] for i in order]
    softmax = pipe.model.get_ref("softmax")
    softmax.set_param("W", softmax.get_param("W")[order])
    softmax.set_param("b", softmax.get_param("b")[order])
    assert pipe.labels != tuple(TAGS)
    assert all(np.allclose(a, b) for a, b in zip(twin.tag(docs), expected))

    from spacy.pipeline.tagger import Tagger

    add_label = Tagger.add_label

    def add_first(self, label):  # keeps the labels in the reverse of the order they are added
        added = add_label(self, label)
        self.cfg["labels"].insert(0, self.cfg["labels"].pop())
        return added

    monkeypatch.setattr(Tagger, "add_label", add_first)
    reverse = CNNSpanTagger(width=32, depth=2, epochs=30, batch_size=4).fit(docs * 3, tags * 3)
    assert reverse._pipe().labels == tuple(reversed(TAGS))
    assert [p.argmax(1).tolist() for p in reverse.tag(docs)] == tags
