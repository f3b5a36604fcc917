"""A simulated annotator: the claim corrections a reviewer who knows the gold annotations would make.

Used to measure what a review project's corrections buy (``bench/claims_corrections_benefit.py``): the model is
run on annotated sentences, as :func:`.evaluate.row_claims` reads them, and each predicted claim gets the correction
``srnlp annotate`` would store for it:

- ``accept`` when its factor, outcome, direction and strength equal a gold claim of the sentence (case, spacing
  and edge punctuation aside);
- ``edit`` (the whole claim set to that gold claim, with the gold offsets; ``field`` names the first field that
  differs) when its factor shares a content word with the gold factor and its outcome one with the gold outcome
  (an implicit gold outcome matches any);
- ``reject`` when it overlaps no gold claim left;
- each gold claim left unmatched is an ``add``.

A sentence where the model predicts nothing and the gold has no claim gets no correction: the annotator sees
nothing to correct there. The annotator is a best case: it reads every sentence with a prediction or a gold claim,
agrees with the gold and misses nothing. Lines are in the format of ``srnlp project export --what training``
(:mod:`..active.export`), which ``data.extra`` of ``training/claims.toml`` reads (:mod:`.extra`).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterable

_STRIP = " \t\n.,;:"
_FIELDS = ("factor", "outcome", "direction", "strength")
_WORD = re.compile(r"\w+")
#: Words that do not make two spans the same: articles, prepositions, conjunctions, possessives.
_FUNCTION_WORDS = frozenset(["a", "an", "the", "of", "in", "on", "for", "with", "to", "by", "at", "from", "and", "or",
                             "their", "its", "his", "her", "our", "this", "these", "those", "that", "as", "than"])


def _norm(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("text")
    return " ".join(str(value or "").lower().split()).strip(_STRIP)


def _content_words(value: Any) -> set[str]:
    return set(_WORD.findall(_norm(value))) - _FUNCTION_WORDS


def _relative(span: dict, base: int) -> dict:
    start = span.get("start")
    if start is None:
        return {"text": span.get("text") or "recovery", "start": None, "end": None}
    return {"text": span["text"], "start": start - base, "end": span["end"] - base}


def gold_fields(row: dict, gold: dict) -> dict:
    """An annotated claim as a corrected claim: the sentence (the whole row text), factor and outcome with their
    offsets in it (an implicit outcome has none and reads "recovery"), direction and strength."""
    base = row.get("start") or 0
    return {"text": row["text"], "start": 0, "end": len(row["text"]), "factor": _relative(gold["factor"], base),
            "outcome": _relative(gold["outcome"], base), "direction": gold["direction"],
            "strength": gold.get("strength")}


def same_claim(pred: dict, gold: dict) -> bool:
    """Every field an annotator checks is the same (case, spacing and edge punctuation aside)."""
    return all(_norm(pred.get(k)) == _norm(gold.get(k)) for k in _FIELDS)


def close_claim(pred: dict, gold: dict) -> bool:
    """The predicted claim is the gold one with some field wrong: the factors share a content word, and so do the
    outcomes unless the gold outcome is implicit."""
    implicit = isinstance(gold.get("outcome"), dict) and gold["outcome"].get("start") is None
    return bool(_content_words(pred.get("factor")) & _content_words(gold.get("factor"))) and (
        implicit or bool(_content_words(pred.get("outcome")) & _content_words(gold.get("outcome"))))


def _first_difference(pred: dict, gold: dict) -> str:
    return next((k for k in _FIELDS if _norm(pred.get(k)) != _norm(gold.get(k))), "factor")


def row_corrections(row: dict, predicted: list[dict]) -> list[dict]:
    """The corrections (``{"target", "action", ...}``) of one annotated ``row`` whose predicted claims, as the flat
    fields of ``annotate_ui.claim_fields``, are ``predicted``. Exact matches are paired first, then close ones."""
    golds = [gold_fields(row, g) for g in row["claims"]]
    pairing: dict[int, tuple[str, int]] = {}
    used: set[int] = set()
    for kind, test in (("accept", same_claim), ("edit", close_claim)):
        for i, pred in enumerate(predicted):
            if i in pairing:
                continue
            j = next((j for j, g in enumerate(golds) if j not in used and test(pred, g)), None)
            if j is not None:
                pairing[i] = (kind, j)
                used.add(j)
    out: list[dict] = []
    for i, pred in enumerate(predicted):
        kind, j = pairing.get(i, ("reject", -1))
        if kind == "accept":
            out.append({"target": f"c{i}", "action": "accept", "original": pred})
        elif kind == "edit":
            field = _first_difference(pred, golds[j])
            out.append({"target": f"c{i}", "action": "edit", "field": field, "value": golds[j][field],
                        "claim": golds[j], "original": pred})
        else:
            out.append({"target": f"c{i}", "action": "reject", "original": pred})
    missed = [golds[j] for j in range(len(golds)) if j not in used]
    out += [{"target": f"new-{n}", "action": "add", "claim": gold} for n, gold in enumerate(missed, start=1)]
    return out


def simulate(rows: Iterable[dict], extractor, source: str = "simulated from gold annotations") -> tuple[list[dict], Counter]:
    """Correction lines for annotation ``rows`` (``claims.data.load_abstract_annotations`` form) as the
    ``extractor`` predicts them, and the count of each action."""
    from ..active.annotate_ui import claim_fields
    from .evaluate import row_claims

    lines: list[dict] = []
    counts: Counter = Counter()
    for row, claims in row_claims(extractor, list(rows)):
        for corr in row_corrections(row, [claim_fields(c.to_dict()) for c in claims]):
            lines.append({"id": f"sim-{row['id']}-{corr['target']}", "record": row["id"], "text": row["text"],
                          "correction": corr, "provenance": {"source": source, "file": row.get("source")}})
            counts[corr["action"]] += 1
    return lines, counts
