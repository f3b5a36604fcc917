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
            claim_data.TITLE_TEST, claim_data.FINDINGS_TEST)
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


def _text(value) -> str:
    """A claim field's text, whether stored as a string or as ``{text, start, end}``."""
    from .extra import _span_text

    return _span_text(value) or ""


def _gold(claim: dict) -> dict:
    """A corrected claim (``claim_fields`` form: plain strings) as a gold claim for :func:`.row_match.is_right`."""
    from .extra import _norm_direction

    return {"factor": {"text": _text(claim.get("factor"))}, "outcome": {"text": _text(claim.get("outcome")) or "recovery"},
            "direction": _norm_direction(claim.get("direction"))}


def _record_doc(nlp, record: str, text: str):
    """The record text as the annotation screen read it: with its title when the text has one (title claims)."""
    from ..corpus.record import TITLE_SEPARATOR, Record
    from ..pipeline.extensions import register_extensions

    doc = nlp(text)
    if TITLE_SEPARATOR in text:
        title, abstract = text.split(TITLE_SEPARATOR, 1)
        rebuilt = Record(id=record, title=title, abstract=abstract)
        if rebuilt.text == text:
            register_extensions()
            doc._.record = rebuilt
    return doc


def correction_rows(extractor, paths) -> tuple[list[tuple[dict, dict, bool, str]], dict]:
    """Rows labelled by a review project's claim corrections (``srnlp project export``, the files of ``data.extra``).

    ``extractor`` must be the model the annotator saw (not one trained on these corrections): its claims on the
    record text are the rows, found again by the stored ``original`` claim's sentence start, factor, outcome and
    direction. The row is labelled as the development rows are (:func:`.row_match.is_right`) against the corrected
    claim: an accepted claim is its own gold, an edited one is compared with its corrected fields (a strength edit
    leaves the row right, a factor edit that only trims the span may too), a rejected one is wrong. The latest
    correction of each record and target counts. Additions, corrections without a stored original and claims the
    model does not predict are counted and left out. Returns the rows and those counts."""
    from ..pipeline.language import load
    from .extra import _norm_direction, read_corrections

    latest: dict[tuple[str, str], tuple[Path, dict]] = {}
    for path, _n, line in read_corrections([Path(p) for p in paths]):
        key = (str(line.get("record", line.get("id", ""))), str(line["correction"].get("target", "")))
        latest[key] = (path, line)  # files in order, lines in order: the last one wins
    nlp = load(components=[])
    predicted: dict[str, list] = {}
    rows, counts = [], {"corrections": len(latest), "used": 0, "right": 0, "no_stored_claim": 0, "added": 0,
                        "not_predicted": 0}
    for (record, _target), (path, line) in latest.items():
        corr = line["correction"]
        if corr["action"] == "add":
            counts["added"] += 1
            continue
        original = corr.get("original") if isinstance(corr.get("original"), dict) else corr.get("predicted")
        if not isinstance(original, dict) or not _text(original.get("factor")):
            counts["no_stored_claim"] += 1
            continue
        if record not in predicted:
            predicted[record] = list(extractor(_record_doc(nlp, record, line["text"])))
        wanted = (_text(original.get("factor")), _text(original.get("outcome")), _norm_direction(original.get("direction")))
        match = next((c for c in predicted[record] if (c.to_dict()["factor"]["text"], c.to_dict()["outcome"]["text"],
                                                       c.direction) == wanted and (original.get("start") is None or
                                                                                   c.sentence.start_char == original["start"])),
                     None)
        if match is None:
            counts["not_predicted"] += 1
            continue
        as_dict = match.to_dict()
        corrected = {**original, **(corr.get("claim") or {})} if corr["action"] == "edit" else original
        right = corr["action"] != "reject" and is_right(as_dict, [_gold(corrected)])
        rows.append((as_dict, dict(match.signals), right, f"extra:{path}:{record}"))
        counts["used"] += 1
        counts["right"] += right
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


def fit_directory(model: str | Path, files=None, extra=None, extra_model: str | Path | None = None) -> dict:
    """Fit the ``fast`` mode, and the ``full`` mode when the model runs both MiniLM stages here, on the rows the
    claims model in ``model`` predicts on ``files`` (default :data:`DEV_FILES`; records of the held-out files left
    out) and the rows a review project's corrections label (``extra``: :func:`correction_rows`, scored by
    ``extra_model``, the model the annotator saw; default the newest shipped claims model), write
    ``row_confidence.json`` into ``model`` and return the summary that goes into its ``meta.json``."""
    from .model import load_extractor

    files = [Path(f) for f in (files or DEV_FILES)]
    check_files(files)
    exclude = held_out_records()
    modes, reports = {}, {}
    for mode, fast in (("full", False), ("fast", True)):
        extractor, _ = load_extractor(model, fast=fast, fast_spans="rules")  # fast mode's default spans
        extractor.row_confidence = None
        if mode == "full" and not full_mode(extractor):
            continue  # no MiniLM stages here (disabled, or torch missing): the fast weights serve every run
        rows = labelled_rows(extractor, files, exclude)
        corrected, counts = [], None
        if extra:
            seen, _ = load_extractor(extra_model, fast=fast, fast_spans="rules")  # not ``model``: it was trained on these corrections
            if mode == "fast" or full_mode(seen):
                seen.row_confidence = None
                corrected, counts = correction_rows(seen, extra)
        names = FEATURES if mode == "full" else tuple(n for n in FEATURES if n not in TAGGER_FEATURES)
        modes[mode], reports[mode] = fit_mode(rows + corrected, names)
        if counts is not None:
            reports[mode]["corrections"] = counts
        reports[mode]["detector"] = extractor.detector.name
        reports[mode]["spans"] = type(extractor.span_model).__name__ if extractor.span_model is not None else "rules"
    names = [str(f.resolve().relative_to(claim_data.SOURCE_ROOT)) if f.resolve().is_relative_to(
        claim_data.SOURCE_ROOT) else str(f) for f in files]
    summary = {"name": NAME, "trained_on": names + [str(p) for p in (extra or [])],
               "label": "claims.row_match.is_right (corrections: against the corrected claim; rejected = wrong)",
               "cv": reports,
               "note": "C chosen on the out-of-fold AUC it reports; the fast and full rows differ, and rows from "
                       "corrections join them, so these AUCs are not comparable across modes or models"}
    RowConfidence(modes, {k: v for k, v in summary.items() if k != "name"}).save(model)
    return summary


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", required=True, help="claims model directory; row_confidence.json is written into it")
    ap.add_argument("--files", nargs="*", default=None, help="annotation files (default: v23 to v29 and t1)")
    ap.add_argument("--extra", nargs="*", default=None, help="claim corrections exported from a review project")
    ap.add_argument("--extra-model", default=None,
                    help="the claims model the annotator saw (default: the newest shipped one)")
    args = ap.parse_args(argv)
    try:
        summary = fit_directory(args.model, args.files, args.extra, args.extra_model)
    except ValueError as error:
        raise SystemExit(str(error)) from None
    print(json.dumps(summary["cv"], indent=1))


if __name__ == "__main__":
    main()
