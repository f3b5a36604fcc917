"""Ranked among the best: "[X] is one of the most important preventive procedures", "[X] are among the most
effective interventions".

An evaluative adjective ("important", "effective", "harmful") on a class noun says nothing by itself ("an
important procedure was described"); ranked in a copula's attribute ("one of the most ...", "among the most
...") it judges the copula's subject, which is then the factor (a relative "which" standing for its
antecedent). The outcome is implicit unless the adjective names it.
"""

from __future__ import annotations

from spacy.tokens import Token

_COPULAS = frozenset(["is", "are", "was", "were", "be", "been", "remain", "remains", "remained"])
_SUPERLATIVES = frozenset(["most", "least", "best"])


def ranked_among(token: Token) -> bool:
    """True for an adjective on the class noun of "one of the most [ADJ] N" / "among the most [ADJ] N" in the
    attribute of a copula."""
    if token.dep_ != "amod" or token.pos_ != "ADJ":
        return False
    noun = token.head
    if not any(t.lower_ in _SUPERLATIVES for t in token.doc[noun.left_edge.i:token.i]):
        return False  # "the most (cost) effective": the superlative anywhere before the adjective
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    if prep.lower_ == "of" and prep.head.lower_ in ("one", "some") and prep.head.dep_ == "attr":
        return prep.head.head.lower_ in _COPULAS
    return prep.lower_ == "among" and prep.head.lower_ in _COPULAS
