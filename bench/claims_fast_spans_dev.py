"""Span taggers alone on the development claim sentences: union token-F1 of tagged factor (outcome) tokens.

    python bench/claims_fast_spans_dev.py [--model models/claims-0.14.0] [--cnn DIR ...]

Scores the model's MiniLM tagger (the teacher) and its distilled CNN tagger, plus any other CNN tagger directories
(``--cnn``), on the claim sentences of the development files v23 to v29 and t1 (never trained on by either tagger;
``bench/claims_dev_files.py`` refuses the held-out files). Per sentence, the tokens of every decoded span of a role
(:meth:`BioTagger.spans`, trimmed as the extractor trims them) are compared with the tokens of every gold span of
that role, punctuation left out, pooled over sentences; also the tagging speed (sentences per second, one process).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
DEV = [ROOT / "annotations" / f"claims_abstracts_v{v}.jsonl" for v in range(23, 30)] + [
    ROOT / "annotations" / "claims_titles_t1.jsonl"]


def gold_sentences(parser):
    """Parsed claim sentences of the development files (without a leading heading) and their gold token ranges."""
    from socialrecovery_nlp.claims.data import load_abstract_annotations
    from socialrecovery_nlp.claims.extract import heading_length

    texts, gold = [], []
    for path in DEV:
        for row in load_abstract_annotations(path):
            if not row["is_claim"]:
                continue
            k = heading_length(row["text"])
            texts.append(row["text"][k:])
            spans = {}
            for part in ("factor", "outcome"):
                spans[part] = [(c[part]["start"] - row["start"] - k, c[part]["end"] - row["start"] - k)
                               for c in row["claims"] if c[part].get("start") is not None
                               and c[part]["start"] - row["start"] - k >= 0]
            gold.append(spans)
    return list(parser.pipe(texts)), gold


def score(tagger, docs, gold) -> dict:
    start = time.perf_counter()
    probs = tagger.tag(docs)
    seconds = time.perf_counter() - start
    out = {"sentences_per_s": round(len(docs) / seconds, 1)}
    for role, part in ((0, "factor"), (1, "outcome")):
        tp = n_pred = n_gold = 0
        for doc, p, g in zip(docs, probs, gold):
            want = {t.i for t in doc for s, e in g[part] if t.idx < e and t.idx + len(t) > s and not t.is_punct}
            got = {i for a, b in tagger.spans(p, doc)[role] for i in range(a, b) if not doc[i].is_punct}
            tp, n_pred, n_gold = tp + len(want & got), n_pred + len(got), n_gold + len(want)
        precision, recall = tp / max(n_pred, 1), tp / max(n_gold, 1)
        out[part] = {"precision": round(precision, 3), "recall": round(recall, 3),
                     "f1": round(2 * precision * recall / max(precision + recall, 1e-9), 3)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None, help="claims model directory (default: the newest shipped one)")
    ap.add_argument("--cnn", nargs="*", default=[], help="more CNN tagger directories to score")
    args = ap.parse_args()
    from socialrecovery_nlp.claims.cnn_tagger import SETTINGS_FILE, CNNSpanTagger
    from socialrecovery_nlp.claims.minilm_tagger import MiniLMSpanTagger
    from socialrecovery_nlp.claims.model import MODEL_NAME
    from socialrecovery_nlp.claims.parser import load_parser
    from socialrecovery_nlp.paths import find_model

    model = Path(args.model) if args.model else find_model(MODEL_NAME)
    docs, gold = gold_sentences(load_parser())
    taggers = {"minilm": MiniLMSpanTagger.load(model)}
    for directory in [model] + [Path(d) for d in args.cnn]:
        if (directory / SETTINGS_FILE).is_file():
            taggers[f"cnn {directory.name}"] = CNNSpanTagger.load(directory)
    results = {"model": str(model), "sentences": len(docs),
               "taggers": {name: score(tagger, docs, gold) for name, tagger in taggers.items()}}
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
