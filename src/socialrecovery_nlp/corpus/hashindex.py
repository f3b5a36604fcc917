"""Compact indexes for streaming de-duplication: memory per record in bytes, not objects.

:class:`HashIndex` maps 64-bit key hashes to 64-bit integers with open addressing (linear probing)
over two arrays kept at most 60 % full: 12-16 bytes a slot, 25-50 bytes per key, where a
``dict[int, int]`` needs about 100 (two int objects plus the table). :class:`LabelStore` keeps, per
record ordinal, the id (UTF-8 bytes) and the file and line, 16 bytes plus the id per record, so a
duplicate's label (``"id (file:line)"``) is rebuilt only when a key repeats.
"""

from __future__ import annotations

from array import array

_MAX_LOAD = 0.6


class HashIndex:
    """``hash -> int`` for 64-bit signed ints, with :meth:`setdefault`, :meth:`get` and ``in``."""

    __slots__ = ("_count", "_keys", "_limit", "_mask", "_values")

    def __init__(self, capacity: int = 1 << 12, values: str = "q") -> None:
        """``values``: the array type code of the values, ``"q"`` (64-bit) or ``"i"`` (32-bit)."""
        size = 1 << max(4, (capacity - 1).bit_length())
        self._keys = array("q", bytes(8 * size))  # 0 marks an empty slot
        self._values = array(values, bytes(array(values).itemsize * size))
        self._mask = size - 1
        self._count = 0
        self._limit = int(size * _MAX_LOAD)

    def __len__(self) -> int:
        return self._count

    def _slot(self, key: int) -> int:
        """The slot holding ``key`` or the empty slot where it would go (``key`` is never 0)."""
        keys, mask = self._keys, self._mask
        i = key & mask
        found = keys[i]
        while found and found != key:
            i = (i + 1) & mask
            found = keys[i]
        return i

    def get(self, key: int) -> int | None:
        key = key or 1
        i = self._slot(key)
        return self._values[i] if self._keys[i] else None

    def __contains__(self, key: int) -> bool:
        return bool(self._keys[self._slot(key or 1)])

    def setdefault(self, key: int, value: int) -> int | None:
        """The value stored for ``key``; ``None`` (and ``value`` stored) when ``key`` is new."""
        key = key or 1
        keys, mask = self._keys, self._mask
        i = key & mask
        found = keys[i]
        while found:
            if found == key:
                return self._values[i]
            i = (i + 1) & mask
            found = keys[i]
        keys[i] = key
        self._values[i] = value
        self._count += 1
        if self._count > self._limit:
            self._grow()
        return None

    def match_or_add(self, keys: list[int], value: int) -> tuple[int, int | None, bool]:
        """:meth:`setdefault` for each of ``keys`` in one call (the de-duplicator's hot path).

        Returns ``(position, stored, added)``: the position in ``keys`` of the first key already
        present and its stored value (``-1, None`` when none was), and whether any key was new.
        """
        table, values = self._keys, self._values
        position, stored, added = -1, None, False
        for n, key in enumerate(keys):
            key = key or 1
            mask = self._mask
            i = key & mask
            found = table[i]
            while found and found != key:
                i = (i + 1) & mask
                found = table[i]
            if found:
                if position < 0:
                    position, stored = n, values[i]
                continue
            table[i] = key
            values[i] = value
            added = True
            self._count += 1
            if self._count > self._limit:
                self._grow()
                table, values = self._keys, self._values
        return position, stored, added

    def nbytes(self) -> int:
        return len(self._keys) * 8 + len(self._values) * self._values.itemsize

    def _grow(self) -> None:
        old_keys, old_values = self._keys, self._values
        size = 2 * len(old_keys)
        keys = self._keys = array("q", bytes(8 * size))
        values = self._values = array(old_values.typecode, bytes(old_values.itemsize * size))
        mask = self._mask = size - 1
        self._limit = int(size * _MAX_LOAD)
        for key, value in zip(old_keys, old_values):
            if key:
                i = key & mask
                while keys[i]:
                    i = (i + 1) & mask
                keys[i] = key
                values[i] = value


class LabelStore:
    """Per record ordinal: its id, file and line, packed; :meth:`label` gives ``"id (file:line)"``."""

    __slots__ = ("_ends", "_file_index", "_files", "_ids", "_where")

    def __init__(self) -> None:
        self._ids = bytearray()
        self._ends = array("q")  # end of each id in _ids
        self._where = array("q")  # index into _files << 32 | line + 1 (0: no line)
        self._files: list[object] = []
        self._file_index: dict[object, int] = {}

    def __len__(self) -> int:
        return len(self._ends)

    def add(self, record_id: object, source_file: object, source_line: int | None) -> int:
        """Store one record's label parts; returns its ordinal."""
        index = self._file_index.get(source_file)
        if index is None:
            index = self._file_index[source_file] = len(self._files)
            self._files.append(source_file)
        ids = self._ids
        ids += f"{record_id}".encode("utf-8", "surrogatepass")
        self._ends.append(len(ids))
        self._where.append(index << 32 | (0 if source_line is None else source_line + 1))
        return len(self._ends) - 1

    def record_id(self, ordinal: int) -> str:
        start = self._ends[ordinal - 1] if ordinal else 0
        return self._ids[start : self._ends[ordinal]].decode("utf-8", "surrogatepass")

    def label(self, ordinal: int) -> str:
        where = self._where[ordinal]
        line = (where & 0xFFFFFFFF) - 1
        return f"{self.record_id(ordinal)} ({self._files[where >> 32]}:{None if line < 0 else line})"

    def nbytes(self) -> int:
        return len(self._ids) + 8 * (len(self._ends) + len(self._where))
