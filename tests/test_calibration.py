"""Calibration measures used in model reports (socialrecovery_nlp.calibration)."""

from __future__ import annotations

import numpy as np
import pytest

from socialrecovery_nlp.calibration import brier_score, expected_calibration_error, reliability_table


def test_perfectly_calibrated_predictions_have_zero_ece():
    # 10 rows at confidence 0.8 with 8 correct, 10 rows at 0.6 with 6 correct
    proba = np.array([[0.8, 0.2]] * 10 + [[0.4, 0.6]] * 10)
    gold = np.array([0] * 8 + [1] * 2 + [1] * 6 + [0] * 4)
    assert expected_calibration_error(proba, gold) == pytest.approx(0.0)
    rows = reliability_table(proba, gold)
    assert [(r["n"], round(r["accuracy"], 2)) for r in rows] == [(10, 0.6), (10, 0.8)]


def test_overconfident_predictions_have_the_gap_as_ece():
    proba = np.array([[0.9, 0.1]] * 10)
    gold = np.array([0] * 5 + [1] * 5)
    assert expected_calibration_error(proba, gold) == pytest.approx(0.4)


def test_brier_score_bounds():
    assert brier_score(np.eye(3), [0, 1, 2]) == pytest.approx(0.0)
    assert brier_score(np.eye(3), [1, 2, 0]) == pytest.approx(2.0)
    assert brier_score(np.full((2, 2), 0.5), [0, 1]) == pytest.approx(0.5)


def test_mismatched_input_is_a_clear_error():
    with pytest.raises(ValueError, match="one probability row per gold label"):
        expected_calibration_error(np.eye(3), [0, 1])
    with pytest.raises(ValueError, match="one probability row per gold label"):
        brier_score(np.ones(3), [0, 1, 2])
