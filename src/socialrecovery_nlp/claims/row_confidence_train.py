"""Fit the row-confidence model (:mod:`.row_confidence`) on the extractor's own rows of annotated abstracts.

    python -m socialrecovery_nlp.claims.row_confidence_train --model models/claims-0.13.0 [--files F ...]

Runs the claims model in ``--model`` over the development annotation files (default: the abstracts v23 to v29 and
the title sample t1, none of which the detector or the span tagger was trained on): in full mode (when both MiniLM
stages run here) and in fast mode. Each predicted row is labelled right or wrong against the sentence's gold claims
(:func:`.row_match.is_right`). For each mode a standardised logistic regression is fitted; its ``C`` is chosen by
grouped 5-fold cross-validation (folds by record, ROC AUC), which is reported and written into the model file
with the data it was fitted on. Writes ``row_confidence.json`` into ``--model``. Refuses the held-out test files
and leaves out any record that is in one.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from . import data as claim_data
from .row_confidence import FEATURES, NAME, TAGGER_FEATURES, RowConfidence, features, full_mode
from .row_match import is_right

DEV_FILES = [claim_data.SOURCE_ROOT / "annotations" / f"claims_abstracts_v{v}.jsonl" for v in range(23, 30)] + [
    claim_data.TITLE_DEV]
#: files the model must never be fitted on: the held-out test sets (and the seed file, whose test split is one)
HELD_OUT = (claim_data.ANNOTATIONS, claim_data.RANDOM_TEST_ABSTRACTS, claim_data.REVIEW_STYLE_TEST_ABSTRACTS,
            claim_data.TITLE_TEST)
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)
SEED = 0


def held_out_records() -> set[tuple[str, str]]:
    """``(dataset, record_id)`` of every record in a held-out abstract or title file (only these ids are read)."""
    out = set()
    for path in HELD_OUT[1:]:
        if Path(path).is_file():
            for line in Path(path).read_text(encoding="utf-8").splitlines():
                if line.strip():
                    provenance = json.loads(line).get("provenance", {})
                    out.add((provenance.get("dataset", ""), str(provenance.get("record_id", ""))))
    return out


def check_files(files) -> None:
    """Refuse a held-out file, by path or by name."""
    held = {Path(p).resolve() for p in HELD_OUT} | {Path(p).name for p in HELD_OUT}
    for f in files:
        if Path(f).resolve() in held or Path(f).name in held:
            raise ValueError(f"{f} is a held-out test file: the row-confidence model must not see it")


def labelled_rows(extractor, files, exclude: set[tuple[str, str]] | None = None) -> list[tuple[dict, dict, bool, str]]:
    """``(claim dict, signals, right, record)`` for every row the extractor predicts on the annotation ``files``,
    leaving out the records in ``exclude`` (``(dataset, record_id)``)."""
    from .evaluate import row_claims

    check_files(files)
    exclude = exclude or set()
    out = []
    for path in files:
        rows = [r for r in claim_data.load_abstract_annotations(path) if (
            r["provenance"].get("dataset", ""), str(r["provenance"].get("record_id", ""))) not in exclude]
        for row, claims in row_claims(extractor, rows):
            record = f"{row['provenance'].get('dataset', '')}/{row['provenance'].get('record_id', row['id'])}"
            for claim in claims:
                as_dict = claim.to_dict()
                out.append((as_dict, dict(claim.signals), is_right(as_dict, row["claims"]), record))
    return out


#: the fields whose correction makes the predicted row wrong (a strength or hedging edit leaves it right)
ROW_FIELDS = ("factor", "outcome", "direction")


def _text(value) -> str:
    return (value.get("text") if isinstance(value, dict) else value) or ""


def correction_rows(extractor, paths) -> tuple[list[tuple[dict, dict, bool, str]], dict]:
    """Rows labelled by a review project's claim corrections (``srnlp project export``, the files of ``data.extra``):
    an accepted row is right; a rejected one, or one whose factor, outcome or direction was edited, is wrong. The
    corrected claim (its stored ``original``) is found again among ``extractor``'s claims on the record text by its
    sentence start, factor, outcome and direction; corrections without a stored claim, additions and claims the
    current model no longer predicts are counted and left out. Returns the rows and those counts."""
    from ..pipeline.language import load
    from .extra import read_corrections

    nlp = load(components=[])
    predicted: dict[tuple[str, str], list] = {}
    rows, counts = [], {"corrections": 0, "used": 0, "no_stored_claim": 0, "added": 0, "not_predicted": 0}
    for path, _n, line in read_corrections([Path(p) for p in paths]):
        counts["corrections"] += 1
        corr = line["correction"]
        if corr["action"] == "add":
            counts["added"] += 1
            continue
        original = corr.get("original") or corr.get("predicted") or corr.get("claim")
        if not isinstance(original, dict) or not _text(original.get("factor")):
            counts["no_stored_claim"] += 1
            continue
        record = str(line.get("record", line.get("id", "")))
        key = (str(path), record)
        if key not in predicted:
            predicted[key] = list(extractor(nlp(line["text"])))
        wanted = (_text(original.get("factor")), _text(original.get("outcome")), original.get("direction"))
        match = next((c for c in predicted[key] if (c.to_dict()["factor"]["text"], c.to_dict()["outcome"]["text"],
                                                    c.direction) == wanted and (original.get("start") is None or
                                                                                c.sentence.start_char == original["start"])),
                     None)
        if match is None:
            counts["not_predicted"] += 1
            continue
        right = corr["action"] == "accept" or (corr["action"] == "edit" and corr.get("field") not in ROW_FIELDS)
        rows.append((match.to_dict(), dict(match.signals), right, f"extra:{path.name}:{record}"))
        counts["used"] += 1
    return rows, counts


def _design(rows, names: tuple[str, ...]) -> np.ndarray:
    index = [FEATURES.index(n) for n in names]
    return np.array([features(claim, signals) for claim, signals, _, _ in rows])[:, index]


def fit_mode(rows, names: tuple[str, ...]) -> tuple[dict, dict]:
    """``(weights, report)`` of one mode: ``C`` chosen by grouped 5-fold CV (scaling fitted inside each fold), its
    out-of-fold AUC (optimistic by the choice of ``C`` among five), and the detector score's AUC on the same rows."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    x, y = _design(rows, names), np.array([r[2] for r in rows], dtype=int)
    groups = np.array([r[3] for r in rows])
    cv = {}
    for c in C_GRID:
        oof = np.zeros(len(y))
        for train, test in GroupKFold(5).split(x, y, groups):
            model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=5000, random_state=SEED))
            oof[test] = model.fit(x[train], y[train]).predict_proba(x[test])[:, 1]
        cv[c] = float(roc_auc_score(y, oof))
    best = max(C_GRID, key=lambda c: (round(cv[c], 3), -c))
    mean, scale = x.mean(0), x.std(0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=best, max_iter=5000, random_state=SEED).fit((x - mean) / scale, y)
    score_auc = float(roc_auc_score(y, [r[0]["score"] for r in rows]))
    weights = {"features": list(names), "mean": mean.round(6).tolist(), "scale": scale.round(6).tolist(),
               "coef": model.coef_[0].round(6).tolist(), "intercept": round(float(model.intercept_[0]), 6)}
    report = {"rows": len(y), "right": int(y.sum()), "records": len(set(groups)), "C": best,
              "cv_auc": {str(c): round(a, 4) for c, a in cv.items()}, "detector_score_auc": round(score_auc, 4)}
    return weights, report


