"""A report verb's object raised into a to-infinitive relation (claims@0.7.0 round 3).

"A logistic regression analysis showed [pre-hospitalization antidepressant prescription] to be associated with
[recidivism]", "The study found [suicide] to be positively associated with [hopelessness]", "Adjusted regression
identified [spring] to be associated with [lower cortisol]": the object of show / find / identify / reveal /
demonstrate / report is the subject of the infinitive ("X to be associated with Y", "X to predict Y"), so it is
the relation's factor, whatever the report verb's subject (usually a method noun, which names no factor). The
small parser hangs the infinitive on the object (``relcl`` / ``acl``) or on the verb (``advcl`` / ``xcomp`` /
``ccomp``); either way the relation is asserted, not a description of the object.
"""

from __future__ import annotations

from spacy.tokens import Token

#: Report verbs that take "OBJECT to VERB" (verbs of finding and showing; "want / aim X to" are no reports).
REPORT_VERBS = frozenset(["show", "shows", "showed", "shown", "find", "finds", "found", "identify", "identifies",
                          "identified", "reveal", "reveals", "revealed", "demonstrate", "demonstrates", "demonstrated",
                          "observe", "observes", "observed", "confirm", "confirms", "confirmed"])
#: Determiners that deny the object ("found [no interventions] to reduce stigma"): the report asserts no relation
#: of a named factor, so the construction is left to the other rules (review fix).
_DENYING_DETERMINERS = frozenset(["no", "few", "neither", "none"])
#: Forms of "be" (the pipeline has no lemmatizer: word forms, not lemmas).
_BE = frozenset(["be", "been", "being", "is", "are", "was", "were"])
_NOUNS = ("NOUN", "PROPN")
#: Objects that hold a capacity, not the infinitive's subject ("[X] did not demonstrate a propensity to precipitate
#: [mania]": X is the factor, found the usual way).
_CAPACITY_NOUNS = frozenset(["potential", "capacity", "ability", "capability", "power", "propensity", "tendency",
                             "willingness", "need", "failure"])


def raised_object(verb: Token) -> Token | None:
    """The report verb's object when ``verb`` is a to-infinitive whose subject it is; else None."""
    if verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i
                                                    for c in verb.children):
        return None
    if verb.dep_ in ("relcl", "acl"):
        # hung on the object, an infinitive can also describe the noun ("found a method to reduce bias"); only a
        # copula or passive infinitive ("X to be associated with Y") reads as the object's predicate (review fix)
        if not (verb.lower_ in _BE or any(c.dep_ in ("auxpass", "aux") and c.lower_ in _BE for c in verb.children)):
            return None
        obj = verb.head
        if obj.dep_ != "dobj" or obj.pos_ not in _NOUNS or obj.head.lower_ not in REPORT_VERBS:
            return None
    elif verb.dep_ in ("advcl", "xcomp", "ccomp") and verb.head.lower_ in REPORT_VERBS:
        obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ in _NOUNS and c.i < verb.i), None)
    else:
        return None
    if obj is None or obj.lower_ in _CAPACITY_NOUNS or any(
            c.dep_ == "det" and c.lower_ in _DENYING_DETERMINERS for c in obj.children):
        return None
    return obj
