"""Row confidence: the probability that an evidence row (one claim: its factor, outcome and direction together) is
right, from what the extractor knows about it.

The sentence detector's ``score`` says whether a sentence states a claim; a row can still be wrong in its factor,
outcome or direction. A logistic regression over the features below (the detector's score, the claim's strength,
direction and spans, the outcome's valence, the span tagger's support for each span, the sentence's statistics,
comparisons and headings) is fitted on the extractor's own rows of annotated development abstracts, each labelled
right or wrong against the gold claims (:func:`.row_match.is_right`); see ``docs/models/claims.md``. The model is
a JSON file of feature names, scaling and weights (``row_confidence.json`` in the claims model directory), read
without pickles; it has one weight vector per mode: ``fast`` (the TF-IDF detector and the rules' spans, always
there; rows with the distilled CNN tagger's spans get these weights too, though they were fitted on rule-span rows)
and ``full`` (the MiniLM detector stage and span tagger), used only by an extractor that runs both.

The training rows are annotated sentences read one at a time (as the evaluation reads them); the pipeline reads whole
abstracts, so a claim whose outcome is an abbreviation defined elsewhere in the abstract can have a known valence in
the pipeline and an unknown one in training: a small shift in its confidence, not an error.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np

from .valence import outcome_valence

FILE = "row_confidence.json"
NAME = "srnlp.claims_row_confidence.v1"

_WORD = re.compile(r"\w+")
#: factors that only point back to something named earlier ("This", "these findings")
_POINTERS = {"this", "it", "these", "they", "which", "that", "those", "we", "such"}
_HEADING = re.compile(r"^\s*[A-Z][A-Z /&-]{2,}:")
_STATISTIC = re.compile(r"\bp\s*[<>=≤≥]|\b(?:CI|OR|RR|HR|SD|SMD|AUC)\b|\d+(?:\.\d+)?\s*%|\b[drβ]\s*=")
_COMPARISON = re.compile(r"\b(?:compared|than|versus|vs\.?|relative to|between)\b", re.I)
_GROUP_WORDS = re.compile(r"\b(?:groups?|arms?|patients|participants|subjects|controls?|placebo)\b", re.I)
_CONCLUDING = re.compile(r"\b(?:conclusions?|suggests?|indicates?|findings|we found|this study)\b", re.I)
_DIGIT = re.compile(r"\d")

#: feature names, in the order of :func:`features`
FEATURES = (
    "score", "certainty", "causal", "conditional_causal", "correlational", "hedged", "negated",
    "promotes", "hinders", "no_effect", "mixed", "factor_words", "outcome_words", "implicit_outcome", "no_factor",
    "pointer_factor", "factor_digits", "outcome_digits", "social", "sentence_words", "heading", "statistics",
    "comparison", "group_factor", "concluding", "span_overlap", "factor_first", "span_coverage", "citations",
    "valence_unknown", "valence_good", "valence_bad", "kind_benefit", "kind_harm", "kind_increase", "kind_decrease",
    "kind_associate", "parsed", "factor_support", "outcome_support", "factor_untagged", "outcome_untagged",
)
#: the features a fast-mode extractor (no span tagger) cannot give
TAGGER_FEATURES = ("factor_support", "outcome_support", "factor_untagged", "outcome_untagged")


def features(claim: dict, signals: dict[str, float] | None = None) -> list[float]:
    """The feature vector of one claim (its output dict, offsets in any frame) and the extractor's ``signals``
    (:attr:`.Claim.signals`). Without signals the valence is read from the outcome's text, the relation's kind and
    ``parsed`` are 0, and the spans read as untagged (as in fast mode)."""
    signals = signals or {}
    sentence = claim["text"]
    factor, outcome = claim["factor"], claim["outcome"]
    f_words = _WORD.findall((factor["text"] or "").lower())
    o_words = _WORD.findall((outcome["text"] or "").lower())
    s_words = _WORD.findall(sentence.lower())
    implicit = outcome["start"] is None
    no_factor = factor["start"] is None or not f_words
    valence = signals.get("valence")
    if valence is None:
        valence = 1.0 if implicit else float(outcome_valence(outcome["text"] or ""))
    factor_first = 0.5 if implicit or no_factor else float(factor["start"] < outcome["start"])
    union = set(f_words) | set(o_words)
    supports = [signals.get(name, -1.0) for name in ("factor_support", "outcome_support")]
    values = [
        claim["score"], (claim.get("certainty") or 4.0) / 6.0,
        *(claim["strength"] == k for k in ("causal", "conditional_causal", "correlational")),
        claim["hedged"], claim["negated"],
        *(claim["direction"] == k for k in ("promotes", "hinders", "no_effect", "mixed")),
        math.log1p(len(f_words)), math.log1p(len(o_words)), implicit, no_factor,
        bool(f_words) and len(f_words) <= 2 and f_words[0] in _POINTERS,
        bool(_DIGIT.search(factor["text"] or "")), bool(_DIGIT.search(outcome["text"] or "")),
        claim["social"], math.log1p(len(s_words)),
        bool(_HEADING.match(sentence)), bool(_STATISTIC.search(sentence)), bool(_COMPARISON.search(sentence)),
        bool(_GROUP_WORDS.search(factor["text"] or "")), bool(_CONCLUDING.search(sentence)),
        len(set(f_words) & set(o_words)) / max(1, len(union)), factor_first,
        (len(f_words) + len(o_words)) / max(1, len(s_words)), bool(claim["citations"]),
        valence == 0, valence > 0, valence < 0,
        *(signals.get(f"kind_{k}", 0.0) for k in ("benefit", "harm", "increase", "decrease", "associate")),
        signals.get("parsed", 0.0),
        max(supports[0], 0.0), max(supports[1], 0.0), supports[0] < 0 and not no_factor, supports[1] < 0 and not implicit,
    ]
    return [float(v) for v in values]


def full_mode(extractor) -> bool:
    """Whether ``extractor`` runs both MiniLM stages (the detector's second stage and the span tagger): the rows the
    ``full`` weights were fitted on."""
    from .minilm_tagger import MiniLMSpanTagger

    return getattr(extractor.detector, "scorer", None) is not None and isinstance(extractor.span_model, MiniLMSpanTagger)


class RowConfidence:
    """A logistic regression over :data:`FEATURES` (standardised), one weight vector per mode."""

    def __init__(self, modes: dict[str, dict], meta: dict | None = None) -> None:
        #: ``{"fast"|"full": {"features": [...], "mean": [...], "scale": [...], "coef": [...], "intercept": x}}``
        self.modes = modes
        self.meta = meta or {}

    def mode(self, full: bool) -> str:
        """``full`` when the extractor runs the MiniLM detector stage and the span tagger and the model has weights
        for that, else ``fast``."""
        return "full" if full and "full" in self.modes else "fast"

    def predict(self, rows: list[tuple[dict, dict]], full: bool) -> np.ndarray:
        """P(right) of ``(claim dict, signals)`` rows; ``full``: the rows come from an extractor that runs the MiniLM
        detector stage and the span tagger."""
        if not rows:
            return np.zeros(0)
        part = self.modes[self.mode(full)]
        index = [FEATURES.index(name) for name in part["features"]]
        x = np.array([features(claim, signals) for claim, signals in rows])[:, index]
        z = (x - np.asarray(part["mean"])) / np.asarray(part["scale"])
        return 1.0 / (1.0 + np.exp(-(z @ np.asarray(part["coef"]) + part["intercept"])))

    def save(self, directory: str | Path) -> None:
        path = Path(directory) / FILE
        path.write_text(json.dumps({"name": NAME, "modes": self.modes, **self.meta}, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, directory: str | Path) -> RowConfidence | None:
        """The model in ``directory``, or ``None`` when it has none; a file that is not a usable model raises
        ``ValueError`` naming it."""
        path = Path(directory) / FILE
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ValueError(f"{path}: unreadable row-confidence model ({error})") from None
        if not isinstance(data, dict) or data.get("name") != NAME:
            found = data.get("name") if isinstance(data, dict) else type(data).__name__
            raise ValueError(f"{path}: not a row-confidence model ({found!r}, expected {NAME!r})")
        modes = data.get("modes")
        if not isinstance(modes, dict) or "fast" not in modes or set(modes) - {"fast", "full"}:
            raise ValueError(f"{path}: needs a 'fast' mode (and optionally 'full'), found {sorted(modes or {})}")
        for mode, part in modes.items():
            problem = _mode_problem(part)
            if problem:
                raise ValueError(f"{path}: mode {mode!r} {problem}")
        meta = {k: v for k, v in data.items() if k not in ("name", "modes")}
        return cls(modes, meta)


def _mode_problem(part) -> str | None:
    """What makes one mode's weights unusable by this code, or ``None``."""
    keys = ("features", "mean", "scale", "coef", "intercept")
    if not isinstance(part, dict) or any(k not in part for k in keys):
        return f"needs {', '.join(keys)}"
    unknown = set(part["features"]) - set(FEATURES)
    if unknown:
        return f"has features this code does not compute: {sorted(unknown)}"
    if not len(part["features"]) == len(part["mean"]) == len(part["scale"]) == len(part["coef"]):
        return "has vectors of different lengths"
    numbers = np.asarray([*part["mean"], *part["scale"], *part["coef"], part["intercept"]], dtype=float)
    if not np.isfinite(numbers).all() or (np.asarray(part["scale"], dtype=float) <= 0).any():
        return "has a non-finite number or a scale that is not positive"
    return None
