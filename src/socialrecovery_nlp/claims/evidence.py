"""The evidence table (one row per claim) and a displaCy view of records with their claims."""

from __future__ import annotations

import csv
import html
from pathlib import Path
from typing import Any

from .recovery_outcomes import generic_outcome, mental_health_context, recovery_outcome

COLUMNS = ("record_id", "factor", "direction", "outcome", "strength", "hedged", "certainty", "negated", "design",
           "citations", "theme", "social", "score", "confidence", "sentence", "start", "end", "title")
COLOURS = {"FACTOR": "#a6cee3", "OUTCOME": "#b2df8a", "PROMOTES": "#33a02c", "HINDERS": "#e31a1c",
           "NO_EFFECT": "#bdbdbd", "MIXED": "#ff7f00"}


def is_recovery_related(claim: dict[str, Any], title: str = "") -> bool:
    """The outcome names recovery, mental health or the social and functional life a person recovers
    (:func:`.recovery_outcomes.recovery_outcome`). A purely physical outcome ("hair cortisol", "weight loss") is
    not; an implicit outcome (read as recovery) is when the sentence outside the factor or the record's ``title``
    names recovery or mental health ("[Low job control] showed a borderline association" in a study of back pain is
    not). Round 6; before, any outcome with a known valence, every implicit outcome and every claim whose sentence
    had a theme were (the themes name the social factor's theme, which says nothing of the outcome). An outcome that
    names only outcomes in general ("clinical outcomes", "health outcomes") is read like an implicit one (round 7,
    agent:review-26: "clinical outcomes" after myocardial infarction had passed)."""
    outcome = claim["outcome"]
    if outcome["start"] is not None and not generic_outcome(outcome["text"]):
        return recovery_outcome(outcome["text"])
    sentence = claim.get("text") or ""
    factor = (claim.get("factor") or {}).get("text") or ""
    outside = sentence.replace(factor, " ") if factor else sentence
    return mental_health_context(outside) or mental_health_context(title or "")


def keep(claim: dict[str, Any], all_claims: bool = False, title: str = "", min_confidence: float | None = None) -> bool:
    """Default filter of the evidence table: social and recovery-related claims that name their factor (a claim
    without factor text, e.g. from a run without a parser, W002, is kept only with ``all_claims``); ``title``: the
    record's title, context for an implicit outcome. With ``min_confidence``, a row must also have a ``confidence``
    (:mod:`.row_confidence`) at least that high, with or without ``all_claims``."""
    if min_confidence is not None and (claim.get("confidence") is None or claim["confidence"] < min_confidence):
        return False
    factor = (claim.get("factor") or {}).get("text") or ""
    return all_claims or (bool(factor.strip()) and claim.get("social", False) and is_recovery_related(claim, title))


def kept_claims(claims: list[dict[str, Any]], all_claims: bool = False, title: str = "",
                min_confidence: float | None = None) -> list[dict[str, Any]]:
    """The claims the evidence table (and so the HTML view) shows: :func:`keep` applied to each."""
    return [claim for claim in claims if keep(claim, all_claims, title, min_confidence)]


def _cite(citation: dict[str, Any]) -> str:
    if citation.get("numbers"):
        return "[" + ",".join(str(n) for n in citation["numbers"]) + "]"
    return f"{citation.get('authors', '')} {citation.get('year', '')}".strip()


def evidence_rows(record_id: str, claims: list[dict[str, Any]], title: str = "",
                  all_claims: bool = False, min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Rows of the evidence table for one record's claims (``Claim.to_dict()`` objects)."""
    rows = []
    for claim in kept_claims(claims, all_claims, title or "", min_confidence):
        rows.append({
            "record_id": record_id, "factor": claim["factor"]["text"], "direction": claim["direction"],
            "outcome": claim["outcome"]["text"], "strength": claim["strength"], "hedged": claim["hedged"],
            "certainty": claim.get("certainty", ""), "negated": claim["negated"], "design": claim["design"],
            "citations": "; ".join(_cite(c) for c in claim["citations"]),
            "theme": "; ".join(claim.get("themes", [])), "social": claim["social"], "score": claim["score"],
            "confidence": claim.get("confidence", ""), "sentence": claim["text"], "start": claim["start"], "end": claim["end"], "title": title,
        })
    return rows


def write_csv(rows: list[dict[str, Any]], path: str | Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def displacy_data(record_id: str, text: str, claims: list[dict[str, Any]], title: str = "") -> dict[str, Any]:
    """displaCy manual ``ent`` data: factor, outcome and a direction label on each claim sentence
    (overlaps dropped, first wins).

    Pass the claims to show (:func:`kept_claims`). displaCy escapes ``text`` but inserts ``title``
    and the labels into its HTML as they are, so those are HTML-escaped here; render the result
    with displaCy only (do not escape it again)."""
    ents: list[dict[str, Any]] = []
    for claim in claims:
        for part, label in (("factor", "FACTOR"), ("outcome", "OUTCOME")):
            span = claim[part]
            if span["start"] is not None and span["end"] > span["start"]:
                ents.append({"start": span["start"], "end": span["end"], "label": label})
        if claim["factor"]["start"] is None:
            ents.append({"start": claim["start"], "end": claim["end"],
                         "label": html.escape(str(claim["direction"]).upper())})
    ents.sort(key=lambda e: (e["start"], -e["end"]))
    kept, last_end = [], -1
    for ent in ents:
        if ent["start"] >= last_end:
            kept.append(ent)
            last_end = ent["end"]
    return {"text": text, "ents": kept, "title": html.escape(f"{record_id} {title or ''}".strip())}


def render_html(items: list[dict[str, Any]], claims_by_record: list[list[dict[str, Any]]]) -> str:
    """A standalone HTML page: each record's text with its claims highlighted, plus a claim list.

    ``items`` come from :func:`displacy_data` (title and labels already escaped; displaCy escapes the
    text); every other piece of record text put on the page is escaped here."""
    from spacy import displacy

    parts = ["<html><head><meta charset='utf-8'><title>srnlp claims</title></head><body>"]
    for item, claims in zip(items, claims_by_record):
        parts.append(displacy.render(item, style="ent", manual=True, page=False,
                                     options={"colors": COLOURS, "ents": list(COLOURS)}))
        parts.append("<ul>")
        for c in claims:
            parts.append("<li>" + html.escape(f"{c['factor']['text'] or '?'} —{c['direction']}→ "
                                              f"{c['outcome']['text']} ({c['strength']}"
                                              f"{', hedged' if c['hedged'] else ''}; design {c['design']}"
                                              + (f"; confidence {c['confidence']:.2f}" if c.get("confidence") is not None
                                                 else "") + ")") + "</li>")
        parts.append("</ul><hr>")
    parts.append("</body></html>")
    return "\n".join(parts)
