"""Claim direction by composition: predicate kind x outcome valence x negation.

``direction`` is always about the outcome the claim names, read as good or bad for recovery:

=========== ================ ================== ==============
kind        outcome good (+) outcome bad (-)    outcome unknown
=========== ================ ================== ==============
benefit     promotes         promotes           promotes
harm        hinders          hinders            hinders
increase    promotes         hinders            promotes
associate   promotes         hinders            promotes
decrease    hinders          promotes           hinders
=========== ================ ================== ==============

Negation ("did not improve") gives ``no_effect``; a contrast ("for some but ... for others",
"contribute to or hinder") gives ``mixed``. Both are checked before the table.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .valence import WORSE
from .valence import outcome_valence as _head_valence

DIRECTIONS = ("promotes", "hinders", "no_effect", "mixed")


def compose(kind: str, valence: int, *, negated: bool = False, mixed: bool = False) -> str:
    """Direction of a relation of ``kind`` on an outcome of ``valence`` (+1, -1 or 0)."""
    if mixed:
        return "mixed"
    if negated:
        return "no_effect"
    if kind == lx.BENEFIT:
        return "promotes"
    if kind == lx.HARM:
        return "hinders"
    if kind == lx.DECREASE:
        return "promotes" if valence < 0 else "hinders"
    if kind in (lx.INCREASE, lx.ASSOCIATE):
        return "hinders" if valence < 0 else "promotes"
    raise ValueError(f"unknown predicate kind {kind!r}")


def outcome_valence(text: str) -> int:
    """+1 if the outcome is good for a person, -1 if bad, 0 if unknown (read from the phrase's
    head: :func:`.valence.outcome_valence`)."""
    return _head_valence(text)


#: amount words that lower what follows ("associated with [lower] relapse rates", "with a [reduced] risk of")
LOWERING_WORDS = frozenset(["lower", "lowered", "reduced", "decreased", "diminished", "less", "fewer", "smaller"])
#: Evaluative participles right before an outcome: "improved [Y]" is a better Y, "impaired [Y]" a worse one, whatever Y
_EVALUATED_BETTER = frozenset(["improved", "better", "enhanced"])
_EVALUATED_WORSE = frozenset(["impaired", "worse", "worsened", "poorer", "deteriorated", "compromised"])
#: words that may stand between a lowering word and the outcome ("a lower [risk of] relapse")
_BETWEEN = frozenset(["of", "the", "a", "an", "level", "levels", "score", "scores", "risk", "risks", "likelihood",
                      "chance", "chances", "odds", "probability", "rate", "rates", "incidence", "number", "frequency"])


#: "lower" that starts an anatomical compound lowers nothing ("lower back pain", "lower limb function")
LOWER_COMPOUNDS = frozenset(["back", "limb", "limbs", "extremity", "extremities", "urinary", "respiratory",
                             "abdominal", "leg", "legs", "body", "gastrointestinal", "jaw", "lip", "lobe", "eyelid"])
#: an amount word before a change word: "[less] reduction in Y" says the opposite of "reduction in Y"
_LESSER_CHANGE = re.compile(r"(?i)\b(?:less|lesser|smaller|weaker|fewer|minimal|limited)\s+(?:\w+\s+)?"
                            r"(?:reductions?|decreases?|declines?|increases?|improvements?|gains?|rises?|benefits?)\b")
_LESSER_END = re.compile(r"(?i)\b(?:less|lesser|smaller|weaker|fewer|minimal|limited)\s*$")
#: the opposite predicate kind, for a change turned over by an amount word
OPPOSITE_KIND = {lx.INCREASE: lx.DECREASE, lx.DECREASE: lx.INCREASE, lx.BENEFIT: lx.HARM, lx.HARM: lx.BENEFIT}


def lesser_change(before_trigger: str, lead: str, trigger_is_change_noun: bool) -> bool:
    """Does an amount word turn the relation's change over? "associated with [less reduction] in Y" (the change word
    in the ``lead`` between trigger and outcome) or "[smaller] improvements in Y were found with X" (right before a
    change-noun trigger; ``before_trigger``: the text before it)."""
    return bool(_LESSER_CHANGE.search(lead)) or (trigger_is_change_noun and bool(_LESSER_END.search(before_trigger)))


#: Evaluative bad modifiers (not amount words, which :func:`association_valence` reads)
_EVALUATIVE_WORSE = WORSE - lx.WORSE_MODIFIERS - LOWERING_WORDS - _EVALUATED_WORSE


def worsened_lead(lead: str) -> bool:
    """Is the outcome's head marked bad by an evaluative modifier the parse left out of its span, in the ``lead``
    between trigger and outcome ("reduced [stigmatising] attitudes", "stigmatising" read as a verb; round 9)? Only
    determiners may stand beside it; amount words are read by :func:`association_valence`."""
    words = re.findall(r"[a-z]+(?:-[a-z]+)*", lead.lower())
    return bool(words) and words[-1] in _EVALUATIVE_WORSE and all(w in ("the", "a", "an", "their", "its")
                                                                  for w in words[:-1])


def association_valence(lead: str, outcome: str) -> int:
    """Valence of what an association says about its outcome: the outcome's own valence, turned over
    when an amount word lowers it ("associated with [lower relapse rates]" or "with [a lower risk of]
    relapse" is an association with less relapse; "with [lower quality of life]" with less quality of
    life). ``lead``: the text between the trigger and the outcome."""
    outcome = re.sub(r"^(?:a|an|the)\s+", "", outcome.strip(), flags=re.IGNORECASE)  # "[a] lower quality of life"
    words = re.findall(r"[a-z]+(?:-[a-z]+)*", outcome.lower())
    if words and words[0] in LOWERING_WORDS and len(words) > 1 and not (words[0] == "lower" and words[1] in LOWER_COMPOUNDS):
        return -outcome_valence(outcome.split(None, 1)[1])
    before = re.findall(r"[a-z]+", lead.lower())
    # "resulted in [improved] HRQL, functioning and mood symptoms": a better state of whatever follows, also when the
    # participle opens the outcome's span (review-18: the list's last item had made it bad); "[impaired] recognition"
    evaluated = words[0] if len(words) > 1 and words[0] in _EVALUATED_BETTER | _EVALUATED_WORSE else (
        before[-1] if before else None)
    if evaluated in _EVALUATED_BETTER:
        return 1
    if evaluated in _EVALUATED_WORSE:
        return -1
    lowered = [i for i, w in enumerate(before) if w in LOWERING_WORDS]
    if lowered and all(w in _BETWEEN for w in before[lowered[-1] + 1:]) and not (
            before[lowered[-1]] == "lower" and lowered[-1] == len(before) - 1 and words and words[0] in LOWER_COMPOUNDS):
        return -outcome_valence(outcome)
    return outcome_valence(outcome)
