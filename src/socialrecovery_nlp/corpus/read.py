"""``read_records``: every input file, any supported format, one stream of :class:`Record`."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import SrnlpError, record_warning
from .columns import check_column_map
from .context import ReadContext
from .dedup import Deduplicator
from .detect import FORMATS, check_path, detect_format
from .encoding import sniff
from .hashindex import HashIndex
from .readers import get_reader
from .record import Record
from .report import FileReport, ReadReport

log = logging.getLogger("socialrecovery_nlp.corpus")
_ALIASES = {"nbib": "medline", "pubmed": "medline", "tsv": "csv", "bib": "bibtex", "txt": "text", "xml": "pubmed_xml"}


def _as_paths(paths: str | Path | Iterable[str | Path]) -> list[Path]:
    if isinstance(paths, (str, Path)):
        return [Path(paths)]
    return [Path(p) for p in paths]


def normalise_format(input_format: str | None) -> str | None:
    """Check a user-given format name (a few aliases accepted); E107 when unknown."""
    if input_format is None:
        return None
    fmt = _ALIASES.get(input_format.lower(), input_format.lower())
    if fmt not in FORMATS:
        raise SrnlpError("E107", fmt=input_format, choices=", ".join(FORMATS))
    return fmt


def read_records(
    paths: str | Path | Iterable[str | Path],
    input_format: str | None = None,
    column_map: dict[str, str] | None = None,
    *,
    report: ReadReport | None = None,
    dedup: bool = True,
    check_language: bool = True,
    raise_if_empty: bool = True,
) -> Iterator[Record]:
    """Stream the records of every input, whatever its format.

    Args:
        paths: one path or several; each is read in turn.
        input_format: force one format for all inputs (default: detect each from its content).
        column_map: record field -> column/key name, for CSV and JSONL inputs.
        report: a :class:`ReadReport` to fill in (counts, warnings, duplicates, failed inputs);
            it is complete once the iterator is exhausted.
        dedup: mark duplicates (W107, ``extra["duplicate_of"]``); they are still yielded.
        check_language: flag non-English records (W105).
        raise_if_empty: raise ``SrnlpError("E105")`` at the end when no record was read at all.

    An input that cannot be read (missing, directory, binary, unknown format) is recorded in the
    report with its error (E101-E104, E106) and the others are read. Argument errors (E107,
    E108) are raised at once.
    """
    fmt = normalise_format(input_format)
    mapping = check_column_map(column_map)
    return _iterate(_as_paths(paths), fmt, mapping, report if report is not None else ReadReport(),
                    dedup, check_language, raise_if_empty)


def _iterate(
    paths: list[Path],
    fmt: str | None,
    column_map: dict[str, str],
    report: ReadReport,
    dedup: bool,
    check_language: bool,
    raise_if_empty: bool,
) -> Iterator[Record]:
    deduplicator = Deduplicator() if dedup else None
    if deduplicator is not None:
        report.duplicates = deduplicator.duplicates
    ids = HashIndex()  # hash(id) -> file index << 32 | line: about 30 bytes per record
    for index, path in enumerate(paths):
        file_report = FileReport(path=str(path))
        report.files.append(file_report)
        started = time.perf_counter()
        try:
            check_path(path)
            sniffed = sniff(path)
            file_format = fmt or detect_format(path, sniffed)
            if sniffed.binary:
                raise SrnlpError("E104", path=str(path), reason="it holds binary data, not a text export")
            file_report.format = file_format
            ctx = ReadContext(path, file_report, column_map or None, check_language)
            ctx.sniffed = sniffed
            for record in get_reader(file_format)(path, ctx):
                _unique_id(record, ids, ctx, index, paths)
                if deduplicator is not None and deduplicator.check(record) is not None:
                    file_report.add(record.warnings[-1])
                file_report.records += 1
                yield record
            if file_report.records == 0 and not file_report.failed:
                reason = (
                    f"none of its {file_report.skipped} records could be read"
                    if file_report.skipped
                    else f"no {file_format} records found in it"
                )
                raise SrnlpError("E104", path=str(path), reason=reason)
        except SrnlpError as exc:
            file_report.error_code, file_report.error = exc.code, str(exc)
            log.error(str(exc))
        except (OSError, UnicodeError, ValueError) as exc:
            error = SrnlpError("E104", path=str(path), reason=f"{type(exc).__name__}: {exc}")
            file_report.error_code, file_report.error = error.code, str(error)
            log.error(str(error))
        finally:
            file_report.seconds = time.perf_counter() - started
    if raise_if_empty and report.records == 0:
        raise SrnlpError("E105")


def _unique_id(record: Record, ids: HashIndex, ctx: ReadContext, index: int, paths: list[Path]) -> None:
    where = (index << 32) | (record.source_line or 0)
    other = ids.setdefault(hash(record.id), where)
    if other is None:
        return
    base = f"{ctx.stem}:{record.id}"
    new, n = base, 1
    while hash(new) in ids:
        n += 1
        new = f"{base}~{n}"
    other_where = f"{paths[other >> 32]}:{other & 0xFFFFFFFF}"
    message = record_warning("W111", path=ctx.display, line=record.source_line, id=record.id, other=other_where,
                             new=new)
    record.warnings.append(message)
    ctx.report.add(message)
    record.id = new
    ids.setdefault(hash(new), where)


def read_file(path: str | Path, input_format: str | None = None, **kwargs) -> list[Record]:
    """All records of one small file as a list (convenience for tests and notebooks)."""
    return list(read_records(path, input_format, **kwargs))
