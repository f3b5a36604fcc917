"""Out-of-fold detection errors on the *training* sentences (both grouped CVs of claims_dev_cv.py).

    python bench/claims_detection_errors.py [--meta models/claims-0.3.0/meta.json] --out errors.jsonl

One line per training sentence (seed training split, folds by paragraph; annotated abstracts, folds
by abstract): gold label and non-claim kind, out-of-fold detector probability, whether it passes the
trigger gate / non-claim frames, and whether the extractor (end to end) predicts a claim. The seed
test split is filtered out before anything is scored or written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from claims_dev_cv import _detector

from socialrecovery_nlp.claims import data as claim_data
from socialrecovery_nlp.claims.evaluate import _blank
from socialrecovery_nlp.claims.extract import ClaimExtractor, _trigger_units
from socialrecovery_nlp.claims.frames import non_claim_frame

ROOT = Path(__file__).resolve().parent.parent


def _rows():
    seed = [r for r in claim_data.load_annotations(claim_data.ANNOTATIONS) if r["split"] == "train"]
    abstracts = claim_data.abstract_rows("train")
    return seed, abstracts


def _score(ext: ClaimExtractor, nlp, held: list[dict], origin: str) -> list[dict]:
    out = []
    scores = ext.detector.predict_proba([r["text"] for r in held])
    for row, doc, s in zip(held, nlp.pipe([r["text"] for r in held]), scores):
        claims = ext(doc)
        out.append({"origin": origin, "id": row["id"], "gold": bool(row["is_claim"]), "kind": row.get("kind"),
                    "score": round(float(s), 3), "gate": bool(_trigger_units(doc)), "frame": non_claim_frame(row["text"]),
                    "pred": bool(claims), "text": row["text"]})
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--meta", default=str(ROOT / "models" / "claims-0.3.0" / "meta.json"))
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    meta = json.loads(Path(args.meta).read_text(encoding="utf-8"))
    w_abs = float(meta.get("training", {}).get("abstracts_weight", 1.0))
    seed, abstracts = _rows()
    assert all(r["split"] == "train" for r in seed)
    nlp = _blank()
    out: list[dict] = []
    groups = np.array([r["paragraph"] for r in seed])
    for tr, te in GroupKFold(5).split(seed, groups=groups):
        texts = [seed[i]["text"] for i in tr] + [r["text"] for r in abstracts]
        labels = np.array([int(seed[i]["is_claim"]) for i in tr] + [int(r["is_claim"]) for r in abstracts])
        weights = np.array([1.0] * len(tr) + [w_abs] * len(abstracts))
        ext = ClaimExtractor(_detector(meta).fit(texts, labels, weights))
        out += _score(ext, nlp, [seed[i] for i in te], "seed")
    agroups = np.unique([f"{r['provenance']['dataset']}:{r['provenance']['record_id']}" for r in abstracts],
                        return_inverse=True)[1]
    for tr, te in GroupKFold(5).split(abstracts, groups=agroups):
        texts = [r["text"] for r in seed] + [abstracts[i]["text"] for i in tr]
        labels = np.array([int(r["is_claim"]) for r in seed] + [int(abstracts[i]["is_claim"]) for i in tr])
        weights = np.array([1.0] * len(seed) + [w_abs] * len(tr))
        ext = ClaimExtractor(_detector(meta).fit(texts, labels, weights))
        out += _score(ext, nlp, [abstracts[i] for i in te], "abstracts")
    with open(args.out, "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(line) + "\n" for line in out)
    for origin in ("seed", "abstracts", None):
        rows = [r for r in out if origin is None or r["origin"] == origin]
        tp = sum(r["pred"] and r["gold"] for r in rows)
        p, g = sum(r["pred"] for r in rows), sum(r["gold"] for r in rows)
        prec, rec = tp / max(p, 1), tp / max(g, 1)
        print(origin or "pooled", f"P {prec:.3f} R {rec:.3f} F1 {2 * prec * rec / max(prec + rec, 1e-9):.3f}",
              f"FP {p - tp} FN {g - tp}")


if __name__ == "__main__":
    main()
