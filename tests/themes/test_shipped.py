"""The shipped baseline model loads, matches the codebook and labels real review sentences."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def shipped():
    from socialrecovery_nlp.paths import find_model
    from socialrecovery_nlp.themes.document import ThemeModel

    path = find_model("themes-baseline", ROOT / "models")
    assert path is not None, "models/themes-baseline-* is missing: run `srnlp train training/themes.toml`"
    return ThemeModel.load(path)


def test_shipped_labels_are_the_codebook(shipped, space):
    assert shipped.space == space
    assert set(shipped.thresholds) == set(space.ids)
    assert shipped.meta["metrics"]["review_sentences"]["n"] == 176


def test_shipped_model_fits_its_training_sentences(shipped):
    """Training-set sanity (not an evaluation): most labelled review sentences get their process."""
    rows = [json.loads(line) for line in (ROOT / "annotations" / "themes.jsonl").read_text().splitlines()]
    rows = [r for r in rows if r["labels"]["processes"] and r["provenance"]["kind"] == "paragraph"]
    results = shipped.predict_texts([r["text"] for r in rows])
    hits = sum(bool(set(r["labels"]["processes"]) & set(res.labels["processes"])) for r, res in zip(rows, results))
    assert hits / len(rows) > 0.8
