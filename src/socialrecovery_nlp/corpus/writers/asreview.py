"""ASReview-compatible CSV: its columns first, then ours (``srnlp_*``).

ASReview LAB reads ``record_id, title, abstract, authors, year, doi, keywords, label_included``;
our labels follow as ``srnlp_processes``, ``srnlp_themes`` (``"; "``-joined ids),
``srnlp_design`` and ``srnlp_claims`` (the number of claims found).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

COLUMNS = ("record_id", "title", "abstract", "authors", "year", "doi", "keywords", "label_included",
           "srnlp_processes", "srnlp_themes", "srnlp_design", "srnlp_claims")


def row(result: dict[str, Any]) -> list[str]:
    labels = result.get("labels") or {}
    design = result.get("design") or {}
    claims = result.get("claims")
    values = [
        result.get("id"), result.get("title"), result.get("abstract"),
        "; ".join(result.get("authors") or []), result.get("year"), result.get("doi"),
        "; ".join(result.get("keywords") or []), result.get("label_included"),
        "; ".join(labels.get("processes") or []), "; ".join(labels.get("themes") or []),
        design.get("label"), len(claims) if claims is not None else None,
    ]
    return ["" if v is None else str(v) for v in values]


def write_results(results: Iterable[dict[str, Any]], path: Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for result in results:
            writer.writerow(row(result))
            count += 1
    return count
