"""Evaluate the design model on the fixed test split and write ``docs/models/design.md``.

Reproduce with::

    python -m socialrecovery_nlp.design.evaluate --write docs/models/design.md

(uses ``training/design.toml`` for the data paths and the newest ``models/design-*``).
"""

from __future__ import annotations

import argparse
import datetime as _dt
from pathlib import Path

import numpy as np
from sklearn.metrics import (
    confusion_matrix,
    precision_recall_fscore_support,
    roc_auc_score,
)

from ..calibration import brier_score, expected_calibration_error
from .labels import DESIGNS

MIN_SUPPORT = 15
#: Everything after this line in the written report is kept when the report is regenerated.
MARKER = "<!-- end of generated part: notes below are kept on regeneration -->"


def _scores(gold: list[str], pred: list[str], labels: list[str]) -> dict:
    p, r, f, s = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    per = {lab: {"precision": round(float(a), 3), "recall": round(float(b), 3), "f1": round(float(c), 3),
                 "support": int(d)} for lab, a, b, c, d in zip(labels, p, r, f, s)}
    big = [lab for lab in labels if per[lab]["support"] >= MIN_SUPPORT]
    macro = float(np.mean([per[lab]["f1"] for lab in big])) if big else float("nan")
    accuracy = float(np.mean([g == q for g, q in zip(gold, pred)]))
    return {"per_label": per, "macro_f1_support15": round(macro, 3), "labels_support15": big,
            "accuracy": round(accuracy, 3)}


def evaluate_split(predictor, data, uids: list[str]) -> dict:
    """Metrics of the combined predictor (and of rules alone / model alone) on ``uids``."""
    from .train import _views

    abstracts = [data.abstracts[u] for u in uids]
    gold = [data.gold[u] for u in uids]
    views = _views(abstracts)
    results = predictor.predict_views(views)
    labels = [lab for lab in DESIGNS if lab in set(gold) | set(predictor.labels)]
    pred = [r["label"] for r in results]
    combined = _scores(gold, pred, labels)
    rules_only = _scores(gold, [r["rule"]["label"] or "unclear" for r in results], labels)
    model_proba = predictor.model_proba(views)
    model_only = _scores(gold, [predictor.labels[int(i)] for i in np.argmax(model_proba, axis=1)], labels)
    y_rct = np.array([g == "rct" for g in gold])
    p_rct = np.array([r["probabilities"].get("rct", 0.0) for r in results])
    auroc = float(roc_auc_score(y_rct, p_rct)) if 0 < y_rct.sum() < len(y_rct) else float("nan")
    confident = [r["rule"]["confident"] for r in results]
    conf_correct = [r["rule"]["label"] == g for r, g in zip(results, gold) if r["rule"]["confident"]]
    cm = confusion_matrix(gold, pred, labels=labels)
    errors = [{"uid": u, "gold": g, "pred": r["label"], "score": r["score"]}
              for u, g, r in zip(uids, gold, results) if g != r["label"]]
    proba = np.array([[r["probabilities"].get(lab, 0.0) for lab in predictor.labels] for r in results])
    gold_index = np.array([predictor.labels.index(g) for g in gold])
    summary = {"n": len(uids), "macro_f1_support15": combined["macro_f1_support15"],
               "accuracy": combined["accuracy"], "rct_auroc": round(auroc, 4),
               "ece": round(expected_calibration_error(proba, gold_index), 4),
               "brier": round(brier_score(proba, gold_index), 4),
               "rules_confident_share": round(float(np.mean(confident)), 3),
               "rules_confident_precision": round(float(np.mean(conf_correct)), 3) if conf_correct else None}
    return {"summary": summary, "combined": combined, "rules_only": rules_only, "model_only": model_only,
            "labels": labels, "confusion": cm.tolist(), "errors": errors}


