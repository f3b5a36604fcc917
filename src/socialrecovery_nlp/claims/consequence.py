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


#: Predicates that judge side effects instead of listing them ("were common / mild / rare")
_JUDGED_EFFECTS = frozenset(["common", "uncommon", "rare", "frequent", "infrequent", "mild", "moderate", "severe",
                             "serious", "minor", "minimal", "transient", "few", "similar", "comparable", "tolerable",
                             "acceptable", "negligible", "absent", "present", "reported", "more", "less", "fewer",
                             # nouns that judge the effects ("were the main [concern] of carers"; agent:review-27)
                             "concern", "concerns", "problem", "problems", "issue", "issues", "reason", "reasons",
                             "complaint", "complaints", "barrier", "barriers", "factor", "factors", "cause", "causes",
                             "focus", "burden", "topic", "consequence", "consequences"])


def listed_side_effects(noun: Token) -> tuple[Token | None, Token | None] | None:
    """``(factor or None, outcome or None)`` when ``noun`` is a side / adverse effect noun that is the subject of a copula whose
    predicate lists the effects: "[The common side effects] of [bupropion] were [dry mouth] and insomnia" (round 7,
    agent:review-26: the effects had been read as the factor of the drug). Without an "of" object the sentence names
    no factor (it is the record's treatment); a predicate that judges the effects ("were common") names no outcome; the
    caller gives no relation for either."""
    if not (side_effect(noun) or noun.lower_ == "events" and any(c.lower_ == "adverse" for c in noun.children)) or \
            noun.dep_ != "nsubj" or noun.head.lower_ not in _COPULAS:
        return None
    named = next((c for c in noun.head.children if c.dep_ in ("attr", "acomp") and c.i > noun.head.i), None)
    if named is None:
        return None
    if named.lower_ in _JUDGED_EFFECTS or (named.pos_ == "ADJ" and named.dep_ == "acomp" and not any(
            c.dep_ == "conj" for c in named.children)):  # "were [possible]"; "were [nausea] and headache" is a list
        return None, None  # "Side effects of X were [common]": a judgement of the effects, not a list of them
    cause = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "with")
                  for p in c.children if p.dep_ == "pobj"), None)
    return cause, named
