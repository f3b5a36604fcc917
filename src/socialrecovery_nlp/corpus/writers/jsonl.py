"""JSON Lines, the canonical output: one object per line, UTF-8, keys as given."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..record import Record


def write_results(results: Iterable[dict[str, Any]], path: Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for result in results:
            fh.write(json.dumps(result, ensure_ascii=False) + "\n")
            count += 1
    return count


def write_records(records: Iterable[Record], path: Path) -> int:
    return write_results((r.to_dict() for r in records), path)
