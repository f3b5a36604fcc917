"""Coordinations that deny or pair their members: "X improved [hope] but not [employment]", "[Neither A] nor [B]
reduced Y".

"but not B" / ", not B" after an outcome denies B only: A keeps the relation, B gets one of its own that is
denied (``no_effect``). "A nor B" names two factors or outcomes that the sentence's "neither" already denies: one
relation each. "not only / just / merely A but also B" asserts both: one relation each, neither denied.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc


_PREPOSITIONS = frozenset(["in", "on", "for", "among", "at", "with", "of", "to", "during", "after", "within"])


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (doc[start].is_punct or doc[start].lower_ in ("neither", "either", "both") or
                           (doc[start].lower_ in _PREPOSITIONS and start + 1 < end)):  # "but not [in] CA3"
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc" or doc[end - 1].lower_ in ("but", "not")):
        end -= 1
    return (start, end) if end > start else None


def _denied_cut(doc: Doc, rng: tuple[int, int]) -> tuple[int, int] | None:
    """``(cut, denied_start)`` where an outcome range holds "but not B" (or ", not B"): the range before ``cut`` is
    asserted, the one from ``denied_start`` denied."""
    for k in range(rng[0] + 1, rng[1] - 1):
        if doc[k].lower_ == "not" and doc[k + 1].lower_ not in ("only", "just", "merely", "all", "always") and \
                doc[k - 1].lower_ in ("but", ","):
            return k - 1, k + 1
    return None


def _nor_cut(doc: Doc, rng: tuple[int, int]) -> int | None:
    return next((k for k in range(rng[0] + 1, rng[1] - 1) if doc[k].lower_ == "nor"), None)


_ONLY = frozenset(["only", "just", "merely", "simply", "solely"])


def _not_only_cut(doc: Doc, rng: tuple[int, int]) -> tuple[int, int, int] | None:
    """``(first_start, cut, second_start)`` where a range is "not only A but (also) B" ("not only" opening the range
    or standing right before it): A runs from ``first_start`` to ``cut``, B from ``second_start`` to the range's end.
    None for a coordination inside a phrase ("support for not only patients but also carers": one factor) and for
    subgroups or settings ("hope, not only in women but also in men")."""
    k = rng[0] - 2 if rng[0] >= 2 and doc[rng[0] - 2].lower_ == "not" else rng[0]
    if k + 2 >= rng[1] or doc[k].lower_ != "not" or doc[k + 1].lower_ not in _ONLY or doc[k + 2].pos_ == "ADP":
        return None
    but = next((j for j in range(k + 3, rng[1] - 1) if doc[j].lower_ == "but"), None)
    if but is None:
        return None
    second = but + 1 + (doc[but + 1].lower_ in ("also", "too", "even"))
    return (k + 2, but, second) if second < rng[1] and doc[second].pos_ != "ADP" else None


def split_denied(doc: Doc, relations: list) -> list:
    """The relations with "A but not B" outcomes, "not only A but also B" and "A nor B" factors or outcomes split (see
    the module doc)."""
    out = []
    for rel in relations:
        parts = [rel]
        if rel.outcome is not None:
            cut = _denied_cut(doc, rel.outcome)
            if cut is not None:
                kept, denied = _trim(doc, rel.outcome[0], cut[0]), _trim(doc, cut[1], rel.outcome[1])
                if kept is not None and denied is not None:
                    parts = [replace(rel, outcome=kept), replace(rel, outcome=denied, denied=True)]
        for role in ("factor", "outcome"):
            rng = getattr(rel, role)
            both = _not_only_cut(doc, rng) if rng is not None else None
            if both is not None and len(parts) == 1:
                first, second = _trim(doc, both[0], both[1]), _trim(doc, both[2], rng[1])
                if first is not None and second is not None:
                    parts = [replace(rel, **{role: first}), replace(rel, **{role: second})]
                    break
        split = []
        for part in parts:
            for role in ("factor", "outcome"):
                rng = getattr(part, role)
                k = _nor_cut(doc, rng) if rng is not None else None
                if k is not None:
                    first, second = _trim(doc, rng[0], k), _trim(doc, k + 1, rng[1])
                    if first is not None and second is not None:
                        split.extend([replace(part, **{role: first}), replace(part, **{role: second})])
                        break
            else:
                split.append(part)
        out.extend(split)
    return out
