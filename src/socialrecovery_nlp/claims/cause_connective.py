"""Causes named by a connective: "[Y] was due to [X]", "Because of [X], people [avoided Y]", "[they] lost [Y] as a
result of [X]", "[X] was the main reason for [Y]", "[X] was a source of [Y]".

The connective names the factor (its object); what it explains is the outcome:

- the subject of a copula ("[Relapse] was largely due to [family conflict]");
- the object of the verb it qualifies ("people lost [their jobs] because of [X]"): a loss or avoidance verb lowers
  its object, any other verb brings it about;
- the adjective it qualifies ("felt [isolated] because of [X]").

A clause that is negated, passive or has no object is left alone: "[did not attend] because of X" says X hinders
attendance, not that it has no effect, and "[were excluded] due to X" is mostly a study step. "reason for" and
"source of" are relations only as a copula's attribute ("[X] was the main reason for [Y]") or subject ("the reasons
for [Y] were [X]"), or as the object of a giving verb ("[X] provided a source of [Y]").
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx
from .study_process import study_process
from .valence import outcome_valence

#: The connective phrases (lower-cased words).
CONNECTIVES = frozenset([("due", "to"), ("because", "of"), ("as", "a", "result", "of"), ("owing", "to"),
                         ("thanks", "to")])
#: Nouns that relate their holder (the factor) to an "of / for" object (the outcome).
SOURCE_NOUNS = frozenset([("reason", "for"), ("reasons", "for"), ("source", "of"), ("sources", "of"),
                          ("sense", "of")])
#: Connectives longest first, for :func:`connective_at`.
_BY_LENGTH = sorted(CONNECTIVES, key=len, reverse=True)
#: Source nouns that relate only as the object of a giving verb ("[X] gave people [a sense of] Y"): "a sense of
#: purpose" as a subject or attribute names a state, not its cause.
_GIVEN_ONLY = frozenset(["sense"])
#: Verbs that lower their object when a cause explains them ("lost their jobs because of X"), in every form (the
#: claims pipeline runs without a lemmatizer).
LOSS_VERBS = frozenset(f"{stem}{end}" for stem, ends in (
    ("lose", ("", "s")), ("lost", ("",)), ("losing", ("",)), ("avoid", ("", "s", "ed", "ing")), ("miss", ("", "es", "ed", "ing")),
    ("forgo", ("", "es", "ing")), ("forwent", ("",)), ("forgone", ("",)), ("stop", ("", "s", "ped", "ping")),
    ("quit", ("", "s", "ting")), ("abandon", ("", "s", "ed", "ing")), ("discontinu", ("e", "es", "ed", "ing")),
    ("leav", ("e", "es", "ing")), ("left", ("",)), ("drop", ("", "s", "ped", "ping")), ("refus", ("e", "es", "ed", "ing")),
    ("declin", ("e", "es", "ed", "ing")), ("delay", ("", "s", "ed", "ing")), ("postpon", ("e", "es", "ed", "ing")),
    ("withdr", ("aw", "aws", "ew", "awn", "awing")), ("neglect", ("", "s", "ed", "ing")), ("lack", ("", "s", "ed", "ing")))
    for end in ends)
#: Verbs whose object is something that happens to the subject, which a cause brings about ("experienced [distress]
#: because of X", "regained [confidence] thanks to X"); other verbs name an act done for a reason.
OUTCOME_VERBS = frozenset(f"{stem}{end}" for stem, ends in (
    ("experienc", ("e", "es", "ed", "ing")), ("develop", ("", "s", "ed", "ing")), ("suffer", ("", "s", "ed", "ing")),
    ("gain", ("", "s", "ed", "ing")), ("regain", ("", "s", "ed", "ing")), ("achiev", ("e", "es", "ed", "ing")),
    ("attain", ("", "s", "ed", "ing")), ("acquir", ("e", "es", "ed", "ing")), ("face", ("", "s", "d")),
    ("facing", ("",)), ("encounter", ("", "s", "ed", "ing")), ("endur", ("e", "es", "ed", "ing")),
    ("feel", ("", "s", "ing")), ("felt", ("",)), ("ha", ("ve", "s", "d", "ving")), ("report", ("", "s", "ed", "ing")),
    ("show", ("", "s", "ed", "n", "ing")), ("exhibit", ("", "s", "ed", "ing")), ("display", ("", "s", "ed", "ing")))
    for end in ends)
_HAVE = frozenset(["have", "has", "had", "having", "report", "reports", "reported", "reporting", "show", "shows",
                   "showed", "shown", "showing"])
#: Causes that are the study's own chance or design ("due to chance", "as a result of randomisation").
_NOT_CAUSES = frozenset(["chance", "randomisation", "randomization", "sampling", "error", "errors", "bias", "design",
                         "protocol", "artefact", "artifact", "rounding", "confounding", "missing"])
_GIVING_VERBS = lx.GIVING_VERBS | frozenset(["represent", "represents", "represented", "constitute", "constitutes",
                                             "constituted", "become", "becomes", "became", "remain", "remains",
                                             "remained"])
_BE = frozenset(["be", "is", "are", "was", "were", "been", "being", "am"])
#: Subjects that are the study's own steps or people taking part, not an outcome ("[Ten patients] were due to ...",
#: "[the data] are due to ...").
_NOT_OUTCOMES = frozenset(["data", "study", "studies", "analysis", "analyses", "sample", "it", "this", "that", "which",
                           "there", "what", "these", "those", "group", "groups", "results", "result", "finding",
                           "findings"])
#: States of knowledge, which a cause explains without acting on an outcome ("is less defined because of the lack of
#: data").
_KNOWLEDGE = frozenset(["defined", "understood", "known", "unknown", "established", "clear", "unclear", "studied",
                        "investigated", "explored", "documented", "described", "recognized", "recognised",
                        "appreciated", "elucidated", "characterized", "characterised", "researched", "evaluated",
                        "examined", "addressed", "uncertain", "debated", "controversial"])
#: What a "reason for" names when it is about taking part in the study ("Reasons for non-participation included")
_STUDY_PARTS = frozenset(["participation", "non-participation", "nonparticipation", "refusal", "refusals", "dropout",
                          "dropouts", "drop-out", "withdrawal", "withdrawals", "attrition", "non-response",
                          "nonresponse", "exclusion", "exclusions", "declining", "non-completion"])


#: The hard / easy words of :mod:`.made_adjective` that are triggers only there ("[X] made it easier to [Y]").
MADE_WORDS = frozenset(["harder", "hard", "impossible", "easier", "easy", "possible"])


def construction_only(words: tuple[str, ...]) -> bool:
    """Whether a trigger phrase (lower-cased words) is a relation only in one construction (this module's, or a
    made hard / easy word's, or round 9's construction verbs), so that it counts for nothing without a parse that shows
    one ("No discontinuations due to adverse events occurred", "because surgery was not possible", "was not
    [restricted] to children")."""
    return words in CONNECTIVES or words in SOURCE_NOUNS or (len(words) == 1 and (
        words[0] in MADE_WORDS or words[0] in lx.CONSTRUCTION_ONLY_WORDS))


def connective_at(token: Token) -> tuple[str, ...] | None:
    """The connective phrase that starts at ``token``, else None."""
    doc = token.doc
    for words in _BY_LENGTH:
        if token.i + len(words) <= len(doc) and tuple(t.lower_ for t in doc[token.i:token.i + len(words)]) == words:
            return words
    return None


def _object(token: Token, words: tuple[str, ...]) -> Token | None:
    """The connective's object: the first noun (or gerund) that hangs on one of its words, after it."""
    doc = token.doc
    end = token.i + len(words)
    phrase = doc[token.i:end]
    for word in phrase:
        for child in word.children:
            if child.i >= end and child.dep_ in ("pobj", "dobj", "pcomp") and child.pos_ in ("NOUN", "PROPN", "VERB", "ADJ"):
                return child
    return None


def _governor(token: Token, words: tuple[str, ...]) -> Token:
    """The word the connective phrase qualifies (the head outside the phrase)."""
    end = token.i + len(words)
    node = token
    while node.head.i != node.i and token.i <= node.head.i < end:
        node = node.head
    return node.head if node.head.i != node.i else node


def _valenced(token: Token) -> bool:
    """Does the phrase of ``token`` name something known to be good or bad ("isolated", "poorer outcomes")?"""
    return outcome_valence(" ".join(t.text for t in token.subtree)) != 0


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "cannot", "no") for c in verb.children) or \
        verb.lower_ in ("unable", "failed", "fail", "fails")


