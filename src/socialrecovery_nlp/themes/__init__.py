"""Recovery processes and emergent themes (Tew et al. 2011) for sentences and records.

- :class:`TfidfLinearEstimator` (``srnlp.tfidf_linear.v1``) and :class:`EmbeddingHeadEstimator`
  (``srnlp.minilm_head.v1``): sentence estimators, ``fit(texts, Y)`` / ``predict_proba(texts)``;
- :class:`ThemeModel`: estimator + thresholds + document aggregation + evidence (a model directory);
- the spaCy factory ``srnlp_themes``, registered by importing :mod:`.component`
  (``socialrecovery_nlp.load()`` does).

Heavy parts (scikit-learn, torch) are imported only when used.
"""

from __future__ import annotations

from importlib import import_module

_LAZY = {
    "TfidfLinearEstimator": ".tfidf",
    "EmbeddingHeadEstimator": ".embedding",
    "ThemeModel": ".document",
    "aggregate": ".document",
    "LabelSpace": ".labels",
    "ThemesComponent": ".component",
    "make_themes_component": ".component",
    "train_from_config": ".train",
}
__all__ = [
    "EmbeddingHeadEstimator", "LabelSpace", "TfidfLinearEstimator", "ThemeModel", "ThemesComponent",
    "aggregate", "make_themes_component", "train_from_config",
]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
