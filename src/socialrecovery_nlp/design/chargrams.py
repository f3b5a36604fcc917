"""Character n-grams of word tokens for the design classifier (design-6, ``features.char_weight``).

Every word token (the word block's pattern, ``\\b\\w\\w+\\b`` on lower-cased text) is padded with
one space on each side and cut into its character n-grams of ``n_min``-``n_max`` characters
(``randomized`` -> `` ra``, ``ran``, ..., ``zed ``), so that spellings and word forms share
columns (randomis/randomiz, interview/interviewed, longitudinal/longitudinally). The block is
TF-IDF weighted as the word block: sublinear tf, smoothed idf, l2 norm per row.

Fast because n-grams are computed once per distinct *word*, not per token: a batch becomes a
(documents x distinct words) count matrix times a (words x n-grams) matrix. A word's n-gram
columns are cached between batches (bounded). The state to save is the vocabulary (n-gram ->
column) and the idf vector.
"""

from __future__ import annotations

import re
from itertools import chain

import numpy as np
from scipy import sparse

from ..tfidf import sublinear_l2

TOKEN = re.compile(r"(?u)\b\w\w+\b")
CACHE_MAX = 400_000  # distinct words whose n-gram columns are kept between batches


def word_ngrams(word: str, n_min: int, n_max: int) -> list[str]:
    """The character n-grams of `` word `` (padded), shortest first."""
    w = f" {word} "
    return [w[i:i + n] for n in range(n_min, n_max + 1) for i in range(len(w) - n + 1)]


def text_ngrams(text: str, n_min: int, n_max: int) -> list[str]:
    """All n-grams of a text (reference implementation, for tests)."""
    return [g for t in TOKEN.findall(text.lower()) for g in word_ngrams(t, n_min, n_max)]


def _doc_word_counts(texts: list[str]) -> tuple[sparse.csr_matrix, list[str]]:
    """(documents x distinct words) token counts and the distinct words, in first-seen order."""
    token_lists = [TOKEN.findall(t.lower()) for t in texts]
    lengths = np.fromiter(map(len, token_lists), dtype=np.int64, count=len(texts))
    word_id: dict[str, int] = {}
    get = word_id.setdefault
    ids = np.fromiter((get(w, len(word_id)) for w in chain.from_iterable(token_lists)), dtype=np.int64,
                      count=int(lengths.sum()))
    n_words = max(len(word_id), 1)
    doc_of = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    cells, counts = np.unique(doc_of * n_words + ids, return_counts=True)
    rows, cols = cells // n_words, cells % n_words
    indptr = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=len(texts)), out=indptr[1:])
    matrix = sparse.csr_matrix((counts.astype(np.float64), cols, indptr), shape=(len(texts), n_words))
    return matrix, list(word_id)


def _word_matrix(col_lists: list[np.ndarray], n_cols: int) -> sparse.csr_matrix:
    """(words x n-gram columns) occurrence counts from one column array per word."""
    lengths = np.fromiter(map(len, col_lists), dtype=np.int64, count=len(col_lists))
    indptr = np.zeros(len(col_lists) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    cols = np.concatenate(col_lists) if col_lists else np.zeros(0, dtype=np.int64)
    m = sparse.csr_matrix((np.ones(len(cols)), cols, indptr), shape=(len(col_lists), n_cols))
    m.sum_duplicates()
    return m


def _tfidf(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    x = sparse.csr_matrix(counts, dtype=np.float64, copy=True)
    x.eliminate_zeros()
    return sublinear_l2(x, idf).astype(np.float32)


class CharGrams:
    """Fit / transform the character n-gram TF-IDF block."""

    def __init__(self, n_min: int = 3, n_max: int = 5, vocabulary: dict[str, int] | None = None,
                 idf: np.ndarray | None = None) -> None:
        self.n_min, self.n_max = int(n_min), int(n_max)
        self.vocabulary = vocabulary
        self.idf = None if idf is None else np.asarray(idf, dtype=np.float64)
        self._cache: dict[str, np.ndarray] = {}

    def fit_transform(self, texts: list[str], min_df: int = 3, max_features: int | None = None):
        """Vocabulary: n-grams in at least ``min_df`` texts; of those the ``max_features`` most
        frequent (total count; ties by n-gram); smoothed idf ``ln((1 + n) / (1 + df)) + 1``."""
        dw, words = _doc_word_counts(texts)
        index: dict[str, int] = {}
        get = index.setdefault
        col_lists = [np.fromiter((get(g, len(index)) for g in word_ngrams(w, self.n_min, self.n_max)),
                                 dtype=np.int64) for w in words]
        counts = sparse.csr_matrix(dw @ _word_matrix(col_lists, max(len(index), 1)))
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        total = np.asarray(counts.sum(axis=0)).ravel()
        keep = np.flatnonzero(df >= min_df)
        if max_features is not None and len(keep) > max_features:
            grams = np.array(list(index), dtype=object)
            order = sorted(keep.tolist(), key=lambda j: (-total[j], grams[j]))
            keep = np.array(sorted(order[:max_features]), dtype=np.int64)
        names = list(index)
        self.vocabulary = {names[j]: i for i, j in enumerate(keep.tolist())}
        self.idf = np.log((1.0 + len(texts)) / (1.0 + df[keep])) + 1.0
        self._cache = {}
        return _tfidf(counts[:, keep], self.idf)

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        dw, words = _doc_word_counts(texts)
        cache, vocabulary = self._cache, self.vocabulary
        if len(cache) > CACHE_MAX:
            cache.clear()
        col_lists = []
        for w in words:
            cols = cache.get(w)
            if cols is None:
                found = [vocabulary.get(g) for g in word_ngrams(w, self.n_min, self.n_max)]
                cols = cache[w] = np.array([c for c in found if c is not None], dtype=np.int64)
            col_lists.append(cols)
        counts = sparse.csr_matrix(dw @ _word_matrix(col_lists, len(self.idf)))
        return _tfidf(counts, self.idf)
