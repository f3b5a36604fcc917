"""Rule-cue feature columns, the cue-aware classifier, masked weak examples, sentence ids.

All sentences here are illustrative (written for the tests), not data.
"""

import numpy as np
import pytest
import spacy

from socialrecovery_nlp.design.features import N_FEATURES, PER_LABEL, cue_features
from socialrecovery_nlp.design.labels import DESIGNS
from socialrecovery_nlp.design.model import DesignClassifier
from socialrecovery_nlp.design.rules import DesignRules, rule_cues_for_text
from socialrecovery_nlp.design.train import confusion_pairs
from socialrecovery_nlp.design.weak import MASK_TOKEN, WeakExample, training_texts

from .conftest import TINY

RCT = DESIGNS.index("rct") * PER_LABEL
DECISION = len(DESIGNS) * PER_LABEL


def test_own_and_reported_cues_go_to_different_columns():
    own = cue_features([rule_cues_for_text("Patients were randomly assigned to two groups.")])[0]
    other = cue_features([rule_cues_for_text("Previous RCTs have shown that peer support helps.")])[0]
    assert own.shape == (N_FEATURES,)
    assert own[RCT] > 0 and own[RCT + 2] == 0          # own strong cue
    assert other[RCT] == 0 and other[RCT + 2] > 0      # cue about other studies
    assert own[DECISION + DESIGNS.index("rct")] > 0    # confident rule decision
    assert other[DECISION + len(DESIGNS)] > 0          # "no own cue" column
    np.testing.assert_allclose(cue_features([[]], 0.5)[0, DECISION + len(DESIGNS)], 0.5 * np.log(2), rtol=1e-6)


def test_cue_classifier_needs_cues_and_round_trips(tmp_path):
    texts = [t for t, _ in TINY]
    labels = [lab for _, lab in TINY]
    cues = [rule_cues_for_text(t) for t in texts]
    clf = DesignClassifier(min_df=1, C=10.0, cue_weight=0.5).fit(texts, labels, cues=cues)
    with pytest.raises(ValueError):
        clf.decision(texts)
    clf.save(tmp_path / "m")
    again = DesignClassifier.load(tmp_path / "m")
    assert again.uses_cues
    np.testing.assert_allclose(clf.predict_proba(texts, cues), again.predict_proba(texts, cues), rtol=1e-6)
    assert [again.labels_[i] for i in again.predict_proba(texts, cues).argmax(1)] == labels


def test_masked_weak_examples_have_no_cues():
    text = "Patients were randomly assigned to two groups."
    ex = WeakExample("x:1", text, "rct", rule_cues_for_text(text))
    texts, labels, uids, cues = training_texts([ex], mask_fraction=1.0, max_per_label=5)
    assert MASK_TOKEN in texts[0] and cues == [[]] and labels == ["rct"] and uids == ["x:1"]
    texts, _, _, cues = training_texts([ex], mask_fraction=0.0, max_per_label=5)
    assert texts == [text] and cues == [ex.cues]


@pytest.mark.parametrize("with_sentencizer", [False, True])
def test_sentence_ids_break_at_sentences_and_blank_lines(with_sentencizer):
    nlp = spacy.blank("en")
    if with_sentencizer:
        nlp.add_pipe("sentencizer")
    doc = nlp("A title\n\nWe did it. Then more")
    ids = DesignRules._sentence_ids(doc).tolist()
    words = [t.text for t in doc]
    assert ids[words.index("A")] == ids[words.index("title")]
    assert ids[words.index("We")] > ids[words.index("title")]
    assert ids[words.index("Then")] == ids[words.index("We")] + 1


def test_confusion_pairs_counts_errors_only():
    gold = ["rct", "rct", "cohort", "cohort", "qualitative"]
    pred = ["rct", "quasi_experimental", "cross_sectional", "cross_sectional", "qualitative"]
    assert confusion_pairs(gold, pred) == [["cohort", "cross_sectional", 2], ["rct", "quasi_experimental", 1]]


def test_keyword_counts_find_design_phrases():
    from socialrecovery_nlp.design.features import KEYWORD_NAMES, keyword_counts

    text = ("Patients with psychosis and 20 healthy controls were followed up for 2 years (p < 0.05). "
            "Odds ratios were computed. Rats were injected with vehicle. We searched MEDLINE.")
    found = {n for n, v in zip(KEYWORD_NAMES, keyword_counts(text)) if v}
    assert {"followup", "controls", "odds", "animal", "administered", "search", "stats"} <= found
    assert "case_report" not in found and keyword_counts("").sum() == 0


def test_fast_tfidf_equals_sklearn_and_keyword_model_round_trips(tmp_path):
    texts = [t for t, _ in TINY]
    labels = [lab for _, lab in TINY]
    clf = DesignClassifier(min_df=1, C=10.0, keyword_weight=0.3).fit(texts, labels)
    probe = texts + ["", "Unseen words only", "randomly assigned randomly assigned to usual care."]
    sk = clf.pipeline.named_steps["tfidf"].transform(probe)
    fast = clf.tfidf_transform(probe)
    assert abs(sk - fast).max() < 1e-6 and (sk != 0).nnz == (fast != 0).nnz
    clf.save(tmp_path)
    again = DesignClassifier.load(tmp_path)
    assert again.params["keyword_weight"] == 0.3
    np.testing.assert_allclose(again.predict_proba(probe), clf.predict_proba(probe), rtol=1e-6)
    assert "keyword_weight" not in DesignClassifier(min_df=1).params  # older model files unchanged
