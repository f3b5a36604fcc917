"""Training data and fitting for the MiniLM factor/outcome tagger (``[spans] model = "minilm"``)."""

from __future__ import annotations

from typing import Any

from .extract import heading_length
from .parser import DEFAULT_PARSER, load_parser

#: training origins whose claims carry hand-placed factor/outcome offsets
SPAN_ORIGINS = ("seed", "abstracts", "extra")


def _shift(claim: dict, k: int) -> dict:
    """A gold claim with offsets relative to the sentence minus its leading ``k`` heading characters
    (a span inside the heading is dropped)."""
    out = dict(claim)
    for part in ("factor", "outcome"):
        span = dict(claim.get(part) or {})
        if span.get("start") is not None and span.get("end") is not None:
            if span["start"] >= k:
                span["start"], span["end"] = span["start"] - k, span["end"] - k
            else:
                span["start"] = span["end"] = None
        out[part] = span
    return out


def tagger_examples(examples: list[dict], make_doc) -> tuple[list, list[list[dict]]]:
    """``(docs, claims)``: the claim sentences of ``examples`` (with at least one factor or outcome
    offset), tokenised by ``make_doc`` as the extractor parses them (without a leading heading), with
    their gold claims in that frame."""
    docs, claims = [], []
    for e in examples:
        if not e["is_claim"] or e.get("origin") not in SPAN_ORIGINS:
            continue
        k = heading_length(e["text"])
        shifted = [_shift(c, k) for c in e["claims"]]  # a span inside the heading is dropped first
        if not any(c[p].get("start") is not None for c in shifted for p in ("factor", "outcome")):
            continue
        docs.append(make_doc(e["text"][k:]))
        claims.append(shifted)
    return docs, claims


def train_minilm_tagger(examples: list[dict], settings: dict[str, Any], parser_name: str = DEFAULT_PARSER):
    """``(MiniLMSpanTagger, stats)`` fine-tuned on the claim sentences of ``examples`` (``[spans]`` of the
    config: train_layers, epochs, lr, head_lr, batch_size, max_length, seed, min_score, threads)."""
    import torch

    from . import minilm_tagger

    parser = load_parser(parser_name)
    if parser is None:
        raise RuntimeError(f'[spans] model = "minilm" needs the spaCy pipeline {parser_name!r} (its tokenizer)')
    docs, claims = tagger_examples(examples, parser.make_doc)
    tagger = minilm_tagger.MiniLMSpanTagger(
        train_layers=int(settings.get("train_layers", 6)), epochs=int(settings.get("epochs", 6)),
        lr=float(settings.get("lr", 5e-5)), head_lr=float(settings.get("head_lr", 1e-3)),
        batch_size=int(settings.get("batch_size", 16)), max_length=int(settings.get("max_length", 160)),
        seed=int(settings.get("seed", 0)), min_score=float(settings.get("min_score", 0.5)))
    before = torch.get_num_threads()
    threads = int(settings.get("threads") or before)
    torch.set_num_threads(threads)
    try:
        tagger.fit(docs, claims)
    finally:
        torch.set_num_threads(before)
    stats = {"name": minilm_tagger.NAME, **tagger.settings(), "n_train_sentences": len(docs), "threads": threads,
             "torch": torch.__version__}
    return tagger, stats
