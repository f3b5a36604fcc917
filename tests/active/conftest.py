"""Fixtures for the active-learning tests: small real batches cut from data/screening."""

from __future__ import annotations

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


@pytest.fixture
def tiny_repo(tmp_path, design_checkout):
    """A checkout-like folder: tiny design data + config (tests/conftest.py), and a claims config on
    the shipped seed annotations with fixed thresholds (no CV, no evaluation)."""
    root = tmp_path / "repo"
    design_checkout(root)
    (root / "training" / "claims.toml").write_text(
        '[model]\ncomponent = "claims"\nname = "claims"\nversion = "0.0.9"\n'
        f'[data]\nannotations = "{REPO / "annotations" / "claims.jsonl"}"\ntrain_splits = ["train"]\n'
        '[detector]\nC = 8.0\nngram_max = 2\nmin_df = 1\nseed = 0\nthreshold = 0.4\nconfident = 0.5\n'
        '[evaluate]\non_train = false\n', encoding="utf-8")
    return root


def fake_encode(texts, dim: int = 16):
    """A stand-in sentence encoder: unit vectors from hashed words, deterministic, similar texts
    get similar vectors (MiniLM is never loaded in the tests)."""
    import numpy as np

    out = np.zeros((len(texts), dim))
    for i, t in enumerate(texts):
        for w in t.lower().split():
            out[i, sum(map(ord, w)) % dim] += 1.0
    out += 1e-3
    return out / np.linalg.norm(out, axis=1, keepdims=True)
