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

from .effective_for import names_a_condition, outcome_not_population

SUPPORT_VERBS = frozenset(["support", "supports", "supported", "supporting"])
#: Report verbs whose object (or passive subject) "the efficacy of [X]" is a claim about X: "Randomized
#: controlled trials demonstrate the efficacy of [these approaches]" ("efficacy of" is a trigger phrase).
_REPORT = SUPPORT_VERBS | frozenset(["demonstrate", "demonstrates", "demonstrated", "show", "shows", "showed", "shown",
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


#: Subjects that name evidence: "[The evidence] supports the use of [X]" (round 7)
EVIDENCE_NOUNS = frozenset(["evidence", "data", "findings", "results", "studies", "research", "literature", "trials",
                            "review", "reviews", "analyses", "analysis", "observations", "study", "trial", "meta-analysis"])
#: Objects of "support" that name doing X: "[evidence] supports the use / implementation of [X]" (round 7)
_USE_NOUNS = frozenset(["use", "implementation", "provision", "adoption", "introduction", "integration", "delivery",
                        "expansion", "inclusion", "application", "uptake", "dissemination", "availability"])
def evidence_subject(verb: Token) -> bool:
    """Is the subject of ``verb`` a noun that names evidence ("[Current evidence] supports ...")? Only a finite verb with
    its own subject: in "the evidence [to support] the use of X is weak" the support is denied (agent:review-27)."""
    return verb.dep_ in ("ROOT", "ccomp", "conj") and not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and any(c.dep_ == "nsubj" and c.lower_ in EVIDENCE_NOUNS for c in verb.children)


def supported_efficacy(verb: Token) -> tuple[Token, Token | None] | None:
    """``(factor, outcome or None)`` for "support(s) the efficacy of [X] (in / for [Y])"; with a subject that names
    evidence also "supports the use of [X] (for [people with Y])" (round 7, agent:review-26's evaluative conclusions;
    the outcome only a condition); else None."""
    if verb.lower_ not in SUPPORT_VERBS or verb.pos_ != "VERB":
        return None
    noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if noun is None:
        return None
    if noun.lower_ in EFFICACY_NOUNS:
        return _of_and_in(noun, verb)
    if noun.lower_ not in _USE_NOUNS or not evidence_subject(verb):
        return None
    found = _of_and_in(noun, verb)
    if found is None:
        return None
    outcome = found[1] and outcome_not_population(found[1])
    if outcome is not None and outcome.i == found[1].i and not names_a_condition(outcome):
        outcome = None  # "the use of X in [primary care]": a setting, not an outcome (agent:review-27)
    return found[0], outcome


def _of_and_in(noun: Token, verb: Token) -> tuple[Token, Token | None] | None:
    factor = _pobj(noun, ("of",))
    if factor is None:
        return None
    outcome = _pobj(noun, ("in", "for", "on")) or _pobj(factor, ("in", "for", "on")) or _pobj(verb, ("in", "for"))
    if outcome is not None and outcome.lower_ in _WRAPPERS:
        outcome = _pobj(outcome, ("of",)) or outcome
    return factor, outcome
