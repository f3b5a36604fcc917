"""Sentence boundaries for scientific text with a fast rule-based pipeline.

spaCy's rule sentencizer splits after every full stop, so "Link et al., 2001", "pp. 131-8" or
"flumazenil (6 mg/kg, i.p.) counteracted ..." would end a sentence, and a title without a final
full stop would run into the abstract's first sentence. Three fixes: tokenizer special cases keep
common scholarly and dosing abbreviations as one token; the ``srnlp_paragraphs`` component joins
a "sentence" that starts with a lower-case word to the one before it when that one ends in an
abbreviation-like token ("10 mg. and then ..."), and starts a sentence after every blank line and
after a heading line.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IDX, IS_ALPHA, IS_LOWER, IS_PUNCT, IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline.sentencizer import Sentencizer
from spacy.tokens import Doc

from ..pipeline.extensions import doc_text

#: Abbreviations that end in a full stop but almost never end a sentence in scientific prose.
ABBREVIATIONS = (
    "al.", "pp.", "Fig.", "fig.", "Figs.", "Eq.", "eq.", "cf.", "Cf.", "approx.", "ca.", "No.", "no.",
    "Vol.", "vol.", "ed.", "eds.", "Ed.", "Eds.", "resp.", "Dr.", "Prof.", "Ref.", "Refs.", "Tab.",
    "Suppl.", "suppl.", "Jr.", "St.", "Ch.", "ch.", "viz.", "et.", "Sect.", "sect.",
    # routes and schedules of drug administration, "not significant"
    "i.v.", "i.p.", "i.m.", "i.c.v.", "i.n.", "i.t.", "s.c.", "p.o.", "b.i.d.", "t.i.d.", "q.i.d.", "q.d.",
    "o.d.", "n.s.", "microg.",
)

#: A line this short (in tokens) without final punctuation, followed by a newline, is a heading.
MAX_HEADING_TOKENS = 12
FINAL_PUNCT = {".", "!", "?", ":", ";", ","}
_NEWLINE = re.compile(r"\n+")


#: A full stop with no space after it, between an acronym, a number or a closing bracket and a capitalised word:
#: "related to HCC.In this sample", "(p = .004).Conclusion" (exports that lost a space or a line break). spaCy's
#: infixes split "scale.The" (a lower-case letter before) but keep these as one token, so two sentences ran into
#: one (agent:review-18). Single initials ("J.Smith") and dotted acronyms ("U.S.Army") are not split.
RUN_ON_STOPS = (r"(?<=[A-Z][A-Z])\.(?=[A-Z][a-z])", r"(?<=[0-9)\]%])\.(?=[A-Z][a-z])")


def add_abbreviations(nlp: Language) -> None:
    """Teach the tokenizer the abbreviations above and the run-on full stops (idempotent)."""
    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    current = getattr(nlp.tokenizer.infix_finditer, "__self__", None)  # the compiled pattern in use
    pattern = current.pattern if current is not None else None
    missing = [p for p in RUN_ON_STOPS if pattern is None or p not in pattern]
    if missing:  # added to the tokenizer's own infixes, which are kept (review-19)
        nlp.tokenizer.infix_finditer = re.compile("|".join(([pattern] if pattern else []) + missing)).finditer


def split_sentences(doc: Doc) -> Doc:
    """spaCy's rule sentencizer with its default punctuation, in NumPy: a token starts a sentence
    when it is neither punctuation nor sentence-final punctuation and such a mark ("." "!" "?" ...)
    stands between it and the previous such token. On a fresh doc the same boundaries as
    ``sentencizer`` (tested) without building a Python object per token; a doc that already has
    boundaries or a parse goes to spaCy's own sentencizer, which only fills unset tokens."""
    n = len(doc)
    if not n:
        return doc
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return _SPACY_SENTENCIZER(doc)  # keep existing boundaries exactly as spaCy's does (overwrite=False)
    arr = doc.to_array([ORTH, IS_PUNCT])
    final = np.isin(arr[:, 0], _final_punct_hashes(doc))
    word = (arr[:, 1] == 0) & ~final
    marks = np.cumsum(final)  # sentence-final marks up to and including each token
    words = np.flatnonzero(word)
    starts = np.full(n, -1, dtype=np.int64)
    starts[0] = 1
    if len(words) > 1:
        new = marks[words[1:] - 1] > marks[words[:-1]]  # a mark after the previous word token
        starts[words[1:][new]] = 1
    if words.size and words[0] > 0 and marks[words[0] - 1] > 0:
        starts[words[0]] = 1  # ". Word" at the very start
    doc.from_array([SENT_START], starts.astype(np.uint64).reshape(-1, 1))  # -1 wraps, as in spaCy
    return doc


