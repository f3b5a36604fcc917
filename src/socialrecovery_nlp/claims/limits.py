"""Limits as a relation: "[Y] is limited (mainly) by [X]", "[X] places limits on [Y]".

"limited" / "constrained" relate X to Y only as a passive with a by-agent: the agent is the factor, the
subject the outcome (the passive rule of :mod:`.spans`); elsewhere they state an amount ("limited evidence",
"resources were limited"), and a study's own limitation ("[our analysis] was limited by the sample size")
names no factor of an outcome. "limits / constraints on" relate X to Y only as the object of a placing verb;
"the upper limits on dosage" is none. Both are decreases: the outcome's valence decides the direction.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx
from .study_process import limitation_subject

LIMITED = frozenset(["limited", "constrained"])
LIMIT_NOUNS = frozenset(["limits", "constraints"])
PLACING_VERBS = frozenset(["place", "places", "placed", "placing", "put", "puts", "putting", "impose", "imposes",
                           "imposed", "imposing", "set", "sets", "setting"])
_SELF = frozenset(["we", "i", "our", "this", "it", "limitations"])


def agents(verb: Token) -> list[Token]:
    """The objects of every by-agent of ``verb`` ("limited by [A] and, in some patients, by [B]")."""
    return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def limited_by(token: Token) -> bool:
    """"[Y] is limited by [X]": a passive "limited / constrained" with a by-agent and a subject that is not the
    study itself."""
    if token.lower_ not in LIMITED or token.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in token.children):
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ in lx.METHOD_NOUNS or subject.lower_ in _SELF or limitation_subject(subject):
        return False  # "[The generalisability of the findings] is limited by X": a limitation (review fix F)
    return bool(agents(token))


def placed_limit(token: Token) -> bool:
    """"[X] place limits on [Y]": the noun as the object of a placing verb, with an "on" phrase."""
    return token.lower_ in LIMIT_NOUNS and token.dep_ == "dobj" and token.head.lower_ in PLACING_VERBS and any(
        c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in token.children)
