"""Dev-only, not adopted: a learned valence for outcome phrases the valence lexicon does not know.

    python bench/claims_valence_dev.py [--model models/claims-0.12.0] [--embed] [--out FILE.json]

Direction composes the predicate with the outcome's valence; an outcome the lexicon (claims/valence.py) does not
know counts as good. This script asks whether a classifier can do better on those phrases.

1. Labels from the annotations: the extractor runs with detection off over the *training* sentences (seed train
   split and the abstract files the claims model trains on); each gold claim is matched to the extracted claim whose
   outcome overlaps it most. Where the rules read an ``increase``, ``decrease`` or ``associate`` predicate (not
   negated, not mixed) and the gold direction is promotes or hinders, the gold direction fixes the valence the
   phrase the extractor read must have had (a lowering word, "associated with [lower] X", turns it over).
2. Grouped 5-fold CV by record on those pairs: accuracy on the phrases the lexicon does not know, for the old
   default (good) and for the classifier where it is sure by a margin (else the default). TF-IDF word and character
   n-grams + logistic regression; with ``--embed`` also frozen all-MiniLM-L6-v2 vectors of the phrase, trained with
   and without the lexicon's own phrases as extra examples.
3. The same pairs drawn from the development abstracts v23 to v26 (never trained on), scored with the classifier fitted
   on all training pairs.

Test files (seed test split, v3, v10, titles t2) are never read.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
DEV = [ROOT / "annotations" / f"claims_abstracts_v{v}.jsonl" for v in (23, 24, 25, 26)]


def _trace_extractor():
    """Patch the extract module so every Claim carries the predicate kind and the phrase (and sign) whose
    valence was read. Dev instrumentation only."""
    import socialrecovery_nlp.claims.extract as ext
    from socialrecovery_nlp.claims.direction import LOWERING_WORDS, _BETWEEN

    last: dict = {}
    compose, assoc, valence, claim = ext.compose, ext.association_valence, ext.outcome_valence, ext.Claim

    def traced_compose(kind, v, **kw):
        last["kind"] = kind
        return compose(kind, v, **kw)

    def traced_valence(text):
        last["phrase"], last["sign"] = text, 1
        return valence(text)

    def traced_assoc(lead, outcome):
        out = re.sub(r"^(?:a|an|the)\s+", "", outcome.strip(), flags=re.IGNORECASE)
        words = re.findall(r"[a-z]+(?:-[a-z]+)*", out.lower())
        before = re.findall(r"[a-z]+", lead.lower())
        lowered = [i for i, w in enumerate(before) if w in LOWERING_WORDS]
        if words and words[0] in LOWERING_WORDS and len(words) > 1:
            last["phrase"], last["sign"] = out.split(None, 1)[1], -1
        elif lowered and all(w in _BETWEEN for w in before[lowered[-1] + 1:]):
            last["phrase"], last["sign"] = outcome, -1
        else:
            last["phrase"], last["sign"] = outcome, 1
        return assoc(lead, outcome)

    def traced_claim(*args, **kwargs):
        made = claim(*args, **kwargs)
        made.trace = dict(last)
        return made

    ext.compose, ext.association_valence, ext.outcome_valence, ext.Claim = traced_compose, traced_assoc, traced_valence, traced_claim


def valence_pairs(extractor, rows):
    """``(phrase, valence, record)`` for matched gold claims whose direction depends on the outcome's valence."""
    from socialrecovery_nlp.claims import lexicon as lx
    from socialrecovery_nlp.claims.evaluate import _blank, _overlap, _tokens

    saved = extractor.threshold
    extractor.threshold = -1.0
    out = []
    rows = [r for r in rows if r.get("is_claim") and r.get("claims")]
    for row, doc in zip(rows, _blank().pipe([r["text"] for r in rows])):
        claims = [c for c in extractor(doc) if hasattr(c, "trace")]
        base, text = row["start"], row["text"]
        for gold in row["claims"] if claims else []:
            if gold["negated"] or gold["outcome"]["start"] is None or gold["direction"] not in ("promotes", "hinders"):
                continue
            g_out = _tokens(gold["outcome"]["start"] - base, gold["outcome"]["end"] - base, 0, text)
            g_fac = _tokens(gold["factor"]["start"] - base, gold["factor"]["end"] - base, 0, text)

            def key(c):
                o = _tokens(c.outcome.start_char, c.outcome.end_char, 0, text) if c.outcome is not None else set()
                f = _tokens(c.factor.start_char, c.factor.end_char, 0, text) if c.factor is not None else set()
                return _overlap(g_out, o), _overlap(g_fac, f)

            best = max(claims, key=key)
            kind, phrase = best.trace.get("kind"), best.trace.get("phrase")
            if key(best)[0] <= 0 or best.negated or best.direction == "mixed" or not phrase \
                    or kind not in (lx.INCREASE, lx.DECREASE, lx.ASSOCIATE):
                continue
            used = 1 if (gold["direction"] == "promotes") == (kind != lx.DECREASE) else -1
            out.append((phrase, used * best.trace["sign"], row["id"].rsplit("-s", 1)[0]))
    extractor.threshold = saved
    return out


