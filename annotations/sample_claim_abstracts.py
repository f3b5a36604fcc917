"""Draw the sentence units of the random claim-annotation samples v4 to v8 (reproducible).

    python annotations/sample_claim_abstracts.py OUT_DIR

Per sample, 12 abstracts from each of the five screening sets (`data/screening/*.csv`), drawn
uniformly at random with NumPy's ``default_rng`` among abstracts of at least 600 characters that
no earlier sample (v1 to v3, then each new one) holds; per abstract the first sentence unit and the
last four, as the claims component splits them (``claims.extract.sentence_units``), like v1-v3.
v4 (``default_rng(27182818)``) is the development sample; v5 and v6 (one ``default_rng(16180339)``,
drawn in that order) are training samples. v7 and v8 (one ``default_rng(14142135)``, drawn after
v4-v6 in that order) are the development samples of the claims@0.7.0 round.

v9 and v10 (one ``default_rng(57721566)``, drawn in that order) are *review-style* samples: the
seed review is discursive prose (reviews, qualitative and conceptual work), which the random
samples hardly hold. They draw among abstracts of the design train split
(``annotations/design_splits.json``; hand-labelled by reading) whose design label is
``narrative_review`` (12), ``non_empirical`` (12), ``qualitative`` (8) or ``mixed_methods`` (5),
at least 600 characters, in no earlier sample; every sentence unit of an abstract (at most 14:
the first and the last 13). v9 is a development sample, v10 a held-out test sample.
v11 and v12 (one ``default_rng(69314718)``, drawn after v10 in that order) follow the same recipe with
``REVIEW_STYLE_2`` (narrative review 12, non-empirical 12, qualitative 5, mixed methods 2, case study 6):
the development samples of the claims@0.9.0 round (v11: errors may be read; v12: scored only).
v13 and v14 (one ``default_rng(16449340)``, drawn after v12 in that order) are training samples of the same genre
with ``REVIEW_STYLE_3`` (narrative review 12, non-empirical 13, case study 12).
v15 to v18 (one ``default_rng(12020569)``, drawn after v14 in that order) are training samples drawn the same way
among abstracts with no hand design label, by the label design@0.5.0 predicts (``PREDICTED_REVIEW_STYLE``:
narrative review 11, non-empirical 11, qualitative 8, case study 7); ``design_label`` is then that prediction.
v19 and v20 (one ``default_rng(26535897)``, drawn after v18 in that order) are random training samples like v5/v6
(12 abstracts per screening set, the first sentence unit and the last four): general abstracts of every genre.
v21 and v22 (one ``default_rng(30258509)``, drawn after v20 in that order) are review-style training samples drawn
like v15-v18 (``PREDICTED_REVIEW_STYLE_2``: six predicted-qualitative abstracts each, the 13 left). v19-v22 are the claims@0.12.0 round.
v23 and v24 (one ``default_rng(57721567)``, drawn after v22) are random training samples like v19/v20, v25 and v26
(one ``default_rng(41421356)``, drawn after v24) review-style ones (``PREDICTED_REVIEW_STYLE_3``: no
predicted-qualitative abstracts are left). They were annotated in the claims@0.12.0 session and are not trained on:
adding them to 0.12.0's training files did not help on the development set (``bench/claims_minilm_spans.md``), so
they are kept as fresh development data for the next round.
v27 (``default_rng(73205080)``, drawn after v26) is a random sample like v23 and v28 (``default_rng(22360679)``, drawn
after v27) a review-style one (``PREDICTED_REVIEW_STYLE_3``): fresh, unread development data of the 2026-11-27 fourth
round, annotated before the extractor was run on them; the records of the annotated title samples t1 and t2 are
excluded from both. v29 (``default_rng(17320508)``, drawn after v28 the same way) is one more review-style
development sample, drawn to look for the cause of the review-style factor loss on v10.
The abstracts drawn are reproducible; the sentence units of v4-v6 were cut by the splitter of their day
(later splitter fixes, e.g. dosing abbreviations, move a few unit boundaries; their annotation files keep
the units as annotated). Writes ``claims_abstracts_<name>_units.jsonl`` files
(id, dataset, record_id, sentence_index, start, end, text) that annotators label.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from socialrecovery_nlp.claims import data as claim_data
from socialrecovery_nlp.claims.extract import sentence_units
from socialrecovery_nlp.pipeline.language import load

ROOT = Path(__file__).resolve().parent
DATASETS = ("Cohen_2006_ADHD", "Nagtegaal_2019_nudging", "synergy_Oud_2018", "synergy_Sep_2021", "synergy_van_der_Valk_2021")
EARLIER = ("claims_abstracts.jsonl", "claims_abstracts_v2.jsonl", "claims_abstracts_v3.jsonl")


def draw(rng, used: set, nlp, per_set: int = 12) -> list[dict]:
    units_out = []
    for dataset in DATASETS:
        abstracts = claim_data.screening_abstracts(dataset)
        ids = sorted((k for k, v in abstracts.items() if v and len(v) >= 600 and (dataset, str(k)) not in used), key=str)
        for p in sorted(rng.choice(len(ids), per_set, replace=False)):
            rid = ids[p]
            text = abstracts[rid]
            used.add((dataset, str(rid)))
            units = sentence_units(nlp(text), text)
            for i in sorted({0, *range(max(1, len(units) - 4), len(units))}):
                u = units[i]
                units_out.append({"id": f"abs-{dataset}-{rid}-s{i:02d}", "dataset": dataset, "record_id": str(rid),
                                  "sentence_index": i, "start": u.start_char, "end": u.end_char, "text": u.text})
    return units_out


REVIEW_STYLE = (("narrative_review", 12), ("non_empirical", 12), ("qualitative", 8), ("mixed_methods", 5))
#: v11/v12: qualitative and mixed-methods abstracts are nearly used up, so programme descriptions fill in.
REVIEW_STYLE_2 = (("narrative_review", 12), ("non_empirical", 12), ("qualitative", 5), ("mixed_methods", 2),
                  ("case_study", 6))
#: v15-v18: abstracts *without* a hand design label, by design@0.5.0's predicted label (the hand-labelled pool is used up).
PREDICTED_REVIEW_STYLE = (("narrative_review", 11), ("non_empirical", 11), ("qualitative", 8), ("case_study", 7))
#: v21/v22: the same genre mix; only 13 predicted-qualitative abstracts were left after v20.
PREDICTED_REVIEW_STYLE_2 = (("narrative_review", 12), ("non_empirical", 12), ("qualitative", 6), ("case_study", 7))
#: v25/v26: no predicted-qualitative abstracts are left after v22.
PREDICTED_REVIEW_STYLE_3 = (("narrative_review", 13), ("non_empirical", 13), ("case_study", 11))
#: v13/v14: training samples of the same genre (qualitative and mixed-methods abstracts are used up).
REVIEW_STYLE_3 = (("narrative_review", 12), ("non_empirical", 13), ("case_study", 12))


def draw_review_style(rng, used: set, nlp, design_labels: dict, recipe=REVIEW_STYLE) -> list[dict]:
    """Every sentence unit of abstracts whose hand design label is discursive (see module doc)."""
    units_out = []
    texts = {d: claim_data.screening_abstracts(d) for d in DATASETS}
    for label, count in recipe:
        keys = sorted(k for k, v in design_labels.items() if v == label and k not in used
                      and len(texts[k[0]].get(k[1]) or "") >= 600)
        for p in sorted(rng.choice(len(keys), count, replace=False)):
            dataset, rid = keys[p]
            text = texts[dataset][rid]
            used.add((dataset, rid))
            units = sentence_units(nlp(text), text)
            for i in sorted({0, *range(max(1, len(units) - 13), len(units))}):
                u = units[i]
                units_out.append({"id": f"abs-{dataset}-{rid}-s{i:02d}", "dataset": dataset, "record_id": str(rid),
                                  "sentence_index": i, "start": u.start_char, "end": u.end_char, "text": u.text,
                                  "design_label": label})
    return units_out


def draw_mixed_round(names, seeds, recipe, used: set, nlp, predicted: dict) -> dict:
    """Two random samples (``draw``, one rng seeded ``seeds[0]``), then two review-style ones by predicted label
    (another rng, ``seeds[1]``) among the abstracts still unused: ``{name: units}`` for the four ``names``."""
    rng = np.random.default_rng(seeds[0])
    out = {names[0]: draw(rng, used, nlp), names[1]: draw(rng, used, nlp)}
    left = {k: v for k, v in predicted.items() if k not in used}
    rng = np.random.default_rng(seeds[1])
    for name in names[2:]:
        out[name] = draw_review_style(rng, used, nlp, left, recipe)
    return out


def predicted_design_labels(used: set) -> dict:
    """(dataset, record_id) -> design@0.5.0's label, for abstracts of at least 600 characters that have no hand
    design label (neither split) and are in no claims sample."""
    import csv

    from socialrecovery_nlp.design.predict import DesignPredictor

    labelled = set()
    for line in (ROOT / "design.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        labelled.add((row["dataset"], str(row["record_id"])))
    predictor = DesignPredictor.load(ROOT.parent / "models" / "design-0.5.0")
    labels = {}
    for dataset in DATASETS:
        with open(claim_data.SOURCE_ROOT / "data" / "screening" / f"{dataset}.csv", newline="", encoding="utf-8") as handle:
            rows = [r for r in csv.DictReader(handle) if len(r.get("abstract") or "") >= 600
                    and (dataset, r["record_id"]) not in labelled and (dataset, r["record_id"]) not in used]
        texts = [(r.get("title") or "") + "\n\n" + r["abstract"] for r in rows]
        for row, pred in zip(rows, predictor.predict_texts(texts)):
            labels[(dataset, row["record_id"])] = pred["label"]
    return labels


def design_train_labels() -> dict:
    """(dataset, record_id) -> hand design label, train split of the design annotations only."""
    splits = json.loads((ROOT / "design_splits.json").read_text(encoding="utf-8"))
    train = set(splits["train"])
    labels = {}
    for line in open(ROOT / "design.jsonl", encoding="utf-8"):
        row = json.loads(line)
        if f"{row['dataset']}:{row['record_id']}" in train:
            labels[(row["dataset"], str(row["record_id"]))] = row["label"]
    return labels


def main(out_dir: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    used = set()
    for name in EARLIER:
        for line in open(ROOT / name, encoding="utf-8"):
            row = json.loads(line)
            used.add((row["provenance"]["dataset"], str(row["provenance"]["record_id"])))
    nlp = load(components=[])
    samples = {"v4": draw(np.random.default_rng(27182818), set(used), nlp)}
    used |= {(u["dataset"], u["record_id"]) for u in samples["v4"]}
    rng = np.random.default_rng(16180339)
    samples["v5"] = draw(rng, used, nlp)
    samples["v6"] = draw(rng, used, nlp)
    rng = np.random.default_rng(14142135)
    samples["v7"] = draw(rng, used, nlp)
    samples["v8"] = draw(rng, used, nlp)
    for units in (samples["v7"], samples["v8"]):
        used |= {(u["dataset"], u["record_id"]) for u in units}
    rng = np.random.default_rng(57721566)
    labels = design_train_labels()
    samples["v9"] = draw_review_style(rng, used, nlp, labels)
    samples["v10"] = draw_review_style(rng, used, nlp, labels)
    rng = np.random.default_rng(69314718)
    samples["v11"] = draw_review_style(rng, used, nlp, labels, REVIEW_STYLE_2)
    samples["v12"] = draw_review_style(rng, used, nlp, labels, REVIEW_STYLE_2)
    rng = np.random.default_rng(16449340)
    samples["v13"] = draw_review_style(rng, used, nlp, labels, REVIEW_STYLE_3)
    samples["v14"] = draw_review_style(rng, used, nlp, labels, REVIEW_STYLE_3)
    predicted = predicted_design_labels(used)
    rng = np.random.default_rng(12020569)
    for name in ("v15", "v16", "v17", "v18"):
        samples[name] = draw_review_style(rng, used, nlp, predicted, PREDICTED_REVIEW_STYLE)
    for names, seeds, recipe in ((("v19", "v20", "v21", "v22"), (26535897, 30258509), PREDICTED_REVIEW_STYLE_2),
                                 (("v23", "v24", "v25", "v26"), (57721567, 41421356), PREDICTED_REVIEW_STYLE_3)):
        samples.update(draw_mixed_round(names, seeds, recipe, used, nlp, predicted))
    for name in ("claims_titles_t1.jsonl", "claims_titles_t2.jsonl"):  # annotated titles stay out of abstract samples
        for line in open(ROOT / name, encoding="utf-8"):
            row = json.loads(line)
            used.add((row["provenance"]["dataset"], str(row["provenance"]["record_id"])))
    samples["v27"] = draw(np.random.default_rng(73205080), used, nlp)
    left = {k: v for k, v in predicted.items() if k not in used}
    samples["v28"] = draw_review_style(np.random.default_rng(22360679), used, nlp, left, PREDICTED_REVIEW_STYLE_3)
    left = {k: v for k, v in predicted.items() if k not in used}
    samples["v29"] = draw_review_style(np.random.default_rng(17320508), used, nlp, left, PREDICTED_REVIEW_STYLE_3)
    for name, units in samples.items():
        with open(out / f"claims_abstracts_{name}_units.jsonl", "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(unit, ensure_ascii=False) + "\n" for unit in units)
        print(name, len(units), "units")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "annotations/work")
