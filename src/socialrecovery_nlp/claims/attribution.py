"""What people attribute an outcome to: "[Participants] attributed [their recovery] to [the support of their families]".

The active verb names the outcome as its object and the factor in its "to" phrase; its subject is who made the
attribution (a reporter, neither role). The passive ("[Y] was attributed to [X]") is the lexicon's reversed phrase
"attributed to". Read like "contribute to": the factor raises the outcome, so the outcome's valence decides
("attributed [relapse] to [stress]" hinders). Hedged and negated forms go through the usual cue windows. The authors
explaining their data ("we attributed [this discrepancy] to sampling"), a property or reading people attribute
("attributed [great importance] to X", "[hostile intentions] to others") and an object of unknown worth state no
relation.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx
from .study_process import study_process
from .valence import outcome_valence

#: What the authors explain rather than find: "[We] attributed [this discrepancy] to differences in sampling"
_ARTEFACTS = frozenset(["discrepancy", "discrepancies", "difference", "differences", "inconsistency",
                        "inconsistencies", "heterogeneity", "variance", "variation", "variations", "bias", "biases",
                        "discordance", "disagreement", "error", "errors", "gap"])
#: What people attribute that is a property or a reading, not an outcome: "attributed [great importance] to peer
#: support", "attributed [hostile intentions] to others", "attributed [meaning] to their voices" (agent:review-30)
_PROPERTIES = frozenset(["importance", "value", "values", "meaning", "meanings", "significance", "weight", "blame",
                         "responsibility", "intention", "intentions", "intent", "motive", "motives", "motivation",
                         "qualities", "quality", "characteristics", "traits", "emotion", "emotions", "feelings",
                         "anger", "hostility", "power", "status", "credibility", "priority", "role", "roles", "cause",
                         "causes", "label", "labels", "name", "names", "agency"])
#: "to" objects that name people in general: attributing something to others is a judgement of them (a named source of
#: support, "to their families", stays a factor: agent:review-31)
_PEOPLE = frozenset(["others", "other", "people", "them", "him", "her", "themselves", "himself", "herself", "someone",
                     "persons", "individuals"])


def attributed_to(verb: Token) -> tuple[Token, Token] | None:
    """``(factor, outcome)`` head tokens of "[someone] attributes [Y] to [X]" at ``verb``, else ``None``."""
    if verb.lower_ not in lx.ATTRIBUTE_VERBS or verb.pos_ != "VERB":
        return None
    outcome = next((c for c in verb.children if c.dep_ == "dobj"), None)
    to = next((c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"), None)
    if to is None and outcome is not None:  # "attributed [their recovery to X]": the "to" phrase hung on the object
        to = next((c for c in outcome.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    factor = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if outcome is None or factor is None or outcome.lower_ in _ARTEFACTS or study_process(outcome):
        return None  # the authors explaining their data: no relation
    if outcome.lower_ in _PROPERTIES or factor.lower_ in _PEOPLE:
        return None  # a property or a reading attributed, or people judged (agent:review-30)
    phrase = " ".join(t.text for t in outcome.subtree if t.i < factor.head.i)  # the object without the "to" phrase
    if not outcome_valence(phrase or outcome.text):
        return None  # only an outcome whose worth is known: "their recovery", "relapse", "the improvement"
    return factor, outcome
