"""Rule-cue features for the classifier: what the rules found, as extra numeric columns.

Per design: counts of ``own`` strong cues, ``own`` weak cues, cues about ``other`` studies,
``negated`` cues and ``own`` cues in the title; plus the rule decision (1 confident, 0.5 not,
a last column for "no own cue"). Values are ``log1p`` counts, multiplied by ``cue_weight``
so that they sit on the scale of the TF-IDF columns. The bag of words cannot tell "we
randomised" from "previous RCTs"; these columns can.
"""

from __future__ import annotations

import numpy as np

from .labels import DESIGNS
from .rules import Cue, decide

PER_LABEL = 5
_INDEX = {label: i for i, label in enumerate(DESIGNS)}
N_FEATURES = len(DESIGNS) * PER_LABEL + len(DESIGNS) + 1


def cue_features(cue_lists: list[list[Cue]], cue_weight: float = 1.0) -> np.ndarray:
    """One row of :data:`N_FEATURES` columns per text's cue list."""
    out = np.zeros((len(cue_lists), N_FEATURES), dtype=np.float32)
    offset = len(DESIGNS) * PER_LABEL
    for row, cues in enumerate(cue_lists):
        v = out[row]
        for c in cues:
            j = _INDEX[c.label] * PER_LABEL
            if c.status == "own":
                v[j + (0 if c.strength == "strong" else 1)] += 1
                v[j + 4] += c.in_title
            else:
                v[j + (2 if c.status == "other" else 3)] += 1
        decision = decide(cues)
        if decision.label in _INDEX:
            v[offset + _INDEX[decision.label]] = 1.0 if decision.confident else 0.5
        else:
            v[offset + len(DESIGNS)] = 1.0
    return np.log1p(out) * np.float32(cue_weight)
