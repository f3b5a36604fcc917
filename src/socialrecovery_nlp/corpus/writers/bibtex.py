"""BibTeX for plain records: ``@article`` entries, LaTeX special characters escaped."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..record import Record

_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$",
            "#": r"\#", "_": r"\_"}
_SPECIAL_RE = re.compile(r"[\\{}%&$#_]")
_KEY = re.compile(r"[^A-Za-z0-9_:.\-]+")


def escape(text: str) -> str:
    return _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group(0)], " ".join(str(text).split()))


def _keywords(keywords: list[str]) -> str:
    # readers split on ";" when there is one, else on ","; a lone keyword with a comma keeps a ";"
    return "; ".join(keywords) + (";" if len(keywords) == 1 and "," in keywords[0] else "")


def entry_key(record: Record) -> str:
    return _KEY.sub("_", record.id) or "record"


def record_lines(record: Record) -> Iterator[str]:
    yield f"@article{{{entry_key(record)},\n"
    fields = [
        ("title", record.title), ("author", " and ".join(record.authors)), ("year", record.year),
        ("journal", record.journal), ("abstract", record.abstract), ("doi", record.doi),
        ("pmid", record.pmid), ("keywords", _keywords(record.keywords)),
    ]
    for name, value in fields:
        if value not in (None, ""):
            yield f"  {name} = {{{escape(value)}}},\n"
    yield "}\n\n"


def write_records(records: Iterable[Record], path: Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for record in records:
            fh.writelines(record_lines(record))
            count += 1
    return count
