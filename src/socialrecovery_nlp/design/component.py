"""spaCy component ``srnlp_design``: sets ``doc._.design = {label, score, evidence}``.

Evidence offsets are character offsets into ``doc.text`` (= ``record.text``). For full texts the
methods sections decide when their cues are confident, and the classifier reads title, abstract
and methods; otherwise the whole text is used. The newest ``models/design-*`` is loaded unless
``model`` is given; with no model the component warns once (W004) and sets nothing.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import warn
from ..pipeline.extensions import add_model, register_extensions
from .predict import DesignPredictor, DocView

METHOD_KINDS = frozenset({"methods"})
MODEL_TEXT_KINDS = frozenset({"front", "abstract", "methods"})


class DesignComponent:
    def __init__(self, nlp: Language, name: str = "design", model: str | None = None,
                 batch_size: int = 256) -> None:
        register_extensions()
        self.name = name
        self.batch_size = batch_size
        self.predictor: DesignPredictor | None = None
        model_dir = Path(model) if model else _newest_model()
        if model_dir is None or not (Path(model_dir) / "meta.json").is_file():
            warn("W004", name="design", where=str(model_dir or "models/"))
        else:
            self.predictor = DesignPredictor.load(model_dir, vocab=nlp.vocab)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int | None = None):
        size = batch_size or self.batch_size
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= size:
                yield from self._process(batch)
                batch = []
        if batch:
            yield from self._process(batch)

    def _process(self, docs: list[Doc]) -> list[Doc]:
        if self.predictor is None:
            return docs
        results = self.predictor.predict_views([view_of(doc) for doc in docs])
        for doc, result in zip(docs, results):
            doc._.design = {"label": result["label"], "score": result["score"], "evidence": result["evidence"]}
            add_model(doc, "design", self.predictor.model_id)
        return docs


def view_of(doc: Doc) -> DocView:
    """What the predictor reads from a doc, using ``doc._.record`` when there is one."""
    record = doc._.record if Doc.has_extension("record") else None
    if record is None:
        return DocView(doc)
    spans = record.section_offsets()
    title_end = next((end for section, _, end in spans if section.kind == "front"), None)
    if not record.is_full_text:
        return DocView(doc, title_end=title_end, short=not record.abstract.strip(), text=record.text)
    methods = [(start, end) for section, start, end in spans if section.kind in METHOD_KINDS]
    if not methods:
        return DocView(doc, title_end=title_end, text=record.text)
    text = record.text
    model_text = "\n\n".join(text[start:end] for section, start, end in spans if section.kind in MODEL_TEXT_KINDS)
    return DocView(doc, title_end=title_end, method_spans=methods, model_text=model_text, text=text)


def _newest_model() -> Path | None:
    from ..paths import find_model

    return find_model("design")


@Language.factory("srnlp_design", default_config={"model": None, "batch_size": 256})
def make_design(nlp: Language, name: str, model: str | None, batch_size: int) -> DesignComponent:
    return DesignComponent(nlp, name=name, model=model, batch_size=batch_size)
