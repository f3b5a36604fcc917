import warnings

import spacy

from socialrecovery_nlp.corpus.record import Record
from socialrecovery_nlp.pipeline.extensions import register_extensions


def _nlp(config):
    import socialrecovery_nlp.themes.component  # noqa: F401  (registers the factory)

    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("srnlp_themes", config=config)
    return nlp


def _doc(nlp, record):
    doc = nlp.make_doc(record.text)
    doc._.record = record
    return doc


RECORD = Record(id="r1", title="Social inclusion and employment after mental illness",
                abstract="Supported employment increased the size of social networks. "
                         "Internalised stigma undermined self-esteem and hope.")


def test_component_sets_extensions(tiny_model_dir, space):
    nlp = _nlp({"model": str(tiny_model_dir)})
    docs = list(nlp.pipe([_doc(nlp, RECORD), _doc(nlp, Record(id="r2", title="Hair cortisol in pigs"))], batch_size=2))
    for doc in docs:
        assert set(doc._.processes) == set(space.processes)
        assert set(doc._.themes) == set(space.themes)
        assert set(doc._.labels) == {"processes", "themes"}
        assert doc._.models == {"themes": "themes-baseline@0.0.1"}
        for items in doc._.evidence.values():
            for item in items:
                assert doc.text[item["start"]:item["end"]] == item["text"]
    # the same doc through __call__ gives the same scores as through pipe
    single = nlp(_doc(nlp, RECORD))
    assert single._.themes == docs[0]._.themes


def test_component_without_model_warns_and_sets_nothing(tmp_path, monkeypatch):
    from socialrecovery_nlp.errors import SrnlpWarning

    monkeypatch.setenv("SRNLP_MODELS_DIR", str(tmp_path))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp = _nlp({})
    assert any(issubclass(w.category, SrnlpWarning) and "W004" in str(w.message) for w in caught)
    doc = nlp(_doc(nlp, RECORD))
    assert doc._.themes is None and doc._.models is None


def test_unknown_model_name_is_an_error(tmp_path, monkeypatch):
    import pytest

    from socialrecovery_nlp.errors import SrnlpError

    monkeypatch.setenv("SRNLP_MODELS_DIR", str(tmp_path))
    with pytest.raises(SrnlpError, match="E201"):
        _nlp({"model": "themes-nonexistent"})
