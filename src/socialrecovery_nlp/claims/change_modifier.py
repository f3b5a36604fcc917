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
