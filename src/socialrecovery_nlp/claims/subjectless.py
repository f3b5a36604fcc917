"""A finite verb the parser left without a subject (added for issue #5, agent:claims-10).

"In the treatment of outpatients with BPD, [better executive control and visual memory performance]
predict more WIT": the small parser hangs the subject as a conjunct of the fronted phrase, so the verb
"predict" has no subject and the relation no factor. A finite verb (not a conjunct, which shares its
subject) always has one in English; the noun phrase right before it is that subject. With an appositive
in between ("[chronic administration of lithium], a clinically used mood stabilizer, promoted Y") the
appositive's head phrase is.
"""

from __future__ import annotations

from spacy.tokens import Token

_FINITE = ("VBD", "VBZ", "VBP")
_NOUNS = ("NOUN", "PROPN")
_STOPS = frozenset([",", ";", ":", "(", ")", "that", "which", "who", "whether", "when", "while", "whereas", "—", "–"])


def _left_end(doc, last: int) -> int:
    left = last
    while left - 1 >= 0 and doc[left - 1].lower_ not in _STOPS and doc[left - 1].tag_ not in _FINITE + ("MD",) \
            and doc[left - 1].pos_ not in ("VERB", "AUX", "SCONJ") and doc[left - 1].dep_ != "mark":
        left -= 1
    while left < last and doc[left].pos_ in ("ADP", "CCONJ", "PUNCT", "ADV"):
        left += 1
    return left


def subjectless_factor(verb: Token, blocked=frozenset()) -> tuple[int, int] | None:
    """The token range of the noun phrase right before a finite ``verb`` that has no subject; else None."""
    if verb.dep_ == "conj" and verb.head.i < verb.i and verb.head.pos_ == "VERB" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):  # "... promoted Y and restored Z": the first
        return subjectless_factor(verb.head, blocked)  # verb's subject
    if verb.tag_ not in _FINITE or verb.dep_ in ("conj", "relcl", "acl", "amod", "advcl") or verb.i == 0:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl") for c in verb.children):
        return None
    doc = verb.doc
    last = verb.i - 1
    while last >= 0 and (doc[last].dep_ in ("aux", "auxpass", "neg", "advmod") and doc[last].head.i == verb.i):
        last -= 1  # "X [can / also / not] predict"
    if last < 0:
        return None
    if doc[last].text == "," and last >= 1:  # "[X], an appositive, promoted Y": the appositive's head
        appos = next((a for a in doc[last - 1].ancestors if a.dep_ == "appos"), None) \
            if doc[last - 1].dep_ != "appos" else doc[last - 1]
        if appos is None or appos.head.pos_ not in _NOUNS or appos.head.i >= appos.i:
            return None
        head = appos.head
        end = appos.left_edge.i
        while end > head.i + 1 and doc[end - 1].is_punct:
            end -= 1
        rng = (_left_end(doc, head.i), end)
    elif doc[last].pos_ in _NOUNS:
        rng = (_left_end(doc, last), last + 1)
    else:
        return None
    if any(i in blocked for i in range(*rng)) or doc[rng[0]:rng[1]].root.pos_ not in _NOUNS:
        return None
    return rng