def _tfidf_lr(C):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, make_pipeline

    return make_pipeline(FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2))]),
        LogisticRegression(C=C, max_iter=2000, class_weight="balanced"))


def _scores(p_bad, labels, mask, margin):
    answer = np.where(p_bad >= margin, -1, np.where(p_bad <= 1 - margin, 1, 0))
    final = np.where(answer != 0, answer, 1)
    return {"accuracy_unknown": round(float((final[mask] == labels[mask]).mean()), 4),
            "coverage_unknown": round(float((answer[mask] != 0).mean()), 4)}


def main() -> None:
    global np
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from socialrecovery_nlp.claims import lexicon as lx
    from socialrecovery_nlp.claims.data import TRAINING_ABSTRACT_FILES, load_abstract_annotations, load_annotations
    from socialrecovery_nlp.claims.model import load_extractor
    from socialrecovery_nlp.claims.valence import MORE_BAD, MORE_GOOD, outcome_valence

    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None)
    ap.add_argument("--embed", action="store_true")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    _trace_extractor()
    extractor, meta = load_extractor(args.model, None, fast=False)
    rows = [r for r in load_annotations() if r["split"] == "train"]
    for path in TRAINING_ABSTRACT_FILES:
        rows += load_abstract_annotations(path)
    train = valence_pairs(extractor, rows)
    dev = valence_pairs(extractor, [r for f in DEV for r in load_abstract_annotations(f)])
    phrases, labels, groups = [p for p, _, _ in train], np.array([v for _, v, _ in train]), [g for _, _, g in train]
    d_phrases, d_labels = [p for p, _, _ in dev], np.array([v for _, v, _ in dev])
    unknown = np.array([outcome_valence(p) == 0 for p in phrases])
    d_unknown = np.array([outcome_valence(p) == 0 for p in d_phrases])
    report = {"model": f"{meta['name']}@{meta['version']}", "train_pairs": len(train), "train_unknown": int(unknown.sum()),
              "dev_pairs": len(dev), "dev_unknown": int(d_unknown.sum()),
              "default_accuracy_unknown": {"cv": round(float((labels[unknown] > 0).mean()), 4),
                                           "dev": round(float((d_labels[d_unknown] > 0).mean()), 4)},
              "variants": {}}
    folds = list(GroupKFold(n_splits=5).split(phrases, labels, groups))

    def run(name, fit, x, dx):
        oof = np.zeros(len(phrases))
        for tr, te in folds:
            model = fit(tr)
            oof[te] = model.predict_proba(x(te))[:, list(model.classes_).index(-1)]
        model = fit(np.arange(len(phrases)))
        dev_p = model.predict_proba(dx)[:, list(model.classes_).index(-1)]
        for margin in (0.6, 0.7, 0.8):
            report["variants"][f"{name} margin={margin}"] = {"cv": _scores(oof, labels, unknown, margin),
                                                             "dev": _scores(dev_p, d_labels, d_unknown, margin)}
        return model

    for C in (0.5, 2.0, 8.0):
        run(f"tfidf C={C}", lambda tr, C=C: _tfidf_lr(C).fit([phrases[i] for i in tr], labels[tr]),
            lambda te: [phrases[i] for i in te], d_phrases)
    if args.embed:
        from socialrecovery_nlp.themes.encoder import SentenceEncoder

        enc = SentenceEncoder()
        x, dx = enc.encode(phrases), enc.encode(d_phrases)
        lex = [(w, 1) for w in lx.GOOD_OUTCOMES + MORE_GOOD] + [(w, -1) for w in lx.BAD_OUTCOMES + lx.BAD_OUTCOMES_DIRECTION + MORE_BAD]
        xl, yl = enc.encode([w for w, _ in lex]), np.array([v for _, v in lex])
        for C in (0.5, 2.0, 8.0):
            for aug in (False, True):
                def fit(tr, C=C, aug=aug):
                    xs, ys = (np.vstack([x[tr], xl]), np.concatenate([labels[tr], yl])) if aug else (x[tr], labels[tr])
                    return LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(xs, ys)
                run(f"minilm C={C} lexicon_examples={aug}", fit, lambda te: x[te], dx)
    print(json.dumps(report, indent=1), flush=True)
    if args.out:
        Path(args.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
