"""Where the claims models' MiniLM stages run: ``cpu`` (the default), ``cuda``, ``cuda:N`` or ``auto``.

Only the two transformer stages (the detector's second stage and the span tagger) move; the TF-IDF stage,
the parser and the rules stay on the CPU. ``$SRNLP_CLAIMS_DEVICE`` sets the device for a whole process and its
workers (what ``--device`` sets); a component's or caller's own setting wins over it.
"""

from __future__ import annotations

import os
import re

from ..errors import SrnlpError

#: Environment variable read when no device is given (``srnlp analyze --device`` sets it for its workers).
DEVICE_ENV = "SRNLP_CLAIMS_DEVICE"

_CUDA = re.compile(r"cuda(?::(\d+))?")


def device_from_env() -> str:
    return os.environ.get(DEVICE_ENV, "").strip().lower() or "cpu"


def check_device_name(name: str) -> str:
    """``name`` lower-cased when it is a device this library knows (``cpu``, ``cuda``, ``cuda:N``, ``auto``),
    else E404; nothing is imported (for checking a command-line option before any work starts)."""
    lowered = name.strip().lower()
    if lowered in ("cpu", "auto") or _CUDA.fullmatch(lowered):
        return lowered
    raise SrnlpError("E404", name=name)


def resolve_device(name: str | None = None) -> str:
    """The torch device string for ``name`` (``None``: ``$SRNLP_CLAIMS_DEVICE``, else ``cpu``): ``auto`` is the
    first GPU when torch sees one, else ``cpu``. A GPU that torch cannot use is E405, so that a run asked to
    use a GPU never falls back to the CPU unnoticed."""
    wanted = check_device_name(device_from_env() if name is None else name)
    if wanted == "cpu":
        return "cpu"
    try:
        import torch
    except ImportError:
        if wanted == "auto":
            return "cpu"
        raise SrnlpError("E405", device=wanted, reason="torch is not installed") from None
    if not torch.cuda.is_available():
        if wanted == "auto":
            return "cpu"
        raise SrnlpError("E405", device=wanted, reason=f"torch {torch.__version__} sees no CUDA device")
    if wanted == "auto":
        return "cuda:0"
    index = int(_CUDA.fullmatch(wanted).group(1) or 0)
    if index >= torch.cuda.device_count():
        raise SrnlpError("E405", device=wanted, reason=f"torch sees {torch.cuda.device_count()} CUDA device(s)")
    return f"cuda:{index}"
