"""The findings sample f1 (science findings on social life and mental health, Pei & Jurgens 2021): files, split and
held-out guards."""

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
    import importlib

    from socialrecovery_nlp.claims.row_confidence_train import HELD_OUT

    assert claim_data.FINDINGS_TEST in HELD_OUT
    assert claim_data.FINDINGS_TEST not in claim_data.TRAINING_ABSTRACT_FILES
    assert claim_data.FINDINGS_DEV not in claim_data.TRAINING_ABSTRACT_FILES
    spec = importlib.util.spec_from_file_location("claims_dev_files", SOURCE_ROOT / "bench" / "claims_dev_files.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert claim_data.FINDINGS_TEST.name in bench.FORBIDDEN


def test_the_report_has_a_findings_block():
    from socialrecovery_nlp.claims.report import held_out_blocks

    prf = {"precision": 0.5, "recall": 0.5, "f1": 0.5, "n_pred": 2, "n_gold": 2}
    pooled = {"detection": prf, "factor": {"token": prf, "exact": prf}, "outcome": {"token": prf, "exact": prf},
              "n_sentences": 4, "n_gold_claims": 2, "direction_accuracy": 0.5}
    unseen = {"n_sentences": 4, "n_abstracts": 4, "end_to_end": pooled, "oracle": pooled}
    text = "\n".join(held_out_blocks({"unseen_findings": unseen}))
    assert "## Unseen science findings on social life and mental health (held-out test)" in text
    assert "4 single-sentence findings" in text and "| claim sentence detection | 0.500 |" in text
