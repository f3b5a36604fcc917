"""Study design of a record (rules + calibrated linear model) and of cited evidence.

- ``srnlp_design`` spaCy component (:mod:`.component`): ``doc._.design = {label, score, evidence}``
- :func:`cited_designs` (:mod:`.citations`): designs attached to author-year citations
- :class:`DesignPredictor` (:mod:`.predict`), :func:`train_from_config` (:mod:`.train`)
"""

from __future__ import annotations

from .._lazy import lazy_getattr

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


__getattr__ = lazy_getattr(__name__, _EXPORTS)
