import sqlite3

import pytest

from socialrecovery_nlp.active.schema import CURRENT_VERSION
from socialrecovery_nlp.active.store import ProjectStore, create_v1_file
from socialrecovery_nlp.errors import SrnlpError


def test_labels_append_only_latest_wins(project):
    rid = project.record_ids()[0]
    project.add_label(rid, "relevance", "irrelevant", "ann1")
    project.add_label(rid, "relevance", "relevant", "ann2", model_version="screening@1", reason="why")
    assert project.latest_labels("relevance")[rid] == "relevant"
    hist = project.history(rid)
    assert [h["value"] for h in hist] == ["irrelevant", "relevant"]
    assert hist[1]["annotator"] == "ann2" and hist[1]["model_version"] == "screening@1"
    with pytest.raises(sqlite3.DatabaseError):
        project.con.execute("UPDATE labels SET value = '\"irrelevant\"'")
    with pytest.raises(sqlite3.DatabaseError):
        project.con.execute("DELETE FROM labels")


def test_every_label_kind(project):
    rid = project.record_ids()[1]
    project.add_label(rid, "processes", ["p1"], "a")
    project.add_label(rid, "themes", ["t1", "t2"], "a")
    project.add_label(rid, "design", "rct", "a")
    project.add_label(rid, "claim", {"action": "accept"}, "a", target="c1")
    project.add_label(rid, "claim", {"action": "edit", "field": "direction", "value": "negative"}, "a", target="c2")
    project.add_label(rid, "claim", {"action": "reject"}, "a", target="c1")
    project.add_label(rid, "claim", {"action": "add", "claim": {"factor": "peer support"}}, "a", target="new-1")
    assert project.latest_labels("themes")[rid] == ["t1", "t2"]
    corrections = {c["target"]: c["action"] for c in project.latest_claim_corrections()}
    assert corrections == {"c1": "reject", "c2": "edit", "new-1": "add"}
    for kind, bad in [("relevance", "maybe"), ("themes", "t1"), ("claim", {"action": "edit"}), ("design", "")]:
        with pytest.raises(SrnlpError) as err:
            project.add_label(rid, kind, bad, "a")
        assert err.value.code == "E507"
    with pytest.raises(SrnlpError):
        project.add_label(10_000, "relevance", "relevant", "a")


def test_models_are_versioned_never_overwritten(project):
    assert project.save_model("screening", {"x": 1}, b"one") == 1
    assert project.save_model("screening", {"x": 2}, b"two") == 2
    assert [m["version"] for m in project.models("screening")] == [1, 2]
    assert project.latest_model("screening")[1] == b"two"


def test_corrupted_and_foreign_files(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(SrnlpError) as err:
        ProjectStore.open(bad)
    assert err.value.code == "E501"
    foreign = tmp_path / "foreign.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(SrnlpError) as err:
        ProjectStore.open(foreign)
    assert err.value.code == "E502"
    with pytest.raises(SrnlpError) as err:
        ProjectStore.open(tmp_path / "missing.sqlite")
    assert err.value.code == "E500"


def test_truncated_project_is_a_clear_error(project, tmp_path):
    path = project.path
    project.close()
    data = path.read_bytes()
    cut = tmp_path / "cut.sqlite"
    cut.write_bytes(data[:100] + b"\x00" * 50)
    with pytest.raises(SrnlpError) as err:
        ProjectStore.open(cut)
    assert err.value.code in ("E501", "E502")


def test_newer_schema_refused(project):
    project.con.execute("INSERT INTO schema_version VALUES (?, 'future')", (CURRENT_VERSION + 1,))
    path = project.path
    project.close()
    with pytest.raises(SrnlpError) as err:
        ProjectStore.open(path)
    assert err.value.code == "E503"


def _v1(tmp_path, sep_records):
    path = tmp_path / "old.sqlite"
    recs = [{**r.to_dict(), "batch": "first.ris" if i < 5 else "second.ris"} for i, r in enumerate(sep_records[:8])]
    create_v1_file(path, recs, [(0, "relevant", "ann"), (1, "irrelevant", "ann"), (0, "irrelevant", "ann2")])
    return path


def test_migrate_v1_with_backup(tmp_path, sep_records):
    path = _v1(tmp_path, sep_records)
    before = path.read_bytes()
    with ProjectStore.open(path) as store:
        assert store.version == CURRENT_VERSION
        assert store.n_records() == 8
        assert [b["name"] for b in store.batches()] == ["first.ris", "second.ris"]
        assert store.latest_labels("relevance") == {1: "irrelevant", 2: "irrelevant"}
        assert len(store.history()) == 3
        assert store.record(1)["title"] == sep_records[0].title
        store.add_label(3, "themes", ["x"], "a")
    backup = tmp_path / "old.sqlite.v1.bak"
    assert backup.exists()
    con = sqlite3.connect(backup)
    assert con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == 1
    assert con.execute("SELECT COUNT(*) FROM labels").fetchone()[0] == 3
    con.close()
    assert len(before) > 0


def test_migration_refused_without_permission(tmp_path, sep_records):
    path = _v1(tmp_path, sep_records)
    with pytest.raises(SrnlpError) as err:
        ProjectStore.open(path, migrate=False)
    assert err.value.code == "E505"


def test_failed_migration_leaves_file_unchanged(tmp_path, sep_records, monkeypatch):
    from socialrecovery_nlp.active import schema

    path = _v1(tmp_path, sep_records)

    def broken(con, now):
        con.execute("DROP TABLE labels")
        raise RuntimeError("boom")

    monkeypatch.setitem(schema.MIGRATIONS, 1, broken)
    with pytest.raises(SrnlpError) as err:
        ProjectStore.open(path)
    assert err.value.code == "E509"
    con = sqlite3.connect(path)
    assert con.execute("SELECT COUNT(*) FROM labels").fetchone()[0] == 3
    con.close()


def test_add_labels_is_all_or_nothing_and_withdrawals(project):
    rid = project.record_ids()[2]
    with pytest.raises(SrnlpError) as err:
        project.add_labels(rid, [("processes", ["hope"], ""), ("themes", "not-a-list", "")], "a")
    assert err.value.code == "E507" and project.history(rid) == []
    project.add_labels(rid, [("processes", ["connectedness"], ""), ("themes", ["family_systems"], "")], "a")
    assert [h["kind"] for h in project.history(rid)] == ["processes", "themes"]
    assert project.latest_value(rid, "themes") == ["family_systems"]
    project.add_label(rid, "themes", None, "a", reason="undo")  # withdrawn: no label, history kept
    assert project.latest_value(rid, "themes") is None and rid not in project.latest_labels("themes")
    project.add_label(rid, "claim", {"action": "add", "claim": {"factor": "f"}}, "a", target="new-1")
    project.add_label(rid, "claim", None, "a", target="new-1")
    assert project.latest_claim_corrections() == [] and project.record_claim_corrections(rid) == {}
    assert len(project.history(rid)) == 5
