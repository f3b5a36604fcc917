"""Count evidence rows that are right: read the ``--errors`` file of ``bench/claims_dev_files.py``.

    python bench/claims_dev_files.py --files F ... --errors rows.jsonl
    python bench/claims_rows.py rows.jsonl

A predicted claim (one evidence row) is right when its factor and its outcome each share a word with the factor
and the outcome of one gold claim of the sentence (an implicit gold outcome, "recovery" without offsets,
matches any predicted outcome) and the direction is the same. Prints per annotation file: rows, right, wrong.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"\w+", (text or "").lower()))


def is_right(pred: dict, gold: list[dict]) -> bool:
    factor, outcome = _words((pred.get("factor") or {}).get("text")), _words((pred.get("outcome") or {}).get("text"))
    for claim in gold:
        gold_outcome = claim["outcome"]["text"]
        implicit = gold_outcome in ("", "recovery") or not _words(gold_outcome)
        if factor & _words(claim["factor"]["text"]) and (outcome & _words(gold_outcome) or implicit) and \
                pred.get("direction") == claim["direction"]:
            return True
    return False


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
