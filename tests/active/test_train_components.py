"""`srnlp project train`: design and claims retrained from project labels + shipped annotations
(through their trainers' ``data.extra``), new versions under ``<project>.models/``, the old ones
kept, and the project's pipeline using the newest. Tiny configs so that it runs in seconds."""

import json
import os
from pathlib import Path

from socialrecovery_nlp.active.train import (
    project_model_config,
    project_models,
    train_components,
)
from socialrecovery_nlp.paths import SOURCE_ROOT

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def label_design_and_claims(project):
    rids = project.record_ids()
    for rid, value in zip(rids[:3], ("rct", "qualitative", "cross_sectional")):
        project.add_label(rid, "design", value, "ann")
    from socialrecovery_nlp.corpus.record import Record

    rec = project.record(rids[3])
    text = Record.from_dict(rec).text
    sentence = rec["abstract"].split(". ")[0] + "."
    start = text.index(sentence)
    project.add_label(rids[3], "claim", {"action": "accept", "original": {
        "text": sentence, "start": start, "end": start + len(sentence), "factor": sentence.split()[0],
        "outcome": "recovery", "direction": "promotes", "strength": "causal"}}, "ann", target="claim:0:0:0")
    project.add_label(rids[3], "claim", {"action": "add", "claim": {
        "factor": sentence.split()[0], "outcome": "recovery", "direction": "promotes", "strength": "correlational"}},
        "ann", target="new-1")


def test_design_and_claims_retrain_into_project_models(project, tiny_repo):
    shipped = sorted(p.name for p in (SOURCE_ROOT / "models").iterdir())
    label_design_and_claims(project)
    out = {r["component"]: r for r in train_components(project, repo=tiny_repo)}
    assert out["themes"]["status"] == "unchanged"
    assert out["design"]["status"] == "trained", out["design"]
    assert out["claims"]["status"] == "trained", out["claims"]
    folder = Path(str(project.path) + ".models")
    design1, claims1 = folder / "design-0.0.9+project.1", folder / "claims-0.0.9+project.1"
    meta = json.loads((design1 / "meta.json").read_text())
    assert meta["training"]["extra"]["added"] == 3  # the project's three design labels
    claims_meta = json.loads((claims1 / "meta.json").read_text())
    assert claims_meta["training"]["n_extra"] >= 1
    assert project_models(project) == {"design": design1.resolve(), "claims": claims1.resolve()}
    # a second run: a new version, the first one kept; the newest is the one in use
    project.add_label(project.record_ids()[4], "design", "rct", "ann2")
    out = {r["component"]: r for r in train_components(project, repo=tiny_repo)}
    assert out["design"]["status"] == "trained"
    design2 = folder / "design-0.0.9+project.2"
    assert (design1 / "meta.json").is_file() and (design2 / "meta.json").is_file()
    assert project_models(project)["design"] == design2.resolve()
    assert [m["version"] for m in project.models("design")] == [1, 2]
    assert sorted(p.name for p in (SOURCE_ROOT / "models").iterdir()) == shipped  # shipped never touched
    assert not (tiny_repo / "models").exists()
    # the project's pipeline prefers its newest retrained models
    config = project_model_config(project)
    assert config["design"]["model"] == str(design2.resolve())
    from socialrecovery_nlp.active.annotate_ui import pipeline_extractor

    extract = pipeline_extractor(components=("design",), config=config)
    from socialrecovery_nlp.corpus.record import Record

    got = extract(Record.from_dict(project.record(1)))
    assert got["models"]["design"] == "design@0.0.9+project.2"
    from socialrecovery_nlp.active.status import format_status, project_status

    status = project_status(project)
    assert status["component_models"]["design"] == str(design2.resolve())
    assert status["component_models"]["themes"] == "shipped"
    assert "design retrained design-0.0.9+project.2" in format_status(status)


def test_predictions_export_uses_the_project_model(project, tiny_repo, tmp_path):
    from socialrecovery_nlp.active.export import export_predictions
    from socialrecovery_nlp.pipeline.language import load

    label_design_and_claims(project)
    train_components(project, repo=tiny_repo)
    nlp = load(["design"], config=project_model_config(project))
    n = export_predictions(project, tmp_path / "pred.jsonl", nlp=nlp)
    lines = [json.loads(x) for x in (tmp_path / "pred.jsonl").read_text().splitlines()]
    assert n == len(lines) == project.n_records()
    assert all(line["models"]["design"] == "design@0.0.9+project.1" and "label" in line["design"] for line in lines)


def test_a_failing_trainer_is_reported_and_keeps_the_previous_model(project, tiny_repo):
    label_design_and_claims(project)
    train_components(project, repo=tiny_repo)
    before = project_models(project)
    (tiny_repo / "training" / "design.toml").write_text("[model]\ncomponent = 'design'\nname = 'design'\nversion = '0.0.9'\n"
                                                        "[data]\nscreening_dir = 'missing'\n")
    out = {r["component"]: r for r in train_components(project, repo=tiny_repo)}
    assert out["design"]["status"] == "skipped" and "W501" in out["design"]["detail"]
    assert project_models(project)["design"] == before["design"]
    assert [m["version"] for m in project.models("design")] == [1]


def test_cli_project_train_all_components(project, sep_records, tiny_repo):
    from typer.testing import CliRunner

    from socialrecovery_nlp.cli.app import app

    for rid in project.record_ids()[:20]:
        project.add_label(rid, "relevance", "relevant" if sep_records[rid - 1].label_included else "irrelevant", "a")
    project.add_label(project.record_ids()[-1], "relevance", "relevant", "a")
    label_design_and_claims(project)
    path = str(project.path)
    project.close()
    res = CliRunner().invoke(app, ["project", "train", path, "--training-root", str(tiny_repo)])
    assert res.exit_code == 0, res.output
    assert "screening@1" in res.output and "design: trained - design@1" in res.output
    assert "claims: trained - claims@1" in res.output and "themes: unchanged" in res.output
    res = CliRunner().invoke(app, ["project", "status", path])
    assert "design retrained design-0.0.9+project.1" in res.output
    assert "claims retrained claims-0.0.9+project.1" in res.output and "themes shipped" in res.output


def test_a_half_written_run_is_skipped_never_reused(project, tiny_repo):
    label_design_and_claims(project)
    folder = Path(str(project.path) + ".models")
    (folder / "design-0.0.9+project.1").mkdir(parents=True)  # left by a run killed half-way: no meta.json
    assert project_models(project) == {}
    out = {r["component"]: r for r in train_components(project, repo=tiny_repo)}
    assert "design-0.0.9+project.2" in out["design"]["detail"]
    assert project_models(project)["design"] == (folder / "design-0.0.9+project.2").resolve()
    assert not any((folder / "design-0.0.9+project.1").iterdir())
