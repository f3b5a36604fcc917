"""`srnlp claims` end to end: evidence CSV, --all, --html."""

import csv

from typer.testing import CliRunner

from socialrecovery_nlp.cli.app import app

runner = CliRunner()

# The review's own sentences (Tew et al. 2011) as two records.
ROWS = [
    {"record_id": "a", "title": "Stigma and recovery",
     "abstract": "The internalisation of stigma within one's self-identity has been shown to act as a barrier to "
                 "recovery through undermining self-esteem and hope (Link et al., 2001; Yanos et al., 2008)."},
    {"record_id": "b", "title": "Relationships",
     "abstract": "Across a range of studies, this has been shown to greatly increase the likelihood of relapse "
                 "(Hooley, 2007). This search was run in twelve bibliographic databases."},
]


def test_claims_command_writes_evidence_table(tmp_path, trained_model, monkeypatch):
    monkeypatch.setenv("SRNLP_MODELS_DIR", str(trained_model.parent))
    source = tmp_path / "in.csv"
    with open(source, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(ROWS[0]))
        writer.writeheader()
        writer.writerows(ROWS)
    out, page = tmp_path / "evidence.csv", tmp_path / "claims.html"
    result = runner.invoke(app, ["claims", str(source), "-o", str(out), "--html", str(page), "--all",
                                 "--components", "claims"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["record_id"] for r in rows} == {"a", "b"}
    stigma = [r for r in rows if r["record_id"] == "a" and r["outcome"] == "recovery"]
    assert stigma and stigma[0]["direction"] == "hinders" and "Link et al. 2001" in stigma[0]["citations"]
    assert any(r["outcome"] == "relapse" and r["direction"] == "hinders" for r in rows)
    html = page.read_text(encoding="utf-8")
    assert "FACTOR" in html and "OUTCOME" in html

    default_out = tmp_path / "social.csv"
    result = runner.invoke(app, ["claims", str(source), "-o", str(default_out), "--components", "claims"])
    assert result.exit_code == 0, result.output
    social = list(csv.DictReader(default_out.open(encoding="utf-8")))
    assert all(r["social"] == "True" for r in social)
    assert len(social) <= len(rows)
