"""Load and save the claims model directory (``models/claims-<version>/``)."""

from __future__ import annotations

from pathlib import Path

from ..modeldir import model_id, read_meta
from ..paths import find_model
from .certainty import load_certainty
from .detector import ClaimDetector
from .extract import ClaimExtractor
from .parser import DEFAULT_PARSER

MODEL_NAME = "claims"


def load_extractor(model: str | Path | None = None, spacy_model: str | None = None) -> tuple[ClaimExtractor, dict] | None:
    """``(extractor, meta)`` from a model directory (default: the newest shipped one), or ``None``."""
    path = Path(model) if model else find_model(MODEL_NAME)
    if path is None or not (path / "meta.json").is_file():
        return None
    meta = read_meta(path)
    detector = ClaimDetector.load(path)
    parser_name = spacy_model or meta.get("parser", {}).get("package", DEFAULT_PARSER)
    extractor = ClaimExtractor(detector, spacy_model=parser_name)
    extractor.certainty_model = load_certainty(path)
    if (path / "spans.skops").is_file():
        from .spanmodel import SpanTagger

        extractor.span_model = SpanTagger.load(path)
    return extractor, meta


def claims_model_id(meta: dict) -> str:
    return model_id(meta)
