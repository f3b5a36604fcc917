"""Subjects that name the study's own process or concepts (review fix F).

"[Recruitment] was problematic", "[Attrition] was problematic in both arms", "[Missing data] were problematic",
"[The definition of recovery] was problematic", "[Recruitment] was difficult because of the pandemic" and
"[The generalisability of the findings] is limited by the sample" describe how a study was done, what a concept
means or what limits a study (guideline kinds ``method`` / ``definition``): no factor -> outcome relation. The
subject's head and its compound / adjectival modifiers are matched on word forms ("[response] rate",
"[missing] data", "follow-up").
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx

_RATE_MODIFIERS = frozenset(["response", "dropout", "drop-out", "attrition", "retention", "recruitment",
                             "completion", "participation"])


def _words(subject: Token) -> set[str]:
    doc = subject.doc
    words = {subject.lower_}
    words |= {c.lower_ for c in subject.children if c.dep_ in ("compound", "amod", "nmod")}
    start = subject.left_edge.i
    while start < subject.i and doc[start].dep_ in ("det", "poss"):
        start += 1
    words.add("".join(t.lower_ for t in doc[start:subject.i + 1]))  # "follow-up" split into three tokens
    return words


def study_process(subject: Token) -> bool:
    """Is ``subject`` (the head of a clause subject) the study's own process ("recruitment", "missing data",
    "the response rate", "the definition of recovery")?"""
    words = _words(subject)
    if words & lx.STUDY_PROCESS_NOUNS:
        return True
    return subject.lower_ in ("rate", "rates") and bool(words & _RATE_MODIFIERS)


def limitation_subject(subject: Token) -> bool:
    """Is ``subject`` of "[Y] is limited by [X]" the study or its inferences ("the generalisability of the
    findings", "our conclusions", "the interpretation of these results")?"""
    return bool(_words(subject) & lx.LIMITATION_SUBJECTS)
