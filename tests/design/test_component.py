"""The srnlp_design component: output shape, offsets into record.text, methods section decides."""

import spacy

from socialrecovery_nlp.corpus.record import Record, Section
from socialrecovery_nlp.design import component  # noqa: F401  (registers the factory)
from socialrecovery_nlp.pipeline.extensions import register_extensions


def make_nlp(model_dir):
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("srnlp_design", name="design", config={"model": str(model_dir)})
    return nlp


def run(nlp, record):
    doc = nlp.make_doc(record.text)
    doc._.record = record
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_abstract_record_output_shape_and_offsets(tiny_model_dir):
    nlp = make_nlp(tiny_model_dir)
    record = Record(id="r1", title="Peer support for people with psychosis",
                    abstract="Participants were randomly assigned to peer support or usual care.")
    doc = run(nlp, record)
    design = doc._.design
    assert set(design) == {"label", "score", "evidence"}
    assert design["label"] == "rct" and 0 < design["score"] <= 1
    assert design["evidence"]
    for ev in design["evidence"]:
        assert set(ev) == {"text", "start", "end"}
        assert record.text[ev["start"]:ev["end"]] == ev["text"]
    assert doc._.models["design"] == "design@0.0.1"


def test_title_only_is_unclear(tiny_model_dir):
    doc = run(make_nlp(tiny_model_dir), Record(id="r2", title="Hope and identity"))
    assert doc._.design["label"] == "unclear"


def test_full_text_methods_section_decides(tiny_model_dir):
    record = Record(id="r3", sections=[
        Section("Introduction", "Previous randomised controlled trials have shown benefits of peer support.",
                "introduction"),
        Section("Methods", "We conducted semi-structured interviews with twelve peer workers and used "
                "thematic analysis.", "methods"),
    ])
    doc = run(make_nlp(tiny_model_dir), record)
    assert doc._.design["label"] == "qualitative"
    methods_start = record.text.index("We conducted")
    assert all(ev["start"] >= methods_start for ev in doc._.design["evidence"])


def test_pipe_matches_single_calls(tiny_model_dir):
    nlp = make_nlp(tiny_model_dir)
    records = [Record(id=str(i), title=t, abstract=a) for i, (t, a) in enumerate([
        ("Interviews with carers", "Focus groups with carers explored recovery."),
        ("A survey", "An online survey measured attitudes of nurses."),
    ])]
    docs = []
    for r in records:
        d = nlp.make_doc(r.text)
        d._.record = r
        docs.append(d)
    piped = [d._.design for d in nlp.pipe(docs)]
    single = [run(nlp, r)._.design for r in records]
    assert piped == single


def test_missing_model_warns_and_sets_nothing(tmp_path, recwarn):
    nlp = make_nlp(tmp_path / "nowhere")
    doc = nlp("A randomised controlled trial.")
    assert doc._.design is None
    assert any("W004" in str(w.message) for w in recwarn)
