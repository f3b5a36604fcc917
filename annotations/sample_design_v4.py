"""Draw the `targeted_v4` design-annotation sample (reproducible; issue #4, 2026-11-27).

    python annotations/sample_design_v4.py [OUT_DIR] [--n 400] [--cap 70]

Uncertainty sampling, as the project's active-learning loop does it: among screening abstracts
(`data/screening/*.csv`) of at least 300 characters that have no design label and whose normalised
text duplicates no labelled record (either split), design@0.5.0's combined probabilities are
computed and the abstracts with the smallest margin between the two most probable designs are taken,
at most ``--cap`` per predicted design, ``--n`` in all (ties broken by dataset and record id). Writes
``design_v4_units.jsonl`` (dataset, record_id, title, abstract, predicted, margin) and eight parts
``design_v4_units_{a..h}.jsonl`` for the annotators. The labels join the **train** split only.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DATASETS = ("Cohen_2006_ADHD", "Nagtegaal_2019_nudging", "synergy_Oud_2018", "synergy_Sep_2021", "synergy_van_der_Valk_2021")


def main() -> None:
    from socialrecovery_nlp.design.data import read_screening, text_key
    from socialrecovery_nlp.design.predict import DesignPredictor

    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default=str(ROOT / "work"))
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--cap", type=int, default=70)
    args = ap.parse_args()
    labelled = [json.loads(line) for line in (ROOT / "design.jsonl").read_text(encoding="utf-8").splitlines()]
    labelled_ids = {(r["dataset"], str(r["record_id"])) for r in labelled}
    abstracts = read_screening(ROOT.parent / "data" / "screening")
    by_id = {(a.dataset, str(a.record_id)): a for a in abstracts}
    labelled_keys = {text_key(by_id[k].text) for k in labelled_ids if k in by_id}
    seen: set = set()
    pool = []
    for a in sorted(abstracts, key=lambda a: (a.dataset, str(a.record_id))):
        key = text_key(a.text)
        if (a.dataset, str(a.record_id)) in labelled_ids or key in labelled_keys or key in seen:
            continue
        if len(a.abstract or "") < 300:
            continue
        seen.add(key)
        pool.append(a)
    predictor = DesignPredictor.load(ROOT.parent / "models" / "design-0.5.0")
    preds = predictor.predict_texts([a.text for a in pool], [a.title_end for a in pool])
    scored = []
    for a, p in zip(pool, preds):
        top = sorted(p["probabilities"].values(), reverse=True)
        scored.append((top[0] - top[1], a.dataset, str(a.record_id), a, p["label"]))
    scored.sort(key=lambda t: (t[0], t[1], t[2]))
    chosen, per = [], {}
    for margin, _, _, a, label in scored:
        if per.get(label, 0) >= args.cap:
            continue
        per[label] = per.get(label, 0) + 1
        chosen.append({"dataset": a.dataset, "record_id": str(a.record_id), "title": a.title,
                       "abstract": a.abstract, "predicted": label, "margin": round(margin, 4)})
        if len(chosen) == args.n:
            break
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "design_v4_units.jsonl", "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in chosen)
    for k, part in enumerate("abcdefgh"):
        with open(out / f"design_v4_units_{part}.jsonl", "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in chosen[k::8])
    print(len(pool), "candidates,", len(chosen), "drawn:", dict(sorted(per.items())))


if __name__ == "__main__":
    main()
