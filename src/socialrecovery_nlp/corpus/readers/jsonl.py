"""JSON Lines: one object per line, our :class:`Record` dicts, ``srnlp analyze`` output, or any
objects whose keys a ``column_map`` names (``{"title": "headline"}``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..clean import split_list
from ..columns import ALIASES
from ..context import ReadContext
from ..record import Record, Section
from . import _text

_FIELDS = set(Record.__dataclass_fields__)
_ALIAS_KEYS = {alias: field for field, aliases in ALIASES.items() for alias in aliases if alias not in _FIELDS}


def to_record(obj: dict[str, Any], line: int, column_map: dict[str, str] | None) -> Record:
    data = dict(obj)
    for field, key in (column_map or {}).items():
        if key in data:
            data[field] = data.pop(key)
    for alias, field in _ALIAS_KEYS.items():
        if alias in data and field not in data:
            data[field] = data.pop(alias)
    source = data.pop("source", None)
    for key in ("source_file", "source_line", "warnings"):
        data.pop(key, None)
    if isinstance(source, dict):
        data["original_source"] = source
    for field in ("authors", "keywords"):
        value = data.get(field)
        if isinstance(value, str):
            data[field] = split_list(value)
        elif value is None and field in data:
            data[field] = []
        elif value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise ValueError(f"{field!r} must be a list of strings or a ';'-separated string")
    sections = data.get("sections")
    if sections is not None and not isinstance(sections, list):
        raise ValueError("'sections' must be a list")
    data["sections"] = [Section(**s) if isinstance(s, dict) else s for s in sections or []]
    for field in ("id", "pmid"):
        if data.get(field) is not None:
            data[field] = str(data[field])
    data.setdefault("id", "")
    record = Record.from_dict(data)
    record.source_line = line
    return record


def read(path: Path, ctx: ReadContext) -> Iterator[Record]:
    loads = json.loads
    for number, line in _text.lines(path, ctx):
        if not line.strip():
            continue
        try:
            obj = loads(line)
        except ValueError as exc:
            ctx.skip(number, f"not valid JSON ({exc.args[0] if exc.args else exc})")
            continue
        if not isinstance(obj, dict):
            ctx.skip(number, f"expected a JSON object, got {type(obj).__name__}")
            continue
        try:
            record = to_record(obj, number, ctx.column_map)
            yield ctx.finish(record)
        except Exception as exc:  # one bad record never stops the file
            ctx.skip(number, f"cannot read record ({exc})")
