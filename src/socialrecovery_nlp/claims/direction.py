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
