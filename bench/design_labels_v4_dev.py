"""Dev-only: do the `targeted_v4` labels help the design model on the *earlier* train labels?

    nice -n 5 python bench/design_labels_v4_dev.py annotations/work/design_v4_labels.jsonl [--seeds 0 1 2]

Trains ``training/design.toml`` twice per fold seed (``calibration.seed``): on the train split as it
was (1,067 labels) and with the new labels added as ``data.extra`` (train only; texts of test records are
dropped by the loader). Scores the combined out-of-fold predictions on the **earlier** train labels only,
so both runs are judged on the same records (the new labels are uncertainty-sampled, harder than the
rest, and would lower an OOF mean that includes them). The test split is never read: ``train_model`` is
called directly, without ``train_from_config``'s test scoring.
"""

from __future__ import annotations

import argparse
import copy
import json
import tempfile
from pathlib import Path

import numpy as np

from socialrecovery_nlp.design.data import TITLE_SEPARATOR, read_screening
from socialrecovery_nlp.design.train import (
    TrainingData,
    _oof_metrics,
    load_config,
    train_model,
)

ROOT = Path(__file__).resolve().parents[1]


def _extra_file(labels_path: Path, out: Path) -> int:
    """The new labels in the active/export.py training format (``data.extra``)."""
    abstracts = {(a.dataset, a.record_id): a for a in read_screening(ROOT / "data" / "screening")}
    n = 0
    with open(out, "w", encoding="utf-8") as handle:
        for line in labels_path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            a = abstracts[(row["dataset"], str(row["record_id"]))]
            handle.write(json.dumps({"id": f"{a.dataset}:{a.record_id}", "text": a.title + TITLE_SEPARATOR + a.abstract,
                                     "labels": {"design": row["label"]}, "provenance": {"annotator": row["annotator"]}},
                                    ensure_ascii=False) + "\n")
            n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("labels")
    ap.add_argument("--seeds", type=int, nargs="*", default=[0, 1, 2])
    args = ap.parse_args()
    config_path = ROOT / "training" / "design.toml"
    base = load_config(config_path)
    with tempfile.TemporaryDirectory() as tmp:
        extra = Path(tmp) / "targeted_v4.jsonl"
        print("new labels:", _extra_file(Path(args.labels), extra))
        for seed in args.seeds:
            row = {}
            for name, paths in (("without", []), ("with", [str(extra)])):
                config = copy.deepcopy(base)
                config["calibration"]["seed"] = seed
                config["data"]["extra"] = paths
                data = TrainingData(config, ROOT)
                n_old = len([u for u in data.train if not u.startswith("extra:")])
                predictor, facts = train_model(config, data, log=lambda *a: None)
                scores, views = predictor.dev_scores, predictor.dev_views
                gold = [data.gold[u] for u in data.train]
                old = _oof_metrics(predictor, views[:n_old], gold[:n_old], np.asarray(scores)[:n_old])
                row[name] = {"n_train": len(data.train), "old_labels": n_old, "accuracy": old["accuracy"],
                             "macro_f1": old["macro_f1_all"], "extra": facts["extra"]}
            print(f"seed {seed}:", json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
