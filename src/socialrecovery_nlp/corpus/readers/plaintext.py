"""A plain-text (or Markdown) full text: one record per file, split into sections at headings.

The first non-empty line is the title. In ``.md`` files, link targets, ``**``/``__`` and
backslash escapes are dropped. Headings are Markdown ``#`` lines, numbered lines
(``2.1 Methods``) and short lines without a final full stop that name a known section
(``Results``, ``DISCUSSION``). Hard-wrapped lines are joined; blank lines separate paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..clean import squash
from ..context import ReadContext
from ..record import Record, Section
from ..sections import section_kind
from . import _text

_MARKDOWN = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
_NUMBERED = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+[A-Z][^.!?]{0,80}$")
MAX_HEADING = 80
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")


def unmarkdown(line: str) -> str:
    """Drop Markdown link targets, emphasis markers and backslash escapes from one line."""
    if _RULE.match(line):
        return ""
    line = _LINK.sub(r"\1", line).replace("**", "").replace("__", "")
    return _ESCAPED.sub(r"\1", line)


def heading_of(line: str) -> str | None:
    """The heading text when ``line`` is a heading, else ``None``."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_HEADING + 8:
        return None
    match = _MARKDOWN.match(stripped)
    if match:
        return match.group(1).strip("*_ ")
    plain = stripped.strip("*_ ").rstrip(":")
    if _NUMBERED.match(plain):
        return plain
    if plain.endswith((".", ",", ";")) or len(plain) > MAX_HEADING:
        return None
    if section_kind(plain) != "other" and len(plain.split()) <= 6:
        return plain
    return None


def read(path: Path, ctx: ReadContext) -> Iterator[Record]:
    title = ""
    title_line = 0
    sections: list[Section] = []
    heading, paragraphs, current = "", [], []

    def close_section() -> None:
        if current:
            paragraphs.append(squash(" ".join(current)))
            current.clear()
        if paragraphs or heading:
            kind = section_kind(heading) if heading else "other"
            sections.append(Section(heading, "\n".join(paragraphs), kind))
        paragraphs.clear()

    markdown = path.suffix.lower() in (".md", ".markdown")
    for number, line in _text.lines(path, ctx):
        if markdown:
            line = unmarkdown(line)
        if not title:
            if line.strip():
                match = _MARKDOWN.match(line.strip())
                title = squash(match.group(1) if match else line)
                title_line = number
            continue
        found = heading_of(line)
        if found is not None:
            close_section()
            heading = found
            continue
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(squash(" ".join(current)))
            current.clear()
    close_section()
    if not title and not sections:
        return
    abstract = next((s.text for s in sections if s.kind == "abstract"), "")
    record = Record(
        id="",
        title=title,
        abstract=abstract,
        sections=[Section("", title, "front")] + sections,
        source_line=title_line or 1,
    )
    yield ctx.finish(record)
