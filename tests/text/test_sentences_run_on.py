"""Run-on full stops end sentences (text/sentences.py, review-18 and review-19)."""

import pytest

from socialrecovery_nlp.text.sentences import RUN_ON_STOPS, add_abbreviations


@pytest.fixture(scope="module")
def blank_nlp():
    from socialrecovery_nlp.pipeline.language import load

    return load(components=[])


def test_run_on_infixes_are_added_once_and_keep_the_tokenizer_infixes(blank_nlp):
    pattern = blank_nlp.tokenizer.infix_finditer.__self__.pattern
    assert all(p in pattern for p in RUN_ON_STOPS)
    add_abbreviations(blank_nlp)  # idempotent
    again = blank_nlp.tokenizer.infix_finditer.__self__.pattern
    assert again == pattern
    assert [t.text for t in blank_nlp("well-being scale.The")] == ["well", "-", "being", "scale", ".", "The"]
