"""Relations rebuilt around tagged factor/outcome spans (claims/tagged_relations.py)."""

from socialrecovery_nlp.claims import lexicon as lx
from socialrecovery_nlp.claims.spans import Relation, Trigger
from socialrecovery_nlp.claims.tagged_relations import tagged_relations


def trig(start, end=None, kind=lx.ASSOCIATE):
    return Trigger(start, end or start + 1, kind, start)


def rel(t, factor, outcome, kind=lx.ASSOCIATE):
    return Relation(t, kind, factor, outcome)


def test_without_tagged_spans_the_rule_relations_come_back():
    rules = [rel(trig(3), (0, 3), (4, 6))]
    assert tagged_relations(rules, [], [], []) is rules


def test_overlapping_tagged_span_replaces_the_rule_span():
    # "Peer support groups were associated with lower loneliness": rule factor "groups" (2, 3)
    out = tagged_relations([rel(trig(4, 6), (2, 3), (7, 8))], [(0, 3)], [(6, 8)], [])
    assert [(r.factor, r.outcome) for r in out] == [((0, 3), (6, 8))]


def test_rule_span_kept_for_a_role_the_tagger_left_empty():
    out = tagged_relations([rel(trig(4), (0, 3), (5, 8))], [(1, 3)], [], [])
    assert out[0].factor == (1, 3) and out[0].outcome == (5, 8)


def test_non_overlapping_span_on_the_rule_side_is_preferred():
    # rule factor left of the trigger at 5; the tagger has one span left (0, 2) and one right (6, 7)
    out = tagged_relations([rel(trig(5), (3, 4), None)], [(6, 7), (0, 2)], [], [])
    assert out[0].factor == (0, 2)


def test_span_over_the_trigger_is_never_taken():
    out = tagged_relations([rel(trig(3), (0, 2), (4, 6))], [(2, 5)], [], [])
    assert out[0].factor == (0, 2)


def test_factor_and_outcome_never_overlap():
    out = tagged_relations([rel(trig(3), (0, 2), (4, 6))], [(4, 6)], [(4, 7)], [])
    assert (out[0].factor, out[0].outcome) == ((0, 2), (4, 6))


def test_a_tagged_factor_no_relation_took_joins_the_nearest_relation():
    # "X improved A, and Y reduced B" with one rule relation found (trigger 1)
    first = rel(trig(1, kind=lx.BENEFIT), (0, 1), (2, 3), kind=lx.BENEFIT)
    out = tagged_relations([first], [(0, 1), (5, 6)], [(2, 3)], [])
    assert len(out) == 2
    assert out[1].factor == (5, 6) and out[1].outcome == (2, 3) and out[1].kind == lx.BENEFIT


def test_the_beneficiary_before_benefit_from_takes_no_role():
    # "SMGs and their families would benefit from intervention programs to reduce disparities":
    # rule relation benefit(5) with factor (7, 9) and an implicit outcome; the tagger also marks "families" (3, 4)
    # as a factor and "Families" before the trigger as an outcome (0, 1)
    rules = [rel(trig(5, kind=lx.BENEFIT), (7, 9), None, kind=lx.BENEFIT)]
    out = tagged_relations(rules, [(3, 4), (7, 9)], [(0, 1), (11, 12)], [], benefit_from=frozenset({5}))
    assert [(r.factor, r.outcome) for r in out] == [((7, 9), (11, 12))]
    # the same spans around another positive verb ("families improved ..."): the span before it is a factor
    out = tagged_relations(rules, [(3, 4), (7, 9)], [], [])
    assert sorted(r.factor for r in out) == [(3, 4), (7, 9)]


def test_without_rule_relations_spans_are_paired_around_a_lexicon_trigger():
    triggers = [trig(4, 6), trig(10)]
    out = tagged_relations([], [(0, 3)], [(6, 9)], triggers)
    assert len(out) == 1
    assert (out[0].trigger.start, out[0].factor, out[0].outcome) == (4, (0, 3), (6, 9))


def test_without_relations_or_triggers_nothing_is_built():
    assert tagged_relations([], [(0, 3)], [(6, 9)], []) == []


