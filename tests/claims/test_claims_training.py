"""Detector: overfit tiny data, save, reload, same predictions; train_from_config writes a model dir."""

import json

import numpy as np

from socialrecovery_nlp.claims.detector import ClaimDetector, featurize

# Illustrative sentences written for this test (not data).
TEXTS = ["Peer support reduced relapse in the trial.", "Employment was associated with better recovery.",
         "Papers were searched in twelve databases.", "Further research is needed on this topic.",
         "Stigma acts as a barrier to recovery.", "This review was conducted in England."]
LABELS = [1, 1, 0, 0, 1, 0]


def test_featurize_adds_markers():
    marked = featurize("Stigma may act as a barrier to recovery (Link et al., 2001).")
    for marker in ("zztrigharm", "zzcitation", "zzhedge", "zzvalence", "zzanytrigger"):
        assert marker in marked


def test_overfit_save_reload_same_predictions(tmp_path):
    detector = ClaimDetector(C=100.0, threshold=0.5).fit(TEXTS, LABELS)
    before = detector.predict_proba(TEXTS)
    assert ((before >= 0.5).astype(int) == np.array(LABELS)).all()
    detector.save(tmp_path)
    again = ClaimDetector.load(tmp_path)
    assert again.threshold == 0.5
    np.testing.assert_allclose(again.predict_proba(TEXTS), before)


def test_train_from_config_writes_model(trained_model):
    meta = json.loads((trained_model / "meta.json").read_text())
    assert meta["name"] == "claims" and meta["component"] == "claims"
    assert meta["thresholds"]["detector"] == 0.4
    assert "annotations/claims.jsonl" in meta["data_hashes"]
    assert (trained_model / "detector.skops").is_file() and (trained_model / "README.md").is_file()
    assert meta["training"]["n_seed"] > 100
