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
    """The object of "[noun] was specific / related / due to [X]", else None; also with the tie read as a passive
    verb ("[The main obstacle] was related to [X]", ``related`` the clause's head; review fix E)."""
    if noun.lower_ not in NOUNS:
        return None
    if noun.dep_ == "nsubjpass" and noun.head.lower_ in _TYING and any(c.dep_ == "auxpass" for c in noun.head.children):
        tie = noun.head
    elif noun.dep_ == "nsubj" and noun.head.lower_ in _COPULAS:
        tie = next((c for c in noun.head.children if c.dep_ in ("acomp", "attr", "prep") and c.lower_ in _TYING), None)
    else:
        return None
    if tie is None:
        return None
    return next((p for c in [tie, *tie.children] if c.lower_ == "to" for p in c.children if p.dep_ == "pobj"), None) \
        or next((c for c in tie.children if c.dep_ == "xcomp" and c.pos_ in ("NOUN", "PROPN") and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)  # "related [to cost]" misread as "to V"


def tied_barrier(token: Token) -> bool:
    """Is ``token`` the tie of "[barrier] was related / due to [X]" (the barrier's relation names the claim)?"""
    if token.lower_ not in _TYING:
        return False
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and token.dep_ in ("acomp", "attr"):
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    return subject is not None and barrier_source(subject) is not None
