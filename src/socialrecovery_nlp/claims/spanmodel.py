"""A trained token tagger that corrects the rule spans of factors and outcomes.

The dependency rules (:mod:`.spans`) decide which relations a sentence holds and where each
factor and outcome is headed; this model decides how far each span reaches. For every token of a
parsed candidate sentence it predicts ``O``, ``F`` (inside a factor) or ``T`` (inside an outcome)
from the token, its neighbours, its part of speech and dependency, its place relative to the
relation triggers and whether the rules put it in a factor or an outcome. A rule span is then
replaced by the run of tokens tagged with its role that overlaps it (the rule span is kept when
no tagged run overlaps it, or the run would swallow the trigger).

``fit(docs, relations, gold)`` / ``predict(doc, relations)``; saved with skops (no pickle).
Name: ``srnlp.claims_span_tagger.v1``. Grouped CV on the training sentences
(``bench/claims_span_cv.py``) found it no better than the rules alone, so models/claims-0.2.0
ships without it (``[spans] model = "rules"`` in ``training/claims.toml``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from .spans import Relation

WEIGHTS_FILE = "spans.skops"
LABELS = ("O", "F", "T")


def _bucket(d: int) -> str:
    a = abs(d)
    b = "0" if a == 0 else "1" if a == 1 else "2-3" if a <= 3 else "4-7" if a <= 7 else "8+"
    return ("-" if d < 0 else "+") + b


def token_features(doc: Doc, relations: list[Relation]) -> list[dict]:
    """One feature dict per token of ``doc`` (a parsed sentence) given the rule relations."""
    n = len(doc)
    in_f = np.zeros(n, dtype=bool)
    in_t = np.zeros(n, dtype=bool)
    head_f = np.zeros(n, dtype=bool)
    head_t = np.zeros(n, dtype=bool)
    trig = np.zeros(n, dtype=bool)
    trig_pos: list[int] = []
    for rel in relations:
        trig[rel.trigger.start:rel.trigger.end] = True
        trig_pos.append(rel.trigger.head)
        if rel.factor:
            in_f[rel.factor[0]:rel.factor[1]] = True
        if rel.outcome:
            in_t[rel.outcome[0]:rel.outcome[1]] = True
    for rel in relations:
        for span, mark in ((rel.factor, head_f), (rel.outcome, head_t)):
            if span:
                tokens = doc[span[0]:span[1]]
                mark[tokens.root.i] = True
    trig_heads = {doc[i] for i in trig_pos}
    depth = 0
    out = []
    for tok in doc:
        i = tok.i
        if tok.text == "(":
            depth += 1
        near = min(trig_pos, key=lambda p: abs(p - i)) if trig_pos else None
        ancestors = set(tok.ancestors)
        f = {
            "w=" + tok.lower_: 1, "pos=" + tok.pos_: 1, "dep=" + tok.dep_: 1, "hdep=" + tok.head.dep_: 1,
            "hpos=" + tok.head.pos_: 1, "pd=" + tok.pos_ + "|" + tok.dep_: 1,
            "pw=" + (doc[i - 1].lower_ if i else "<s>"): 1, "nw=" + (doc[i + 1].lower_ if i + 1 < n else "</s>"): 1,
            "ppos=" + (doc[i - 1].pos_ if i else "<s>"): 1, "npos=" + (doc[i + 1].pos_ if i + 1 < n else "</s>"): 1,
            "ruleF": float(in_f[i]), "ruleT": float(in_t[i]), "headF": float(head_f[i]), "headT": float(head_t[i]),
            "trig": float(trig[i]), "paren": float(depth > 0), "punct": float(tok.is_punct), "num": float(tok.like_num),
            "title": float(tok.is_title), "first": float(i == 0),
            "prevF": float(i > 0 and in_f[i - 1]), "nextF": float(i + 1 < n and in_f[i + 1]),
            "prevT": float(i > 0 and in_t[i - 1]), "nextT": float(i + 1 < n and in_t[i + 1]),
            "under_trig": float(bool(ancestors & trig_heads)),
        }
        if near is not None:
            f["rel=" + _bucket(i - near)] = 1
            f["side=" + ("before" if i < near else "after" if i > near else "at")] = 1
            f["side_dep=" + ("b" if i < near else "a") + "|" + tok.dep_] = 1
        if tok.text == ")":
            depth = max(0, depth - 1)
        out.append(f)
    return out


def gold_labels(doc: Doc, claims: list[dict]) -> list[str]:
    """``O``/``F``/``T`` per token from gold claims whose offsets are relative to ``doc.text``."""
    labels = ["O"] * len(doc)
    for claim in claims:
        for part, tag in (("factor", "F"), ("outcome", "T")):
            span = claim.get(part) or {}
            if span.get("start") is None:
                continue
            for tok in doc:
                if span["start"] <= tok.idx and tok.idx + len(tok.text) <= span["end"] and not tok.is_space:
                    labels[tok.i] = tag if labels[tok.i] == "O" else labels[tok.i]
    return labels


class SpanTagger:
    """``fit(docs, relations, labels)`` / ``predict(doc, relations)`` -> a label per token."""

    name = "srnlp.claims_span_tagger.v1"

    def __init__(self, C: float = 1.0, seed: int = 0, mode: str = "replace") -> None:
        #: ``replace``: the tagged run replaces the rule span; ``extend``: it can only grow it
        self.C, self.seed, self.mode = C, seed, mode
        self.pipeline = None

    def fit(self, docs: list[Doc], relations: list[list[Relation]], labels: list[list[str]]) -> SpanTagger:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline

        X = [f for doc, rels in zip(docs, relations) for f in token_features(doc, rels)]
        y = [lab for seq in labels for lab in seq]
        self.pipeline = make_pipeline(DictVectorizer(), LogisticRegression(C=self.C, max_iter=3000, random_state=self.seed))
        self.pipeline.fit(X, y)
        return self

    def predict(self, doc: Doc, relations: list[Relation]) -> list[str]:
        if self.pipeline is None or not len(doc):
            return ["O"] * len(doc)
        return list(self.pipeline.predict(token_features(doc, relations)))

    def refine(self, doc: Doc, relations: list[Relation]) -> list[Relation]:
        """The relations with their factor/outcome spans replaced by the tagged runs that overlap them."""
        if not relations:
            return relations
        labels = self.predict(doc, relations)
        for rel in relations:
            rel.factor = _refit(rel.factor, labels, "F", rel, self.mode)
            rel.outcome = _refit(rel.outcome, labels, "T", rel, self.mode)
            if rel.factor and rel.outcome and rel.factor[0] < rel.outcome[1] and rel.outcome[0] < rel.factor[1]:
                rel.outcome = None  # overlapping spans: keep the factor
        return relations

    def save(self, directory: str | Path) -> None:
        from ..modeldir import save_skops

        save_skops(self.pipeline, Path(directory) / WEIGHTS_FILE)

    @classmethod
    def load(cls, directory: str | Path) -> SpanTagger | None:
        import skops.io as sio

        path = Path(directory) / WEIGHTS_FILE
        if not path.is_file():
            return None
        tagger = cls()
        unknown = sio.get_untrusted_types(file=path)
        allowed = [t for t in unknown if t.startswith(("numpy.", "builtins."))]
        if set(unknown) - set(allowed):
            raise ValueError(f"{path}: refusing to load untrusted types {sorted(set(unknown) - set(allowed))}")
        tagger.pipeline = sio.load(path, trusted=allowed)
        return tagger


def _refit(span: tuple[int, int] | None, labels: list[str], tag: str, rel: Relation,
           mode: str = "replace") -> tuple[int, int] | None:
    if span is None:
        return None
    a, b = span
    if not any(labels[i] == tag for i in range(a, b)):
        return span
    best = None
    # runs of the tag; the one overlapping the rule span most wins
    runs = []
    i = 0
    n = len(labels)
    while i < n:
        if labels[i] == tag:
            j = i
            while j < n and labels[j] == tag:
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    for lo, hi in runs:
        overlap = max(0, min(hi, b) - max(lo, a))
        if overlap and (best is None or overlap > best[0]):
            best = (overlap, lo, hi)
    if best is None:
        return span
    lo, hi = best[1], best[2]
    if mode == "extend":
        lo, hi = min(lo, a), max(hi, b)
    t0, t1 = rel.trigger.start, rel.trigger.end
    if lo < t1 and t0 < hi:  # never swallow the trigger
        return span
    return lo, hi
