"""In-text citation markers: author-year ("Link et al., 2001; Yanos et al., 2008",
"(Mancini, 2007, p. 50)", "Nelson et al. (2001)") and numeric ("[12]", "[3-5]", "[2, 7]").

``find_citations(text)`` returns :class:`Citation` objects with character offsets;
``link_references(citations, references)`` attaches reference-list entries when a full text
has a references section.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

_SURNAME = r"(?:[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’\-][^\W\d_]+)*|van|von|de|der|Van|Von|De|Le|La)"
_NAME = rf"{_SURNAME}(?:(?:[ \-/]|\s(?:for|of|the|and the)\s){_SURNAME})*"
_AUTHORS = rf"{_NAME}(?:,? (?:and|&) {_NAME}| \*?et al\.?\*?)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)[a-z]?|in press|n\.d\."
_PAGES = r"pp?\.\s?\d+(?:\s?[–\-]\s?\d+)?"
#: One author-year item inside parentheses: "see Saleebey, 2002", "Nelson et al., 2001, pp. 131–8".
_ITEM = re.compile(
    rf"(?:(?:see|e\.g\.|cf\.|also)\s+)?(?P<authors>{_AUTHORS}),?\s+(?P<year>{_YEAR})"
    rf"(?:[,:]\s*(?P<pages>{_PAGES}))?"
)
_PAREN = re.compile(r"\(([^()]*)\)")
_NARRATIVE = re.compile(rf"(?P<authors>{_AUTHORS})\s+\((?P<year>{_YEAR})(?:,\s*(?P<pages>{_PAGES}))?\)")
_NUMERIC = re.compile(r"\[(\d+(?:\s*[–\-]\s*\d+)?(?:\s*,\s*\d+(?:\s*[–\-]\s*\d+)?)*)\]")


@dataclass
class Citation:
    """One cited work: ``authors`` + ``year`` (author-year) or ``numbers`` (numeric style)."""

    text: str
    start: int
    end: int
    authors: str | None = None
    year: str | None = None
    pages: str | None = None
    numbers: list[int] = field(default_factory=list)
    reference: str | None = None

    @property
    def first_author(self) -> str | None:
        if not self.authors:
            return None
        return re.split(r",| and | & | et al", self.authors)[0].strip()

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, [])}


def _clean(authors: str) -> str:
    return re.sub(r"\s+", " ", authors.replace("*", "")).strip()


def _expand(numbers: str) -> list[int]:
    out: list[int] = []
    for part in re.split(r"\s*,\s*", numbers):
        bounds = re.split(r"\s*[–\-]\s*", part)
        if len(bounds) == 2 and int(bounds[1]) >= int(bounds[0]) and int(bounds[1]) - int(bounds[0]) < 200:
            out.extend(range(int(bounds[0]), int(bounds[1]) + 1))
        else:
            out.append(int(bounds[0]))
    return out


def find_citations(text: str) -> list[Citation]:
    """Every citation marker in ``text``, in order of appearance."""
    found: list[Citation] = []
    taken: list[tuple[int, int]] = []
    for match in _NARRATIVE.finditer(text):
        found.append(Citation(match.group(0), match.start(), match.end(), _clean(match.group("authors")),
                              match.group("year"), match.group("pages")))
        taken.append((match.start(), match.end()))
    for paren in _PAREN.finditer(text):
        if any(s <= paren.start() < e for s, e in taken):
            continue
        inner_start = paren.start(1)
        for piece in re.finditer(r"[^;]+", paren.group(1)):
            item = _ITEM.search(piece.group(0))
            if not item:
                continue
            start = inner_start + piece.start() + item.start("authors")
            end = inner_start + piece.start() + item.end()
            found.append(Citation(text[start:end], start, end, _clean(item.group("authors")), item.group("year"),
                                  item.group("pages")))
    for match in _NUMERIC.finditer(text):
        found.append(Citation(match.group(0), match.start(), match.end(), numbers=_expand(match.group(1))))
    found.sort(key=lambda c: c.start)
    return found


_REF_NUMBER = re.compile(r"^\s*(?:\[(\d+)\]|(\d+)\.)\s+")


def split_references(text: str) -> list[str]:
    """Reference-list entries, one per non-empty line (numbered "[n]" / "n." prefixes kept)."""
    return [line.strip() for line in text.splitlines() if len(line.strip()) > 15]


def link_references(citations: list[Citation], references: list[str]) -> list[Citation]:
    """Attach the matching reference entry (``citation.reference``) where one is found.

    Numeric citations match entries numbered ``[n]``/``n.`` (or the n-th entry when none are
    numbered); author-year citations match the first entry that starts with the first author's
    surname and contains the year.
    """
    numbered = {}
    for entry in references:
        match = _REF_NUMBER.match(entry)
        if match:
            numbered[int(match.group(1) or match.group(2))] = entry
    for citation in citations:
        if citation.numbers:
            n = citation.numbers[0]
            citation.reference = numbered.get(n) or (references[n - 1] if not numbered and 0 < n <= len(references) else None)
        elif citation.first_author and citation.year:
            surname = citation.first_author.split()[-1] if " " in citation.first_author and not citation.first_author.startswith(("van ", "Van ", "de ", "De ", "Le ")) else citation.first_author
            for entry in references:
                body = _REF_NUMBER.sub("", entry)
                named = body.lower().startswith(surname.lower()) or surname.lower() in body[:60].lower()
                if named and citation.year in body:
                    citation.reference = entry
                    break
    return citations
