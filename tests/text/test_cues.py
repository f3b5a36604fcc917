import spacy

from socialrecovery_nlp.corpus import Record
from socialrecovery_nlp.pipeline.analyze import analyze_docs
from socialrecovery_nlp.pipeline.language import load


def _matches(text):
    nlp = load(["cues"])
    return nlp(text)._.matches


def test_marks_theme_process_and_design_cues_with_exact_offsets():
    # Sentence from the review (Tew et al. 2011), the user's own material.
    text = ("In a qualitative study, Mancini (2007) found that at the heart of the recovery process "
            "was the transformation from an illness-dominated identity to an identity of agency.")
    matches = _matches(text)
    found = {(m["kind"], m["label"], m["text"]) for m in matches}
    assert ("design", "qualitative", "qualitative") in found
    assert ("theme", "social_identities", "identity of agency") in found
    assert ("process", "identity", "identity") in found
    for m in matches:
        assert text[m["start"]:m["end"]] == m["text"]


def test_case_insensitive_and_multiword():
    matches = _matches("INDIVIDUAL BUDGETS and Peer Support Workers were offered.")
    labels = {m["label"] for m in matches}
    assert {"self_directed_support", "peer_organised_services"} <= labels


def test_no_cues_no_matches():
    assert _matches("Hair cortisol concentrations were measured in 40 adults.") == []


def test_component_reports_codebook_version_and_works_on_records():
    nlp = load(["cues"])
    record = Record(id="r1", title="Stigma resistance", abstract="Internalised stigma acts as a barrier to recovery.")
    (doc,) = list(analyze_docs([record], nlp))
    assert doc._.models == {"cues": "codebook@1.0.0"}
    assert doc._.record is record
    assert any(m["label"] == "mental_illness_stigma" and m["start"] >= len("Stigma resistance\n\n")
               for m in doc._.matches)


def test_pipeline_is_a_real_spacy_language():
    nlp = load(["cues"])
    assert isinstance(nlp, spacy.Language)
    assert nlp.pipe_names == ["sentencizer", "paragraphs", "cues"]
