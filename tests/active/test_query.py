import numpy as np
import pytest

from socialrecovery_nlp.active.query import (
    MaxRandom,
    MaxRelevance,
    MultiLabelUncertainty,
    Uncertainty,
    get_strategy,
)
from socialrecovery_nlp.errors import SrnlpError

SCORES = np.array([0.9, 0.1, 0.6, 0.45, 0.8])


def test_max_skips_labelled_and_explains():
    s = MaxRelevance()
    assert list(s.query(SCORES, [0], 2)) == [4, 2]
    assert "rank 1" in s.reason(4)


def test_boolean_mask_and_uncertainty():
    mask = np.array([False, False, True, False, False])
    assert list(Uncertainty().query(SCORES, mask, 2)) == [3, 4]


def test_max_random_share_zero_is_max_and_one_is_random():
    assert list(MaxRandom(0.0).query(SCORES, [], 3)) == [0, 4, 2]
    picks = MaxRandom(1.0, seed=3).query(SCORES, [], 5)
    assert sorted(picks) == [0, 1, 2, 3, 4]
    s = MaxRandom(1.0, seed=3)
    assert "random" in s.reason(int(s.query(SCORES, [], 1)[0]))


def test_multilabel_uncertainty():
    P = np.array([[0.9, 0.1], [0.5, 0.55], [0.2, 0.8]])
    assert MultiLabelUncertainty().query(P, [], 1)[0] == 1
    assert MultiLabelUncertainty().query(P, [1], 1)[0] in (0, 2)


def test_unknown_strategy():
    with pytest.raises(SrnlpError) as err:
        get_strategy("nope")
    assert err.value.code == "E530"
