"""A factor that makes something harder or easier: "[Social isolation] makes [recovery] more difficult",
"[Experiences of trauma] may make it harder to [form trusting relationships]", "[Flexible hours] made [returning to
work] easier".

The subject of *make* (or *render*) is the factor; what it makes hard or easy is the outcome: the adjective's own
subject, or, after an expletive "it", the infinitive that follows ("it harder [to form relationships]"). Hard words
hinder, easy words promote; "less" before the adjective turns it over ("makes it less difficult to ...").
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx
from .study_process import study_process

MAKE_VERBS = frozenset(["make", "makes", "made", "making", "render", "renders", "rendered", "rendering"])
HARD_WORDS = frozenset(["difficult", "hard", "harder", "hardest", "impossible", "challenging", "problematic"])
EASY_WORDS = frozenset(["easy", "easier", "easiest", "possible", "feasible"])
_EXPLETIVES = frozenset(["it"])
#: What a study does: "made it difficult [to detect] differences", "made it possible [to estimate] effects"
_RESEARCH_VERBS = frozenset(["draw", "detect", "estimate", "assess", "determine", "conclude", "establish", "interpret",
                             "generalise", "generalize", "compare", "recruit", "measure", "evaluate", "identify",
                             "quantify", "analyse", "analyze", "test", "examine", "say", "know", "tell", "disentangle",
                             "separate", "distinguish", "attribute", "infer", "obtain", "calculate", "isolate", "rule",
                             "account", "control", "adjust", "blind", "randomise", "randomize", "follow", "collect"])
#: Factors that are the study's own make-up: "[Small sample sizes] make it difficult to ..."
_STUDY_FACTORS = frozenset(["size", "sizes", "sample", "samples", "attrition", "randomisation", "randomization", "design",
                            "heterogeneity", "data", "methods", "method", "measures", "measurement", "power"])
_PRONOUN_FACTORS = frozenset(["it", "this", "that", "which", "what", "there"])


def _make_verb(adjective: Token) -> Token | None:
    head = adjective.head
    if adjective.dep_ in ("ccomp", "xcomp", "oprd", "acomp", "advcl", "dobj") and head.lower_ in MAKE_VERBS:
        return head
    return None


def made_adjective(adjective: Token) -> tuple[Token, Token, str] | None:
    """``(factor, outcome, kind)`` where ``adjective`` is a hard / easy word made so by a subject, else None.

    ``outcome`` is the adjective's subject, or the verb of the infinitive after an expletive "it"."""
    low = adjective.lower_
    if low not in HARD_WORDS and low not in EASY_WORDS:
        return None
    verb = _make_verb(adjective)
    if verb is None:
        return None
    factor = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if factor is None and verb.dep_ in ("xcomp", "conj"):  # "[X] may help to make Y easier", "[X] ... and makes"
        factor = next((c for c in verb.head.children if c.dep_ in ("nsubj", "csubj")), None)
    if factor is None or factor.lower_ in _PRONOUN_FACTORS or study_process(factor) or factor.lower_ in _STUDY_FACTORS:
        return None  # "[The high attrition] made it difficult to ...": the study's own limits
    outcome = next((c for c in adjective.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < adjective.i), None)
    if outcome is None:  # "makes [recovery] more difficult" parsed with the object on the verb
        outcome = next((c for c in verb.children if c.dep_ == "dobj" and c.i < adjective.i), None)
    if outcome is not None and outcome.lower_ in _EXPLETIVES:
        outcome = next((c for c in adjective.children if c.dep_ in ("advcl", "xcomp", "ccomp") and c.i > adjective.i
                        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if outcome is None or outcome.lower_ in _RESEARCH_VERBS:
        return None  # "made it difficult [to draw] firm conclusions / [to detect] differences": a study's limits
    kind = lx.HARM if low in HARD_WORDS else lx.BENEFIT
    if any(c.lower_ == "less" for c in adjective.children if c.dep_ == "advmod"):
        kind = lx.BENEFIT if kind == lx.HARM else lx.HARM
    return factor, outcome, kind
