"""Screening models: relevance from title + abstract, retrained after every label.

A model has the small interface the loop needs: ``featurize(texts) -> X`` (fits the unsupervised
features on every record of the project, as the loop sees them all), ``fit(X, y)``,
``score(X) -> relevance scores`` (higher is more relevant; comparable within one call) and
``to_bytes()`` / ``from_bytes()`` (skops, no pickle). Models are registered by versioned name in
:data:`MODELS`; the behaviour under a name never changes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp

from ..corpus.record import Record
from ..errors import SrnlpError


def screening_text(record: Record | dict[str, Any]) -> str:
    """What the screening model reads: the title and the abstract."""
    if isinstance(record, dict):
        return f"{record.get('title') or ''}\n{record.get('abstract') or ''}"
    return f"{record.title}\n{record.abstract}"


def balanced_weights(y: np.ndarray, ratio: float) -> np.ndarray:
    """Sample weights that make the relevant class ``ratio`` times heavier than an even
    split would (dynamic: recomputed from the current label counts at every fit)."""
    y = np.asarray(y)
    n1, n0 = max(int((y == 1).sum()), 1), max(int((y == 0).sum()), 1)
    w = np.where(y == 1, 1.0, n1 / (ratio * n0))
    return w * len(y) / w.sum()


def _word_tfidf():
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, max_df=0.95, min_df=1)


def _char_tfidf():
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2, max_features=100_000
    )


class LinearScreener:
    """An ensemble of linear SVMs, each on its own TF-IDF view of the text; members' decision
    values are standardised and averaged. One member on word 1-2 grams is the classic ELAS-like
    baseline (``srnlp.screen_svm.v1``)."""

    def __init__(self, views: Sequence[str] = ("word",), C: float = 0.11, ratio: float = 9.8, name: str = "") -> None:
        self.views = list(views)
        self.C = C
        self.ratio = ratio
        self.name = name
        self.vectorizers: list[Any] = []
        self.classifiers: list[Any] = []
        self._slices: list[slice] = []

    # features
    def featurize(self, texts: Sequence[str]):
        makers: dict[str, Callable[[], Any]] = {"word": _word_tfidf, "char": _char_tfidf}
        self.vectorizers = [makers[v]() for v in self.views]
        blocks = [vec.fit_transform(texts) for vec in self.vectorizers]
        return self._stack(blocks)

    def transform(self, texts: Sequence[str]):
        return self._stack([vec.transform(texts) for vec in self.vectorizers])

    def _stack(self, blocks):
        self._slices, start = [], 0
        for b in blocks:
            self._slices.append(slice(start, start + b.shape[1]))
            start += b.shape[1]
        return sp.hstack(blocks).tocsr() if len(blocks) > 1 else blocks[0].tocsr()

    # learning
    def fit(self, X, y) -> LinearScreener:
        from sklearn.svm import LinearSVC

        y = np.asarray(y, dtype=int)
        if len(set(y.tolist())) < 2:
            raise SrnlpError("E511", relevant=int(y.sum()), irrelevant=int((y == 0).sum()))
        w = balanced_weights(y, self.ratio)
        self.classifiers = []
        for sl in self._slices:
            clf = LinearSVC(C=self.C, loss="squared_hinge", random_state=0)
            clf.fit(X[:, sl], y, sample_weight=w)
            self.classifiers.append(clf)
        return self

    def score(self, X) -> np.ndarray:
        parts = []
        for sl, clf in zip(self._slices, self.classifiers):
            d = clf.decision_function(X[:, sl])
            parts.append(d / (d.std() + 1e-9) if len(self.classifiers) > 1 else d)
        return np.mean(parts, axis=0)

    def probability(self, X) -> np.ndarray:
        """A squashed score in (0, 1) for display; not calibrated."""
        return 1 / (1 + np.exp(-2 * self.score(X)))

    def top_terms(self, X_row, n: int = 8) -> list[str]:
        """Words of one record that push its score up most (the word view), for highlighting."""
        if "word" not in self.views:
            return []
        k = self.views.index("word")
        vec, clf, sl = self.vectorizers[k], self.classifiers[k], self._slices[k]
        row = X_row[:, sl].toarray().ravel()
        contrib = row * clf.coef_.ravel()
        names = vec.get_feature_names_out()
        best = [i for i in np.argsort(-contrib)[:n] if contrib[i] > 0]
        return [str(names[i]) for i in best]

    # persistence
    def to_bytes(self) -> bytes:
        import skops.io as sio

        state = {
            "views": self.views,
            "C": self.C,
            "ratio": self.ratio,
            "name": self.name,
            "vectorizers": self.vectorizers,
            "classifiers": self.classifiers,
            "slices": [[s.start, s.stop] for s in self._slices],
        }
        return sio.dumps(state)

    @classmethod
    def from_bytes(cls, data: bytes) -> LinearScreener:
        import skops.io as sio

        trusted = sio.get_untrusted_types(data=data)
        allowed = [t for t in trusted if t.startswith(("sklearn.", "numpy.", "scipy."))]
        state = sio.loads(data, trusted=allowed)
        model = cls(state["views"], state["C"], state["ratio"], state["name"])
        model.vectorizers = state["vectorizers"]
        model.classifiers = state["classifiers"]
        model._slices = [slice(a, b) for a, b in state["slices"]]
        return model


MODELS: dict[str, Callable[..., Any]] = {
    "srnlp.screen_svm.v1": lambda seed=0: LinearScreener(["word"], name="srnlp.screen_svm.v1"),
    "srnlp.screen.v1": lambda seed=0: LinearScreener(["word"], name="srnlp.screen.v1"),
}


def make_model(name: str, seed: int = 0):
    try:
        return MODELS[name](seed=seed)
    except KeyError:
        raise SrnlpError("E531", name=name, choices=", ".join(MODELS)) from None
