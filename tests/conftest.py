"""Test-wide settings (never touch a model hub; deterministic hashing) and a tiny design checkout
that tests in any folder can build."""

import csv
import json
import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


#: (record_id, title, abstract, label): illustrative sentences written for the tests, not data
TINY_DESIGN_RECORDS = [
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
TINY_DESIGN_TEST_IDS = ("1", "4", "7")


def write_design_checkout(root, features: str = "min_df = 1\n"):
    """A checkout-like folder with tiny design data, hand labels, a split and
    ``training/design.toml`` (2 calibration folds); returns the config path."""
    (root / "training").mkdir(parents=True, exist_ok=True)
    (root / "data" / "screening").mkdir(parents=True, exist_ok=True)
    (root / "annotations").mkdir(exist_ok=True)
    with open(root / "data" / "screening" / "tiny.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["record_id", "title", "abstract", "label_included"])
        for rid, title, abstract, _ in TINY_DESIGN_RECORDS:
            writer.writerow([rid, title, abstract, 0])
    with open(root / "annotations" / "design.jsonl", "w", encoding="utf-8") as handle:
        for rid, title, _, label in TINY_DESIGN_RECORDS:
            handle.write(json.dumps({"dataset": "tiny", "record_id": rid, "title": title, "label": label}) + "\n")
    split = {"test": [f"tiny:{r}" for r in TINY_DESIGN_TEST_IDS],
             "train": [f"tiny:{r}" for r, *_ in TINY_DESIGN_RECORDS if r not in TINY_DESIGN_TEST_IDS]}
    (root / "annotations" / "design_splits.json").write_text(json.dumps(split), encoding="utf-8")
    config = root / "training" / "design.toml"
    config.write_text(
        '[model]\ncomponent = "design"\nname = "design"\nversion = "0.0.9"\n'
        '[data]\nscreening_dir = "data/screening"\nannotations = "annotations/design.jsonl"\n'
        'splits = "annotations/design_splits.json"\n'
        f'[features]\n{features}[calibration]\nfolds = 2\n', encoding="utf-8")
    return config


@pytest.fixture
def design_checkout():
    """:func:`write_design_checkout`, for tests in any folder (``.records``, ``.test_ids``)."""
    write_design_checkout.records = TINY_DESIGN_RECORDS
    write_design_checkout.test_ids = TINY_DESIGN_TEST_IDS
    return write_design_checkout
