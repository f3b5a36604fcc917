"""Difficulty with a cause: "[Y] is difficult because of [X]", "[Y] is challenging due to [X]",
"[Y] was complicated by [X]".

A predicate of difficulty says that its cause hinders its subject: the cause is the factor, the subject the
outcome, the direction ``hinders``. Without a cause ("it is difficult to recruit", "a challenging task") the
adjective states no relation.
"""

from __future__ import annotations

from spacy.tokens import Token

from .study_process import study_process

ADJECTIVES = frozenset(["difficult", "challenging", "complicated"])
_CAUSE_PREPS = {"because": "of", "due": "to", "owing": "to"}
_EXPLETIVES = frozenset(["it", "there", "what", "which", "that"])


def _cause(holder: Token) -> Token | None:
    for prep in (c for c in holder.children if c.lower_ in _CAUSE_PREPS and c.i > holder.i):
        obj = next((p for p in prep.children if p.dep_ == "pobj"), None)
        if obj is None:  # "because of X": "of" hung on "because" as its complement
            inner = next((c for c in prep.children if c.lower_ == _CAUSE_PREPS[prep.lower_]), None)
            obj = next((p for p in inner.children if p.dep_ == "pobj"), None) if inner is not None else None
        if obj is not None:
            return obj
    return None


def difficulty_cause(token: Token) -> tuple[Token, Token] | None:
    """``(cause, subject)`` of "[subject] is difficult because of [cause]" or "[subject] was complicated by
    [cause]", else None."""
    if token.lower_ not in ADJECTIVES:
        return None
    if token.lower_ == "complicated" and any(c.dep_ == "auxpass" for c in token.children):
        agent = next((p for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
        subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if subject is not None and study_process(subject):
            return None  # "[Recruitment] was complicated by X": the study's own process (review fix F)
        return (agent, subject) if agent is not None and subject is not None else None
    progressive = token.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("is", "are", "was", "were", "be", "been")
                                               for c in token.children) and not any(c.dep_ == "dobj" for c in token.children)
    if not progressive and token.dep_ not in ("acomp", "oprd") or any(c.dep_ in ("xcomp", "ccomp") for c in token.children):
        return None  # ("[Recruitment] was challenging due to X": the adjective read as a progressive verb)
    verb = token if progressive else token.head
    if any(c.dep_ in ("xcomp", "ccomp") and c.i > token.i for c in verb.children):
        return None  # "it is difficult [to ...]": extraposition
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj", "nsubjpass")), None)
    if subject is None or subject.lower_ in _EXPLETIVES or study_process(subject):
        return None  # "[Recruitment] was difficult because of X": the study's own process (review fix F)
    cause = _cause(token) or _cause(verb)
    return (cause, subject) if cause is not None else None
