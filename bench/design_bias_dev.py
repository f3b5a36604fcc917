"""Dev-only: per-design additive bias terms on the combined log-probabilities, cross-fitted.

A classic adjustment for macro-F1: predict ``argmax_j (log p_j + b_j)`` instead of ``argmax_j log p_j``,
with one bias ``b_j`` per design (13). The biases are fitted by coordinate ascent on macro-F1 over the
designs with >= 15 hand-labelled TRAIN records (the issue's metric; 12 designs, ``unclear`` has 13), on
the out-of-fold (OOF) combined probabilities of the train split, produced exactly as
``bench/design_combined_dev.py`` does (``train_model`` of ``training/design.toml``, fold deal
``calibration.seed``; combined = ``combine_batch`` of the rule decisions and the OOF model
probabilities at the fitted temperature, with the fitted mixture).

Cross-fitting: the OOF records are split in two halves, stratified by label; biases fitted on one half
are applied to the other and vice versa, so every record gets a prediction from biases that never saw
it. Repeated over ``--halvings`` random halvings per fold deal. Reported: macro-F1 (>= 15 and all 13),
accuracy and RCT-vs-rest AUROC (of the re-normalised biased ``rct`` probability) before vs after, the
spread over halvings / deals, and how many records the biases move (right -> wrong, wrong -> right).
The test split is never read or scored.

    nice -n 5 python bench/design_bias_dev.py --seeds 0,1,2 --halvings 20 --cache /tmp/designbias

``--cache DIR`` keeps each fold deal's OOF combined probabilities (``oof_seed<k>.npz``) so the bias
analysis can be rerun without retraining (the build is 3-5 min per deal on 2 shared cores).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from design_settings_dev import _override

MIN_SUPPORT = 15  # as socialrecovery_nlp.design.evaluate.MIN_SUPPORT (the metric)
FOCUS = ("cohort", "narrative_review", "case_study", "mixed_methods")


# --------------------------------------------------------------------------- OOF build
def build_oof(seed: int, cache: Path | None) -> dict:
    """OOF combined distribution over the train split for fold deal ``seed`` (as design_combined_dev)."""
    path = cache / f"oof_seed{seed}.npz" if cache else None
    if path is not None and path.exists():
        z = np.load(path, allow_pickle=False)
        return {"labels": [str(x) for x in z["labels"]], "gold": [str(x) for x in z["gold"]],
                "dist": z["dist"], "uids": [str(x) for x in z["uids"]]}
    from socialrecovery_nlp.design.combine import combine_batch
    from socialrecovery_nlp.design.model import softmax
    from socialrecovery_nlp.design.train import TrainingData, load_config, train_model

    base = load_config(ROOT / "training" / "design.toml")
    config = base if seed == int(base["calibration"]["seed"]) else _override(base, f"calibration.seed={seed}")
    data = TrainingData(config, ROOT)  # train_model uses data.train only; the test split is not scored
    t0 = time.time()
    predictor, facts = train_model(config, data, log=lambda *a: None)
    proba = softmax(predictor.dev_scores / predictor.classifier.temperature)
    decisions = [predictor.rule_decision(v)[0] for v in predictor.dev_views]
    dist = combine_batch(decisions, proba, predictor.labels, predictor.params,
                         [bool(v.short) for v in predictor.dev_views])
    gold = [g for g, _ in predictor.dev_pairs]
    # sanity: the argmax of combine_batch reproduces train_model's dev predictions
    same = np.mean([predictor.labels[int(np.argmax(d))] == p for d, (_, p) in zip(dist, predictor.dev_pairs)])
    print(f"[seed {seed}] OOF built in {time.time() - t0:.0f} s: {len(gold)} train records, dev {facts['dev_out_of_fold']['accuracy']} / "
          f"{facts['dev_out_of_fold']['macro_f1_all']}; combination {predictor.params.to_dict()}; "
          f"argmax agreement with dev_pairs {same:.3f}", flush=True)
    out = {"labels": list(predictor.labels), "gold": gold, "dist": dist, "uids": list(data.train)}
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(path, labels=np.array(out["labels"]), gold=np.array(gold), dist=dist, uids=np.array(out["uids"]))
    return out


# --------------------------------------------------------------------------- metrics
def f1_per_label(y: np.ndarray, pred: np.ndarray, k: int) -> np.ndarray:
    """Per-label F1 (sklearn's, zero_division=0). ``pred`` may be 2-D (grid x records)."""
    pred = np.atleast_2d(pred)
    onehot_y = np.eye(k, dtype=np.int32)[y]  # n x k
    tp = np.stack([((pred == j) & (y == j)).sum(axis=1) for j in range(k)], axis=1)
    npred = np.stack([(pred == j).sum(axis=1) for j in range(k)], axis=1)
    ngold = onehot_y.sum(axis=0)[None, :]
    denom = npred + ngold
    return np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)


