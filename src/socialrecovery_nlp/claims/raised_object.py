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
                          "report", "reports", "reported", "observe", "observes", "observed", "confirm", "confirms",
                          "confirmed"])
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
        obj = verb.head
        if obj.dep_ != "dobj" or obj.pos_ not in _NOUNS or obj.head.lower_ not in REPORT_VERBS:
            return None
    elif verb.dep_ in ("advcl", "xcomp", "ccomp") and verb.head.lower_ in REPORT_VERBS:
        obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ in _NOUNS and c.i < verb.i), None)
    else:
        return None
    return obj if obj is not None and obj.lower_ not in _CAPACITY_NOUNS else None
