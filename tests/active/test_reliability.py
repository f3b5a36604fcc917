"""Crash and concurrency tests: kill -9 mid-annotation and mid-training, two annotators at once."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from socialrecovery_nlp.active.store import ProjectStore

SRC = str(Path(__file__).resolve().parents[2] / "src")
pytestmark = pytest.mark.slow


def _env():
    env = dict(os.environ)
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    env["HF_HUB_OFFLINE"] = "1"
    return env


def _py(code: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-u", "-c", code], env=_env(), **kw)


def test_kill_9_during_annotate_keeps_every_confirmed_label(project):
    path = str(project.path)
    project.close()
    proc = _py(
        f"from socialrecovery_nlp.cli.app import app; app(['annotate', {path!r}, '--annotator', 'k'])",
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    confirmed = []
    keys = iter("ynnynnnynn")
    deadline = time.time() + 60
    proc.stdin.write(next(keys))
    proc.stdin.flush()
    while len(confirmed) < 6 and time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith("saved "):
            _, rid, value = line.split()
            confirmed.append((int(rid), value))
            proc.stdin.write(next(keys))  # the next decision is in flight when we kill
            proc.stdin.flush()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert len(confirmed) == 6
    with ProjectStore.open(path) as store:
        labels = store.latest_labels()
        for rid, value in confirmed:
            assert labels[rid] == value
        assert store.con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_kill_9_during_train_keeps_labels(project, sep_records):
    for rid in project.record_ids()[:20]:
        truth = sep_records[rid - 1].label_included
        project.add_label(rid, "relevance", "relevant" if truth else "irrelevant", "a")
    if not any(sep_records[i].label_included for i in range(20)):
        project.add_label(project.record_ids()[-1], "relevance", "relevant", "a")
    before = project.latest_labels()
    path = str(project.path)
    project.close()
    proc = _py(
        "import sys\n"
        "from socialrecovery_nlp.active.store import ProjectStore\n"
        "from socialrecovery_nlp.active.train import train_screening\n"
        f"s = ProjectStore.open({path!r})\n"
        "while True:\n"
        "    train_screening(s); print('trained', flush=True)\n",
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert proc.stdout.readline().strip() == "trained"
    time.sleep(0.15)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with ProjectStore.open(path) as store:
        assert store.latest_labels() == before
        versions = [m["version"] for m in store.models("screening")]
        assert versions == list(range(1, len(versions) + 1)) and versions
        assert store.con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_two_annotators_at_once_lose_nothing(project):
    path = str(project.path)
    ids = project.record_ids()
    project.close()
    code = (
        "import sys\n"
        "from socialrecovery_nlp.active.store import ProjectStore\n"
        f"s = ProjectStore.open({path!r})\n"
        "who, ids = sys.argv[1], [int(x) for x in sys.argv[2].split(',')]\n"
        "for k, rid in enumerate(ids * 3):\n"
        "    s.add_label(rid, 'relevance', 'relevant' if k % 2 else 'irrelevant', who)\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, who, ",".join(map(str, part))], env=_env())
        for who, part in (("ann1", ids[:30]), ("ann2", ids[20:60]))
    ]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    with ProjectStore.open(path) as store:
        hist = store.history()
        assert sum(h["annotator"] == "ann1" for h in hist) == 90
        assert sum(h["annotator"] == "ann2" for h in hist) == 120
        assert store.con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
