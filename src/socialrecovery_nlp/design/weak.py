"""Weak labels from the high-precision rules, and cue masking so the model learns more than cues.

A weak label is the rules' label where they are *confident* (one strong own-design cue left after
precedence). Title-only records without any cue become weak ``unclear`` examples. Masking
replaces every matched cue span with ``MASKEDCUE`` so the classifier has to use the rest of the
abstract (participants, analysis words, outcomes) for a share of the examples.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .data import Abstract
from .rules import Cue, DesignRules, _blank_nlp, decide

MASK_TOKEN = "MASKEDCUE"


@dataclass
class WeakExample:
    uid: str
    text: str
    label: str
    cues: list[Cue]


def mask_cues(text: str, cues: list[Cue]) -> str:
    """``text`` with every cue span replaced by :data:`MASK_TOKEN`."""
    out, pos = [], 0
    for cue in sorted(cues, key=lambda c: c.start):
        if cue.start < pos:
            continue
        out.append(text[pos:cue.start])
        out.append(MASK_TOKEN)
        pos = cue.end
    out.append(text[pos:])
    return "".join(out)


def weak_label(abstracts: list[Abstract], rules: DesignRules | None = None,
               batch_size: int = 256) -> list[WeakExample]:
    """Rule-confident weak labels (plus ``unclear`` for cue-less title-only records)."""
    nlp = _blank_nlp()
    rules = rules or DesignRules(nlp.vocab)
    out = []
    docs = nlp.pipe((a.text for a in abstracts), batch_size=batch_size)
    for abstract, doc in zip(abstracts, docs):
        cues = rules.cues(doc, title_end=abstract.title_end)
        decision = decide(cues)
        if decision.confident:
            out.append(WeakExample(abstract.uid, abstract.text, decision.label, cues))
        elif not abstract.abstract.strip() and not cues and abstract.title.strip():
            out.append(WeakExample(abstract.uid, abstract.text, "unclear", cues))
    return out


def training_texts(examples: list[WeakExample], mask_fraction: float, max_per_label: int,
                   seed: int = 0) -> tuple[list[str], list[str], list[str], list[list[Cue]]]:
    """Texts, labels, uids and rule cues for training: at most ``max_per_label`` per label, a
    ``mask_fraction`` share of each label's examples with cues masked (their cue list is then
    empty, as the rules would find no cue in the masked text)."""
    rng = random.Random(seed)
    by_label: dict[str, list[WeakExample]] = {}
    for ex in examples:
        by_label.setdefault(ex.label, []).append(ex)
    texts, labels, uids, cue_lists = [], [], [], []
    for label in sorted(by_label):
        group = sorted(by_label[label], key=lambda e: e.uid)
        rng.shuffle(group)
        for i, ex in enumerate(group[:max_per_label]):
            masked = rng.random() < mask_fraction and bool(ex.cues)
            texts.append(mask_cues(ex.text, ex.cues) if masked else ex.text)
            cue_lists.append([] if masked else ex.cues)
            labels.append(label)
            uids.append(ex.uid)
    return texts, labels, uids, cue_lists