def test_an_outcome_alone_gets_a_relation_without_factor():
    out = tagged_relations([], [], [(6, 9)], [trig(4)])
    assert [(r.factor, r.outcome) for r in out] == [(None, (6, 9))]


class StubTagger:
    """Tags fixed words as factor / outcome (stands in for the MiniLM tagger; no torch needed)."""

    def __init__(self, factor: str, outcome: str):
        self.factor, self.outcome, self.prepared = factor.split(), outcome.split(), []

    def prepare(self, docs):
        self.prepared.append(len(docs))

    def _range(self, doc, words):
        for i in range(len(doc) - len(words) + 1):
            if [t.text for t in doc[i:i + len(words)]] == words:
                return i, i + len(words)
        return None

    def relations(self, doc, relations, skip):
        from socialrecovery_nlp.claims.spans import find_triggers

        spans = [self._range(doc, self.factor)], [self._range(doc, self.outcome)]
        return tagged_relations(relations, *[[s for s in found if s] for found in spans], find_triggers(doc, skip))


def test_extractor_takes_spans_and_direction_from_a_sentence_tagger(blank_nlp):
    from socialrecovery_nlp.claims.extract import ClaimExtractor

    extractor = ClaimExtractor(None)
    text = "Regular contact with peer workers reduced the risk of relapse among service users."
    extractor.span_model = StubTagger("peer workers", "relapse")
    claims = extractor(blank_nlp(text))
    assert extractor.span_model.prepared == [1]  # one batched call
    assert [(c.factor.text, c.outcome.text, c.direction) for c in claims] == [("peer workers", "relapse", "promotes")]


class FixedDetector:
    """Scores every sentence the same (stands in for the trained detector)."""

    name, threshold, confident = "fixed", 0.3, 0.6

    def __init__(self, p):
        self.p = p

    def predict_proba(self, texts):
        import numpy as np

        return np.full(len(texts), self.p)


def test_tagged_spans_do_not_make_an_uncertain_candidate_a_claim(blank_nlp, monkeypatch):
    from socialrecovery_nlp.claims import extract
    from socialrecovery_nlp.claims.extract import ClaimExtractor

    # a sentence in which the rules find no relation (and reject none): stands in for the long tail
    monkeypatch.setattr(extract, "extract_relations", lambda doc, skip=(), rejected=None, nominal=False: [])
    text = "Peer workers reduced relapse in the second year."
    extractor = ClaimExtractor(FixedDetector(0.45))  # above the threshold, below the confident cut-off
    extractor.span_model = StubTagger("Peer workers", "relapse")
    assert claims_of_text(extractor, blank_nlp, text) == []
    extractor.tagger_links = True  # the tagger's spans count as the link
    assert claims_of_text(extractor, blank_nlp, text) == [("Peer workers", "relapse")]
    extractor.tagger_links = False
    extractor.detector = FixedDetector(0.8)  # a confident candidate gets its tagged claim
    assert claims_of_text(extractor, blank_nlp, text) == [("Peer workers", "relapse")]
    extractor.span_model = None  # the rules alone have nothing to say about it
    assert claims_of_text(extractor, blank_nlp, text) == []


def claims_of_text(extractor, nlp, text):
    return [(c.factor.text if c.factor else None, c.outcome.text if c.outcome else None) for c in extractor(nlp(text))]


def test_rule_rejected_group_comparison_stays_rejected(blank_nlp):
    from socialrecovery_nlp.claims.extract import ClaimExtractor

    # constructed (from the reviewer's example): a comparison of unnamed groups is a finding, not a claim
    text = "No difference between groups was found in relapse rates."
    extractor = ClaimExtractor(FixedDetector(0.9))
    extractor.span_model = StubTagger("groups", "relapse rates")
    assert claims_of_text(extractor, blank_nlp, text) == []


