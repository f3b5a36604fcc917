"""A finding stated as a noun phrase, without a verb: "[Enhanced] recognition memory following glycine transporter 1
deletion", "[Increased] fear response to contextual cues in mice lacking the 5-HT1A receptor", "[Reduced] relapse
with family intervention".

Titles are often written so (guideline v1.3, "Titles": a nominal title that states the direction of an effect is a
claim). When a title unit has no finite verb and its first noun phrase opens with a change word, the noun phrase up to
a linking preposition is the outcome and the object of that preposition the factor. Only titles are read so
(:func:`.spans.extract_relations` with ``nominal=True``): in an abstract such a fragment is mostly a result without a
named factor ("Higher scores in the control group.", "Improved sleep after 12 weeks."; review-13). A change noun
("Reductions in aggression following X") is not read. "in" / "among" introduce a group (a group result), "following", "after" and "during" an exposure in time:
both are correlational; "with", "by", "from" and "through" name the agent (strength by the change word). A topic phrase with no change word ("Effects of X on Y") is no such
finding (:mod:`.topic_phrase`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from . import lexicon as lx

#: change word -> predicate kind (composed with the outcome's valence, :func:`.direction.compose`)
CHANGE_KINDS = {
    **dict.fromkeys(["increased", "elevated", "enhanced", "higher", "greater", "heightened", "raised", "more"], lx.INCREASE),
    **dict.fromkeys(["reduced", "decreased", "lower", "lowered", "diminished", "attenuated", "less", "fewer"], lx.DECREASE),
    **dict.fromkeys(["improved", "better", "successful", "beneficial"], lx.BENEFIT),
    **dict.fromkeys(["impaired", "worse", "poorer", "disrupted", "deficient"], lx.HARM),
}
_EXPOSURE = frozenset(["following", "after", "with", "by", "from", "through", "during"])
_GROUP = frozenset(["in", "among"])
#: links that say no more than co-occurrence: the finding is correlational
_CORRELATIONAL = _GROUP | frozenset(["following", "after", "during"])
_FINITE = frozenset(["VBD", "VBZ", "VBP", "MD"])
_NOUNS = frozenset(["NOUN", "PROPN"])


def nominal_finding(doc: Doc) -> tuple[int, str, tuple[int, int], tuple[int, int], bool] | None:
    """``(change word index, kind, factor range, outcome range, correlational)`` for a verbless unit that states a finding
    as a noun phrase (see the module doc), else None."""
    if any(t.tag_ in _FINITE for t in doc):
        return None
    start = _start(doc)
    if start is None or start >= len(doc):
        return None
    change = doc[start]
    kind = CHANGE_KINDS.get(change.lower_)
    if kind is None or start + 1 >= len(doc):
        return None
    head = _noun_head(change)
    if head is None:
        return None
    link = _link(doc, head)
    if link is None:
        return None
    objects = [c for c in link.children if c.dep_ in ("pobj", "pcomp")]
    if not objects:
        return None
    factor_end = _clip(doc, link.i + 1, _object_end(doc, _right_edge(objects[0]) + 1))
    outcome_end = link.i
    while outcome_end > start + 1 and doc[outcome_end - 1].is_punct:
        outcome_end -= 1
    if outcome_end <= start + 1 or factor_end <= link.i + 1:
        return None
    return change.i, kind, (link.i + 1, factor_end), (start + 1, outcome_end), link.lower_ in _CORRELATIONAL


def _start(doc: Doc) -> int | None:
    """The first word of the unit after a leading label ("Conclusions:") and a determiner."""
    i = 0
    colon = next((t.i for t in doc[:4] if t.text == ":"), None)
    if colon is not None and all(t.is_title or t.is_upper for t in doc[:colon]):
        i = colon + 1
    while i < len(doc) and (doc[i].is_space or doc[i].lower_ in ("a", "an", "the")):
        i += 1
    return i


def _noun_head(change):
    """The noun the change word modifies (directly or through a compound / conjunction)."""
    node = change
    for _ in range(3):
        if node.dep_ not in ("amod", "compound", "advmod", "conj", "nmod") or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in _NOUNS:
            return node
    return change if change.pos_ in _NOUNS else None


def _link(doc: Doc, head):
    """The linking preposition after the outcome noun: its own prep child, or one of the nouns it governs
    ("fear response [to contextual cues] [in] mice")."""
    seen = [head]
    while seen:
        node = seen.pop(0)
        for child in node.children:
            if child.i <= node.i:
                continue
            if child.dep_ in ("prep", "acl") and child.lower_ in _EXPOSURE | _GROUP:
                return child
            if child.dep_ == "prep":
                seen.extend(c for c in child.children if c.dep_ == "pobj")
    return None


def _right_edge(token) -> int:
    """The last token of ``token``'s phrase without an appositive ("family intervention[, a five-year follow-up]")."""
    right = token.i
    for child in token.children:
        if child.i > token.i and child.dep_ not in ("appos", "punct"):
            right = max(right, _right_edge(child))
    return right


def _object_end(doc: Doc, end: int) -> int:
    """Where the factor ends: after the object's subtree, or at the end of the unit when the words left after it
    hold no punctuation and no coordinator (the small parser hangs the tail of a title elsewhere: "in [Mice]
    Lacking the 5-HT1A Receptor")."""
    tail = [t for t in doc[end:] if not (t.is_punct and t.i == len(doc) - 1)]
    breaks = [t for t in tail if (t.is_punct and t.text not in ("-", "/")) or t.dep_ == "cc"]  # "5-HT1A" is one word
    return len(doc) if tail and not breaks else end


def _clip(doc: Doc, begin: int, end: int) -> int:
    """The factor from ``begin`` ends before a colon, a semicolon, a parenthesis or final punctuation."""
    end = next((t.i for t in doc[begin:end] if t.text in (":", ";", "(")), end)
    while end > begin and doc[end - 1].is_punct:
        end -= 1
    return end
