"""Would a per-project memory of outcome valences, learned from direction corrections, fix later claims? (not built)

    python bench/claims_valence_memory_dev.py [--files F ...]

Simulates a review project on development annotations (default: v23 to v29 and the title sample t1; the held-out
files are refused). The shipped extractor reads every annotated sentence; each predicted claim is matched to a gold
claim whose factor and outcome share a word with it (``claims/row_match.py``). Records are visited in a random order
(5 seeds); before a record is read, every claim of an increase / decrease / associate relation (not negated, an explicit
outcome whose valence the lexicon either knows or does not know and the context leaves alone) looks its outcome up in
the memory and, when the memory has a majority valence for it, is composed again with that valence; after the record,
its gold directions are stored as corrections (the valence that gives the gold direction). Keys: the outcome span
lower-cased without leading determiners (``full``) or its head before any post-modifier (``head``). Variants: the
memory only for outcomes the lexicon does not know or for all; one vote or a majority of two; one memory per
screening set or one for the whole project. Prints the rows right before and after, and the directions fixed and
broken. Result of 2026-11-28 (1,258 rows, 587 right): 0 to 1.8 fixed and 0 to 1.2 broken on average; outcome phrases
almost never recur across abstracts of these sets.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import re
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "annotations" / f"claims_abstracts_v{v}.jsonl" for v in range(23, 30)] + [
    ROOT / "annotations" / "claims_titles_t1.jsonl"]
FORBIDDEN = {"claims.jsonl", "claims_abstracts_v3.jsonl", "claims_abstracts_v10.jsonl", "claims_titles_t2.jsonl",
             "claims_findings_f1_test.jsonl"}
_DETERMINERS = {"a", "an", "the", "their", "its", "his", "her", "our", "these", "those", "this", "that"}
_WORD = re.compile(r"\w+")


def _words(text):
    return set(_WORD.findall((text or "").lower()))


def collect(files) -> list[dict]:
    """One dict per predicted claim: record, outcome text, intrinsic and effective valence, kind, direction, gold."""
    from socialrecovery_nlp.claims.data import load_abstract_annotations
    from socialrecovery_nlp.claims.evaluate import _blank, row_claims
    from socialrecovery_nlp.claims.model import load_extractor
    from socialrecovery_nlp.claims.valence import outcome_valence

    extractor, _ = load_extractor(None, None)
    out = []
    for f in files:
        for row, claims in row_claims(extractor, load_abstract_annotations(f), _blank()):
            for claim in claims:
                d = claim.to_dict()
                gold = None
                for g in row["claims"]:
                    implicit = g["outcome"]["text"] in ("", "recovery")
                    if _words(d["factor"]["text"]) & _words(g["factor"]["text"]) and (
                            _words(d["outcome"]["text"]) & _words(g["outcome"]["text"]) or implicit):
                        gold = g["direction"]
                        if gold == d["direction"]:
                            break
                kind = next((k[5:] for k, v in claim.signals.items() if k.startswith("kind_") and v), None)
                out.append({"record": (row["provenance"].get("dataset"), row["provenance"].get("record_id")),
                            "outcome": d["outcome"]["text"], "explicit": d["outcome"]["start"] is not None,
                            "intrinsic": outcome_valence(d["outcome"]["text"]) if d["outcome"]["text"] else 0,
                            "effective": claim.signals.get("valence", 0.0), "kind": kind, "negated": d["negated"],
                            "direction": d["direction"], "gold": gold})
    return out


def _key_full(text: str) -> str:
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", (text or "").lower())
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _key_head(text: str) -> str:
    from socialrecovery_nlp.claims.valence import outcome_head

    return _key_full(outcome_head(text or ""))


def _learnable(r: dict) -> bool:
    return r["kind"] in ("increase", "decrease", "associate") and not r["negated"] and r["explicit"] and \
        r["direction"] in ("promotes", "hinders") and (bool(r["intrinsic"]) == bool(r["effective"]))


def _compose(kind: str, valence: float) -> str:
    if kind == "decrease":
        return "promotes" if valence < 0 else "hinders"
    return "hinders" if valence < 0 else "promotes"


def simulate(rows, key, only_unknown: bool, min_votes: int, per_set: bool, seed: int) -> tuple[int, int, int]:
    """(rows right, directions fixed, directions broken) of one simulated project."""
    groups = collections.defaultdict(list)
    for r in rows:
        groups[r["record"]].append(r)
    records = list(groups)
    random.Random(seed).shuffle(records)
    memory = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    right = fixed = broken = 0
    for record in records:
        store = memory[record[0] if per_set else "all"]
        for r in groups[record]:
            direction = r["direction"]
            votes = store.get(key(r["outcome"])) if _learnable(r) and (r["intrinsic"] == 0 or not only_unknown) else None
            if votes and abs(votes[1] - votes[-1]) >= min_votes:
                flip = r["effective"] / r["intrinsic"] if r["intrinsic"] else 1
                direction = _compose(r["kind"], (1 if votes[1] > votes[-1] else -1) * flip)
            right += r["gold"] == direction
            if r["gold"] is not None:
                fixed += r["gold"] == direction != r["direction"]
                broken += r["gold"] == r["direction"] != direction
        for r in groups[record]:
            if r["gold"] in ("promotes", "hinders") and _learnable(r):
                effective = (1 if r["gold"] == "promotes" else -1) * (-1 if r["kind"] == "decrease" else 1)
                flip = r["effective"] / r["intrinsic"] if r["intrinsic"] else 1
                store[key(r["outcome"])][int(effective * flip)] += 1
    return right, fixed, broken


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", nargs="*", default=[str(p) for p in DEFAULT])
    args = ap.parse_args()
    if any(Path(f).name in FORBIDDEN for f in args.files):
        raise SystemExit("refusing a held-out test file")
    rows = collect(args.files)
    print(f"rows {len(rows)}, right without a memory {sum(r['gold'] == r['direction'] for r in rows)}")
    for name, key in (("full", _key_full), ("head", _key_head)):
        for only_unknown in (True, False):
            for min_votes in (1, 2):
                for per_set in (True, False):
                    runs = [simulate(rows, key, only_unknown, min_votes, per_set, seed) for seed in range(5)]
                    mean = [sum(x[i] for x in runs) / len(runs) for i in range(3)]
                    print(f"key {name}, {'unknown outcomes' if only_unknown else 'all outcomes'}, votes >= {min_votes}, "
                          f"{'per screening set' if per_set else 'one memory'}: right {mean[0]:.1f}, fixed {mean[1]:.1f}, "
                          f"broken {mean[2]:.1f}")


if __name__ == "__main__":
    main()
