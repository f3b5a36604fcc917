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
