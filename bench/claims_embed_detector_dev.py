"""Does a sentence embedding help the claim detector? (development experiment, not a test)

    python bench/claims_embed_detector_dev.py [--alphas 0.5 1 2] [--cache /tmp/claims_emb.npz]
        [--dev annotations/work/claims_abstracts_v11.jsonl ...]

The shipped detector is TF-IDF word n-grams (+ cue markers) and a logistic regression
(``claims.detector.ClaimDetector``). The variant adds the all-MiniLM-L6-v2 vector of the sentence
(``themes.encoder.SentenceEncoder``, unit length, times ``alpha``) as dense columns of the same
logistic regression. Both are scored by grouped 5-fold CV over the training sentences of
``training/claims.toml`` (the trigger gate and the parse check: ``claims.train.gate_features``),
seed and abstracts separately, at the shipped cut-offs (threshold 0.4, confident 0.55) and at the
CV-best cut-offs; then, fitted on all training sentences, on each ``--dev`` file (sentence-level
detection with the same gate). Test files are never read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
from scipy import sparse

from socialrecovery_nlp.claims.data import load_abstract_annotations
from socialrecovery_nlp.claims.detector import ClaimDetector
from socialrecovery_nlp.claims.train import (
    best_cutoffs,
    detector_params,
    example_arrays,
    gate_features,
    load_config,
    score_cutoffs,
    training_examples,
)

CONFIG = Path("training/claims.toml")


class EmbeddingDetector(ClaimDetector):
    """TF-IDF columns plus ``alpha`` x the sentence's MiniLM vector, one logistic regression."""

    def __init__(self, embed, alpha: float = 1.0, **kw):
        super().__init__(**kw)
        self.embed, self.alpha = embed, alpha

    def _matrix(self, texts, fit=False):
        tfidf = self.pipeline.steps[0][1]
        x = tfidf.fit_transform(self._featurize(texts)) if fit else tfidf.transform(self._featurize(texts))
        return sparse.hstack([x, sparse.csr_matrix(self.alpha * self.embed(texts))]).tocsr()

    def fit(self, texts, labels, sample_weight=None):
        self.pipeline = self._build()
        lr = self.pipeline.steps[1][1]
        lr.fit(self._matrix(texts, fit=True), np.asarray(labels), sample_weight=sample_weight)
        return self

    def predict_proba(self, texts):
        return self.pipeline.steps[1][1].predict_proba(self._matrix(texts))[:, 1]


class Embedder:
    """MiniLM vectors with an on-disk cache keyed by the text's hash."""

    def __init__(self, cache: Path | None):
        self.cache_path = cache
        self.store: dict[str, np.ndarray] = {}
        if cache and cache.exists():
            data = np.load(cache)
            self.store = {k: data[k] for k in data.files}
        self.encoder = None

    def __call__(self, texts):
        keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in self.store}.items())
        if missing:
            if self.encoder is None:
                from socialrecovery_nlp.themes.encoder import SentenceEncoder
                self.encoder = SentenceEncoder(device="cpu", batch_size=32, max_length=128)
            vecs = self.encoder.encode([t for _, t in missing])
            for (k, _), v in zip(missing, vecs):
                self.store[k] = v
            if self.cache_path:
                np.savez(self.cache_path, **self.store)
        return np.stack([self.store[k] for k in keys])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--alphas", type=float, nargs="*", default=[0.5, 1.0, 2.0])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/claims_emb.npz"))
    ap.add_argument("--dev", nargs="*", default=[])
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    from sklearn.model_selection import GroupKFold

    config = load_config(CONFIG)
    params = detector_params(config)
    arrays = example_arrays(training_examples(config, CONFIG)[0])
    texts, y, w, origin, groups = (arrays[k] for k in ("texts", "y", "w", "origin", "groups"))
    embed = Embedder(args.cache)
    embed(texts)
    trig, full = gate_features(texts)
    variants = {"tfidf": lambda: ClaimDetector(**params)}
    for a in args.alphas:
        variants[f"tfidf+minilm a={a}"] = (lambda a=a: EmbeddingDetector(embed, alpha=a, **params))
    dev = {}
    for path in args.dev:
        rows = load_abstract_annotations(path)
        dt = [r["text"] for r in rows]
        dev[path] = (dt, np.array([int(r["is_claim"]) for r in rows]), *gate_features(dt))
    report = {}
    for name, make in variants.items():
        oof = np.zeros(len(texts))
        for tr, te in GroupKFold(args.folds).split(texts, y, groups):
            det = make().fit([texts[i] for i in tr], y[tr], w[tr])
            oof[te] = det.predict_proba([texts[i] for i in te])
        cv = {"oof": oof, "trig": trig, "full": full, "y": y}
        out = {}
        for part in ("seed", "abstracts"):
            mask = origin == part
            from sklearn.metrics import roc_auc_score
            out[part] = {"shipped_cutoffs": score_cutoffs(cv, 0.4, 0.55, mask),
                         "best": best_cutoffs(cv, mask=mask), "auc": round(roc_auc_score(y[mask], oof[mask]), 4)}
        det = make().fit(texts, y, w)
        for path, (dt, dy, dtrig, dfull) in dev.items():
            p = det.predict_proba(dt)
            dcv = {"oof": p, "trig": dtrig, "full": dfull, "y": dy}
            out[path] = {"shipped_cutoffs": score_cutoffs(dcv, 0.4, 0.55), "auc": round(roc_auc_score(dy, p), 4)}
        report[name] = out
        print(name, json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
