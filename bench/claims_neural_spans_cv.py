"""Factor/outcome spans: rules alone vs rules + a fine-tuned MiniLM token tagger (``bench/claims_neural_spans.py``).

    python bench/claims_neural_spans_cv.py [--configs L2-mark L0-mark L2-sent] [--modes replace fill both override]
                                           [--epochs 8] [--folds 5] [--only-folds N] [--extra FILE ...]

Claim sentences of the training data (seed training split + training abstracts, origin seed/abstracts),
folds grouped by seed paragraph / abstract (GroupKFold 5); extraction with detection switched off (gold
claim sentences), so only the spans change. The tagger is fitted on the other folds' claim sentences; the
seed and abstracts parts are scored separately (pooled over folds). ``--extra``: annotation files scored
as one more held-out part by a tagger fitted on all training claim sentences (aggregate numbers only).
The seed test split and the unseen test abstracts are never read.

Configs: ``L<k>-mark`` (top k layers fine-tuned, trigger marked with token type 1, one tagging per
relation) or ``L<k>-sent`` (one tagging per sentence, no trigger marking); k = 0 is the frozen encoder
with a trained linear head; a ``-rule`` suffix also feeds the rule spans to the trained part (learned
"in rule factor" / "in rule outcome" vectors). Each fitted tagger is scored in every ``--modes`` mode.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from claims_span_cv import pooled

from socialrecovery_nlp.claims.data import load_abstract_annotations
from socialrecovery_nlp.claims.evaluate import evaluate_rows
from socialrecovery_nlp.claims.extract import ClaimExtractor, heading_length
from claims_neural_spans import NeuralSpanTagger
from socialrecovery_nlp.claims.spans import extract_relations
from socialrecovery_nlp.claims.train import load_config, training_examples
from socialrecovery_nlp.text.citations import find_citations

CONFIG = Path(__file__).resolve().parent.parent / "training" / "claims.toml"


def parse_like_extractor(parser, texts: list[str]):
    """Parses of each sentence without its leading heading, the rule relations the extractor finds
    in them (same citation skipping) and the heading lengths."""
    heads = [heading_length(t) for t in texts]
    docs = list(parser.pipe([t[k:] for t, k in zip(texts, heads)]))
    rels = []
    for t, k, d in zip(texts, heads, docs):
        skip = [(c.start - k, c.end - k) for c in find_citations(t) if c.start >= k]
        rels.append(extract_relations(d, skip))
    return docs, rels, heads


def shifted_claims(claims: list[dict], k: int) -> list[dict]:
    """Gold claims with offsets relative to the sentence minus its heading of ``k`` characters."""
    out = []
    for c in claims:
        c = dict(c)
        for part in ("factor", "outcome"):
            span = dict(c.get(part) or {})
            if span.get("start") is not None:
                if span["start"] >= k:
                    span["start"] -= k
                    span["end"] -= k
                else:
                    span["start"] = span["end"] = None
            c[part] = span
        out.append(c)
    return out


def make_tagger(config: str, args) -> NeuralSpanTagger:
    parts = config.split("-")
    k = int(parts[0][1:])
    epochs = args.epochs if k else args.head_epochs
    lr = args.lr
    for part in parts[1:]:  # optional "lr<value>" and "ep<n>" overrides, e.g. L6-mark-lr0.00005-ep6
        if part.startswith("lr"):
            lr = float(part[2:])
        elif part.startswith("ep"):
            epochs = int(part[2:])
    return NeuralSpanTagger(train_layers=k, mark_trigger="mark" in parts, rule_input="rule" in parts, epochs=epochs,
                            lr=lr, head_lr=args.head_lr, seed=args.seed, threads=args.threads)


def candidate_sentences(csv_path: Path, n_abstracts: int):
    """Parsed candidate sentences (and their rule relations) of the first ``n_abstracts`` abstracts of a
    screening CSV, as the shipped claims model's extractor selects them (trigger + detector threshold)."""
    import csv

    from socialrecovery_nlp.claims.extract import _trigger_units
    from socialrecovery_nlp.claims.model import load_extractor
    from socialrecovery_nlp.pipeline.language import load

    with open(csv_path, newline="", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if (r.get("abstract") or "").strip()][:n_abstracts]
    ext = load_extractor()[0]
    nlp = load(components=[])
    docs = list(nlp.pipe([(r.get("title") or "") + "\n" + r["abstract"] for r in rows]))
    units = [span for doc in docs for span in _trigger_units(doc)]
    scores = ext.detector.predict_proba([u.text for u in units])
    texts = [u.text for u, s in zip(units, scores) if s >= ext.threshold]
    pdocs, rels, _ = parse_like_extractor(ext.parser, texts)
    return len(rows), pdocs, rels


