"""Does external data help the claim-sentence detector? Grouped 5-fold CV on the seed training split.

    python bench/claims_detector_data.py > bench/claims_detector_data.md

For each weight of the Countercausal News Corpus (causal=1/uncausal=0) and of the certainty
findings (all positives), the detector is trained on the seed training folds plus the external
sentences and scored on the held-out seed folds (trigger gate applied, best threshold of
0.3-0.6). The seed test split is never used.
"""

from __future__ import annotations

from pathlib import Path

from socialrecovery_nlp.claims.train import load_config, select_threshold, training_set

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "training" / "claims.toml"


def main() -> None:
    print("| countercausality weight | certainty weight | CV precision | CV recall | CV F1 | threshold |")
    print("|---|---|---|---|---|---|")
    for w_cc in (0.0, 0.05, 0.2):
        for w_cert in (0.0, 0.05, 0.2):
            config = load_config(CONFIG, {"data.countercausality_weight": w_cc, "data.certainty_weight": w_cert})
            texts, labels, weights, groups, _ = training_set(config, CONFIG)
            params = {k: config["detector"][k] for k in ("C", "ngram_max", "min_df", "seed")}
            threshold, _confident, cv = select_threshold(texts, labels, weights, groups, params)
            print(f"| {w_cc} | {w_cert} | {cv['precision']:.3f} | {cv['recall']:.3f} | {cv['f1']:.3f} | {threshold} |")


if __name__ == "__main__":
    main()
