"""A group that shows a deficit in something (added for issue #5, agent:claims-10).

"[Down syndrome (DS) patients] exhibit abnormalities of [hippocampal-dependent explicit memory]",
"[BPD patients] have impairments in [neuropsychological functioning]", "[rats receiving X] showed
deficits of [recognition memory]": a have / show verb whose object is a deficit noun with an
"in / of" complement is a group result that harms the complement; the subject is the factor, the
complement (without the deficit noun) the outcome. Elsewhere ("X is associated with [impairments in
Y]") the deficit noun stays part of the outcome and is no trigger of its own.
"""

from __future__ import annotations

from spacy.tokens import Token

#: Deficit nouns (their "in / of" phrases are trigger phrases in :data:`.lexicon.TRIGGER_PHRASES`).
DEFICIT_NOUNS = frozenset(["deficit", "deficits", "impairment", "impairments", "abnormality", "abnormalities"])


def deficit_object(noun: Token, have_verbs) -> tuple[Token, Token] | None:
    """``(subject, complement)`` when ``noun`` is a deficit noun that is the object of a have / show
    verb (one of ``have_verbs``) with a subject, and has an "in / of" complement; else None."""
    if noun.lower_ not in DEFICIT_NOUNS or noun.dep_ != "dobj" or noun.head.lower_ not in have_verbs:
        return None
    subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    complement = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                       for p in c.children if p.dep_ == "pobj"), None)
    if subject is None or complement is None or subject.pos_ == "PRON":
        return None
    return subject, complement
