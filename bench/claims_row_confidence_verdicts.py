"""Row confidence against reviewers' verdicts on evidence rows of unseen screening records.

    python bench/claims_row_confidence_verdicts.py

``annotations/evidence_row_verdicts.csv`` holds 441 evidence rows judged right (R) or wrong (W) by three reviewing
agents on screening records in no annotation sample: ``agent:review-20`` (the whole default table of 378 records and
150 random ``--all`` rows, code of 2026-11-27), ``agent:review-21`` (a blind union of two code versions' default
tables on 376 further records) and ``agent:review-26`` (tables ``default_r26`` and ``all_sample_r26``: the whole
default table of 292 further records and 160 random ``--all`` rows, claims@0.13.0 code of 2026-11-28, judged without
seeing ``score`` or ``confidence``). The records are rebuilt from ``data/screening``; the current claims model runs over
them (every claim, as ``srnlp claims --all``); each judged row that the current code still writes (same record,
factor, direction and outcome text) gets its ``confidence`` and detector ``score``. Prints ROC AUC of both per
table and what each ``--min-confidence`` cut-off keeps. The row-confidence model never saw these verdicts; the
round-six rules were written from review-20's and review-21's findings and the round-seven rules from review-26's,
so the rows the current code still writes are a selection of those judged.
"""

from __future__ import annotations

import csv
import json
import os
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
VERDICTS = ROOT / "annotations" / "evidence_row_verdicts.csv"


def _key(row: dict) -> tuple[str, str, str, str]:
    return row["record_id"], row["factor"].strip(), row["direction"], row["outcome"].strip()


def main() -> None:
    from sklearn.metrics import roc_auc_score

    from socialrecovery_nlp.claims.data import screening_abstracts
    from socialrecovery_nlp.corpus import Record
    from socialrecovery_nlp.pipeline.analyze import analyze_docs
    from socialrecovery_nlp.pipeline.language import load

    judged = list(csv.DictReader(VERDICTS.open(encoding="utf-8")))
    ids = sorted({r["record_id"] for r in judged})
    by_set: dict[str, list[str]] = defaultdict(list)
    for record_id in ids:
        dataset, number = record_id.split(":", 1)
        by_set[dataset].append(number)
    records = []
    for dataset, numbers in by_set.items():
        abstracts, titles = screening_abstracts(dataset), screening_abstracts(dataset, field="title")
        records += [Record(id=f"{dataset}:{n}", title=titles[n], abstract=abstracts[n]) for n in numbers]
    nlp = load(["claims"])
    found = {}
    for doc in analyze_docs(records, nlp, batch_size=64):
        for claim in doc._.claims or []:
            c = claim if isinstance(claim, dict) else claim.to_dict()
            row = {"record_id": doc._.record.id, "factor": c["factor"]["text"], "direction": c["direction"],
                   "outcome": c["outcome"]["text"]}
            found.setdefault(_key(row), c)
    result = {"judged": len(judged), "records": len(records)}
    for table in ("default", "all_sample", "default_blind_union", "default_r26", "all_sample_r26", None):
        rows = [r for r in judged if table is None or r["table"] == table]
        matched = [(found[_key(r)], r["verdict"] == "R") for r in rows if _key(r) in found]
        y = [right for _, right in matched]
        entry = {"judged": len(rows), "still_written": len(matched), "right": sum(y)}
        if 0 < sum(y) < len(y):
            entry["auc_confidence"] = round(float(roc_auc_score(y, [c["confidence"] for c, _ in matched])), 3)
            entry["auc_score"] = round(float(roc_auc_score(y, [c["score"] for c, _ in matched])), 3)
        if table is None:
            entry["cutoffs"] = {str(cut): {"kept": sum(c["confidence"] >= cut for c, _ in matched),
                                           "right_kept": sum(r for c, r in matched if c["confidence"] >= cut)}
                                for cut in (0.3, 0.4, 0.5, 0.6, 0.7)}
        result[table or "all"] = entry
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
