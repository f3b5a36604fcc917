"""Find duplicate records by DOI, PMID, or normalised title + year; report, never drop.

Streaming: only hashed keys and packed label parts are kept (about 100 bytes per record). A duplicate gets
W107 naming the earlier record, ``extra["duplicate_of"]`` and an entry in the report.
"""

from __future__ import annotations

from .clean import title_key
from .hashindex import HashIndex, LabelStore
from .record import Record
from .report import Duplicate

#: Titles shorter than this (after normalisation) are too generic to match on.
MIN_TITLE_KEY = 20


def record_keys(record: Record) -> list[tuple[str, str]]:
    """The ``(reason, key)`` pairs a record can be matched on, strongest first."""
    keys = []
    doi = record.doi.lower() if record.doi else None  # normalised by the reader already
    if doi:
        keys.append(("same DOI", "doi:" + doi))
    if record.pmid:
        keys.append(("same PMID", "pmid:" + str(record.pmid)))
    title = title_key(record.title)
    if len(title) >= MIN_TITLE_KEY:
        keys.append(("same title and year", f"title:{title}:{record.year or ''}"))
    return keys


class Deduplicator:
    """Remembers the keys of records seen; :meth:`check` marks a record that repeats one.

    Memory: a :class:`HashIndex` from key hash to record ordinal and a :class:`LabelStore` with
    each record's id, file and line (about 100 bytes per record with three keys).
    """

    def __init__(self) -> None:
        self._seen = HashIndex(values="i")  # hash of key -> ordinal of its first record in _labels
        self._labels = LabelStore()
        self.duplicates: list[Duplicate] = []

    def check(self, record: Record) -> Duplicate | None:
        """Return the :class:`Duplicate` when ``record`` repeats an earlier one, else ``None``.

        The record is marked (W107 in ``record.warnings``, ``extra["duplicate_of"]``).
        """
        keys = record_keys(record)
        if not keys:
            return None
        labels = self._labels
        ordinal = len(labels)
        position, other_ordinal, added = self._seen.match_or_add([hash(key) for _, key in keys], ordinal)
        if added:  # the ordinal is in use: store the label parts it stands for
            labels.add(record.id, record.source_file, record.source_line)
        if position < 0:
            return None
        reason = keys[position][0]
        other = labels.label(other_ordinal)
        from ..errors import record_warning

        record.warnings.append(
            record_warning("W107", path=record.source_file, line=record.source_line, other=other, reason=reason)
        )
        record.extra["duplicate_of"] = other.split(" (", 1)[0]
        where = f"{record.source_file}:{record.source_line}"
        duplicate = Duplicate(record=record.id, source=where, duplicate_of=other, reason=reason)
        self.duplicates.append(duplicate)
        return duplicate
