"""Chunked reading gives the same records wherever the chunk boundaries fall."""

from __future__ import annotations

import pytest

from socialrecovery_nlp.corpus.readers import _text

from .conftest import EXAMPLES, FIXTURES, read

FIELDS = ("id", "title", "abstract", "authors", "year", "doi", "pmid", "keywords", "source_line", "warnings")


def snapshot(records):
    return [tuple(str(getattr(r, f)) for f in FIELDS) for r in records]


@pytest.mark.parametrize("path", [EXAMPLES / "batch.ris", EXAMPLES / "sample.nbib", FIXTURES / "zotero.ris",
                                  FIXTURES / "missing_ty_er.ris", FIXTURES / "truncated.ris"])
def test_tiny_chunks_give_the_same_records(path, monkeypatch):
    expected = snapshot(read(path)[0])
    monkeypatch.setattr(_text, "CHUNK_CHARS", 37)
    monkeypatch.setattr(_text, "MAX_OPEN_CHARS", 10_000_000)
    assert snapshot(read(path)[0]) == expected


def test_file_without_er_lines_still_streams(tmp_path, monkeypatch):
    text = (EXAMPLES / "batch.ris").read_text(encoding="utf-8").replace("ER  - \n", "")
    path = tmp_path / "no_er.ris"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(_text, "CHUNK_CHARS", 4096)
    monkeypatch.setattr(_text, "MAX_OPEN_CHARS", 16384)
    records, _ = read(path, dedup=False, check_language=False)
    assert len(records) == 250
    assert all(any(w.startswith("[W109]") for w in r.warnings) for r in records)
    starts = [i for i, line in enumerate(text.splitlines(), 1) if line.startswith("TY  -")]
    assert [r.source_line for r in records] == starts
    from socialrecovery_nlp.corpus.context import ReadContext
    from socialrecovery_nlp.corpus.readers.ris import _END
    from socialrecovery_nlp.corpus.report import FileReport

    sizes = [len(b) for _, b, _ in _text.blocks(path, ReadContext(path, FileReport(str(path))), _END, "\nTY  -")]
    assert len(sizes) > 10 and max(sizes) <= 16384 + 4096
