"""Predicates that judge their subject and leave the outcome implicit: "[X] was problematic", "[X] is a major
(cardiovascular) risk factor".

The subject is the factor; the outcome is implicit (``recovery``, guideline "Fields of a claim") unless a
"for / to" phrase names it ("[X] is problematic for [Y]"). Only as the predicate of a copula whose subject is
a phrase of its own: "it is problematic to ..." (extraposition), "a problematic [X]" (a modifier) and
"risk factors were assessed" (the noun as an argument) are no claims.
"""

from __future__ import annotations

from spacy.tokens import Token

from .study_process import study_process

#: Forms of "be" and the raising verbs that can stand for it ("appeared to be", "remained").
_COPULAS = frozenset(["be", "is", "are", "was", "were", "been", "being", "remain", "remains", "remained", "became",
                      "become", "becomes"])
_EXPLETIVES = frozenset(["it", "there", "this", "that", "what", "which"])
ADJECTIVES = frozenset(["problematic"])
NOUNS = frozenset(["factor", "factors"])  # of "risk factor(s)" (lexicon.RULE_TRIGGER_PHRASES)


def _copula(token: Token) -> Token | None:
    verb = token.head
    if verb.lower_ not in _COPULAS:
        return None
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):  # "appeared to be problematic"
        return verb.head if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) else verb
    return verb


def judged_subject(token: Token) -> Token | None:
    """The subject that ``token`` (a predicate adjective or the head noun of "risk factor") judges, or None."""
    if not (token.lower_ in ADJECTIVES and token.dep_ in ("acomp", "oprd") or
            token.lower_ in NOUNS and token.dep_ == "attr"):
        return None
    if any(c.dep_ in ("xcomp", "ccomp") for c in token.children):
        return None  # "problematic to use in practice": what is hard, not a factor
    verb = _copula(token)
    if verb is None or any(c.dep_ in ("xcomp", "ccomp") and c.i > token.i for c in verb.children):
        return None  # "it is problematic [to ...]", "[that ...]": extraposition
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if subject is None or subject.lower_ in _EXPLETIVES:
        return None
    if token.lower_ in ADJECTIVES and study_process(subject):
        return None  # "[Recruitment] was problematic": the study's own process (review fix F)
    return subject


def named_outcome(token: Token) -> Token | None:
    """The outcome a "for / to" phrase names ("problematic for [adherence]"), else None (implicit)."""
    return next((p for c in token.children if c.dep_ == "prep" and c.lower_ in ("for", "to")
                 for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
