"""Review fixes of the rules v9 round (bench/claims_rules_v9.md, section "Review fixes").

Every sentence below is **constructed** (written for these tests, not taken from any annotation file). Each test
asserts exact factor / outcome spans of the construction a fix reads, and negative tests assert that the same
words in a neighbouring use keep (or give no) relation. Lists whose lead-in is four words or fewer before the colon
("Barriers to care were:") are read by the extractor's heading rule (``extract.heading_length``, not owned by the
rules) as a section heading, so those are tested on the parse with :func:`extract_relations` directly.
"""

import pytest

from socialrecovery_nlp.claims.spans import extract_relations

from .conftest import claims_of
from .conftest import pairs as _pairs


def _spans(extractor, nlp, text):
    return [(f, o if o != "recovery" else "") for f, o in _pairs(claims_of(extractor, nlp, text))]


def _directions(extractor, nlp, text):
    return [c["direction"] for c in claims_of(extractor, nlp, text)]


@pytest.fixture(scope="module")
def parser(rules_extractor):
    return rules_extractor.parser


def _relations(parser, text):
    doc = parser(text)
    return [(doc[r.factor[0]:r.factor[1]].text if r.factor else None,
             doc[r.outcome[0]:r.outcome[1]].text if r.outcome else None, r.kind) for r in extract_relations(doc)]


# A. a ranked class noun keeps its own relation
def test_ranked_relation_noun_keeps_its_relation(rules_extractor, blank_nlp):
    text = "Stigma is one of the most important barriers to help-seeking."
    assert _spans(rules_extractor, blank_nlp, text) == [("Stigma", "help-seeking")]
    assert _directions(rules_extractor, blank_nlp, text) == ["hinders"]
    text = "Clozapine is among the most effective treatments for resistant schizophrenia."
    assert _spans(rules_extractor, blank_nlp, text) == [("Clozapine", "resistant schizophrenia")]
    assert _directions(rules_extractor, blank_nlp, text) == ["promotes"]
    # negative: a class noun with nothing of its own keeps the implicit outcome
    assert _spans(rules_extractor, blank_nlp, "Home visits are among the most effective services.") == \
        [("Home visits", "")]
    assert _spans(rules_extractor, blank_nlp, "Peer support is among the most helpful resources for carers.") == \
        [("Peer support", "")]  # who the resource is for, not an outcome


def test_barrier_to_bare_noun_read_as_infinitive(rules_extractor, blank_nlp):
    assert _spans(rules_extractor, blank_nlp, "Stigma is a major barrier to help-seeking.") == [("Stigma", "help-seeking")]
    # negative: a real infinitive with an object is no outcome of "barrier"
    got = _spans(rules_extractor, blank_nlp, "Stigma is a barrier to overcome in our services.")
    assert all(o != "overcome" for _, o in got), got


# B. enumerated lists: markers never belong to a span, every item its own claim
@pytest.mark.parametrize("text,expected", [
    ("The main enabling factors were: (a) leadership; (b) funding.", [("leadership", ""), ("funding", "")]),
    ("The influences on recovery were: (a) family; (b) friends.", [("family", ""), ("friends", "")]),
    ("The main protective factors were: a) family support, b) school connectedness.",
     [("family support", ""), ("school connectedness", "")]),
    ("The main barriers to care were: cost; distance; and waiting times.",
     [("cost", "care"), ("distance", "care"), ("waiting times", "care")]),
])
def test_enumerated_items_without_markers(rules_extractor, blank_nlp, text, expected):
    assert _spans(rules_extractor, blank_nlp, text) == expected


def test_enumerated_directions(rules_extractor, blank_nlp):
    assert _directions(rules_extractor, blank_nlp, "The main barriers to care were: cost; distance; and waiting times.") \
        == ["hinders", "hinders", "hinders"]


