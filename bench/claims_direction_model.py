"""A learned claim direction that stacks on the rule composition (``claims/direction.py``).

Kept in ``bench/`` as a documented negative result: it did not beat the rules on fresh abstracts
(``bench/claims_direction_model.md``), so the package does not ship it.

:class:`DirectionModel` is a multinomial logistic regression over features of a *predicted*
:class:`.claim.Claim` and its sentence: the rule direction the extractor composed, the negation /
hedge flags, the trigger word and its predicate kind, the outcome's head, words and valence
(:mod:`.valence`), the words between trigger and outcome, comparison and negation words near the
trigger, and a lightly weighted TF-IDF of the sentence's word n-grams. It is trained on predicted
claims matched to gold claims (the gold direction is the label) and applied to the claims the
extractor returns, overwriting ``claim.direction`` in place; with ``threshold`` > 0 only a prediction
with probability >= ``threshold`` overrides the rule direction. An unfitted model, an empty list or a
claim the features cannot be computed for keep the rule direction (the fallback).

Weights are saved with skops (no pickle), zip-deflated, plus a JSON file with the settings.
Measured against the rules in ``bench/claims_direction_model.md`` (2026-11-26: no clear gain over the
rules on fresh abstracts).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from socialrecovery_nlp.claims import hedging
from socialrecovery_nlp.claims import lexicon as lx
from socialrecovery_nlp.claims.direction import DIRECTIONS
from socialrecovery_nlp.claims.valence import outcome_valence

WEIGHTS_FILE = "direction_model.skops"
SETTINGS_FILE = "direction_model.json"
#: Types beyond skops' defaults that a direction model file may contain (none).
TRUSTED_TYPES: tuple[str, ...] = ()

_WORD = re.compile(r"[a-z][a-z'\-]*|\d+(?:\.\d+)?")
#: Words that state a comparison or a change; their presence (and position) is a strong hint.
COMPARISON_WORDS = frozenset(["more", "less", "higher", "lower", "greater", "fewer", "smaller", "larger", "better",
                              "worse", "poorer", "reduced", "reduction", "increased", "increase", "decreased",
                              "decrease", "improved", "improvement", "superior", "inferior", "similar", "comparable",
                              "equivalent", "differ", "difference", "differences", "compared", "than", "versus", "vs"])
NEGATION_WORDS = frozenset(["not", "no", "neither", "nor", "without", "never", "cannot", "non", "nonsignificant",
                            "insignificant", "unaffected", "ineffective", "failed", "lack", "absence", "n't"])
#: Prepositions that end a noun phrase's head ("rates of relapse" -> "rates").
_HEAD_STOP = frozenset(["of", "in", "on", "for", "among", "with", "at", "to", "from", "by", "during", "after",
                        "than", "and", "or", "as", "between", "across", "within", "over"])


#: predicate kind -> sign of the change it states for the outcome (benefit / harm fix the direction)
_KIND_SIGN = {lx.INCREASE: 1, lx.ASSOCIATE: 1, lx.DECREASE: -1}
#: a reported coefficient and its sign ("beta = -0.10", "B=−.05", "r = 0.31", "OR 0.6" left out)
_COEFFICIENT = re.compile(r"(?:\b(?:r|rho|b|beta|β|coefficient)|β)\s*[=:]\s*([-−–]?)\s*\.?\d", re.IGNORECASE)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ments", "ment", "ing", "ies", "ied", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _head(words: list[str]) -> str | None:
    """The head of a noun phrase read off its words: the last word before a preposition."""
    for i, w in enumerate(words):
        if w in _HEAD_STOP and i:
            return words[i - 1]
    return words[-1] if words else None


def _kind(trigger: str) -> str:
    trigger = trigger.lower()
    if trigger in lx.TRIGGER_PHRASES:
        return lx.TRIGGER_PHRASES[trigger]
    words = trigger.split()
    for w in words:
        if w in lx.TRIGGER_WORDS:
            return lx.TRIGGER_WORDS[w]
    return "none"


def _span_chars(span, base: int) -> tuple[int, int] | None:
    if span is None:
        return None
    return span.start_char - base, span.end_char - base


def claim_features(claim, n_in_sentence: int = 1) -> dict[str, float]:
    """Features of one predicted claim (see the module docstring); offsets are read relative to
    ``claim.sentence``."""
    sent = claim.sentence
    text = sent.text
    lowered = text.lower()
    base = sent.start_char
    f: dict[str, float] = {}
    rule = claim.direction
    f[f"rule={rule}"] = 1.0
    f["negated"] = float(bool(claim.negated))
    f["hedged"] = float(bool(claim.hedged))
    if claim.hedge_cue:
        f[f"hedge={claim.hedge_cue.lower()}"] = 1.0
    if n_in_sentence > 1:
        f["several_claims"] = 1.0
    trig = _span_chars(claim.trigger, base)
    if trig is None:  # span-less claim: the sentence's first trigger word stands in
        match = lx.TRIGGER_RE.search(lowered)
        trig = (match.start(), match.end()) if match else None
        f["no_trigger_span"] = 1.0
    fac = _span_chars(claim.factor, base)
    out = _span_chars(claim.outcome, base)
    if fac is None:
        f["no_factor"] = 1.0
    if out is None:
        f["no_outcome"] = 1.0
    kind = "none"
    if trig is not None:
        t_text = lowered[trig[0]:trig[1]]
        kind = _kind(t_text)
        f[f"trig={t_text}"] = 1.0
        for w in _words(t_text):
            f[f"trig_stem={_stem(w)}"] = 1.0
        before = _words(lowered[max(0, trig[0] - 60):trig[0]])[-4:]
        after = _words(lowered[trig[1]:trig[1] + 40])[:3]
        for w in before:
            f[f"pre={w}"] = 1.0
        for w in after:
            f[f"post={w}"] = 1.0
        if any(w in NEGATION_WORDS for w in before):
            f["neg_before_trigger"] = 1.0
        if any(w in NEGATION_WORDS for w in after):
            f["neg_after_trigger"] = 1.0
        if out is not None:
            lo, hi = (trig[1], out[0]) if out[0] >= trig[1] else (out[1], trig[0])
            between = _words(lowered[lo:hi]) if hi > lo else []
            f["outcome_after_trigger"] = float(out[0] >= trig[1])
            for w in between[:10]:
                f[f"btw={w}"] = 1.0
                if w in COMPARISON_WORDS:
                    f[f"btw_cmp={w}"] = 1.0
            if any(w in NEGATION_WORDS for w in between):
                f["neg_between"] = 1.0
    f[f"kind={kind}"] = 1.0
    outcome_text = claim.outcome.text if claim.outcome is not None else (claim.outcome_text or "")
    o_words = _words(outcome_text)
    valence = outcome_valence(outcome_text) if outcome_text else 0
    f[f"val={valence}"] = 1.0
    f[f"kind_val={kind}:{valence}"] = 1.0
    f[f"rule_val={rule}:{valence}"] = 1.0
    for w in o_words:
        f[f"out={w}"] = 1.0
        if w in COMPARISON_WORDS:
            f[f"out_cmp={w}"] = 1.0
    head = _head(o_words)
    if head:
        f[f"out_head={head}"] = 1.0
        f[f"out_head_stem={_stem(head)}"] = 1.0
    # signed copies (+1 "more of the outcome", -1 "less of it"): a weight learned on an outcome word
    # then acts like its valence, composed with the predicate as the rules do
    sign = _KIND_SIGN.get(kind, 0)
    if sign:
        f["signed_val"] = float(sign * valence)
        for w in o_words[:8]:
            f[f"s_out={w}"] = float(sign)
        if head:
            f[f"s_head={_stem(head)}"] = float(sign)
    if out is not None:
        for w in _words(lowered[max(0, out[0] - 30):out[0]])[-2:]:
            f[f"pre_out={w}"] = 1.0
    coef = _COEFFICIENT.findall(text)
    if coef:
        for minus in set(coef):
            f["coef_neg" if minus else "coef_pos"] = 1.0
    if claim.factor is not None:
        for w in _words(claim.factor.text)[:12]:
            f[f"fac={w}"] = 0.5
    s_words = _words(lowered)
    for w in set(s_words) & COMPARISON_WORDS:
        f[f"sent_cmp={w}"] = 1.0
    for w in set(s_words) & NEGATION_WORDS:
        f[f"sent_neg={w}"] = 1.0
    if hedging.nonsignificant_p(text):
        f["nonsignificant_p"] = 1.0
    if hedging.negation_cue(text):
        f["sent_negation_cue"] = 1.0
    if hedging.is_mixed(text):
        f["sent_mixed"] = 1.0
    return f


def _sentence_counts(claims: Sequence) -> list[int]:
    keys = [(id(c.sentence.doc), c.sentence.start, c.sentence.end) for c in claims]
    counts = Counter(keys)
    return [counts[k] for k in keys]


class DirectionModel:
    """Learned direction of predicted claims, stacked on the rule direction (kept as the fallback).

    ``C``: inverse regularisation of the logistic regression; ``class_weight``: ``"balanced"`` or
    ``None``; ``sentence_weight``: scale of the sentence TF-IDF block (0 leaves it out);
    ``threshold``: the least probability of the predicted direction that overrides the rule direction
    (0 overrides always).
    """

    def __init__(self, C: float = 1.0, threshold: float = 0.0, class_weight: str | None = "balanced",
                 sentence_weight: float = 0.3, seed: int = 0) -> None:
        self.C = C
        self.threshold = threshold
        self.class_weight = class_weight
        self.sentence_weight = sentence_weight
        self.seed = seed
        self.vectorizer = None
        self.tfidf = None
        self.clf = None

    @property
    def fitted(self) -> bool:
        return self.clf is not None

    # -- features -------------------------------------------------------------------------------
    def _matrix(self, claims: Sequence, fit: bool = False):
        from scipy import sparse

        counts = _sentence_counts(claims)
        dicts = [claim_features(c, n) for c, n in zip(claims, counts)]
        texts = [c.sentence.text for c in claims]
        if fit:
            from sklearn.feature_extraction import DictVectorizer
            from sklearn.feature_extraction.text import TfidfVectorizer

            self.vectorizer = DictVectorizer()
            X = self.vectorizer.fit_transform(dicts)
            self.tfidf, S = None, None
            if self.sentence_weight > 0:
                tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True)
                try:
                    S = tfidf.fit_transform(texts)
                    self.tfidf = tfidf
                except ValueError:  # no n-gram in two sentences (tiny training sets): no sentence block
                    S = None
        else:
            X = self.vectorizer.transform(dicts)
            S = self.tfidf.transform(texts) if self.tfidf is not None else None
        if S is not None:
            X = sparse.hstack([X, self.sentence_weight * S]).tocsr()
        return X

    # -- public API -----------------------------------------------------------------------------
    def fit(self, claims: Sequence, gold_directions: Sequence[str | None]) -> DirectionModel:
        """Fit on predicted claims and their gold directions (``None`` entries are skipped)."""
        from sklearn.linear_model import LogisticRegression

        if len(claims) != len(gold_directions):
            raise ValueError("claims and gold_directions differ in length")
        pairs = [(c, g) for c, g in zip(claims, gold_directions) if g is not None]
        unknown = {g for _, g in pairs} - set(DIRECTIONS)
        if unknown:
            raise ValueError(f"unknown directions {sorted(unknown)}")
        labels = [g for _, g in pairs]
        if len(set(labels)) < 2:
            raise ValueError("DirectionModel needs at least two directions to fit")
        X = self._matrix([c for c, _ in pairs], fit=True)
        self.clf = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=2000,
                                      random_state=self.seed)
        self.clf.fit(X, labels)
        return self

    def predict_proba(self, claims: Sequence) -> tuple[list[str], np.ndarray]:
        """The model's classes and one row of probabilities per claim (no rule fallback)."""
        if not self.fitted:
            raise RuntimeError("DirectionModel is not fitted")
        classes = [str(c) for c in self.clf.classes_]
        if not claims:
            return classes, np.zeros((0, len(classes)))
        return classes, self.clf.predict_proba(self._matrix(claims))

    def apply(self, claims: Sequence) -> None:
        """Set ``claim.direction`` in place for every claim (one batched prediction); the rule
        direction stays where the model is unfitted or not confident enough (``threshold``)."""
        claims = list(claims)
        if not claims or not self.fitted:
            return
        try:
            classes, probs = self.predict_proba(claims)
        except Exception:  # noqa: BLE001 - a failing model must not break extraction: rules stay
            return
        best = probs.argmax(axis=1)
        for claim, k, row in zip(claims, best, probs):
            if row[k] >= self.threshold:
                claim.direction = classes[k]

    # -- persistence ----------------------------------------------------------------------------
    def save(self, directory: str | Path) -> None:
        from socialrecovery_nlp.modeldir import save_skops

        if not self.fitted:
            raise RuntimeError("DirectionModel is not fitted")
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        state = {"vectorizer": self.vectorizer, "clf": self.clf}
        if self.tfidf is not None:
            state["tfidf"] = self.tfidf
        save_skops(state, directory / WEIGHTS_FILE)
        settings = {"C": self.C, "threshold": self.threshold, "class_weight": self.class_weight,
                    "sentence_weight": self.sentence_weight, "seed": self.seed,
                    "classes": [str(c) for c in self.clf.classes_]}
        (directory / SETTINGS_FILE).write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, directory: str | Path) -> DirectionModel:
        from socialrecovery_nlp.modeldir import load_skops

        directory = Path(directory)
        settings = json.loads((directory / SETTINGS_FILE).read_text(encoding="utf-8"))
        model = cls(C=settings["C"], threshold=settings["threshold"], class_weight=settings["class_weight"],
                    sentence_weight=settings["sentence_weight"], seed=settings.get("seed", 0))
        state = load_skops(directory / WEIGHTS_FILE, TRUSTED_TYPES)
        model.vectorizer, model.clf, model.tfidf = state["vectorizer"], state["clf"], state.get("tfidf")
        return model
