"""Does a fine-tuned transformer beat the linear design model? (issue 4, "a transformer variant
if it wins on dev").

    python bench/design_transformer_gpu.py --encoder PATH [--device cuda] [--out results.json]

Fine-tunes all-MiniLM-L6-v2 (the PyPI encoder; ``PATH`` is its folder, or a copy with the same
files) with a linear head over the mean-pooled tokens on the hand-labelled design abstracts:

* dev: 5-fold stratified cross-validation over the ``train`` ids of
  ``annotations/design_splits.json`` (the number a choice may be made on);
* test: one model fitted on all train ids, scored once on the fixed ``test`` ids.

Macro-F1 is over the designs with >= 15 examples in the scored part, as in
``docs/models/design.md``. Self-contained (torch, transformers, scikit-learn, numpy), so it runs
on a GPU machine without the package installed. Deterministic up to GPU kernels (seeded).
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
TITLE_SEPARATOR = "\n\n"  # as socialrecovery_nlp.corpus.record.TITLE_SEPARATOR


def load_data() -> tuple[dict[str, str], dict[str, str], list[str], list[str]]:
    csv.field_size_limit(10**8)
    texts = {}
    for path in sorted((ROOT / "data" / "screening").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                title, abstract = (row.get("title") or "").strip(), (row.get("abstract") or "").strip()
                texts[f"{path.stem}:{row['record_id']}"] = title + TITLE_SEPARATOR + abstract if abstract else title
    labels = {}
    with open(ROOT / "annotations" / "design.jsonl", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                item = json.loads(line)
                labels[f"{item['dataset']}:{item['record_id']}"] = item["label"]
    splits = json.loads((ROOT / "annotations" / "design_splits.json").read_text())

    return texts, labels, list(splits["train"]), list(splits["test"])


def macro_f1(gold: list[str], pred: list[str], min_support: int = 15) -> tuple[float, float, dict]:
    from sklearn.metrics import precision_recall_fscore_support

    counts = Counter(gold)
    big = sorted(lab for lab, n in counts.items() if n >= min_support)
    _, _, f1, _ = precision_recall_fscore_support(gold, pred, labels=big, zero_division=0)
    acc = float(np.mean([g == p for g, p in zip(gold, pred)]))
    return float(np.mean(f1)) if big else float("nan"), acc, dict(zip(big, map(float, f1)))


def fine_tune(encoder: str, texts: list[str], y: np.ndarray, n_labels: int, device: str, seed: int,
              epochs: int, lr: float, max_length: int, batch_size: int = 16):
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(seed)
    tok = AutoTokenizer.from_pretrained(encoder, local_files_only=True)
    body = AutoModel.from_pretrained(encoder, local_files_only=True, dtype=torch.float32).to(device)
    head = torch.nn.Linear(body.config.hidden_size, n_labels).to(device)
    params = [{"params": body.parameters(), "lr": lr}, {"params": head.parameters(), "lr": lr * 20}]
    opt = torch.optim.AdamW(params, weight_decay=0.01)
    counts = np.bincount(y, minlength=n_labels).astype(float)
    weight = torch.tensor(len(y) / (n_labels * np.maximum(counts, 1)), dtype=torch.float32, device=device)
    loss_fn = torch.nn.CrossEntropyLoss(weight=weight)
    steps = epochs * ((len(texts) + batch_size - 1) // batch_size)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, 1 - s / steps))
    rng = np.random.default_rng(seed)

    def encode(batch):
        enc = tok(batch, padding=True, truncation=True, max_length=max_length, return_tensors="pt").to(device)
        hidden = body(**enc).last_hidden_state
        mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        return head((hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9))

    body.train()
    for _ in range(epochs):
        order = rng.permutation(len(texts))
        for i in range(0, len(order), batch_size):
            idx = order[i:i + batch_size]
            with torch.autocast(device_type="cuda", dtype=torch.bfloat16, enabled=device == "cuda"):
                logits = encode([texts[j] for j in idx])
            loss = loss_fn(logits.float(), torch.tensor(y[idx], device=device))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    body.eval()

    def predict(batch_texts: list[str]) -> np.ndarray:
        out = []
        with torch.inference_mode(), torch.autocast(device_type="cuda", dtype=torch.bfloat16, enabled=device == "cuda"):
            for i in range(0, len(batch_texts), 64):
                out.append(torch.softmax(encode(batch_texts[i:i + 64]).float(), -1).cpu().numpy())
        return np.concatenate(out)

    return predict


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--encoder", required=True)
    parser.add_argument("--device", default="cuda")
    parser.add_argument("--epochs", type=int, nargs="+", default=[8])
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--max-length", type=int, default=384)
    parser.add_argument("--out", default=None)
    parser.add_argument("--smoke", action="store_true", help="tiny subset, to check the script runs")
    args = parser.parse_args()
    from sklearn.model_selection import StratifiedKFold

    texts, labels, train_ids, test_ids = load_data()
    train_ids = [u for u in train_ids if u in labels and u in texts]
    test_ids = [u for u in test_ids if u in labels and u in texts]
    if args.smoke:
        train_ids, test_ids = train_ids[::8], test_ids[::10]
    names = sorted({labels[u] for u in train_ids + test_ids})
    index = {n: i for i, n in enumerate(names)}
    Xtr = [texts[u] for u in train_ids]
    ytr = np.array([index[labels[u]] for u in train_ids])
    result = {"train": len(train_ids), "test": len(test_ids), "encoder": args.encoder, "lr": args.lr,
              "max_length": args.max_length, "runs": []}
    for epochs in args.epochs:
        t0 = time.perf_counter()
        oof = np.empty(len(Xtr), dtype=object)
        # designs with fewer than 5 train examples cannot be stratified into 5 folds: fold them by id
        strat = np.array([c if np.sum(ytr == c) >= 5 else -1 for c in ytr])
        for fold, (a, b) in enumerate(StratifiedKFold(5, shuffle=True, random_state=0).split(Xtr, strat)):
            predict = fine_tune(args.encoder, [Xtr[i] for i in a], ytr[a], len(names), args.device, fold, epochs,
                                args.lr, args.max_length)
            probs = predict([Xtr[i] for i in b])
            for i, p in zip(b, probs.argmax(1)):
                oof[i] = names[p]
        dev = macro_f1([labels[u] for u in train_ids], list(oof))
        dev_all = macro_f1([labels[u] for u in train_ids], list(oof), min_support=1)
        predict = fine_tune(args.encoder, Xtr, ytr, len(names), args.device, 99, epochs, args.lr, args.max_length)
        probs = predict([texts[u] for u in test_ids])
        pred = [names[p] for p in probs.argmax(1)]
        gold = [labels[u] for u in test_ids]
        test = macro_f1(gold, pred)
        from sklearn.metrics import roc_auc_score

        auroc = float(roc_auc_score([g == "rct" for g in gold], probs[:, index["rct"]]))
        t1 = time.perf_counter()
        infer = predict([texts[u] for u in test_ids] * 4)  # throughput on 4x the test texts
        t2 = time.perf_counter()
        run = {"epochs": epochs, "dev_oof_macro_f1_support15": round(dev[0], 3), "dev_oof_accuracy": round(dev[1], 3),
               "dev_oof_macro_f1_all": round(dev_all[0], 3),
               "test_macro_f1_support15": round(test[0], 3), "test_accuracy": round(test[1], 3),
               "test_rct_auroc": round(auroc, 3), "test_per_label_f1": {k: round(v, 3) for k, v in test[2].items()},
               "seconds_train_and_cv": round(t1 - t0, 1), "inference_abstracts_per_s": round(len(infer) / (t2 - t1), 1)}
        print(json.dumps(run), flush=True)
        result["runs"].append(run)
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
