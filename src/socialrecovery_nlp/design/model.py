"""The linear design classifier: TF-IDF n-grams (+ optional rule-cue columns, :mod:`.features`)
and multinomial logistic regression, with a temperature fitted on held-out hand labels so that
its probabilities are calibrated. ``cue_weight = 0`` (older models) means text features only.

``nb_weight > 0`` (design-5) adds a Complement Naive Bayes scorer over the same TF-IDF block:
the class scores are ``LR decision + nb_weight * (NB joint log-likelihood, centred per row)``
(``nb_balanced``: NB's sample weights times the balanced class weights, as the LR's).
Only NB's ``feature_log_prob_`` matrix is kept (saved as a plain ``.npy``, no pickle), so the
extra cost at prediction time is one sparse-dense product.

``focus_weight > 0`` (design-6) adds :func:`.features.focus_features` columns (follow-up time,
one-time measurement, a review's own voice, argument/policy words, reported numbers).
``char_weight > 0`` (design-6) adds a character n-gram TF-IDF block (:mod:`.chargrams`: n-grams
of ``char_ngram_min``-``char_ngram_max`` characters of each space-padded word token, sublinear tf,
l2 norm) times ``char_weight``, after the word, cue and keyword columns: it shares evidence
between spellings and word forms (randomis/randomiz, interview/interviewed). Its vocabulary and
idf are saved as plain JSON / ``.npy``.

Saved with skops (no pickles); loading checks the stored object types against an allow-list.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

WEIGHTS_FILE = "classifier.skops"
CALIBRATION_FILE = "calibration.json"
VOCABULARY_FILE = "vocabulary.json"
NB_FILE = "nb_feature_log_prob.npy"
CHAR_VOCABULARY_FILE = "char_vocabulary.json"
CHAR_IDF_FILE = "char_idf.npy"

#: Types a design model file may contain; anything else refuses to load.
TRUSTED_TYPES = [
    "sklearn.pipeline.Pipeline",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "numpy.float64",
    "numpy.int64",
    "numpy.dtype",
    "numpy.ndarray",
    "builtins.dict",
    "builtins.list",
    "builtins.tuple",
    "builtins.str",
    "builtins.int",
    "builtins.float",
    "builtins.bool",
    "builtins.NoneType",
    "builtins.type",
    "scipy.sparse._csr.csr_matrix",
    "collections.OrderedDict",
]


class DesignClassifier:
    """``fit(texts, labels, sample_weight)`` / ``predict_proba(texts)``; ``labels_`` in column order."""

    def __init__(self, ngram_max: int = 2, min_df: int = 2, max_features: int = 200_000,
                 C: float = 4.0, max_iter: int = 2000, temperature: float = 1.0,
                 cue_weight: float = 0.0, keyword_weight: float = 0.0, nb_weight: float = 0.0,
                 nb_alpha: float = 0.3, nb_balanced: bool = False, char_weight: float = 0.0,
                 char_ngram_min: int = 3, char_ngram_max: int = 5, char_min_df: int = 3,
                 char_max_features: int = 100_000, focus_weight: float = 0.0) -> None:
        self.params = {"ngram_max": ngram_max, "min_df": min_df, "max_features": max_features,
                       "C": C, "max_iter": max_iter, "cue_weight": cue_weight}
        if keyword_weight:  # only stored when used: older model files stay byte-identical
            self.params["keyword_weight"] = keyword_weight
        if nb_weight:
            self.params["nb_weight"] = nb_weight
            self.params["nb_alpha"] = nb_alpha
            if nb_balanced:
                self.params["nb_balanced"] = True
        if focus_weight:
            self.params["focus_weight"] = focus_weight
        if char_weight:
            self.params.update(char_weight=char_weight, char_ngram_min=char_ngram_min,
                               char_ngram_max=char_ngram_max, char_min_df=char_min_df,
                               char_max_features=char_max_features)
        self.temperature = temperature
        self.pipeline: Pipeline | None = None
        self.nb_log_prob: np.ndarray | None = None  # (classes, TF-IDF terms), when nb_weight > 0
        self.char_vocabulary: dict[str, int] | None = None  # char n-gram -> column, when char_weight > 0
        self.char_idf: np.ndarray | None = None

    @property
    def labels_(self) -> list[str]:
        return [str(c) for c in self.pipeline.classes_]

    @property
    def uses_cues(self) -> bool:
        return float(self.params.get("cue_weight", 0.0)) > 0

    def _features(self, texts: list[str], cues, fit: bool = False):
        tfidf = self.pipeline.named_steps["tfidf"]
        x = tfidf.fit_transform(texts) if fit else self.tfidf_transform(texts)
        keyword_weight = float(self.params.get("keyword_weight", 0.0))
        focus_weight = float(self.params.get("focus_weight", 0.0))
        if not self.uses_cues and not keyword_weight and not self.char_weight and not focus_weight:
            return x
        from scipy import sparse

        from .features import cue_features, focus_features, keyword_features

        blocks = [x]
        if self.uses_cues:
            if cues is None:
                raise ValueError("this design model needs the rule cues of each text (cues=...)")
            blocks.append(sparse.csr_matrix(cue_features(cues, self.params["cue_weight"])))
        if keyword_weight:
            blocks.append(sparse.csr_matrix(keyword_features(texts, keyword_weight)))
        if focus_weight:
            blocks.append(sparse.csr_matrix(focus_features(texts, focus_weight)))
        if self.char_weight:
            xc = self._fit_char(texts) if fit else self.char_transform(texts)
            blocks.append(xc * np.float32(self.char_weight))
        return sparse.hstack(blocks).tocsr()

    @property
    def char_weight(self) -> float:
        return float(self.params.get("char_weight", 0.0))

    def _char_block(self):
        from .chargrams import CharGrams

        block = getattr(self, "_chargrams", None)
        if block is None or block.vocabulary is not self.char_vocabulary:
            block = self._chargrams = CharGrams(self.params["char_ngram_min"], self.params["char_ngram_max"],
                                                self.char_vocabulary, self.char_idf)
        return block

    def _fit_char(self, texts: list[str]):
        """Fit the char block's vocabulary and idf; returns its (unweighted) rows for ``texts``."""
        from .chargrams import CharGrams

        block = CharGrams(self.params["char_ngram_min"], self.params["char_ngram_max"])
        x = block.fit_transform(texts, int(self.params["char_min_df"]), int(self.params["char_max_features"]))
        self.char_vocabulary, self.char_idf, self._chargrams = block.vocabulary, block.idf, block
        return x

    def char_transform(self, texts: list[str]):
        """The character n-gram TF-IDF rows of ``texts`` (:mod:`.chargrams`), unweighted."""
        return self._char_block().transform(texts)

    def tfidf_transform(self, texts: list[str]):
        """``TfidfVectorizer.transform`` for this model's settings (word uni- and bigrams,
        lowercase, sublinear tf, l2 norm), vectorised over the batch: tokens become integer ids
        with one C-level ``dict.get`` pass, bigrams are id pairs looked up with ``searchsorted``.
        Same matrix as sklearn's (float32 rounding aside), several times faster. Other settings
        fall back to sklearn."""
        from itertools import chain, repeat

        from scipy import sparse

        tfidf = self.pipeline.named_steps["tfidf"]
        if (tfidf.analyzer != "word" or tfidf.preprocessor is not None or tfidf.tokenizer is not None
                or tfidf.stop_words is not None or tfidf.strip_accents is not None or not tfidf.lowercase
                or tfidf.norm != "l2" or not tfidf.use_idf or not tfidf.sublinear_tf or tfidf.binary
                or tfidf.ngram_range not in ((1, 1), (1, 2))):
            return tfidf.transform(texts)
        fast = getattr(self, "_fast", None)
        if fast is None or fast["vocabulary"] is not tfidf.vocabulary_:
            fast = self._fast = _fast_index(tfidf)
        n_docs, n_cols = len(texts), len(fast["idf"])
        findall = fast["pattern"].findall
        token_lists = [findall(t.lower()) for t in texts]
        lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=n_docs)
        total = int(lengths.sum())
        ids = np.fromiter(map(fast["token_ids"].get, chain.from_iterable(token_lists), repeat(-1)),
                          dtype=np.int64, count=total)
        doc_of = np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
        uni = fast["unigram_col"][ids] if total else np.zeros(0, dtype=np.int64)
        keep = (ids >= 0) & (uni >= 0)
        rows, cols = [doc_of[keep]], [uni[keep]]
        if fast["bigram_keys"] is not None and total > 1:
            same = doc_of[1:] == doc_of[:-1]
            left, right = ids[:-1], ids[1:]
            ok = same & (left >= 0) & (right >= 0)
            keys = left[ok] * fast["n_tokens"] + right[ok]
            pos = np.searchsorted(fast["bigram_keys"], keys)
            pos[pos >= len(fast["bigram_keys"])] = 0
            hit = fast["bigram_keys"][pos] == keys
            rows.append(doc_of[:-1][ok][hit])
            cols.append(fast["bigram_col"][pos[hit]])
        r, c = np.concatenate(rows), np.concatenate(cols)
        cells, counts = np.unique(r * n_cols + c, return_counts=True)
        r, c = cells // n_cols, cells % n_cols
        values = (np.log(counts.astype(np.float64)) + 1.0) * fast["idf"][c]
        norms = np.sqrt(np.bincount(r, weights=values * values, minlength=n_docs))
        norms[norms == 0] = 1.0
        values = values / norms[r]
        indptr = np.zeros(n_docs + 1, dtype=np.int64)
        np.cumsum(np.bincount(r, minlength=n_docs), out=indptr[1:])
        return sparse.csr_matrix((values.astype(np.float32), c, indptr), shape=(n_docs, n_cols))

    def fit(self, texts: list[str], labels: list[str], sample_weight=None, cues=None) -> DesignClassifier:
        """``cues``: one rule-cue list per text (needed when ``cue_weight > 0``)."""
        p = self.params
        self.pipeline = Pipeline([
            ("tfidf", TfidfVectorizer(ngram_range=(1, p["ngram_max"]), min_df=p["min_df"],
                                      max_features=p["max_features"], sublinear_tf=True,
                                      lowercase=True, dtype=np.float32)),
            ("clf", LogisticRegression(C=p["C"], max_iter=p["max_iter"], class_weight="balanced")),
        ])
        x = self._features(texts, cues, fit=True)
        self.pipeline.named_steps["clf"].fit(x, labels, sample_weight=sample_weight)
        tfidf = self.pipeline.named_steps["tfidf"]
        if self.nb_weight:
            from sklearn.naive_bayes import ComplementNB

            n_terms = len(tfidf.vocabulary_)
            nb = ComplementNB(alpha=float(p.get("nb_alpha", 0.3)))
            nb_weights = None if sample_weight is None else np.asarray(sample_weight, dtype=float)
            if p.get("nb_balanced"):  # as LR's class_weight="balanced": n / (classes * count)
                from sklearn.utils.class_weight import compute_sample_weight

                balanced = compute_sample_weight("balanced", labels)
                nb_weights = balanced if nb_weights is None else nb_weights * balanced
            nb.fit(x[:, :n_terms], labels, sample_weight=nb_weights)
            if [str(c) for c in nb.classes_] != self.labels_:
                raise ValueError("NB and LR class orders differ")
            self.nb_log_prob = np.ascontiguousarray(nb.feature_log_prob_, dtype=np.float32)
        tfidf.stop_words_ = None  # pruned-term list: large, never used
        # plain ints: skops would store every numpy int64 of the vocabulary as a separate array
        tfidf.vocabulary_ = {term: int(i) for term, i in tfidf.vocabulary_.items()}
        return self

    @property
    def nb_weight(self) -> float:
        return float(self.params.get("nb_weight", 0.0))

    def decision(self, texts: list[str], cues=None) -> np.ndarray:
        """Raw class scores (log-odds), one column per label (plus the weighted, row-centred
        Naive Bayes log-likelihood when ``nb_weight > 0``)."""
        x = self._features(texts, cues)
        scores = self.pipeline.named_steps["clf"].decision_function(x)
        if self.nb_weight and self.nb_log_prob is not None:
            jll = np.asarray(x[:, :self.nb_log_prob.shape[1]] @ self.nb_log_prob.T, dtype=np.float64)
            scores = scores + self.nb_weight * (jll - jll.mean(axis=1, keepdims=True))
        return scores

    def predict_proba(self, texts: list[str], cues=None) -> np.ndarray:
        return softmax(self.decision(texts, cues) / self.temperature)

    def fit_temperature(self, scores: np.ndarray, gold: list[str]) -> float:
        """Choose the temperature minimising the negative log-likelihood of ``gold``."""
        index = {label: i for i, label in enumerate(self.labels_)}
        keep = [i for i, g in enumerate(gold) if g in index]
        if not keep:
            return self.temperature
        y = np.array([index[gold[i]] for i in keep])
        s = scores[keep]
        grid = np.exp(np.linspace(np.log(0.05), np.log(20.0), 200))
        nll = [-np.mean(np.log(softmax(s / t)[np.arange(len(y)), y] + 1e-12)) for t in grid]
        self.temperature = float(grid[int(np.argmin(nll))])
        return self.temperature

    def save(self, model_dir: str | Path) -> None:
        from ..modeldir import save_skops

        model_dir = Path(model_dir)
        model_dir.mkdir(parents=True, exist_ok=True)
        # the vocabulary goes to plain JSON: skops' per-entry schema makes loading it take seconds
        tfidf = self.pipeline.named_steps["tfidf"]
        vocabulary, tfidf.vocabulary_ = tfidf.vocabulary_, {}
        try:
            save_skops(self.pipeline, model_dir / WEIGHTS_FILE)
        finally:
            tfidf.vocabulary_ = vocabulary
        (model_dir / VOCABULARY_FILE).write_text(json.dumps(vocabulary, ensure_ascii=False), encoding="utf-8")
        if self.nb_log_prob is not None:
            np.save(model_dir / NB_FILE, self.nb_log_prob, allow_pickle=False)
        if self.char_vocabulary is not None:
            (model_dir / CHAR_VOCABULARY_FILE).write_text(json.dumps(self.char_vocabulary, ensure_ascii=False),
                                                          encoding="utf-8")
            np.save(model_dir / CHAR_IDF_FILE, self.char_idf, allow_pickle=False)
        (model_dir / CALIBRATION_FILE).write_text(json.dumps(
            {"temperature": self.temperature, "params": self.params}, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, model_dir: str | Path) -> DesignClassifier:
        import skops.io as sio

        model_dir = Path(model_dir)
        path = model_dir / WEIGHTS_FILE
        untrusted = [t for t in sio.get_untrusted_types(file=path) if t not in TRUSTED_TYPES]
        if untrusted:
            from ..errors import SrnlpError

            raise SrnlpError("E301", path=path, types=untrusted)
        calib = json.loads((model_dir / CALIBRATION_FILE).read_text(encoding="utf-8"))
        model = cls(**calib["params"], temperature=calib["temperature"])
        model.pipeline = sio.load(path, trusted=sio.get_untrusted_types(file=path))
        vocabulary = json.loads((model_dir / VOCABULARY_FILE).read_text(encoding="utf-8"))
        model.pipeline.named_steps["tfidf"].vocabulary_ = {str(k): int(v) for k, v in vocabulary.items()}
        if model.nb_weight:
            model.nb_log_prob = np.load(model_dir / NB_FILE, allow_pickle=False)
        if model.char_weight:
            vocabulary = json.loads((model_dir / CHAR_VOCABULARY_FILE).read_text(encoding="utf-8"))
            model.char_vocabulary = {str(k): int(v) for k, v in vocabulary.items()}
            model.char_idf = np.load(model_dir / CHAR_IDF_FILE, allow_pickle=False)
        return model


def _fast_index(tfidf) -> dict:
    """Integer look-up tables for :meth:`DesignClassifier.tfidf_transform`: an id for every word
    occurring in a vocabulary term, its unigram column (or -1), and sorted bigram id-pair keys."""
    import re

    vocabulary = tfidf.vocabulary_
    token_ids: dict[str, int] = {}
    for term in vocabulary:
        for word in term.split(" "):
            token_ids.setdefault(word, len(token_ids))
    n_tokens = len(token_ids)
    unigram_col = np.full(n_tokens + 1, -1, dtype=np.int64)  # last slot: id -1 (unknown word)
    keys, bigram_cols = [], []
    for term, col in vocabulary.items():
        words = term.split(" ")
        if len(words) == 1:
            unigram_col[token_ids[words[0]]] = col
        else:
            keys.append(token_ids[words[0]] * n_tokens + token_ids[words[1]])
            bigram_cols.append(col)
    order = np.argsort(np.asarray(keys, dtype=np.int64)) if keys else None
    return {"vocabulary": vocabulary, "pattern": re.compile(tfidf.token_pattern), "token_ids": token_ids,
            "n_tokens": n_tokens, "unigram_col": unigram_col, "idf": np.asarray(tfidf.idf_, dtype=np.float64),
            "bigram_keys": np.asarray(keys, dtype=np.int64)[order] if keys else None,
            "bigram_col": np.asarray(bigram_cols, dtype=np.int64)[order] if keys else None}


def softmax(scores: np.ndarray) -> np.ndarray:
    scores = np.atleast_2d(scores)
    z = scores - scores.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)
