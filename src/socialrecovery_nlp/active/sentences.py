"""Records as sentences: a TF-IDF row per sentence, grouped by record.

Some reviews include a record for one detail that a single sentence of a long abstract states (the
test a study used, a population named once). Scored as a whole, such a record's few telling words
are diluted by the rest of the abstract; scored by its best sentence, they are not. Each sentence
is vectorised with the record-level vectoriser (same vocabulary and IDF, each sentence its own unit
vector), so a linear model fitted on records scores sentences directly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp

# a sentence ends at . ! or ? followed by space and an opening bracket or a letter (upper case is
# checked after the split, so that capitals beyond ASCII count)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[(\[]|[^\W\d_])")
_SPACE = re.compile(r"\s+")


def split_sentences(text: str) -> list[str]:
    """The title (up to the first newline) and the abstract's sentences, each with its white space
    squashed, so that line breaks inside a title or an abstract (some CSV exports keep them) do not
    make units of their own. At least one unit, possibly empty."""
    units: list[str] = []
    for part in text.split("\n", 1):
        part = _SPACE.sub(" ", part).strip()
        for k, piece in enumerate(_SENTENCE_END.split(part) if part else []):
            if k and not (piece[:1].isupper() or piece[:1] in "(["):
                units[-1] = f"{units[-1]} {piece}"  # "e.g. this": not a sentence start
            else:
                units.append(piece)
    return units or [text]


class SentenceRows:
    """Sentence vectors of records: ``matrix`` rows are sentences, ``starts[i]:starts[i+1]`` are
    record ``i``'s. Behaves like a block of :class:`~.views.MultiView` (``shape[0]`` is the number
    of records; ``rows`` selection keeps those records' sentences)."""

    def __init__(self, matrix: Any, starts: Sequence[int]) -> None:
        self.matrix = sp.csr_matrix(matrix)
        self.starts = np.asarray(starts, dtype=np.int64)
        if self.starts[0] != 0 or self.starts[-1] != self.matrix.shape[0] or np.any(np.diff(self.starts) < 1):
            raise ValueError("every record needs at least one sentence, in order")

    @classmethod
    def from_texts(cls, vectorizer: Any, texts: Sequence[str]) -> SentenceRows:
        sentences: list[str] = []
        starts = [0]
        for text in texts:
            sentences.extend(split_sentences(text))
            starts.append(len(sentences))
        return cls(vectorizer.transform(sentences), starts)

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.starts) - 1, self.matrix.shape[1]

    def __getitem__(self, rows) -> SentenceRows:
        """The selected records' sentences. The loop selects the labelled rows at every fit but
        only cross-validation scores them, so the rows are gathered on first use."""
        rows = np.atleast_1d(np.arange(self.shape[0])[rows])
        return _Selected(self, rows)

    def best(self, coef: np.ndarray, intercept: float) -> np.ndarray:
        """Each record's highest sentence decision value under the linear model."""
        values = np.asarray(self.matrix @ coef).ravel() + intercept
        return np.maximum.reduceat(values, self.starts[:-1])


class _Selected(SentenceRows):
    """Some records of a :class:`SentenceRows`, gathered when first scored."""

    def __init__(self, parent: SentenceRows, rows: np.ndarray) -> None:
        self._parent, self._rows = parent, rows
        self._matrix: Any = None
        self._starts = np.concatenate([[0], np.cumsum(np.diff(parent.starts)[rows])])

    @property
    def starts(self) -> np.ndarray:  # type: ignore[override]
        return self._starts

    @property
    def matrix(self) -> Any:  # type: ignore[override]
        if self._matrix is None:
            p, rows = self._parent, self._rows
            take = np.concatenate([np.arange(p.starts[r], p.starts[r + 1]) for r in rows]) if len(rows) else []
            self._matrix = p.matrix[take]
        return self._matrix

    @property
    def shape(self) -> tuple[int, int]:
        return len(self._rows), self._parent.matrix.shape[1]

    def __getitem__(self, rows) -> SentenceRows:
        return _Selected(self._parent, self._rows[np.atleast_1d(np.arange(len(self._rows))[rows])])
