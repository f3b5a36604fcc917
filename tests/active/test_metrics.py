import math

import pytest

from socialrecovery_nlp.active import metrics as M


def test_loss_best_worst_and_hand_example():
    assert M.loss([1, 1, 0, 0, 0]) == 0.0
    assert M.loss([0, 0, 0, 1, 1]) == 1.0
    # Nx=4, Ny=1, found curve 0,1,1,1 -> sum 3; best 1*(4-0)=4; (4-3)/(1*3)
    assert M.loss([0, 1, 0, 0]) == pytest.approx(1 / 3)


def test_loss_matches_asreview_formula_on_random_orders():
    import numpy as np

    rng = np.random.default_rng(1)
    for _ in range(20):
        labels = list(rng.permutation([1] * 5 + [0] * 30))
        nx, ny = len(labels), sum(labels)
        expected = (ny * (nx - (ny - 1) / 2) - np.cumsum(labels).sum()) / (ny * (nx - ny))
        assert M.loss(labels) == pytest.approx(expected)


def test_recall_erf_wss_atd():
    labels = [1, 0, 1, 0, 0, 0, 0, 0, 0, 1]  # N=10, 3 relevant
    assert M.recall_at(labels, 0.10) == pytest.approx(1 / 3)
    assert M.records_to_recall(labels, 1.0) == 10
    assert M.records_to_recall(labels, 0.6) == 3
    assert M.atd(labels) == pytest.approx((1 + 3 + 10) / 3)
    # Cohen: stop at record 10 for 95% -> (0)/10 - 0.05
    assert M.wss_cohen(labels, 0.95) == pytest.approx(-0.05)
    perfect = [1, 1, 1] + [0] * 97
    assert M.wss_cohen(perfect, 0.95) == pytest.approx(97 / 100 - 0.05)
    # insights: last recall level <= .95 is 2/3: 2nd relevant found at record 2, randomly at ~51
    assert M.wss_insights(perfect, 0.95) == pytest.approx(0.49)
    assert M.erf_at(perfect, 0.10) > 0.8


def test_pad_puts_unscreened_relevant_last():
    assert M.pad_labels([1, 0], [0, 1, 0]) == [1, 0, 0, 0, 1]


def test_all_metrics_keys():
    out = M.all_metrics([1, 0, 0, 1, 0])
    for key in ("loss", "wss@95_insights", "wss@95_cohen", "recall@10%", "erf@10%", "atd",
                "records_to_95%_recall", "records_to_100%_recall"):
        assert key in out and not math.isnan(out[key])
