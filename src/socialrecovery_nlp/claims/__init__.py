"""Claims: "factor X promotes / hinders outcome Y", with direction, strength, hedging, citations,
design, themes and ``social``.

- :class:`~.claim.Claim` — the object in ``doc._.claims`` (Spans + ``to_dict()``)
- :class:`~.extract.ClaimExtractor` — docs -> claims (detector, parser on candidates, rules)
- :func:`~.direction.compose` — direction by composition; :mod:`.hedging` — strength and cues
- :mod:`.component` — the spaCy factory ``srnlp_claims``; :mod:`.train` — ``train_from_config``
- :mod:`.evaluate` — ``python -m socialrecovery_nlp.claims.evaluate``
"""

__all__ = ["Claim", "ClaimExtractor", "compose", "load_extractor", "outcome_valence"]

_LAZY = {"Claim": ".claim", "ClaimExtractor": ".extract", "compose": ".direction",
         "outcome_valence": ".direction", "load_extractor": ".model"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(name)
