"""The annotation files: provenance offsets, label consistency, negatives traceable to data."""

import csv
import json
from pathlib import Path

from socialrecovery_nlp.themes.seed import clean_markdown, segment_review

ROOT = Path(__file__).resolve().parents[2]


def _rows(name):
    return [json.loads(line) for line in (ROOT / "annotations" / name).read_text(encoding="utf-8").splitlines()]


def test_every_review_sentence_annotated_with_exact_offsets():
    rows = _rows("themes.jsonl")
    review = (ROOT / "annotations" / "themes_review_tew2011.md").read_text(encoding="utf-8")
    segments = segment_review(review)
    assert len(rows) == len(segments) == 176
    for row, seg in zip(rows, segments):
        prov = row["provenance"]
        assert prov["spans"] == seg["spans"]
        assert clean_markdown(" ".join(review[s:e] for s, e in prov["spans"])) == row["text"]
        assert prov["annotator"] and prov["guideline_version"]


def test_labels_are_codebook_ids_and_themes_imply_parents(space):
    for name in ("themes.jsonl", "themes_negatives.jsonl"):
        for row in _rows(name):
            labels = row["labels"]
            assert set(labels["processes"]) <= set(space.processes)
            assert set(labels["themes"]) <= set(space.themes)
            for theme in labels["themes"]:
                assert space.parents[theme] in labels["processes"]


def test_negatives_come_from_the_screening_files():
    rows = _rows("themes_negatives.jsonl")
    assert len(rows) == 300 and len({r["id"] for r in rows}) == 300
    wanted = {}
    for row in rows:
        wanted.setdefault(row["provenance"]["file"], set()).add(row["provenance"]["record_id"])
    for path, ids in wanted.items():
        with open(ROOT / path, encoding="utf-8", newline="") as handle:
            have = {r["record_id"] for r in csv.DictReader(handle)}
        assert ids <= have
