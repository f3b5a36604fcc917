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

DIRECTIONS = ("promotes", "hinders", "no_effect", "mixed")
_WORD = re.compile(r"[a-z][a-z'\-]*")


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
    """+1 if the outcome is good for a person, -1 if bad, 0 if unknown.

    The right-most lexicon match is the head ("mental health difficulties" is bad although
    "mental health" is good); a worsening modifier ("poorer outcome", "low self-esteem") flips it.
    """
    lowered = text.lower()
    best: tuple[int, int, int] | None = None  # (end, length, valence)
    for pattern, value in ((lx.GOOD_RE, 1), (lx.BAD_RE, -1)):
        for match in pattern.finditer(lowered):
            key = (match.end(), match.end() - match.start(), value)
            if best is None or key[:2] > best[:2]:
                best = key
    words = set(_WORD.findall(lowered))
    if best is None:
        if words & lx.WORSE_MODIFIERS:
            return -1
        if words & {"better", "improved"}:
            return 1
        return 0
    valence = best[2]
    if valence > 0 and words & lx.WORSE_MODIFIERS:
        return -1
    return valence
