"""Conditions and means of an outcome, the subject being the outcome: "[Y] is dependent on [X]", "[Y] may be
best accomplished / achieved through [X]".

Both read reversed, like "depend on" (lexicon.REVERSED_PHRASES): the object is the factor, the subject the
outcome. "achieved / accomplished through" states how an outcome is best reached only as a judgement, with a
modal or "best / only" ("may be best accomplished through X"); as a plain past passive it reports a study's
procedure ("Recruitment was achieved through GP lists"), a method. "dependent on" with a people subject
("[patients] were dependent on carers") states a need, no claim.
"""

from __future__ import annotations

from spacy.tokens import Token

MEANS_VERBS = frozenset(["accomplished", "achieved", "attained"])
_JUDGING = frozenset(["may", "might", "can", "could", "best", "only", "most", "better"])


def judged_means(verb: Token) -> bool:
    """"[Y] may be (best) accomplished through [X]": a passive means verb with a modal or "best / only"."""
    return verb.lower_ in MEANS_VERBS and any(c.dep_ == "auxpass" for c in verb.children) and any(
        c.dep_ in ("aux", "advmod") and c.lower_ in _JUDGING for c in verb.children)
