"""Comparative correlatives: "The more [social support] participants reported, the lower [their depressive symptoms]",
"The less [religious doubt] people have, the more [they are willing to give]".

Two clauses, each opened by "the" and a comparative, at the start of the sentence and after a comma: the first names
the factor, the second the outcome, and the two comparatives give the sign ("the more ..., the lower ..." lowers the
outcome). It states a covariation, so it is correlational (Yu et al. 2019), and the direction composes as usual: the
outcome's valence with the sign. A comparative that modifies a noun gives that noun phrase as the span ("the more
[social support] participants reported"); otherwise the rest of the clause is the span.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from . import lexicon as lx

_RAISING = frozenset(["more", "higher", "greater", "larger", "bigger", "stronger", "longer", "older", "better",
                      "richer", "closer", "earlier", "frequently", "often"])
_LOWERING = frozenset(["less", "fewer", "lower", "smaller", "weaker", "shorter", "younger", "worse", "poorer",
                       "later", "lesser"])
#: what may stand before the first clause: connectives and adverbs ("Moreover, the more ...", "Overall, the ...")
_OPENERS = ("ADV", "CCONJ", "SCONJ", "PUNCT", "INTJ")


def _sign(token: Token) -> int:
    word = token.lower_
    if word in _RAISING:
        return 1
    if word in _LOWERING:
        return -1
    return 0


def _span(doc: Doc, comparative: Token, end: int) -> tuple[int, int] | None:
    """The span a clause's comparative names, up to token ``end`` (exclusive)."""
    start = comparative.i + 1
    head = comparative.head
    if comparative.dep_ == "amod" and head.pos_ in ("NOUN", "PROPN") and start <= head.i < end:
        right = head.i + 1
        while right < end and doc[right].dep_ == "prep" and doc[right].head == head:  # "of Y" on the noun
            right = max(t.i for t in doc[right].subtree if t.i < end) + 1
        return start, right
    if doc[start].pos_ in ("ADJ", "NOUN", "PROPN"):  # "the less [religious doubt] people have": the noun phrase, up to
        right = start  # the clause's own subject
        while right < end and doc[right].pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT") and doc[right].text not in (",", ";") \
                and not (right > start and doc[right].dep_ in ("nsubj", "nsubjpass")):
            right += 1
        if right > start and doc[right - 1].pos_ in ("NOUN", "PROPN"):
            return start, right
    while start < end and doc[start].pos_ == "ADV":  # "the more often [patients attended Y]"
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return (start, end) if end > start else None


def correlative(doc: Doc) -> tuple[int, str, tuple[int, int], tuple[int, int]] | None:
    """``(index of the second "the", kind, factor span, outcome span)`` of a comparative correlative in the sentence
    ``doc`` (token ranges), else ``None``."""
    tokens = list(doc)
    first = next((i for i, t in enumerate(tokens[:-1]) if t.lower_ == "the" and _sign(tokens[i + 1])), None)
    if first is None or any(t.pos_ not in _OPENERS for t in tokens[:first]):
        return None
    second = next((i for i in range(first + 3, len(tokens) - 1)
                   if tokens[i - 1].text in (",", ";", "—", "–") and tokens[i].lower_ == "the" and _sign(tokens[i + 1])),
                  None)
    if second is None:
        return None
    end = next((i for i in range(second + 2, len(tokens)) if tokens[i].text in (";", ":") or (
        tokens[i].text == "," and i + 1 < len(tokens) and tokens[i + 1].pos_ in ("CCONJ", "SCONJ"))), len(tokens))
    factor = _span(doc, tokens[first + 1], second - 1)
    outcome = _span(doc, tokens[second + 1], end)
    if factor is None or outcome is None:
        return None
    kind = lx.INCREASE if _sign(tokens[first + 1]) * _sign(tokens[second + 1]) > 0 else lx.DECREASE
    return second, kind, factor, outcome
