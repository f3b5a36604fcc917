"""Screening models: relevance from title + abstract, retrained after every label.

A model has the small interface the loop needs: ``featurize(texts) -> X`` (fits the unsupervised
features on every record of the project, as the loop sees them all), ``fit(X, y)``,
``score(X) -> relevance scores`` (higher is more relevant; comparable within one call) and
``to_bytes()`` / ``from_bytes()``: a zip of JSON (settings, vocabularies) and ``.npy`` arrays
(IDF weights, coefficients) read with ``allow_pickle=False``. A linear model is just arrays, so
this avoids both pickle and the ~20 s import of ``skops.io`` (it imports all of scikit-learn),
which would make ``project train`` and ``annotate`` start slowly. Models are registered by versioned name in
:data:`MODELS`; the behaviour under a name never changes.
"""

from __future__ import annotations

import io
import json
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
    """Linear learners on TF-IDF views of the text; with several members, each member's decision
    values are divided by their spread and averaged.

    ``members`` are dicts ``{"view": "word"|"char", "learner": "svm"|"lr", "C": float,
    "ratio": float}``; ``ratio`` sets the class balance (see :func:`balanced_weights`). One SVM on
    word 1-2 grams with C=0.11 and ratio 9.8 is the ELAS-u4-like baseline."""

    def __init__(self, members: Sequence[dict[str, Any]] | None = None, name: str = "") -> None:
        self.members = [dict(m) for m in (members or [{"view": "word", "learner": "svm", "C": 0.11, "ratio": 9.8}])]
        self.views = list(dict.fromkeys(m["view"] for m in self.members))
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

    def _view(self, X, member: dict[str, Any]):
        """The columns of ``member``'s view (no copy when there is only one view)."""
        if len(self.views) == 1:
            return X
        return X[:, self._slices[self.views.index(member["view"])]]

    # learning
    def fit(self, X, y) -> LinearScreener:
        from sklearn.linear_model import LogisticRegression
        from sklearn.svm import LinearSVC

        y = np.asarray(y, dtype=int)
        if len(set(y.tolist())) < 2:
            raise SrnlpError("E511", relevant=int(y.sum()), irrelevant=int((y == 0).sum()))
        self.classifiers = []
        for m in self.members:
            if m["learner"] == "svm":
                clf = LinearSVC(C=m["C"], loss="squared_hinge", random_state=0)
            else:
                clf = LogisticRegression(C=m["C"], solver="liblinear", random_state=0)
            clf.fit(self._view(X, m), y, sample_weight=balanced_weights(y, m["ratio"]))
            self.classifiers.append((clf.coef_.ravel().astype(np.float64), float(clf.intercept_[0])))
        return self

    def score(self, X) -> np.ndarray:
        parts = []
        for m, (coef, intercept) in zip(self.members, self.classifiers):
            d = np.asarray(self._view(X, m) @ coef).ravel() + intercept
            parts.append(d / (d.std() + 1e-9) if len(self.classifiers) > 1 else d)
        return np.mean(parts, axis=0)

    def probability(self, X) -> np.ndarray:
        """A squashed score in (0, 1) for display; not calibrated."""
        return 1 / (1 + np.exp(-2 * self.score(X)))

    def top_terms(self, X_row, n: int = 8) -> list[str]:
        """Words of one record that push its score up most (the word view), for highlighting."""
        if "word" not in self.views:
            return []
        k = next(i for i, m in enumerate(self.members) if m["view"] == "word")
        view = self.views.index("word")
        vec, (coef, _), sl = self.vectorizers[view], self.classifiers[k], self._slices[view]
        row = X_row[:, sl].toarray().ravel()
        contrib = row * coef
        names = vec.get_feature_names_out()
        best = [i for i in np.argsort(-contrib)[:n] if contrib[i] > 0]
        return [str(names[i]) for i in best]

    # persistence
    def to_bytes(self) -> bytes:
        import zipfile

        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            settings = {"format": "srnlp-linear-screener/1", "members": self.members, "name": self.name,
                        "slices": [[s.start, s.stop] for s in self._slices], "vectorizers": []}
            for k, vec in enumerate(self.vectorizers):
                params = {p: v for p, v in vec.get_params().items() if p in _VEC_PARAMS}
                params["ngram_range"] = list(params["ngram_range"])
                settings["vectorizers"].append(params)
                vocab = {term: int(i) for term, i in vec.vocabulary_.items()}
                z.writestr(f"vocabulary_{k}.json", json.dumps(vocab, ensure_ascii=False))
                z.writestr(f"idf_{k}.npy", _npy(vec.idf_))
            for k, (coef, intercept) in enumerate(self.classifiers):
                z.writestr(f"coef_{k}.npy", _npy(np.append(coef, intercept)))
            z.writestr("settings.json", json.dumps(settings))
        return buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> LinearScreener:
        import zipfile

        from sklearn.feature_extraction.text import TfidfVectorizer

        with zipfile.ZipFile(io.BytesIO(data)) as z:
            settings = json.loads(z.read("settings.json"))
            if settings.get("format") != "srnlp-linear-screener/1":
                raise ValueError("not a srnlp linear screener")
            model = cls(settings["members"], settings["name"])
            for k, params in enumerate(settings["vectorizers"]):
                params["ngram_range"] = tuple(params["ngram_range"])
                vec = TfidfVectorizer(**params)
                vec.vocabulary_ = json.loads(z.read(f"vocabulary_{k}.json"))
                vec.idf_ = _load_npy(z.read(f"idf_{k}.npy"))
                model.vectorizers.append(vec)
            for k in range(len(model.members)):
                arr = _load_npy(z.read(f"coef_{k}.npy"))
                model.classifiers.append((arr[:-1], float(arr[-1])))
            model._slices = [slice(a, b) for a, b in settings["slices"]]
        return model


_VEC_PARAMS = ("analyzer", "ngram_range", "sublinear_tf", "max_df", "min_df", "max_features", "lowercase",
               "norm", "use_idf", "smooth_idf", "strip_accents", "token_pattern")


def _npy(arr: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.save(buf, np.asarray(arr, dtype=np.float64), allow_pickle=False)
    return buf.getvalue()


def _load_npy(data: bytes) -> np.ndarray:
    return np.load(io.BytesIO(data), allow_pickle=False)


_SVM = {"view": "word", "learner": "svm", "C": 0.11, "ratio": 9.8}
_LR = {"view": "word", "learner": "lr", "C": 1.0, "ratio": 1.0}

MODELS: dict[str, Callable[..., Any]] = {
    # ELAS-u4-like: one SVM on word 1-2 grams
    "srnlp.screen_svm.v1": lambda seed=0: LinearScreener([_SVM], name="srnlp.screen_svm.v1"),
    # SVM + logistic regression on the same features, averaged
    "srnlp.screen_svm_lr.v1": lambda seed=0: LinearScreener([_SVM, _LR], name="srnlp.screen_svm_lr.v1"),
    # the default
    "srnlp.screen.v1": lambda seed=0: LinearScreener([_SVM], name="srnlp.screen.v1"),
}


def make_model(name: str, seed: int = 0):
    try:
        return MODELS[name](seed=seed)
    except KeyError:
        raise SrnlpError("E531", name=name, choices=", ".join(MODELS)) from None
