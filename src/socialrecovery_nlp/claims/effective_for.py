"""What an efficacy adjective is effective for, named after its predicate noun (added for issue #5,
agent:claims-15).

"[Methylphenidate] appears to be a safe and effective treatment for [attention-deficit hyperactivity
disorder]", "[Ziprasidone] is a safe and efficacious atypical antipsychotic for the acute management of
[schizophrenia]", "[Long-term treatment with methylphenidate] seems to be safe and effective for the
management of [ADHD behaviors]": an efficacy adjective ("effective", "efficacious", "helpful", ...) that is
the predicate, or premodifies the predicate noun of a copula, is effective *for / against* the object of
that "for / against" phrase, hung on the adjective, on the copula or on the predicate noun. The outcome is
that object (through "the treatment / management / prevention of"); a person ("effective for
[patients]") is a population, not an outcome, and the condition it has ("for people with [schizophrenia]") is.

"[Combined deep and superficial cervical plexus block] is an effective technique to reduce [opioid
requirements]": an infinitive on such a predicate noun states what the factor is effective at, not a
purpose (:func:`asserting_predicate_noun`), so its relation holds of the copula's subject.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx
from .valence import head_valence

EFFICACY_ADJECTIVES = frozenset(["effective", "efficacious", "helpful", "beneficial", "valuable", "useful",
                                 "successful", "promising"])
_WRAPPERS = frozenset(["treatment", "management", "prevention", "therapy", "control"])
_POPULATION = lx.PERSON_WORDS | frozenset(["patients", "people", "children", "adults", "adolescents", "women", "men",
                                           "subjects", "individuals", "those", "smokers"])


def _base(adj: Token) -> Token:
    """The first conjunct of "safe and [effective]"."""
    while adj.dep_ == "conj" and adj.head.pos_ == "ADJ":
        adj = adj.head
    return adj


def _predicate_noun(adj: Token) -> Token | None:
    base = _base(adj)
    noun = base.head
    if base.dep_ == "amod" and noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in ("attr", "oprd"):
        return noun
    return None


def efficacy_target(adj: Token) -> Token | None:
    """The outcome token of an efficacy adjective's "for / against" phrase (see the module doc); else None."""
    if adj.lower_ not in EFFICACY_ADJECTIVES:
        return None
    base = _base(adj)
    noun = _predicate_noun(adj)
    if noun is not None:
        holders = [noun]
    elif base.dep_ == "acomp":
        holders = [adj, base, base.head]
    else:
        return None
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("for", "against") or prep.i < adj.i:
                continue
            obj = next((p for p in prep.children if p.dep_ == "pobj" and (
                p.pos_ in ("NOUN", "PROPN") or p.lower_ == "those")), None)
            if obj is not None and obj.lower_ in _POPULATION:
                obj = _condition(obj, holder, prep)  # "for [people] with [severe mental illness]"
            if obj is None:
                continue
            if obj.lower_ in _WRAPPERS:
                obj = next((p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                            for p in c.children if p.dep_ == "pobj"), obj)
            return obj
    return None


def _condition(population: Token, holder: Token, prep: Token) -> Token | None:
    """The condition of a population an efficacy adjective is effective for: "an effective intervention for [people]
    with [severe mental illness]", "for children and adolescents with [ADHD]" (the "with" phrase hung on the
    population, a conjunct of it, or on the predicate noun after the "for" phrase): what the people are treated
    for, so the outcome (as annotated, 2026-11-28). A population without one names no outcome."""
    places = [population, *population.conjuncts]
    withs = [c for tok in places for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"]
    withs += [c for c in holder.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > prep.i]
    for with_ in withs:
        obj = next((p for p in with_.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")), None)
        if obj is not None and names_a_condition(obj):
            return obj
    return None


def names_a_condition(token: Token) -> bool:
    """A disorder or symptom ("severe mental illness", "depression": a bad head) or an abbreviation ("ADHD", "BPD");
    not a trait or resource of the people ("high levels of social support", "a history of homelessness", "lived
    experience"; agent:review-24)."""
    if token.lower_ in _POPULATION:
        return False
    if len(token.text) >= 2 and token.text.isupper() and token.text.isalpha():
        return True
    phrase = token.doc[min(c.i for c in token.subtree if c.i <= token.i):token.i + 1].text  # up to the head noun
    return head_valence(phrase) < 0


def asserting_predicate_noun(noun: Token) -> bool:
    """Is ``noun`` a copula's predicate noun premodified by an efficacy adjective ("is an effective
    technique [to reduce Y]")?"""
    return noun.pos_ in ("NOUN", "PROPN") and noun.dep_ in ("attr", "oprd") and any(
        c.dep_ == "amod" and (c.lower_ in EFFICACY_ADJECTIVES or any(
            g.dep_ == "conj" and g.lower_ in EFFICACY_ADJECTIVES for g in c.children)) for c in noun.children)


#: Efficacy adjectives that, as a bare predicate, judge their subject effective for the recovery the sentence is
#: about: "[Other atypical antipsychotics] are promising", "[The intervention] was effective" (round 7)
JUDGING_ADJECTIVES = frozenset(["effective", "efficacious", "promising", "successful"])
_COMPARING = frozenset(["more", "less", "most", "least", "as", "than", "equally", "similarly", "comparably"])
_BE = frozenset(["is", "are", "was", "were", "be", "been", "being", "'s", "'re"])


def judged_effective(adj: Token) -> bool:
    """Is ``adj`` the bare predicate of a copula ("[X] are promising", "[X] seemed effective"), so that the outcome is
    implicit? The parser reads "are promising" as a progressive verb; a "for / against" phrase names the outcome
    instead (:func:`efficacy_target`)."""
    if adj.lower_ not in JUDGING_ADJECTIVES:
        return False
    if any(c.lower_ in _COMPARING for c in adj.children):
        return False  # "[X] is more efficacious than Z for reducing [Y]": a comparison, read by its own rules
    base = _base(adj)
    if base.dep_ in ("acomp", "oprd"):
        return True
    return base.tag_ == "VBG" and base.dep_ in ("ROOT", "conj", "ccomp") and any(
        c.dep_ == "aux" and c.lower_ in _BE for c in base.children) and not any(
        c.dep_ in ("dobj", "xcomp", "ccomp") for c in base.children)  # "are promising" (not "promising to do")


def outcome_not_population(obj: Token) -> Token | None:
    """``obj`` as an outcome: a population ("for [people] with [psychosis]") gives its condition, or ``None`` (the
    outcome is implicit) when it names none; any other token is itself (round 7)."""
    if obj.lower_ not in _POPULATION:
        return obj
    return next((p for w in obj.children if w.dep_ == "prep" and w.lower_ == "with" for p in w.children
                 if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN") and names_a_condition(p)), None)
