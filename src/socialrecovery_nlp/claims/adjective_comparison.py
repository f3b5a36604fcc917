""""[X] were more enjoyable than Y": a compared predicate adjective (added for issue #5, agent:claims-10).

A group result (guideline v1.2, correlational): "[Alcohol-free activities that included peers or dates]
were more [enjoyable] than solitary activities", "[Patients in the CBT group] were less [anxious] than
controls". The subject of the copula is what is compared (the factor) and the adjective what it is compared
on (the outcome); "more / less" gives the sign. Only with a "than" comparator: "Pain was more severe in the
X group" compares the subject across groups and is read elsewhere. An adjective that is a trigger of its
own ("more effective on Y than Z") keeps its own reading. The subject must be a group or person ("patients",
"mice") or a noun described by a clause or a "with / receiving" phrase, as in :mod:`improved_more`: "The
sample was more diverse than previous samples" compares no factor (review fixes, agent:claims-16).
"""

from __future__ import annotations

from spacy.tokens import Token

_COPULAS = frozenset(["be", "is", "are", "was", "were", "been", "being", "became", "become", "becomes", "seemed",
                      "seem", "seems", "appeared", "appear", "appears", "remained", "remain", "remains"])


def compared_adjective(token: Token, trigger_words, group_words) -> tuple[Token, Token] | None:
    """``(subject, adjective)`` when ``token`` ("more" / "less") compares a predicate adjective with "than";
    ``trigger_words``: adjectives that are triggers themselves (left to their own reading); ``group_words``:
    subject nouns that name a group."""
    if token.lower_ not in ("more", "less") or token.dep_ != "advmod":
        return None
    adjective = token.head
    if adjective.pos_ != "ADJ" or adjective.dep_ != "acomp" or adjective.lower_ in trigger_words:
        return None
    verb = adjective.head
    if verb.lower_ not in _COPULAS:
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "than" for c in (*adjective.children, *token.children)):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
    if subject is None:
        return None
    if subject.lower_ not in group_words and subject.lemma_.lower() not in group_words and not any(
            c.dep_ in ("relcl", "acl") or (c.dep_ == "prep" and c.lower_ in ("with", "receiving"))
            for c in subject.children):
        return None  # "The questionnaire was more reliable than the older one": no group compared
    return subject, adjective
