"""Dev-only: classifier feature / learner variants, model alone, out of fold on the TRAIN split.

The weak examples, hand labels and folds are built once (``_design_dev.dev_setup``, as
``train_model`` builds them); each variant is fitted 5 times (one per fold, the held-out fold's
hand labels out) and scored on the held-out hand labels. The test split is never read.

Variants (``name`` arguments, default all):
  base        TF-IDF word 1-2-grams + rule-cue columns (the shipped recipe)
  title=W     + a separate TF-IDF block of the title only, times W
  method=W    + a TF-IDF block of the sentences that describe the study's own method ("we",
              "this study", "participants", "patients were", a "Methods:"/"Design:" heading ...), times W
  char=W      + character 3-5-gram TF-IDF (char_wb) times W
  svm=A       scores = (1 - A) * LR scores + A * LinearSVC scores (scaled to the LR score spread)
  nobal       LogisticRegression without class_weight="balanced"
  nbraw=W     scores = LR scores + W * centred ComplementNB joint log-likelihood (alpha 0.3), no scaling
  nba=ALPHA   as nbraw with W = NBA_W and ComplementNB alpha ALPHA
  nb=A        scores = LR scores + A * centred ComplementNB log-probabilities (word TF-IDF block)
  mindf=N     word TF-IDF min_df N;  maxf=N  word TF-IDF max_features N;  cw=W  cue weight W

    nice -n 5 python bench/design_features_dev.py base title=0.5 method=0.5 seed=1 base nbraw=0.5
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _design_dev import dev_setup

from socialrecovery_nlp.corpus.record import TITLE_SEPARATOR
from socialrecovery_nlp.design.features import cue_features
from socialrecovery_nlp.design.train import confusion_pairs

NBA_W = 2.0  # weight of the NB block for the nba=ALPHA variants
SENT = re.compile(r"(?<=[.!?])\s+|\n+")
OWN = re.compile(r"\b(we|our|this (study|trial|paper|article|review|report|investigation|analysis)|"
                 r"the (present|current) (study|trial|paper|review)|participants|patients were|subjects were|"
                 r"were (recruited|enrolled|included|assigned|allocated|followed|interviewed|surveyed|randomi[sz]ed)|"
                 r"methods?\s*:|design\s*:|setting\s*:|data sources?\s*:)", re.IGNORECASE)


def title_of(text: str) -> str:
    return text.partition(TITLE_SEPARATOR)[0]


def method_text(text: str) -> str:
    body = text.partition(TITLE_SEPARATOR)[2]
    return " ".join(s for s in SENT.split(body) if OWN.search(s))


def vec(**kw) -> TfidfVectorizer:
    return TfidfVectorizer(sublinear_tf=True, lowercase=True, dtype=np.float32, **kw)


def run(name: str, setup) -> None:
    key, _, val = name.partition("=")
    w = float(val) if val else 0.0
    cfg = setup.config
    f, c = cfg["features"], cfg["classifier"]
    gold_w = float(cfg["weak"]["gold_weight"])
    gold = setup.gold
    y_gold = [g for _, g, _ in gold]
    oof_pred = [None] * len(gold)
    t0 = time.time()
    for k in range(int(cfg["calibration"]["folds"])):
        tr = [i for i, fo in enumerate(setup.fold_of) if fo != k]
        te = [i for i, fo in enumerate(setup.fold_of) if fo == k]
        texts = list(setup.weak_texts) + [gold[i][0] for i in tr]
        labels = list(setup.weak_labels) + [gold[i][1] for i in tr]
        cues = list(setup.weak_cues) + [gold[i][2] for i in tr]
        sw = np.array([1.0] * len(setup.weak_texts) + [gold_w] * len(tr))
        te_texts = [gold[i][0] for i in te]
        te_cues = [gold[i][2] for i in te]
        min_df = int(w) if key == "mindf" else f["min_df"]
        max_f = int(w) if key == "maxf" else f["max_features"]
        blocks = [(vec(ngram_range=(1, f["ngram_max"]), min_df=min_df, max_features=max_f),
                   lambda ts: ts, 1.0)]
        if key == "title":
            blocks.append((vec(ngram_range=(1, 2), min_df=2), lambda ts: [title_of(t) for t in ts], w))
        if key == "method":
            blocks.append((vec(ngram_range=(1, 2), min_df=2, max_features=50000),
                           lambda ts: [method_text(t) for t in ts], w))
        if key == "char":
            blocks.append((vec(analyzer="char_wb", ngram_range=(3, 5), min_df=3, max_features=100000),
                           lambda ts: ts, w))
        xs_tr, xs_te = [], []
        for v, fn, bw in blocks:
            xs_tr.append(v.fit_transform(fn(texts)) * bw)
            xs_te.append(v.transform(fn(te_texts)) * bw)
        cw = w if key == "cw" else float(f.get("cue_weight", 0.0))
        xs_tr.append(sparse.csr_matrix(cue_features(cues, cw)))
        xs_te.append(sparse.csr_matrix(cue_features(te_cues, cw)))
        x_tr, x_te = sparse.hstack(xs_tr).tocsr(), sparse.hstack(xs_te).tocsr()
        lr = LogisticRegression(C=c["C"], max_iter=c["max_iter"],
                                class_weight=None if key == "nobal" else "balanced")
        lr.fit(x_tr, labels, sample_weight=sw)
        s = lr.decision_function(x_te)
        if key == "svm":
            svm = LinearSVC(C=0.5, class_weight="balanced")
            svm.fit(x_tr, labels, sample_weight=sw)
            s2 = svm.decision_function(x_te)
            s = (1 - w) * s + w * s2 * (s.std() / max(s2.std(), 1e-9))
        if key in ("nbraw", "nba"):
            from sklearn.naive_bayes import ComplementNB
            alpha = 0.3 if key == "nbraw" else w
            nb = ComplementNB(alpha=alpha).fit(xs_tr[0], labels, sample_weight=sw)
            jll = np.asarray(xs_te[0] @ nb.feature_log_prob_.T)
            jll = jll - jll.mean(axis=1, keepdims=True)
            if k == 0:
                print(f"   fold 0: LR score std {s.std():.3f}, NB centred jll std {jll.std():.3f}", flush=True)
            s = s + (w if key == "nbraw" else NBA_W) * jll
        if key == "nb":
            from sklearn.naive_bayes import ComplementNB
            nb = ComplementNB(alpha=0.3).fit(xs_tr[0], labels, sample_weight=sw)
            lp = nb.predict_log_proba(xs_te[0]) if hasattr(nb, "predict_log_proba") else None
            lp = lp - lp.mean(axis=1, keepdims=True)
            s = s + w * lp * (s.std() / max(lp.std(), 1e-9))
        for i, row in zip(te, s):
            oof_pred[i] = lr.classes_[int(np.argmax(row))]
    acc = float(np.mean([a == b for a, b in zip(y_gold, oof_pred)]))
    labs = sorted(set(y_gold))
    f1 = f1_score(y_gold, oof_pred, labels=labs, average=None, zero_division=0)
    print(f"{name}: model alone accuracy {acc:.3f} macro-F1 {float(np.mean(f1)):.3f} ({time.time() - t0:.0f} s)")
    print("   " + ", ".join(f"{lab} {x:.2f}" for lab, x in zip(labs, f1)))
    print(f"   {confusion_pairs(y_gold, oof_pred, top=5)}", flush=True)


def main(names: list[str]) -> None:
    setup = dev_setup()
    print(f"gold train {len(setup.gold)}, weak {len(setup.weak_texts)} (test split not read)", flush=True)
    for name in names or ["base", "title=0.5", "method=0.5", "svm=0.5", "nobal"]:
        if name.startswith("seed="):  # re-deal the stratified folds with another seed
            from socialrecovery_nlp.design.train import stratified_folds
            setup.fold_of = stratified_folds([g for _, g, _ in setup.gold], int(setup.config["calibration"]["folds"]),
                                             int(name.partition("=")[2]))
            print(f"folds re-dealt, {name}", flush=True)
            continue
        run(name, setup)


if __name__ == "__main__":
    main(sys.argv[1:])