def fit_directory(model: str | Path, files=None, extra=None) -> dict:
    """Fit the ``fast`` mode, and the ``full`` mode when the model runs both MiniLM stages here, on the rows the
    claims model in ``model`` predicts on ``files`` (default :data:`DEV_FILES`; records of the held-out files left
    out) and the rows a review project's corrections label (``extra``: :func:`correction_rows`), write
    ``row_confidence.json`` into ``model`` and return the summary that goes into its ``meta.json``."""
    from .model import load_extractor

    files = [Path(f) for f in (files or DEV_FILES)]
    check_files(files)
    exclude = held_out_records()
    modes, reports = {}, {}
    for mode, fast in (("full", False), ("fast", True)):
        extractor, _ = load_extractor(model, fast=fast)
        extractor.row_confidence = None
        if mode == "full" and not full_mode(extractor):
            continue  # no MiniLM stages here (disabled, or torch missing): the fast weights serve every run
        rows = labelled_rows(extractor, files, exclude)
        corrected, counts = correction_rows(extractor, extra) if extra else ([], None)
        names = FEATURES if mode == "full" else tuple(n for n in FEATURES if n not in TAGGER_FEATURES)
        modes[mode], reports[mode] = fit_mode(rows + corrected, names)
        if counts is not None:
            reports[mode]["corrections"] = counts
        reports[mode]["detector"] = extractor.detector.name
        reports[mode]["spans"] = type(extractor.span_model).__name__ if extractor.span_model is not None else "rules"
    names = [str(f.resolve().relative_to(claim_data.SOURCE_ROOT)) if f.resolve().is_relative_to(
        claim_data.SOURCE_ROOT) else str(f) for f in files]
    summary = {"name": NAME, "trained_on": names + [str(p) for p in (extra or [])],
               "label": "claims.row_match.is_right; corrections: accepted = right", "cv": reports,
               "note": "C chosen on the out-of-fold AUC it reports; the fast and full rows differ, so their AUCs "
                       "are not comparable"}
    RowConfidence(modes, {k: v for k, v in summary.items() if k != "name"}).save(model)
    return summary


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", required=True, help="claims model directory; row_confidence.json is written into it")
    ap.add_argument("--files", nargs="*", default=None, help="annotation files (default: v23 to v29 and t1)")
    args = ap.parse_args(argv)
    try:
        summary = fit_directory(args.model, args.files)
    except ValueError as error:
        raise SystemExit(str(error)) from None
    print(json.dumps(summary["cv"], indent=1))


if __name__ == "__main__":
    main()
