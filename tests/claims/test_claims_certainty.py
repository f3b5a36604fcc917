"""Sentence certainty of claims (claims/certainty.py), trained on Pei & Jurgens (2021)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from socialrecovery_nlp.claims.certainty import (
    CertaintyModel,
    evaluate,
    load_certainty,
    train_on_findings,
)
from socialrecovery_nlp.claims.data import certainty_findings


@pytest.fixture(scope="module")
def trained():
    return train_on_findings()


def test_scores_on_held_out_findings_beat_the_mean(trained):
    _, stats = trained
    assert stats["n_train"] == len(certainty_findings("train"))
    for split in ("val", "test"):
        assert stats[split]["n"] == len(certainty_findings(split))
        # measured on val: Pearson r 0.62, MAE 0.59 against 0.78 for always predicting the mean
        assert stats[split]["pearson_r"] > 0.45
        assert stats[split]["mae"] < stats[split]["baseline_mae"]


def test_hedged_wording_scores_less_certain(trained):
    model, _ = trained
    # constructed minimal pairs (not data): the same finding stated plainly and hedged
    plain = ["Peer support reduced readmission.", "Stigma was associated with lower self-esteem."]
    hedged = ["Peer support might possibly reduce readmission.",
              "Stigma may perhaps be associated with lower self-esteem."]
    assert np.all(model.predict(hedged) < model.predict(plain))
    assert np.all((model.predict(plain + hedged) >= 1) & (model.predict(plain + hedged) <= 6))


def test_save_load_round_trip(trained, tmp_path):
    model, _ = trained
    assert load_certainty(tmp_path) is None
    model.save(tmp_path)
    again = load_certainty(tmp_path)
    texts = [r["finding"] for r in certainty_findings("val")[:20]]
    assert np.allclose(again.predict(texts), model.predict(texts))
    assert json.loads((tmp_path / "certainty.json").read_text())["name"] == model.name


def test_unfitted_and_bad_input_are_clear_errors():
    with pytest.raises(RuntimeError, match="not fitted"):
        CertaintyModel().predict(["x"])
    with pytest.raises(ValueError, match="as many scores"):
        CertaintyModel().fit(["a", "b"], [1.0])
    model = CertaintyModel().fit(["likely good", "surely bad"], [1.0, 6.0])
    assert model.predict([]).shape == (0,)
    assert set(evaluate(model, ["likely good", "surely bad"], [1.0, 6.0])) == {"n", "pearson_r", "spearman_rho", "mae"}


def test_shipped_config_trains_certainty_into_the_model(trained_model):
    meta = json.loads((trained_model / "meta.json").read_text())
    assert meta["certainty"]["val"]["pearson_r"] > 0.45
    assert load_certainty(trained_model) is not None


def test_certainty_ranks_annotated_hedged_claims_first(trained):
    from socialrecovery_nlp.claims.evaluate import certainty_against_hedging

    model, _ = trained
    result = certainty_against_hedging(model)
    assert result["n"] > 200 and 0 < result["n_hedged"] < result["n"]
    # measured: AUROC 0.99 on the annotated claim sentences the model never saw
    assert result["auroc"] > 0.85
    assert result["mean_hedged"] < result["mean_plain"]
    assert certainty_against_hedging(None) is None


def test_report_section_lists_both_splits(trained):
    from socialrecovery_nlp.claims.report import _certainty_block

    _, stats = trained
    lines = _certainty_block({"model": stats, "hedging": {"n": 10, "n_hedged": 3, "auroc": 0.9,
                                                          "mean_hedged": 3.1, "mean_plain": 4.9}})
    text = "\n".join(lines)
    assert "| val |" in text and "| test |" in text and "AUROC **0.900**" in text
    assert _certainty_block(None) == [] and _certainty_block({"model": None}) == []


def test_extracted_claims_carry_certainty(trained_model, blank_nlp):
    from socialrecovery_nlp.claims.model import load_extractor

    extractor, _ = load_extractor(trained_model)
    assert extractor.certainty_model is not None
    # constructed sentences (not data): one plain and one hedged finding
    doc = blank_nlp("Peer support reduced readmission to hospital. Stigma may possibly worsen social isolation.")
    claims = [c.to_dict() for c in extractor(doc)]
    assert len(claims) >= 2 and all(1 <= c["certainty"] <= 6 for c in claims)
    plain = next(c for c in claims if c["text"].startswith("Peer"))
    hedged = next(c for c in claims if c["text"].startswith("Stigma"))
    assert hedged["certainty"] < plain["certainty"]


def test_loading_refuses_untrusted_types(tmp_path):
    import skops.io as sio

    from socialrecovery_nlp.modeldir import load_skops

    sio.dump({"x": object.__new__(json.JSONDecoder)}, tmp_path / "bad.skops")
    with pytest.raises(ValueError, match="refusing to load untrusted types"):
        load_skops(tmp_path / "bad.skops", ("numpy.dtype",))
