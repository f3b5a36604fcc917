"""Shared fixtures: a blank pipeline, a parsed-claims extractor and a tiny trained model."""

from __future__ import annotations

import pytest

from socialrecovery_nlp.claims.extract import ClaimExtractor
from socialrecovery_nlp.pipeline.extensions import register_extensions


@pytest.fixture(scope="session")
def shipped_extractor():
    """The shipped claims model with its span tagger (needs torch)."""
    pytest.importorskip("torch")
    from socialrecovery_nlp.claims.model import load_extractor

    loaded = load_extractor(None, None, fast=False)
    assert loaded is not None and loaded[0].span_model is not None, "the shipped claims model has its span tagger"
    return loaded[0]


@pytest.fixture(scope="session")
def blank_nlp():
    """The project pipeline's tokenizer and sentence splitter, no components."""
    from socialrecovery_nlp.pipeline.language import load

    register_extensions()
    return load(components=[])


@pytest.fixture(scope="session")
def rules_extractor():
    """Extractor without a detector (every sentence with a trigger), with the real parser."""
    return ClaimExtractor(None)


@pytest.fixture(scope="session")
def trained_model(tmp_path_factory):
    """A claims model trained from the shipped config into a temporary models root."""
    from socialrecovery_nlp.claims.train import train_from_config
    from socialrecovery_nlp.paths import SOURCE_ROOT

    root = tmp_path_factory.mktemp("models")
    return train_from_config(SOURCE_ROOT / "training" / "claims.toml",
                             {"output.models_root": str(root), "detector.threshold": 0.4,
                              "evaluate.on_train": False, "minilm.enabled": False, "spans.model": "rules",
                              "row_confidence.enabled": False})


def claims_of(extractor, nlp, text):
    return [c.to_dict() for c in extractor(nlp(text))]


def triples(extractor, nlp, text):
    """Sorted ``(factor text, outcome text, direction)`` of the claims ``extractor`` finds in ``text``."""
    return sorted((c["factor"]["text"], c["outcome"]["text"], c["direction"]) for c in
                  (claim.to_dict() for claim in extractor(nlp(text))))


def pairs(claims):
    """``(factor text, outcome text)`` of each claim dict."""
    return [(c["factor"]["text"], c["outcome"]["text"]) for c in claims]


def assert_claim(claims, factor, outcome=None):
    """Some claim has this factor text (and, unless ``None``, this outcome text)."""
    matching = [c for c in claims if c["factor"]["text"] == factor]
    assert matching, pairs(claims)
    if outcome is not None:
        assert any(c["outcome"]["text"] == outcome for c in matching), pairs(claims)


@pytest.fixture(scope="module")
def training_texts():
    """``{id: text}`` of every training sentence (seed training split and the v1 abstracts)."""
    from socialrecovery_nlp.claims.data import (
        load_abstract_annotations,
        load_annotations,
    )

    seed = {r["id"]: r["text"] for r in load_annotations() if r["split"] == "train"}
    return {**seed, **{r["id"]: r["text"] for r in load_abstract_annotations()}}


#: Tagger tests: illustrative claim sentences written for the tests (not data), with their factor and outcome;
#: offsets are computed by :func:`tagged_claim`, not typed.
TAGGER_SENTENCES = [("Peer support reduced relapse in the trial.", "Peer support", "relapse"),
                    ("Employment was associated with better recovery.", "Employment", "better recovery"),
                    ("Stigma acts as a barrier to recovery.", "Stigma", "recovery"),
                    ("Family involvement improved social functioning.", "Family involvement", "social functioning")]


def tagged_claim(text, factor, outcome):
    """A gold claim dict with the offsets of ``factor`` and ``outcome`` in ``text``."""
    f, o = text.index(factor), text.index(outcome)
    return {"factor": {"start": f, "end": f + len(factor)}, "outcome": {"start": o, "end": o + len(outcome)}}
