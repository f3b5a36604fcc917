"""Streaming over the record elements of an XML export, shared by the XML readers.

``iterparse`` hands over one record element at a time; after it is read, the element and the
siblings before it are dropped, so memory stays flat on files of any size. A record that cannot be
read is skipped (W101); malformed XML stops the file (W112), keeping the records read before it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..context import ReadContext
from ..record import Record


def stream(
    path: Path,
    ctx: ReadContext,
    tag: str | tuple[str, ...],
    build: Callable[[Any], Record],
    what: str = "record",
    prepare: Callable[[Any], bool] | None = None,
) -> Iterator[Record]:
    """Records built from every ``tag`` element of ``path``. ``prepare(elem)`` runs first and
    returns False for an element that is not a record (it is then passed over)."""
    from lxml import etree

    ctx.report.encoding = "xml"
    context = etree.iterparse(str(path), events=("end",), tag=tag, resolve_entities=False, huge_tree=True)
    last_line = 1
    try:
        for _event, elem in context:
            last_line = elem.sourceline or last_line
            if prepare is None or prepare(elem):
                try:
                    yield ctx.finish(build(elem))
                except Exception as exc:  # one bad record never stops the file
                    ctx.skip(elem.sourceline, f"cannot read {what} ({exc})")
            elem.clear(keep_tail=True)
            parent = elem.getparent()
            while parent is not None and elem.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as exc:
        ctx.file_warning("W112", line=getattr(exc, "lineno", None) or last_line, reason=getattr(exc, "msg", str(exc)))