@pytest.mark.parametrize("text,expected", [
    ("Predictors included: (a) age, (b) gender.", [("age", None), ("gender", None)]),
    ("The enabling factors were: (a) leadership; (b) funding.", [("leadership", None), ("funding", None)]),
    ("Protective factors were: a) family support, b) school connectedness.",
     [("family support", None), ("school connectedness", None)]),
    ("Barriers to care were: cost; distance; and waiting times.",
     [("cost", "care"), ("distance", "care"), ("waiting times", "care")]),
    ("Barriers to care were: 1. cost; 2. distance.", [("cost", "care"), ("distance", "care")]),
])
def test_enumerated_items_on_the_parse(parser, text, expected):
    assert [(f, o) for f, o, _ in _relations(parser, text)] == expected


def test_semicolon_clauses_stay_one_item(rules_extractor, blank_nlp):
    """Negative: clauses after a semicolon are no list items."""
    got = _spans(rules_extractor, blank_nlp, "Stigma reduces help-seeking; it also delays treatment.")
    assert ("Stigma", "help-seeking") in got and all(";" not in f for f, _ in got), got


# C. a list of study elements is a description
def test_topic_list_of_study_elements(parser):
    assert _relations(parser, "Secondary outcomes were related to: (a) quality of life; (b) costs.") == []
    assert _relations(parser, "The themes identified were related to: (a) identity; (b) belonging.") == []
    # negative: a list of what an outcome depends on stays a factor list
    got = _relations(parser, "Successful implementation was related to: (a) strong leadership; (b) dedicated funding.")
    assert [(f, o) for f, o, _ in got] == [("strong leadership", "Successful implementation"),
                                           ("dedicated funding", "Successful implementation")]


# D. coordinated outcomes with their own amount words
def test_coordinated_outcomes_with_own_amounts(rules_extractor, blank_nlp):
    text = "Exercise results in higher self-esteem and lower anxiety."
    assert _spans(rules_extractor, blank_nlp, text) == [("Exercise", "self-esteem"), ("Exercise", "anxiety")]
    assert _directions(rules_extractor, blank_nlp, text) == ["promotes", "promotes"]
    text = "Debt leads to increased distress and reduced self-esteem."
    assert _spans(rules_extractor, blank_nlp, text) == [("Debt", "distress"), ("Debt", "self-esteem")]
    assert _directions(rules_extractor, blank_nlp, text) == ["hinders", "hinders"]
    # negative: one amount word over a coordination stays one outcome
    assert _spans(rules_extractor, blank_nlp, "Smoking leads to increased morbidity and mortality.") == \
        [("Smoking", "morbidity and mortality")]


# E. "[barrier] was related to [X]": X is the factor
def test_barrier_related_to_source(rules_extractor, blank_nlp):
    text = "The main obstacle was related to funding."
    assert _spans(rules_extractor, blank_nlp, text) == [("funding", "")]
    assert _directions(rules_extractor, blank_nlp, text) == ["hinders"]
    assert _spans(rules_extractor, blank_nlp, "The main barrier to treatment was related to cost.") == \
        [("cost", "treatment")]
    # negative: a subject that is no barrier keeps the association
    assert _spans(rules_extractor, blank_nlp, "Stigma was related to poorer outcomes.") == [("Stigma", "poorer outcomes")]


# F. the study's own process is no factor or outcome
@pytest.mark.parametrize("text", [
    "Attrition was problematic in both arms.",
    "Recruitment was problematic.",
    "Missing data were problematic.",
    "The definition of recovery was problematic.",
    "The response rate was problematic.",
    "Recruitment was difficult because of the COVID-19 pandemic.",
    "Recruitment was complicated by the COVID-19 pandemic.",
    "The generalisability of the findings is limited by the small sample.",
    "Our conclusions are limited by the cross-sectional design.",
    "The interpretation of these results is limited by missing data.",
])
def test_study_process_statements(rules_extractor, blank_nlp, text):
    assert _spans(rules_extractor, blank_nlp, text) == []


