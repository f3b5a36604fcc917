from socialrecovery_nlp.active.loop import SAMPLE_REASON
from socialrecovery_nlp.active.status import format_status, project_status


def test_status_counts_and_advice(project, sep_records):
    ids = project.record_ids()
    for rid in ids[:10]:
        project.add_label(rid, "relevance", "relevant" if sep_records[rid - 1].label_included else "irrelevant", "a")
    project.add_label(ids[10], "relevance", "uncertain", "a")
    st = project_status(project)
    assert st["screened"] == 11 and st["unscreened"] == 49
    assert st["labels"]["uncertain"] == 1
    assert st["stopping"]["statistical"]["sample_size"] == 0
    assert st["estimated_recall"]["value"] is None  # no model, no sample
    assert "advice:" in format_status(st)


def test_status_with_random_sample(project):
    ids = project.record_ids()
    project.add_label(ids[0], "relevance", "relevant", "a")
    for rid in ids[1:5]:
        project.add_label(rid, "relevance", "irrelevant", "a")
    for rid in ids[5:45]:
        project.add_label(rid, "relevance", "irrelevant", "a", reason=SAMPLE_REASON)
    st = project_status(project)
    stat = st["stopping"]["statistical"]
    assert stat["sample_size"] == 40 and stat["relevant_in_sample"] == 0
    assert st["estimated_recall"]["value"] == 1.0 and "random sample" in st["estimated_recall"]["method"]
    assert 0 < stat["guaranteed_recall"] < 1
    assert "guaranteed recall" in format_status(st)
