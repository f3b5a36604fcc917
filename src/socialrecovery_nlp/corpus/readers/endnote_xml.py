"""EndNote XML export (``<xml><records><record>...``), as written by EndNote and by Zotero's
"EndNote XML" export, streamed with ``lxml.etree.iterparse``.

Field text sits either directly in the element or in ``<style>`` runs, which are joined. The
EndNote record number (``rec-number``) becomes the record id; ``accession-num`` is taken as the
PMID only when it is a bare number and the remote database is named PubMed or MEDLINE (an
unnamed database could be Embase or Web of Science: the number is kept as
``extra["accession_num"]``); the DOI comes from
``electronic-resource-num``. Malformed XML stops the file with W112; earlier records are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..context import ReadContext
from ..record import Record
from ._xml import stream

_DOI = re.compile(r"10\.\d{4,9}/\S+")
_PUBMED = re.compile(r"pubmed|medline", re.IGNORECASE)


def _text(elem) -> str:
    return " ".join("".join(elem.itertext()).split()) if elem is not None else ""


def _all(record, path: str) -> list[str]:
    return [t for t in (_text(e) for e in record.iterfind(path)) if t]


def build(record) -> Record:
    title = _text(record.find("titles/title"))
    journal = (_text(record.find("periodical/full-title")) or _text(record.find("titles/secondary-title"))
               or _text(record.find("periodical/abbr-1")))
    year = _text(record.find("dates/year")) or None
    doi_field = _text(record.find("electronic-resource-num"))
    doi_match = _DOI.search(doi_field)
    accession = _text(record.find("accession-num"))
    remote = _text(record.find("remote-database-name")) + " " + _text(record.find("remote-database-provider"))
    pmid = accession if accession.isdigit() and len(accession) <= 9 and _PUBMED.search(remote) else None
    keywords = _all(record, "keywords/keyword")
    extra: dict[str, object] = {}
    ref_type = record.find("ref-type")
    if ref_type is not None and ref_type.get("name"):
        extra["type_of_reference"] = ref_type.get("name")
    language = _text(record.find("language"))
    if language:
        extra["language_metadata"] = language
    for tag in ("volume", "number", "pages", "isbn", "label", "notes", "research-notes", "custom1", "custom2"):
        value = _text(record.find(tag))
        if value:
            extra[tag.replace("-", "_")] = value
    if accession and pmid is None:
        extra["accession_num"] = accession
    urls = _all(record, "urls/related-urls/url")
    if urls:
        extra["urls"] = urls
    return Record(
        id=_text(record.find("rec-number")),
        title=title,
        abstract=_text(record.find("abstract")),
        authors=_all(record, "contributors/authors/author"),
        year=year,
        journal=journal or None,
        doi=doi_match.group(0).rstrip(".") if doi_match else None,
        pmid=pmid,
        keywords=keywords,
        source_line=record.sourceline,
        extra=extra,
    )


def _is_record(elem) -> bool:
    """Only ``<records><record>``: a ``<record>`` nested elsewhere is not an EndNote record."""
    parent = elem.getparent()
    return parent is not None and parent.tag == "records"


def read(path: Path, ctx: ReadContext) -> Iterator[Record]:
    return stream(path, ctx, "record", build, prepare=_is_record)
