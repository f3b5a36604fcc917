"""A relation's object phrase repeated with its preposition (added for issue #5, agent:claims-15).

"[Higher HCC] were significantly associated with [a larger lesion volume] and with [worse cognitive
results ...]", "[Depression symptoms] are correlated strongly with [performance] and moderately with
[interpersonal behavior]", "[Age category] was correlated with [δ13 C values] but not with [δ15 N values]":
the preposition that introduced the outcome is coordinated with a second one of the same word (the parser
hangs it as a ``conj`` of the first, or as a second ``prep`` of the verb after a coordinator), so the same
factor has a second outcome: one relation each. The second relation's trigger is the repeated
preposition, so that a negation or hedge between the two ("but not with") is read for that relation only.
"""

from __future__ import annotations

from spacy.tokens import Token


def repeated_preps(head: Token, outcome_tok: Token) -> list[tuple[Token, Token]]:
    """``[(preposition, its object), ...]`` of the prepositions repeating the one whose object is
    ``outcome_tok`` on the trigger ``head``; empty when there are none."""
    prep = outcome_tok.head
    if outcome_tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i != head.i:
        return []
    found = [c for c in prep.children if c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ == prep.lower_]
    doc = head.doc
    for c in head.children:
        if c.dep_ == "prep" and c.i > outcome_tok.right_edge.i and c.lower_ == prep.lower_ and any(
                doc[i].dep_ == "cc" for i in range(outcome_tok.right_edge.i + 1, c.i)):
            found.append(c)
    out = []
    for p in found:
        obj = next((o for o in p.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")), None)
        if obj is not None:
            out.append((p, obj))
    return out
