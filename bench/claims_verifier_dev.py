"""Dev experiment: a second-stage claim verifier over parse features, against the shipped gate.

    python bench/claims_detection_errors.py --meta models/claims-0.5.0/meta.json --out /tmp/oof.jsonl
    python bench/claims_verifier_dev.py /tmp/oof.jsonl [--lower 0.25] [--dev annotations/claims_abstracts_v4.jsonl]

The first script gives every *training* sentence its out-of-fold detector probability and whether
the shipped extractor (end to end) predicts a claim. Here every sentence that passes the trigger
gate and the non-claim frames with a probability >= ``--lower`` is parsed and given features from
its rule relations (a factor and an outcome linked, claims without spans, strength, hedge,
negation, ...) beside the probability; a logistic regression, fitted and scored in grouped 5-fold
CV (groups: abstract / seed paragraph), decides. Prints pooled detection P / R / F1 of the shipped
gate and of the verifier at several cut-offs.
"""

from __future__ import annotations

import argparse
import json
import re

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from socialrecovery_nlp.claims.evaluate import _blank
from socialrecovery_nlp.claims.extract import ClaimExtractor

_STAT = re.compile(r"\b[pP]\s*[<=>≤]|95\s*%|\bCI\b|\bOR\b|\br\s*=")


def parse_features(extractor: ClaimExtractor, nlp, texts: list[str]) -> list[dict]:
    saved = extractor.threshold
    extractor.threshold = -1.0
    out = []
    for doc in nlp.pipe(texts):
        claims = [c.to_dict() for c in extractor(doc)]
        has_f = [c["factor"]["start"] is not None for c in claims]
        has_o = [c["outcome"]["start"] is not None for c in claims]
        out.append({
            "n_claims": min(len(claims), 3), "any": float(bool(claims)),
            "linked": float(any(f and o for f, o in zip(has_f, has_o))),
            "factor_only": float(any(f and not o for f, o in zip(has_f, has_o))),
            "spanless": float(any(not f and not o for f, o in zip(has_f, has_o))),
            "causal": float(any(c["strength"] == "causal" for c in claims)),
            "hedged": float(any(c["hedged"] for c in claims)),
            "negated": float(any(c["negated"] for c in claims)),
            "pronoun_factor": float(any(c["factor"]["text"].lower() in ("this", "it", "these", "that", "they", "which")
                                        for c in claims)),
            "stat": float(bool(_STAT.search(doc.text))),
        })
    extractor.threshold = saved
    return out


def matrix(rows: list[dict], feats: list[dict]) -> np.ndarray:
    keys = sorted(feats[0])
    s = np.array([r["score"] for r in rows])
    return np.column_stack([s, s ** 2, *[[f[k] for f in feats] for k in keys], s * np.array([f["linked"] for f in feats])])


def prf(gold, pred) -> str:
    gold, pred = np.asarray(gold, bool), np.asarray(pred, bool)
    tp = (gold & pred).sum()
    p, r = tp / max(pred.sum(), 1), tp / max(gold.sum(), 1)
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f} (pred {pred.sum()}, gold {gold.sum()})"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("oof")
    ap.add_argument("--lower", type=float, default=0.25)
    ap.add_argument("--C", type=float, default=1.0)
    args = ap.parse_args()
    rows = [json.loads(line) for line in open(args.oof, encoding="utf-8")]
    cand = [i for i, r in enumerate(rows) if r["gate"] and not r["frame"] and r["score"] >= args.lower]
    extractor = ClaimExtractor(None)
    feats = parse_features(extractor, _blank(), [rows[i]["text"] for i in cand])
    X = matrix([rows[i] for i in cand], feats)
    y = np.array([rows[i]["gold"] for i in cand], dtype=int)
    groups = np.unique([re.sub(r"-s\d+$", "", rows[i]["id"]) for i in cand], return_inverse=True)[1]
    proba = np.zeros(len(cand))
    for tr, te in GroupKFold(5).split(X, y, groups):
        model = LogisticRegression(C=args.C, max_iter=2000).fit(X[tr], y[tr])
        proba[te] = model.predict_proba(X[te])[:, 1]
    gold = [r["gold"] for r in rows]
    print("candidates:", len(cand), "gold claims among them:", int(y.sum()), "of", sum(gold))
    print("shipped gate:", prf(gold, [r["pred"] for r in rows]))
    for origin in ("seed", "abstracts"):
        sub = [k for k, r in enumerate(rows) if r["origin"] == origin]
        print(f"  {origin}:", prf([gold[k] for k in sub], [rows[k]["pred"] for k in sub]))
    for cut in (0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
        pred = np.zeros(len(rows), bool)
        pred[np.array(cand)] = proba >= cut
        line = f"verifier >= {cut}: {prf(gold, pred)}"
        for origin in ("seed", "abstracts"):
            sub = [k for k, r in enumerate(rows) if r["origin"] == origin]
            line += f" | {origin} {prf([gold[k] for k in sub], pred[sub])}"
        print(line)


if __name__ == "__main__":
    main()
