"""Claim-sentence detector: TF-IDF word n-grams + logistic regression (scikit-learn).

A sentence is a claim candidate when its probability reaches the threshold *and* it has a
relation trigger (:func:`.spans.find_triggers`); the probability is the claim's ``score``. A
candidate scored below ``confident`` is kept only when its parse links a factor and an outcome
(:class:`..extract.ClaimExtractor`); both cut-offs are chosen by grouped CV (:mod:`.train`).
Saved with skops (no pickle) plus a JSON file with the threshold.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np

from ..modeldir import load_skops, save_skops
from . import lexicon as lx

_WORDS = re.compile(r"[a-z][a-z'\-]*")
_CITATION = re.compile(r"\((?:[^()]*\d{4}[a-z]?|[^()]*in press)[^()]*\)|\[\d+(?:[-–,]\s*\d+)*\]|et al")
#: Cue groups added as marker tokens; they let a small training set generalise.
CUE_GROUPS = {
    "REC": ("need", "needs", "should", "must", "important to", "it is important", "will be important",
            "would require", "requires", "require", "would benefit", "aim to", "aims to", "would be",
            "is required", "are required", "need for", "there is a need", "may need", "may entail", "may involve",
            "ensure", "to achieve", "strategy", "can play", "could play", "should be", "recommend"),
    "FUT": ("further research", "little research", "more research", "future research", "gap",
            "little evidence", "little evaluation", "yet to be", "no clarity", "less research", "in its infancy"),
    "MET": ("were included", "was conducted", "were identified", "searched", "search", "we reviewed",
            "this paper", "this article", "this review", "papers", "participants were", "were recruited",
            "we conducted", "was undertaken", "were extracted", "were coded", "were excluded",
            "literature search", "are explored", "is explored", "review of the literature", "this study",
            "we examined", "we assessed", "were randomised", "were randomized", "were assigned", "hypothes"),
    "DEF": ("is defined", "involves", "refers to", "is that of", "described as", "definition", "is a"),
    "FIND": ("found", "showed", "shown", "evidence that", "demonstrated", "reported", "results",
             "suggest", "suggests", "indicate", "indicates", "revealed", "significantly"),
}

_GROUP_RES = {group: re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(c) for c in cues) + r")(?![a-z])")
              for group, cues in CUE_GROUPS.items()}
_VALENCE_WORDS = frozenset(lx.BAD_OUTCOMES) | frozenset(lx.GOOD_OUTCOMES)


_STATS = re.compile(r"(?:\b[pP]\s*[<=>≤≥]|\b95\s*%|\bCI\b|\b(?:OR|RR|HR)\b\s*[=:]?\s*\d|β\s*=|\br\s*=\s*-?0?\.\d)")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?")
#: Section headings of structured abstracts, by group (``features = "v2"``).
HEADING_GROUPS = {
    "background": "bg", "introduction": "bg", "context": "bg", "objective": "aim", "objectives": "aim",
    "aim": "aim", "aims": "aim", "purpose": "aim", "method": "met", "methods": "met", "design": "met",
    "results": "res", "result": "res", "findings": "res", "conclusion": "con", "conclusions": "con",
    "discussion": "con", "interpretation": "con", "significance": "con",
}


def featurize_v2(text: str) -> str:
    """:func:`featurize` plus markers for a leading section heading (its group), reported
    statistics (p-values, CIs, odds ratios) and many numbers (``features = "v2"``, 0.2.0)."""
    from .extract import heading_length

    marks = []
    k = heading_length(text)
    if k:
        first = _WORDS.findall(text[:k].lower())
        groups = {HEADING_GROUPS[w] for w in first if w in HEADING_GROUPS}
        marks += [f"zzhead{g}" for g in sorted(groups)] or ["zzheadother"]
    if _STATS.search(text):
        marks.append("zzstats")
    if len(_NUMBER.findall(text)) >= 4:
        marks.append("zznumbers")
    return featurize(text) + (" " + " ".join(marks) if marks else "")


def featurize(text: str) -> str:
    """The text plus marker tokens for trigger kinds, valence words, citations and cue groups."""
    lowered = text.lower()
    words = _WORDS.findall(lowered)
    marks = {f"zztrig{kind}" for kind in (lx.TRIGGER_WORDS.get(w) for w in words) if kind}
    marks |= {f"zztrig{kind}" for phrase, kind in lx.TRIGGER_PHRASES.items() if phrase in lowered}
    words_set = set(words)
    if marks:
        marks.add("zzanytrigger")
    if words_set & _VALENCE_WORDS:
        marks.add("zzvalence")
    if _CITATION.search(text):
        marks.add("zzcitation")
    if words_set & lx.HEDGE_WORDS:
        marks.add("zzhedge")
    for group, pattern in _GROUP_RES.items():
        if pattern.search(lowered):
            marks.add(f"zz{group.lower()}")
    return text + " " + " ".join(sorted(marks))

WEIGHTS_FILE = "detector.skops"
SETTINGS_FILE = "detector.json"
#: Types beyond skops' defaults that a detector file may contain (none today).
TRUSTED_TYPES: tuple[str, ...] = ()


class ClaimDetector:
    """``fit(texts, labels, sample_weight)`` / ``predict_proba(texts)`` -> P(claim) per text."""

    def __init__(self, C: float = 4.0, ngram_max: int = 2, min_df: int = 1, threshold: float = 0.5,
                 seed: int = 0, confident: float | None = None, features: str = "v1") -> None:
        self.C, self.ngram_max, self.min_df, self.threshold, self.seed = C, ngram_max, min_df, threshold, seed
        if features not in ("v1", "v2"):
            raise ValueError(f"unknown detector features {features!r} (v1, v2)")
        #: ``v1``: :func:`featurize`; ``v2``: :func:`featurize_v2` (adds heading/statistics markers)
        self.features = features
        #: sentences scored below ``confident`` (but at least ``threshold``) are claims only if the
        #: parse links a factor and an outcome; ``None``: same as ``threshold`` (no such check)
        self.confident = confident
        self.pipeline = None

    @property
    def name(self) -> str:
        return "srnlp.claims_tfidf_lr.v2" if self.features == "v2" else "srnlp.claims_tfidf_lr.v1"

    def _featurize(self, texts: list[str]) -> list[str]:
        f = featurize_v2 if self.features == "v2" else featurize
        return [f(t) for t in texts]

    def _build(self):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline

        return make_pipeline(
            TfidfVectorizer(ngram_range=(1, self.ngram_max), min_df=self.min_df, sublinear_tf=True,
                            lowercase=True, token_pattern=r"(?u)\b\w[\w'\-]*\b"),
            LogisticRegression(C=self.C, class_weight="balanced", max_iter=2000, random_state=self.seed),
        )

    def fit(self, texts: list[str], labels, sample_weight=None) -> ClaimDetector:
        self.pipeline = self._build()
        self.pipeline.fit(self._featurize(texts), np.asarray(labels),
                          logisticregression__sample_weight=sample_weight)
        return self

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        if self.pipeline is None:
            raise RuntimeError("ClaimDetector is not fitted")
        if not texts:
            return np.zeros(0)
        return self.pipeline.predict_proba(self._featurize(texts))[:, 1]

    def save(self, directory: str | Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        save_skops(self.pipeline, directory / WEIGHTS_FILE)
        settings = {"name": self.name, "C": self.C, "ngram_max": self.ngram_max, "min_df": self.min_df,
                    "threshold": self.threshold, "confident": self.confident, "seed": self.seed,
                    "features": self.features}
        (directory / SETTINGS_FILE).write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, directory: str | Path) -> ClaimDetector:
        directory = Path(directory)
        settings = json.loads((directory / SETTINGS_FILE).read_text(encoding="utf-8"))
        detector = cls(C=settings["C"], ngram_max=settings["ngram_max"], min_df=settings["min_df"],
                       threshold=settings["threshold"], seed=settings.get("seed", 0),
                       confident=settings.get("confident"), features=settings.get("features", "v1"))
        detector.pipeline = load_skops(directory / WEIGHTS_FILE, TRUSTED_TYPES)
        return detector
