"""PubMed MEDLINE / .nbib (``PMID- ``, ``TI  - ``, continuation lines indented by six spaces).

Streaming, 1 MB at a time, records cut by the regex engine. A record starts at ``PMID-`` (or at
the first tag after a blank line) and ends at a blank line or the next ``PMID-``. ``FAU`` (full names) are preferred over ``AU``;
the DOI comes from ``LID``/``AID`` values marked ``[doi]``; ``OT`` gives keywords, ``MH`` MeSH
terms (``extra["mesh"]``), ``LA`` the language of the article (``extra["language_metadata"]``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..context import ReadContext
from ..record import Record
from . import _text

_KNOWN = frozenset(("PMID", "TI", "AB", "FAU", "AU", "DP", "JT", "TA", "LID", "AID", "OT", "MH", "LA", "PT"))


def _doi(values: list[str] | None) -> str | None:
    for value in values or ():
        if value.endswith("[doi]"):
            return value[:-5].strip()
    return None


def build(fields: dict[str, list[str]], line: int) -> Record:
    get = fields.get
    extra: dict[str, object] = {}
    if get("MH"):
        extra["mesh"] = get("MH")
    if get("LA"):
        extra["language_metadata"] = get("LA")[0]
    if get("PT"):
        extra["publication_types"] = get("PT")
    for tag in fields.keys() - _KNOWN:
        values = fields[tag]
        extra[tag] = values if len(values) > 1 else values[0]
    pmid = (get("PMID") or [None])[0]
    journal = get("JT") or get("TA")
    return Record(
        id="",
        title=" ".join(get("TI") or get("BTI") or []),
        abstract=" ".join(get("AB") or []),
        authors=list(get("FAU") or get("AU") or []),
        year=(get("DP") or [None])[0],
        journal=journal[0] if journal else None,
        doi=_doi(get("LID")) or _doi(get("AID")),
        pmid=pmid,
        keywords=list(get("OT") or []),
        source_line=line,
        extra=extra,
    )


_END = re.compile(r"\n(?:[ \t]*\n)+")
_FIELD = re.compile(r"^([A-Z][A-Z0-9]{0,3}) *- ?([^\n]*(?:\n(?![A-Z][A-Z0-9]{0,3} *- )[^\n]*)*)", re.MULTILINE)
_PMID = re.compile(r"PMID- ")
# _FIELD's record separator: a tag line (with its "- ") after a newline
_SPLIT = re.compile(r"\n([A-Z][A-Z0-9]{0,3}) *- ")


def parse_fields(text: str) -> dict[str, list[str]]:
    """Tag -> values of one record's text; continuation lines are joined with a space."""
    fields: dict[str, list[str]] = {}
    text = text.replace("\n      ", " ")  # PubMed's continuation lines, joined in one C pass
    parts = _SPLIT.split("\n" + text)
    if parts[0]:  # not a tag line first (e.g. ``PMID-123``): the tag-by-tag reading
        pairs = _FIELD.findall(text)
    else:  # [head, tag, value, tag, value, ...]: no tuple per field
        it = iter(parts)
        next(it)
        pairs = zip(it, it)
    for tag, value in pairs:
        if "\n" in value:
            value = value.replace("\n      ", " ")  # PubMed's own continuation indent
            value = " ".join(value.split()) if "\n" in value else value.strip()
        else:
            value = value.strip()
        values = fields.get(tag)
        if values is None:
            fields[tag] = [value]
        else:
            values.append(value)
    return fields


def _segments(block: str) -> list[int]:
    """Offsets of the records in a block: its start and every further ``PMID-`` line."""
    starts = [0]
    i = block.find("\nPMID-")
    while i != -1:
        starts.append(i + 1)
        i = block.find("\nPMID-", i + 1)
    return starts


def read(path: Path, ctx: ReadContext) -> Iterator[Record]:
    for first_line, block, _closed in _text.blocks(path, ctx, _END, restart="\nPMID-"):
        if not block or block.isspace():  # ``not block.strip()`` without copying the block
            continue
        starts = _segments(block)
        for i, begin in enumerate(starts):
            text = block[begin : starts[i + 1]] if i + 1 < len(starts) else block[begin:]
            lead = len(text) - len(text.lstrip()) if text[:1].isspace() else 0
            line = first_line + block.count("\n", 0, begin + lead)
            fields = parse_fields(text)
            if not fields:
                if text.strip():
                    ctx.skip(line, "no MEDLINE tags (expected lines like 'TI  - title')")
                continue
            try:
                record = ctx.finish(build(fields, line))
            except Exception as exc:  # one bad record never stops the file
                ctx.skip(line, f"cannot read record ({exc})")
                continue
            yield record
