"""Load and save the claims model directory (``models/claims-<version>/``)."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from ..errors import SrnlpWarning
from ..modeldir import model_id, read_meta
from ..paths import find_model
from .cascade_detector import CascadeClaimDetector
from .certainty import load_certainty
from .detector import ClaimDetector
from .extract import ClaimExtractor
from .parser import DEFAULT_PARSER

MODEL_NAME = "claims"


#: Environment variable that switches the detector's MiniLM stage off (``1``): what ``--fast-claims`` sets.
FAST_ENV = "SRNLP_CLAIMS_FAST"


def fast_from_env() -> bool:
    return os.environ.get(FAST_ENV, "").strip().lower() in ("1", "true", "yes")


def load_extractor(model: str | Path | None = None, spacy_model: str | None = None,
                   fast: bool | None = None) -> tuple[ClaimExtractor, dict] | None:
    """``(extractor, meta)`` from a model directory (default: the newest shipped one), or ``None``.

    ``fast=True`` leaves out the detector's MiniLM stage (the TF-IDF stage alone, with its own cut-offs:
    three to four times faster on CPU, less precise); ``None`` reads ``$SRNLP_CLAIMS_FAST``."""
    path = Path(model) if model else find_model(MODEL_NAME)
    if path is None or not (path / "meta.json").is_file():
        return None
    meta = read_meta(path)
    fast = fast_from_env() if fast is None else fast
    if fast:
        detector = ClaimDetector.load(path)
    else:
        detector = CascadeClaimDetector.load(
            path, warn=lambda message: warnings.warn(message, SrnlpWarning, stacklevel=3))
    parser_name = spacy_model or meta.get("parser", {}).get("package", DEFAULT_PARSER)
    extractor = ClaimExtractor(detector, spacy_model=parser_name)
    extractor.certainty_model = load_certainty(path)
    if (path / "spans.skops").is_file():
        from .spanmodel import SpanTagger

        extractor.span_model = SpanTagger.load(path)
    return extractor, meta


def second_stage_warning(model: str | Path | None = None) -> str | None:
    """The warning a load would give when the claims model has a MiniLM stage that cannot run here (for a
    parent process whose workers load the model with warnings silenced), else ``None``."""
    from .cascade_detector import SETTINGS_FILE, second_stage_problem

    path = Path(model) if model else find_model(MODEL_NAME)
    if path is None or fast_from_env() or not (path / SETTINGS_FILE).is_file():
        return None
    problem = second_stage_problem(path)
    return None if problem is None else (f"{path.name}: claim detection runs without its MiniLM stage because "
                                         f"{problem}; detection is less accurate")


#: suffix of the model id when a two-stage model runs its TF-IDF stage alone (fast mode or no torch)
FIRST_STAGE_SUFFIX = "+tfidf-only"


def claims_model_id(meta: dict, detector=None) -> str:
    """``claims@<version>``; ``claims@<version>+tfidf-only`` when ``detector`` is the first stage of a model
    that has a MiniLM stage (outputs of the two modes must be told apart)."""
    base = model_id(meta)
    if meta.get("minilm") and detector is not None and not isinstance(detector, CascadeClaimDetector):
        return base + FIRST_STAGE_SUFFIX
    return base
