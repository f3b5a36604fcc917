"""Development check of the MiniLM span tagger (``[spans] model = "minilm"``) on held-out training files.

    python bench/claims_minilm_spans_dev.py [--dev FILE ...] [--add FILE ...] [--models-root /tmp/devmodels]
        [--version V] [--quick]

Trains the claims recipe of ``training/claims.toml`` without the ``--dev`` files (default v17 + v18, the
last two review-style samples) into ``--models-root`` (skipped when that model exists), then scores the dev
files end to end and with detection switched off, with the spans of (a) the rules alone, (b) the tagger,
(c) the tagger whose spans also count as the parse link an uncertain candidate needs (``tagger_links``),
(d) the tagger only in sentences where the rules found a relation. Same detector in all of them. No test file
is read. Takes about 15 minutes on 2 CPU cores (two MiniLM fine-tunes).

``--add`` trains with more annotation files than the config lists (a new annotation round, before it joins the
config); ``--quick`` scores only (a) and (b), per dev file group (random samples v4-v8 apart from review-style ones)
and pooled.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from socialrecovery_nlp.claims.data import load_abstract_annotations
from socialrecovery_nlp.claims.evaluate import evaluate_rows
from socialrecovery_nlp.claims.model import load_extractor
from socialrecovery_nlp.claims.train import load_config, train_from_config

CONFIG = Path(__file__).resolve().parent.parent / "training" / "claims.toml"
DEV = ["annotations/claims_abstracts_v17.jsonl", "annotations/claims_abstracts_v18.jsonl"]


class TaggerWhereRulesRelate:
    """The tagger's spans only in sentences where the rules found a relation."""

    def __init__(self, tagger) -> None:
        self.tagger = tagger

    def prepare(self, docs) -> None:
        self.tagger.prepare(docs)

    def relations(self, doc, relations, skip):
        return self.tagger.relations(doc, relations, skip) if relations else relations


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", nargs="*", default=DEV)
    ap.add_argument("--models-root", default="/tmp/devmodels")
    ap.add_argument("--version", default="0.11.0-dev")
    ap.add_argument("--add", nargs="*", default=[], help="more training files (not in the config)")
    ap.add_argument("--quick", action="store_true", help="rules and tagger only, per dev group")
    args = ap.parse_args()
    out = Path(args.models_root) / f"claims-{args.version}"
    if not (out / "meta.json").is_file():
        config = load_config(CONFIG, {})
        kept = [f for f in config["data"]["abstracts"] if f not in args.dev]
        if len(kept) != len(config["data"]["abstracts"]) - len(set(args.dev)):
            raise SystemExit(f"--dev: not all of {args.dev} are training files of {CONFIG}")
        kept += [f for f in args.add if f not in kept]
        train_from_config(CONFIG, {"data.abstracts": kept, "output.models_root": args.models_root,
                                   "evaluate.on_train": False, "model.version": args.version})
    rows = [r for path in args.dev for r in load_abstract_annotations(path)]
    extractor, _ = load_extractor(out, fast=False)
    tagger = extractor.span_model
    if args.quick:
        return quick(extractor, tagger, args.dev)
    print(f"dev files {args.dev}: {len(rows)} sentences, {sum(r['is_claim'] for r in rows)} claim sentences")
    print("| spans | detection P / R / F1 | factor token-F1 | factor exact F1 | outcome token-F1 | direction acc. | strength macro-F1 |")
    print("|---|---|---|---|---|---|---|")
    variants = [("rules", None, False), ("MiniLM tagger", tagger, False),
                ("MiniLM tagger, its spans also link uncertain candidates", tagger, True),
                ("tagger where the rules relate", TaggerWhereRulesRelate(tagger), False)]
    for oracle in (False, True):
        for name, model, links in variants:
            if oracle and links:
                continue  # the same as without: detection off keeps every gold claim sentence
            extractor.span_model, extractor.tagger_links = model, links
            r = evaluate_rows(extractor, rows, oracle=oracle)
            d = r["detection"]
            print(f"| {name}{' (detection off)' if oracle else ''} | {d['precision']:.3f} / {d['recall']:.3f} / {d['f1']:.3f} | "
                  f"{r['factor']['token']['f1']:.3f} | {r['factor']['exact']['f1']:.3f} | {r['outcome']['token']['f1']:.3f} | "
                  f"{r['direction']['accuracy']:.3f} | {r['strength']['macro_f1']:.3f} |", flush=True)


def quick(extractor, tagger, dev: list[str]) -> None:
    """Rules and tagger spans (detection on and off), per group of dev files and pooled."""
    random = [p for p in dev if any(f"_v{k}.jsonl" in p for k in (4, 5, 6, 7, 8))] + \
        [p for p in dev if p.endswith("claims_abstracts.jsonl") or p.endswith("claims_abstracts_v2.jsonl")]
    groups = [("random abstracts", random), ("review-style", [p for p in dev if p not in random]), ("pooled", dev)]
    print("| dev group | spans | detection P / R / F1 | factor token-F1 | outcome token-F1 | direction acc. | strength macro-F1 |")
    print("|---|---|---|---|---|---|---|")
    for group, paths in groups:
        rows = [r for path in paths for r in load_abstract_annotations(path)]
        if not rows:
            continue
        for oracle in (False, True):
            for name, model in (("rules", None), ("MiniLM tagger", tagger)):
                extractor.span_model, extractor.tagger_links = model, False
                r = evaluate_rows(extractor, rows, oracle=oracle)
                d = r["detection"]
                print(f"| {group} ({len(rows)}) | {name}{' (detection off)' if oracle else ''} | {d['precision']:.3f} / "
                      f"{d['recall']:.3f} / {d['f1']:.3f} | {r['factor']['token']['f1']:.3f} | "
                      f"{r['outcome']['token']['f1']:.3f} | {r['direction']['accuracy']:.3f} | "
                      f"{r['strength']['macro_f1']:.3f} |", flush=True)


if __name__ == "__main__":
    main()
