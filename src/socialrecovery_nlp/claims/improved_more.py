"""A group that improved more / less (added for issue #5, agent:claims-15).

"[The patients of novice therapists] improved significantly less than did the patients of more
experienced therapists", "[Ss with borderline personality disorder] improved significantly less": an
intransitive change verb with a comparative adverb ("more", "less") and a named group as its subject is a
group result (guideline v1.2, "Y decreased more in X"): the group is the factor, the outcome is implicit
(the improvement itself), and "less" turns the change's sign. A change with no comparative ("Symptoms
decreased from pre- to post-treatment") stays a finding, and a subject that is no group ("Scores improved
more ...") names no factor.
"""

from __future__ import annotations

from spacy.tokens import Token

#: Intransitive change verbs whose subject is the person who changes.
_CHANGE_VERBS = frozenset(["improved", "improve", "improves", "deteriorated", "deteriorate", "deteriorates",
                           "worsened", "worsen", "worsens", "benefited", "benefitted", "benefit", "benefits",
                           "recovered", "recover", "recovers", "responded", "respond", "responds"])


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it is coordinated with ("[Ss who ...] were less likely to Y,
    rated ..., and improved significantly less", the middle verb read as an adverbial clause)."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None or verb.dep_ not in ("conj", "advcl") or verb.head.pos_ not in ("VERB", "AUX"):
            return subject
        verb = verb.head
    return None


def group_improved(verb: Token, group_words) -> tuple[Token, bool] | None:
    """``(the group's head token, less)`` when ``verb`` is such a change (see the module doc); else None."""
    if verb.lower_ not in _CHANGE_VERBS or verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return None
    degree = next((c for c in verb.children if c.dep_ in ("advmod", "npadvmod") and c.lower_ in ("more", "less")), None)
    if degree is None:
        return None
    subject = _subject(verb)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    if subject.lower_ not in group_words and not any(
            c.dep_ in ("relcl", "acl") or (c.dep_ == "prep" and c.lower_ in ("with", "of", "in", "receiving"))
            for c in subject.children):
        return None
    return subject, degree.lower_ == "less"
