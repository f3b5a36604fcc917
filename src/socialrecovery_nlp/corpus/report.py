"""What happened while reading: per-file counts, warnings, duplicates and failed inputs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

#: At most this many warning messages are kept per file; the rest are only counted.
MAX_MESSAGES = 200


@dataclass
class Duplicate:
    """``record`` (id, at ``source``) duplicates the earlier ``duplicate_of`` by ``reason``."""

    record: str
    source: str
    duplicate_of: str
    reason: str


@dataclass
class FileReport:
    """The outcome for one input path."""

    path: str
    format: str | None = None
    encoding: str | None = None
    records: int = 0
    skipped: int = 0
    error_code: str | None = None
    error: str | None = None
    messages: list[str] = field(default_factory=list)
    warning_counts: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return self.error_code is not None

    def add(self, message: str) -> None:
        """Count a ``[Wxxx] ...`` message and keep its text while under :data:`MAX_MESSAGES`."""
        self.warning_counts[message[1:5]] += 1
        if len(self.messages) < MAX_MESSAGES:
            self.messages.append(message)


@dataclass
class ReadReport:
    """Filled in while :func:`read_records` is iterated; complete once it is exhausted."""

    files: list[FileReport] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)

    @property
    def records(self) -> int:
        return sum(f.records for f in self.files)

    @property
    def skipped(self) -> int:
        return sum(f.skipped for f in self.files)

    @property
    def failed(self) -> list[FileReport]:
        return [f for f in self.files if f.failed]

    @property
    def warning_counts(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for f in self.files:
            total.update(f.warning_counts)
        return total

    @property
    def ok(self) -> bool:
        """True when at least one record was read."""
        return self.records > 0

    def summary(self) -> str:
        """A few lines for a terminal: one per file, then totals."""
        lines = []
        for f in self.files:
            if f.failed:
                lines.append(f"{f.path}: FAILED {f.error}")
                continue
            extra = f", {f.skipped} skipped" if f.skipped else ""
            enc = f", {f.encoding}" if f.encoding and f.encoding not in ("utf-8", "utf-8-sig") else ""
            lines.append(f"{f.path}: {f.records} records ({f.format}{enc}){extra}")
        counts = ", ".join(f"{code} x{n}" for code, n in sorted(self.warning_counts.items()))
        lines.append(
            f"total: {self.records} records from {len(self.files) - len(self.failed)} of "
            f"{len(self.files)} inputs, {self.skipped} skipped, {len(self.duplicates)} duplicates"
            + (f"; warnings: {counts}" if counts else "")
        )
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "skipped": self.skipped,
            "duplicates": [vars(d) for d in self.duplicates],
            "warnings": dict(self.warning_counts),
            "files": [
                {
                    "path": f.path, "format": f.format, "encoding": f.encoding, "records": f.records,
                    "skipped": f.skipped, "error_code": f.error_code, "error": f.error,
                    "warnings": dict(f.warning_counts), "messages": list(f.messages),
                    "seconds": round(f.seconds, 3),
                }
                for f in self.files
            ],
        }
