from pathlib import Path

import pytest
import spacy

import socialrecovery_nlp as srnlp
from socialrecovery_nlp.errors import SrnlpError
from socialrecovery_nlp.output import schema_errors

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_public_api_is_lazy_and_complete():
    assert srnlp.__version__
    assert callable(srnlp.load) and callable(srnlp.analyze)
    assert srnlp.Record(id="a", title="t").text == "t"
    with pytest.raises(AttributeError):
        srnlp.does_not_exist  # noqa: B018


def test_analyze_streams_schema_valid_dicts():
    nlp = srnlp.load(["cues"])
    results = srnlp.analyze([EXAMPLES / "sample.nbib"], nlp)
    first = next(results)
    assert schema_errors(first) == []
    assert len([first, *results]) == 10


def test_load_rejects_unknown_components():
    with pytest.raises(SrnlpError, match="E006"):
        srnlp.load(["cues", "sentiment"])


def test_load_keeps_pipeline_order():
    nlp = srnlp.load(["cues"])
    assert isinstance(nlp, spacy.Language)
    assert nlp.pipe_names[0] == "sentencizer"


def test_record_text_and_section_offsets():
    record = srnlp.Record(id="r", title="Title", abstract="Abstract text.")
    assert record.text == "Title\n\nAbstract text."
    spans = record.section_offsets()
    assert [(s.kind, record.text[a:b]) for s, a, b in spans] == [("front", "Title"), ("abstract", "Abstract text.")]
    full = srnlp.Record(id="f", sections=[srnlp.Section("Methods", "We interviewed 12 people.", "methods"),
                                            srnlp.Section("", "Untitled part.", "other")])
    assert full.text == "Methods\nWe interviewed 12 people.\n\nUntitled part."
    for section, start, end in full.section_offsets():
        assert full.text[start:end] == section.text
