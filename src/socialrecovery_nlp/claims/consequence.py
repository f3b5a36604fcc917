""""[Y] is a (long-term) complication / consequence of [X]" (added for issue #5, agent:claims-10).

"[Cognitive dysfunction] can be a long-term complication following [subarachnoid hemorrhage (SAH)]": the
predicate noun names what X brings about, so the "of / following / after" object is the factor and the
subject the outcome (X increases Y). Elsewhere ("the consequences of stigma were studied") the phrase is no
trigger.
"""

from __future__ import annotations

from spacy.tokens import Token

#: Nouns of the trigger phrases "complication(s) of / following / after", "consequence(s) of"
#: (:data:`.lexicon.TRIGGER_PHRASES`).
CONSEQUENCE_NOUNS = frozenset(["complication", "complications", "consequence", "consequences"])
_COPULAS = frozenset(["be", "is", "are", "was", "were", "been", "being", "am", "remain", "remains", "become",
                      "becomes", "became"])


#: "[Hot flashes] are the most frequently reported side effect of [tamoxifen treatment]": a side / adverse
#: effect as the predicate noun is a consequence too (agent:claims-15).
_SIDE = frozenset(["side", "adverse", "unwanted", "undesirable", "undesired"])


_DEMONSTRATIVES = frozenset(["this", "these", "that", "those", "it", "they"])


def side_effect(noun: Token) -> bool:
    """"side effect(s)", "adverse effect(s)": an effect noun with a side / adverse premodifier."""
    return noun.lower_ in ("effect", "effects") and any(
        c.dep_ in ("compound", "amod") and c.lower_ in _SIDE for c in noun.children)


def consequence_of(noun: Token) -> tuple[Token, Token] | None:
    """``(factor, outcome)`` when ``noun`` is the predicate noun of a copula with a subject and an
    "of / following / after" object; else None."""
    if (noun.lower_ not in CONSEQUENCE_NOUNS and not side_effect(noun)) or noun.dep_ != "attr" or \
            noun.head.lower_ not in _COPULAS:
        return None
    subject = next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    cause = next((p for c in noun.children if c.dep_ in ("prep", "acl") and c.lower_ in ("of", "following", "after")
                  for p in c.children if p.dep_ in ("pobj", "dobj")), None)
    if subject is None or cause is None or subject.pos_ == "PRON" or subject.lower_ in _DEMONSTRATIVES:
        return None  # "[This] is a consequence of the design": an anaphor names no outcome (agent:claims-16)
    return cause, subject
