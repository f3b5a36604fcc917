"""Read a fully labelled screening data set in the ASReview CSV convention (for simulation).

Columns: ``title``, ``abstract`` and a label column (``label_included``, or ``included`` /
``final_included``); ``record_id``, ``doi``, ``keywords`` and ``authors`` are kept when present.
Row numbers (0-based, header excluded) are the indices ``--prior-idx`` refers to.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ..corpus.record import Record
from ..errors import SrnlpError

LABEL_COLUMNS = ("label_included", "included", "final_included", "label")


def read_labelled_csv(path: str | Path) -> list[Record]:
    """Records of ``path`` in row order, each with ``label_included`` set (0 or 1)."""
    path = Path(path)
    if not path.is_file():
        raise SrnlpError("E101", path=path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = [f.strip().lower() for f in reader.fieldnames or []]
        label_col = next((c for c in LABEL_COLUMNS if c in fields), None)
        if label_col is None:
            raise SrnlpError("E520", path=path, columns=", ".join(LABEL_COLUMNS))
        records = []
        for row_no, raw in enumerate(reader):
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
            try:
                label = int(float(row[label_col]))
            except ValueError:
                raise SrnlpError("E521", path=path, row=row_no, value=row[label_col]) from None
            records.append(
                Record(
                    id=row.get("record_id") or str(row_no),
                    title=row.get("title", ""),
                    abstract=row.get("abstract", ""),
                    authors=[a.strip() for a in row.get("authors", "").split(";") if a.strip()],
                    doi=row.get("doi") or None,
                    keywords=[k.strip() for k in row.get("keywords", "").split(";") if k.strip()],
                    source_file=str(path),
                    source_line=row_no,
                    label_included=1 if label > 0 else 0,
                )
            )
    if not records:
        raise SrnlpError("E104", path=path, reason="no rows")
    return records
