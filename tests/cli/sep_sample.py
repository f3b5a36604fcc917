"""A small labelled CSV for the simulate tests: the first rows of the Sep 2021 screening set."""

import csv
from pathlib import Path

SEP = Path(__file__).resolve().parents[2] / "data" / "screening" / "synergy_Sep_2021.csv"


def sep_sample(folder: Path, n: int) -> tuple[Path, list[dict]]:
    """The first ``n`` rows of Sep 2021, written to ``folder/small.csv``; returns (path, rows)."""
    with SEP.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))[:n]
    out = folder / "small.csv"
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return out, rows
