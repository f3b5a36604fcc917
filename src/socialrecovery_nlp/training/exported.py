"""Reading the training files a project exports (``active/export.py::export_training``): one JSON
object a line. Each component checks the fields it needs; this module only gets the objects out
and says where a bad line is."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import SrnlpError


def read_exported(path: str | Path, missing: str, bad: str) -> Iterator[tuple[int, dict]]:
    """``(line number, object)`` for every non-empty line of ``path``. Raises ``missing`` (an
    error code with ``path``) when the file does not exist and ``bad`` (with ``path, line,
    reason``) for a line that is not a JSON object."""
    path = Path(path)
    if not path.is_file():
        raise SrnlpError(missing, path=path)
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SrnlpError(bad, path=path, line=number, reason=f"not JSON ({exc.msg})") from None
            if not isinstance(item, dict):
                raise SrnlpError(bad, path=path, line=number, reason="not a JSON object")
            yield number, item
