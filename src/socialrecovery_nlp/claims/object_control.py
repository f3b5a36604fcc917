"""A factor that moves people to do something, or keeps them from it: "[Experiences of stigma] led some participants to
[withdraw from social activities]", "[Peer workers] encouraged service users to [seek help]", "[Negative attitudes]
discouraged service users from [seeking help]".

The verb's subject is the factor; its object names who is moved (neither role); the infinitive ("to withdraw") or the
gerund after "from" ("from seeking help") is the outcome. Moving people to do Y raises Y and keeping them from it
lowers Y, so the outcome's valence decides the direction ("led them to [withdraw]" hinders, "encouraged them to [seek
help]" promotes, "discouraged them from [drinking]" promotes). The authors' own reasoning ("this led us to
[conclude] ...") is no relation.

"Protect" is read the same way: "[X] protected (people) against / from [Y]" keeps Y away, so it lowers Y ("protected
against [relapse]" promotes); who is protected is no role.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx

#: Verbs that move their object to do what the infinitive says, and verbs that keep it from what the gerund after
#: "from" says (:data:`.lexicon.TO_CONTROL_VERBS`, :data:`.lexicon.FROM_CONTROL_VERBS`).
TO_VERBS, FROM_VERBS = lx.TO_CONTROL_VERBS, lx.FROM_CONTROL_VERBS
#: What the authors do, not the people studied: "led us to [conclude]", "prompted the authors to [examine]"
_REASONING = frozenset(["conclude", "hypothesize", "hypothesise", "propose", "suggest", "investigate", "examine",
                        "explore", "study", "assess", "evaluate", "test", "question", "consider", "believe", "think",
                        "develop", "design", "conduct", "undertake", "review", "recommend", "include", "exclude",
                        "analyse", "analyze", "compare", "use", "adopt", "focus", "speculate", "postulate", "argue"])
_AUTHORS = frozenset(["us", "we", "me", "authors", "researchers", "investigators", "the authors", "the researchers"])
#: Who can be moved to act: people, groups of them and animals. A thing "caused [cortisol levels] to rise" is a change
#: of the thing, read as before (the verb's object is the outcome).
_MOVABLE = lx.PERSON_WORDS | frozenset([
    "participants", "patients", "clients", "users", "adults", "adolescents", "children", "youth", "youths", "mothers",
    "fathers", "parents", "families", "students", "staff", "residents", "subjects", "respondents", "veterans",
    "monkeys", "rats", "mice", "animals", "primates", "him", "her", "them", "themselves", "everyone", "most", "few",
    "couples", "girls", "boys", "teenagers", "authorities", "communities", "organisations", "organizations", "teams",
    "services", "individual", "person", "patient", "participant", "client", "child", "woman", "man"])
_PEOPLE_ENDINGS = ("ers", "ists", "ians", "ees")
_NOT_PEOPLE = frozenset(["numbers", "disorders", "markers", "biomarkers", "parameters", "layers", "orders", "centers",
                         "powers", "barriers", "matters", "letters", "fibers", "fibres", "transporters", "receptors"])


def _movable(mover: Token) -> bool:
    word = mover.lower_
    return word in _MOVABLE or (word.endswith(_PEOPLE_ENDINGS) and word not in _NOT_PEOPLE)


#: Actions that only carry their object: "led monkeys to [display] depressive-like behaviour" is about the behaviour
LIGHT_ACTIONS = frozenset(["display", "show", "exhibit", "have", "experience", "develop", "report", "express",
                           "demonstrate", "suffer", "feel"])


def action_object(action: Token) -> Token | None:
    """The object a light action carries ("to display [depressive-like behaviour]"), else ``None``."""
    if action.lemma_.lower() not in LIGHT_ACTIONS and action.lower_ not in LIGHT_ACTIONS:
        return None
    return next((c for c in action.children if c.dep_ in ("dobj", "acomp", "attr")), None)


def controlled_action(verb: Token) -> tuple[Token, Token, str] | None:
    """``(factor, outcome verb, kind)`` of "[X] led [people] to [Y]" / "[X] discouraged [people] from [Y-ing]" at
    ``verb``, else ``None``. The factor is the verb's subject (a passive "[people] were led to Y by [X]" names it
    in its by-phrase)."""
    word = verb.lower_
    if verb.pos_ != "VERB" or (word not in TO_VERBS and word not in FROM_VERBS):
        return None
    children = list(verb.children)
    passive = any(c.dep_ == "auxpass" for c in children)
    mover = next((c for c in children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
    if word in TO_VERBS:
        action = next((c for c in children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if mover is None and action is not None and not passive:  # "caused [participants] to withdraw" parsed
            mover = next((c for c in action.children if c.dep_ == "nsubj"), None)  # with the infinitive's subject
        kind = lx.INCREASE
    else:
        frm = next((c for c in children if c.dep_ == "prep" and c.lower_ == "from"), None)
        action = next((c for c in frm.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None) if frm is not None \
            else None
        kind = lx.DECREASE
    if mover is None or mover.lower_ in _AUTHORS or not _movable(mover) or action is None or \
            action.lemma_.lower() in _REASONING or action.lower_ in _REASONING:
        return None
    if passive:
        agent = next((c for c in children if c.dep_ == "agent"), None)
        factor = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    else:
        factor = next((c for c in children if c.dep_ in ("nsubj", "csubj")), None)
    if factor is None or factor.lower_ in _AUTHORS:
        return None
    return factor, action, kind


def protected_from(verb: Token) -> tuple[Token, Token, str] | None:
    """``(factor, outcome, kind)`` of "[X] protected (Z) against / from [Y]" at ``verb`` (active voice: "[patients] were
    protected from Y" names no factor), else ``None``; Y is lowered."""
    if verb.lower_ not in lx.PROTECT_WORDS or verb.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("against", "from")), None)
    outcome = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    factor = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if outcome is None or factor is None or factor.lower_ in _AUTHORS:
        return None
    return factor, outcome, lx.DECREASE
