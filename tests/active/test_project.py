import pytest

from socialrecovery_nlp.active.project import add_batch, new_project, project_path
from socialrecovery_nlp.errors import SrnlpError


def test_project_path_rules(tmp_path, monkeypatch):
    monkeypatch.setenv("SRNLP_PROJECT_DIR", str(tmp_path))
    assert project_path("myreview") == tmp_path / "myreview.sqlite"
    assert str(project_path("a/b.sqlite")) == "a/b.sqlite"
    assert str(project_path("x.sqlite")) == "x.sqlite"


def test_new_then_add_dedups_and_keeps_labels(project, batches):
    assert project.n_records() == 60
    first = project.record_ids()[55]
    project.add_label(first, "relevance", "relevant", "ann")
    report = add_batch(project, [batches[1]])
    assert (report.read, report.added, len(report.duplicates)) == (70, 60, 10)
    assert project.n_records() == 120
    assert project.latest_labels("relevance") == {first: "relevant"}
    again = add_batch(project, [batches[1]])
    assert again.added == 0 and len(again.duplicates) == 70
    assert [b["n_added"] for b in project.batches()] == [60, 60, 0]


def test_new_refuses_existing(project, batches):
    with pytest.raises(SrnlpError) as err:
        new_project(project.path, [batches[0]])
    assert err.value.code == "E504"


def test_malformed_add_changes_nothing(project, tmp_path):
    rid = project.record_ids()[0]
    project.add_label(rid, "relevance", "relevant", "ann")
    before = (project.n_records(), len(project.history()), len(project.batches()))
    bad = tmp_path / "broken.nbib"
    bad.write_bytes(b"\x00\x01\x02binary garbage\xff\xfe" * 50)
    with pytest.raises(SrnlpError) as err:
        add_batch(project, [bad])
    assert err.value.code == "E510"
    assert (project.n_records(), len(project.history()), len(project.batches())) == before


def test_failure_mid_insert_rolls_back(project, batches, monkeypatch):
    from socialrecovery_nlp.active import project as P

    calls = {"n": 0}
    real = P.record_keys

    def flaky(record):
        calls["n"] += 1
        if calls["n"] == 30:
            raise RuntimeError("disk on fire")
        return real(record)

    monkeypatch.setattr(P, "record_keys", flaky)
    before = project.n_records()
    with pytest.raises(RuntimeError):
        add_batch(project, [batches[1]])
    assert project.n_records() == before and len(project.batches()) == 1