def macro(y, pred, k, cols) -> np.ndarray:
    return f1_per_label(y, pred, k)[:, cols].mean(axis=1)


def auroc(pos: np.ndarray, score: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(pos, score))


def biased(logp: np.ndarray, b: np.ndarray) -> np.ndarray:
    z = logp + b[None, :]
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


# --------------------------------------------------------------------------- bias fit
def fit_biases(logp: np.ndarray, y: np.ndarray, cols: list[int], grid: np.ndarray, rounds: int = 6) -> np.ndarray:
    """Coordinate ascent on macro-F1 (over ``cols``): each design's bias in turn set to the grid value
    with the highest macro-F1, the others fixed; ties go to the value closest to 0 (then to the
    current value); stops when a round changes nothing."""
    k = logp.shape[1]
    b = np.zeros(k)
    order = np.argsort(np.abs(grid), kind="stable")  # ties -> smallest |b|
    best = macro(y, np.argmax(logp, axis=1), k, cols)[0]
    for _ in range(rounds):
        changed = False
        for j in range(k):
            z = logp + b[None, :]
            others = np.delete(z, j, axis=1)
            other_arg = np.argmax(others, axis=1)
            other_arg = other_arg + (other_arg >= j)  # index into the full label set
            margin = others.max(axis=1) - logp[:, j]  # design j wins where b_j > margin
            preds = np.where(grid[:, None] > margin[None, :], j, other_arg[None, :])
            scores = macro(y, preds, k, cols)
            cand = order[np.argmax(scores[order])]  # first maximum in |b| order
            if scores[cand] > best + 1e-12:
                b[j], best, changed = grid[cand], scores[cand], True
        if not changed:
            break
    return b


