"""Design label ids, in codebook order, and helpers that do not need the codebook loaded."""

from __future__ import annotations

DESIGNS: tuple[str, ...] = (
    "rct", "quasi_experimental", "cohort", "case_control", "cross_sectional", "qualitative",
    "mixed_methods", "systematic_review", "meta_analysis", "narrative_review", "case_study",
    "non_empirical", "unclear",
)

#: Designs that summarise other studies; in their sentences, cues of primary designs describe
#: the included studies, not the record's own design.
REVIEW_DESIGNS = frozenset({"systematic_review", "meta_analysis", "narrative_review"})


def codebook_designs() -> tuple[str, ...]:
    """Design ids from the codebook when it is importable, else :data:`DESIGNS`."""
    try:
        from ..codebook import load_codebook

        ids = tuple(label.id for label in load_codebook().designs)
        return ids or DESIGNS
    except Exception:  # codebook not available: fall back to the built-in list
        return DESIGNS
