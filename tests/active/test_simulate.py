import pytest

from socialrecovery_nlp.active.metrics import loss
from socialrecovery_nlp.active.simulate import choose_priors, simulate
from socialrecovery_nlp.errors import SrnlpError


def test_choose_priors(sep_records):
    y = [r.label_included for r in sep_records]
    assert choose_priors(y, [3, 10]) == [3, 10]
    drawn = choose_priors(y, None, 2, 3, seed=7)
    assert drawn == choose_priors(y, None, 2, 3, seed=7)
    assert sum(y[i] for i in drawn) == 2 and len(drawn) == 5
    with pytest.raises(SrnlpError) as err:
        choose_priors(y, [len(y)])
    assert err.value.code == "E522"
    with pytest.raises(SrnlpError) as err:
        choose_priors(y, [3])  # one irrelevant only
    assert err.value.code == "E523"


def test_simulation_is_deterministic_and_beats_random(sep_records):
    records = sep_records[:120]
    prior = choose_priors([r.label_included for r in records], None, 1, 1, seed=0)
    a = simulate(records, prior)
    b = simulate(records, prior)
    assert a.order == b.order
    assert set(a.order).isdisjoint(prior)
    n_rel = sum(r.label_included for r in records) - 1
    assert sum(a.labels) == n_rel and len(a.labels) == len(records) - 2
    out = a.to_dict()
    assert out["screening_order"] == [records[i].id for i in a.order]
    m = out["metrics"]
    assert m["loss"] == pytest.approx(loss(a.labels))
    assert m["loss"] < 0.4  # random order has expected loss 0.5
    assert m["records_to_100%_recall"] == len(a.order)
    assert "consecutive_irrelevant" in out["stopping"]