_FINAL_PUNCT_HASHES: dict[int, np.ndarray] = {}
_SPACY_SENTENCIZER = Sentencizer()


def _final_punct_hashes(doc: Doc) -> np.ndarray:
    """Hashes of spaCy's default sentence-final punctuation (cached per string store)."""
    strings = doc.vocab.strings
    key = id(strings)
    if key not in _FINAL_PUNCT_HASHES:
        _FINAL_PUNCT_HASHES[key] = np.array([strings.add(p) for p in Sentencizer.default_punct_chars], dtype=np.uint64)
    return _FINAL_PUNCT_HASHES[key]


@Language.component("srnlp_sentencizer")
def sentencizer_component(doc: Doc) -> Doc:
    return split_sentences(doc)


def join_lowercase_starts(doc: Doc) -> Doc:
    """Undo a sentence start on an all-lower-case word that follows an abbreviation-like token on
    the same line ("(5 mg/kg, s.c.) | counteracted ...", "10 mg. | and then ..."): the last word
    before the full stop has an inner full stop, at most three characters or a non-letter. After an
    ordinary word ("between the two groups. | there were ...") and after a line break (lists,
    headings) the split stays."""
    if len(doc) < 2 or not doc.has_annotation("SENT_START"):
        return doc
    arr = doc.to_array([SENT_START, IS_ALPHA, IS_LOWER, IS_SPACE, IS_PUNCT])
    starts = np.flatnonzero((arr[1:, 0] == 1) & (arr[1:, 1] == 1) & (arr[1:, 2] == 1)) + 1
    for i in starts.tolist():
        j = i - 1
        while j >= 0 and arr[j, 4] and not arr[j, 3]:  # the closing marks: ".", ")", quotes
            j -= 1
        if j < 0 or arr[j, 3] or any("\n" in doc[k].text for k in range(j, i)):
            continue  # a line break between the two: a list item or a heading
        word = doc[j].text
        if "." in word.rstrip(".") or len(word) <= 3 or not word.rstrip(".").isalpha():
            doc[i].is_sent_start = False
    return doc


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after each blank line, and after a newline that ends a heading line.

    Only the tokens around line breaks are touched (found from the text), so long docs without
    line breaks cost nothing here.
    """
    text = doc_text(doc)
    if "\n" not in text or len(doc) < 2:
        return doc
    starts = doc.to_array(IDX)
    newline_tokens = sorted({int(np.searchsorted(starts, m.start(), side="right")) - 1
                             for m in _NEWLINE.finditer(text)})
    line_start = 0
    for i in newline_tokens:
        token = doc[i]
        if not token.is_space or i + 1 >= len(doc):
            line_start = i + 1
            continue
        blank_line = token.text.count("\n") >= 2
        length = i - line_start
        heading = 0 < length <= MAX_HEADING_TOKENS and doc[i - 1].text not in FINAL_PUNCT
        if blank_line or heading or token.is_sent_start:
            doc[i + 1].is_sent_start = True
            if i > 0:  # keep the line break with the sentence before it, never alone
                token.is_sent_start = False
        line_start = i + 1
    return doc


@Language.component("srnlp_paragraphs")
def paragraphs_component(doc: Doc) -> Doc:
    return mark_paragraph_starts(join_lowercase_starts(doc))
