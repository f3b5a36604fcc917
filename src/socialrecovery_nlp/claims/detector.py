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

    name = "srnlp.claims_tfidf_lr.v1"

    def __init__(self, C: float = 4.0, ngram_max: int = 2, min_df: int = 1, threshold: float = 0.5,
                 seed: int = 0, confident: float | None = None) -> None:
        self.C, self.ngram_max, self.min_df, self.threshold, self.seed = C, ngram_max, min_df, threshold, seed
        #: sentences scored below ``confident`` (but at least ``threshold``) are claims only if the
        #: parse links a factor and an outcome; ``None``: same as ``threshold`` (no such check)
        self.confident = confident
        self.pipeline = None

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
        self.pipeline.fit([featurize(t) for t in texts], np.asarray(labels),
                          logisticregression__sample_weight=sample_weight)
        return self

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        if self.pipeline is None:
            raise RuntimeError("ClaimDetector is not fitted")
        if not texts:
            return np.zeros(0)
        return self.pipeline.predict_proba([featurize(t) for t in texts])[:, 1]

    def save(self, directory: str | Path) -> None:
        import skops.io as sio

        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        sio.dump(self.pipeline, directory / WEIGHTS_FILE)
        settings = {"name": self.name, "C": self.C, "ngram_max": self.ngram_max, "min_df": self.min_df,
                    "threshold": self.threshold, "confident": self.confident, "seed": self.seed}
        (directory / SETTINGS_FILE).write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, directory: str | Path) -> ClaimDetector:
        import skops.io as sio

        directory = Path(directory)
        settings = json.loads((directory / SETTINGS_FILE).read_text(encoding="utf-8"))
        detector = cls(C=settings["C"], ngram_max=settings["ngram_max"], min_df=settings["min_df"],
                       threshold=settings["threshold"], seed=settings.get("seed", 0),
                       confident=settings.get("confident"))
        path = directory / WEIGHTS_FILE
        unknown = [t for t in sio.get_untrusted_types(file=path) if t not in TRUSTED_TYPES]
        if unknown:
            raise ValueError(f"{path}: refusing to load untrusted types {unknown}")
        detector.pipeline = sio.load(path, trusted=list(TRUSTED_TYPES))
        return detector
