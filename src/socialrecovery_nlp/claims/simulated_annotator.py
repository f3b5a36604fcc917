"""A simulated annotator: the claim corrections a reviewer who knows the gold annotations would make.

Used to measure what a review project's corrections buy (``bench/claims_corrections_benefit.py``): the model is
run on annotated sentences, as :func:`.evaluate.row_claims` reads them, and each predicted claim gets the correction
``srnlp annotate`` would store for it:

- ``accept`` when its factor, outcome, direction and strength equal a gold claim of the sentence (case, spacing
  and edge punctuation aside);
- ``edit`` (the whole claim set to that gold claim) when its factor shares a word with the gold factor and its
  outcome one with the gold outcome (an implicit gold outcome matches any);
- ``reject`` when it overlaps no gold claim left;
- each gold claim left unmatched is an ``add``.

A sentence where the model predicts nothing and the gold has no claim gets no correction: the annotator sees
nothing to correct there. Lines are in the format of ``srnlp project export --what training``
(:mod:`..active.export`), which ``data.extra`` of ``training/claims.toml`` reads (:mod:`.extra`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

from .row_match import _words

_STRIP = " \t\n.,;:"
_FIELDS = ("factor", "outcome", "direction", "strength")


def _norm(value: Any) -> str:
    return " ".join(str(value or "").lower().split()).strip(_STRIP)


def gold_fields(row: dict, gold: dict) -> dict:
    """An annotated claim as the flat fields an annotator types (those of ``annotate_ui.claim_fields``), its
    sentence being the whole row text; an implicit outcome reads "recovery"."""
    outcome = gold["outcome"]
    text = outcome["text"] if outcome.get("start") is not None else (outcome.get("text") or "recovery")
    return {"text": row["text"], "start": 0, "end": len(row["text"]), "factor": gold["factor"]["text"],
            "outcome": text, "direction": gold["direction"], "strength": gold.get("strength")}


def same_claim(pred: dict, gold: dict) -> bool:
    """Every field an annotator checks is the same (flat fields)."""
    return all(_norm(pred.get(k)) == _norm(gold.get(k)) for k in _FIELDS)


def close_claim(pred: dict, gold: dict) -> bool:
    """The predicted claim is the gold one with some field wrong: the factors share a word, and so do the
    outcomes unless the gold outcome is implicit."""
    implicit = _norm(gold["outcome"]) in ("", "recovery")
    return bool(_words(pred.get("factor")) & _words(gold.get("factor"))) and (
        implicit or bool(_words(pred.get("outcome")) & _words(gold.get("outcome"))))


def row_corrections(row: dict, predicted: list[dict]) -> list[dict]:
    """The corrections (``{"target", "action", ...}``) of one annotated ``row`` whose predicted claims, as flat
    fields, are ``predicted``."""
    golds = [gold_fields(row, g) for g in row["claims"]]
    used: set[int] = set()
    out: list[dict] = []
    for i, pred in enumerate(predicted):
        exact = [j for j, g in enumerate(golds) if j not in used and same_claim(pred, g)]
        close = [j for j, g in enumerate(golds) if j not in used and close_claim(pred, g)]
        if exact:
            used.add(exact[0])
            out.append({"target": f"c{i}", "action": "accept", "original": pred})
        elif close:
            used.add(close[0])
            gold = golds[close[0]]
            out.append({"target": f"c{i}", "action": "edit", "field": "factor", "value": gold["factor"],
                        "claim": gold, "original": pred})
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
