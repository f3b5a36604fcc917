"""Analyse records: run the pipeline over a stream and yield output-contract objects."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..corpus.record import Record
from ..output.serialize import doc_to_dict
from .extensions import register_extensions


def records_to_docs(nlp: Language, records: Iterable[Record]) -> Iterator[Doc]:
    """Tokenise each record's analysed text and attach the record (``doc._.record``)."""
    register_extensions()
    for record in records:
        doc = nlp.make_doc(record.text)
        doc._.record = record
        yield doc


def analyze_docs(records: Iterable[Record], nlp: Language | None = None, *, batch_size: int = 64,
                 n_process: int = 1) -> Iterator[Doc]:
    """Analysed ``Doc`` objects, one per record, streamed in batches."""
    if nlp is None:
        from .language import load

        nlp = load()
    yield from nlp.pipe(records_to_docs(nlp, records), batch_size=batch_size, n_process=n_process)


def analyze_records(records: Iterable[Record], nlp: Language | None = None, *, batch_size: int = 64,
                    n_process: int = 1) -> Iterator[dict[str, Any]]:
    """Output objects (see ``output/schema.json``), one per record, streamed."""
    for doc in analyze_docs(records, nlp, batch_size=batch_size, n_process=n_process):
        yield doc_to_dict(doc)


def analyze(paths: Iterable[str | Path], nlp: Language | None = None, *, input_format: str | None = None,
            batch_size: int = 64, n_process: int = 1) -> Iterator[dict[str, Any]]:
    """Read search exports or full texts and yield one output object per record."""
    from ..corpus import read_records

    records = read_records([Path(p) for p in paths], input_format=input_format)
    yield from analyze_records(records, nlp, batch_size=batch_size, n_process=n_process)