def connective_cause(token: Token) -> tuple[Token, Token, str] | None:
    """``(cause, outcome, kind)`` for a connective starting at ``token`` ("due to", "because of", "as a result of",
    "owing to", "thanks to"), else None (see the module doc). "[Recruitment] was slow because of X" describes the
    study (:func:`.study_process.study_process`): None."""
    found = _connective_cause(token)
    if found is None or study_process(found[1]):
        return None
    return found


def _connective_cause(token: Token) -> tuple[Token, Token, str] | None:
    words = connective_at(token)
    if words is None:
        return None
    cause = _object(token, words)
    if cause is None or cause.lower_ in _NOT_OUTCOMES or cause.lower_ in _NOT_CAUSES:
        return None
    governor = _governor(token, words)
    if governor.lower_ in _KNOWLEDGE or any(c.dep_ in ("acomp", "attr") and c.lower_ in _KNOWLEDGE for c in governor.children):
        return None  # "[the role of X] is less defined / unclear because of a lack of data": what is known, no outcome
    if governor.i == token.i or (governor.lower_ in lx.ALL_TRIGGER_WORDS and governor.lower_ not in
                                 lx.CONSTRUCTION_ONLY_WORDS):
        return None  # "[Y] improved / was reduced because of [X]": the change verb's own relation reads the cause
    if governor.lower_ in _BE or governor.pos_ == "AUX":  # "[Y] was (not) due to [X]": a denial is the
        # relation's own negation
        subject = next((c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ in _NOT_OUTCOMES or subject.pos_ not in ("NOUN", "PROPN"):
            return None
        predicate = next((c for c in governor.children if c.dep_ in ("acomp", "attr", "oprd")
                          and not token.i <= c.i < token.i + len(words)), None)  # "was [due] to": the connective
        if predicate is None:
            return cause, subject, lx.INCREASE
        if predicate.pos_ == "ADJ" and _valenced(predicate):
            return cause, predicate, lx.INCREASE  # "[older adults] are more [isolated] because of [X]"
        return None  # "depression is a major concern because of X", "X is important because of Y": a reason
    if _negated(governor):
        return None  # "[did not attend] because of X": the clause's own polarity, not a denied cause
    if governor.pos_ == "ADJ" and governor.dep_ in ("acomp", "oprd", "ROOT", "conj"):
        return (cause, governor, lx.INCREASE) if _valenced(governor) else None  # "felt [isolated] because of [X]"
    if governor.pos_ != "VERB" or any(c.dep_ in ("auxpass", "nsubjpass") for c in governor.children):
        return None
    if governor.lower_ not in LOSS_VERBS and governor.lower_ not in OUTCOME_VERBS:
        return None  # "received a voucher / prescribed clozapine / chose X because of Y": a reason for an act
    obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
    if obj is None:
        obj = next((c for c in governor.children if c.dep_ in ("xcomp", "acomp") and c.pos_ in ("VERB", "ADJ")), None)
    if obj is None:
        return None
    if governor.lower_ not in LOSS_VERBS:
        if governor.lower_ in _HAVE and not _valenced(obj):
            return None  # "had to travel", "had a choice": nothing good or bad
        return cause, obj, lx.INCREASE
    # losing or avoiding a bad thing lowers it ("avoided [relapse]"); anything else it takes away ("lost [their
    # jobs]", "avoid [seeking help]") is a harm, whatever its valence is known to be
    bad = outcome_valence(" ".join(t.text for t in obj.subtree)) < 0
    return cause, obj, lx.DECREASE if bad else lx.HARM


def source_noun_at(token: Token) -> tuple[str, ...] | None:
    doc = token.doc
    if token.i + 1 < len(doc) and (token.lower_, doc[token.i + 1].lower_) in SOURCE_NOUNS:
        return token.lower_, doc[token.i + 1].lower_
    return None


def source_relation(token: Token) -> tuple[Token, Token, str] | None:
    """``(factor, outcome, kind)`` of "[X] was the main reason for [Y]", "the reasons for [Y] were [X]", "[X] provided a
    source of [Y]", "[X] gave people a sense of [Y]", for the noun ``token`` ("reason", "source", "sense"), else None."""
    words = source_noun_at(token)
    if words is None:
        return None
    prep = token.doc[token.i + 1]
    objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    outcome = objects[0] if objects else None
    named = {c.lower_ for c in objects} | {"".join(c.text for c in objects).lower()}  # "non - participation"
    if outcome is None or prep.head.i != token.i or named & _STUDY_PARTS:
        return None
    # "the main reason for [not seeking help]": a reason against Y hinders it
    kind = lx.HARM if any(c.dep_ == "neg" for c in outcome.children) else lx.INCREASE
    verb = token.head
    if _negated(verb):
        return None
    if token.lower_ in _GIVEN_ONLY and not (token.dep_ == "dobj" and verb.lower_ in _GIVING_VERBS):
        return None
    if token.dep_ in ("attr", "dobj") and verb.lower_ in _BE | _GIVING_VERBS:
        holder = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        if holder is None or holder.lower_ in _NOT_OUTCOMES or (
                holder.pos_ not in ("NOUN", "PROPN", "VERB") and holder.dep_ != "csubj"):
            return None  # a clausal subject may open with "being" ("[Being in work] gave people a sense of Y"; round 9)
        return None if study_process(outcome) else (holder, outcome, kind)
    if token.dep_ == "nsubj" and verb.lower_ in _BE | {"include", "includes", "included"}:
        named = next((c for c in verb.children if c.dep_ in ("attr", "dobj") and c.i > token.i), None)
        if named is None or named.pos_ not in ("NOUN", "PROPN", "VERB"):
            return None
        return None if study_process(outcome) else (named, outcome, kind)
    return None
