from __future__ import annotations

from socialrecovery_nlp.corpus import Record
from socialrecovery_nlp.corpus.dedup import Deduplicator


def rec(id_, **kw):
    return Record(id=id_, source_file="f.ris", source_line=int(id_[-1]), **kw)


def test_doi_pmid_and_title_year():
    d = Deduplicator()
    title = "Joint crisis plans for people with borderline personality disorder"
    assert d.check(rec("a1", doi="10.1192/BJP.1", title="x")) is None
    assert d.check(rec("b2", doi="10.1192/bjp.1")).reason == "same DOI"
    assert d.check(rec("c3", pmid="123")) is None
    assert d.check(rec("d4", pmid="123", title="y")).reason == "same PMID"
    assert d.check(rec("e5", title=title, year=2013)) is None
    dup = rec("f6", title=title.upper() + "!", year=2013)
    assert d.check(dup).duplicate_of == "e5 (f.ris:5)"
    assert dup.extra["duplicate_of"] == "e5" and dup.warnings[0].startswith("[W107] f.ris:6: duplicate of e5")
    assert d.check(rec("g7", title=title, year=2014)) is None  # another year: not a duplicate
    assert len(d.duplicates) == 3


def test_short_titles_are_not_matched():
    d = Deduplicator()
    assert d.check(rec("a1", title="Editorial")) is None
    assert d.check(rec("b2", title="Editorial")) is None
