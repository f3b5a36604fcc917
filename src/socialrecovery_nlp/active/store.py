"""The project store: one SQLite file per review project.

The file runs in WAL mode with ``synchronous=FULL``; every write is one ``BEGIN IMMEDIATE``
transaction, so a label is on disk once :meth:`ProjectStore.add_label` returns, a killed process
loses nothing it confirmed, and several annotator processes can write at once (each waits up to
``timeout`` seconds for the others). Labels are append-only (enforced by triggers): a new label
for the same record, kind and target is a new row and the latest one wins.

Opening a file checks that it is a project (E501 corrupted / not SQLite, E502 foreign SQLite
file, E503 written by a newer version) and migrates older schemas after copying the file to
``<file>.v<N>.bak`` (see :mod:`.schema`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import SrnlpError
from .schema import CURRENT_VERSION, FORMAT, MIGRATIONS, SCHEMAS, statements

LABEL_KINDS = ("relevance", "processes", "themes", "design", "claim")
RELEVANCE_VALUES = ("relevant", "irrelevant", "uncertain")
CLAIM_ACTIONS = ("accept", "edit", "reject", "add")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _connect(path: Path, timeout: float) -> sqlite3.Connection:
    con = sqlite3.connect(str(path), timeout=timeout, isolation_level=None, check_same_thread=False)
    con.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    return con


class ProjectStore:
    """A handle on one project file. Use :meth:`create` or :meth:`open`; close with :meth:`close`."""

    def __init__(self, path: Path, con: sqlite3.Connection) -> None:
        self.path = path
        self.con = con

    # --- opening -----------------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | Path, name: str | None = None, timeout: float = 30.0) -> ProjectStore:
        path = Path(path)
        if path.exists():
            raise SrnlpError("E504", path=path)
        path.parent.mkdir(parents=True, exist_ok=True)
        con = _connect(path, timeout)
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("PRAGMA synchronous = FULL")
        con.execute("BEGIN IMMEDIATE")
        for statement in statements(SCHEMAS[CURRENT_VERSION]):
            con.execute(statement)
        stamp = now()
        con.execute("INSERT INTO schema_version VALUES (?, ?)", (CURRENT_VERSION, stamp))
        con.executemany(
            "INSERT INTO project VALUES (?, ?)",
            [("format", FORMAT), ("name", name or path.name.split(".")[0]), ("created_at", stamp)],
        )
        con.execute("COMMIT")
        return cls(path, con)

    @classmethod
    def open(cls, path: str | Path, timeout: float = 30.0, migrate: bool = True) -> ProjectStore:
        path = Path(path)
        if not path.is_file():
            raise SrnlpError("E500", path=path)
        con = _connect(path, timeout)
        try:
            version = _file_version(con, path)
            if version > CURRENT_VERSION:
                raise SrnlpError("E503", path=path, version=version, supported=CURRENT_VERSION)
            if version < CURRENT_VERSION:
                if not migrate:
                    raise SrnlpError("E505", path=path, version=version, supported=CURRENT_VERSION)
                con = _migrate(con, path, version, timeout)
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("PRAGMA synchronous = FULL")
        except BaseException:
            con.close()
            raise
        return cls(path, con)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> ProjectStore:  # noqa: PYI034
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all or nothing."""
        self.con.execute("BEGIN IMMEDIATE")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # --- project metadata ----------------------------------------------------------------------
    @property
    def version(self) -> int:
        return int(self.con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0])

    def info(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT key, value FROM project").fetchall())

    def set_info(self, key: str, value: str) -> None:
        with self.transaction() as con:
            con.execute("INSERT OR REPLACE INTO project VALUES (?, ?)", (key, value))

    # --- records -------------------------------------------------------------------------------
    def n_records(self) -> int:
        return int(self.con.execute("SELECT COUNT(*) FROM records").fetchone()[0])

    def record_ids(self) -> list[int]:
        return [r[0] for r in self.con.execute("SELECT id FROM records ORDER BY id")]

    def records(self) -> list[tuple[int, dict[str, Any]]]:
        """``(project record id, record dict)`` for every record, in the order they were added."""
        return [(rid, json.loads(data)) for rid, data in self.con.execute("SELECT id, data FROM records ORDER BY id")]

    def record(self, record_id: int) -> dict[str, Any]:
        row = self.con.execute("SELECT data FROM records WHERE id = ?", (record_id,)).fetchone()
        if row is None:
            raise SrnlpError("E506", record=record_id, path=self.path)
        return json.loads(row[0])

    def batches(self) -> list[dict[str, Any]]:
        cur = self.con.execute("SELECT * FROM batches ORDER BY id")
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row)) for row in cur]

    # --- labels --------------------------------------------------------------------------------
    def add_label(
        self,
        record_id: int,
        kind: str,
        value: Any,
        annotator: str,
        target: str = "",
        model_version: str | None = None,
        reason: str | None = None,
    ) -> int:
        """Append one label (committed when this returns); returns its label id."""
        return self.add_labels(record_id, [(kind, value, target)], annotator, model_version, reason)[0]

    def add_labels(
        self,
        record_id: int,
        labels: list[tuple[str, Any, str]],
        annotator: str,
        model_version: str | None = None,
        reason: str | None = None,
    ) -> list[int]:
        """Append several ``(kind, value, target)`` labels of one record in one transaction (all
        or none are on disk when this returns, e.g. a theme and the process it brings)."""
        for kind, value, _ in labels:
            validate_label(kind, value)
        ids = []
        with self.transaction() as con:
            if con.execute("SELECT 1 FROM records WHERE id = ?", (record_id,)).fetchone() is None:
                raise SrnlpError("E506", record=record_id, path=self.path)
            for kind, value, target in labels:
                cur = con.execute(
                    "INSERT INTO labels (record_id, kind, target, value, annotator, created_at, model_version, reason) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (record_id, kind, target, json.dumps(value), annotator, now(), model_version, reason),
                )
                ids.append(int(cur.lastrowid))
        return ids

    def latest_labels(self, kind: str = "relevance") -> dict[int, Any]:
        """``{record id: value}`` of the latest label of ``kind`` (target ``''``) per record."""
        rows = self.con.execute(
            "SELECT record_id, value FROM labels WHERE id IN (SELECT MAX(id) FROM labels "
            "WHERE kind = ? AND target = '' GROUP BY record_id)",
            (kind,),
        )
        return {rid: v for rid, value in rows if (v := json.loads(value)) is not None}

    def latest_claim_corrections(self) -> list[dict[str, Any]]:
        rows = self.con.execute(
            "SELECT record_id, target, value, annotator, created_at FROM labels WHERE id IN "
            "(SELECT MAX(id) FROM labels WHERE kind = 'claim' GROUP BY record_id, target) ORDER BY id"
        )
        return [
            {"record_id": r, "target": t, **value, "annotator": a, "created_at": c}
            for r, t, v, a, c in rows
            if (value := json.loads(v)) is not None  # None: the correction was withdrawn (undo)
        ]

    def latest_value(self, record_id: int, kind: str, target: str = "") -> Any:
        """The latest value of one label (``None`` when there is none or it was withdrawn)."""
        row = self.con.execute(
            "SELECT value FROM labels WHERE record_id = ? AND kind = ? AND target = ? ORDER BY id DESC LIMIT 1",
            (record_id, kind, target),
        ).fetchone()
        return None if row is None else json.loads(row[0])

    def record_claim_corrections(self, record_id: int) -> dict[str, dict[str, Any]]:
        """``{target: latest correction}`` of one record's claims (withdrawn ones left out)."""
        return {c["target"]: c for c in self.latest_claim_corrections() if c["record_id"] == record_id}

    def history(self, record_id: int | None = None) -> list[dict[str, Any]]:
        """Every label ever given (optionally for one record), oldest first."""
        sql = "SELECT * FROM labels" + (" WHERE record_id = ?" if record_id is not None else "") + " ORDER BY id"
        cur = self.con.execute(sql, () if record_id is None else (record_id,))
        cols = [c[0] for c in cur.description]
        out = []
        for row in cur:
            item = dict(zip(cols, row))
            item["value"] = json.loads(item["value"])
            out.append(item)
        return out

    def relevance_sequence(self) -> list[tuple[int, str, str]]:
        """``(record id, latest label, reason of the first decision)`` in the order records were
        first decided (withdrawn decisions left out): the screening history stopping rules read."""
        first = self.con.execute(
            "SELECT record_id, MIN(id) FROM labels WHERE kind = 'relevance' GROUP BY record_id ORDER BY MIN(id)"
        ).fetchall()
        reasons = dict(self.con.execute("SELECT id, COALESCE(reason, '') FROM labels WHERE kind = 'relevance'").fetchall())
        latest = self.latest_labels("relevance")
        return [(rid, latest[rid], reasons[lid]) for rid, lid in first if rid in latest]

    # --- models and predictions ----------------------------------------------------------------
    def save_model(self, component: str, meta: dict[str, Any], weights: bytes | None) -> int:
        """Store a new model version (older versions are kept); returns the version number."""
        with self.transaction() as con:
            row = con.execute("SELECT MAX(version) FROM models WHERE component = ?", (component,)).fetchone()
            version = (row[0] or 0) + 1
            meta = {**meta, "component": component, "version": version}
            con.execute(
                "INSERT INTO models (component, version, created_at, meta, weights) VALUES (?, ?, ?, ?, ?)",
                (component, version, now(), json.dumps(meta), weights),
            )
        return version

    def models(self, component: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT id, component, version, created_at, meta FROM models"
        args: tuple = ()
        if component:
            sql += " WHERE component = ?"
            args = (component,)
        rows = self.con.execute(sql + " ORDER BY component, version", args)
        return [
            {"id": i, "component": c, "version": v, "created_at": t, "meta": json.loads(m)} for i, c, v, t, m in rows
        ]

    def latest_model(self, component: str) -> tuple[dict[str, Any], bytes | None] | None:
        row = self.con.execute(
            "SELECT meta, weights FROM models WHERE component = ? ORDER BY version DESC LIMIT 1", (component,)
        ).fetchone()
        return (json.loads(row[0]), row[1]) if row else None

    def save_predictions(self, component: str, version: int, kind: str, values: dict[int, Any]) -> None:
        with self.transaction() as con:
            (model_id,) = con.execute(
                "SELECT id FROM models WHERE component = ? AND version = ?", (component, version)
            ).fetchone()
            con.executemany(
                "INSERT OR REPLACE INTO predictions VALUES (?, ?, ?, ?)",
                [(rid, model_id, kind, json.dumps(v)) for rid, v in values.items()],
            )

    def latest_predictions(self, kind: str) -> tuple[str | None, dict[int, Any]]:
        """``(model "component@version", {record id: value})`` from the newest model with ``kind``."""
        row = self.con.execute(
            "SELECT m.id, m.component, m.version FROM predictions p JOIN models m ON m.id = p.model_id "
            "WHERE p.kind = ? ORDER BY m.id DESC LIMIT 1",
            (kind,),
        ).fetchone()
        if row is None:
            return None, {}
        rows = self.con.execute("SELECT record_id, value FROM predictions WHERE model_id = ? AND kind = ?", (row[0], kind))
        return f"{row[1]}@{row[2]}", {rid: json.loads(v) for rid, v in rows}


def validate_label(kind: str, value: Any) -> None:
    """Raise E507 when ``value`` is not a valid label of ``kind``."""
    ok = True
    if kind not in LABEL_KINDS:
        raise SrnlpError("E508", kind=kind, kinds=", ".join(LABEL_KINDS))
    if value is None:  # the label is withdrawn (undo back to "no label"); history keeps the old one
        return
    if kind == "relevance":
        ok = value in RELEVANCE_VALUES
    elif kind in ("processes", "themes"):
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    elif kind == "design":
        ok = isinstance(value, str) and bool(value)
    elif kind == "claim":
        ok = isinstance(value, dict) and value.get("action") in CLAIM_ACTIONS
        if ok and value["action"] == "edit":
            ok = "field" in value and "value" in value
    else:
        raise SrnlpError("E508", kind=kind, kinds=", ".join(LABEL_KINDS))
    if not ok:
        raise SrnlpError("E507", kind=kind, value=value)


def _file_version(con: sqlite3.Connection, path: Path) -> int:
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in ("project", "meta"):
            if table in tables:
                row = con.execute(f"SELECT value FROM {table} WHERE key = 'format'").fetchone()
                if row and row[0] == FORMAT and "schema_version" in tables:
                    return int(con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise SrnlpError("E501", path=path, reason=str(exc)) from None
    raise SrnlpError("E502", path=path)


def _migrate(con: sqlite3.Connection, path: Path, version: int, timeout: float) -> sqlite3.Connection:
    backup = path.with_name(f"{path.name}.v{version}.bak")
    n = 1
    while backup.exists():
        backup = path.with_name(f"{path.name}.v{version}.bak{n}")
        n += 1
    dest = sqlite3.connect(str(backup))
    with dest:
        con.backup(dest)
    dest.close()
    con.execute("BEGIN IMMEDIATE")
    try:
        while version < CURRENT_VERSION:
            MIGRATIONS[version](con, now())
            version += 1
            con.execute("INSERT INTO schema_version VALUES (?, ?)", (version, now()))
        con.execute("COMMIT")
    except BaseException as exc:
        con.execute("ROLLBACK")
        raise SrnlpError("E509", path=path, version=version, backup=backup, reason=exc) from exc
    return con


def create_v1_file(path: str | Path, records: list[dict[str, Any]], labels: list[tuple[int, str, str]]) -> None:
    """Write a version-1 project file (for migration tests): ``records`` are record dicts with a
    ``batch`` key, ``labels`` are ``(record index, 'relevant'|'irrelevant', annotator)``."""
    con = sqlite3.connect(str(path))
    con.executescript(SCHEMAS[1])
    stamp = now()
    con.execute("INSERT INTO schema_version VALUES (1, ?)", (stamp,))
    con.executemany("INSERT INTO meta VALUES (?, ?)", [("format", FORMAT), ("name", Path(path).stem)])
    for i, rec in enumerate(records, 1):
        rec = dict(rec)
        batch = rec.pop("batch")
        con.execute("INSERT INTO records VALUES (?, ?, ?, ?, ?)", (i, rec.get("id", str(i)), batch, json.dumps(rec), stamp))
    for idx, label, annotator in labels:
        con.execute(
            "INSERT INTO labels (record_id, label, annotator, created_at) VALUES (?, ?, ?, ?)",
            (idx + 1, label, annotator, stamp),
        )
    con.commit()
    con.close()
