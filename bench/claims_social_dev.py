"""How well the extractor's ``social`` rule reads gold factors, against a learned baseline (development only).

    python bench/claims_social_dev.py

For every annotated claim of the training abstracts, the development abstracts v23 to v26 and the seed training
split, the rule (``ClaimExtractor.social_factor`` on the gold factor text: a social word or a codebook theme cue;
an empty factor or a pronoun counts as not social here) is compared with the annotator's ``social``. For reference,
a logistic regression over character and word n-grams of the factor text, trained on the training abstracts and the
seed training split (class-balanced, C = 10), is scored on v23 to v26. The held-out abstract and title files are
never read; ``annotations/claims.jsonl`` is read and filtered to its training split in memory.
"""

from __future__ import annotations

import os

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _claims(rows):
    return [(c["factor"]["text"], bool(c["social"])) for r in rows for c in r["claims"]]


def _scores(gold, pred) -> str:
    tp = sum(g and p for g, p in zip(gold, pred))
    fp = sum(p and not g for g, p in zip(gold, pred))
    fn = sum(g and not p for g, p in zip(gold, pred))
    prec, rec = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * prec * rec / max(prec + rec, 1e-9)
    acc = float(np.mean(np.array(gold) == np.array(pred)))
    return f"n {len(gold)}, social {sum(gold)}: P {prec:.3f} R {rec:.3f} F1 {f1:.3f} accuracy {acc:.3f}"


def main() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    from socialrecovery_nlp.claims import data as claim_data
    from socialrecovery_nlp.claims.extract import _PRONOUNS, ClaimExtractor

    extractor = ClaimExtractor(None)

    def rule(text: str) -> bool:
        return bool(text) and text.lower() not in _PRONOUNS and extractor.social_factor(text)

    train = _claims(claim_data.abstract_rows("train"))
    dev = _claims(r for v in (23, 24, 25, 26) for r in claim_data.load_abstract_annotations(
        claim_data.SOURCE_ROOT / "annotations" / f"claims_abstracts_v{v}.jsonl"))
    seed = _claims(r for r in claim_data.load_annotations(claim_data.ANNOTATIONS) if r["split"] == "train")
    for name, items in (("training abstracts", train), ("development abstracts v23-v26", dev), ("seed training split", seed)):
        print(f"rule, {name}: {_scores([g for _, g in items], [rule(f) for f, _ in items])}")
    features = make_union(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True),
                          TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True))
    model = make_pipeline(features, LogisticRegression(C=10, class_weight="balanced", max_iter=2000))
    model.fit([f for f, _ in train + seed], [g for _, g in train + seed])
    print(f"learned baseline, development abstracts v23-v26: {_scores([g for _, g in dev], list(model.predict([f for f, _ in dev])))}")


if __name__ == "__main__":
    main()
