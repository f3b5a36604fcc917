"""Named, versioned sentence estimators (never change behaviour under an old name; add .v2)."""

from __future__ import annotations

import importlib

ESTIMATORS: dict[str, tuple[str, str]] = {
    "srnlp.tfidf_linear.v1": ("socialrecovery_nlp.themes.tfidf", "TfidfLinearEstimator"),
    "srnlp.minilm_head.v1": ("socialrecovery_nlp.themes.embedding", "EmbeddingHeadEstimator"),
}
#: Short names used in configs and in model directory names (``themes-<kind>-<version>``).
KINDS = {"baseline": "srnlp.tfidf_linear.v1", "minilm": "srnlp.minilm_head.v1"}


def estimator_class(name: str):
    name = KINDS.get(name, name)
    if name not in ESTIMATORS:
        raise KeyError(f"unknown themes estimator {name!r}; known: {sorted(ESTIMATORS)} or {sorted(KINDS)}")
    module, cls = ESTIMATORS[name]
    return getattr(importlib.import_module(module), cls)
