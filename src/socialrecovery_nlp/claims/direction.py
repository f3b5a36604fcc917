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
#: words that may stand between a lowering word and the outcome ("a lower [risk of] relapse")
_BETWEEN = frozenset(["of", "the", "a", "an", "level", "levels", "score", "scores", "risk", "risks", "likelihood",
                      "chance", "chances", "odds", "probability", "rate", "rates", "incidence", "number", "frequency"])


def association_valence(lead: str, outcome: str) -> int:
    """Valence of what an association says about its outcome: the outcome's own valence, turned over
    when an amount word lowers it ("associated with [lower relapse rates]" or "with [a lower risk of]
    relapse" is an association with less relapse; "with [lower quality of life]" with less quality of
    life). ``lead``: the text between the trigger and the outcome."""
    outcome = re.sub(r"^(?:a|an|the)\s+", "", outcome.strip(), flags=re.IGNORECASE)  # "[a] lower quality of life"
    words = re.findall(r"[a-z]+(?:-[a-z]+)*", outcome.lower())
    if words and words[0] in LOWERING_WORDS and len(words) > 1:
        return -outcome_valence(outcome.split(None, 1)[1])
    before = re.findall(r"[a-z]+", lead.lower())
    lowered = [i for i, w in enumerate(before) if w in LOWERING_WORDS]
    if lowered and all(w in _BETWEEN for w in before[lowered[-1] + 1:]):
        return -outcome_valence(outcome)
    return outcome_valence(outcome)
