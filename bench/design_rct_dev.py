"""Dev-only check (issue 4): RCT vs non-RCT AUROC out of fold on the hand-labelled train split,
for the shipped multiclass design model and for a dedicated RCT-vs-rest scorer on the same
features, alone and averaged with it. The test split is not read.

    python bench/design_rct_dev.py [C ...]      # C values for the binary scorer (default 2)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from _design_dev import dev_setup

from socialrecovery_nlp.design.model import softmax
from socialrecovery_nlp.design.train import _fit


def binary(label: str) -> str:
    return "rct" if label == "rct" else "other"


def main() -> None:
    Cs = [float(c) for c in sys.argv[1:]] or [2.0]
    setup = dev_setup()  # train split only
    config, gold, fold_of = setup.config, setup.gold, setup.fold_of
    weak_texts, weak_labels, weak_cues = setup.weak_texts, setup.weak_labels, setup.weak_cues
    y = np.array([label == "rct" for _, label, _ in gold])
    multi = np.zeros(len(gold))
    single = {C: np.zeros(len(gold)) for C in Cs}
    t0 = time.perf_counter()
    for k in sorted(set(fold_of)):
        held = [i for i, f in enumerate(fold_of) if f == k]
        train = [g for i, g in enumerate(gold) if fold_of[i] != k]
        texts, cues = [gold[i][0] for i in held], [gold[i][2] for i in held]
        model = _fit(config, weak_texts, weak_labels, weak_cues, train)
        multi[held] = softmax(model.decision(texts, cues))[:, model.labels_.index("rct")]
        for C in Cs:
            cfg = {**config, "classifier": {**config["classifier"], "C": C}}
            b = _fit(cfg, weak_texts, [binary(lab) for lab in weak_labels], weak_cues,
                     [(t, binary(lab), c) for t, lab, c in train])
            s = b.decision(texts, cues)
            s = s if s.ndim == 1 else s[:, b.labels_.index("rct")]
            single[C][held] = 1 / (1 + np.exp(-s))
    print(f"train split: {len(y)} hand labels, {int(y.sum())} rct; {time.perf_counter() - t0:.0f} s")
    print(f"multiclass P(rct), out of fold: AUROC {roc_auc_score(y, multi):.4f}")
    for C in Cs:
        print(f"RCT-vs-rest C={C}: alone {roc_auc_score(y, single[C]):.4f}, "
              f"averaged with the multiclass {roc_auc_score(y, (multi + single[C]) / 2):.4f}")


if __name__ == "__main__":
    main()
