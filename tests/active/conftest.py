"""Fixtures for the active-learning tests: small real batches cut from data/screening."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[2]
SEP = REPO / "data" / "screening" / "synergy_Sep_2021.csv"


@pytest.fixture(scope="session")
def sep_records():
    """The 271 labelled records of Sep 2021 (SYNERGY, CC0), in row order."""
    from socialrecovery_nlp.active.labelled_csv import read_labelled_csv

    return read_labelled_csv(SEP)


@pytest.fixture
def batches(tmp_path, sep_records):
    """Two RIS batches: rows 0-59 and rows 50-119 (10 records overlap)."""
    from socialrecovery_nlp.corpus import write_records

    recs = [r.__class__.from_dict({**r.to_dict(), "label_included": None}) for r in sep_records]
    b1, b2 = tmp_path / "batch1.ris", tmp_path / "batch2.ris"
    write_records(recs[:60], b1, "ris")
    write_records(recs[50:120], b2, "ris")
    return b1, b2


@pytest.fixture
def project(tmp_path, batches):
    from socialrecovery_nlp.active.project import new_project

    store, _ = new_project(tmp_path / "review.sqlite", [batches[0]])
    yield store
    store.close()


DESIGN_RECORDS = [  # (record_id, title, abstract, label): illustrative sentences written for the test, not data
    ("1", "Peer support trial", "Participants were randomly assigned to peer support or usual care.", "rct"),
    ("2", "Group therapy trial", "A randomised controlled trial compared group therapy with a waitlist.", "rct"),
    ("3", "Housing trial", "Tenants were randomised to housing first or treatment as usual.", "rct"),
    ("4", "Carers' experiences", "Semi-structured interviews were analysed with thematic analysis.", "qualitative"),
    ("5", "Recovery narratives", "Focus groups with carers explored their experiences of recovery.", "qualitative"),
    ("6", "Peer workers' views", "We interviewed peer workers and coded transcripts thematically.", "qualitative"),
    ("7", "Nurses' attitudes", "A questionnaire survey of nurses was conducted at one time point.", "cross_sectional"),
    ("8", "National attitudes", "An online survey measured attitudes in a national sample.", "cross_sectional"),
    ("9", "Students' stigma", "Respondents completed a cross-sectional questionnaire once.", "cross_sectional"),
]


@pytest.fixture
def tiny_repo(tmp_path):
    """A checkout-like folder: tiny design data + config, and a claims config on the shipped seed
    annotations with fixed thresholds (no CV, no evaluation)."""
    root = tmp_path / "repo"
    (root / "training").mkdir(parents=True)
    (root / "data" / "screening").mkdir(parents=True)
    (root / "annotations").mkdir()
    with open(root / "data" / "screening" / "tiny.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["record_id", "title", "abstract", "label_included"])
        for rid, title, abstract, _ in DESIGN_RECORDS:
            writer.writerow([rid, title, abstract, 0])
    with open(root / "annotations" / "design.jsonl", "w", encoding="utf-8") as handle:
        for rid, title, _, label in DESIGN_RECORDS:
            handle.write(json.dumps({"dataset": "tiny", "record_id": rid, "title": title, "label": label}) + "\n")
    test_ids = ["1", "4", "7"]
    split = {"test": [f"tiny:{r}" for r in test_ids], "train": [f"tiny:{r}" for r, *_ in DESIGN_RECORDS if r not in test_ids]}
    (root / "annotations" / "design_splits.json").write_text(json.dumps(split), encoding="utf-8")
    (root / "training" / "design.toml").write_text(
        '[model]\ncomponent = "design"\nname = "design"\nversion = "0.0.9"\n'
        '[data]\nscreening_dir = "data/screening"\nannotations = "annotations/design.jsonl"\n'
        'splits = "annotations/design_splits.json"\n'
        '[features]\nmin_df = 1\n[calibration]\nfolds = 2\n', encoding="utf-8")
    (root / "training" / "claims.toml").write_text(
        '[model]\ncomponent = "claims"\nname = "claims"\nversion = "0.0.9"\n'
        f'[data]\nannotations = "{REPO / "annotations" / "claims.jsonl"}"\ntrain_splits = ["train"]\n'
        '[detector]\nC = 8.0\nngram_max = 2\nmin_df = 1\nseed = 0\nthreshold = 0.4\nconfident = 0.5\n'
        '[evaluate]\non_train = false\n', encoding="utf-8")
    return root
