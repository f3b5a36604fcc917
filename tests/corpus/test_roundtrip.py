"""Property-based round trips: write records in a format, read them back, get the same records."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialrecovery_nlp.corpus import Record, read_records, write_records
from socialrecovery_nlp.corpus.clean import squash

LETTERS = st.characters(whitelist_categories=("Lu", "Ll", "Nd"), max_codepoint=0x2FFF)
TEXT_CHARS = st.one_of(LETTERS, st.sampled_from(list(" .,:-()'%&_#$/?!+=\"éüßø–")))
NAME_CHARS = st.one_of(LETTERS, st.sampled_from(list(" ,-'")))


def clean_text(chars, max_size):
    return st.text(chars, min_size=1, max_size=max_size).map(squash).filter(bool)


names = clean_text(NAME_CHARS, 30).filter(lambda s: " and " not in f" {s.lower()} " and s[0] != "-")
records = st.builds(
    Record,
    id=st.text("abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=12),
    title=clean_text(TEXT_CHARS, 120),
    abstract=st.one_of(st.just(""), clean_text(TEXT_CHARS, 400)),
    authors=st.lists(names, max_size=4),
    year=st.one_of(st.none(), st.integers(1900, 2100)),
    journal=st.one_of(st.none(), clean_text(NAME_CHARS, 40)),
    doi=st.one_of(st.none(), st.from_regex(r"10\.[0-9]{4,5}/[a-z0-9][a-z0-9.\-]{0,18}[a-z0-9]", fullmatch=True)),
    pmid=st.one_of(st.none(), st.integers(1, 99_999_999).map(str)),
    keywords=st.lists(clean_text(NAME_CHARS, 25), max_size=4),
)
batches = st.lists(records, min_size=1, max_size=5, unique_by=lambda r: r.id)
FIELDS = ("title", "abstract", "authors", "year", "journal", "doi", "pmid", "keywords")
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def roundtrip(batch: list[Record], fmt: str, suffix: str) -> list[Record]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"records{suffix}"
        write_records(batch, path, fmt)
        return list(read_records(path, dedup=False, check_language=False))


def assert_same(batch, back, fields=FIELDS, ids=True):
    assert len(back) == len(batch)
    for before, after in zip(batch, back):
        for name in fields:
            assert getattr(after, name) == getattr(before, name), name
        if ids:
            assert after.id == before.id


@SETTINGS
@given(batches)
def test_ris(batch):
    assert_same(batch, roundtrip(batch, "ris", ".ris"))


@SETTINGS
@given(batches)
def test_medline(batch):
    back = roundtrip(batch, "medline", ".nbib")
    assert_same(batch, back, ids=False)
    seen = set()
    for record, expected in zip(back, [b.pmid or b.doi or f"records-{i}" for i, b in enumerate(batch, 1)]):
        if expected in seen:  # a repeated PMID/DOI: renamed after the file, with a W111 warning
            assert record.id.startswith(f"records:{expected}")
            assert any(w.startswith("[W111]") for w in record.warnings)
        else:
            assert record.id == expected
        seen.add(record.id)


@SETTINGS
@given(batches)
def test_csv(batch):
    assert_same(batch, roundtrip(batch, "csv", ".csv"))


@SETTINGS
@given(batches)
def test_jsonl(batch):
    assert_same(batch, roundtrip(batch, "jsonl", ".jsonl"))


@SETTINGS
@given(batches)
def test_bibtex(batch):
    back = roundtrip(batch, "bibtex", ".bib")
    assert_same(batch, back, ids=False)
    assert [r.id for r in back] == [b.id for b in batch]


def test_medline_repeated_pmid_is_renamed_with_a_warning():
    batch = [Record(id="a", title="First", abstract="", pmid="1"), Record(id="b", title="Second", abstract="", pmid="1")]
    back = roundtrip(batch, "medline", ".nbib")
    assert [r.id for r in back] == ["1", "records:1"]
    assert any(w.startswith("[W111]") for w in back[1].warnings)
    assert not any(w.startswith("[W111]") for w in back[0].warnings)
