"""Reading search exports and full texts into :class:`Record` objects, and writing results.

Public API::

    from socialrecovery_nlp.corpus import read_records, ReadReport, detect_format
    report = ReadReport()
    for record in read_records(["scopus.csv", "pubmed.nbib"], report=report):
        ...
    print(report.summary())
"""

from .record import Record, Section

__all__ = [
    "Record", "Section", "read_records", "read_file", "detect_format", "ReadReport", "FileReport",
    "Duplicate", "Deduplicator", "FORMATS", "write_records", "write_results", "RECORD_FORMATS",
    "OUTPUT_FORMATS",
]

_LAZY = {
    "read_records": ".read", "read_file": ".read", "detect_format": ".detect", "FORMATS": ".detect",
    "ReadReport": ".report", "FileReport": ".report", "Duplicate": ".report", "Deduplicator": ".dedup",
    "write_records": ".writers", "write_results": ".writers", "RECORD_FORMATS": ".writers",
    "OUTPUT_FORMATS": ".writers",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
