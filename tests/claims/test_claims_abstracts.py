"""0.2.0 additions: abstract annotations, detector features v2, headings, abstract-style rules."""

import numpy as np
import pytest

from socialrecovery_nlp.claims.data import load_abstract_annotations, load_annotations
from socialrecovery_nlp.claims.detector import ClaimDetector, featurize_v2
from socialrecovery_nlp.claims.extract import heading_length
from socialrecovery_nlp.codebook import load_codebook

from .conftest import claims_of


def test_abstract_annotations_are_consistent():
    rows = load_abstract_annotations()  # raises if an offset does not slice its abstract
    codebook = load_codebook()
    directions, strengths = set(codebook.ids("directions")), set(codebook.ids("strengths"))
    assert len(rows) >= 400 and {r["split"] for r in rows} == {"train"}
    assert len({(r["provenance"]["dataset"], r["provenance"]["record_id"]) for r in rows}) >= 80
    assert 0.2 < sum(r["is_claim"] for r in rows) / len(rows) < 0.6
    for row in rows:
        assert row["provenance"]["annotator"] == "agent:claims-2"
        assert row["is_claim"] == bool(row["claims"]) == (row["kind"] == "claim")
        for claim in row["claims"]:
            assert claim["direction"] in directions and claim["strength"] in strengths
            assert row["start"] <= claim["factor"]["start"] < claim["factor"]["end"] <= row["end"]
            assert claim["hedged"] == bool(claim["hedge_cue"]) and claim["negated"] == bool(claim["negation_cue"])
    seed_test = {r["text"] for r in load_annotations() if r["split"] == "test"}
    assert not seed_test & {r["text"] for r in rows}


@pytest.mark.parametrize("text,heading", [
    ("CONCLUSIONS: Peer support reduced relapse.", "CONCLUSIONS: "),
    ("Conclusion  This study found no effect.", "Conclusion  "),
    ("Abstract Context Stress may lead to weight gain.", "Abstract Context "),
    ("Results indicate that peer support helps.", ""),
    ("In the UK, a leading example is a network.", ""),
])
def test_heading_length(text, heading):
    assert text[:heading_length(text)] == heading


def test_detector_v2_markers_and_reload(tmp_path):
    marked = featurize_v2("RESULTS: Relapse was lower with peer support (OR 0.5, 95% CI 0.3-0.8, p < 0.01).")
    assert "zzheadres" in marked and "zzstats" in marked and "zznumbers" in marked
    texts = ["Peer support reduced relapse (p < 0.01).", "Papers were searched in twelve databases.",
             "CONCLUSIONS: Housing improved recovery.", "BACKGROUND: Little is known about housing."]
    detector = ClaimDetector(C=50.0, features="v2").fit(texts, [1, 0, 1, 0])
    assert detector.name.endswith(".v2")
    detector.save(tmp_path)
    again = ClaimDetector.load(tmp_path)
    assert again.features == "v2"
    np.testing.assert_allclose(again.predict_proba(texts), detector.predict_proba(texts))
    with pytest.raises(ValueError):
        ClaimDetector(features="v9")


# Illustrative sentences written for these tests (not data).
def test_group_comparison_with_object_comparative(rules_extractor, blank_nlp):
    claims = claims_of(rules_extractor, blank_nlp, "Patients with stable housing had better social functioning.")
    assert claims and claims[0]["factor"]["text"] == "Patients with stable housing"
    assert claims[0]["outcome"]["text"] == "social functioning" and claims[0]["direction"] == "promotes"


def test_association_between_a_and_b(rules_extractor, blank_nlp):
    claims = claims_of(rules_extractor, blank_nlp,
                       "A significant inverse correlation was found between loneliness and self-esteem.")
    assert claims and claims[0]["factor"]["text"] == "loneliness"
    assert claims[0]["outcome"]["text"] == "self-esteem" and claims[0]["direction"] == "hinders"


def test_comparator_is_not_the_outcome(rules_extractor, blank_nlp):
    claims = claims_of(rules_extractor, blank_nlp, "Peer support was more effective than usual care in reducing relapse.")
    assert claims and "usual care" not in claims[0]["outcome"]["text"]


def test_span_tagger_option_trains_saves_and_loads(tmp_path, blank_nlp):
    import json

    from socialrecovery_nlp.claims.model import load_extractor
    from socialrecovery_nlp.claims.train import train_from_config
    from socialrecovery_nlp.paths import SOURCE_ROOT

    out = train_from_config(SOURCE_ROOT / "training" / "claims.toml",
                            {"output.models_root": str(tmp_path), "detector.threshold": 0.45, "detector.confident": 0.55,
                             "evaluate.on_train": False, "spans.model": "tagger", "minilm.enabled": False,
                             "row_confidence.enabled": False})
    meta = json.loads((out / "meta.json").read_text())
    assert meta["spans"]["model"] == "tagger" and (out / "spans.skops").is_file()
    assert meta["training"]["n_abstracts"] >= 400
    extractor, _ = load_extractor(out)
    assert extractor.span_model is not None
    claims = claims_of(extractor, blank_nlp, "Peer support reduced relapse among service users.")
    assert claims and claims[0]["factor"]["text"]


def test_second_pass_files_load_with_their_offsets_checked():
    # files outside annotations/ (second passes, copies) find the screening abstracts under the checkout's data/
    from socialrecovery_nlp.claims.data import load_abstract_annotations
    from socialrecovery_nlp.paths import SOURCE_ROOT

    rows = load_abstract_annotations(SOURCE_ROOT / "annotations" / "second_pass" / "claims_abstracts_v9.jsonl")
    assert len(rows) == 94 and sum(r["is_claim"] for r in rows) == 24
