import numpy as np
import pytest

from socialrecovery_nlp.active.models import (
    LinearScreener,
    balanced_weights,
    make_model,
    screening_text,
)
from socialrecovery_nlp.errors import SrnlpError


def test_overfit_save_reload_same_scores(sep_records):
    recs = sep_records[:80]
    texts = [screening_text(r) for r in recs]
    y = np.array([r.label_included for r in recs])
    model = make_model("srnlp.screen.v1")
    X = model.featurize(texts)
    model.fit(X, y)
    scores = model.score(X)
    pairs = (scores[y == 1][:, None] > scores[y == 0][None, :]).mean()
    assert pairs > 0.95  # overfits its own training data
    again = LinearScreener.from_bytes(model.to_bytes())
    assert np.allclose(again.score(again.transform(texts)), scores)
    top = model.top_terms(X[int(np.flatnonzero(y)[0])])
    assert top and all(isinstance(t, str) for t in top)


def test_balanced_weights_ratio():
    y = np.array([1, 0, 0, 0, 0])
    w = balanced_weights(y, 9.8)
    assert w[0] / w[1] == pytest.approx(9.8 * 4)
    assert w.sum() == pytest.approx(len(y))


def test_one_class_and_unknown_model():
    model = make_model("srnlp.screen.v1")
    X = model.featurize(["alpha beta gamma", "delta epsilon zeta"])
    with pytest.raises(SrnlpError) as err:
        model.fit(X, [1, 1])
    assert err.value.code == "E511"
    with pytest.raises(SrnlpError) as err:
        make_model("nope")
    assert err.value.code == "E531"
