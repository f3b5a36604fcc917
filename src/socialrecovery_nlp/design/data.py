"""Design training/evaluation data: screening abstracts and hand-labelled annotations."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from ..corpus.record import TITLE_SEPARATOR

SCREENING_FILES = (
    "Cohen_2006_ADHD.csv", "Nagtegaal_2019_nudging.csv", "synergy_Oud_2018.csv",
    "synergy_Sep_2021.csv", "synergy_van_der_Valk_2021.csv",
)


@dataclass(frozen=True)
class Abstract:
    """One screening record: ``uid`` is ``<dataset>:<record_id>``."""

    dataset: str
    record_id: str
    title: str
    abstract: str

    @property
    def uid(self) -> str:
        return f"{self.dataset}:{self.record_id}"

    @property
    def text(self) -> str:
        return self.title + TITLE_SEPARATOR + self.abstract if self.abstract else self.title

    @property
    def title_end(self) -> int:
        return len(self.title)


def read_screening(directory: str | Path, files: tuple[str, ...] | None = None) -> list[Abstract]:
    """Every record of the screening CSVs in ``directory`` (all ``*.csv`` unless ``files``
    names them); title and abstract stripped, empty ones kept."""
    out = []
    csv.field_size_limit(10**8)
    names = files if files is not None else tuple(sorted(p.name for p in Path(directory).glob("*.csv")))
    for name in names:
        path = Path(directory) / name
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                out.append(Abstract(path.stem, str(row["record_id"]), (row.get("title") or "").strip(),
                                    (row.get("abstract") or "").strip()))
    return out


def read_annotations(path: str | Path) -> list[dict]:
    """Hand labels, one JSON object a line (``dataset, record_id, label, ...``)."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_extra(path: str | Path) -> list[tuple[Abstract, str]]:
    """Extra hand labels in the training format of ``active/export.py::export_training``:
    JSON lines ``{"id", "text", "labels": {"design": ID}, "provenance": {...}}``. Returns
    ``(Abstract, label)`` pairs; the text is split at the first title separator (title, rest)
    and the dataset is ``extra:<file stem>``. Raises E304 for a missing file, E303 for a line
    without a codebook design id."""
    from ..errors import SrnlpError
    from ..training.exported import read_exported
    from .labels import DESIGNS

    path = Path(path)
    out = []
    for number, item in read_exported(path, missing="E304", bad="E303"):
        label = (item.get("labels") or {}).get("design")
        text = item.get("text")
        if label not in DESIGNS:
            raise SrnlpError("E303", path=path, line=number, reason=f"design {label!r}")
        if not isinstance(text, str) or not text.strip():
            raise SrnlpError("E303", path=path, line=number, reason="empty text")
        title, _, rest = text.partition(TITLE_SEPARATOR)
        rid = str(item.get("id") or f"line{number}")
        out.append((Abstract(f"extra:{path.stem}", rid, title, rest), label))
    return out


def text_key(text: str) -> str:
    """Whitespace- and case-normalised text, to find the same abstract under another id."""
    return " ".join(text.lower().split())
