"""`srnlp simulate` through typer's CliRunner, on the first 100 rows of a real data set."""

import json

from typer.testing import CliRunner

from socialrecovery_nlp.cli.app import app

from .sep_sample import sep_sample

runner = CliRunner()


def _small_csv(tmp_path):
    return sep_sample(tmp_path, 100)


def test_simulate_with_prior_idx_writes_run_json_and_plot(tmp_path):
    data, rows = _small_csv(tmp_path)
    rel = next(i for i, r in enumerate(rows) if r["label_included"] == "1")
    irr = next(i for i, r in enumerate(rows) if r["label_included"] == "0")
    out = tmp_path / "run.json"
    res = runner.invoke(app, ["simulate", str(data), "--prior-idx", str(rel), str(irr),
                              "-o", str(out), "--plot", str(tmp_path / "recall.png")])
    assert res.exit_code == 0, res.output
    run = json.loads(out.read_text())
    assert run["prior_idx"] == [rel, irr]
    assert run["prior_record_ids"] == [rows[rel]["record_id"], rows[irr]["record_id"]]
    assert set(run["screening_order"]).isdisjoint(run["prior_record_ids"])
    for key in ("loss", "wss@95_insights", "wss@95_cohen", "recall@10%", "erf@10%", "atd",
                "records_to_95%_recall", "records_to_100%_recall", "seconds_per_iteration"):
        assert key in run["metrics"]
    assert (tmp_path / "recall.png").stat().st_size > 1000


def test_simulate_random_priors_and_bad_prior(tmp_path):
    data, _ = _small_csv(tmp_path)
    out = tmp_path / "run.json"
    res = runner.invoke(app, ["simulate", str(data), "--n-prior-included", "1", "--n-prior-excluded", "2",
                              "--seed", "3", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert len(json.loads(out.read_text())["prior_idx"]) == 3
    res = runner.invoke(app, ["simulate", str(data), "--prior-idx", "5000", "-o", str(out)])
    assert res.exit_code == 2 and "E522" in res.output
    res = runner.invoke(app, ["simulate", str(data), "--prior-idx", "1", "--prior-idx", "2", "-o", str(out)])
    assert res.exit_code in (0, 2) and ("E523" in res.output or json.loads(out.read_text())["prior_idx"] == [1, 2])
