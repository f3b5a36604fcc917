"""Ceiling check: a sentence-level BIO tagger (all factor/outcome spans of a claim sentence) against the rule
relations, as token-F1 of the union of tagged tokens per sentence (pooled), detection off, on development files
left out of the training data (default v17 + v18). Uses the bench tagger of ``claims_neural_spans.py``.

    python bench/claims_span_tagger_ceiling.py [--config L6-sent-lr0.00005-ep6] [--dev FILE ...]
"""
import sys, time
from pathlib import Path
import numpy as np
sys.path.insert(0, str(Path(__file__).resolve().parent))
from claims_neural_spans_cv import parse_like_extractor, shifted_claims, make_tagger, CONFIG
from claims_neural_spans import decode_spans
from socialrecovery_nlp.claims.data import load_abstract_annotations
from socialrecovery_nlp.claims.evaluate import evaluate_rows
from socialrecovery_nlp.claims.extract import ClaimExtractor, heading_length
from socialrecovery_nlp.claims.train import load_config, training_examples
import argparse
ap = argparse.ArgumentParser()
ap.add_argument("--config", default="L6-sent-lr0.00005-ep6")
ap.add_argument("--dev", nargs="*", default=["annotations/claims_abstracts_v17.jsonl", "annotations/claims_abstracts_v18.jsonl"])
ap.add_argument("--epochs", type=int, default=8); ap.add_argument("--head-epochs", type=int, default=20)
ap.add_argument("--lr", type=float, default=1e-4); ap.add_argument("--head-lr", type=float, default=1e-3)
ap.add_argument("--seed", type=int, default=0); ap.add_argument("--threads", type=int, default=2)
args = ap.parse_args()
cfg = load_config(CONFIG, {})
cfg2 = load_config(CONFIG, {"data.abstracts": [f for f in cfg["data"]["abstracts"] if f not in args.dev]})
ex, _, _ = training_examples(cfg2, CONFIG)
ex = [e for e in ex if e["is_claim"] and e["origin"] in ("seed", "abstracts")]
base = ClaimExtractor(None)
docs, rels, heads = parse_like_extractor(base.parser, [e["text"] for e in ex])
gold = [shifted_claims(e["claims"], k) for e, k in zip(ex, heads)]
dev = [r for p in args.dev for r in load_abstract_annotations(p) if r["is_claim"]]
ddocs, drels, dheads = parse_like_extractor(base.parser, [r["text"] for r in dev])
dgold = [shifted_claims([{**c, "factor": {**c["factor"], "start": None if c["factor"]["start"] is None else c["factor"]["start"] - r["start"], "end": None if c["factor"]["end"] is None else c["factor"]["end"] - r["start"]},
          "outcome": {**c["outcome"], "start": None if c["outcome"]["start"] is None else c["outcome"]["start"] - r["start"], "end": None if c["outcome"]["end"] is None else c["outcome"]["end"] - r["start"]}} for c in r["claims"]], k) for r, k in zip(dev, dheads)]
print(len(ex), "train claim sentences;", len(dev), "dev claim sentences", flush=True)
t0 = time.time()
tagger = make_tagger(args.config, args).fit(docs, rels, gold)
print(f"fit {time.time()-t0:.0f}s", flush=True)
probs = tagger.predict(ddocs, None)

def toks_of_chars(doc, spans):
    out = set()
    for s, e in spans:
        if s is None: continue
        out |= {t.i for t in doc if t.idx < e and t.idx + len(t) > s and not t.is_punct}
    return out

def f1(tp, p, g):
    pr = tp / p if p else 0; rc = tp / g if g else 0
    return 2 * pr * rc / (pr + rc) if pr + rc else 0
res = {k: {"F": [0, 0, 0], "T": [0, 0, 0]} for k in ("rules", "tagger", "rules_or_tagger", "tagger_s0.5")}
for d, doc in enumerate(ddocs):
    p = probs[(d, None)]
    tags = p.argmax(1).tolist()
    for role, part in (("F", "factor"), ("T", "outcome")):
        g = toks_of_chars(doc, [(c[part]["start"], c[part]["end"]) for c in dgold[d]])
        rule = set()
        for r in drels[d]:
            span = r.factor if role == "F" else r.outcome
            if span is not None: rule |= {i for i in range(span[0], span[1]) if not doc[i].is_punct}
        tg = {i for a, b, s in decode_spans(tags, p, role) for i in range(a, b) if not doc[i].is_punct}
        tg5 = {i for a, b, s in decode_spans(tags, p, role) if s >= 0.5 for i in range(a, b) if not doc[i].is_punct}
        for name, pred in (("rules", rule), ("tagger", tg), ("rules_or_tagger", rule or tg), ("tagger_s0.5", tg5)):
            c = res[name][role]; c[0] += len(g & pred); c[1] += len(pred); c[2] += len(g)
for name, r in res.items():
    print(f"{name}: factor token-F1 {f1(*r['F']):.3f} (P {r['F'][0]/max(r['F'][1],1):.3f} R {r['F'][0]/max(r['F'][2],1):.3f}); outcome {f1(*r['T']):.3f}")
