"""RefWorks tagged export (``RT`` starts a record; ``A1``, ``T1``, ``JF``, ``YR``, ``AB`` ...).

Two-character tags, a space, the value; records are separated by blank lines and each begins
with ``RT`` (the reference type). Repeated list tags (``A1``/``A2``/``K1``) add items; a line
that does not start with a RefWorks tag continues the previous field (so a wrapped abstract line
such as "US adults were ..." stays in the abstract). ``ID`` becomes the record id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..clean import split_list
from ..context import ReadContext
from ..record import Record
from . import _text

_TAG = re.compile(r"^([A-Z][A-Z0-9])(?: (.*))?$")
#: The tags of the RefWorks tagged format; any other "XX text" line is text, not a tag.
_KNOWN = frozenset((
    "RT", "SR", "ID", "A1", "A2", "A3", "A4", "A5", "A6", "T1", "T2", "T3", "JF", "JO", "YR", "FD",
    "VO", "IS", "SP", "OP", "K1", "AB", "NO", "ED", "PB", "PP", "SN", "AV", "AD", "AN", "LA", "CL",
    "SF", "OT", "LK", "DO", "CN", "DB", "DS", "IP", "RD", "ST", "U1", "U2", "U3", "U4", "U5", "UL",
    "WT", "WV", "OL", "FT", "CR", "ER",
))
_LISTS = frozenset(("A1", "A2", "A3", "A4", "A5", "K1"))
_USED = frozenset(("RT", "ID", "A1", "T1", "JF", "JO", "T2", "YR", "FD", "AB", "K1", "DO", "LA", "AN"))
_PMID = re.compile(r"^(?:PMID:?\s*)?(\d{1,9})$")


def build(fields: dict[str, list[str]], line: int) -> Record:
    get = fields.get

    def text(*tags: str) -> str:
        for tag in tags:
            if get(tag):
                return " ".join(get(tag))
        return ""

    keywords: list[str] = []
    for value in get("K1") or []:
        keywords.extend(split_list(value))
    extra: dict[str, object] = {}
    if get("RT"):
        extra["type_of_reference"] = text("RT")
    if get("LA"):
        extra["language_metadata"] = text("LA")
    for tag, values in fields.items():
        if tag not in _USED:
            extra[tag] = values if tag in _LISTS else " ".join(values)
    accession = _PMID.match(text("AN"))
    year = text("YR") or (text("FD")[:4] if text("FD")[:4].isdigit() else "")
    return Record(
        id=text("ID"),
        title=text("T1"),
        abstract=text("AB"),
        authors=list(get("A1") or []),
        year=year or None,
        journal=text("JF", "JO", "T2") or None,
        doi=text("DO") or None,
        pmid=accession.group(1) if accession else None,
        keywords=keywords,
        source_line=line,
        extra=extra,
    )


def read(path: Path, ctx: ReadContext) -> Iterator[Record]:
    fields: dict[str, list[str]] | None = None
    start = 0
    last = ""

    def emit() -> Record | None:
        try:
            return ctx.finish(build(fields or {}, start))
        except Exception as exc:  # one bad record never stops the file
            ctx.skip(start, f"cannot read record ({exc})")
            return None

    for number, line in _text.lines(path, ctx):
        if not line.strip():
            last = ""  # a blank line ends the field; the record ends at the next RT
            continue
        match = _TAG.match(line.lstrip("\ufeff").rstrip())
        if match is not None and match.group(1) not in _KNOWN:
            match = None  # "US adults were ...": text that happens to start like a tag
        if match is None:
            if fields is not None and last:
                fields[last][-1] = f"{fields[last][-1]} {line.strip()}"
            else:
                ctx.file_warning("W114", line=number, reason="text outside a record (no RT line before it)")
            continue
        tag, value = match.group(1), (match.group(2) or "").strip()
        if tag == "RT":
            if fields is not None:
                record = emit()
                if record is not None:
                    yield record
            fields, start = {}, number
        elif fields is None:
            ctx.file_warning("W114", line=number, reason=f"tag {tag} before the first RT line")
            continue
        fields.setdefault(tag, []).append(value)
        last = tag
    if fields is not None:
        record = emit()
        if record is not None:
            yield record
