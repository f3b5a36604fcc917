"""How certain a finding is stated, on the 1-6 scale of Pei & Jurgens (2021).

Pei & Jurgens ("Measuring Sentence-Level and Aspect-Level (Un)certainty in Science
Communications", EMNLP 2021) scored 1,551 scientific findings from 1 (uncertain) to 6 (certain);
their data (MIT) is in ``data/claims/certainty``. This model is a ridge regression over TF-IDF
word 1-2-grams plus two cue columns (a hedge cue and a negation cue from :mod:`.hedging`),
trained on their ``train`` split; settings were chosen on their ``val`` split (never on ``test``),
and every training run reports both (``meta.json``, ``certainty``).

``hedged`` (a hedge cue is present) says *whether* a claim is hedged; ``certainty`` grades *how
sure* the sentence sounds, which also reflects numbers, framing and extent words that no cue list
covers. Saved with skops (no pickle).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from ..modeldir import load_skops, save_skops
from .hedging import hedge_cue, negation_cue

WEIGHTS_FILE = "certainty.skops"
SETTINGS_FILE = "certainty.json"
NAME = "srnlp.claims_certainty_ridge.v1"
SCALE = (1.0, 6.0)
TRUSTED_TYPES = ("sklearn.feature_extraction.text.TfidfVectorizer", "sklearn.linear_model._ridge.Ridge",
                 "numpy.dtype")


class CertaintyModel:
    """``fit(texts, scores)`` then ``predict(texts)`` -> certainty in [1, 6]."""

    name = NAME

    def __init__(self, alpha: float = 0.3, cue_weight: float = 0.3, ngram_max: int = 2) -> None:
        self.alpha = alpha
        self.cue_weight = cue_weight
        self.ngram_max = ngram_max
        self.vectorizer = None
        self.regressor = None

    def _matrix(self, texts: list[str], fit: bool = False):
        words = self.vectorizer.fit_transform(texts) if fit else self.vectorizer.transform(texts)
        cues = np.array([[hedge_cue(t) is not None, negation_cue(t) is not None] for t in texts], dtype=np.float64)
        return sp.hstack([words, sp.csr_matrix(cues * self.cue_weight)]).tocsr()

    def fit(self, texts: list[str], scores) -> CertaintyModel:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import Ridge

        if len(texts) != len(scores) or not texts:
            raise ValueError("certainty: need as many scores as texts, and at least one")
        self.vectorizer = TfidfVectorizer(ngram_range=(1, self.ngram_max), sublinear_tf=True)
        self.regressor = Ridge(alpha=self.alpha).fit(self._matrix(list(texts), fit=True), np.asarray(scores, float))
        return self

    def predict(self, texts: list[str]) -> np.ndarray:
        if self.regressor is None:
            raise RuntimeError("certainty model is not fitted")
        if not texts:
            return np.zeros(0)
        return np.clip(self.regressor.predict(self._matrix(list(texts))), *SCALE)

    def save(self, directory: str | Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        save_skops({"vectorizer": self.vectorizer, "regressor": self.regressor}, directory / WEIGHTS_FILE)
        settings = {"name": self.name, "alpha": self.alpha, "cue_weight": self.cue_weight, "ngram_max": self.ngram_max}
        (directory / SETTINGS_FILE).write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, directory: str | Path) -> CertaintyModel:
        directory = Path(directory)
        settings = json.loads((directory / SETTINGS_FILE).read_text(encoding="utf-8"))
        model = cls(alpha=settings["alpha"], cue_weight=settings["cue_weight"], ngram_max=settings["ngram_max"])
        parts = load_skops(directory / WEIGHTS_FILE, TRUSTED_TYPES)
        model.vectorizer, model.regressor = parts["vectorizer"], parts["regressor"]
        return model

    @staticmethod
    def exists(directory: str | Path) -> bool:
        return (Path(directory) / WEIGHTS_FILE).is_file()


def evaluate(model: CertaintyModel, texts: list[str], scores, train_mean: float | None = None) -> dict:
    """Pearson r, Spearman rho and mean absolute error against gold scores; with ``train_mean``
    also the MAE of always predicting the training mean, for scale."""
    from scipy.stats import pearsonr, spearmanr

    gold = np.asarray(scores, float)
    pred = model.predict(texts)
    return {"n": len(gold), "pearson_r": round(float(pearsonr(pred, gold)[0]), 4),
            "spearman_rho": round(float(spearmanr(pred, gold)[0]), 4),
            "mae": round(float(np.abs(pred - gold).mean()), 4),
            **({"baseline_mae": round(float(np.abs(train_mean - gold).mean()), 4)} if train_mean is not None else {})}


def train_on_findings(root: Path | None = None, alpha: float = 0.3, cue_weight: float = 0.3,
                      ngram_max: int = 2, train_splits: tuple[str, ...] = ("train",)) -> tuple[CertaintyModel, dict]:
    """Fit on Pei & Jurgens' ``train_splits`` and score their ``val`` and ``test`` splits."""
    from .data import CLAIMS_DATA, certainty_findings

    root = CLAIMS_DATA if root is None else Path(root)
    train = [r for s in train_splits for r in certainty_findings(s, root)]
    scores = [r["sentence-level-certainty"] for r in train]
    model = CertaintyModel(alpha=alpha, cue_weight=cue_weight, ngram_max=ngram_max).fit([r["finding"] for r in train], scores)
    mean = float(np.mean(scores))
    stats = {"name": model.name, "data": "Pei & Jurgens 2021 sentence-level certainty (MIT)", "train_splits": list(train_splits),
             "n_train": len(train), "alpha": alpha, "cue_weight": cue_weight, "ngram_max": ngram_max}
    for split in ("val", "test"):
        rows = certainty_findings(split, root)
        stats[split] = evaluate(model, [r["finding"] for r in rows], [r["sentence-level-certainty"] for r in rows], mean)
    return model, stats


def load_certainty(directory: str | Path) -> CertaintyModel | None:
    """The certainty model saved in a claims model directory, or ``None`` (older models)."""
    return CertaintyModel.load(directory) if CertaintyModel.exists(directory) else None
