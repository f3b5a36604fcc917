"""Dev-only experiment: does a hierarchical (group -> design) decision beat the flat design model?

Out of fold on the hand-labelled *train* split (the same 5 stratified folds as ``train_model``;
the test split is never read), model alone (no rule mixture, no temperature), compares:

  (a) flat       the shipped model: argmax softmax(decision) over the 13 designs;
  (b) two-level  a coarse classifier over 5 design groups (trial / observational / qualitative /
                 review / other) and one fine classifier per group, trained on that group's weak
                 and hand-labelled examples only; P(design) = P(group) * P(design | group);
  (c) mix        0.5 * flat + 0.5 * two-level probabilities;
  (d) flat-gate  P(group) taken from the flat model (sum of its design probabilities in the
                 group) times the fine classifier's P(design | group): isolates whether the
                 within-group specialists help, without a separate coarse model.

Every classifier is ``train._fit`` with the config's features / C / weights (training/design.toml);
only the labels differ (weak and gold labels relabelled to groups, or restricted to one group).

    nice -n 10 .venv/bin/python bench/design_hierarchy_dev.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from _design_dev import dev_setup

from socialrecovery_nlp.design.labels import DESIGNS
from socialrecovery_nlp.design.model import softmax
from socialrecovery_nlp.design.train import _fit, confusion_pairs

GROUPS: dict[str, tuple[str, ...]] = {
    "trial": ("rct", "quasi_experimental"),
    "observational": ("cohort", "case_control", "cross_sectional"),
    "qualitative": ("qualitative", "mixed_methods"),
    "review": ("systematic_review", "meta_analysis", "narrative_review"),
    "other": ("case_study", "non_empirical", "unclear"),
}
GROUP_OF = {d: g for g, ds in GROUPS.items() for d in ds}
assert sorted(GROUP_OF) == sorted(DESIGNS)


def proba(model, texts, cues) -> tuple[list[str], np.ndarray]:
    """Class probabilities (softmax of the raw decision, temperature 1) and their labels."""
    s = model.decision(texts, cues)
    if s.ndim == 1:  # binary logistic regression: one score for classes_[1]
        s = np.column_stack([np.zeros_like(s), s])
    return model.labels_, softmax(s)


def to_design_matrix(labels: list[str], p: np.ndarray) -> np.ndarray:
    out = np.zeros((p.shape[0], len(DESIGNS)))
    for j, lab in enumerate(labels):
        out[:, DESIGNS.index(lab)] = p[:, j]
    return out


def report(name: str, gold: list[str], p: np.ndarray, labels: list[str]) -> dict:
    pred = [DESIGNS[i] for i in np.argmax(p, axis=1)]
    acc = float(np.mean([g == q for g, q in zip(gold, pred)]))
    macro = float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0))
    per = f1_score(gold, pred, labels=labels, average=None, zero_division=0)
    gacc = float(np.mean([GROUP_OF[g] == GROUP_OF[q] for g, q in zip(gold, pred)]))
    return {"name": name, "acc": acc, "macro": macro, "group_acc": gacc,
            "per": dict(zip(labels, per)), "conf": confusion_pairs(gold, pred, top=6)}


def main() -> None:
    t0 = time.perf_counter()
    setup = dev_setup()  # train split only
    config, gold, fold_of = setup.config, setup.gold, setup.fold_of
    weak_texts, weak_labels, weak_cues = setup.weak_texts, setup.weak_labels, setup.weak_cues
    y = [lab for _, lab, _ in gold]
    folds = int(config["calibration"]["folds"])
    n = len(gold)
    flat, p_group, p_fine = (np.zeros((n, len(DESIGNS))), np.zeros((n, len(GROUPS))),
                             np.zeros((n, len(DESIGNS))))  # p_fine: P(design | its group)
    group_names = list(GROUPS)
    n_fits = 0
    for k in range(folds):
        held = [i for i, f in enumerate(fold_of) if f == k]
        train = [g for i, g in enumerate(gold) if fold_of[i] != k]
        texts, cues = [gold[i][0] for i in held], [gold[i][2] for i in held]
        # (a) flat
        labs, p = proba(_fit(config, weak_texts, weak_labels, weak_cues, train), texts, cues)
        flat[held] = to_design_matrix(labs, p)
        # (b) coarse: relabel weak and gold to groups
        coarse = _fit(config, weak_texts, [GROUP_OF[lab] for lab in weak_labels], weak_cues,
                      [(t, GROUP_OF[lab], c) for t, lab, c in train])
        labs, p = proba(coarse, texts, cues)
        for j, g in enumerate(labs):
            p_group[held, group_names.index(g)] = p[:, j]
        # (b) fine: one classifier per group, on that group's weak and gold examples only
        for g, members in GROUPS.items():
            wi = [i for i, lab in enumerate(weak_labels) if lab in members]
            sub = [t for t in train if t[1] in members]
            present = {weak_labels[i] for i in wi} | {lab for _, lab, _ in sub}
            if len(present) < 2:  # a single design in the group: P(design | group) = 1
                for lab in present:
                    p_fine[held, DESIGNS.index(lab)] = 1.0
                continue
            fine = _fit(config, [weak_texts[i] for i in wi], [weak_labels[i] for i in wi],
                        [weak_cues[i] for i in wi], sub)
            labs, p = proba(fine, texts, cues)
            p_fine[held] += to_design_matrix(labs, p)
            n_fits += 1
        n_fits += 2
        print(f"fold {k}: {len(held)} held out, {time.perf_counter() - t0:.0f} s", flush=True)

    group_col = np.array([group_names.index(GROUP_OF[d]) for d in DESIGNS])
    two_level = p_group[:, group_col] * p_fine
    flat_group = np.stack([flat[:, [DESIGNS.index(d) for d in GROUPS[g]]].sum(1) for g in group_names], 1)
    flat_gate = flat_group[:, group_col] * p_fine
    labels = [d for d in DESIGNS if d in set(y)]
    rows = [report("(a) flat (shipped)", y, flat, labels),
            report("(b) two-level", y, two_level, labels),
            report("(c) 0.5 flat + 0.5 two-level", y, 0.5 * flat + 0.5 * two_level, labels),
            report("(d) flat group mass x fine", y, flat_gate, labels)]
    coarse_acc = float(np.mean([group_names[i] == GROUP_OF[g] for i, g in zip(np.argmax(p_group, 1), y)]))
    print(f"\ntrain split: {n} hand labels, {len(weak_texts)} weak examples, {folds} folds, "
          f"{n_fits} fits, {time.perf_counter() - t0:.0f} s; coarse classifier group accuracy {coarse_acc:.3f}")
    print(f"\n{'variant':32s} {'acc':>6s} {'macroF1':>8s} {'group acc':>10s}")
    for r in rows:
        print(f"{r['name']:32s} {r['acc']:6.3f} {r['macro']:8.3f} {r['group_acc']:10.3f}")
    print("\nper-design F1 (support):")
    print(f"{'design':20s} {'n':>4s} " + " ".join(f"{r['name'][:3]:>6s}" for r in rows))
    for lab in labels:
        print(f"{lab:20s} {y.count(lab):4d} " + " ".join(f"{r['per'][lab]:6.3f}" for r in rows))
    print("\ntop confusions [gold, predicted, count]:")
    for r in rows:
        print(f"  {r['name']}: {r['conf']}")


if __name__ == "__main__":
    main()
