"""Sentences of a record's analysed text, with offsets and the kind of section each is in."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from ..pipeline.extensions import doc_text

#: Weight of a sentence's probability by section kind (full texts). Methods and references
#: say little about what a study is about; results, discussion and conclusions say most.
SECTION_WEIGHTS = {
    "front": 1.0, "abstract": 1.0, "introduction": 0.6, "methods": 0.4, "results": 1.0,
    "discussion": 1.0, "conclusions": 1.0, "references": 0.0, "other": 0.8,
}


@lru_cache(maxsize=1)
def _sentencizer():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


_PIECE = re.compile(r"[^\s](?:[^\n]*[^\s])?")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stripped spans of ``text[start:end]``, split at line breaks (titles, headings)."""
    return [(start + m.start(), start + m.end()) for m in _PIECE.finditer(text[start:end])]


def split_text(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence (spaCy rule sentencizer; a line break also splits)."""
    return [p for sent in _sentencizer()(text).sents for p in _pieces(text, sent.start_char, sent.end_char)]


def doc_sentences(doc) -> list[tuple[int, int]]:
    """Sentence spans of a spaCy ``Doc`` (its own sentence boundaries when set)."""
    if not len(doc):
        return []
    # reading the token arrays is much faster than ``doc.sents`` or ``doc.has_annotation``
    from spacy.attrs import IDX, SENT_START

    arr = doc.to_array([SENT_START, IDX]).astype(np.int64)
    if len(doc) == 1 or (arr[1:, 0] != 0).any():
        starts = arr[arr[:, 0] == 1, 1].tolist()
        if not starts or starts[0] != arr[0, 1]:
            starts.insert(0, int(arr[0, 1]))
        text = doc_text(doc)
        bounds = [*starts[1:], len(text)]
        return [p for s, e in zip(starts, bounds) for p in _pieces(text, s, e)]
    return split_text(doc_text(doc))


def section_weights(spans: list[tuple[int, int]], record=None, weights: dict | None = None) -> list[float]:
    """A weight per sentence from the kind of section it starts in (1.0 without sections)."""
    weights = weights or SECTION_WEIGHTS
    if record is None or not getattr(record, "sections", None):
        return [1.0] * len(spans)
    sections = record.section_offsets()
    out = []
    for start, _ in spans:
        kind = "other"
        for section, s, e in sections:
            if start < e and start >= s - len(section.title) - 1:
                kind = section.kind
                break
        out.append(float(weights.get(kind, weights.get("other", 1.0))))
    return out
