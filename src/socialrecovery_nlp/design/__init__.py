"""Study design of a record (rules + calibrated linear model) and of cited evidence.

- ``srnlp_design`` spaCy component (:mod:`.component`): ``doc._.design = {label, score, evidence}``
- :func:`cited_designs` (:mod:`.citations`): designs attached to author-year citations
- :class:`DesignPredictor` (:mod:`.predict`), :func:`train_from_config` (:mod:`.train`)
"""

from __future__ import annotations

from importlib import import_module

_EXPORTS = {
    "cited_designs": ".citations",
    "find_citations": ".citations",
    "DesignPredictor": ".predict",
    "DesignRules": ".rules",
    "decide": ".rules",
    "train_from_config": ".train",
    "DESIGNS": ".labels",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name], __name__), name)
    raise AttributeError(name)
