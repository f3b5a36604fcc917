"""The project file format: SQL schema by version and the migrations between versions.

A project is one SQLite file. ``schema_version`` holds one row per applied version; the newest is
the file's version. Version history:

* **1** (socialrecovery-nlp 0.1 development format): ``meta``, ``records`` with a batch name,
  binary relevance ``labels``.
* **2** (current): batches, records, append-only ``labels`` of every kind (relevance, processes,
  themes, design, claim corrections) with annotator, time and model version, ``models``
  (versioned weights, never overwritten) and ``predictions``.

Each migration ``MIGRATIONS[n]`` turns a version ``n`` file into version ``n + 1`` inside one
transaction; :mod:`.store` takes a backup copy of the file first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

#: The format marker in the ``project`` table; anything else is a foreign file.
FORMAT = "socialrecovery-nlp project"
CURRENT_VERSION = 2

SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
CREATE TABLE records (
    id INTEGER PRIMARY KEY, record_key TEXT UNIQUE NOT NULL, batch TEXT NOT NULL,
    data TEXT NOT NULL, added_at TEXT NOT NULL);
CREATE TABLE labels (
    id INTEGER PRIMARY KEY AUTOINCREMENT, record_id INTEGER NOT NULL REFERENCES records(id),
    label TEXT NOT NULL CHECK (label IN ('relevant', 'irrelevant')),
    annotator TEXT NOT NULL, created_at TEXT NOT NULL);
"""

SCHEMA_V2 = """
CREATE TABLE project (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
CREATE TABLE batches (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, source_file TEXT, sha256 TEXT,
    added_at TEXT NOT NULL, n_read INTEGER NOT NULL DEFAULT 0, n_added INTEGER NOT NULL DEFAULT 0,
    n_duplicates INTEGER NOT NULL DEFAULT 0);
CREATE TABLE records (
    id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL REFERENCES batches(id),
    source_id TEXT, data TEXT NOT NULL, doi TEXT, pmid TEXT, title_key TEXT, year INTEGER,
    added_at TEXT NOT NULL);
CREATE INDEX records_doi ON records(doi);
CREATE INDEX records_pmid ON records(pmid);
CREATE INDEX records_title ON records(title_key);
CREATE TABLE labels (
    id INTEGER PRIMARY KEY AUTOINCREMENT, record_id INTEGER NOT NULL REFERENCES records(id),
    kind TEXT NOT NULL CHECK (kind IN ('relevance', 'processes', 'themes', 'design', 'claim')),
    target TEXT NOT NULL DEFAULT '', value TEXT NOT NULL, annotator TEXT NOT NULL,
    created_at TEXT NOT NULL, model_version TEXT, reason TEXT);
CREATE INDEX labels_latest ON labels(record_id, kind, target, id);
CREATE TRIGGER labels_no_update BEFORE UPDATE ON labels
    BEGIN SELECT RAISE(ABORT, 'labels are append-only'); END;
CREATE TRIGGER labels_no_delete BEFORE DELETE ON labels
    BEGIN SELECT RAISE(ABORT, 'labels are append-only'); END;
CREATE TABLE models (
    id INTEGER PRIMARY KEY, component TEXT NOT NULL, version INTEGER NOT NULL,
    created_at TEXT NOT NULL, meta TEXT NOT NULL, weights BLOB,
    UNIQUE (component, version));
CREATE TABLE predictions (
    record_id INTEGER NOT NULL REFERENCES records(id), model_id INTEGER NOT NULL REFERENCES models(id),
    kind TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (record_id, model_id, kind));
"""

SCHEMAS = {1: SCHEMA_V1, 2: SCHEMA_V2}


def _v1_to_v2(con: sqlite3.Connection, now: str) -> None:
    """Records keep their ids; each v1 batch name becomes a batch; labels become relevance labels."""
    con.execute("ALTER TABLE records RENAME TO records_v1")
    con.execute("ALTER TABLE labels RENAME TO labels_v1")
    con.execute("ALTER TABLE schema_version RENAME TO schema_version_v1")
    for statement in statements(SCHEMA_V2):
        if not statement.startswith("CREATE TABLE schema_version"):
            con.execute(statement)
    con.execute("ALTER TABLE schema_version_v1 RENAME TO schema_version")
    con.execute("INSERT INTO project SELECT key, value FROM meta")
    con.execute("DROP TABLE meta")
    con.execute(
        "INSERT INTO batches (name, added_at, n_read, n_added) SELECT batch, MIN(added_at), "
        "COUNT(*), COUNT(*) FROM records_v1 GROUP BY batch ORDER BY MIN(id)"
    )
    import json

    from .dedup import record_keys

    rows = con.execute(
        "SELECT r.id, r.record_key, r.data, r.added_at, b.id FROM records_v1 r "
        "JOIN batches b ON b.name = r.batch ORDER BY r.id"
    ).fetchall()
    for rid, key, data, added_at, batch_id in rows:
        keys = record_keys(json.loads(data))
        con.execute(
            "INSERT INTO records (id, batch_id, source_id, data, doi, pmid, title_key, year, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (rid, batch_id, key, data, keys["doi"], keys["pmid"], keys["title_key"], keys["year"], added_at),
        )
    con.execute(
        "INSERT INTO labels (record_id, kind, target, value, annotator, created_at, reason) "
        "SELECT record_id, 'relevance', '', json_quote(label), annotator, created_at, 'migrated from v1' "
        "FROM labels_v1 ORDER BY id"
    )
    con.execute("DROP TABLE labels_v1")
    con.execute("DROP TABLE records_v1")


def statements(script: str) -> list[str]:
    """Split a schema script into statements (a trigger's body holds ';' up to its END;)."""
    out: list[str] = []
    buf: list[str] = []
    for line in script.strip().splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and ("TRIGGER" not in joined or joined.endswith("END;")):
            out.append(joined)
            buf = []
    return out


MIGRATIONS: dict[int, Callable[[sqlite3.Connection, str], None]] = {1: _v1_to_v2}
