"""The spaCy component ``srnlp_themes``: recovery processes and emergent themes per document.

Config: ``model`` (a model directory, or a name such as ``themes-baseline`` looked up under
``paths.models_root()``; default: the newest ``themes-<kind>``), ``kind`` (``baseline`` or
``minilm``), ``device`` (``cpu``/``cuda``, transformer only), ``batch_size``. Sets
``doc._.processes``, ``doc._.themes``, ``doc._.labels``, ``doc._.evidence`` and records the model
in ``doc._.models["themes"]``. Without a model it warns once (W004) and sets nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import SrnlpError, warn
from ..pipeline.extensions import add_model, doc_text, register_extensions
from .sentences import doc_sentences, section_weights

FACTORY = "srnlp_themes"


def resolve_model_dir(model: str | None, kind: str = "baseline") -> Path | None:
    """A model directory from a path or a name; ``None`` when no model is installed."""
    from ..paths import find_model, models_root

    if model:
        path = Path(model)
        if path.is_dir():
            return path
        found = find_model(model)
        if found is None:
            raise SrnlpError("E201", path=model, root=models_root())
        return found
    return find_model(f"themes-{kind}")


class ThemesComponent:
    def __init__(self, nlp: Language, name: str, model: str | None = None, kind: str = "baseline",
                 device: str = "cpu", batch_size: int = 64):
        register_extensions()
        self.name = name
        self.kind = kind
        self.device = device
        self.batch_size = batch_size
        self.model_dir = resolve_model_dir(model, kind)
        self._model = None
        if self.model_dir is None:
            from ..paths import models_root

            warn("W004", name="themes", where=f"{models_root()} (themes-{kind}-*)")

    @property
    def model(self):
        """The :class:`~.document.ThemeModel`, loaded on first use."""
        if self._model is None and self.model_dir is not None:
            from .document import ThemeModel

            self._model = ThemeModel.load(self.model_dir, device=self.device)
        return self._model

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        size = batch_size or self.batch_size
        docs = iter(docs)
        while batch := list(islice(docs, size)):
            if self.model_dir is not None:
                self._annotate(batch)
            yield from batch

    def _annotate(self, docs: list[Doc]) -> None:
        model = self.model
        items = []
        for doc in docs:
            spans = doc_sentences(doc)
            items.append((doc_text(doc), spans, section_weights(spans, doc._.record, model.section_weights)))
        for doc, result in zip(docs, model.predict_spans(items)):
            doc._.processes = result.processes
            doc._.themes = result.themes
            doc._.labels = result.labels
            doc._.evidence = result.evidence
            add_model(doc, "themes", model.model_id)


@Language.factory(FACTORY, default_config={"model": None, "kind": "baseline", "device": "cpu", "batch_size": 64})
def make_themes_component(nlp: Language, name: str, model: str | None, kind: str, device: str,
                          batch_size: int) -> ThemesComponent:
    return ThemesComponent(nlp, name, model=model, kind=kind, device=device, batch_size=batch_size)
