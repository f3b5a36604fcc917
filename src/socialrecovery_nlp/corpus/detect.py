"""Tell an input's format from its first kilobytes; the file extension is only a hint."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import SrnlpError
from .columns import resolve
from .encoding import Sniff, sniff
from .readers import READERS

FORMATS: tuple[str, ...] = tuple(READERS)
HEAD_CHARS = 16384

_EXTENSIONS = {
    ".ris": "ris", ".nbib": "medline", ".medline": "medline", ".csv": "csv", ".tsv": "csv",
    ".tab": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".bib": "bibtex", ".bibtex": "bibtex",
    ".md": "text", ".markdown": "text", ".text": "text", ".nxml": "jats",
}
_TEXT_EXTENSIONS = {".txt", ".md", ".markdown", ".text", ""}
_RIS = re.compile(r"^TY\s{1,3}-(?: |$)", re.MULTILINE)
_MEDLINE = re.compile(r"^PMID- ?\d", re.MULTILINE)
_WOS_HEAD = re.compile(r"^(?:FN |VR \d)", re.MULTILINE)
_WOS_RECORD = re.compile(r"^PT [A-Z]\s*$", re.MULTILINE)
_BIBTEX = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.MULTILINE)
_JATS = re.compile(r"<!DOCTYPE\s+(?:article|pmc-articleset)|<article[\s>]|<pmc-articleset|JATS", re.IGNORECASE)
_PUBMED = re.compile(r"<(?:!DOCTYPE\s+)?Pubmed(?:Book)?Article(?:Set)?\b")
_ENDNOTE = re.compile(r"<xml>\s*<records>|<records>\s*<record>\s*<(?:database|source-app|rec-number)\b")
_REFWORKS = re.compile(r"^RT [A-Z][A-Za-z ,()/-]+\s*$", re.MULTILINE)
_REFWORKS_FIELD = re.compile(r"^(?:A1|T1) \S", re.MULTILINE)


def check_path(path: Path) -> None:
    """E101 for a missing path, E102 for a directory."""
    if not path.exists():
        raise SrnlpError("E101", path=str(path))
    if path.is_dir():
        raise SrnlpError("E102", path=str(path))


def extension_hint(path: Path) -> str | None:
    """The format the file name suggests, if any."""
    return _EXTENSIONS.get(path.suffix.lower())


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def format_from_content(path: Path, sniffed: Sniff) -> str | None:
    """The format of a sniffed text file, or ``None`` when the content does not say."""
    head = sniffed.sample[:HEAD_CHARS].lstrip("\ufeff")
    start = head.lstrip()
    if start.startswith("<"):
        if _PUBMED.search(head):
            return "pubmed_xml"
        if _ENDNOTE.search(head):
            return "endnote_xml"
        if _JATS.search(head):
            return "jats"
        return None
    if _RIS.search(head):
        return "ris"
    if _MEDLINE.search(head):
        return "medline"
    if _REFWORKS.search(head) and _REFWORKS_FIELD.search(head):
        return "refworks"
    if _WOS_HEAD.search(head[:200]) or (_WOS_RECORD.search(head) and re.search(r"^ER\s*$", head, re.MULTILINE)):
        return "wos"
    first = _first_line(head)
    if first.lstrip().startswith("{"):
        try:
            json.loads(first)
            return "jsonl"
        except ValueError:
            if len(first) >= HEAD_CHARS - 1:  # a very long first object, cut by the sample
                return "jsonl"
    if _BIBTEX.search(head):
        return "bibtex"
    if first:
        import csv

        from .readers.tabular import delimiter_of

        try:
            header = next(csv.reader([first], delimiter=delimiter_of(first)))
        except (csv.Error, StopIteration):
            header = []
        if len(header) > 1:
            columns = resolve(header)
            if "title" in columns or "abstract" in columns:
                return "csv"
    return None


def detect_format(path: str | Path, sniffed: Sniff | None = None) -> str:
    """The format name of ``path`` (one of :data:`FORMATS`), read from its content.

    Raises :class:`SrnlpError`: E101 missing, E102 directory, E104 empty or binary, E103 unknown.
    """
    path = Path(path)
    check_path(path)
    sniffed = sniffed or sniff(path)
    if sniffed.binary:
        raise SrnlpError("E104", path=str(path), reason="it holds binary data, not a text export")
    if not sniffed.sample.strip():
        raise SrnlpError("E104", path=str(path), reason="the file is empty")
    found = format_from_content(path, sniffed)
    if found:
        return found
    hint = extension_hint(path)
    if hint and hint != "jats":
        return hint
    if path.suffix.lower() in _TEXT_EXTENSIONS:
        return "text"
    raise SrnlpError("E103", path=str(path), choices=", ".join(FORMATS))
