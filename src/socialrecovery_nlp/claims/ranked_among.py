"""Ranked among the best: "[X] is one of the most important preventive procedures", "[X] are among the most
effective interventions".

An evaluative adjective ("important", "effective", "harmful") on a class noun says nothing by itself ("an
important procedure was described"); ranked in a copula's attribute ("one of the most ...", "among the most
...") it judges the copula's subject, which is then the factor (a relative "which" standing for its
antecedent). The outcome is implicit unless the class noun names it ("among the most effective treatments [for
Y]"); a class noun that is itself a relation word ("one of the most important [barriers] to Y") keeps its own
relation (review fix A).
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx

_COPULAS = frozenset(["is", "are", "was", "were", "be", "been", "remain", "remains", "remained"])
_SUPERLATIVES = frozenset(["most", "least", "best"])
_PEOPLE = frozenset(["carers", "caregivers", "families", "family", "children", "adults", "adolescents", "youth",
                     "students", "staff", "nurses", "clinicians", "practitioners", "workers", "those", "veterans",
                     "parents", "mothers", "fathers", "survivors", "residents", "members", "groups", "population",
                     "populations", "elderly", "girls", "boys", "infants", "older", "younger"])


def ranked_among(token: Token) -> bool:
    """True for an adjective on the class noun of "one of the most [ADJ] N" / "among the most [ADJ] N" in the
    attribute of a copula."""
    if token.dep_ != "amod" or token.pos_ != "ADJ":
        return False
    noun = token.head
    if noun.lower_ in lx.ALL_TRIGGER_WORDS:
        return False  # "one of the most important [barriers] to Y": the noun's own relation (review fix A)
    if not any(t.lower_ in _SUPERLATIVES for t in token.doc[noun.left_edge.i:token.i]):
        return False  # "the most (cost) effective": the superlative anywhere before the adjective
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    if prep.lower_ == "of" and prep.head.lower_ in ("one", "some") and prep.head.dep_ == "attr":
        return prep.head.head.lower_ in _COPULAS
    return prep.lower_ == "among" and prep.head.lower_ in _COPULAS


def ranked_outcome(token: Token) -> Token | None:
    """The outcome the ranked class noun names ("among the most effective treatments [for Y]"), else None."""
    noun = token.head
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "against", "of", "in") and prep.i > noun.i:
            obj = next((p for p in prep.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")), None)
            if obj is not None and obj.lower_ not in lx.PERSON_WORDS and obj.lower_ not in _PEOPLE:
                return obj  # "resources [for carers]": who, not what
    return None
