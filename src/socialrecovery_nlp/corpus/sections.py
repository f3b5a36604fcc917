"""Map a full-text section heading to its coarse kind.

Kinds: ``front, abstract, introduction, methods, results, discussion, conclusions, references,
other``. The first matching rule wins; numbering (``2.1``, ``II.``) is ignored.
"""

from __future__ import annotations

import re

_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("abstract", re.compile(r"^(abstract|summary|synopsis)\b")),
    ("references", re.compile(r"^(references?|bibliography|literature cited|works cited|notes and references)\b")),
    ("introduction", re.compile(r"^(introduction|background|overview|rationale|aims?\b|objectives?)")),
    ("methods", re.compile(
        r"^(methods?|methodology|materials and methods|study design|design|participants|procedures?"
        r"|data (collection|analysis)|analysis|setting|sample|measures|search strategy|patients and methods"
        r"|searching the literature|literature search(es)?|search methods|review methods)\b"
    )),
    ("results", re.compile(r"^(results?|findings|outcomes)\b")),
    ("discussion", re.compile(r"^(discussion|general discussion|limitations|strengths and limitations|implications)\b")),
    ("conclusions", re.compile(r"^(conclusions?|concluding remarks|summary and conclusions?|final remarks)\b")),
]
_NUMBERING = re.compile(r"^\s*(?:(?:\d+(?:\.\d+)*|[IVXLC]+)[.)]?\s+)?", re.IGNORECASE)


def section_kind(heading: str) -> str:
    """The kind of a section from its heading (``"other"`` when no rule matches)."""
    text = _NUMBERING.sub("", heading or "").strip().lower()
    for kind, pattern in _RULES:
        if pattern.search(text):
            return kind
    return "other"