def to_markdown(metrics: dict, model_id: str, command: str) -> str:
    s, c = metrics["summary"], metrics["combined"]
    labels = metrics["labels"]
    lines = [
        "# Study design model: evaluation",
        "",
        f"Model `{model_id}`, fixed test split `annotations/design_splits.json` (part `test`, "
        f"{s['n']} hand-labelled abstracts). Generated {_dt.date.today().isoformat()} by:",
        "",
        f"    {command}",
        "",
        "## Summary",
        "",
        "| metric | value | target |",
        "|---|---|---|",
        f"| macro-F1 over designs with >= {MIN_SUPPORT} test examples ({len(c['labels_support15'])} designs) "
        f"| {s['macro_f1_support15']:.3f} | >= 0.85 |",
        f"| accuracy (all designs) | {s['accuracy']:.3f} | |",
        f"| RCT vs non-RCT AUROC (combined probability of `rct`) | {s['rct_auroc']:.3f} | >= 0.98 |",
        *([f"| calibration of the combined probabilities: expected calibration error (10 bins) / multiclass Brier "
           f"score | {s['ece']:.3f} / {s['brier']:.3f} | |"] if "ece" in s else []),
        f"| share of records where the rules alone are confident | {s['rules_confident_share']:.3f} | |",
        f"| precision of the rules where confident | {s['rules_confident_precision']} | |",
        "",
        "Ablations on the same split (macro-F1 over the same designs / accuracy):",
        "",
        f"- rules + model (shipped): {c['macro_f1_support15']:.3f} / {c['accuracy']:.3f}",
        f"- rules alone (no cue -> `unclear`): {metrics['rules_only']['macro_f1_support15']:.3f} / "
        f"{metrics['rules_only']['accuracy']:.3f}",
        f"- model alone: {metrics['model_only']['macro_f1_support15']:.3f} / {metrics['model_only']['accuracy']:.3f}",
        "",
        "## Per design (rules + model)",
        "",
        "| design | precision | recall | F1 | test support |",
        "|---|---|---|---|---|",
    ]
    for lab in labels:
        m = c["per_label"][lab]
        flag = "" if m["support"] >= MIN_SUPPORT else " (below 15, not in macro-F1)"
        lines.append(f"| {lab}{flag} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['support']} |")
    short = {lab: lab[:6] for lab in labels}
    lines += ["", "## Confusion matrix (rows: hand label, columns: prediction)", "",
              "| gold \\ pred | " + " | ".join(short[lab] for lab in labels) + " |",
              "|---|" + "---|" * len(labels)]
    for lab, row in zip(labels, metrics["confusion"]):
        lines.append(f"| {lab} | " + " | ".join(str(v) for v in row) + " |")
    lines += ["", "Column abbreviations are the first six letters of the design ids.", "",
              "## Reading these numbers", "",
              "- Every test record was read twice, blind: `agent:design-1` labelled all of them; a second pass on",
              "  120 agreed on 88.3% (kappa 0.87; 14 disagreements adjudicated under guideline v1.1) and one on",
              "  the other 156 agreed on 90.4% (kappa 0.89; 15 disagreements adjudicated under v1.2, without",
              "  any model output; `docs/models/agreement.md`, `annotations/guidelines/design.md`).",
              "  Two more annotators (`agent:design-3` and `agent:design-4`, guideline v1.2) added 388 and 343",
              "  train-only labels targeted at the designs earlier models confused; they never enter the test",
              "  split. Blind second passes on 80 and 70 of them (random) agreed on 95.0% and 95.7% (kappa 0.94",
              "  and 0.95, `docs/models/agreement.md`).",
              "- 330 of the 452 labelled records were drawn per *rule-predicted* design and 82 more were",
              "  targeted at rare designs, so the test split over-represents records whose design is named",
              "  in cue words; 40 were drawn uniformly at random. Scores on unselected abstracts will differ.",
              "- Test records never enter weak labelling, training, calibration or tuning; the out-of-fold",
              "  estimate on the train split (in `meta.json`, `training.dev_out_of_fold`) was used for choices.",
              "- Errors concentrate where the guideline draws fine lines (quasi-experimental vs RCT without",
              "  stated randomisation, case-control vs cross-sectional group comparisons, narrative review vs",
              "  non-empirical overviews).", "",
              "## Use", "",
              "```python",
              "import socialrecovery_nlp as srnlp",
              "nlp = srnlp.load()            # srnlp_design loads the newest models/design-*",
              "doc = ...                     # docs built from records (see pipeline.analyze)",
              "doc._.design                  # {'label': 'qualitative', 'score': 0.83, 'evidence': [{'text', 'start', 'end'}]}",
              "from socialrecovery_nlp.design import cited_designs",
              "cited_designs(sentence_span)  # [{'citation_text': 'Mancini, 2007', 'design': 'qualitative', 'start', 'end'}]",
              "```", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from ..paths import find_model
    from .predict import DesignPredictor
    from .train import TrainingData, load_config, repo_root

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default=None, help="training config (default: training/design.toml)")
    parser.add_argument("--model", default=None, help="model directory (default: newest models/design-*)")
    parser.add_argument("--write", default=None, help="write the markdown report to this path")
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parents[3]
    config_path = Path(args.config) if args.config else root / "training" / "design.toml"
    config = load_config(config_path)
    data = TrainingData(config, repo_root(config_path))
    model_dir = Path(args.model) if args.model else find_model("design")
    if model_dir is None:
        raise SystemExit("no design model found; run `srnlp train training/design.toml`")
    predictor = DesignPredictor.load(model_dir)
    metrics = evaluate_split(predictor, data, data.test)
    command = "python -m socialrecovery_nlp.design.evaluate --write docs/models/design.md"
    text = to_markdown(metrics, predictor.model_id, command)
    if args.write:
        out = Path(args.write)
        out.parent.mkdir(parents=True, exist_ok=True)
        kept = ""
        if out.is_file() and MARKER in out.read_text(encoding="utf-8"):
            kept = out.read_text(encoding="utf-8").split(MARKER, 1)[1]  # hand-written notes survive
        out.write_text(text + "\n" + MARKER + kept, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
