"""Weight outcomes where low weight is the problem.

Everywhere else gaining weight is a harm and losing it a benefit (:mod:`.valence`: "weight gain" and a higher BMI
are bad, as with antipsychotics). In anorexia nervosa, malnutrition or cachexia it is the other way round: weight
gain and a rising BMI are recovery, weight loss is harm. The context is the claim's sentence and the record's
title, not the whole abstract: an abstract on obesity or schizophrenia may name "anorexia" as a side effect or
"underweight" as a BMI category in another sentence (agent:review-28).
"""

from __future__ import annotations

import re

from .valence import outcome_head

#: Conditions in which low weight is the problem; not a bare "anorexia" (a side effect: loss of appetite), not
#: "underweight" in a list of BMI categories, not "the double burden of malnutrition" (which includes obesity).
UNDERWEIGHT_RE = re.compile(
    r"(?<![a-z])(?:anorexia nervosa|anorexic (?:patients|women|girls|adolescents|individuals|participants)|"
    r"underweight(?!,? (?:normal|healthy))|(?<!burden of )malnutrition|malnourish(?:ed|ment)|undernutrition|"
    r"undernourish(?:ed|ment)|cachexi(?:a|c)|cachectic|emaciat(?:ed|ion)|failure to thrive|low body weight|"
    r"avoidant[/ -]restrictive food intake|arfid)(?![a-z])", re.IGNORECASE)
#: A population for whom losing weight is the aim: no turn when the context names one.
_OVERWEIGHT_RE = re.compile(r"(?<![a-z])(?:obes(?:e|ity)|overweight)(?![a-z])", re.IGNORECASE)
_MEASURE = r"(?:body ?weight|weight|body mass index|body mass|bmi)(?:[- ]z[- ]scores?|[- ]sds)?"
_CHANGE = r"(?:gains?|loss(?:es)?|increases?|decreases?|reductions?|rises?|drops?|changes?)"
#: An outcome head that is a weight measure or a change of one ("BMI", "[greater] weight gain", "BMI z-score").
_HEAD_RE = re.compile(rf"(?<![a-z]){_MEASURE}(?:[- ]{_CHANGE})?$", re.IGNORECASE)
#: A change of a weight measure named by its complement ("an increase in body weight", "gain of weight").
_CHANGE_OF_RE = re.compile(rf"^(?:[\w-]+ ){{0,3}}?{_CHANGE} (?:in|of) (?:the )?{_MEASURE}(?![a-z-])", re.IGNORECASE)


def low_weight_context(text: str) -> bool:
    """The text names a condition in which low weight is the problem, and no overweight population."""
    return bool(UNDERWEIGHT_RE.search(text)) and not _OVERWEIGHT_RE.search(text)


def names_weight_change(outcome: str) -> bool:
    """The outcome is a weight measure or a change of one, read from its head (before its first post-modifier)."""
    return bool(_HEAD_RE.search(outcome_head(outcome)) or _CHANGE_OF_RE.search(outcome.strip()))


def contextual_valence(valence: int, outcome: str, context: str) -> int:
    """``valence`` of ``outcome`` turned over when it is about weight and ``context`` (the claim's sentence and the
    record's title) is about a low-weight condition."""
    if valence and names_weight_change(outcome) and low_weight_context(context):
        return -valence
    return valence
