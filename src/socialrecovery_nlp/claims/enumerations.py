"""Enumerated lists of factors: "[Negative factors] influencing [the process] were: (a) A, (b) B, and (c) C",
"[Successful implementation] related to: (a) A, (b) B", "Facilitating factors included A (label); B; and C".

Review prose lists the factors it found; each item is a factor of its own (guideline: one claim per factor).
A list is two or more items marked by enumerators ("(a)", "b)", "(1)") or separated by semicolons; an item
is read without its enumerator ("(a)", "a)", "(1)", "1.", also where the parser left it inside the item's
phrase), a joining "and / or", a trailing parenthetical label ("(Skills)") and punctuation. Commas alone do not
make a list here: "A, B and C" is one coordinated factor (guideline). A list whose subject names elements of the
study ("[Secondary outcomes] were related to: (a) A; (b) B") is a description of topics, not of factors (review
fixes B and C).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from . import lexicon as lx

_ENUMERATOR = re.compile(r"^(?:[a-h]|[1-9]|i{1,3}|iv|v)$", re.IGNORECASE)
_NUMBERED = re.compile(r"^[1-9]\.$")
_QUOTES = {'"', "'", "“", "”", "‘", "’"}
#: Nouns that name a set of factors ("negative factors", "barriers"), and modifiers that fix their kind.
CATEGORY_NOUNS = frozenset(["factors", "barriers", "facilitators", "obstacles", "enablers", "determinants",
                            "influences", "challenges", "predictors"])
_HARM_MODIFIERS = frozenset(["negative", "hindering", "limiting", "inhibiting", "impeding", "adverse", "barriers",
                             "obstacles", "challenges"])
_BENEFIT_MODIFIERS = frozenset(["positive", "facilitating", "enabling", "supportive", "promoting", "facilitators",
                                "enablers", "protective", "helpful"])
#: Predicates whose colon list names what their subject depends on ("[Y] related to: (a) A, (b) B").
#: Subjects that name elements of the study itself: "[Secondary outcomes] were related to: (a) A; (b) B" lists topics
#: (a description), not factors (review fix C).
STUDY_ELEMENTS = frozenset(["outcome", "outcomes", "measure", "measures", "question", "questions", "item", "items",
                            "topic", "topics", "theme", "themes", "aim", "aims", "objective", "objectives",
                            "domain", "domains", "category", "categories", "subscale", "subscales", "variable",
                            "variables", "endpoint", "endpoints", "indicator", "indicators", "goal", "goals"])
LIST_PREDICATES = frozenset(["related", "relates", "relate", "linked", "attributed", "due", "depended", "depends",
                             "depend", "attributable"])


def _marker(doc: Doc, i: int, end: int) -> int:
    """Length of an enumerator starting at token ``i`` ("(a)" 3, "a)" / "1." 2, "1." as one token 1), else 0."""
    if i + 2 < end and doc[i].text == "(" and _ENUMERATOR.match(doc[i + 1].text) and doc[i + 2].text == ")":
        return 3
    after_break = i == 0 or doc[i - 1].text in (",", ";", ":", "and", "or") or doc[i - 1].text in _QUOTES
    if i + 1 < end and _ENUMERATOR.match(doc[i].text) and doc[i + 1].text == ")" and after_break:
        return 2
    if i + 1 < end and doc[i].text.isdigit() and len(doc[i].text) == 1 and doc[i + 1].text == "." and after_break:
        return 2  # "1. A; 2. B"
    if i + 1 < end and _NUMBERED.match(doc[i].text) and after_break:
        return 1
    return 0


def _leading_marker(doc: Doc, start: int, end: int) -> int:
    """Length of an enumerator opening an item ("(a)", "a)", "(1)", "1."; review fix B), else 0."""
    if start + 2 < end and doc[start].text == "(" and _ENUMERATOR.match(doc[start + 1].text) and \
            doc[start + 2].text == ")":
        return 3
    if start + 1 < end and _ENUMERATOR.match(doc[start].text) and doc[start + 1].text in (")", "."):
        return 2
    if start + 1 < end and _NUMBERED.match(doc[start].text):  # "1." as one token
        return 1
    return 0


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """An item without its enumerator, joining words, punctuation, quotes and a trailing parenthetical label."""
    changed = True
    while changed and start < end:
        changed = False
        marker = _leading_marker(doc, start, end)
        if marker:
            start, changed = start + marker, True
        while start < end and (doc[start].is_punct or doc[start].text in _QUOTES or doc[start].lower_ in ("and", "or")):
            start, changed = start + 1, True
        while end > start and (doc[end - 1].is_punct and doc[end - 1].text != ")" or doc[end - 1].text in _QUOTES
                               or doc[end - 1].lower_ in ("and", "or")):
            end, changed = end - 1, True
        if end > start and doc[end - 1].text == ")":  # "better communication (Skills)": the label is no part
            depth, k = 0, end - 1
            while k >= start:
                depth += doc[k].text == ")"
                depth -= doc[k].text == "("
                if depth == 0:
                    break
                k -= 1
            if k > start and depth == 0:
                end, changed = k, True
    return (start, end) if end > start else None


def list_items(doc: Doc, begin: int, end: int) -> list[tuple[int, int]] | None:
    """The items of a list running from token ``begin`` to ``end``, or None when it is no list."""
    markers, i = [], begin
    while i < end:
        n = _marker(doc, i, end)
        if n:
            markers.append((i, i + n))
            i += n
        else:
            i += 1
    cuts: list[tuple[int, int]] = []
    if len(markers) >= 2:
        bounds = [m[1] for m in markers]
        stops = [m[0] for m in markers[1:]] + [end]
        cuts = list(zip(bounds, stops))
    else:
        depth, last = 0, begin
        for k in range(begin, end):
            depth += doc[k].text == "("
            depth -= doc[k].text == ")"
            if doc[k].text == ";" and depth <= 0:
                cuts.append((last, k))
                last = k + 1
        if not cuts:
            return None
        cuts.append((last, end))
    items = [r for r in (_trim(doc, a, b) for a, b in cuts) if r is not None]
    return items if len(items) >= 2 else None


def sentence_end(doc: Doc, start: int) -> int:
    """The end of the sentence (before its final full stop) from ``start``."""
    end = len(doc)
    while end > start and doc[end - 1].text in (".", "!", "?"):
        end -= 1
    return end


def colon_after(doc: Doc, trigger_end: int, reach: int = 3) -> int | None:
    """The index of a colon within ``reach`` tokens after the trigger, with no other clause between."""
    for k in range(trigger_end, min(len(doc), trigger_end + reach + 1)):
        if doc[k].text == ":":
            return k
        if doc[k].text in (",", ";", "(") or doc[k].dep_ in ("nsubj", "nsubjpass"):
            return None
    return None


def category_kind(noun: Token, kind: str) -> str:
    """The kind a factor set's noun or its modifiers fix ("[negative] factors" harm), else ``kind``."""
    words = {noun.lower_} | {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    if words & _HARM_MODIFIERS:
        return lx.HARM
    if words & _BENEFIT_MODIFIERS:
        return lx.BENEFIT
    return kind
