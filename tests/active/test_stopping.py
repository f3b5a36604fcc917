import pytest
from scipy.stats import hypergeom

from socialrecovery_nlp.active.stopping import (
    ConsecutiveIrrelevant,
    History,
    HypergeometricTest,
)


def test_consecutive_irrelevant():
    rule = ConsecutiveIrrelevant(min_n=3, fraction=0.0)
    assert not rule.should_stop(History([1, 0, 0], 100))
    assert rule.should_stop(History([1, 0, 0, 0], 100))
    assert rule.report(History([1, 0, 0, 0], 100))["stop"]
    assert ConsecutiveIrrelevant(min_n=3, fraction=0.1).threshold(100) == 10


def test_hypergeometric_needs_a_sample():
    test = HypergeometricTest()
    h = History([1] * 10 + [0] * 40, 1000)
    assert test.p_value(h) == 1.0 and not test.should_stop(h)
    assert "no random sample" in test.report(h)["advice"]


def test_hypergeometric_p_value_and_guarantee():
    # 50 screened by AL (20 relevant), then a random sample of 300 of the 950 left with 0 relevant
    labels = [1] * 20 + [0] * 30 + [0] * 300
    flags = [False] * 50 + [True] * 300
    h = History(labels, 1000, flags)
    test = HypergeometricTest(target=0.95, confidence=0.95)
    # H0: recall < .95 -> at least floor(20/.95)+1 = 22 relevant in total, 2 in the urn of 950
    assert test.p_value(h) == pytest.approx(hypergeom.cdf(0, 950, 2, 300))
    recall = test.guaranteed_recall(h)
    assert 0.5 < recall < 1.0
    # the guarantee is consistent with the test: recall just above it is not rejected
    assert HypergeometricTest(target=min(recall + 0.02, 0.999)).p_value(h) >= 0.05 or recall > 0.97


def test_hypergeometric_stops_with_big_clean_sample():
    labels = [1] * 20 + [0] * 30 + [0] * 900
    flags = [False] * 50 + [True] * 900
    test = HypergeometricTest(target=0.9, confidence=0.95)
    assert test.should_stop(History(labels, 1000, flags))
    assert test.report(History(labels, 1000, flags))["guaranteed_recall"] >= 0.9
