"""The per-file state a reader works with: where warnings go and how records are finished."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from ..errors import record_warning
from .clean import is_squashed, normalise_doi, parse_year, squash, strip_markup
from .language import detect_language, language_name
from .record import Record
from .report import FileReport

log = logging.getLogger("socialrecovery_nlp.corpus")


def _clean_list(items: list[str]) -> list[str]:
    """Squash every item and drop empty ones (one C-level test when all are clean already)."""
    joined = "|".join(items)
    if joined and is_squashed(joined) and " |" not in joined and "| " not in joined \
            and "||" not in joined and joined[0] != "|" and joined[-1] != "|":
        return items
    return [item for item in (squash(x) for x in items) if item]


class ReadContext:
    """Handed to every reader: skip bad records, warn, and finish good ones consistently."""

    def __init__(
        self,
        path: Path,
        report: FileReport,
        column_map: dict[str, str] | None = None,
        check_language: bool = True,
    ) -> None:
        self.path = path
        self.display = str(path)
        self.stem = path.stem
        self.report = report
        self.column_map = column_map
        self.check_language = check_language
        self.ordinal = 0

    # -- warnings --------------------------------------------------------------------------------
    def skip(self, line: int | None, reason: str) -> None:
        """A record could not be read (W101); the reader goes on with the next one."""
        message = record_warning("W101", path=self.display, line=line or "?", reason=reason)
        self.report.skipped += 1
        self.report.add(message)
        log.warning(message)

    def file_warning(self, code: str, **fields: Any) -> None:
        message = record_warning(code, path=self.display, **fields)
        self.report.add(message)
        log.warning(message)

    def warn(self, record: Record, code: str, **fields: Any) -> None:
        """Attach a warning to ``record`` (and count it in the report)."""
        message = record_warning(code, path=self.display, line=record.source_line or "?", **fields)
        record.warnings.append(message)
        self.report.add(message)

    # -- finishing -------------------------------------------------------------------------------
    def finish(self, record: Record) -> Record:
        """Clean fields, validate identifiers, check the language and give the record an id."""
        record.source_file = self.display
        title, abstract = record.title, record.abstract
        if title:
            record.title = self._clean_text(record, "title", title)
        elif title is None:
            record.title = ""
        if abstract:
            record.abstract = self._clean_text(record, "abstract", abstract)
        elif abstract is None:
            record.abstract = ""
        if record.authors:
            record.authors = _clean_list(record.authors)
        if record.keywords:
            record.keywords = _clean_list(record.keywords)
        if record.journal:
            record.journal = squash(record.journal) or None
        self._identifiers(record)
        if not record.sections:
            if not record.title and not record.abstract:
                self.warn(record, "W102")
            elif not record.abstract:
                self.warn(record, "W103")
        if self.check_language and record.language is None:
            sample = record.abstract or (record.sections[0].text if record.sections else record.title)
            code = detect_language(sample)
            record.language = code
            if code is not None and code != "en":
                self.warn(record, "W105", language=language_name(code))
        self.ordinal += 1
        if not record.id:
            record.id = record.pmid or record.doi or f"{self.stem}-{self.ordinal}"
        return record

    def _clean_text(self, record: Record, name: str, value: str) -> str:
        """Markup removed (W104 when there was some) and whitespace squashed."""
        if "<" in value or "&" in value:
            value, changed = strip_markup(value)
            if changed:
                self.warn(record, "W104", field=name)
        # squash(), inlined: most values are clean already
        return value if is_squashed(value) else " ".join(value.split())

    def _identifiers(self, record: Record) -> None:
        if record.doi:
            doi = normalise_doi(record.doi)
            if doi is None:
                self.warn(record, "W108", field="doi", value=record.doi)
            record.doi = doi
        pmid = record.pmid
        if pmid is not None and not (pmid.__class__ is str and pmid.isdigit() and pmid.isascii()):
            pmid = str(record.pmid).strip()
            if pmid.lower().startswith("pmid:"):
                pmid = pmid[5:].strip()
            if pmid and not pmid.isdigit():
                self.warn(record, "W108", field="pmid", value=record.pmid)
                pmid = ""
            record.pmid = pmid or None
        if record.year is not None and not isinstance(record.year, int):
            year = parse_year(record.year)
            if year is None and str(record.year).strip():
                self.warn(record, "W108", field="year", value=record.year)
            record.year = year
        if record.label_included is not None and not isinstance(record.label_included, int):
            raw = str(record.label_included).strip()
            try:
                record.label_included = int(float(raw)) if raw else None
            except ValueError:
                self.warn(record, "W108", field="label_included", value=raw)
                record.label_included = None
        if record.id is not None:
            record.id = str(record.id).strip()
