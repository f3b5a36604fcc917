"""Weight outcomes where low weight is the problem.

Everywhere else gaining weight is a harm and losing it a benefit (:mod:`.valence`: "weight gain" is bad, as with
antipsychotics). In a record about anorexia nervosa, malnutrition or cachexia it is the other way round: weight
gain is recovery and weight loss is harm. A record that names such a condition anywhere (title, abstract, the
sentence itself) turns the valence of a weight change over.
"""

from __future__ import annotations

import re

#: Conditions in which low weight is the problem.
UNDERWEIGHT_RE = re.compile(
    r"(?<![a-z])(?:anorexi(?:a|c)|underweight|under-weight|malnutrition|malnourish(?:ed|ment)|undernutrition|"
    r"undernourish(?:ed|ment)|cachexi(?:a|c)|cachectic|emaciat(?:ed|ion)|failure to thrive|low body weight|"
    r"avoidant[/ -]restrictive food intake|arfid)(?![a-z])", re.IGNORECASE)
#: The head of an outcome that is a change of weight ("[greater] weight gain", "body weight loss", "BMI gain").
WEIGHT_CHANGE_RE = re.compile(
    r"(?<![a-z])(?:weight|body mass|bmi)[- ](?:gain|gains|loss|losses|increase|increases|decrease|decreases)$",
    re.IGNORECASE)
_POST = re.compile(r"\s(?:in|among|of|for|at|during|after|with|from|over|compared|than|between|by)\s|[,;(]", re.IGNORECASE)


def low_weight_context(text: str) -> bool:
    """The text names a condition in which low weight is the problem."""
    return bool(UNDERWEIGHT_RE.search(text))


def names_weight_change(outcome: str) -> bool:
    """The outcome's head (before its first post-modifier) is a change of weight."""
    return bool(WEIGHT_CHANGE_RE.search(_POST.split(outcome.strip(), 1)[0].strip()))


def contextual_valence(valence: int, outcome: str, record_text: str) -> int:
    """``valence`` of ``outcome`` turned over when it is a change of weight in a low-weight context."""
    if valence and names_weight_change(outcome) and low_weight_context(record_text):
        return -valence
    return valence
