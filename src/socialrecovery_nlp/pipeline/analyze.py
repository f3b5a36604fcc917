"""Analyse records: run the pipeline over a stream and yield output-contract objects."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
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


def analyze_docs(records: Iterable[Record], nlp: Language | None = None, *, batch_size: int = 64) -> Iterator[Doc]:
    """Analysed ``Doc`` objects, one per record, streamed in batches (one process)."""
    if nlp is None:
        from .language import load

        nlp = load()
    yield from nlp.pipe(records_to_docs(nlp, records), batch_size=batch_size)


def analyze_pairs(
    records: Iterable[Record],
    nlp: Language | None = None,
    *,
    components: Sequence[str] | None = None,
    spacy_model: str | None = None,
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[tuple[Record, dict[str, Any]]]:
    """``(record, output object)`` pairs in input order.

    With ``n_process > 1`` each worker process loads its own pipeline (``components``,
    ``spacy_model``) and analyses chunks of ``batch_size`` records; records and results travel
    between processes as plain data, so nothing depends on pickling spaCy objects. Workers are
    started with ``spawn``: a script that calls this must guard its entry point with
    ``if __name__ == "__main__":`` (the ``srnlp`` command line does).
    """
    if n_process <= 1:
        for doc in analyze_docs(records, nlp or _load(components, spacy_model), batch_size=batch_size):
            yield doc._.record, doc_to_dict(doc)
        return
    yield from _analyze_in_workers(records, components, spacy_model, batch_size, n_process)


def analyze_records(records: Iterable[Record], nlp: Language | None = None, *, batch_size: int = 64,
                    n_process: int = 1, components: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
    """Output objects (see ``output/schema.json``), one per record, streamed."""
    for _, result in analyze_pairs(records, nlp, components=components, batch_size=batch_size, n_process=n_process):
        yield result


def analyze(paths: Iterable[str | Path], nlp: Language | None = None, *, input_format: str | None = None,
            batch_size: int = 64, n_process: int = 1) -> Iterator[dict[str, Any]]:
    """Read search exports or full texts and yield one output object per record."""
    from ..corpus import read_records

    records = read_records([Path(p) for p in paths], input_format=input_format)
    yield from analyze_records(records, nlp, batch_size=batch_size, n_process=n_process)


def _load(components: Sequence[str] | None, spacy_model: str | None) -> Language:
    from .language import DEFAULT_COMPONENTS, load

    return load(components or DEFAULT_COMPONENTS, spacy_model=spacy_model)


_WORKER_NLP: Language | None = None


def _init_worker(components: Sequence[str] | None, spacy_model: str | None, threads: int = 0) -> None:
    global _WORKER_NLP
    import warnings

    from ..errors import SrnlpWarning

    warnings.simplefilter("ignore", SrnlpWarning)  # the parent already warned once
    if threads:  # workers share the cores: one torch thread pool each, not one per core each
        try:
            import torch

            torch.set_num_threads(threads)
        except ImportError:
            pass
    _WORKER_NLP = _load(components, spacy_model)


def _analyze_chunk(chunk: list[Record]) -> list[dict[str, Any]]:
    assert _WORKER_NLP is not None
    return [doc_to_dict(doc) for doc in analyze_docs(chunk, _WORKER_NLP, batch_size=len(chunk) or 1)]


def _analyze_in_workers(records: Iterable[Record], components: Sequence[str] | None, spacy_model: str | None,
                        batch_size: int, n_process: int) -> Iterator[tuple[Record, dict[str, Any]]]:
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    iterator = iter(records)
    threads = 0  # 0: the workers leave torch alone (not imported unless a component needs it)
    if components is None or "claims" in components:
        import warnings

        from ..claims.minilm_finetune import available
        from ..claims.model import fast_from_env, second_stage_warnings
        from ..errors import SrnlpWarning

        for message in second_stage_warnings():  # the workers load with warnings silenced: say it here, once
            warnings.warn(message, SrnlpWarning, stacklevel=2)
        if not fast_from_env() and available():  # a MiniLM part may load in each worker
            cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
            threads = max(1, cores // n_process)
    context = multiprocessing.get_context("spawn")  # safe with torch and threads in the parent
    with ProcessPoolExecutor(n_process, mp_context=context, initializer=_init_worker,
                             initargs=(tuple(components) if components else None, spacy_model, threads)) as pool:
        pending: deque = deque()
        while True:
            while len(pending) < 2 * n_process:  # bounded read-ahead keeps memory flat
                chunk = list(islice(iterator, batch_size))
                if not chunk:
                    break
                pending.append((chunk, pool.submit(_analyze_chunk, chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            yield from zip(chunk, future.result())
