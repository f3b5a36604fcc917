"""Reading search exports and full texts into :class:`Record` objects, and writing results.

Public API::

    from socialrecovery_nlp.corpus import read_records, ReadReport, detect_format
    report = ReadReport()
    for record in read_records(["scopus.csv", "pubmed.nbib"], report=report):
        ...
    print(report.summary())
"""

from .._lazy import lazy_getattr
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


__getattr__ = lazy_getattr(__name__, _LAZY)
