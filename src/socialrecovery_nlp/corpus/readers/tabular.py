"""CSV and tab-delimited exports (ASReview, Scopus, Web of Science, Zotero, or any table).

Streams rows with the :mod:`csv` module. The delimiter (comma, tab or semicolon) is taken from
the header line; columns are found by :mod:`..columns` or a user ``column_map``. Authors and
keywords are split on ``;`` (Scopus' older ``Smith J., Doe A.`` author lists on ``., ``). Columns
that are not record fields are kept in ``Record.extra`` when not empty.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from ...errors import SrnlpError
from ..clean import split_list
from ..columns import resolve
from ..context import ReadContext
from ..record import Record
from . import _text

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
_OLD_SCOPUS_AUTHORS = re.compile(r"(?<=\.),\s+")
_LIST_FIELDS = ("authors", "keywords")


def delimiter_of(header_line: str) -> str:
    """The delimiter of a table from its header line."""
    if "\t" in header_line:
        return "\t"
    return ";" if header_line.count(";") > header_line.count(",") else ","


def split_authors(value: str) -> list[str]:
    if ";" in value:
        return split_list(value)
    if _OLD_SCOPUS_AUTHORS.search(value):
        return [a.strip() for a in _OLD_SCOPUS_AUTHORS.split(value) if a.strip()]
    return [value.strip()] if value.strip() else []


def read(path: Path, ctx: ReadContext) -> Iterator[Record]:
    src = _text.source(path, ctx)
    with src.open() as fh:
        first = fh.readline()
        header_line = first.lstrip("\ufeff")
        fh.seek(0)
        if first.startswith("\ufeff"):
            fh.read(1)
        reader = csv.reader(fh, delimiter=delimiter_of(header_line))
        try:
            header = next(reader)
        except StopIteration:
            raise SrnlpError("E104", path=ctx.display, reason="the file is empty") from None
        missing: list[str] = []
        columns = resolve(header, ctx.column_map, missing)
        for column in missing:
            ctx.file_warning("W113", column=column)
        if "title" not in columns and "abstract" not in columns:
            raise SrnlpError("E106", path=ctx.display, columns=", ".join(repr(h) for h in header[:30]))
        used = set(columns.values())
        others = [(i, name.strip()) for i, name in enumerate(header) if i not in used and name.strip()]
        items = list(columns.items())
        width = len(header)
        line = reader.line_num
        while True:
            start = line + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                line = reader.line_num
                ctx.skip(start, f"malformed CSV row ({exc})")
                continue
            line = reader.line_num
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            try:
                if len(row) < width:
                    row = row + [""] * (width - len(row))
                values = {field: row[index] for field, index in items}
                for field in _LIST_FIELDS:
                    if field in values:
                        raw = values[field]
                        values[field] = split_authors(raw) if field == "authors" else split_list(raw)
                extra = {name: row[i] for i, name in others if row[i] != ""}
                for key in ("doi", "pmid", "year", "label_included", "journal", "language"):
                    if key in values and values[key].strip() == "":
                        values[key] = None
                record = Record(id=values.pop("id", "") or "", source_line=start, extra=extra, **values)
                yield ctx.finish(record)
            except Exception as exc:  # one bad row never stops the file
                ctx.skip(start, f"cannot read row ({exc})")
    _text.report_encoding(src, ctx)
