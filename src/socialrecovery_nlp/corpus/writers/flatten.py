"""Flatten one ``srnlp analyze`` output object into columns for CSV and Parquet.

Nested dicts become prefixed columns (``processes.connectedness``, ``source.file``); lists of
scalars stay lists (CSV joins them with ``"; "``); lists of objects and the free-form fields
(``evidence``, ``claims``, ``matches``, ``design.evidence``) become compact JSON strings.
"""

from __future__ import annotations

import json
from typing import Any

#: Fields kept whole as one JSON column.
JSON_FIELDS = frozenset(("evidence", "claims", "matches", "design.evidence", "extra"))
#: Leading columns, in this order, when present.
LEADING = ("id", "title", "year", "doi", "pmid", "source.file", "source.line", "warnings")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def flatten(obj: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"processes": {"hope": 0.9}}`` -> ``{"processes.hope": 0.9}`` (see module doc)."""
    flat: dict[str, Any] = {}
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if name in JSON_FIELDS:
            flat[name] = None if value is None else _json(value)
        elif isinstance(value, dict):
            flat.update(flatten(value, name + "."))
        elif isinstance(value, (list, tuple)):
            if all(v is None or isinstance(v, (str, int, float, bool)) for v in value):
                flat[name] = [str(v) for v in value if v is not None]
            else:
                flat[name] = _json(value)
        else:
            flat[name] = value
    return flat


def cell(value: Any) -> str:
    """The CSV text of a flattened value."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def order_columns(columns: list[str]) -> list[str]:
    lead = [c for c in LEADING if c in columns]
    return lead + [c for c in columns if c not in LEADING]
