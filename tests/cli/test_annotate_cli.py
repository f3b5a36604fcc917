"""`srnlp annotate NAME`: corrections of processes/themes, design and claims through piped keys."""

from pathlib import Path

from typer.testing import CliRunner

from socialrecovery_nlp.active.annotate_ui import DESIGN_KEYS, THEME_KEYS
from socialrecovery_nlp.active.store import ProjectStore
from socialrecovery_nlp.cli.app import app
from socialrecovery_nlp.codebook import load_codebook

runner = CliRunner()
SEP = Path(__file__).resolve().parents[2] / "data" / "screening" / "synergy_Sep_2021.csv"
CB = load_codebook()


def test_annotate_corrects_themes_design_claims_and_undoes(tmp_path, monkeypatch):
    from socialrecovery_nlp.active.labelled_csv import read_labelled_csv
    from socialrecovery_nlp.corpus import write_records

    recs = read_labelled_csv(SEP)[:25]
    for r in recs:
        r.label_included = None
    write_records(recs, tmp_path / "b.ris", "ris")
    monkeypatch.setenv("SRNLP_PROJECT_DIR", str(tmp_path))
    assert runner.invoke(app, ["project", "new", "rev", "--from", str(tmp_path / "b.ris")]).exit_code == 0
    theme = THEME_KEYS[CB.ids("themes").index("social_identities")]
    design = DESIGN_KEYS[CB.ids("designs").index("mixed_methods")]
    keys = (f"e{theme}." f"g{design}" "c+ befriending\nloneliness\n27" "." "y"   # record 1
            "e" + theme + "." "b" "n" "q")                                         # record 2: undone edit
    res = runner.invoke(app, ["annotate", "rev", "--annotator", "cli"], input=keys)
    assert res.exit_code == 0, res.output
    saved = [line for line in res.output.splitlines() if line.startswith("saved ")]
    assert len(saved) == 6 and "undone" in res.output
    with ProjectStore.open(tmp_path / "rev.sqlite") as store:
        (first,) = [r for r, v in store.latest_labels().items() if v == "relevant"]
        (second,) = [r for r, v in store.latest_labels().items() if v == "irrelevant"]
        assert store.latest_labels("themes") == {first: ["social_identities"]}  # the second one was undone
        assert store.latest_labels("processes") == {first: [CB.parent_of("social_identities")]}
        assert store.latest_labels("design") == {first: "mixed_methods"}
        (claim,) = store.latest_claim_corrections()
        assert claim["claim"] == {"factor": "befriending", "outcome": "loneliness", "direction": "hinders",
                                  "strength": "correlational"}
        assert all(h["annotator"] == "cli" for h in store.history())
        assert [h["reason"] for h in store.history(second) if h["kind"] == "themes"] == ["corrected", "undo"]
    res = runner.invoke(app, ["project", "status", "rev", "--json"])
    assert '"claim_corrections": 1' in res.output and '"themes": 1' in res.output
