"""Two passes over a stream of flat rows with bounded memory.

Table formats need every column before the first row is written. Rows are kept in memory up to
``buffer`` and spilled to a temporary JSON Lines file beyond that; the second pass replays them.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from typing import Any


class Spool:
    """Collect rows and their columns (first-seen order) and the Python type of each column."""

    def __init__(self, buffer: int = 2000) -> None:
        self.buffer = buffer
        self.columns: dict[str, type | None] = {}
        self._rows: list[dict[str, Any]] = []
        self._file = None
        self.count = 0

    def add_all(self, rows: Iterable[dict[str, Any]]) -> Spool:
        for row in rows:
            self.add(row)
        return self

    def add(self, row: dict[str, Any]) -> None:
        columns = self.columns
        for key, value in row.items():
            current = columns.get(key)
            if value is None:
                columns.setdefault(key, None)
                continue
            kind = type(value)
            if current is None:
                columns[key] = kind
            elif current is not kind:
                columns[key] = float if {current, kind} == {int, float} else str
        self.count += 1
        if self._file is None and len(self._rows) < self.buffer:
            self._rows.append(row)
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile("w+", encoding="utf-8")
            for kept in self._rows:
                self._file.write(json.dumps(kept, ensure_ascii=False) + "\n")
            self._rows = []
        self._file.write(json.dumps(row, ensure_ascii=False) + "\n")

    def rows(self) -> Iterator[dict[str, Any]]:
        if self._file is None:
            yield from self._rows
            return
        self._file.seek(0)
        for line in self._file:
            yield json.loads(line)
        self._file.close()
        self._file = None
