"""The design ids the component uses are the codebook's."""

from socialrecovery_nlp.design.labels import DESIGNS, codebook_designs
from socialrecovery_nlp.design.patterns import PATTERNS


def test_codebook_and_builtin_design_ids_agree():
    assert tuple(codebook_designs()) == DESIGNS


def test_every_pattern_names_a_known_design():
    assert {label for label, _, _ in PATTERNS} <= set(DESIGNS) - {"unclear"}
