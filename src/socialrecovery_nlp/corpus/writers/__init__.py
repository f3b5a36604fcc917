"""Writers: analyze output (one dict per record) and plain records, streamed to a file.

``write_results(results, path, fmt)`` — ``jsonl`` (canonical), ``csv`` (flattened), ``parquet``,
``ris`` (labels as keywords and a note), ``asreview`` (ASReview LAB CSV plus our label columns).
``write_records(records, path, fmt)`` — ``jsonl``, ``csv``, ``ris``, ``medline``, ``bibtex``:
the plain :class:`Record` fields, readable back by :func:`read_records`.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ...errors import SrnlpError
from ..record import Record

OUTPUT_FORMATS = ("jsonl", "csv", "parquet", "ris", "asreview")
RECORD_FORMATS = ("jsonl", "csv", "ris", "medline", "bibtex")
_MODULES = {"jsonl": "jsonl", "csv": "table", "parquet": "parquet", "ris": "ris", "asreview": "asreview",
            "medline": "medline", "bibtex": "bibtex"}
_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".ris": "ris",
               ".nbib": "medline", ".bib": "bibtex"}
#: Record fields that RIS and ASReview output take from the record (see :func:`with_record`).
BIBLIOGRAPHIC = ("abstract", "authors", "journal", "keywords", "label_included")


def format_for(path: str | Path, fmt: str | None, choices: tuple[str, ...]) -> str:
    """``fmt`` checked against ``choices``, or the format the extension names (E005)."""
    fmt = fmt or _EXTENSIONS.get(Path(path).suffix.lower())
    if fmt not in choices:
        raise SrnlpError("E005", fmt=fmt, choices=", ".join(choices))
    return fmt


def with_record(result: dict[str, Any], record: Record) -> dict[str, Any]:
    """A copy of ``result`` with the record's bibliographic fields added (for RIS/ASReview)."""
    merged = dict(result)
    for name in BIBLIOGRAPHIC:
        merged.setdefault(name, getattr(record, name))
    return merged


def write_results(results: Iterable[dict[str, Any]], path: str | Path, fmt: str | None = None) -> int:
    """Write analyze output objects; returns the number written. ``fmt`` defaults from the suffix."""
    fmt = format_for(path, fmt, OUTPUT_FORMATS)
    module = importlib.import_module(f"{__name__}.{_MODULES[fmt]}")
    return module.write_results(results, Path(path))


def write_records(records: Iterable[Record], path: str | Path, fmt: str | None = None) -> int:
    """Write plain records so that :func:`read_records` reads them back; returns the count."""
    fmt = format_for(path, fmt, RECORD_FORMATS)
    module = importlib.import_module(f"{__name__}.{_MODULES[fmt]}")
    return module.write_records(records, Path(path))