def test_cue_windows_are_shared_with_the_relation_a_tagged_span_was_copied_from(blank_nlp):
    from socialrecovery_nlp.claims.extract import ClaimExtractor

    # constructed: the tagger finds a second factor the rules did not relate; both claims keep the hedge
    text = "Peer support and housing may reduce relapse."
    extractor = ClaimExtractor(None)

    class TwoFactors(StubTagger):
        def relations(self, doc, relations, skip):
            f1, f2, o = self._range(doc, ["Peer", "support"]), self._range(doc, ["housing"]), self._range(doc, ["relapse"])
            return tagged_relations(relations, [f1, f2], [o], [])

    extractor.span_model = TwoFactors("x", "y")
    claims = extractor(blank_nlp(text))
    assert len(claims) == 2 and all(c.hedged and c.strength == "conditional_causal" for c in claims)


def test_a_leftover_takes_the_spare_trigger_nearest_it():
    # "Peer support reduced readmission and improved hope": the rules related only "reduced" (1); "improved" (5)
    # is a trigger no relation took, nearer "hope" (6) than "reduced"
    rules = [rel(trig(2, kind=lx.DECREASE), (0, 2), (3, 4), kind=lx.DECREASE)]
    out = tagged_relations(rules, [(0, 2)], [(3, 4), (6, 7)], [trig(2, kind=lx.DECREASE), trig(5, kind=lx.INCREASE)])
    extra = [r for r in out if r.outcome == (6, 7)]
    assert len(extra) == 1 and extra[0].trigger.start == 5 and extra[0].kind == lx.INCREASE
    assert extra[0].factor == (0, 2)


def test_without_leftovers_tagged_spans_only_replace_the_rule_spans():
    # the sentence of the test above: "hope" (6, 7), which no rule relation took, makes no relation of its own
    rules = [rel(trig(2, kind=lx.DECREASE), (0, 1), (3, 4), kind=lx.DECREASE)]
    triggers = [trig(2, kind=lx.DECREASE), trig(5, kind=lx.INCREASE)]
    out = tagged_relations(rules, [(0, 2)], [(3, 4), (6, 7)], triggers, leftovers=False)
    assert [(r.factor, r.outcome) for r in out] == [((0, 2), (3, 4))]
    # without a rule relation the spans are still paired around a lexicon trigger
    out = tagged_relations([], [(0, 3)], [(6, 9)], [trig(4, 6)], leftovers=False)
    assert [(r.factor, r.outcome) for r in out] == [((0, 3), (6, 9))]


def test_a_detached_leftover_gets_no_relation():
    # "X reduced Y versus [usual care]": the comparator is detached from the predicate
    rules = [rel(trig(1, kind=lx.DECREASE), (0, 1), (2, 3), kind=lx.DECREASE)]
    out = tagged_relations(rules, [(0, 1), (4, 6)], [(2, 3)], [], detached=lambda span, trigger: span == (4, 6))
    assert [(r.factor, r.outcome) for r in out] == [((0, 1), (2, 3))]


def test_paired_spans_take_the_predicate_nearest_the_outcome():
    # "[F] reduced [A] and increased [B]", no rule relation: B is read with "increased"
    out = tagged_relations([], [(0, 2)], [(3, 5), (7, 8)], [trig(2, kind=lx.DECREASE), trig(6, kind=lx.INCREASE)])
    by_outcome = {r.outcome: r.kind for r in out}
    assert by_outcome == {(3, 5): lx.DECREASE, (7, 8): lx.INCREASE}


def test_detached_spans_pair_among_themselves_over_a_trigger_between_them():
    # "[Loneliness] predicted [relapse], whereas [peer support] reduced [readmission]": the rules related only
    # "reduced"; the first clause's spans are detached from it and paired over "predicted" (1)
    rules = [rel(trig(7, kind=lx.DECREASE), (5, 7), (8, 9), kind=lx.DECREASE)]
    out = tagged_relations(rules, [(0, 1), (5, 7)], [(2, 3), (8, 9)], [trig(7, kind=lx.DECREASE)],
                           detached=lambda span, trigger: (span[1] <= 4) != (trigger[0] <= 4),
                           between=lambda f, o: [trig(1, kind=lx.ASSOCIATE)])
    assert [(r.factor, r.outcome, r.trigger.start) for r in out] == [((5, 7), (8, 9), 7), ((0, 1), (2, 3), 1)]