def speed(args) -> None:
    """Sentences/s of the tagger (``predict``, batched) on real candidate sentences, 1 and 2 threads,
    fp32 and int8 dynamic quantisation. Timing does not depend on the trained values, so the trained
    part is freshly initialised (not fitted)."""
    import torch

    root = Path(__file__).resolve().parent.parent
    n_abs, pdocs, rels = candidate_sentences(root / args.speed_csv, args.speed_n)
    n_rel = sum(len(r) for r in rels)
    print(f"{n_abs} abstracts, {len(pdocs)} candidate sentences ({len(pdocs) / n_abs:.2f} per abstract), "
          f"{n_rel} rule relations", flush=True)
    print("| config | precision | threads | sentences/s | relations/s | abstracts/s (tagger alone) |")
    print("|---|---|---|---|---|---|")
    for config in args.configs:
        for quant in (False, True):
            for threads in (1, 2):
                torch.set_num_threads(threads)
                tagger = make_tagger(config, args)
                tagger.threads = threads
                tagger.top, tagger.head = tagger._new_top()
                if quant:
                    tagger.quantize()
                tagger.predict(pdocs[:32], rels[:32])  # warm-up
                best = None
                for _ in range(2):
                    t0 = time.perf_counter()
                    tagger.predict(pdocs, rels)
                    dt = time.perf_counter() - t0
                    best = dt if best is None else min(best, dt)
                print(f"| {config} | {'int8' if quant else 'fp32'} | {threads} | {len(pdocs) / best:.1f} | "
                      f"{n_rel / best:.1f} | {n_abs / best:.1f} |", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--speed", action="store_true", help="time the tagger instead of the CV")
    ap.add_argument("--speed-csv", default="data/screening/synergy_Oud_2018.csv")
    ap.add_argument("--speed-n", type=int, default=300)
    ap.add_argument("--configs", nargs="*", default=["L2-mark", "L0-mark", "L2-sent"])
    ap.add_argument("--modes", nargs="*", default=["replace", "fill", "both", "override", "boundary"])
    ap.add_argument("--min-scores", type=float, nargs="*", default=[0.5])
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--head-epochs", type=int, default=20)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--only-folds", type=int, default=None, help="score only the first N folds (timing)")
    ap.add_argument("--no-cv", action="store_true", help="skip the CV (only --extra)")
    ap.add_argument("--extra", nargs="*", default=[])
    ap.add_argument("--exclude", nargs="*", default=[],
                    help="training abstract files left out of the training data (e.g. to score them with --extra)")
    args = ap.parse_args()
    if args.speed:
        speed(args)
        return
    t_start = time.time()
    config = load_config(CONFIG, {})
    overrides = {}
    if args.exclude:
        kept = [f for f in config["data"]["abstracts"] if f not in args.exclude]
        if len(kept) != len(config["data"]["abstracts"]) - len(set(args.exclude)):
            raise SystemExit(f"--exclude: not all of {args.exclude} are training files of {CONFIG}")
        overrides["data.abstracts"] = kept
    examples, _, _ = training_examples(load_config(CONFIG, overrides), CONFIG)
    examples = [e for e in examples if e["is_claim"] and e["origin"] in ("seed", "abstracts")]
    rows = [{**e, "start": 0, "end": len(e["text"]), "split": "cv"} for e in examples]
    base = ClaimExtractor(None)
    docs, rels, heads = parse_like_extractor(base.parser, [e["text"] for e in examples])
    gold = [shifted_claims(e["claims"], k) for e, k in zip(examples, heads)]
    groups = np.unique([e["group"] for e in examples], return_inverse=True)[1]
    origin = np.array([e["origin"] for e in examples])
    extra = [r for path in args.extra for r in load_abstract_annotations(path) if r["is_claim"]]
    variants = [("rules", None, None)] + [(f"{c} {m} s>={t}", c, m) for c in args.configs for m in args.modes
                                          for t in args.min_scores]
    parts = (() if args.no_cv else ("seed", "abstracts")) + (("extra",) if extra else ())
    results = {name: {p: [] for p in parts} for name, _, _ in variants}
    timing: dict[str, list[float]] = {c: [] for c in args.configs}

    def extractor(tagger):
        ext = ClaimExtractor(None)
        ext._parser, ext._parser_loaded = base.parser, True
        ext.span_model = tagger
        return ext

    def score(taggers: dict, held_rows: list[dict], part: str, held_docs, held_rels) -> None:
        results["rules"][part].append(evaluate_rows(extractor(None), held_rows, oracle=True))
        for config, tagger in taggers.items():
            tagger.prepare(held_docs, held_rels)
            for mode in args.modes:
                for t in args.min_scores:
                    tagger.mode, tagger.min_score = mode, t
                    results[f"{config} {mode} s>={t}"][part].append(evaluate_rows(extractor(tagger), held_rows, oracle=True))

    if not args.no_cv:
        for f, (tr, te) in enumerate(GroupKFold(args.folds).split(examples, groups=groups)):
            if args.only_folds is not None and f >= args.only_folds:
                break
            taggers = {}
            for config in args.configs:
                t0 = time.time()
                taggers[config] = make_tagger(config, args).fit([docs[i] for i in tr], [rels[i] for i in tr],
                                                                [gold[i] for i in tr])
                timing[config].append(time.time() - t0)
                print(f"fold {f} {config}: fit {timing[config][-1]:.1f}s, last epoch loss "
                      f"{taggers[config].last_loss:.4f}", flush=True)
            for org in ("seed", "abstracts"):
                held = [i for i in te if origin[i] == org]
                if held:
                    score(taggers, [rows[i] for i in held], org, [docs[i] for i in held], [rels[i] for i in held])
            print(f"fold {f} scored, {time.time() - t_start:.0f}s elapsed", flush=True)
    if extra:  # a development set: fitted on all training claim sentences, aggregate numbers only
        taggers = {config: make_tagger(config, args).fit(docs, rels, gold) for config in args.configs}
        edocs, erels, _ = parse_like_extractor(base.parser, [r["text"][0:] for r in extra])
        score(taggers, extra, "extra", edocs, erels)
    print(f"\ntotal {time.time() - t_start:.0f}s; fit seconds per fold: "
          + ", ".join(f"{c} {np.mean(v):.0f}" for c, v in timing.items() if v))
    print("| spans | data | factor token F1 | factor exact F1 | outcome token F1 | outcome exact F1 | direction acc. |")
    print("|---|---|---|---|---|---|---|")
    for name, _, _ in variants:
        for org in parts:
            s = pooled(results[name][org])
            print(f"| {name} | {org} | {s['factor_token_f1']:.3f} | {s['factor_exact_f1']:.3f} | "
                  f"{s['outcome_token_f1']:.3f} | {s['outcome_exact_f1']:.3f} | {s['direction_accuracy']:.3f} |",
                  flush=True)


if __name__ == "__main__":
    main()
