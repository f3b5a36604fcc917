"""The abstract annotation files and the held-out unseen-abstracts evaluation."""

from __future__ import annotations

from socialrecovery_nlp.claims import data as claim_data


def _records(rows):
    return {(r["provenance"]["dataset"], r["provenance"]["record_id"]) for r in rows}


def test_test_abstracts_are_held_out_and_disjoint_from_training():
    train, test = claim_data.abstract_rows("train"), claim_data.abstract_rows("test")
    random_test = claim_data.abstract_rows("test", [claim_data.RANDOM_TEST_ABSTRACTS])
    review_test = claim_data.abstract_rows("test", [claim_data.REVIEW_STYLE_TEST_ABSTRACTS])
    assert len(_records(random_test)) == 60 and len(random_test) > 250
    assert len(_records(review_test)) == 37 and len(review_test) > 300
    assert len(test) == len(random_test) + len(review_test)
    assert not _records(train) & _records(test) and not _records(random_test) & _records(review_test)
    assert all(r["provenance"]["annotator"] == "agent:claims-8" for r in random_test)
    assert {r["provenance"]["annotator"] for r in review_test} == {"agent:claims-22", "agent:claims-23"}
    # training uses v1 (88 abstracts), v2, v4 to v8, v19 and v20 (60 abstracts each), v9 and v11 to v18 (37
    # review-style abstracts each), v21 and v22 (37 each)
    assert len(_records(train)) == 975


def test_training_config_never_reads_the_test_abstracts():
    from socialrecovery_nlp.claims.train import load_config, training_examples
    from socialrecovery_nlp.paths import SOURCE_ROOT

    config_path = SOURCE_ROOT / "training" / "claims.toml"
    examples, _, _ = training_examples(load_config(config_path, {}), config_path)
    test_groups = {f"abs:{d}:{i}" for d, i in _records(claim_data.abstract_rows("test"))}
    train_groups = {e["group"] for e in examples if e["origin"] == "abstracts"}
    assert len(train_groups) == 975 and not train_groups & test_groups


def test_held_out_blocks_render_pooled_results():
    from socialrecovery_nlp.claims.report import held_out_blocks

    prf = {"precision": 0.5, "recall": 0.5, "f1": 0.5, "n_pred": 2, "n_gold": 2}
    pooled = {"detection": prf, "factor": {"token": prf, "exact": prf}, "outcome": {"token": prf, "exact": prf},
              "n_sentences": 4, "n_gold_claims": 2, "direction_accuracy": 0.5}
    unseen = {"n_sentences": 4, "n_abstracts": 1, "end_to_end": pooled, "oracle": pooled}
    text = "\n".join(held_out_blocks({"unseen_abstracts": unseen}))
    assert "## Unseen abstracts (held-out test)" in text and "| claim sentence detection | 0.500 |" in text
    assert "review-style" not in text and held_out_blocks({}) == []
    for key, title in (("unseen_review_style", "## Unseen review-style abstracts (held-out test)"),
                       ("unseen_titles", "## Unseen titles (held-out test)"),
                       ("unseen_findings", "## Unseen science findings on social life and mental health (held-out test)")):
        text = "\n".join(held_out_blocks({key: unseen}))
        assert title in text and "| claim sentence detection | 0.500 |" in text
    assert "4 title units of 1 screening records" in "\n".join(held_out_blocks({"unseen_titles": unseen}))
    assert "4 single-sentence findings" in "\n".join(held_out_blocks({"unseen_findings": unseen}))
