"""Comparative correlatives: "The more [social support] participants reported, the lower [their depressive symptoms]",
"The less [religious doubt] people have, the more [they are willing to give]".

Two clauses, each opened by "the" and a comparative, at the start of the sentence and after a comma: the first names
the factor, the second the outcome, and the two comparatives give the sign ("the more ..., the lower ..." lowers the
outcome). It states a covariation, so it is correlational (Yu et al. 2019), and the direction composes as usual: the
outcome's valence with the sign. An amount comparative that modifies a noun gives that noun phrase as the span ("the
more [social support] participants reported"); otherwise the rest of the clause is the span, up to a parenthesis or a
reporting clause ("..., she added"). A comparative of time or age names the factor with it ("the [later the
diagnosis]": more lateness); an evaluative one ("the worse the symptoms", "the better their functioning") says how good
the outcome is, so it is read with the outcome's valence (``valence_from``). Two ordinary clauses about groups ("The higher dose was associated with Y,
the lower dose had no effect") are no correlative: the second comparative is inside a verb's subject.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from . import lexicon as lx

_RAISING = frozenset(["more", "higher", "greater", "larger", "bigger", "stronger", "longer", "richer", "closer",
                      "frequently", "often"])
_LOWERING = frozenset(["less", "fewer", "lower", "smaller", "weaker", "shorter", "poorer", "lesser"])
#: comparatives of time or age: part of what varies ("the [older the child]"), read as more of it
_PROPERTY = frozenset(["older", "younger", "earlier", "later"])
#: comparatives that judge the outcome ("the [worse] the symptoms"): more of the judged state
_EVALUATIVE = frozenset(["better", "worse"])
#: what may stand before the first clause: connectives and adverbs ("Moreover, the more ...", "Overall, the ...")
_OPENERS = ("ADV", "CCONJ", "SCONJ", "PUNCT", "INTJ")
_REPORTING = frozenset(["said", "says", "added", "adds", "noted", "notes", "explained", "explains", "concluded", "found",
                        "wrote", "writes", "argued", "argues", "suggested", "suggests", "reported", "reports"])


def _sign(token: Token) -> int:
    word = token.lower_
    if word in _RAISING or word in _PROPERTY or word in _EVALUATIVE:
        return 1
    if word in _LOWERING:
        return -1
    return 0


def _clause_end(tokens: list[Token], start: int, end: int) -> int:
    """Where a clause that runs from ``start`` ends: at a parenthesis, a semicolon or colon, a reporting clause
    (", she added") or ", and" / ", but" followed by a clause with its own verb; else at ``end``."""
    for i in range(start, end):
        text = tokens[i].text
        if text in (";", ":", "(", "[", "—", "–"):
            return i
        if text == "," and i + 1 < end:
            after = tokens[i + 1:min(end, i + 5)]
            said = next((k for k, t in enumerate(after) if t.lower_ in _REPORTING), None)
            if said and all(t.pos_ in ("PRON", "PROPN", "DET", "NOUN", "ADJ") for t in after[:said]):
                return i  # "..., she added", "..., the authors noted"
            if after[0].pos_ in ("CCONJ", "SCONJ") and (any(t.pos_ in ("VERB", "AUX") for t in after[1:]) or (
                    len(after) > 2 and after[1].lower_ == "the" and _sign(after[2]))):
                return i  # ", and it was ...", ", and the better they slept": a clause of its own (a list ", and
                # chronic stress" stays)
    return end


def _span(doc: Doc, comparative: Token, end: int) -> tuple[int, int] | None:
    """The span a clause's comparative names, up to token ``end`` (exclusive)."""
    start = comparative.i + 1
    if start >= end:
        return None  # "The more, the better": nothing is named
    if comparative.lower_ in _PROPERTY:
        start -= 1  # "the [later the diagnosis]"
    elif comparative.lower_ == "more" and doc[start].lower_ == "likely":
        to = next((t for t in doc[start + 1:end] if t.lower_ == "to" and t.dep_ == "aux"), None)
        if to is not None:  # "the more likely they were [to take sexual risks]"
            start = to.i + 1
    head = comparative.head
    if comparative.dep_ == "amod" and head.pos_ in ("NOUN", "PROPN") and start <= head.i < end and \
            comparative.lower_ not in _PROPERTY:
        right = head.i + 1
        while right < end and doc[right].dep_ == "prep" and doc[right].head == head:  # "of Y" on the noun
            right = max(t.i for t in doc[right].subtree if t.i < end) + 1
        return start, right
    if comparative.lower_ not in _PROPERTY and doc[start].pos_ in ("ADJ", "NOUN", "PROPN"):
        right = start  # "the less [religious doubt] people have": the noun phrase, up to the clause's own subject
        while right < end and doc[right].pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT") and doc[right].text not in (",", ";") \
                and not (right > start and doc[right].dep_ in ("nsubj", "nsubjpass")):
            right += 1
        if right > start and doc[right - 1].pos_ in ("NOUN", "PROPN"):
            return start, right
    while start < end and doc[start].pos_ == "ADV" and comparative.lower_ not in _PROPERTY:
        start += 1  # "the more often [patients attended Y]"; "the [later the treatment]" keeps its comparative
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return (start, end) if end > start else None


