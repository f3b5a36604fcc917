"""Coarse part-of-speech tags from fine tags, without spaCy's matcher-based attribute ruler.

In ``en_core_web_sm`` the tagger predicts fine tags (``NN``, ``VBD``) and the ``attribute_ruler``
maps them to coarse tags (``NOUN``, ``VERB``) with ~180 matcher patterns, which costs as much
as the parse of a short sentence. The claim rules only need ``pos_``, so :func:`replace_attribute_ruler`
swaps the ruler for a table lookup built from the ruler's own patterns (tag -> POS, tag + word ->
POS) plus the handful of dependency-conditioned patterns of the English pipelines, written out.
Morphology and lemmas are not set. ``tests/claims`` checks it agrees with the ruler.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

_AUX_DEPS = frozenset(["aux", "auxpass"])
_DO_HAVE = frozenset(["do", "does", "did", "'d", "have", "has", "had"])
_VERB_DEPS = frozenset(["ROOT", "advcl", "ccomp", "conj", "relcl", "xcomp"])
_BE = frozenset(["is", "are", "was", "were", "'s", "'re"])


class FastPOS:
    """Sets ``token.pos`` from ``(tag, lower)`` tables and a few dependency rules."""

    def __init__(self, vocab, by_tag: dict[str, str], by_tag_word: dict[tuple[str, str], str]) -> None:
        s = vocab.strings
        self._pos_id = {name: s.add(name) for name in set(by_tag.values()) | set(by_tag_word.values()) |
                        {"AUX", "VERB", "SCONJ", "PRON", "ADV", "X", "SPACE"}}
        from spacy.parts_of_speech import IDS

        self._id = {name: IDS[name] for name in self._pos_id}
        self.by_tag = {s.add(t): self._id[p] for t, p in by_tag.items()}
        self.by_tag_word = {(s.add(t), s.add(w)): self._id[p] for (t, w), p in by_tag_word.items()}
        self.ids = {name: s.add(name) for name in ("TO", "", "aux", "auxpass", "ROOT", "advcl", "ccomp", "conj",
                                                     "relcl", "xcomp", "IN", "mark", "det", "quantmod", "DT",
                                                     "WDT", "CC", "advmod", "expl", "_SP")}
        self.words = {w: s.add(w) for w in _DO_HAVE | _BE | {"but"}}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        arr = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        ids, words, P = self.ids, self.words, self._id
        aux_deps = {ids["aux"], ids["auxpass"]}
        verb_deps = {ids[d] for d in _VERB_DEPS}
        do_have = {words[w] for w in _DO_HAVE}
        be = {words[w] for w in _BE}
        out = np.zeros(len(doc), dtype="uint64")
        prev_expl = False
        for i, (tag, low, dep, space) in enumerate(arr.tolist()):
            pos = self.by_tag_word.get((tag, low)) or self.by_tag.get(tag, 0)
            if tag == ids["CC"] and low == words["but"] and dep == ids["advmod"]:
                pos = P["ADV"]
            if tag not in (ids["TO"], ids[""]) and dep in aux_deps:
                pos = P["AUX"]
            if low in do_have and dep in verb_deps:
                pos = P["VERB"]
            if tag == ids["IN"] and dep == ids["mark"]:
                pos = P["SCONJ"]
            if dep not in (ids["det"], ids["quantmod"], ids[""]) and tag in (ids["DT"], ids["WDT"]):
                pos = P["PRON"]
            if prev_expl and low in be:
                pos = P["VERB"]
            if tag == ids["_SP"] and not space:
                pos = P["X"]
            if space:
                pos = P["SPACE"]
            prev_expl = dep == ids["expl"]
            out[i] = pos
        doc.from_array([POS], out.reshape(-1, 1))
        return doc


def tables_from_ruler(ruler) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """``tag -> POS`` and ``(tag, word) -> POS`` from an attribute ruler's single-token patterns."""
    by_tag: dict[str, str] = {}
    by_tag_word: dict[tuple[str, str], str] = {}
    for item in ruler.patterns:
        pos = item["attrs"].get("POS")
        if pos is None or len(item["patterns"]) != 1 or len(item["patterns"][0]) != 1:
            continue
        pattern = item["patterns"][0][0]
        if set(pattern) == {"TAG"} and isinstance(pattern["TAG"], str):
            by_tag[pattern["TAG"]] = pos
        elif set(pattern) == {"TAG", "LOWER"} and isinstance(pattern["TAG"], str):
            lowers = pattern["LOWER"]
            lowers = lowers.get("IN", []) if isinstance(lowers, dict) else [lowers]
            for word in lowers:
                by_tag_word[(pattern["TAG"], word)] = pos
    return by_tag, by_tag_word


@Language.factory("srnlp_fast_pos")
def make_fast_pos(nlp: Language, name: str) -> FastPOS:
    return FastPOS(nlp.vocab, *tables_from_ruler(nlp.get_pipe("attribute_ruler")))


def replace_attribute_ruler(nlp: Language) -> bool:
    """Swap ``nlp``'s attribute ruler for :class:`FastPOS` (True), or leave the pipeline as it is
    (False) when it has no ruler or the ruler sets coarse tags some other way."""
    if "attribute_ruler" not in nlp.component_names or "tagger" not in nlp.pipe_names:
        return False
    if len(tables_from_ruler(nlp.get_pipe("attribute_ruler"))[0]) < 20:
        return False
    if "attribute_ruler" in nlp.pipe_names:
        nlp.disable_pipe("attribute_ruler")
    nlp.add_pipe("srnlp_fast_pos", name="fast_pos", after="parser")
    return True
