"""Which side of a symmetric association is the factor (added for issue #5, agent:claims-6).

"A was correlated with B" and "an association between A and B" do not say which side is the
exposure; the extractor reads A as the factor (guideline, Abstracts: "factor A, outcome B, unless
the sentence makes B the exposure"). Some words settle it whatever the word order:

* a person's fixed characteristics (age, sex, education, socioeconomic status, ...) are exposures,
  never outcomes: "hair cortisol was correlated with [maternal education level]";
* a phrase headed by "factor(s) / determinants" names the exposure ("recovery rates correlate with
  [socio-economic factors]"), one headed by "outcome(s)" the outcome ("[better outcome] was
  associated with greater guideline adherence").
"""

from __future__ import annotations

from spacy.tokens import Doc

#: Symmetric relation words: the order of A and B does not fix the direction.
SYMMETRIC = frozenset(["associated", "association", "associations", "correlated", "correlate", "correlates",
                       "correlation", "correlations", "related", "relationship", "relationships", "relation",
                       "relations", "linked", "link", "links"])
#: Heads of fixed personal characteristics (and their usual wrappers: "education level").
_CHARACTERISTICS = frozenset(["age", "sex", "gender", "education", "ethnicity", "race", "ses", "socioeconomic",
                              "socio-economic", "income", "height", "genotype"])
_CHARACTERISTIC_WRAPPERS = frozenset(["level", "levels", "status", "background", "group", "groups", "score"])
_EXPOSURE_HEADS = frozenset(["factor", "factors", "determinant", "determinants"])
_OUTCOME_HEADS = frozenset(["outcome", "outcomes"])


def _role(doc: Doc, rng: tuple[int, int]) -> int:
    """+1 when the phrase names an exposure, -1 when it names an outcome, else 0."""
    span = doc[rng[0]:rng[1]]
    root = span.root
    head = root.lower_
    if head in _EXPOSURE_HEADS:
        return 1
    if head in _OUTCOME_HEADS:
        return -1
    words = [t.lower_ for t in span if not t.is_punct and t.dep_ not in ("det", "cc")]
    if head in _CHARACTERISTICS or (head in _CHARACTERISTIC_WRAPPERS and any(w in _CHARACTERISTICS for w in words)):
        return 1
    return 0


def swap_sides(doc: Doc, trigger_words: str, factor: tuple[int, int] | None,
               outcome: tuple[int, int] | None) -> bool:
    """True when a symmetric relation's outcome side names the exposure (or its factor side the
    outcome) and the other side does not."""
    if factor is None or outcome is None or not set(trigger_words.lower().split()) & SYMMETRIC:
        return False
    f, o = _role(doc, factor), _role(doc, outcome)
    return o > f
