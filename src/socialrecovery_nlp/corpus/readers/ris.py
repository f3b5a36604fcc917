"""RIS (Zotero, EndNote, Mendeley, Scopus, Web of Science, Ovid/Embase, EBSCO/CINAHL exports).

Streaming: the file is read 1 MB at a time and the regex engine cuts it at ``ER`` lines, so Python
code runs once per record, not per line. ``TY`` opens a record, ``ER`` closes it, ``XX  - value``
lines are fields, untagged lines continue the previous field. Tags are named after rispy's
``TAG_KEY_MAPPING`` when kept in ``Record.extra``. A record that is not closed before the next
``TY`` or the end of the file is kept with W109; tags before any ``TY`` open a record with W110.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..clean import split_list
from ..context import ReadContext
from ..record import Record
from . import _text

_TITLE = ("TI", "T1", "CT")
_ABSTRACT = ("AB", "N2")
_AUTHORS = ("AU", "A1")
_YEAR = ("PY", "Y1", "DA")
_JOURNAL = ("T2", "JF", "JO", "JA", "J2")
_USED = frozenset(("TY", "ID", "DO", "AN", "DB", "DP", "KW", "LA", "UR") + _TITLE + _ABSTRACT + _AUTHORS + _YEAR + _JOURNAL)
_KEEP = frozenset(("DB", "DP", "LA", "UR", "AN"))
_DROP = _USED - _KEEP  # tags read into Record fields; the others go to ``extra``
_PUBMED_DB = re.compile(r"pubmed|medline", re.IGNORECASE)
_PMID_NOTE = re.compile(r"^PMID:\s*(\d+)\s*$")
_DOI_URL = re.compile(r"doi\.org/(10\.\S+)", re.IGNORECASE)

try:  # rispy's names for the tags we keep in ``extra``
    from rispy import TAG_KEY_MAPPING as _NAMES
except ImportError:  # pragma: no cover - rispy is a dependency
    _NAMES = {}


def _first(fields: dict[str, list[str]], tags: tuple[str, ...]) -> str | None:
    for tag in tags:
        values = fields.get(tag)
        if values:
            return values[0] if len(values) == 1 else " ".join(values)
    return None


def _one(values: list[str] | None) -> str | None:
    """``_first`` for a single tag: its value, or its values joined by a space."""
    if values:
        return values[0] if len(values) == 1 else " ".join(values)
    return None


def build(fields: dict[str, list[str]], line: int) -> Record:
    """A :class:`Record` from the tag -> values of one RIS record."""
    get = fields.get
    authors = get("AU") or get("A1") or []
    keywords: list[str] = get("KW") or []
    if keywords and ";" in "".join(keywords):  # some exports put all keywords on one KW line
        keywords = [k for value in keywords for k in split_list(value)]
    doi = _one(get("DO"))
    if not doi and "UR" in fields:
        for url in fields["UR"]:
            match = _DOI_URL.search(url)
            if match:
                doi = match.group(1)
                break
    pmid = None
    if "AN" in fields and ("DB" in fields or "DP" in fields) and _PUBMED_DB.search(
        " ".join((get("DB") or []) + (get("DP") or []))
    ):
        pmid = get("AN")[0].strip()
    if pmid is None and "N1" in fields:
        for note in fields["N1"]:
            match = _PMID_NOTE.match(note)
            if match:
                pmid = match.group(1)
                break
    extra: dict[str, object] = {}
    for tag in fields.keys() - _DROP:
        if tag == "AN" and pmid:
            continue
        values = fields[tag]
        extra[_NAMES.get(tag, tag)] = values if len(values) > 1 or tag in ("N1", "UR") else values[0]
    if "TY" in fields:
        extra["type_of_reference"] = fields["TY"][0]
    return Record(
        id=_one(get("ID")) or "",
        title=_one(get("TI")) or _first(fields, _TITLE) or "",
        abstract=_one(get("AB")) or _first(fields, _ABSTRACT) or "",
        authors=authors,
        year=_first(fields, _YEAR),
        journal=_first(fields, _JOURNAL),
        doi=doi,
        pmid=pmid,
        keywords=keywords,
        source_line=line,
        extra=extra,
    )


# Patterns start with a literal "\n" so the regex engine can skip ahead with a fast search.
_END = re.compile(r"\nER(?:[ \t]{1,3}-[^\n]*)?[ \t]*(?=\n|$)")
_START = re.compile(r"TY[ \t]{1,3}-")
_FIELD = re.compile(
    r"^([A-Z][A-Z0-9])[ \t]{1,3}-(?:[ \t]|$)([^\n]*(?:\n(?![A-Z][A-Z0-9][ \t]{1,3}-(?:[ \t]|$))[^\n]*)*)",
    re.MULTILINE,
)


# _FIELD as a separator: ``split`` gives [head, tag, value, tag, value, ...] with no tuple per field,
# and the literal "\n" in front lets the regex engine jump from line start to line start.
_SPLIT = re.compile(r"\n([A-Z][A-Z0-9])[ \t]{1,3}-(?=[ \t\n]|$)[ \t]?")


def parse_fields(text: str) -> dict[str, list[str]]:
    """Tag -> values of one record's text; continuation lines are joined with a space."""
    fields: dict[str, list[str]] = {}
    parts = _SPLIT.split("\n" + text)
    pairs = iter(parts)
    next(pairs)  # text before the first tag
    for tag, value in zip(pairs, pairs):
        value = " ".join(value.split()) if "\n" in value else value.strip()
        values = fields.get(tag)
        if values is None:
            fields[tag] = [value]
        else:
            values.append(value)
    return fields


def _segments(block: str, closed: bool) -> list[tuple[int, str, list[tuple[str, dict[str, str]]]]]:
    """The records in the text before one ``ER``: ``(offset, text, problems)``."""
    # the common case: blank lines, then one record from TY to ER
    begin = 2 if block.startswith("\n\nTY") else 1 if block.startswith("\nTY") else 0
    if _START.match(block, begin) and block.find("\nTY", begin) == -1:
        return [(begin, block[begin:] if begin else block, [] if closed else [("W109", {"end": "ER"})])]
    starts = [0] if _START.match(block) else []
    i = block.find("\nTY")
    while i != -1:
        if _START.match(block, i + 1):
            starts.append(i + 1)
        i = block.find("\nTY", i + 1)
    out = []
    head = block[: starts[0]] if starts else block
    if head.strip() and _FIELD.search(head):  # tags before any TY
        problems = [("W110", {"start": "TY"})]
        if starts or not closed:
            problems.append(("W109", {"end": "ER"}))
        out.append((_FIELD.search(head).start(), head, problems))
    for i, begin in enumerate(starts):
        last = i == len(starts) - 1
        text = block[begin : starts[i + 1]] if not last else block[begin:]
        out.append((begin, text, [] if (last and closed) else [("W109", {"end": "ER"})]))
    return out


def read(path: Path, ctx: ReadContext) -> Iterator[Record]:
    for first_line, block, closed in _text.blocks(path, ctx, _END, restart="\nTY  -"):
        for offset, text, problems in _segments(block, closed):
            line = first_line + block.count("\n", 0, offset)
            try:
                record = build(parse_fields(text), line)
                for code, info in problems:
                    ctx.warn(record, code, **info)
                record = ctx.finish(record)
            except Exception as exc:  # one bad record never stops the file
                ctx.skip(line, f"cannot read record ({exc})")
                continue
            yield record
