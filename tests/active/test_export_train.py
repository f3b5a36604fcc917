import csv
import json

import pytest

from socialrecovery_nlp.active.export import (
    export_evidence,
    export_labels,
    export_training,
)
from socialrecovery_nlp.active.train import train_components, train_screening
from socialrecovery_nlp.errors import SrnlpError


def _label(project, sep_records, n=30):
    for rid in project.record_ids()[:n]:
        project.add_label(rid, "relevance", "relevant" if sep_records[rid - 1].label_included else "irrelevant", "a")


def test_train_screening_versions_and_predictions(project, sep_records):
    with pytest.raises(SrnlpError) as err:
        train_screening(project)
    assert err.value.code == "E511"
    _label(project, sep_records)
    assert train_screening(project)["version"] == 1
    assert train_screening(project)["version"] == 2
    model, preds = project.latest_predictions("relevance")
    assert model == "screening@2" and len(preds) == project.n_records()


def test_train_components_reports_each(project, sep_records, tmp_path):
    project.add_label(1, "design", "rct", "a")
    out = {r["component"]: r for r in train_components(project, repo=tmp_path)}  # no training/ configs there
    assert out["themes"]["status"] == "unchanged" and "shipped model stays in use" in out["themes"]["detail"]
    assert out["design"]["status"] == "skipped" and "W501" in out["design"]["detail"]
    assert "design.toml" in out["design"]["detail"]
    assert out["claims"]["status"] == "unchanged"
    assert project.models("design") == []


def test_trainer_without_data_extra_is_w501_with_the_reason(project, tiny_repo, monkeypatch):
    """A trainer whose config loader would silently ignore ``data.extra`` is not run."""
    import inspect

    real = inspect.getsource
    monkeypatch.setattr(inspect, "getsource", lambda obj: "def train_from_config(path, overrides): ..."
                        if getattr(obj, "__name__", "") == "socialrecovery_nlp.design.train" else real(obj))
    project.add_label(1, "design", "rct", "a")
    out = {r["component"]: r for r in train_components(project, repo=tiny_repo)}
    assert out["design"]["status"] == "skipped"
    assert "does not read a 'data.extra' setting" in out["design"]["detail"]
    assert not (project.path.parent / (project.path.name + ".models")).exists()


def test_exports(project, sep_records, tmp_path):
    _label(project, sep_records, 10)
    project.add_label(2, "themes", ["connectedness"], "ann")
    project.add_label(2, "processes", ["empowerment"], "ann")
    project.add_label(2, "relevance", "relevant", "ann")
    project.add_label(2, "claim", {"action": "edit", "field": "direction", "value": "negative"}, "ann", target="c0")
    assert export_labels(project, tmp_path / "l.csv") == 60
    rows = list(csv.DictReader((tmp_path / "l.csv").open()))
    assert rows[1]["relevance"] == "relevant" and rows[1]["themes"] == "connectedness"
    assert export_labels(project, tmp_path / "l.jsonl") == 60
    export_labels(project, tmp_path / "l.ris")
    assert "srnlp:relevance:relevant" in (tmp_path / "l.ris").read_text()
    with pytest.raises(SrnlpError):
        export_labels(project, tmp_path / "l.xlsx")
    assert export_evidence(project, tmp_path / "ev.csv") >= 1
    assert "edit c0: direction=negative" in (tmp_path / "ev.csv").read_text()
    files = {f.name: f for f in export_training(project, tmp_path / "tr")}
    line = json.loads(files["themes.jsonl"].read_text().splitlines()[0])
    assert line["labels"] == {"processes": ["empowerment"], "themes": ["connectedness"]}
    assert line["provenance"]["annotator"] == "ann" and line["text"].startswith(sep_records[1].title)
    assert "claims.jsonl" in files


def test_evidence_table_spells_out_claim_corrections(project, tmp_path):
    rid = project.record_ids()[0]
    project.add_label(rid, "relevance", "relevant", "ann")
    original = {"text": "x", "start": 0, "end": 1, "factor": "peer work", "outcome": "recovery",
                "direction": "promotes", "strength": "causal"}
    project.add_label(rid, "claim", {"action": "accept", "original": original}, "ann", target="claim:0:1:0")
    project.add_label(rid, "claim", {"action": "add", "claim": {"factor": "housing", "outcome": "hope",
                                                                "direction": "mixed", "strength": "correlational"}},
                      "ann", target="new-1")
    export_evidence(project, tmp_path / "ev.csv")
    (row,) = list(csv.DictReader((tmp_path / "ev.csv").open()))
    assert row["claims"] == ("accept claim:0:1:0 [peer work -> recovery (promotes, causal)] | "
                             "add new-1 [housing -> hope (mixed, correlational)]")
