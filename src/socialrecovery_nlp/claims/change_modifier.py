"""An outcome read without the amount word before it: "can lead to [increased] morbidity" -> "morbidity" (the
guideline's outcome is "what the factor acts on, without the predicate": the annotated outcomes leave such words
out).

Only amount words after a causal change verb ("lead to", "result in", "reduce"): one that raises its noun
("increased", "higher", "elevated", ...) is dropped as it is; one that lowers it ("reduced", "lower",
"diminished", ...) moves into the predicate kind, so that the direction stays the same ("result in reduced
vigilance" = a decrease of vigilance). An association keeps its comparative outcome ("associated with [higher
cortisol production]", as earlier rounds' tests read it), and evaluative words ("improved", "better", "poorer")
stay: they name the outcome's quality ("result in [improved mental health]", as the seed annotations keep it).
"""

from __future__ import annotations

from spacy.tokens import Doc

from . import lexicon as lx

RAISING = frozenset(["increased", "higher", "greater", "enhanced", "elevated", "heightened", "raised"])
LOWERING = frozenset(["reduced", "decreased", "lower", "lowered", "diminished"])
#: Words that give a conjunct an amount or quality of its own ("higher [A] and lower [B]", "better [A] and
#: reduced [B]"): such a coordination is one outcome per conjunct (review fix D).
_OWN_AMOUNT = RAISING | LOWERING | frozenset(["more", "less", "fewer", "better", "worse", "poorer", "improved",
                                              "increasing", "decreasing", "greater", "smaller"])
_LOWERED_KIND = {lx.INCREASE: lx.DECREASE, lx.DECREASE: lx.INCREASE}


def strip_change(doc: Doc, outcome: tuple[int, int], kind: str) -> tuple[tuple[int, int], str] | None:
    """``(outcome without its leading change word, kind)``, or None when the outcome has none."""
    start, end = outcome
    if end - start < 2:
        return None
    first = doc[start]
    word = first.lower_
    if word not in RAISING and word not in LOWERING:
        return None
    if first.dep_ not in ("amod", "advmod") or not start < first.head.i < end:
        return None
    if doc[start + 1].is_punct or doc[start + 1].lower_ in ("than", "and", "or"):
        return None
    if kind not in _LOWERED_KIND:
        return None  # "X improves reduced Y", "associated with higher Y": the outcome as written
    if word in LOWERING:
        kind = _LOWERED_KIND[kind]
    return (start + 1, end), kind


def _own_amount(doc: Doc, start: int, head_i: int) -> bool:
    word = doc[start]
    return word.lower_ in _OWN_AMOUNT and word.dep_ in ("amod", "advmod") and start < head_i and (
        word.head.i == head_i or word.head.head.i == head_i)


def split_changes(doc: Doc, outcome: tuple[int, int], kind: str) -> list[tuple[tuple[int, int], str]] | None:
    """``[(conjunct, kind), ...]`` for an outcome that coordinates conjuncts each with its own amount word ("results
    in [higher self-esteem] and [lower anxiety]"), each read without a raising / lowering word as
    :func:`strip_change` reads it; None when the outcome is no such coordination (review fix D)."""
    start, end = outcome
    head = next((t for t in doc[start:end] if not start <= t.head.i < end), None)
    if head is None:
        return None
    conjs = [c for c in head.children if c.dep_ == "conj" and c.i > head.i and c.right_edge.i < end]
    if not conjs or not _own_amount(doc, start, head.i) or not all(_own_amount(doc, c.left_edge.i, c.i) for c in conjs):
        return None
    bounds = [start] + [c.left_edge.i for c in conjs]
    ranges = []
    for k, a in enumerate(bounds):
        b = bounds[k + 1] if k + 1 < len(bounds) else conjs[-1].right_edge.i + 1
        while b > a + 1 and (doc[b - 1].is_punct or doc[b - 1].lower_ in ("and", "or", "as", "well")):
            b -= 1
        ranges.append((a, b))
    out = []
    for rng in ranges:
        stripped = strip_change(doc, rng, kind)
        out.append(stripped if stripped is not None else (rng, kind))
    return out
