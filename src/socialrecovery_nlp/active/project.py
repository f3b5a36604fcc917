"""The project API behind ``srnlp project``: create, add a batch, status.

A *project name* is resolved by :func:`project_path`: a value that ends in ``.sqlite`` or holds a
path separator is a path to the project file; a bare name ``NAME`` means ``NAME.sqlite`` in the
directory ``$SRNLP_PROJECT_DIR`` (default: the current directory).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..corpus.record import Record
from ..errors import SrnlpError
from .dedup import record_keys, same_year
from .store import ProjectStore, now

SUFFIX = ".sqlite"


def project_path(name: str | Path) -> Path:
    """The project file that ``name`` refers to (see the module docstring)."""
    text = str(name)
    if text.endswith(SUFFIX) or os.sep in text or "/" in text:
        return Path(text)
    return Path(os.environ.get("SRNLP_PROJECT_DIR", ".")) / f"{text}{SUFFIX}"


def open_project(name: str | Path) -> ProjectStore:
    return ProjectStore.open(project_path(name))


@dataclass
class AddReport:
    batch: str
    read: int = 0
    added: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (source id, reason)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"batch {self.batch}: {self.read} records read, {self.added} added, "
            f"{len(self.duplicates)} duplicates skipped"
        )


def read_batch(paths: Iterable[str | Path], input_format: str | None = None) -> tuple[list[Record], list[str]]:
    """Read every record of a batch, or raise E510 when any input failed (so nothing is added)."""
    from ..corpus import ReadReport, read_records

    paths = [Path(p) for p in paths]
    report = ReadReport()
    try:
        records = list(read_records(paths, input_format, report=report, raise_if_empty=False))
    except SrnlpError as exc:
        raise SrnlpError("E510", path=", ".join(map(str, paths)), reason=str(exc)) from exc
    for file_report in report.failed:
        raise SrnlpError("E510", path=file_report.path, reason=file_report.error)
    if not records:
        raise SrnlpError("E510", path=", ".join(map(str, paths)), reason="no records in it")
    warnings = [m for f in report.files for m in f.messages]
    return records, warnings


def _sha256(paths: Iterable[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(Path(p).read_bytes())
    return h.hexdigest()


class _KeyIndex:
    """The de-duplication keys of the records already in the project (and of this batch so far)."""

    def __init__(self, con) -> None:
        self.doi: dict[str, int] = {}
        self.pmid: dict[str, int] = {}
        self.title: dict[str, list[tuple[int, int | None]]] = {}
        for rid, doi, pmid, tkey, year in con.execute("SELECT id, doi, pmid, title_key, year FROM records"):
            self.add(rid, {"doi": doi, "pmid": pmid, "title_key": tkey, "year": year})

    def add(self, rid: int, keys: dict[str, Any]) -> None:
        if keys["doi"]:
            self.doi.setdefault(keys["doi"], rid)
        if keys["pmid"]:
            self.pmid.setdefault(keys["pmid"], rid)
        if keys["title_key"]:
            self.title.setdefault(keys["title_key"], []).append((rid, keys["year"]))

    def match(self, keys: dict[str, Any]) -> tuple[int, str] | None:
        if keys["doi"] and keys["doi"] in self.doi:
            return self.doi[keys["doi"]], "same DOI"
        if keys["pmid"] and keys["pmid"] in self.pmid:
            return self.pmid[keys["pmid"]], "same PMID"
        for rid, year in self.title.get(keys["title_key"] or "", []):
            if same_year(year, keys["year"]):
                return rid, "same title and year"
        return None


def add_records(store: ProjectStore, records: list[Record], batch: str, source_files: list[str], sha256: str = "") -> AddReport:
    """Add ``records`` as one batch in one transaction, skipping records the project holds."""
    report = AddReport(batch=batch, read=len(records))
    stamp = now()
    with store.transaction() as con:
        cur = con.execute(
            "INSERT INTO batches (name, source_file, sha256, added_at, n_read) VALUES (?, ?, ?, ?, ?)",
            (batch, ";".join(source_files), sha256, stamp, len(records)),
        )
        batch_id = cur.lastrowid
        index = _KeyIndex(con)
        for record in records:
            keys = record_keys(record)
            hit = index.match(keys)
            if hit is not None:
                report.duplicates.append((record.id, f"{hit[1]} as project record {hit[0]}"))
                continue
            data = record.to_dict()
            cur = con.execute(
                "INSERT INTO records (batch_id, source_id, data, doi, pmid, title_key, year, added_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (batch_id, record.id, json.dumps(data), keys["doi"], keys["pmid"], keys["title_key"], keys["year"], stamp),
            )
            index.add(int(cur.lastrowid), keys)
            report.added += 1
        con.execute(
            "UPDATE batches SET n_added = ?, n_duplicates = ? WHERE id = ?",
            (report.added, len(report.duplicates), batch_id),
        )
    return report


DEFAULT_SCREENING_MODEL = "srnlp.screen.v1"


def screening_model_of(store: ProjectStore) -> str:
    """The screening model this project uses (set at creation; default ``srnlp.screen.v1``)."""
    return store.info().get("screening_model") or DEFAULT_SCREENING_MODEL


def new_project(name: str | Path, sources: list[str | Path], input_format: str | None = None,
                screening_model: str = DEFAULT_SCREENING_MODEL) -> tuple[ProjectStore, AddReport]:
    """Create a project file from a first batch. The file is created only if the batch reads.
    ``screening_model`` names a model of :data:`socialrecovery_nlp.active.models.MODELS` (E531)."""
    from .models import MODELS

    if screening_model not in MODELS:
        raise SrnlpError("E531", name=screening_model, choices=", ".join(MODELS))
    path = project_path(name)
    if path.exists():
        raise SrnlpError("E504", path=path)
    records, warnings = read_batch(sources, input_format)
    store = ProjectStore.create(path)
    try:
        report = add_records(store, records, _batch_name(sources), [str(s) for s in sources], _sha256(map(Path, sources)))
        store.set_info("screening_model", screening_model)
    except BaseException:
        store.close()
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    report.warnings = warnings
    return store, report


def add_batch(store: ProjectStore, sources: list[str | Path], input_format: str | None = None) -> AddReport:
    """Add a new search batch; records already in the project are skipped, labels untouched."""
    records, warnings = read_batch(sources, input_format)
    report = add_records(store, records, _batch_name(sources), [str(s) for s in sources], _sha256(map(Path, sources)))
    report.warnings = warnings
    return report


def _batch_name(sources: list[str | Path]) -> str:
    return "+".join(Path(s).name for s in sources)
