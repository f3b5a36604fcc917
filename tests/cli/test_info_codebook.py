import json

from typer.testing import CliRunner

from socialrecovery_nlp.cli.app import app

runner = CliRunner()


def test_info_reports_versions_as_json():
    result = runner.invoke(app, ["info", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["codebook"] == "1.0.0"
    assert "spacy" in data["libraries"]
    assert isinstance(data["models"], list)


def test_codebook_table_and_json(tmp_path):
    result = runner.invoke(app, ["codebook"])
    assert result.exit_code == 0
    assert "peer_organised_services" in result.stdout
    out = tmp_path / "cb.json"
    result = runner.invoke(app, ["codebook", "--format", "json", "-o", str(out)])
    assert result.exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [p["id"] for p in data["processes"]][:3] == ["empowerment", "identity", "connectedness"]
    assert {t["parent"] for t in data["themes"]} == {"empowerment", "identity", "connectedness"}


def test_unknown_format_is_rejected():
    result = runner.invoke(app, ["codebook", "--format", "yaml"])
    assert result.exit_code != 0


def test_help_is_instant_and_lists_commands():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("analyze", "info", "codebook", "train"):
        assert command in result.stdout
