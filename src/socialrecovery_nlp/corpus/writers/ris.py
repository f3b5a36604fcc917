"""RIS: analyze output with our labels as ``KW`` keywords and an ``N1`` note, and plain records.

Only standard tags are written so Zotero, EndNote and Mendeley import the file: labels become
keywords ``srnlp:process:<id>``, ``srnlp:theme:<id>``, ``srnlp:design:<id>``; probabilities,
the claim count and model versions go into one ``N1`` note starting ``srnlp:``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..record import Record

KEYWORD_PREFIX = "srnlp"


def _line(tag: str, value: Any) -> str:
    text = " ".join(str(value).split())
    return f"{tag}  - {text}\n"


def _lines(fields: dict[str, Any]) -> Iterator[str]:
    yield _line("TY", fields.get("type") or "JOUR")
    if fields.get("id"):
        yield _line("ID", fields["id"])
    if fields.get("title"):
        yield _line("TI", fields["title"])
    for author in fields.get("authors") or ():
        yield _line("AU", author)
    if fields.get("year") is not None:
        yield _line("PY", fields["year"])
    if fields.get("journal"):
        yield _line("T2", fields["journal"])
    if fields.get("abstract"):
        yield _line("AB", fields["abstract"])
    if fields.get("doi"):
        yield _line("DO", fields["doi"])
    for keyword in fields.get("keywords") or ():
        yield _line("KW", keyword)
    for note in fields.get("notes") or ():
        yield _line("N1", note)
    yield "ER  - \n\n"


def label_keywords(result: dict[str, Any]) -> list[str]:
    """``srnlp:process:hope``-style keywords for the labels in an analyze output object."""
    labels = result.get("labels") or {}
    keywords = [f"{KEYWORD_PREFIX}:process:{p}" for p in labels.get("processes") or ()]
    keywords += [f"{KEYWORD_PREFIX}:theme:{t}" for t in labels.get("themes") or ()]
    design = result.get("design") or {}
    if design.get("label"):
        keywords.append(f"{KEYWORD_PREFIX}:design:{design['label']}")
    return keywords


def label_note(result: dict[str, Any]) -> str | None:
    """One ``srnlp: ...`` note line summarising scores, claims and models."""
    parts = []
    labels = result.get("labels") or {}
    for group in ("processes", "themes"):
        scores = result.get(group) or {}
        chosen = labels.get(group) or []
        if chosen:
            parts.append(f"{group}: " + ", ".join(
                f"{i} {scores[i]:.2f}" if isinstance(scores.get(i), (int, float)) else i for i in chosen))
    design = result.get("design") or {}
    if design.get("label"):
        score = design.get("score")
        parts.append(f"design: {design['label']}" + (f" {score:.2f}" if isinstance(score, (int, float)) else ""))
    if result.get("claims") is not None:
        parts.append(f"claims: {len(result['claims'])}")
    if result.get("models"):
        parts.append("models: " + ", ".join(f"{k}={v}" for k, v in result["models"].items()))
    return f"{KEYWORD_PREFIX}: " + "; ".join(parts) if parts else None


def result_fields(result: dict[str, Any]) -> dict[str, Any]:
    notes = []
    if result.get("pmid"):
        notes.append(f"PMID: {result['pmid']}")
    note = label_note(result)
    if note:
        notes.append(note)
    return {
        "id": result.get("id"), "title": result.get("title"), "authors": result.get("authors"),
        "year": result.get("year"), "journal": result.get("journal"), "abstract": result.get("abstract"),
        "doi": result.get("doi"), "keywords": list(result.get("keywords") or []) + label_keywords(result),
        "notes": notes,
    }


def record_fields(record: Record) -> dict[str, Any]:
    return {
        "type": record.extra.get("type_of_reference") if isinstance(record.extra.get("type_of_reference"), str)
        and len(record.extra["type_of_reference"]) <= 6 and " " not in record.extra["type_of_reference"] else None,
        "id": record.id, "title": record.title, "authors": record.authors, "year": record.year,
        "journal": record.journal, "abstract": record.abstract, "doi": record.doi, "keywords": record.keywords,
        "notes": [f"PMID: {record.pmid}"] if record.pmid else [],
    }


def _write(items: Iterable[dict[str, Any]], path: Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for fields in items:
            fh.writelines(_lines(fields))
            count += 1
    return count


def write_results(results: Iterable[dict[str, Any]], path: Path) -> int:
    return _write((result_fields(r) for r in results), path)


def write_records(records: Iterable[Record], path: Path) -> int:
    return _write((record_fields(r) for r in records), path)
