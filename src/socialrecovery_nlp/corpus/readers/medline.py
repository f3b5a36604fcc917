"""PubMed MEDLINE / .nbib (``PMID- ``, ``TI  - ``, continuation lines indented by six spaces).

Streaming, 1 MB at a time, records cut by the regex engine. A record starts at ``PMID-`` (or at
the first tag after a blank line) and ends at a blank line or the next ``PMID-``. ``FAU`` (full names) are preferred over ``AU``;
the DOI comes from ``LID``/``AID`` values marked ``[doi]``; ``OT`` gives keywords, ``MH`` MeSH
terms (``extra["mesh"]``), ``LA`` the language of the article (``extra["language_metadata"]``).
Blocks in PubMed's own layout take a shorter path (:func:`simple_fields`) with the same result.
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
    """A :class:`Record` from the tag -> values of one record (``fields`` is not used after)."""
    get = fields.get
    extra: dict[str, object] = {}
    if get("MH"):
        extra["mesh"] = get("MH")
    if get("LA"):
        extra["language_metadata"] = get("LA")[0]
    if get("PT"):
        extra["publication_types"] = get("PT")
    if not fields.keys() <= _KNOWN:  # a subset test builds no set
        for tag in fields.keys() - _KNOWN:
            values = fields[tag]
            extra[tag] = values if len(values) > 1 else values[0]
    pmid = (get("PMID") or [None])[0]
    journal = get("JT") or get("TA")
    return Record(
        id="",
        title=" ".join(get("TI") or get("BTI") or []),
        abstract=" ".join(get("AB") or []),
        authors=get("FAU") or get("AU") or [],  # the lists of ``fields`` itself: no copies
        year=(get("DP") or [None])[0],
        journal=journal[0] if journal else None,
        doi=_doi(get("LID")) or _doi(get("AID")),
        pmid=pmid,
        keywords=get("OT") or [],
        source_line=line,
        extra=extra,
    )


# a line break, then blank lines; ``\n(?:[ \t]*\n)+`` written so that the regex engine's
# attempt at each line break is a cheap single-character repeat, not a group repeat
_END = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
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


def simple_fields(block: str) -> dict[str, list[str]] | None:
    """:func:`parse_fields` of a block in PubMed's own layout, or ``None`` for any other block.

    PubMed's layout: the block starts with a tag line, every further line is a tag line or a
    continuation indented by exactly six spaces, and ``PMID`` comes only first (so the block is
    one record). Nearly every block of an export looks like this, and for those the work of
    :func:`read`'s general path can be skipped: no search for further ``PMID-`` lines (a second
    ``PMID`` line shows up as a tag here) and the continuation indent is replaced only inside
    values that have one, instead of in the whole text first. Whenever a value still holds a
    line break after that replacement (a line that is neither a tag nor a continuation, a
    ``PMID-`` without its space included), ``None`` sends the block down the general path, so
    both paths give the same fields.
    """
    parts = _SPLIT.split("\n" + block)
    if parts[0]:  # the block does not start with a tag line
        return None
    fields: dict[str, list[str]] = {}
    it = iter(parts)
    next(it)
    for tag, value in zip(it, it):
        if "\n" in value:
            # == value.replace("\n      ", " "), in one pass over the value where replace takes two
            value = " ".join(value.split("\n      "))
            if "\n" in value:
                return None
        values = fields.get(tag)
        if values is None:
            fields[tag] = [value.strip()]
        else:
            values.append(value.strip())
    if parts[1] != "PMID" and "PMID" in fields or len(fields.get("PMID", ())) > 1:
        return None  # a PMID line after the first line: several records
    return fields


def read(path: Path, ctx: ReadContext) -> Iterator[Record]:
    """The records of a MEDLINE file; blocks that :func:`simple_fields` declines take the general
    path (:func:`_read_block`)."""
    for first_line, block, _closed in _text.blocks(path, ctx, _END, restart="\nPMID-"):
        if not block or block.isspace():  # ``not block.strip()`` without copying the block
            continue
        fields = simple_fields(block)
        if fields is None:
            yield from _read_block(block, first_line, ctx)
        elif (record := _finish(fields, first_line, ctx)) is not None:
            yield record


def _finish(fields: dict[str, list[str]], line: int, ctx: ReadContext) -> Record | None:
    """The finished record, or ``None`` after reporting why it could not be read."""
    try:
        return ctx.finish(build(fields, line))
    except Exception as exc:  # one bad record never stops the file
        ctx.skip(line, f"cannot read record ({exc})")
        return None


def _read_block(block: str, first_line: int, ctx: ReadContext) -> Iterator[Record]:
    """The general path: the records of any block, cut at ``PMID-`` lines, tag lines found by
    :func:`parse_fields`."""
    starts = _segments(block)
    for i, begin in enumerate(starts):
        text = block[begin : starts[i + 1]] if i + 1 < len(starts) else block[begin:]
        lead = len(text) - len(text.lstrip()) if text[:1].isspace() else 0
        line = first_line + block.count("\n", 0, begin + lead)
        fields = parse_fields(text)
        if not fields:
            if text.strip():
                ctx.skip(line, "no MEDLINE tags (expected lines like 'TI  - title')")
        elif (record := _finish(fields, line, ctx)) is not None:
            yield record
