"""Segment the seed review (Tew et al. 2011) into sections, paragraphs and sentences.

Used once to build ``annotations/themes.jsonl`` and kept so the segmentation (and every
offset in the annotations' provenance) can be checked against the review copy in
``annotations/themes_review_tew2011.md``. Page breaks inside a paragraph and Table 1, which
the source places in the middle of a paragraph, are joined over: a sentence carries the list
of ``[start, end)`` spans of the review it is made of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Sections of the review body that are annotated (front matter and keywords are not).
BODY_START = "## Abstract"
SKIP_BLOCKS = ("**Keywords:**", "*Accepted:")

_LINK = re.compile(r"(\[)[^\]]*(\]\([^)]*\))")
_URL = re.compile(r"(<)https?://[^>]+(>)")
_ABBREV = re.compile(r"(?:\bal|\bpp|\bp|e\.g|i\.e|\bvs|\betc|\bDr|\bcf|\bNo|\bFig)\.$")
_BOUNDARY = re.compile(r"[.?!][\)’”'\"]*\s+(?=[(‘“'\"]?[A-Z0-9])")


def clean_with_map(text: str) -> tuple[str, list[int]]:
    """Plain text of a markdown snippet and, for each of its characters, its index in ``text``.

    Links, angle-bracket URLs, emphasis, escapes and runs of whitespace are removed.
    """
    keep = [True] * len(text)
    for pattern in (_LINK, _URL):
        for m in pattern.finditer(text):
            for g in (1, 2):
                for i in range(m.start(g), m.end(g)):
                    keep[i] = False
    for i, ch in enumerate(text):
        if ch in "*\\":
            keep[i] = False
    chars, index = [], []
    for i, ch in enumerate(text):
        if not keep[i]:
            continue
        if ch.isspace():
            if not chars or chars[-1] == " ":
                continue
            ch = " "
        chars.append(ch)
        index.append(i)
    while chars and chars[-1] == " ":
        chars.pop()
        index.pop()
    return "".join(chars), index


def clean_markdown(text: str) -> str:
    """Plain text of a markdown snippet."""
    return clean_with_map(text)[0]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of scholarly prose: a stop followed by space and a capital, unless the
    stop ends a citation abbreviation (``et al.``, ``pp.``, ``e.g.``)."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if _ABBREV.search(text[start:m.start() + 1]):
            continue
        end = m.end() - len(m.group()) + len(m.group().rstrip())
        spans.append((start, end))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


@dataclass
class Block:
    """A logical paragraph (or list item / table cell) with its spans in the review."""

    section: str
    kind: str  # paragraph | list_item | table_cell
    spans: list[tuple[int, int]] = field(default_factory=list)


def _raw_blocks(text: str):
    """(start, end) of each blank-line separated block."""
    for match in re.finditer(r"[^\n](?:[^\n]|\n(?![ \t]*\n))*", text):
        if match.group().strip():
            yield match.start(), match.end()


def review_blocks(text: str) -> list[Block]:
    """Logical paragraphs of the review body, page breaks and the table joined over."""
    blocks: list[Block] = []
    section = None
    pending: Block | None = None  # a paragraph cut by a page break or by Table 1
    for start, end in _raw_blocks(text):
        raw = text[start:end]
        if raw.startswith("#"):
            heading = clean_markdown(raw.lstrip("#"))
            if raw.startswith(BODY_START) or section is not None:
                section = heading
            continue
        if section is None or raw.startswith(SKIP_BLOCKS):
            continue
        if raw.startswith("Table 1 "):
            continue
        if "\t" in raw:
            blocks.extend(_table_cells(text, start, end))
            continue
        if raw.lstrip().startswith("- "):
            for m in re.finditer(r"^- (.+)$", raw, flags=re.MULTILINE):
                blocks.append(Block(section, "list_item", [(start + m.start(1), start + m.end(1))]))
            continue
        if pending is not None and raw[:1].islower():
            pending.spans.append((start, end))
        else:
            pending = Block(section, "paragraph", [(start, end)])
            blocks.append(pending)
    return blocks


def _table_cells(text: str, start: int, end: int) -> list[Block]:
    cells = []
    pos = start
    for line in text[start:end].split("\n"):
        col = pos
        for cell in line.split("\t"):
            if cell.strip() and cell not in ("Recovery processes", "Emergent themes"):
                cells.append(Block("Table 1", "table_cell", [(col, col + len(cell))]))
            col += len(cell) + 1
        pos += len(line) + 1
    return cells


def segment_review(text: str) -> list[dict]:
    """Every sentence of the review body: section, kind, paragraph and sentence index, the
    ``[start, end)`` spans it covers in ``text`` and its plain text."""
    out = []
    for para_index, block in enumerate(review_blocks(text)):
        raw_parts, raw_index = [], []
        for s, e in block.spans:
            if raw_parts:
                raw_parts.append(" ")
                raw_index.append(-1)
            raw_parts.append(text[s:e])
            raw_index.extend(range(s, e))
        joined = "".join(raw_parts)
        clean, cmap = clean_with_map(joined)
        sents = split_sentences(clean) if block.kind == "paragraph" else [(0, len(clean))]
        for si, (a, b) in enumerate(sents):
            rs = [raw_index[cmap[i]] for i in range(a, b) if raw_index[cmap[i]] >= 0]
            lo, hi = rs[0], rs[-1] + 1
            spans = [[max(lo, s), min(hi, e)] for s, e in block.spans if max(lo, s) < min(hi, e)]
            out.append({
                "section": block.section, "kind": block.kind, "paragraph": para_index,
                "sentence": si, "spans": spans, "text": clean[a:b],
            })
    return out
