"""One reader module per input format; each exposes ``read(path, ctx) -> Iterator[Record]``.

Readers stream: they hold one record at a time (XML readers clear parsed elements), report a bad
record through ``ctx.skip`` and go on, and hand every good record to ``ctx.finish``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from pathlib import Path

from ..context import ReadContext
from ..record import Record

#: Format name -> module under ``socialrecovery_nlp.corpus.readers``.
READERS: dict[str, str] = {
    "ris": "ris",
    "medline": "medline",
    "wos": "wos",
    "pubmed_xml": "pubmed_xml",
    "endnote_xml": "endnote_xml",
    "refworks": "refworks",
    "csv": "tabular",
    "jsonl": "jsonl",
    "bibtex": "bibtex",
    "jats": "jats",
    "text": "plaintext",
}

Reader = Callable[[Path, ReadContext], Iterator[Record]]


def get_reader(fmt: str) -> Reader:
    """The ``read`` function of format ``fmt`` (imported on first use)."""
    module = importlib.import_module(f"{__name__}.{READERS[fmt]}")
    return module.read
