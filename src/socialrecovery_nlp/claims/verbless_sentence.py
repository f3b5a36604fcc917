"""A trigger verb read as a plural noun in a sentence left without a verb: "[Poor reporting] hampers [the
assessment of the strengths of a study]" (the small tagger reads "hampers" as NNS and hangs the whole sentence on
the gerund "reporting").

English sentences have a finite verb; when the parse has none and a trigger word in ``-s`` verb form (its ``-ed``
form a trigger too, :func:`.misparsed_verb._verb_form`) stands between a noun phrase and a determiner or
adjective opening another, that word is the verb: the words before it are the subject (the factor), the words
after it the object (the outcome). Complements the premodifier reading of :mod:`.misparsed_verb`.
The same holds for a two-word trigger whose verb was read so: "[Stimulation of the receptor] results in [tissue
proliferation]" (``results`` tagged NNS, the object of "of"; claims@0.9.0 round, from a v11 development sentence).
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx
from .misparsed_verb import _verb_form

_FINITE = ("VBD", "VBZ", "VBP", "MD")
#: Two-word triggers read as a verb when the tagger made a noun of their first word (forward ones only: in
#: "results from" the factor follows).
_PHRASE_VERBS = frozenset([("results", "in"), ("leads", "to")])
#: Words that end the object of such a verb: a contrast or a comparison is not part of the outcome.
_OBJECT_ENDS = frozenset(["but", "compared", "versus", "vs", "than", "whereas", "while"])
_OBJECT_OPENERS = ("DT", "PRP$", "JJ", "JJR", "JJS", "NN", "NNS", "CD")


def noun_read_verb(token: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``(factor range, outcome range)`` when ``token`` is such a verb, else None."""
    if token.tag_ not in ("NNS", "NNPS") or not token.lower_.endswith("s") or not _verb_form(token):
        return None
    doc = token.doc
    if token.i < 1 or token.i + 1 >= len(doc) or any(t.tag_ in _FINITE for t in doc):
        return None
    before, after = doc[token.i - 1], doc[token.i + 1]
    if before.pos_ not in ("NOUN", "PROPN") and before.tag_ != "VBG" or after.tag_ not in _OBJECT_OPENERS:
        return None
    left, right = _subject_start(doc, token.i), _object_end(doc, token.i + 1)
    if token.i - left < 1 or right - token.i < 2:
        return None
    return (left, token.i), (token.i + 1, right)


def _subject_start(doc, verb: int) -> int:
    """Where the subject of a misread verb at ``verb`` starts: after the nearest clause punctuation before it."""
    return next((i + 1 for i in range(verb - 1, -1, -1) if doc[i].text in (",", ";", ":", "(", ")")), 0)


def _object_end(doc, start: int, ends: frozenset = frozenset(), coordinators: tuple = ()) -> int:
    """Where the object starting at ``start`` ends: before ";", ":", "(", a relative "which", a word of ``ends``;
    trailing punctuation (and trailing ``coordinators``) dropped."""
    right = next((i for i in range(start, len(doc)) if doc[i].text in (";", ":", "(") or doc[i].tag_ == "WDT"
                  or doc[i].lower_ in ends), len(doc))
    while right > start and (doc[right - 1].is_punct or doc[right - 1].lower_ in coordinators):
        right -= 1
    return right


def noun_read_phrase_verb(token: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``(factor range, outcome range)`` when ``token`` opens "results in" / "leads to" but was read as a plural noun,
    the object of the "of" before it ("[Stimulation of the receptor] results in [Y]"), in a sentence with no finite
    verb. A title ("Treatment results in older adults") has "results" as its head noun, not inside an of-phrase, so
    it is no relation; an object that opens with a change or wrapper noun or holds another trigger ("results in a
    decrease of Y") is left to the other readings (review of the claims@0.9.0 round)."""
    doc = token.doc
    if token.tag_ not in ("NNS", "NNPS") or token.dep_ != "pobj" or token.head.lower_ != "of":
        return None
    if token.i < 1 or token.i + 2 >= len(doc) or (token.lower_, doc[token.i + 1].lower_) not in _PHRASE_VERBS:
        return None
    if any(t.tag_ in _FINITE for t in doc) or doc[token.i - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    left, right = _subject_start(doc, token.i), _object_end(doc, token.i + 2, _OBJECT_ENDS, ("and", "or"))
    if token.i - left < 1 or right - token.i < 3:
        return None
    content = [t for t in doc[token.i + 2:right] if t.pos_ != "DET"]
    if not content or content[0].lower_ in lx.OUTCOME_WRAPPERS or any(
            t.lower_ in lx.ALL_TRIGGER_WORDS for t in doc[token.i + 2:right]):
        return None
    return (left, token.i), (token.i + 2, right)


def base_form_read_verb(token: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``(factor range, outcome range)`` for a plural-subject sentence whose base-form verb was read as a noun
    premodifier: "[Factors at the individual and cultural level] influence [facilitation of practice] in ..."
    (``influence`` tagged NN, hung as a compound on the object). The verb agrees with a plural subject, so the
    sentence must open with a plural noun; the object is the noun the word premodifies with its "of" phrases."""
    from .lexicon import ALL_TRIGGER_WORDS

    word = token.lower_
    if token.tag_ not in ("NN", "VB", "VBP") or token.dep_ not in ("compound", "amod", "nmod"):
        return None
    if not any(w in ALL_TRIGGER_WORDS for w in (word + "s", word + "es")) or not any(
            w in ALL_TRIGGER_WORDS for w in (word + "d", word + "ed")):
        return None
    doc = token.doc
    if token.i < 2 or token.i + 1 >= len(doc) or any(t.tag_ in _FINITE for t in doc):
        return None
    before = doc[token.i - 1]
    if doc[0].tag_ not in ("NNS", "NNPS") or before.pos_ not in ("NOUN", "PROPN") or before.head.i == token.i \
            or len(doc) < 8:
        return None  # "Patients in [peer] support groups": a noun compound, no subject before a verb
    obj = token.head
    if obj.i <= token.i or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    right = obj.i + 1
    for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > obj.i):
        right = max(right, prep.right_edge.i + 1)
    return (0, token.i), (token.i + 1, right)
