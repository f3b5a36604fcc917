"""socialrecovery-nlp: keep a living review on social factors and recovery up to date.

Public API (nothing heavy is imported until used)::

    import socialrecovery_nlp as srnlp
    nlp = srnlp.load()                     # a spacy.Language with our components
    doc = nlp("Peer support workers ...")  # doc._.themes, doc._.design, doc._.claims
    for result in srnlp.analyze(["batch.ris"]):   # output-contract dicts, one per record
        ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .about import __version__

if TYPE_CHECKING:  # pragma: no cover
    from .corpus.record import Record, Section
    from .pipeline.analyze import analyze, analyze_records
    from .pipeline.language import load

__all__ = ["__version__", "load", "analyze", "analyze_records", "Record", "Section", "load_codebook"]

_LAZY = {
    "load": ("socialrecovery_nlp.pipeline.language", "load"),
    "analyze": ("socialrecovery_nlp.pipeline.analyze", "analyze"),
    "analyze_records": ("socialrecovery_nlp.pipeline.analyze", "analyze_records"),
    "Record": ("socialrecovery_nlp.corpus.record", "Record"),
    "Section": ("socialrecovery_nlp.corpus.record", "Section"),
    "load_codebook": ("socialrecovery_nlp.codebook", "load_codebook"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'socialrecovery_nlp' has no attribute {name!r}")
