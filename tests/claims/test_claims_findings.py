"""The findings sample f1 (science findings on social life and mental health, Pei & Jurgens 2021): files, split and
held-out guards (its report block: ``test_claims_unseen_abstracts.py``)."""

from __future__ import annotations

import importlib.util
import json

import pytest

from socialrecovery_nlp.claims import data as claim_data
from socialrecovery_nlp.paths import SOURCE_ROOT


def _sampler():
    spec = importlib.util.spec_from_file_location("sample_claim_findings",
                                                  SOURCE_ROOT / "annotations" / "sample_claim_findings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def halves():
    return {split: claim_data.load_abstract_annotations(path)  # the offsets are checked against the certainty data
            for split, path in (("dev", claim_data.FINDINGS_DEV), ("test", claim_data.FINDINGS_TEST))}


def test_the_files_are_the_drawn_sample_with_its_split(halves):
    units = _sampler().draw()
    for split, rows in halves.items():
        expected = [u for u in units if u["split"] == split]
        assert [r["id"] for r in rows] == [u["id"] for u in expected]
        assert [r["text"] for r in rows] == [u["text"] for u in expected]
        assert {r["split"] for r in rows} == {split}
        assert {r["provenance"]["dataset"] for r in rows} == {claim_data.FINDINGS_DATASET}
    groups = {split: {u["group"] for u in units if u["split"] == split} for split in ("dev", "test")}
    assert not groups["dev"] & groups["test"], "near-duplicate findings must stay in one half"


def test_claims_are_consistent(halves):
    for rows in halves.values():
        for row in rows:
            assert row["is_claim"] == (row["kind"] == "claim") == bool(row["claims"])
            for claim in row["claims"]:
                assert claim["direction"] in ("promotes", "hinders", "no_effect", "mixed")
                assert claim["strength"] in ("causal", "conditional_causal", "correlational")


def test_a_finding_whose_offsets_do_not_slice_its_source_is_refused(tmp_path, halves):
    row = dict(halves["dev"][0], text=halves["dev"][0]["text"] + " (edited)")
    path = tmp_path / "findings.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="offsets do not slice"):
        claim_data.load_abstract_annotations(path)


def test_the_test_half_is_held_out():
    from socialrecovery_nlp.claims.row_confidence_train import HELD_OUT

    assert claim_data.FINDINGS_TEST in HELD_OUT
    assert claim_data.FINDINGS_TEST not in claim_data.TRAINING_ABSTRACT_FILES
    assert claim_data.FINDINGS_DEV not in claim_data.TRAINING_ABSTRACT_FILES
    spec = importlib.util.spec_from_file_location("claims_dev_files", SOURCE_ROOT / "bench" / "claims_dev_files.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert claim_data.FINDINGS_TEST.name in bench.FORBIDDEN

