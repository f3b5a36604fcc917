"""Where barriers come from: "[Most barriers to Y] were specific to [X]", "[The main obstacle] was related to
[X]", "[Barriers] were mostly due to [X]".

A relation noun that is itself the subject of a copula names no factor; when the copula's adjective ties it to
something ("specific / related / due / attributable to"), that something is the barrier, so the factor (the
trigger's kind and "to" outcome stay as they are).
"""

from __future__ import annotations

from spacy.tokens import Token

NOUNS = frozenset(["barrier", "barriers", "obstacle", "obstacles", "facilitator", "facilitators"])
_TYING = frozenset(["specific", "related", "due", "attributable", "attributed", "linked", "tied", "owing"])
_COPULAS = frozenset(["is", "are", "was", "were", "be", "been", "being", "remain", "remained", "remains"])


def barrier_source(noun: Token) -> Token | None:
    """The object of "[noun] was specific / related / due to [X]", else None."""
    if noun.lower_ not in NOUNS or noun.dep_ != "nsubj" or noun.head.lower_ not in _COPULAS:
        return None
    tie = next((c for c in noun.head.children if c.dep_ in ("acomp", "attr", "prep") and c.lower_ in _TYING), None)
    if tie is None:
        return None
    return next((p for c in [tie, *tie.children] if c.lower_ == "to" for p in c.children if p.dep_ == "pobj"), None)
