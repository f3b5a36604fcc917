"""Training and evaluation data: the annotation files and the out-of-field screening sets."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .labels import LabelSpace
from .sentences import split_text


@dataclass
class Example:
    """One training example: a sentence (review) or a sentence / record (screening)."""

    id: str
    text: str
    labels: dict
    group: str
    source: str  # "review" | "screening"


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_examples(paths: list[str | Path], split_records: bool = True) -> list[Example]:
    """Examples from annotation JSONL files.

    Record-level examples (``provenance.level == "record"``) without labels are split into
    sentences, each a negative example in the record's group; a record with labels stays whole
    (its labels are known for the record, not for each sentence).
    """
    out: list[Example] = []
    for path in paths:
        for row in read_jsonl(path):
            record_level = row.get("provenance", {}).get("level") == "record"
            source = "screening" if record_level else "review"
            has_labels = bool(row["labels"].get("processes") or row["labels"].get("themes"))
            if record_level and split_records and not has_labels:
                for i, (start, end) in enumerate(split_text(row["text"])):
                    out.append(Example(f"{row['id']}#s{i}", row["text"][start:end], row["labels"], row["group"], source))
            else:
                out.append(Example(row["id"], row["text"], row["labels"], row["group"], source))
    return out


def label_matrix(examples: list[Example], space: LabelSpace) -> np.ndarray:
    return np.stack([space.encode(e.labels) for e in examples]) if examples else np.zeros((0, len(space.ids)), np.int8)


@dataclass
class ScreeningRecord:
    id: str
    title: str
    abstract: str

    @property
    def text(self) -> str:
        return f"{self.title}\n\n{self.abstract}" if self.abstract else self.title


def screening_records(directory: str | Path, exclude_ids: set[str] = frozenset(),
                      min_abstract: int = 1) -> Iterator[ScreeningRecord]:
    """Records of the screening CSVs (ASReview convention) not in ``exclude_ids``.

    Ids are ``screening-<file stem>-<record_id>``, as in ``annotations/themes_negatives.jsonl``.
    """
    for path in sorted(Path(directory).glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                rid = f"screening-{path.stem}-{row['record_id']}"
                abstract = (row.get("abstract") or "").strip()
                if rid in exclude_ids or len(abstract) < min_abstract:
                    continue
                yield ScreeningRecord(rid, (row.get("title") or "").strip(), abstract)
