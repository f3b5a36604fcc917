"""Distil a claims model's MiniLM span tagger into the fast CNN tagger (:mod:`.cnn_tagger`).

    python -m socialrecovery_nlp.claims.tagger_distill --model models/claims-0.14.0 [--pool F.csv ...]

The teacher is the model's own MiniLM tagger, run by the model's full extractor over unannotated screening
records (``--pool``, default every ``data/screening/*.csv``): every candidate sentence it tags, with the tag
probabilities it gives, becomes a silver example (distillation with soft targets). Records in any claims
annotation file (training, development or held-out test) are left out, and so is any candidate sentence whose
words equal an annotated sentence's (the screening sets hold duplicate records under other ids), so no annotated
text reaches the student through the teacher. The student learns from the gold tags of the training claim
sentences (repeated ``gold_repeat`` times) and the silver tags together.
Writes ``span_tagger_cnn/`` and ``span_tagger_cnn.json`` into ``--model`` and the summary into its ``meta.json``
(``fast_spans``). ``srnlp train training/claims.toml`` runs the same step after the MiniLM tagger (``[fast_spans]``).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path
from typing import Any

import numpy as np

from ..modeldir import read_meta, write_meta
from . import data as claim_data
from .parser import DEFAULT_PARSER, load_parser

POOL = sorted((claim_data.SOURCE_ROOT / "data" / "screening").glob("*.csv"))
ANNOTATION_GLOB = "claims*.jsonl"


ANNOTATIONS = claim_data.SOURCE_ROOT / "annotations"


def _annotation_rows(root: Path):
    paths = sorted(Path(root).glob(ANNOTATION_GLOB))
    if not paths:
        raise FileNotFoundError(f"no claims annotation file ({ANNOTATION_GLOB}) under {root}: nothing to keep out")
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)


def annotated_records(root: Path = ANNOTATIONS) -> set[tuple[str, str]]:
    """``(dataset, record_id)`` of every record in any claims annotation file under ``root``."""
    out = set()
    for row in _annotation_rows(root):
        provenance = row.get("provenance") or {}
        if provenance.get("dataset") and provenance.get("record_id") is not None:
            out.add((provenance["dataset"], str(provenance["record_id"])))
    return out


def text_key(text: str) -> str:
    """A sentence compared by its words only: lower case, every run of other characters one space."""
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def annotated_texts(root: Path = ANNOTATIONS) -> set[str]:
    """:func:`text_key` of every sentence in any claims annotation file under ``root``, with and without a leading
    heading. The screening sets hold duplicate records under other ids, so the ids alone do not keep an annotated
    sentence out of the pool."""
    from .extract import heading_length

    out = set()
    for row in _annotation_rows(root):
        text = row.get("text") or ""
        out.update(k for k in (text_key(text), text_key(text[heading_length(text):])) if k)
    return out


def pool_records(files, exclude: set[tuple[str, str]]):
    """Title + abstract :class:`Record` of every row of the screening CSVs ``files`` with an abstract, except the
    ``(dataset, record_id)`` pairs in ``exclude`` (the dataset is the file's stem)."""
    from ..corpus import Record

    csv.field_size_limit(1 << 30)
    out = []
    for path in files:
        path = Path(path)
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                rid = str(row.get("record_id", ""))
                if (path.stem, rid) in exclude or not (row.get("abstract") or "").strip():
                    continue
                out.append(Record(id=f"{path.stem}-{rid}", title=(row.get("title") or "").strip(),
                                  abstract=row["abstract"].strip()))
    return out


def teacher_tags(extractor, records, batch_size: int = 64) -> tuple[list, list[np.ndarray]]:
    """``(parsed sentences, tag probabilities)``: every distinct candidate sentence of ``records`` that
    ``extractor``'s span tagger tags, with the ``(n_tokens, 5)`` probabilities it gives."""
    from ..pipeline.language import load

    tagger = extractor.span_model
    docs, tags = [], []
    seen: set[str] = set()
    prepare = tagger.prepare

    def recording(batch):
        prepare(batch)
        for doc in batch:
            probs = None if doc is None else tagger._cache.get(doc.text)
            if probs is not None and len(probs) == len(doc) and doc.text not in seen:
                seen.add(doc.text)
                docs.append(doc)
                tags.append(probs)

    own = vars(tagger).get("prepare")  # an instance's own hook, put back as it was
    tagger.prepare = recording
    try:
        nlp = load(components=[])
        for _ in extractor.pipe(nlp.pipe((r.text for r in records), batch_size=batch_size)):
            pass
    finally:
        if own is None:
            del tagger.prepare  # back to the class's method
        else:
            tagger.prepare = own
    return docs, tags


def gold_tags(examples: list[dict], parser) -> tuple[list, list[list[int]]]:
    """``(parsed sentences, tag ids)`` of the training claim sentences with hand-placed spans."""
    from .minilm_tagger import bio_tags
    from .tagger_training import tagger_examples

    docs, claims = tagger_examples(examples, parser.make_doc)
    docs = list(parser.pipe(docs))
    return docs, [bio_tags(d, c) for d, c in zip(docs, claims)]


def distil(model: str | Path, examples: list[dict], settings: dict[str, Any], pool=None,
           parser_name: str = DEFAULT_PARSER, log=None) -> dict:
    """Train the CNN tagger for the claims model in ``model`` (whose MiniLM tagger is the teacher) on the gold
    ``examples`` (:func:`.train.training_examples`) and the teacher's tags of the pool; save it there and return
    its summary for ``meta.json``. ``settings``: ``[fast_spans]`` of the config."""
    from .cnn_tagger import CNNSpanTagger
    from .minilm_tagger import MiniLMSpanTagger
    from .model import load_extractor

    extractor, _ = load_extractor(model, fast=False)
    if not isinstance(extractor.span_model, MiniLMSpanTagger):
        raise RuntimeError(f"{model}: its MiniLM span tagger cannot run here, so there is no teacher to distil")
    extractor.row_confidence = None
    exclude, seen = annotated_records(), annotated_texts()
    pool = POOL if pool is None else pool
    records = pool_records(pool, exclude)
    if not records:
        names = ", ".join(map(str, pool)) or "none"
        raise RuntimeError(f"no unannotated record with an abstract in the pool ({names})")
    silver_docs, silver = teacher_tags(extractor, records)
    kept = [i for i, doc in enumerate(silver_docs) if text_key(doc.text) not in seen]
    n_annotated = len(silver_docs) - len(kept)
    silver_docs, silver = [silver_docs[i] for i in kept], [silver[i] for i in kept]
    parser = load_parser(parser_name)
    docs, gold = gold_tags(examples, parser)
    repeat = int(settings.get("gold_repeat", 2))
    student = CNNSpanTagger(width=int(settings.get("width", 96)), depth=int(settings.get("depth", 4)),
                            window=int(settings.get("window", 1)), epochs=int(settings.get("epochs", 8)),
                            dropout=float(settings.get("dropout", 0.1)), batch_size=int(settings.get("batch_size", 32)),
                            seed=int(settings.get("seed", 0)), min_score=float(settings.get("min_score", 0.5)),
                            leftovers=bool(settings.get("leftovers", False)))
    student.fit(docs * repeat + silver_docs, gold * repeat + silver, log=log)
    student.save(model)
    return {**student.settings(), "teacher": MiniLMSpanTagger.__name__, "n_gold_sentences": len(docs),
            "gold_repeat": repeat, "n_silver_sentences": len(silver_docs), "n_pool_records": len(records),
            "pool": [str(Path(p).name) for p in pool],
            "pool_excludes": (f"{len(exclude)} records of the claims annotation files ({ANNOTATION_GLOB}), and "
                              f"{n_annotated} candidate sentences whose words equal an annotated sentence's (duplicate "
                              "records under other ids)")}


def main(argv=None) -> None:
    from .train import load_config, training_examples

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", required=True, help="claims model directory whose MiniLM tagger is the teacher")
    ap.add_argument("--config", default=str(claim_data.SOURCE_ROOT / "training" / "claims.toml"))
    ap.add_argument("--pool", nargs="*", default=None, help="screening CSVs (default: data/screening/*.csv)")
    args = ap.parse_args(argv)
    config = load_config(args.config, {})
    examples, _, _ = training_examples(config, Path(args.config))
    summary = distil(args.model, examples, config.get("fast_spans", {}), args.pool,
                     config.get("parser", {}).get("spacy_model", DEFAULT_PARSER), log=print)
    meta = read_meta(Path(args.model))
    meta["fast_spans"] = summary
    write_meta(Path(args.model), meta)
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
