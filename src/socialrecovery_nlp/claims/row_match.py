"""Whether a predicted evidence row is right against the gold claims of its sentence.

A predicted claim is right when its factor and its outcome each share a word with the factor and the outcome of
one gold claim of the sentence (an implicit gold outcome, "recovery" without offsets, matches any predicted
outcome) and the direction is the same: the reading a review team gives a row of the evidence table.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")


def _words(text: str | None) -> set[str]:
    return set(_WORD.findall((text or "").lower()))


def is_right(pred: dict, gold: list[dict]) -> bool:
    """``pred``: a claim's output dict; ``gold``: the annotated claims of the same sentence."""
    factor, outcome = _words((pred.get("factor") or {}).get("text")), _words((pred.get("outcome") or {}).get("text"))
    for claim in gold:
        gold_outcome = claim["outcome"]["text"]
        implicit = gold_outcome in ("", "recovery") or not _words(gold_outcome)
        if factor & _words(claim["factor"]["text"]) and (outcome & _words(gold_outcome) or implicit) and \
                pred.get("direction") == claim["direction"]:
            return True
    return False


CUTOFFS = (0.3, 0.4, 0.5, 0.6, 0.7)


def _auc(labels: list[bool], scores: list[float]) -> float | None:
    if not labels or all(labels) or not any(labels):
        return None
    from sklearn.metrics import roc_auc_score

    return round(float(roc_auc_score(labels, scores)), 4)


def row_metrics(pairs, cutoffs=CUTOFFS) -> dict:
    """How well each row's ``confidence`` (and, for comparison, the detector's ``score``) ranks right rows above
    wrong ones: ``pairs`` are ``(annotation row, predicted claim dicts)``. ROC AUC of both, and at each cut-off the
    rows kept, their precision and the share of right rows kept."""
    labels, confidence, score = [], [], []
    for row, preds in pairs:
        for pred in preds:
            labels.append(is_right(pred, row["claims"]))
            confidence.append(pred.get("confidence"))
            score.append(pred["score"])
    out = {"rows": len(labels), "right": sum(labels), "auc_score": _auc(labels, score)}
    if labels and all(c is not None for c in confidence):
        out["auc_confidence"] = _auc(labels, confidence)
        out["mean_confidence"] = round(sum(confidence) / len(confidence), 4)  # against right / rows: calibration
        kept = {}
        for cut in cutoffs:
            chosen = [y for y, c in zip(labels, confidence) if c >= cut]
            kept[str(cut)] = {"rows": len(chosen), "precision": round(sum(chosen) / max(len(chosen), 1), 4),
                              "right_kept": round(sum(chosen) / max(sum(labels), 1), 4)}
        out["cutoffs"] = kept
    return out
