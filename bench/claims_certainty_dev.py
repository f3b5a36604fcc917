"""Dev-only: choose the certainty model's settings on Pei & Jurgens' ``val`` split.

    python bench/claims_certainty_dev.py

Prints Pearson r / MAE on ``val`` for a small grid; the ``test`` split is not printed (it is
scored once when the claims model is trained, ``meta.json`` -> ``certainty``).
"""

from __future__ import annotations

import itertools

from socialrecovery_nlp.claims.certainty import CertaintyModel, evaluate
from socialrecovery_nlp.claims.data import certainty_findings


def main() -> None:
    train, val = certainty_findings("train"), certainty_findings("val")
    texts, scores = [r["finding"] for r in train], [r["sentence-level-certainty"] for r in train]
    mean = sum(scores) / len(scores)
    print("ngram_max alpha cue_weight | val pearson_r spearman_rho mae (baseline mae)")
    for ngram_max, alpha, cue_weight in itertools.product((1, 2, 3), (0.1, 0.3, 1.0), (0.0, 0.3, 1.0)):
        model = CertaintyModel(alpha=alpha, cue_weight=cue_weight, ngram_max=ngram_max).fit(texts, scores)
        m = evaluate(model, [r["finding"] for r in val], [r["sentence-level-certainty"] for r in val], mean)
        print(f"{ngram_max} {alpha} {cue_weight} | {m['pearson_r']:.3f} {m['spearman_rho']:.3f} {m['mae']:.3f} ({m['baseline_mae']:.3f})")


if __name__ == "__main__":
    main()
