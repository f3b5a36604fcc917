"""Variance explained: "[Social support] explained 12% of the variance in [life satisfaction]", "[Age and income] did
not account for a significant portion of the variance in [depression scores]".

A statistical association in the wording of regression models, frequent in psychology and social epidemiology: the
subject is the factor, the phrase that the variance noun governs ("in" / "of") the outcome. It has no sign, so it is
read like "associated with" (``associate``, correlational) and a denial ("did not account for") goes through the
usual negation cues. The verbs are relations only here: "as explained above", "this may explain the difference",
"accounted for 40% of the sample", an author subject ("we explained ...") and the model itself ("The model
explained 43% of the variance": a result with no named factor) are not.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx

#: Nouns of variance: what a model explains of an outcome
_VARIANCE_NOUNS = frozenset(["variance", "variation", "variability"])
#: Amounts that make "variation" a model's result ("a significant part of the variation in Y"), besides numbers;
#: without one, "this may explain the large variation in approaches" is an explanation (agent:review-32, -33)
_AMOUNTS = frozenset(["part", "portion", "proportion", "share", "much", "most", "some", "significant", "substantial",
                      "considerable", "little", "half", "all", "none"])
#: Subjects that name no factor: the authors, the model itself ("The model explained 43% of the variance"; a result
#: with no named factor is a finding, guideline v1.2) and anaphors of an explanation ("This may explain ...")
_NO_FACTOR = frozenset(["we", "i", "this", "that", "it", "which", "these", "those"]) | lx.METHOD_NOUNS


def _variance_in(phrase: Token, verb: Token) -> Token | None:
    """The outcome head of the variance noun in the subtree of ``phrase`` ("12% of the variance [in] Y", or the verb's
    own "in" phrase: "explained 20% of the variance [in] Y" parsed on the verb); "variation" and "variability" only
    with an amount in the phrase or a denial ("does not explain variation in Y")."""
    counted = any(t.like_num or t.text == "%" or t.lower_ in _AMOUNTS for t in phrase.subtree) or any(
        c.dep_ == "neg" for c in verb.children)
    for token in phrase.subtree:
        if token.lower_ in _VARIANCE_NOUNS and (token.lower_ == "variance" or counted):
            prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "of")), None)
            if prep is None:
                prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" and c.i > token.i), None)
            return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return None


def explained_variance(verb: Token) -> tuple[Token, Token] | None:
    """``(factor, outcome)`` head tokens of "[X] explained / accounted for (N% of) the variance in [Y]" at ``verb``,
    else ``None``."""
    if verb.lower_ not in lx.EXPLAIN_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in _NO_FACTOR:
        return None
    if verb.lower_.startswith("account"):
        held = [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "for"]
    else:
        held = [c for c in verb.children if c.dep_ == "dobj"]
    for phrase in held:
        outcome = _variance_in(phrase, verb)
        if outcome is not None:
            return subject, outcome
    return None
