"""Web of Science plain-text export (``FN``/``VR`` header, ``PT`` ... ``ER`` records).

Two-letter tags at the start of a line, continuation lines indented by three spaces. For list
fields (authors, addresses, cited references) every continuation line is a new item; for the
others it continues the text. ``UT`` (the WoS accession number) becomes the record id.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..clean import split_list
from ..context import ReadContext
from ..record import Record
from . import _text

_LISTS = frozenset(("AU", "AF", "CR", "C1", "C3", "BA", "BF", "BE", "CA", "GP"))
_USED = frozenset(("PT", "AU", "AF", "TI", "SO", "DE", "AB", "PY", "DI", "PM", "UT", "LA", "ID", "CR"))


def build(fields: dict[str, list[str]], line: int) -> Record:
    get = fields.get
    extra: dict[str, object] = {}
    if get("ID"):
        extra["keywords_plus"] = split_list(" ".join(get("ID")))
    if get("LA"):
        extra["language_metadata"] = get("LA")[0]
    if get("PT"):
        extra["type_of_reference"] = get("PT")[0]
    for tag, values in fields.items():
        if tag not in _USED:
            extra[tag] = values if tag in _LISTS else " ".join(values)
    text = lambda tag: " ".join(get(tag) or [])
    return Record(
        id=text("UT"),
        title=text("TI"),
        abstract=text("AB"),
        authors=list(get("AF") or get("AU") or []),
        year=text("PY") or None,
        journal=text("SO") or None,
        doi=text("DI") or None,
        pmid=text("PM") or None,
        keywords=split_list(text("DE")),
        source_line=line,
        extra=extra,
    )


def read(path: Path, ctx: ReadContext) -> Iterator[Record]:
    fields: dict[str, list[str]] | None = None
    start = 0
    last = ""

    def emit(closed: bool) -> Record | None:
        try:
            record = build(fields or {}, start)
            if not closed:
                ctx.warn(record, "W109", end="ER")
            return ctx.finish(record)
        except Exception as exc:  # one bad record never stops the file
            ctx.skip(start, f"cannot read record ({exc})")
            return None

    for number, line in _text.lines(path, ctx):
        if not line.strip():
            continue
        if line.startswith("   "):
            if fields is not None and last:
                if last in _LISTS:
                    fields[last].append(line.strip())
                else:
                    fields[last][-1] = f"{fields[last][-1]} {line.strip()}"
            continue
        tag, value = line[:2], line[3:].strip()
        if tag in ("FN", "VR", "EF") and fields is None:
            continue
        if tag == "ER":
            if fields is not None:
                record = emit(closed=True)
                if record is not None:
                    yield record
            fields, last = None, ""
            continue
        if tag == "PT" and fields is not None:
            record = emit(closed=False)
            if record is not None:
                yield record
            fields = None
        if fields is None:
            fields, start = {}, number
        fields.setdefault(tag, []).append(value)
        last = tag
    if fields is not None:
        record = emit(closed=False)
        if record is not None:
            yield record
