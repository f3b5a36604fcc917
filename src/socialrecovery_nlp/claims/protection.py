"""What protects against what: "[A confiding relationship] protected against [relapse]", "[Social support] protected
adolescents from [depression]".

"Protect" keeps its "against / from" object away, so it lowers it: the outcome is that object, read as bad by
construction ("protected mice from [lethal challenge]" promotes), and who or what is protected is no role. The factor
is the verb's subject; a verb without one ("..., thereby protecting participants from relapse") leaves the factor to
the general reading. The passive ("[patients] were protected from Y") names no factor.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx

#: Every form of the verb; "protect(s)" are the detector's own trigger words, "protected / protecting" rule words.
PROTECT_FORMS = frozenset(["protect", "protects"]) | lx.PROTECT_WORDS
_AUTHORS = frozenset(["we", "us", "i"])


def protected_from(verb: Token) -> tuple[Token | None, Token] | None:
    """``(factor or None, outcome)`` head tokens of "[X] protected (Z) against / from [Y]" at ``verb``, else ``None``."""
    if verb.lower_ not in PROTECT_FORMS or verb.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("against", "from")), None)
    outcome = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    if outcome is None:
        return None
    factor = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if factor is not None and factor.lower_ in _AUTHORS:
        return None
    return factor, outcome