def halves(y: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """0/1 half of each record, stratified by label (per label a shuffle dealt alternately,
    continuing across labels so odd counts balance)."""
    half = np.zeros(len(y), dtype=int)
    t = int(rng.integers(2))
    for lab in np.unique(y):
        idx = np.flatnonzero(y == lab)
        rng.shuffle(idx)
        for i in idx:
            half[i] = t % 2
            t += 1
    return half


# --------------------------------------------------------------------------- main
def summarise(y, pred, prct, k, cols, rct) -> dict:
    per = f1_per_label(y, pred, k)[0]
    pred = np.asarray(pred).reshape(-1)
    rec = {j: float(np.mean(pred[y == j] == j)) for j in range(k)}
    return {"macro15": float(per[cols].mean()), "macro_all": float(per.mean()), "acc": float(np.mean(pred == y)),
            "auroc": auroc(y == rct, prct), "f1": per, "recall": rec}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default="0,1,2", help="fold deals (calibration.seed) to build")
    ap.add_argument("--halvings", type=int, default=20, help="random stratified halvings per fold deal")
    ap.add_argument("--cache", default=None, help="folder for the OOF combined probabilities")
    ap.add_argument("--grid-max", type=float, default=2.0, help="bias grid -max..max")
    ap.add_argument("--grid-step", type=float, default=0.05)
    ap.add_argument("--json", default=None, help="write the numbers to this file")
    ap.add_argument("--build-only", action="store_true")
    args = ap.parse_args()
    cache = Path(args.cache) if args.cache else None
    seeds = [int(s) for s in args.seeds.split(",")]
    grid = np.round(np.arange(-args.grid_max, args.grid_max + 1e-9, args.grid_step), 4)
    deals: dict = {s: build_oof(s, cache) for s in seeds}
    if args.build_only:
        return
    if len(seeds) > 1:  # also: the mean of the deals' OOF combined distributions (each is out of fold)
        first = deals[seeds[0]]
        assert all(deals[s]["uids"] == first["uids"] and deals[s]["gold"] == first["gold"] for s in seeds)
        deals["mean"] = {**first, "dist": np.mean([deals[s]["dist"] for s in seeds], axis=0)}
    labels = deals[seeds[0]]["labels"]
    k, rct = len(labels), labels.index("rct")
    report: dict = {"seeds": seeds, "halvings": args.halvings, "grid": [float(grid[0]), float(grid[-1]), args.grid_step],
                    "labels": labels, "deals": {}}
    rows_all = []
    for s, d in deals.items():
        assert d["labels"] == labels
        y = np.array([labels.index(g) for g in d["gold"]])
        counts = np.bincount(y, minlength=k)
        cols = [j for j in range(k) if counts[j] >= MIN_SUPPORT]
        logp = np.log(np.clip(d["dist"], 1e-12, None))
        base_pred = np.argmax(logp, axis=1)
        base = summarise(y, base_pred[None, :], d["dist"][:, rct], k, cols, rct)
        b_all = fit_biases(logp, y, cols, grid)
        ins_pred = np.argmax(logp + b_all, axis=1)
        ins = summarise(y, ins_pred[None, :], biased(logp, b_all)[:, rct], k, cols, rct)
        print(f"[seed {s}] n {len(y)}; macro-F1 over {len(cols)} designs (>= {MIN_SUPPORT}: "
              f"{', '.join(labels[j] for j in range(k) if j not in cols)} left out)", flush=True)
        print(f"   before: macro-F1(>=15) {base['macro15']:.3f} all-13 {base['macro_all']:.3f} acc {base['acc']:.3f} "
              f"AUROC {base['auroc']:.4f}", flush=True)
        print(f"   in-sample (biases fitted on all OOF, optimistic): macro-F1(>=15) {ins['macro15']:.3f} "
              f"acc {ins['acc']:.3f} AUROC {ins['auroc']:.4f}; moved {int(np.sum(ins_pred != base_pred))}; biases "
              + ", ".join(f"{labels[j]} {b_all[j]:+.2f}" for j in range(k) if b_all[j] != 0), flush=True)
        rng = np.random.default_rng(1000 + (s if isinstance(s, int) else 99))
        rows, fitted = [], []
        for h in range(args.halvings):
            half = halves(y, rng)
            pred, prct = base_pred.copy(), d["dist"][:, rct].copy()
            pred_shr = base_pred.copy()  # sensitivity: the fitted biases halved (shrunk toward 0)
            half_scores = []
            for side in (0, 1):
                fit_rows, ev = half != side, half == side
                b = fit_biases(logp[fit_rows], y[fit_rows], cols, grid)
                fitted.append(b)
                pred[ev] = np.argmax(logp[ev] + b, axis=1)
                pred_shr[ev] = np.argmax(logp[ev] + 0.5 * b, axis=1)
                prct[ev] = biased(logp[ev], b)[:, rct]
                hb = macro(y[ev], base_pred[ev][None, :], k, cols)[0]
                ha = macro(y[ev], pred[ev][None, :], k, cols)[0]
                half_scores.append((hb, ha))
            aft = summarise(y, pred[None, :], prct, k, cols, rct)
            moved = pred != base_pred
            row = {"seed": s, "halving": h, "before": {x: base[x] for x in ("macro15", "macro_all", "acc", "auroc")},
                   "after": {x: aft[x] for x in ("macro15", "macro_all", "acc", "auroc")},
                   "shrunk": {"macro15": float(macro(y, pred_shr[None, :], k, cols)[0]),
                              "acc": float(np.mean(pred_shr == y)), "moved": int(np.sum(pred_shr != base_pred))},
                   "half_macro15": half_scores, "moved": int(moved.sum()),
                   "fixed": int(np.sum(moved & (pred == y))), "broken": int(np.sum(moved & (base_pred == y))),
                   "recall_before": {labels[j]: base["recall"][j] for j in range(k)},
                   "recall_after": {labels[j]: aft["recall"][j] for j in range(k)},
                   "f1_after": {labels[j]: float(aft["f1"][j]) for j in range(k)}}
            rows.append(row)
        fb = np.array(fitted)
        dm = np.array([r["after"]["macro15"] - r["before"]["macro15"] for r in rows])
        am = np.array([r["after"]["macro15"] for r in rows])
        print(f"   cross-fitted over {args.halvings} halvings: macro-F1(>=15) {base['macro15']:.3f} -> {am.mean():.3f} "
              f"(sd {am.std(ddof=1):.3f}, min {am.min():.3f}, max {am.max():.3f}; delta {dm.mean():+.3f}, "
              f"{int(np.sum(dm > 0))} up / {int(np.sum(dm < 0))} down); acc {base['acc']:.3f} -> "
              f"{np.mean([r['after']['acc'] for r in rows]):.3f}; AUROC {base['auroc']:.4f} -> "
              f"{np.mean([r['after']['auroc'] for r in rows]):.4f}; moved {np.mean([r['moved'] for r in rows]):.1f} "
              f"(fixed {np.mean([r['fixed'] for r in rows]):.1f}, broken {np.mean([r['broken'] for r in rows]):.1f})", flush=True)
        print("   bias per design over the half-fits (mean, sd): " + ", ".join(
            f"{labels[j]} {fb[:, j].mean():+.2f}/{fb[:, j].std():.2f}" for j in range(k)), flush=True)
        print("   recall before -> after (cross-fitted mean): " + ", ".join(
            f"{lab} {base['recall'][labels.index(lab)]:.2f} -> {np.mean([r['recall_after'][lab] for r in rows]):.2f}"
            for lab in FOCUS), flush=True)
        report["deals"][str(s)] = {
            "n": int(len(y)), "designs_in_macro": [labels[j] for j in cols],
            "before": {x: base[x] for x in ("macro15", "macro_all", "acc", "auroc")},
            "before_f1": {labels[j]: float(base["f1"][j]) for j in range(k)},
            "in_sample": {x: ins[x] for x in ("macro15", "macro_all", "acc", "auroc")},
            "in_sample_biases": {labels[j]: float(b_all[j]) for j in range(k)},
            "in_sample_moved": int(np.sum(ins_pred != base_pred)),
            "halfwise_bias_mean": {labels[j]: float(fb[:, j].mean()) for j in range(k)},
            "halfwise_bias_sd": {labels[j]: float(fb[:, j].std()) for j in range(k)},
            "rows": rows}
        sh = np.array([r["shrunk"]["macro15"] for r in rows])
        print(f"   sensitivity, biases halved: macro-F1(>=15) {sh.mean():.3f} (sd {sh.std(ddof=1):.3f}), acc "
              f"{np.mean([r['shrunk']['acc'] for r in rows]):.3f}, moved {np.mean([r['shrunk']['moved'] for r in rows]):.1f}",
              flush=True)
        if isinstance(s, int):  # the pooled 'mean' deal is reported, not aggregated with the deals
            rows_all += rows
    # overall
    def agg(key, part):
        v = np.array([r[part][key] for r in rows_all])
        return float(v.mean()), float(v.std(ddof=1)) if len(v) > 1 else 0.0
    print(f"ALL (fold deals {seeds}: {len(seeds)} deals x {args.halvings} halvings = {len(rows_all)} cross-fits):", flush=True)
    summary = {}
    for key in ("macro15", "macro_all", "acc", "auroc"):
        b0, a0 = agg(key, "before"), agg(key, "after")
        d = np.array([r["after"][key] - r["before"][key] for r in rows_all])
        summary[key] = {"before_mean": b0[0], "before_sd": b0[1], "after_mean": a0[0], "after_sd": a0[1],
                        "delta_mean": float(d.mean()), "delta_sd": float(d.std(ddof=1)),
                        "delta_min": float(d.min()), "delta_max": float(d.max()),
                        "share_up": float(np.mean(d > 0)), "share_down": float(np.mean(d < 0))}
        print(f"   {key}: {b0[0]:.3f} (sd {b0[1]:.3f}) -> {a0[0]:.3f} (sd {a0[1]:.3f}); delta {d.mean():+.4f} "
              f"sd {d.std(ddof=1):.4f} [{d.min():+.3f}, {d.max():+.3f}], up {np.mean(d > 0):.2f} down {np.mean(d < 0):.2f}",
              flush=True)
    hd = np.array([a - b for r in rows_all for b, a in r["half_macro15"]])
    summary["half_macro15_delta"] = {"mean": float(hd.mean()), "sd": float(hd.std(ddof=1)),
                                     "share_up": float(np.mean(hd > 0)), "share_down": float(np.mean(hd < 0))}
    for x in ("moved", "fixed", "broken"):
        summary[x] = float(np.mean([r[x] for r in rows_all]))
    summary["shrunk"] = {x: float(np.mean([r["shrunk"][x] for r in rows_all])) for x in ("macro15", "acc", "moved")}
    summary["recall"] = {lab: [float(np.mean([r["recall_before"][lab] for r in rows_all])),
                               float(np.mean([r["recall_after"][lab] for r in rows_all]))] for lab in labels}
    print(f"   per evaluation half, macro-F1(>=15) delta {hd.mean():+.4f} sd {hd.std(ddof=1):.4f} "
          f"(up {np.mean(hd > 0):.2f}, down {np.mean(hd < 0):.2f}); records moved {summary['moved']:.1f} of "
          f"{len(y)} (fixed {summary['fixed']:.1f}, broken {summary['broken']:.1f})", flush=True)
    print("   recall before -> after: " + ", ".join(f"{lab} {v[0]:.2f} -> {v[1]:.2f}" for lab, v in summary["recall"].items()),
          flush=True)
    f1b = {lab: float(np.mean([report["deals"][str(r["seed"])]["before_f1"][lab] for r in rows_all])) for lab in labels}
    f1a = {lab: float(np.mean([r["f1_after"][lab] for r in rows_all])) for lab in labels}
    summary["f1"] = {lab: [f1b[lab], f1a[lab]] for lab in labels}
    print("   per-design F1 before -> after: " + ", ".join(f"{lab} {f1b[lab]:.2f} -> {f1a[lab]:.2f}" for lab in labels),
          flush=True)
    report["summary"] = summary
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(report, indent=1, default=float), encoding="utf-8")


if __name__ == "__main__":
    main()
