"""Line streaming shared by the text readers, with the encoding reported once per file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..context import ReadContext
from ..encoding import TextSource


def source(path: Path, ctx: ReadContext) -> TextSource:
    src = TextSource(path, getattr(ctx, "sniffed", None))
    ctx.report.encoding = src.encoding
    return src


def report_encoding(src: TextSource, ctx: ReadContext) -> None:
    description = src.describe()
    if description:
        ctx.report.encoding = description
        ctx.file_warning("W106", encoding=description)


def lines(path: Path, ctx: ReadContext) -> Iterator[tuple[int, str]]:
    """``(line_number, line)`` pairs of ``path`` without end-of-line characters; W106 is
    reported when the file is done. Hot readers iterate :func:`raw_lines` instead."""
    for number, line in raw_lines(path, ctx):
        yield number, line.rstrip("\r\n")


def raw_lines(path: Path, ctx: ReadContext) -> Iterator[tuple[int, str]]:
    """``(line_number, line)`` pairs, lines still ending in ``"\\n"`` (universal newlines)."""
    src = source(path, ctx)
    with src.open_lines() as fh:
        yield from enumerate(fh, 1)
    report_encoding(src, ctx)


CHUNK_CHARS = 1 << 20
MAX_OPEN_CHARS = 8 * CHUNK_CHARS


def blocks(
    path: Path, ctx: ReadContext, end: re.Pattern[str], restart: str | None = None
) -> Iterator[tuple[int, str, bool]]:
    """Split a text file into blocks ending at matches of ``end``, reading 1 MB at a time.

    Yields ``(first_line, block, closed)``: the 1-based line number of the block's first
    character, the text before the end marker, and whether an end marker closed it (the text
    after the last marker comes last with ``closed=False``). The regex engine finds the
    boundaries, so Python code runs per record, not per line. When no end marker turns up for
    :data:`MAX_OPEN_CHARS`, the text is cut before the last ``restart`` string (a record start)
    and passed on with ``closed=False``, so a file without end markers still streams.
    """
    src = source(path, ctx)
    buf = ""
    line = 1
    with src.open_lines() as fh:
        while True:
            data = fh.read(CHUNK_CHARS)
            eof = not data
            buf += data
            pos = 0
            for match in end.finditer(buf):
                if match.end() >= len(buf) and not eof:
                    break  # the marker may continue in the next chunk
                yield line, buf[pos : match.start()], True
                line += buf.count("\n", pos, match.end())
                pos = match.end()
            if restart and len(buf) - pos > MAX_OPEN_CHARS:
                cut = buf.rfind(restart, pos)
                if cut > pos:
                    yield line, buf[pos:cut], False
                    line += buf.count("\n", pos, cut)
                    pos = cut
            buf = buf[pos:]
            if eof:
                break
    if buf.strip():
        yield line, buf, False
    report_encoding(src, ctx)
