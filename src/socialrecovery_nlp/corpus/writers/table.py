"""CSV of analyze output (flattened; lists joined with ``"; "``) and of plain records."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..record import Record
from ._spool import Spool
from .flatten import cell, flatten, order_columns

#: Columns of the plain record CSV (readable back by the CSV reader).
RECORD_COLUMNS = ("id", "title", "abstract", "authors", "year", "journal", "doi", "pmid", "keywords",
                  "label_included")


def write_results(results: Iterable[dict[str, Any]], path: Path) -> int:
    spool = Spool().add_all(flatten(r) for r in results)
    columns = order_columns(list(spool.columns))
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        for row in spool.rows():
            writer.writerow([cell(row.get(c)) for c in columns])
    return spool.count


def record_row(record: Record) -> list[str]:
    values = {name: getattr(record, name) for name in RECORD_COLUMNS}
    values["authors"] = "; ".join(record.authors)
    values["keywords"] = "; ".join(record.keywords)
    return [cell(values[c]) for c in RECORD_COLUMNS]


def write_records(records: Iterable[Record], path: Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(RECORD_COLUMNS)
        for record in records:
            writer.writerow(record_row(record))
            count += 1
    return count
