"""The one record type every reader produces and every component consumes."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: Separator between the title and the abstract in the analysed text.
TITLE_SEPARATOR = "\n\n"


@dataclass
class Section:
    """A part of a full text: its heading, its text and a coarse kind.

    ``kind`` is one of ``front, abstract, introduction, methods, results, discussion,
    conclusions, references, other`` (see :mod:`socialrecovery_nlp.text.sections`).
    """

    title: str
    text: str
    kind: str = "other"


@dataclass
class Record:
    """A bibliographic record or full text as read from a search export.

    The analysed text (``record.text``) is the title, a blank line, then the abstract; for full
    texts (records with ``sections``) it is the body as read, sections joined by blank lines, each
    preceded by its heading when it has one. All character offsets in the output refer to it.
    """

    id: str
    title: str = ""
    abstract: str = ""
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    journal: str | None = None
    doi: str | None = None
    pmid: str | None = None
    keywords: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    source_file: str | None = None
    source_line: int | None = None
    label_included: int | None = None
    language: str | None = None
    warnings: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_full_text(self) -> bool:
        return bool(self.sections)

    @property
    def text(self) -> str:
        """The analysed text; offsets in every output refer to this string."""
        return "".join(part for part, _ in self._parts())

    def section_offsets(self) -> list[tuple[Section, int, int]]:
        """Each section with the character span of its *text* inside :attr:`text`.

        Abstract records yield two pseudo-sections, ``front`` (the title) and ``abstract``.
        """
        spans: list[tuple[Section, int, int]] = []
        pos = 0
        for part, section in self._parts():
            if section is not None:
                start = pos + len(part) - len(section.text)
                spans.append((section, start, start + len(section.text)))
            pos += len(part)
        return spans

    def _parts(self) -> list[tuple[str, Section | None]]:
        if not self.sections:
            parts: list[tuple[str, Section | None]] = [(self.title, Section("", self.title, "front"))]
            if self.abstract:
                parts.append((TITLE_SEPARATOR, None))
                parts.append((self.abstract, Section("Abstract", self.abstract, "abstract")))
            return parts
        parts = []
        for i, section in enumerate(self.sections):
            if i:
                parts.append((TITLE_SEPARATOR, None))
            head = f"{section.title}\n" if section.title else ""
            parts.append((head + section.text, section))
        return parts

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        data = dict(data)
        data["sections"] = [s if isinstance(s, Section) else Section(**s) for s in data.get("sections") or []]
        known = set(cls.__dataclass_fields__)
        extra = {k: data.pop(k) for k in list(data) if k not in known}
        record = cls(**data)
        record.extra.update(extra)
        return record
