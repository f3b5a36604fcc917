import copy

import pytest

from socialrecovery_nlp.corpus import Record
from socialrecovery_nlp.errors import SrnlpError
from socialrecovery_nlp.output import doc_to_dict, schema_errors, validate_output
from socialrecovery_nlp.pipeline.analyze import analyze_docs
from socialrecovery_nlp.pipeline.language import load

THEMES = ["self_efficacy", "power_together", "strengths_approach", "self_directed_support",
          "peer_organised_services", "social_identities", "discrimination", "mental_illness_stigma",
          "anti_stigma_interventions", "interpersonal_relationships", "family_systems",
          "social_inclusion", "occupation_employment", "community_development"]
PROCESSES = ["connectedness", "hope", "identity", "meaning", "empowerment"]


def _full_output():
    return {
        "id": "r1", "title": "T", "year": 2011, "doi": "10.1093/bjsw/bcr076", "pmid": None,
        "source": {"file": "batch.ris", "line": 1}, "warnings": [],
        "processes": {p: 0.5 for p in PROCESSES}, "themes": {t: 0.1 for t in THEMES},
        "labels": {"processes": ["identity"], "themes": []},
        "evidence": {"identity": [{"text": "T", "start": 0, "end": 1, "score": 0.9}]},
        "design": {"label": "qualitative", "score": 0.8, "evidence": [{"text": "T", "start": 0, "end": 1}]},
        "claims": [{"text": "T", "start": 0, "end": 1, "factor": {"text": "T", "start": 0, "end": 1},
                    "outcome": {"text": "recovery", "start": None, "end": None}, "direction": "promotes",
                    "strength": "correlational", "hedged": False, "negated": False, "citations": [],
                    "design": "unclear", "themes": [], "social": True, "score": 0.7}],
        "models": {"themes": "themes@0.1.0"},
    }


def test_full_example_is_valid():
    assert schema_errors(_full_output()) == []


@pytest.mark.parametrize("mutate, path", [
    (lambda o: o["themes"].pop("family_systems"), "themes"),
    (lambda o: o["themes"].__setitem__("wellbeing", 0.2), "themes"),
    (lambda o: o["processes"].__setitem__("hope", 1.5), "processes/hope"),
    (lambda o: o["design"].__setitem__("label", "survey"), "design/label"),
    (lambda o: o["claims"][0].__setitem__("direction", "helps"), "claims/0/direction"),
    (lambda o: o.pop("source"), "<root>"),
    (lambda o: o.__setitem__("surprise", 1), "<root>"),
])
def test_violations_are_reported_with_their_path(mutate, path):
    out = copy.deepcopy(_full_output())
    mutate(out)
    errors = schema_errors(out)
    assert errors and any(e.startswith(path) for e in errors), errors
    with pytest.raises(SrnlpError, match=r"\[E004\]"):
        validate_output(out)


def test_serialised_doc_leaves_out_fields_no_model_produced():
    nlp = load(["cues"])
    record = Record(id="x", title="A title", abstract="An abstract.", year=2020, source_file="f.ris", source_line=3,
                    warnings=["[W103] f.ris:3: abstract is empty."])
    (doc,) = list(analyze_docs([record], nlp))
    out = doc_to_dict(doc)
    assert schema_errors(out) == []
    for absent in ("themes", "processes", "labels", "evidence", "design", "claims"):
        assert absent not in out
    assert out["source"] == {"file": "f.ris", "line": 3}
    assert out["warnings"] == ["[W103] f.ris:3: abstract is empty."]
    assert out["text_length"] == len("A title\n\nAn abstract.")
