"""Evidence that supports the efficacy of something (added for issue #5, agent:claims-10).

"Several recent randomized controlled trials support the effectiveness of [certain interventions]",
"The findings support the therapeutic potential of [5-HT6 receptor ligands] in the treatment of
[cognitive dysfunction]": the subject names the evidence (a method noun, no factor), "support" reports
it, and the claim is about what the efficacy noun is of: that is the factor; what it is effective in
or for (through "the treatment / management / prevention of") is the outcome, else the outcome is left
implicit.
"""

from __future__ import annotations

from spacy.tokens import Token

_SUPPORT = frozenset(["support", "supports", "supported", "supporting"])
#: Report verbs whose object (or passive subject) "the efficacy of [X]" is a claim about X: "Randomized
#: controlled trials demonstrate the efficacy of [these approaches]" ("efficacy of" is a trigger phrase).
_REPORT = _SUPPORT | frozenset(["demonstrate", "demonstrates", "demonstrated", "show", "shows", "showed", "shown",
                                "confirm", "confirms", "confirmed", "establish", "establishes", "established",
                                "prove", "proves", "proved", "proven",
                                # agent:claims-15: "studies have documented the short-term efficacy of [X] in [Y]"
                                "document", "documents", "documented", "replicate", "replicates", "replicated"])
#: Efficacy nouns of the trigger phrases "efficacy of", "effectiveness of" (:data:`.lexicon.TRIGGER_PHRASES`).
PHRASE_NOUNS = frozenset(["efficacy", "effectiveness"])
EFFICACY_NOUNS = frozenset(["effectiveness", "efficacy", "usefulness", "utility", "value", "potential", "benefit",
                            "benefits", "feasibility", "effect", "effects"])
_WRAPPERS = frozenset(["treatment", "management", "prevention", "therapy", "reduction"])


def _pobj(noun: Token, preps) -> Token | None:
    return next((p for c in noun.children if c.dep_ == "prep" and c.lower_ in preps
                 for p in c.children if p.dep_ == "pobj"), None)


def reported_efficacy(noun: Token) -> tuple[Token, Token | None] | None:
    """``(factor, outcome or None)`` when ``noun`` ("efficacy", "effectiveness") is the object or the passive
    subject of a report verb: "trials demonstrate the efficacy of [X] (in [Y])", "the effectiveness of [X]
    was confirmed"; else None."""
    if noun.lower_ not in PHRASE_NOUNS or noun.dep_ not in ("dobj", "nsubjpass") or noun.head.lower_ not in _REPORT:
        return None
    return _of_and_in(noun, noun.head)


def supported_efficacy(verb: Token) -> tuple[Token, Token | None] | None:
    """``(factor, outcome or None)`` for "support(s) the efficacy of [X] (in / for [Y])"; else None."""
    if verb.lower_ not in _SUPPORT or verb.pos_ != "VERB":
        return None
    noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if noun is None or noun.lower_ not in EFFICACY_NOUNS:
        return None
    return _of_and_in(noun, verb)


def _of_and_in(noun: Token, verb: Token) -> tuple[Token, Token | None] | None:
    factor = _pobj(noun, ("of",))
    if factor is None:
        return None
    outcome = _pobj(noun, ("in", "for", "on")) or _pobj(factor, ("in", "for", "on")) or _pobj(verb, ("in", "for"))
    if outcome is not None and outcome.lower_ in _WRAPPERS:
        outcome = _pobj(outcome, ("of",)) or outcome
    return factor, outcome
