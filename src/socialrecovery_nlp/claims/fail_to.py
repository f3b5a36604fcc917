""""fail(s / ed) to" as a no-effect cue only when it governs the relation's trigger (review fix G).

"[X] failed to improve [Y]" denies X -> Y; in "Many patients fail to attend follow-up, which increases relapse" the
cue governs "attend", not the trigger "increases", so it denies nothing. ``hedging.negation_cue`` reads the words
before the trigger as text, so :data:`.lexicon.FAIL_TO_PHRASES` approximates the rule there ("fail to" followed by
a relation word); :func:`fail_cue_governs` is the exact parse check, which :class:`.extract.ClaimExtractor` applies
when the negation cue is a "fail to" cue: it also tells "patients fail to improve, which increases Y" (a relation word
after "fail to", but not the trigger of the "increases" relation).
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import FAIL_FORMS

FAIL_VERBS = frozenset(FAIL_FORMS)


def fail_cue_governs(trigger_head: Token) -> bool:
    """Is the trigger verb (or the verb it is coordinated with) the infinitive complement of "fail(s / ed)"?"""
    verb = trigger_head
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    if verb.dep_ == "xcomp" and verb.head.lower_ in FAIL_VERBS:
        return True
    # the trigger's own prepositional phrase ("failed to result in Y": "result in" the trigger, "result" its head)
    return verb.head.lower_ in FAIL_VERBS and verb.dep_ in ("xcomp", "ccomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
