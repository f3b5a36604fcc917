"""Dev experiment (not shipped): a trained ranker that names the factor of a relation the dependency rules left without one.

The rules (:mod:`.spans`) find a trigger and often its outcome, but for a long tail of
constructions ("[Caregivers] ... evidenced increased abdominal fat", "a positive relationship
between HCC and [alcohol consumption] was found", "[GluA1 deletion] now impaired performance")
they name no factor. This model scores every noun phrase (and nominal gerund) of the parsed
sentence as the factor of one relation, from where it stands relative to the trigger and the
outcome: its dependency label and that of its head, the tree path to the trigger, its side and
distance, the preposition that governs it, and a few word classes. The best candidate is used
when its probability reaches ``threshold``; the rule spans are never changed otherwise.

``fit(docs, relations, claims)`` / ``refine(doc, relations)``; saved with skops (no pickle).
Name: ``srnlp.claims_factor_ranker.v1``.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc, Token

from socialrecovery_nlp.claims import lexicon as lx
from socialrecovery_nlp.claims.spans import Relation, _phrase, generic_groups

WEIGHTS_FILE = "factor_ranker.skops"
#: types beyond skops' defaults that a saved ranker may hold (none: DictVectorizer + LogisticRegression)
TRUSTED_TYPES: tuple[str, ...] = ()
SETTINGS_FILE = "factor_ranker.json"
_NOMINAL = ("NOUN", "PROPN", "PRON")
_GERUND_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "pcomp", "dobj", "pobj")
_STAT_WORDS = frozenset(["p", "r", "or", "ci", "β", "beta", "rr", "hr", "sd", "se", "t", "f", "n"])
_GROUP_WORDS = frozenset(["group", "groups", "patients", "participants", "subjects", "individuals", "children", "adults",
                          "women", "men", "mice", "rats", "animals", "people", "users", "those", "caregivers"])


def _bucket(d: int) -> str:
    a = abs(d)
    return "0" if a == 0 else "1" if a == 1 else "2-3" if a <= 3 else "4-7" if a <= 7 else "8-15" if a <= 15 else "16+"


def _path(a: Token, b: Token) -> tuple[int, int]:
    """Steps up from ``a`` and from ``b`` to their lowest common ancestor (large when none)."""
    up_a = [a, *a.ancestors]
    index = {t.i: k for k, t in enumerate(up_a)}
    for k, t in enumerate([b, *b.ancestors]):
        if t.i in index:
            return index[t.i], k
    return 20, 20


def candidates(doc: Doc, rel: Relation) -> list[tuple[Token, tuple[int, int]]]:
    """``(head token, token range)`` of every noun phrase or nominal gerund that could be the
    factor of ``rel``: not overlapping its trigger or outcome, not a bare statistic."""
    t0, t1 = rel.trigger.start, rel.trigger.end
    out, seen = [], set()
    for tok in doc:
        if not ((tok.pos_ in _NOMINAL and tok.dep_ not in ("compound", "amod", "nmod", "poss", "npadvmod"))
                or (tok.tag_ == "VBG" and tok.dep_ in _GERUND_DEPS)):
            continue
        if t0 <= tok.i < t1:
            continue
        try:
            lo, hi = _phrase(tok, exclude=rel.trigger, parens=True)
        except Exception:  # noqa: BLE001 - a malformed parse: the candidate is skipped
            continue
        if lo < t1 and t0 < hi:
            lo, hi = (lo, t0) if tok.i < t0 else (t1, hi)
            if not (lo <= tok.i < hi):
                continue
        if rel.outcome and lo < rel.outcome[1] and rel.outcome[0] < hi:
            continue
        if (lo, hi) in seen or hi <= lo:
            continue
        text = doc[lo:hi].text
        if tok.like_num or generic_groups(text) or tok.lower_ in _STAT_WORDS:
            continue
        seen.add((lo, hi))
        out.append((tok, (lo, hi)))
    return out


def features(doc: Doc, rel: Relation, tok: Token, span: tuple[int, int]) -> dict:
    trig = doc[rel.trigger.head]
    up_c, up_t = _path(tok, trig)
    d = tok.i - trig.i
    side = "b" if d < 0 else "a"
    f = {
        "dep=" + tok.dep_: 1, "hdep=" + tok.head.dep_: 1, "pos=" + tok.pos_: 1, "tag=" + tok.tag_: 1,
        "path=" + f"{min(up_c, 4)}|{min(up_t, 4)}": 1, "side=" + side: 1, "dist=" + side + _bucket(d): 1,
        "side_dep=" + side + "|" + tok.dep_: 1, "kind=" + rel.kind: 1, "kind_side=" + rel.kind + "|" + side: 1,
        "len=" + _bucket(span[1] - span[0]): 1, "first": float(span[0] == 0),
        "under_trig": float(up_t == 0), "over_trig": float(up_c == 0),
        "head_is_trig": float(tok.head.i == trig.i), "trig_pos=" + trig.pos_: 1, "trig_dep=" + trig.dep_: 1,
        "dep_trigdep=" + tok.dep_ + "|" + trig.dep_: 1, "pron": float(tok.pos_ == "PRON"),
        "group_word": float(tok.lower_ in _GROUP_WORDS or tok.lower_ in lx.PERSON_WORDS),
        "title": float(tok.is_title and tok.i > 0), "upper": float(tok.is_upper),
        "in_parens": float(any(doc[i].text == "(" for i in range(max(0, span[0] - 3), span[0]))),
    }
    if tok.head.dep_ == "prep" or tok.dep_ == "pobj":
        prep = tok.head
        f["prep=" + prep.lower_] = 1
        f["prep_side=" + prep.lower_ + "|" + side] = 1
        f["prep_head_is_trig"] = float(prep.head.i == trig.i)
    if rel.outcome:
        o0, o1 = rel.outcome
        f["vs_outcome=" + ("before" if span[1] <= o0 else "after")] = 1
        f["between"] = float(min(trig.i, o0) < tok.i < max(trig.i, o1))
    else:
        f["no_outcome"] = 1.0
    if tok.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass"):
        f["subject_of_trig_clause"] = float(trig.i == tok.head.i or trig in tok.head.subtree)
    return f


def _tokens_of(doc: Doc, start: int | None, end: int | None) -> set[int]:
    if start is None:
        return set()
    return {t.i for t in doc if start <= t.idx and t.idx + len(t.text) <= end and not t.is_space}


def _gold_for(doc: Doc, rel: Relation, claims: list[dict]) -> set[int] | None:
    """Tokens of the gold factor of the claim that ``rel`` expresses (its outcome overlaps most;
    else the claim nearest the trigger), or ``None``."""
    best, best_key = None, None
    for claim in claims:
        fac = claim.get("factor") or {}
        f_tok = _tokens_of(doc, fac.get("start"), fac.get("end"))
        if not f_tok:
            continue
        out = claim.get("outcome") or {}
        o_tok = _tokens_of(doc, out.get("start"), out.get("end"))
        overlap = len(o_tok & set(range(*rel.outcome))) if rel.outcome else 0
        dist = min(abs(i - rel.trigger.head) for i in (f_tok | o_tok))
        key = (overlap, -dist)
        if best_key is None or key > best_key:
            best, best_key = f_tok, key
    return best


class FactorRanker:
    """``fit(docs, relations, claims)``; ``refine(doc, relations)`` fills missing factors."""

    name = "srnlp.claims_factor_ranker.v1"

    def __init__(self, C: float = 0.3, threshold: float = 0.5, seed: int = 0, margin: float | None = None) -> None:
        #: ``margin``: also replace a rule factor when the best candidate outscores the candidate
        #: that overlaps the rule factor most by this much (``None``: rule factors are kept)
        self.C, self.threshold, self.seed, self.margin = C, threshold, seed, margin
        self.pipeline = None

    def fit(self, docs: list[Doc], relations: list[list[Relation]], claims: list[list[dict]]) -> FactorRanker:
        """``claims``: per doc the gold claims with character offsets relative to ``doc.text``."""
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline

        X, y = [], []
        for doc, rels, gold in zip(docs, relations, claims):
            for rel in rels:
                target = _gold_for(doc, rel, gold)
                if not target:
                    continue
                for tok, span in candidates(doc, rel):
                    toks = set(range(*span))
                    jaccard = len(toks & target) / len(toks | target)
                    X.append(features(doc, rel, tok, span))
                    y.append(int(tok.i in target and jaccard >= 0.3))
        if not X or len(set(y)) < 2:
            raise ValueError("factor ranker: no positive and negative candidates to train on")
        self.pipeline = make_pipeline(DictVectorizer(), LogisticRegression(C=self.C, max_iter=3000,
                                                                           class_weight="balanced",
                                                                           random_state=self.seed))
        self.pipeline.fit(X, y)
        return self

    def best(self, doc: Doc, rel: Relation) -> tuple[tuple[int, int], float] | None:
        """The highest-scoring candidate span of ``rel`` and its probability."""
        cands = candidates(doc, rel)
        if not cands or self.pipeline is None:
            return None
        probs = self.pipeline.predict_proba([features(doc, rel, tok, span) for tok, span in cands])[:, 1]
        k = int(probs.argmax())
        return cands[k][1], float(probs[k])

    def refine(self, doc: Doc, relations: list[Relation]) -> list[Relation]:
        """The relations, each without a factor given the best candidate scored at ``threshold`` or above."""
        for rel in relations:
            if rel.implicit_outcome:
                continue
            if rel.factor is None:
                found = self.best(doc, rel)
                if found is not None and found[1] >= self.threshold:
                    rel.factor = found[0]
            elif self.margin is not None:
                self._maybe_replace(doc, rel)
        return relations

    def _maybe_replace(self, doc: Doc, rel: Relation) -> None:
        cands = candidates(doc, rel)
        if not cands or self.pipeline is None:
            return
        probs = self.pipeline.predict_proba([features(doc, rel, tok, span) for tok, span in cands])[:, 1]
        a, b = rel.factor
        overlaps = [min(hi, b) - max(lo, a) for _, (lo, hi) in cands]
        k_best = int(probs.argmax())
        if overlaps[k_best] > 0:
            return
        own = [p for p, o in zip(probs, overlaps) if o > 0]
        p_rule = max(own) if own else 0.0
        if probs[k_best] >= self.threshold and probs[k_best] - p_rule >= self.margin:
            rel.factor = cands[k_best][1]

    def save(self, directory: str | Path) -> None:
        import json

        import skops.io as sio

        sio.dump(self.pipeline, Path(directory) / WEIGHTS_FILE)
        (Path(directory) / SETTINGS_FILE).write_text(json.dumps(
            {"name": self.name, "C": self.C, "threshold": self.threshold}, indent=2) + "\n")

    @classmethod
    def load(cls, directory: str | Path) -> FactorRanker | None:
        import json

        from socialrecovery_nlp.modeldir import load_skops

        path = Path(directory) / WEIGHTS_FILE
        if not path.is_file():
            return None
        settings = json.loads((Path(directory) / SETTINGS_FILE).read_text())
        ranker = cls(C=float(settings["C"]), threshold=float(settings["threshold"]))
        ranker.pipeline = load_skops(path, TRUSTED_TYPES)
        return ranker
