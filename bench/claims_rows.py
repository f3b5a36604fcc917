"""Count evidence rows that are right: read the ``--errors`` file of ``bench/claims_dev_files.py``.

    python bench/claims_dev_files.py --files F ... --errors rows.jsonl
    python bench/claims_rows.py rows.jsonl

A predicted claim (one evidence row) is right as ``socialrecovery_nlp.claims.row_match.is_right`` says. Prints per annotation file: rows, right, wrong.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict

from socialrecovery_nlp.claims.row_match import is_right


def main(path: str) -> None:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for line in open(path, encoding="utf-8"):
        row = json.loads(line)
        for pred in row["pred"]:
            counts[row["file"]][0] += 1
            counts[row["file"]][1] += is_right(pred, row["row"]["claims"])
    for name, (rows, right) in counts.items():
        print(f"{name}: rows {rows}, right {right}, wrong {rows - right}")


if __name__ == "__main__":
    main(sys.argv[1])
