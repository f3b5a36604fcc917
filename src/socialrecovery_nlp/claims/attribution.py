"""What people attribute an outcome to: "[Participants] attributed [their recovery] to [the support of their families]".

The active verb names the outcome as its object and the factor in its "to" phrase; its subject is who made the
attribution (a reporter, neither role). The passive ("[Y] was attributed to [X]") is the lexicon's reversed phrase
"attributed to". Read like "contribute to": the factor raises the outcome, so the outcome's valence decides
("attributed [relapse] to [stress]" hinders). Hedged and negated forms go through the usual cue windows. The authors
explaining their data ("we attributed [this discrepancy] to sampling") state no relation.
"""

from __future__ import annotations

from spacy.tokens import Token

from .study_process import study_process

ATTRIBUTE_VERBS = frozenset(["attribute", "attributes", "attributed", "attributing", "ascribe", "ascribes", "ascribed",
                             "ascribing", "credit", "credits", "credited", "crediting"])
#: What the authors explain rather than find: "[We] attributed [this discrepancy] to differences in sampling"
_ARTEFACTS = frozenset(["discrepancy", "discrepancies", "difference", "differences", "inconsistency",
                        "inconsistencies", "heterogeneity", "variance", "variation", "variations", "bias", "biases",
                        "discordance", "disagreement", "error", "errors", "gap"])


def attributed_to(verb: Token) -> tuple[Token, Token] | None:
    """``(factor, outcome)`` head tokens of "[someone] attributes [Y] to [X]" at ``verb``, else ``None``."""
    if verb.lower_ not in ATTRIBUTE_VERBS or verb.pos_ != "VERB":
        return None
    outcome = next((c for c in verb.children if c.dep_ == "dobj"), None)
    to = next((c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"), None)
    if to is None and outcome is not None:  # "attributed [their recovery to X]": the "to" phrase hung on the object
        to = next((c for c in outcome.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    factor = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if outcome is None or factor is None or outcome.lower_ in _ARTEFACTS or study_process(outcome):
        return None  # the authors explaining their data: no relation
    return factor, outcome