def _subject_of_a_verb(comparative: Token, start: int, end: int) -> bool:
    """Is ``comparative`` inside the subject of a verb of its own clause (``start`` to ``end``)? "..., [the lower dose]
    had no effect" is an ordinary clause about a group; a correlative's second clause names no such subject ("the
    lower their symptoms"). A comparative of an adjective or of "likely" is never a group's ("the less lonely people
    felt", "the more likely patients were to relapse", however the parser hangs them; agent:review-33)."""
    doc = comparative.doc
    after = doc[comparative.i + 1] if comparative.i + 1 < len(doc) else None
    if after is not None and (after.lower_ == "likely" or after.pos_ == "ADJ" and comparative.lower_ in ("more", "less")
                              and (after.i + 1 >= len(doc) or doc[after.i + 1].pos_ not in ("NOUN", "PROPN"))):
        return False
    if comparative.dep_ == "advmod" and comparative.head.pos_ == "ADJ":
        return False
    for token in doc[start:end]:
        if token.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") and comparative in c.subtree
                                                 for c in token.children):
            return True
    return False


def correlative(doc: Doc) -> tuple[int, str, tuple[int, int], tuple[int, int], int | None] | None:
    """``(index of the second "the", kind, factor span, outcome span, valence_from)`` of a comparative correlative in
    the sentence ``doc`` (token ranges; ``valence_from``: where the outcome's valence is read from, the evaluative
    comparative, or ``None``), else ``None``."""
    tokens = list(doc)
    first = next((i for i, t in enumerate(tokens[:-1]) if t.lower_ == "the" and _sign(tokens[i + 1])), None)
    if first is None or any(t.pos_ not in _OPENERS for t in tokens[:first]):
        return None
    second = next((i for i in range(first + 3, len(tokens) - 1)
                   if tokens[i - 1].text == "," and tokens[i].lower_ == "the" and _sign(tokens[i + 1])), None)
    if second is None:
        return None
    end = _clause_end(tokens, second + 2, len(tokens))
    if _subject_of_a_verb(tokens[second + 1], second, end):
        return None
    factor = _span(doc, tokens[first + 1], _clause_end(tokens, first + 2, second - 1))
    outcome = _span(doc, tokens[second + 1], end)
    if factor is None or outcome is None:
        return None
    kind = lx.INCREASE if _sign(tokens[first + 1]) * _sign(tokens[second + 1]) > 0 else lx.DECREASE
    valence_from = second + 1 if tokens[second + 1].lower_ in _EVALUATIVE else None
    return second, kind, factor, outcome, valence_from
