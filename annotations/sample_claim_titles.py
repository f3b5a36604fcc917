"""Draw the title samples t1 and t2 for claim annotation (reproducible).

    python annotations/sample_claim_titles.py OUT_DIR

Titles are the first unit of every analysed abstract record, and most are noun phrases ("Effect of X on Y:
a randomised trial", "Predictors of Y") that name a topic without asserting a relation; a few are declarative
("Topiramate reduced aggression in ..."). The abstract samples hold no titles, so titles get their own samples:
30 records per screening set (``data/screening/*.csv``) for t1 and 30 more for t2, drawn with one
``default_rng(31415926)`` in that order among records with a title of at least four words that are in no claims
abstract sample (v1 to v26, test files included) and not in ``examples/`` (whose titles were read while
building the title check). Every sentence unit of the title (as the claims component splits it) is a unit.
t1 is the development sample of the title check, t2 its held-out test sample.
Writes ``claims_titles_<name>_units.jsonl`` (id, dataset, record_id, sentence_index, start, end, text; offsets
index the record's ``title``).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import numpy as np

from socialrecovery_nlp.claims import data as claim_data
from socialrecovery_nlp.claims.extract import sentence_units
from socialrecovery_nlp.pipeline.language import load

ROOT = Path(__file__).resolve().parent
DATASETS = ("Cohen_2006_ADHD", "Nagtegaal_2019_nudging", "synergy_Oud_2018", "synergy_Sep_2021", "synergy_van_der_Valk_2021")
PER_SET = 30


def used_records() -> set[tuple[str, str]]:
    """(dataset, record_id) of every record in a claims abstract sample, read from provenance only."""
    used = set()
    for path in sorted(ROOT.iterdir()):
        if path.name.startswith("claims_abstracts") and path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                prov = json.loads(line)["provenance"]
                used.add((prov["dataset"], str(prov["record_id"])))
    return used


def example_titles() -> set[str]:
    with open(ROOT.parent / "examples" / "batch.csv", newline="", encoding="utf-8") as handle:
        return {(row.get("title") or "").strip() for row in csv.DictReader(handle)}


def titles(dataset: str) -> dict[str, str]:
    with open(claim_data.SOURCE_ROOT / "data" / "screening" / f"{dataset}.csv", newline="", encoding="utf-8") as handle:
        return {row["record_id"]: row.get("title") or "" for row in csv.DictReader(handle)}


def draw(rng, used: set, seen_titles: set, nlp) -> list[dict]:
    out = []
    for dataset in DATASETS:
        pool = titles(dataset)
        ids = sorted((k for k, v in pool.items() if len(v.split()) >= 4 and (dataset, k) not in used
                      and v.strip() not in seen_titles), key=str)
        for p in sorted(rng.choice(len(ids), PER_SET, replace=False)):
            rid = ids[p]
            used.add((dataset, rid))
            text = pool[rid]
            for i, unit in enumerate(sentence_units(nlp(text), text)):
                out.append({"id": f"title-{dataset}-{rid}-s{i:02d}", "dataset": dataset, "record_id": rid,
                            "sentence_index": i, "start": unit.start_char, "end": unit.end_char, "text": unit.text})
    return out


def main(out_dir: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    used = used_records()
    seen = example_titles()
    nlp = load(components=[])
    rng = np.random.default_rng(31415926)
    for name in ("t1", "t2"):
        units = draw(rng, used, seen, nlp)
        with open(out / f"claims_titles_{name}_units.jsonl", "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(unit, ensure_ascii=False) + "\n" for unit in units)
        print(name, len(units), "units")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
