"""Fixtures for the themes tests: small real training sets taken from the annotation files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REVIEW = ROOT / "annotations" / "themes.jsonl"
NEGATIVES = ROOT / "annotations" / "themes_negatives.jsonl"


def _rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def space():
    from socialrecovery_nlp.themes.labels import LabelSpace

    return LabelSpace.from_codebook()


@pytest.fixture(scope="session")
def tiny_data(space):
    """Review sentences of a few sections plus sentences of 10 clean screening abstracts."""
    from socialrecovery_nlp.themes.sentences import split_text

    review = [r for r in _rows(REVIEW) if r["provenance"]["kind"] == "paragraph"][:120]
    negatives = [r for r in _rows(NEGATIVES) if not r["labels"]["themes"] and not r["labels"]["processes"]][:10]
    texts, labels = [r["text"] for r in review], [r["labels"] for r in review]
    for r in negatives:
        for s, e in split_text(r["text"]):
            texts.append(r["text"][s:e])
            labels.append({"processes": [], "themes": []})
    import numpy as np

    Y = np.stack([space.encode(lab) for lab in labels])
    return texts, Y


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory, tiny_data, space):
    """A themes-baseline model directory trained on the tiny data (thresholds 0.5)."""
    from socialrecovery_nlp.modeldir import write_meta
    from socialrecovery_nlp.themes.document import ThemeModel
    from socialrecovery_nlp.themes.tfidf import NAME, TfidfLinearEstimator

    texts, Y = tiny_data
    est = TfidfLinearEstimator(max_word_features=3000, max_char_features=3000).fit(texts, Y)
    directory = tmp_path_factory.mktemp("models") / "themes-baseline-0.0.1"
    est.save(directory)
    model = ThemeModel(est, space, {label: 0.5 for label in space.ids})
    write_meta(directory, {"name": "themes-baseline", "version": "0.0.1", "component": "themes",
                           **model.config(), "estimator": NAME})
    return directory
