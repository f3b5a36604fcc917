"""Coordinated factors that the small parser splits or merges (added for issue #5, agent:claims-6).

English coordinates whole phrases ("[addressing high hostility, childhood abuse, and in-session
dissociation] might reduce dropout", "[living with a partner or as part of a family] can be
helpful"), but the small parser often hangs the later conjuncts on the verb (as a second subject,
a prepositional phrase, or a dangling "or"). Three repairs on token ranges:

* :func:`whole_subject` widens a subject factor to the whole coordination before its verb, when
  the parse itself shows it was split (a dangling coordinator or a second subject of the verb);
* :func:`reciprocal_pair` splits "[A] and [B] were correlated" (a symmetric predicate with no
  "with / to" partner) into factor A and outcome B;
* :func:`trailing_gerund` keeps a coordinated gerund that ends a factor phrase in it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
_VERB_GROUP = ("aux", "auxpass", "neg", "advmod")
_COORDINATORS = frozenset(["and", "or", ","])
#: What may hang on the verb inside a split coordination (never a clause of its own).
_GAP_DEPS = frozenset(_SUBJECTS + ("prep", "npadvmod", "cc", "conj", "punct", "dobj", "nmod", "compound", "amod", "det"))
_BREAKS = frozenset([";", ":", "—", "–", "(", ")", "[", "]"])


def _verb_group_start(verb: Token) -> int:
    """Index of the first token of the verb group ("[might] reduce", "[can be] helpful")."""
    start = verb.i
    doc = verb.doc
    while start > 0 and doc[start - 1].head.i == verb.i and doc[start - 1].dep_ in _VERB_GROUP:
        start -= 1
    return start


def whole_subject(subject: Token, rng: tuple[int, int], blocked=frozenset()) -> tuple[int, int]:
    """``rng`` (the phrase of ``subject``) widened to the verb when the parser split a coordinated
    subject: the subject's own subtree ends in a dangling "and / or / ," or the verb has a second
    subject after it, and everything between the phrase and the verb group hangs on that verb."""
    if subject.dep_ not in _SUBJECTS:
        return rng
    verb = subject.head
    doc = subject.doc
    a, b = rng
    end = _verb_group_start(verb)
    if end <= b or verb.i < subject.i:
        return rng
    gap = doc[b:end]
    dangling = subject.right_edge.i < end and doc[subject.right_edge.i].lower_ in _COORDINATORS
    second = any(t.head.i == verb.i and t.dep_ in _SUBJECTS and t.i != subject.i for t in gap)
    if not (dangling or second):
        return rng
    if any(t.text in _BREAKS or t.i in blocked or (t.tag_ in ("VBD", "VBZ", "VBP", "MD") and t.head.i == verb.i)
           for t in gap):
        return rng
    # every gap token belongs to the gap, the subject or the verb (no material of a later clause)
    for t in gap:
        top = t
        while b <= top.head.i < end and top.head.i != top.i:
            top = top.head
        if top.head.i != verb.i and not (top.is_punct or top.dep_ == "cc") :
            return rng  # only "," / "and" of the subject itself; an appositive or clause of it was cut on purpose
        if top.head.i == verb.i and top.dep_ not in _GAP_DEPS:
            return rng
    while end > a + 1 and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("and", "or")):
        end -= 1
    return a, end


#: Symmetric predicates: "A and B were correlated" relates A to B.
_RECIPROCAL = frozenset(["correlated", "associated", "related", "linked", "correlate", "correlates", "interrelated",
                         "intercorrelated"])
_PARTNER_PREPS = frozenset(["with", "to", "between", "among", "and"])


def reciprocal_pair(doc: Doc, head: Token, rng: tuple[int, int]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``(A, B)`` ranges of "[A] and [B] were (significantly) correlated": a symmetric predicate
    with no partner phrase ("with / to / between") whose subject phrase ``rng`` holds exactly
    one top-level "and"; a leading "both" is left out. Else None."""
    if head.lower_ not in _RECIPROCAL or head.pos_ not in ("VERB", "ADJ"):
        return None
    if any(c.dep_ in ("prep", "agent") and c.lower_ in _PARTNER_PREPS for c in head.children):
        return None
    a, b = rng
    if doc[a].lower_ == "both":
        a += 1
    ands = [i for i in range(a, b) if doc[i].lower_ == "and"]
    if len(ands) != 1 or any(doc[i].text in (",", "between") for i in range(a, b)):
        return None
    cut = ands[0]
    if cut <= a or cut >= b - 1:
        return None
    return (a, cut), (cut + 1, b)


def trailing_gerund(head: Token, rng: tuple[int, int], blocked=frozenset()) -> tuple[int, int]:
    """``rng`` (a gerund phrase headed by ``head``: "result from [being part of X]") widened over a
    coordinated gerund that the parser hung on a verb outside it ("..., and [engaging in Y]"): a gerund
    does not coordinate with a finite or modal verb, so it continues the gerund phrase."""
    if head.tag_ != "VBG":
        return rng
    doc = head.doc
    inside = {t.i for t in head.subtree}
    for i in range(rng[1], min(len(doc), rng[1] + 12)):
        tok = doc[i]
        if i in blocked:
            return rng
        if tok.tag_ == "VBG" and tok.dep_ == "conj" and tok.head.i not in inside and tok.head.pos_ in ("VERB", "AUX") \
                and tok.head.tag_ != "VBG" and doc[i - 1].lower_ in ("and", "or"):
            end = tok.right_edge.i + 1
            while end > i and (doc[end - 1].is_punct or end - 1 in blocked):
                end -= 1
            return rng[0], end
        if not (tok.is_punct or tok.lower_ in ("and", "or") or i in inside):
            return rng
    return rng
