import dataclasses

import pytest

from socialrecovery_nlp.codebook import CONTRACT_IDS, load_codebook, parse_codebook, to_markdown
from socialrecovery_nlp.codebook.loader import CODEBOOK_FILE, validate


def test_contract_ids_in_order():
    cb = load_codebook()
    assert cb.ids("processes") == ["empowerment", "identity", "connectedness", "hope", "meaning"]
    for kind, expected in CONTRACT_IDS.items():
        assert sorted(cb.ids(kind)) == sorted(expected)


def test_themes_follow_table_1():
    cb = load_codebook()
    assert [t.id for t in cb.themes_of("empowerment")] == [
        "self_efficacy", "power_together", "strengths_approach", "self_directed_support", "peer_organised_services"]
    assert [t.id for t in cb.themes_of("identity")] == [
        "social_identities", "discrimination", "mental_illness_stigma", "anti_stigma_interventions"]
    assert [t.id for t in cb.themes_of("connectedness")] == [
        "interpersonal_relationships", "family_systems", "social_inclusion", "occupation_employment",
        "community_development"]
    assert cb.themes_of("hope") == [] and cb.themes_of("meaning") == []


def test_every_label_is_documented():
    cb = load_codebook()
    for kind in ("processes", "themes", "designs"):
        for label in getattr(cb, kind):
            assert len(label.definition) > 40, label.id
            if label.id != "unclear":
                assert label.cues and label.include and label.exclude, label.id
    assert cb.label("family_systems").parent == "connectedness"
    assert "Family/systems" in cb.label("family_systems").description()


def test_unknown_label_is_a_clear_error():
    with pytest.raises(KeyError, match="not a codebook label"):
        load_codebook().label("wellbeing")


def test_validation_rejects_missing_contract_id(tmp_path):
    text = CODEBOOK_FILE.read_text(encoding="utf-8").replace('id = "community_development"', 'id = "community"')
    path = tmp_path / "codebook.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="community_development"):
        parse_codebook(path)


def test_validation_rejects_unknown_parent():
    cb = load_codebook()
    bad_theme = dataclasses.replace(cb.themes[0], parent="wellbeing")
    bad = dataclasses.replace(cb, themes=(bad_theme, *cb.themes[1:]), _index={})
    with pytest.raises(ValueError, match="unknown parent"):
        validate(bad)


def test_markdown_lists_every_id():
    text = to_markdown(load_codebook())
    for ids in CONTRACT_IDS.values():
        for label_id in ids:
            assert f"`{label_id}`" in text


def test_docs_page_is_generated_from_the_codebook():
    from pathlib import Path

    page = Path(__file__).resolve().parents[2] / "docs" / "codebook.md"
    assert page.read_text(encoding="utf-8") == to_markdown(load_codebook()), (
        "docs/codebook.md is stale: run `srnlp codebook --format markdown -o docs/codebook.md`")
