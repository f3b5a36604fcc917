"""Subjects with a reduced relative clause (added for issue #5, agent:claims-6).

"[Participants treated with 150 mg/day of quetiapine] had a significant reduction in Y" is a
garden path for the small parser: it reads "treated" as the main verb and "had" as a second,
coordinated verb, so the subject shrinks to "Participants". English marks a real coordination
with "and / or / ,"; a past participle right after the subject, without an auxiliary or an object,
followed by a finite verb with no coordinator is a reduced relative clause that belongs to the
subject ("patients [treated with X]", "children [exposed to Y]").
"""

from __future__ import annotations

from spacy.tokens import Token

_FINITE = ("VBD", "VBZ", "VBP", "MD")


def reduced_relative(subject: Token, rng: tuple[int, int], trigger: Token) -> tuple[int, int] | None:
    """The subject's range widened over a reduced relative clause that the parser made the main
    verb, when the relation's ``trigger`` belongs to the verb that really follows it; else None."""
    if subject.dep_ != "nsubj":
        return None
    participle = subject.head
    if participle.tag_ not in ("VBN", "VBD") or participle.i != rng[1] or participle.i < subject.i:
        return None
    if any(c.dep_ in ("aux", "auxpass", "dobj", "neg", "nsubjpass") for c in participle.children):
        return None
    main = next((c for c in participle.children if c.dep_ == "conj" and c.tag_ in _FINITE
                 and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)
    if main is None or any(c.dep_ in ("cc", "punct") and participle.i < c.i < main.i for c in participle.children):
        return None
    if not (main.left_edge.i <= trigger.i <= main.right_edge.i):
        return None
    end = main.left_edge.i
    doc = subject.doc
    while end > rng[0] + 1 and doc[end - 1].is_punct:
        end -= 1
    return rng[0], end
