"""Dev-only: precision of the confident rule decisions on the hand-labelled TRAIN split.

    python bench/design_rule_precision_dev.py [--errors LABEL] [--show N]

Per predicted design: confident decisions, correct ones, precision; coverage overall. With
``--errors`` it prints the wrong confident decisions for that predicted design (gold label,
title, the deciding cues). The test split is never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from socialrecovery_nlp.design.rules import DesignRules, _blank_nlp, decide
from socialrecovery_nlp.design.train import TrainingData, _views, load_config


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", default=None, help="predicted design whose wrong decisions to print ('all')")
    ap.add_argument("--show", type=int, default=40)
    args = ap.parse_args()
    config = load_config(ROOT / "training" / "design.toml")
    data = TrainingData(config, ROOT)
    rules = DesignRules(_blank_nlp().vocab)
    abstracts = [data.abstracts[u] for u in data.train]
    views = _views(abstracts)
    conf, right, wrong_pairs = Counter(), Counter(), Counter()
    errors = []
    for a, v in zip(abstracts, views):
        cues = rules.cues(v.doc, title_end=v.title_end, text=v.text)
        d = decide(cues)
        gold = data.gold[a.uid]
        if not d.confident:
            continue
        conf[d.label] += 1
        if d.label == gold:
            right[d.label] += 1
        else:
            wrong_pairs[(gold, d.label)] += 1
            errors.append((d.label, gold, a, [c for c in cues if c.status == "own"]))
    n = len(abstracts)
    total = sum(conf.values())
    print(f"train records {n}; confident {total} ({total / n:.1%}); precision {sum(right.values()) / max(total, 1):.3f}")
    for label in sorted(conf, key=lambda k: -conf[k]):
        print(f"  {label:20s} {right[label]:4d}/{conf[label]:<4d} {right[label] / conf[label]:.3f}")
    print("wrong (gold -> rule):", wrong_pairs.most_common(15))
    if args.errors:
        for pred, gold, a, own in errors:
            if args.errors not in ("all", pred):
                continue
            print(f"\n== rule {pred} / gold {gold} | {a.uid} | {a.title[:120]}")
            print("   own cues:", [(c.label, c.strength, c.text, "T" if c.in_title else "") for c in own])
            print("   ", a.abstract[:args.show * 20].replace("\n", " "))


if __name__ == "__main__":
    main()
