"""Fast TF-IDF features for inference, rebuilt from a fitted vocabulary and idf.

Gives the same matrix as scikit-learn's ``TfidfVectorizer`` (word n-grams, and ``char_wb``
n-grams, sublinear tf, l2 norm per block, blocks side by side like a ``FeatureUnion``) but
computes character n-grams once per distinct word (cached), which is what makes the baseline
fast enough for hundreds of abstracts a second.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from ..tfidf import sublinear_l2

#: Settings of the two blocks; the ``TfidfVectorizer`` arguments used to fit them.
WORD_SETTINGS = {"analyzer": "word", "lowercase": True, "strip_accents": "unicode", "sublinear_tf": True}
CHAR_SETTINGS = {"analyzer": "char_wb", "lowercase": True, "sublinear_tf": True}


def make_vectorizers(word_ngrams, char_ngrams, max_word, max_char):
    from sklearn.feature_extraction.text import TfidfVectorizer

    word = TfidfVectorizer(ngram_range=tuple(word_ngrams), max_features=max_word, min_df=1, **WORD_SETTINGS)
    char = TfidfVectorizer(ngram_range=tuple(char_ngrams), max_features=max_char, min_df=2, **CHAR_SETTINGS)
    return word, char


class FastTfidf:
    """Word + char_wb TF-IDF transform from vocabularies (term lists) and idf vectors."""

    def __init__(self, word_terms, word_idf, word_ngrams, char_terms, char_idf, char_ngrams, cache_size=200_000):
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.word_terms, self.char_terms = list(word_terms), list(char_terms)
        self.word_ngrams, self.char_ngrams = tuple(word_ngrams), tuple(char_ngrams)
        self.word_idf = np.asarray(word_idf, dtype=np.float64)
        self.char_idf = np.asarray(char_idf, dtype=np.float64)
        self._word_vocab = {t: i for i, t in enumerate(self.word_terms)}
        self._char_vocab = {t: i for i, t in enumerate(self.char_terms)}
        w = TfidfVectorizer(ngram_range=self.word_ngrams, **WORD_SETTINGS)
        c = TfidfVectorizer(ngram_range=self.char_ngrams, **CHAR_SETTINGS)
        self._word_analyzer = w.build_analyzer()
        self._char_pre = c.build_preprocessor()
        self._char_analyzer = c.build_analyzer()
        self._cache: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._cache_size = cache_size

    @classmethod
    def from_fitted(cls, word, char) -> FastTfidf:
        def terms(v):
            out = [""] * len(v.vocabulary_)
            for t, i in v.vocabulary_.items():
                out[i] = t
            return out

        return cls(terms(word), word.idf_, word.ngram_range, terms(char), char.idf_, char.ngram_range)

    @property
    def n_features(self) -> int:
        return len(self.word_terms) + len(self.char_terms)

    def _word_entry(self, word: str):
        entry = self._cache.get(word)
        if entry is None:
            counts: dict[int, int] = {}
            for gram in self._char_analyzer(word):
                j = self._char_vocab.get(gram)
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
            entry = (np.fromiter(counts.keys(), np.int64, len(counts)), np.fromiter(counts.values(), np.float64, len(counts)))
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
            self._cache[word] = entry
        return entry

    @staticmethod
    def _block(indptr, indices, data, n_cols, idf):
        m = sparse.csr_matrix((np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64),
                               np.asarray(indptr, dtype=np.int64)), shape=(len(indptr) - 1, n_cols))
        m.sum_duplicates()
        return sublinear_l2(m, idf)

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        word_vocab, word_entry = self._word_vocab, self._word_entry
        w_ptr, w_idx, w_val = [0], [], []
        c_ptr, c_idx, c_val = [0], [], []
        for text in texts:
            counts: dict[int, int] = {}
            for gram in self._word_analyzer(text):
                j = word_vocab.get(gram)
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
            w_idx.extend(counts.keys())
            w_val.extend(counts.values())
            w_ptr.append(len(w_idx))
            n = c_ptr[-1]
            for word in self._char_pre(text).split():
                cols, vals = word_entry(word)
                c_idx.append(cols)
                c_val.append(vals)
                n += len(cols)
            c_ptr.append(n)
        c_idx = np.concatenate(c_idx) if c_idx else np.zeros(0, np.int64)
        c_val = np.concatenate(c_val) if c_val else np.zeros(0)
        return sparse.hstack([self._block(w_ptr, w_idx, w_val, len(self.word_terms), self.word_idf),
                              self._block(c_ptr, c_idx, c_val, len(self.char_terms), self.char_idf)], format="csr")
