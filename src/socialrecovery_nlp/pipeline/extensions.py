"""The ``Doc._`` extensions our components fill; registered once, idempotently.

Each value is ``None`` until a component sets it, so the writer can leave out what no trained
model produced ("absent, never faked").

- ``record``: the :class:`~socialrecovery_nlp.corpus.Record` the doc was made from
- ``processes`` / ``themes``: ``{label id: probability}`` for all 5 processes / all 14 themes
- ``labels``: ``{"processes": [ids], "themes": [ids]}`` after calibrated thresholds
- ``evidence``: ``{label id: [{"text", "start", "end", "score"}]}``
- ``design``: ``{"label", "score", "evidence": [{"text", "start", "end"}]}``
- ``claims``: list of claim objects with ``Span`` attributes and a ``to_dict()``
- ``matches``: codebook cue matches ``[{"label", "kind", "text", "start", "end"}]``
- ``models``: ``{component: "name@version"}``
- ``warnings``: per-record warnings ``["[Wxxx] message", ...]``
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = (
    "record", "processes", "themes", "labels", "evidence", "design", "claims", "matches",
    "models", "warnings",
)


def register_extensions() -> None:
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def add_model(doc: Doc, component: str, model_id: str) -> None:
    """Record that ``component`` ran with model ``model_id`` (``name@version``) on ``doc``."""
    if doc._.models is None:
        doc._.models = {}
    doc._.models[component] = model_id


def add_warning(doc: Doc, text: str) -> None:
    if doc._.warnings is None:
        doc._.warnings = []
    doc._.warnings.append(text)


def doc_text(doc: Doc) -> str:
    """``doc.text`` without rebuilding it: the analysed record's text when the doc was made from one.

    spaCy's ``Doc.text`` joins every token on each call, which costs as much as the sentencizer;
    docs made by :func:`socialrecovery_nlp.pipeline.analyze.records_to_docs` carry their record,
    whose text the doc reproduces exactly.
    """
    record = doc._.record if Doc.has_extension("record") else None
    if record is not None:
        text = record.text
        if _same_length(doc, text):
            return text
    return doc.text


def _same_length(doc: Doc, text: str) -> bool:
    if not len(doc):
        return text == ""
    last = doc[-1]
    return last.idx + len(last.text_with_ws) == len(text)