@pytest.mark.parametrize("text,expected", [
    ("Incomplete handover was problematic in most wards.", [("Incomplete handover", "")]),
    ("Discharge planning was complicated by staff shortages.", [("staff shortages", "Discharge planning")]),
    ("Quality of life was limited by chronic pain.", [("chronic pain", "Quality of life")]),
    ("Treatment response was limited by poor adherence.", [("poor adherence", "Treatment response")]),
])
def test_study_process_stop_list_keeps_claims(rules_extractor, blank_nlp, text, expected):
    assert _spans(rules_extractor, blank_nlp, text) == expected


# G. "fail to" denies only the relation word it governs
def test_fail_to_negates_only_its_own_relation(rules_extractor, blank_nlp):
    text = "Many patients fail to attend follow-up, which increases relapse."
    claims = claims_of(rules_extractor, blank_nlp, text)
    assert [(c["direction"], c["negated"]) for c in claims] == [("hinders", False)], _pairs(claims)
    for text, pair in (("Supported housing fails to improve employment.", ("Supported housing", "employment")),
                       ("Group therapy failed to significantly reduce symptoms.", ("Group therapy", "symptoms"))):
        claims = claims_of(rules_extractor, blank_nlp, text)
        assert _pairs(claims) == [pair]
        assert [(c["direction"], c["negated"]) for c in claims] == [("no_effect", True)]


def test_fail_to_governs_only_its_own_verb(parser):
    from socialrecovery_nlp.claims.fail_to import fail_cue_governs

    def governs(text):
        doc = parser(text)
        return [fail_cue_governs(doc[r.trigger.head]) for r in extract_relations(doc)]

    assert governs("Bicuculline failed to attenuate the memory deficits.") == [True]
    assert governs("Many patients fail to attend follow-up, which increases relapse.") == [False]


# H. aims
@pytest.mark.parametrize("text", [
    "The programme focused on enhancing communication skills.",
    "The intervention aimed at reducing loneliness.",
    "The trial was designed to improve adherence.",
    "The service sought to enhance social inclusion.",
])
def test_aims_are_no_claims(rules_extractor, blank_nlp, text):
    assert _spans(rules_extractor, blank_nlp, text) == []


def test_aim_words_outside_aims(rules_extractor, blank_nlp):
    """Negative: an aim word in a by-phrase or beside an asserted verb leaves the relation asserted."""
    assert _spans(rules_extractor, blank_nlp, "The programme enhanced communication skills by focusing on role play.") \
        == [("The programme", "communication skills")]
    assert _spans(rules_extractor, blank_nlp, "The team focused on families and improved their housing.") == \
        [("The team", "their housing")]


# I. a comma-set "which" clause with its own relation
def test_nonrestrictive_relative_clause_is_cut(rules_extractor, blank_nlp):
    assert _spans(rules_extractor, blank_nlp, "Caseloads were reduced by budget cuts, which increased waiting times.") \
        == [("budget cuts", "Caseloads"), ("budget cuts", "waiting times")]
    got = _spans(rules_extractor, blank_nlp, "Stigma reduced contact with services, which increased isolation.")
    assert got[0] == ("Stigma", "contact with services"), got
    assert all("which" not in f and "which" not in o for f, o in got), got
    # negative: a comma-set clause without a relation of its own stays (the guideline keeps restrictive ones)
    assert _spans(rules_extractor, blank_nlp, "Peer support, which is widely available, improves self-esteem.") == \
        [("Peer support, which is widely available", "self-esteem")]


# J. open questions
@pytest.mark.parametrize("text", [
    "Little is known about how stigma affects help-seeking.",
    "It is unclear how stigma affects help-seeking.",
])
def test_open_questions_are_no_claims(rules_extractor, blank_nlp, text):
    assert _spans(rules_extractor, blank_nlp, text) == []


def test_asserted_how_clause_and_plain_claim(rules_extractor, blank_nlp):
    """Negative: the same relation asserted stays a claim."""
    assert _spans(rules_extractor, blank_nlp, "Stigma affects help-seeking.") == [("Stigma", "help-seeking")]
