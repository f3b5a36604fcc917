"""PubMed MEDLINE (.nbib) for plain records: tags padded to four characters, values wrapped at
88 columns with six-space continuation lines, records separated by a blank line."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..record import Record

WIDTH = 88
_wrapper = textwrap.TextWrapper(width=WIDTH - 6, break_long_words=False, break_on_hyphens=False)


def _field(tag: str, value: object) -> Iterator[str]:
    text = " ".join(str(value).split())
    lines = _wrapper.wrap(text) or [""]
    yield f"{tag:<4}- {lines[0]}\n"
    for line in lines[1:]:
        yield f"      {line}\n"


def record_lines(record: Record) -> Iterator[str]:
    if record.pmid:
        yield from _field("PMID", record.pmid)
    if record.title:
        yield from _field("TI", record.title)
    if record.abstract:
        yield from _field("AB", record.abstract)
    for author in record.authors:
        yield from _field("FAU", author)
    if record.year is not None:
        yield from _field("DP", record.year)
    if record.journal:
        yield from _field("JT", record.journal)
    if record.doi:
        yield from _field("LID", f"{record.doi} [doi]")
    for keyword in record.keywords:
        yield from _field("OT", keyword)
    yield "\n"


def write_records(records: Iterable[Record], path: Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for record in records:
            fh.writelines(record_lines(record))
            count += 1
    return count
