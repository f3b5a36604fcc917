"""The effect of [X] on [Y] (added for issue #5, agent:claims-15).

"There was no consistent effect of [P4P] on [intermediate health outcomes]", "The results showed a small
beneficial effect of [the dietary supplement] on [watermaze spatial navigation]": an effect noun with both
an "of" object and an "on" object names its own factor and outcome, whatever the sentence's subject
(an expletive "there" or a method such as "the results", which name none). The small parser often hangs
the "on" phrase on the "of" object; it is cut from the factor there. An effect that is itself what another
relation acts on ("[X] mediate the impairing effects of stress on Y", "depends on the effects of ...") is that
relation's outcome, not a claim of its own: only a subject, object or predicate of a verb that is no trigger.
"""

from __future__ import annotations

from spacy.tokens import Token

EFFECT_NOUNS = frozenset(["effect", "effects", "impact", "impacts", "influence", "influences"])


def _prep_obj(token: Token, word: str) -> tuple[Token, Token] | None:
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == word and c.i > token.i:
            obj = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return c, obj
    return None


def effect_of_on(noun: Token) -> tuple[Token, Token, Token] | None:
    """``(X, Y, the "on" preposition)`` for "effect(s) / impact / influence of [X] on [Y]"; else None."""
    if noun.lower_ not in EFFECT_NOUNS or noun.pos_ != "NOUN" or noun.dep_ not in ("attr", "dobj", "nsubj", "nsubjpass", "ROOT"):
        return None
    of = _prep_obj(noun, "of")
    if of is None:
        return None
    on = _prep_obj(noun, "on") or _prep_obj(of[1], "on")
    if on is None or on[0].i < of[1].i:
        return None
    return of[1], on[1], on[0]
