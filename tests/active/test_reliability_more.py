"""More crash and concurrency tests: two `srnlp annotate` processes at once (screening and
corrections), kill -9 in the middle of corrections and of `srnlp project train` (all components),
`srnlp project add` with a malformed batch through the CLI."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from socialrecovery_nlp.active.store import ProjectStore
from socialrecovery_nlp.codebook import load_codebook

SRC = str(Path(__file__).resolve().parents[2] / "src")
pytestmark = pytest.mark.slow
CB = load_codebook()


def _env():
    env = dict(os.environ)
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    env["HF_HUB_OFFLINE"] = "1"
    return env


def _cli(*args, **kw) -> subprocess.Popen:
    code = f"from socialrecovery_nlp.cli.app import app; app({list(args)!r})"
    return subprocess.Popen([sys.executable, "-u", "-c", code], env=_env(), text=True, **kw)


def _theme_key(tid):
    from socialrecovery_nlp.active.annotate_ui import THEME_KEYS

    return THEME_KEYS[CB.ids("themes").index(tid)]


def _design_key(did):
    from socialrecovery_nlp.active.annotate_ui import DESIGN_KEYS

    return DESIGN_KEYS[CB.ids("designs").index(did)]


def _saved(lines):
    return [line.split(maxsplit=2)[1:] for line in lines if line.startswith("saved ")]


def test_two_annotate_processes_at_once_lose_nothing(project):
    path = str(project.path)
    project.close()
    theme = _theme_key("social_inclusion")
    scripts = {
        "ann1": ("e" + theme + "." + "y") * 3 + "n" * 6 + "q",
        "ann2": ("g" + _design_key("qualitative") + "n") * 4 + "u" * 4 + "q",
    }
    procs = {who: _cli("annotate", path, "--annotator", who, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE) for who in scripts}
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:  # both processes take their keys and write at the same time
        futures = {who: pool.submit(proc.communicate, scripts[who], 180) for who, proc in procs.items()}
        results = {who: f.result() for who, f in futures.items()}
    outs = {}
    for who, (out, err) in results.items():
        assert procs[who].returncode == 0, err
        outs[who] = _saved(out.splitlines())
    assert len(outs["ann1"]) == 3 * 2 + 6 and len(outs["ann2"]) == 4 * 2 + 4
    with ProjectStore.open(path) as store:
        hist = store.history()
        rows = {"ann1": 3 * 3 + 6, "ann2": 4 * 2 + 4}  # a theme brings its process: two rows, one decision
        for who, saved in outs.items():
            mine = [h for h in hist if h["annotator"] == who]
            assert len(mine) == rows[who]  # every confirmed decision is there, nothing lost
            relevance = [(str(h["record_id"]), h["value"]) for h in mine if h["kind"] == "relevance"]
            assert relevance == [(rid, what) for rid, what in saved if what in ("relevant", "irrelevant", "uncertain")]
        assert sum(h["kind"] == "themes" and h["value"] == ["social_inclusion"] for h in hist) == 3
        assert sum(h["kind"] == "design" and h["value"] == "qualitative" for h in hist) == 4
        assert store.con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_kill_9_during_corrections_keeps_every_confirmed_one(project):
    path = str(project.path)
    project.close()
    proc = _cli("annotate", path, "--annotator", "k", stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL)
    steps = iter([
        "e" + _theme_key("self_efficacy"),       # processes + themes: one decision, two rows
        ".g" + _design_key("cohort"),
        "c+ peer support\nrecovery\n16",         # a claim added by hand
        ".y",
        "e" + _theme_key("family_systems"),
        ".g" + _design_key("rct"),
        ".n",
        "e" + _theme_key("discrimination"),      # in flight when the process is killed
    ])
    confirmed = []
    deadline = time.time() + 90
    proc.stdin.write(next(steps))
    proc.stdin.flush()
    while len(confirmed) < 7 and time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith("saved "):
            confirmed.append(line.split(maxsplit=2)[1:])
            proc.stdin.write(next(steps))
            proc.stdin.flush()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(confirmed) == 7
    with ProjectStore.open(path) as store:
        hist = store.history()
        assert [h["kind"] for h in hist[:9]] == ["processes", "themes", "design", "claim", "relevance",
                                                 "processes", "themes", "design", "relevance"]
        assert len(hist) in (9, 11)  # the decision in flight is on disk whole or not at all
        first, second = int(confirmed[0][0]), int(confirmed[4][0])
        assert store.latest_labels("themes")[first] == ["self_efficacy"]
        assert store.latest_labels("processes")[first] == [CB.parent_of("self_efficacy")]
        assert store.latest_labels("design")[first] == "cohort"
        assert store.latest_labels()[first] == "relevant" and store.latest_labels()[second] == "irrelevant"
        assert store.latest_labels("themes")[second] == ["family_systems"]
        (added,) = store.record_claim_corrections(first).values()
        assert added["claim"] == {"factor": "peer support", "outcome": "recovery", "direction": "promotes",
                                  "strength": "conditional_causal"}
        assert added["annotator"] == "k"
        assert store.con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_kill_9_during_project_train_keeps_labels_and_models(project, sep_records, tiny_repo):
    for rid in project.record_ids()[:20]:
        project.add_label(rid, "relevance", "relevant" if sep_records[rid - 1].label_included else "irrelevant", "a")
    project.add_label(project.record_ids()[-1], "relevance", "relevant", "a")
    for rid, value in zip(project.record_ids()[:3], ("rct", "qualitative", "cross_sectional")):
        project.add_label(rid, "design", value, "a")
    before = [(h["id"], h["value"]) for h in project.history()]
    path = str(project.path)
    project.close()
    folder = Path(path + ".models")
    proc = _cli("project", "train", path, "--training-root", str(tiny_repo), stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL)
    assert proc.stdout.readline().startswith("screening@1")
    deadline = time.time() + 0.5  # the design model trains for seconds: kill it half a second in,
    while time.time() < deadline and proc.poll() is None and not any(folder.glob("design-*")):
        time.sleep(0.01)  # or while its directory is being written if that comes first
    assert proc.poll() is None  # killed in the middle of training
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    from socialrecovery_nlp.active.train import project_models, train_components

    with ProjectStore.open(path) as store:
        assert [(h["id"], h["value"]) for h in store.history()] == before
        assert store.con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for model_dir in project_models(store).values():  # only complete models are ever used
            assert (model_dir / "meta.json").is_file()
        out = {r["component"]: r for r in train_components(store, repo=tiny_repo)}
        assert out["design"]["status"] == "trained", out["design"]
        newest = project_models(store)["design"]
        runs = sorted(int(p.name.rsplit(".", 1)[1]) for p in folder.glob("design-*"))
        assert newest.name == f"design-0.0.9+project.{runs[-1]}" and (newest / "meta.json").is_file()
        assert len(runs) == len(set(runs))  # a half-written run is never reused or overwritten


def test_cli_add_malformed_batch_changes_nothing(project, tmp_path):
    from typer.testing import CliRunner

    from socialrecovery_nlp.cli.app import app

    rid = project.record_ids()[0]
    project.add_label(rid, "relevance", "relevant", "ann")
    project.add_label(rid, "themes", ["hope"], "ann")
    path = project.path
    state = lambda s: (s.records(), s.history(), s.batches())
    before = state(project)
    project.close()
    garbage = tmp_path / "garbage.nbib"
    garbage.write_bytes(b"\x00\xff" * 300)
    empty = tmp_path / "empty.ris"
    empty.write_text("")
    for batch in (garbage, empty, tmp_path / "missing.ris"):
        res = CliRunner().invoke(app, ["project", "add", str(path), str(batch)])
        assert res.exit_code == 2 and "E510" in res.output, res.output
    with ProjectStore.open(path) as store:
        assert state(store) == before
