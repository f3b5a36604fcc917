"""BibTeX / BibLaTeX, parsed with bibtexparser v2 a batch of entries at a time (streaming).

The file is cut at lines that start with ``@``; batches of :data:`BATCH` entries are parsed with
``@string`` definitions seen so far prepended, so macros resolve. LaTeX in values is decoded with
pylatexenc only when a value contains a backslash; otherwise protective braces are dropped.
A block bibtexparser cannot parse is skipped with W101 naming its line.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from ..clean import split_list
from ..context import ReadContext
from ..record import Record
from . import _text

BATCH = 64
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_USED = frozenset(
    ("title", "abstract", "author", "year", "date", "journal", "journaltitle", "booktitle", "doi", "pmid",
     "pubmed", "keywords", "language")
)
_latex = None
_ACCENTS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304",
            ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "k": "\u0328",
            "r": "\u030a"}
_LETTERS = {"ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
            "l": "ł", "L": "Ł", "i": "ı", "textbackslash": "\x04", "textendash": "–", "textemdash": "—"}
_ACCENT_RE = re.compile(r"\{?\\([\"'`^~=.]|[cvuHkr](?=[\s{]))\s*\{?([A-Za-z]|\\i)\}?\}?")
_ESCAPE_RE = re.compile(r"\\([%&$#_{} ])")
_LETTER_RE = re.compile(r"\{?\\(ss|aa|AA|ae|AE|oe|OE|textbackslash|textendash|textemdash|[oOlLi])(?![A-Za-z])\s*(?:\{\})?\}?")


def _accent(match: re.Match[str]) -> str:
    letter = "i" if match.group(2) == "\\i" else match.group(2)
    return unicodedata.normalize("NFC", letter + _ACCENTS[match.group(1)])


def _decode(value: str, field: str = "") -> str:
    """LaTeX to text: common escapes and accents here, anything else through pylatexenc."""
    global _latex
    if "\\" in value:
        value = _ACCENT_RE.sub(_accent, value)
        value = _LETTER_RE.sub(lambda m: _LETTERS[m.group(1)], value)
        protected = _ESCAPE_RE.sub(lambda m: "\x00" + m.group(1) + "\x01", value)
        if "\\" in protected:
            if _latex is None:
                from pylatexenc.latex2text import LatexNodes2Text

                _latex = LatexNodes2Text(math_mode="verbatim")
            try:
                return _latex.latex_to_text(value).replace("\x04", "\\")
            except Exception:  # pragma: no cover - pylatexenc is lenient; fall back to the escapes
                value = protected
        value = re.sub(r"\x00(.)\x01", lambda m: "\x02" if m.group(1) == "{" else "\x03" if m.group(1) == "}"
                       else m.group(1), protected)
    value = value.replace("{", "").replace("}", "")
    if field not in ("doi", "url"):
        value = value.replace("~", " ")
    return value.replace("\x02", "{").replace("\x03", "}").replace("\x04", "\\")


def build(entry, line: int) -> Record:
    fields = {f.key.lower(): f.value for f in entry.fields}
    text = {k: _decode(str(v), k) for k, v in fields.items()}
    keywords = text.get("keywords", "")
    extra: dict[str, object] = {k: v for k, v in text.items() if k not in _USED}
    extra["type_of_reference"] = entry.entry_type
    if text.get("language"):
        extra["language_metadata"] = text["language"]
    return Record(
        id=entry.key,
        title=text.get("title", ""),
        abstract=text.get("abstract", ""),
        authors=[a.strip() for a in _AND.split(text.get("author", "")) if a.strip()],
        year=text.get("year") or text.get("date"),
        journal=text.get("journal") or text.get("journaltitle") or text.get("booktitle"),
        doi=text.get("doi"),
        pmid=text.get("pmid") or text.get("pubmed"),
        keywords=split_list(keywords, ";" if ";" in keywords else ",") if keywords else [],
        source_line=line,
        extra=extra,
    )


def _parse(lines: list[str], first_line: int, strings: list[str], ctx: ReadContext) -> Iterator[Record]:
    import bibtexparser

    prefix = "".join(strings)
    offset = prefix.count("\n")
    splitter_log = logging.getLogger("bibtexparser.splitter")
    level = splitter_log.level
    splitter_log.setLevel(logging.CRITICAL)  # failed blocks are reported as W101 instead
    try:
        library = bibtexparser.parse_string(prefix + "".join(lines))
    finally:
        splitter_log.setLevel(level)
    blocks = [(b.start_line, "entry", b) for b in library.entries]
    blocks += [(b.start_line, "failed", b) for b in library.failed_blocks]
    for start, kind, block in sorted(blocks, key=lambda item: item[0]):
        if start < offset:
            continue
        line = first_line + start - offset
        if kind == "failed":
            error = getattr(block, "error", None)
            reason = " ".join(str(error or "").split()) or type(error).__name__
            if "Was still looking for" in reason or "Unexpected block start" in reason:
                reason = "unbalanced braces or a missing comma"
            ctx.skip(line, f"BibTeX entry cannot be parsed ({reason})")
            continue
        try:
            yield ctx.finish(build(block, line))
        except Exception as exc:  # one bad entry never stops the file
            ctx.skip(line, f"cannot read entry ({exc})")


def read(path: Path, ctx: ReadContext) -> Iterator[Record]:
    strings: list[str] = []
    batch: list[str] = []
    batch_start = 1
    entries = 0
    current_is_string = False
    string_lines: list[str] = []
    for number, line in _text.lines(path, ctx):
        stripped = line.lstrip()
        if stripped.startswith("@"):
            if current_is_string:
                strings.append("".join(string_lines))
                string_lines = []
            current_is_string = stripped[1:7].lower() == "string"
            if not current_is_string:
                if entries >= BATCH:
                    yield from _parse(batch, batch_start, strings, ctx)
                    batch, entries = [], 0
                if not batch:
                    batch_start = number
                entries += 1
        if current_is_string:
            string_lines.append(line + "\n")
            # keep line numbers aligned inside the batch
            if batch:
                batch.append("\n")
            continue
        if not batch:
            batch_start = number
        batch.append(line + "\n")
    if current_is_string and string_lines:
        strings.append("".join(string_lines))
    if batch:
        yield from _parse(batch, batch_start, strings, ctx)
