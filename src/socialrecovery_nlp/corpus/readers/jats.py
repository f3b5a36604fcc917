"""JATS XML full texts (PubMed Central, publishers), one record per ``<article>``.

Sections: the title (``front``), the abstract, each top-level ``<body>`` ``<sec>`` (its kind from
its heading, nested sections flattened as heading line + paragraphs) and the reference list
(``references``). Tables, figures and formulas are left out; citation markers (``<xref>``) are
kept as text. Streamed with ``iterparse`` so article sets do not fill memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..clean import squash
from ..context import ReadContext
from ..record import Record, Section
from ..sections import section_kind
from ._xml import stream

_SKIP = frozenset(("table-wrap", "fig", "disp-formula", "table-wrap-foot", "supplementary-material", "graphic"))


def _text(elem) -> str:
    return squash("".join(elem.itertext())) if elem is not None else ""


def _paragraphs(sec, depth: int = 0) -> list[str]:
    out: list[str] = []
    for child in sec:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _SKIP or tag == "title" or tag == "label":
            continue
        if tag == "sec":
            heading = _text(child.find("title"))
            if heading:
                out.append(heading)
            out.extend(_paragraphs(child, depth + 1))
        elif tag:
            text = _text(child)
            if text:
                out.append(text)
    return out


def _abstract(abstract) -> str:
    if abstract is None:
        return ""
    secs = abstract.findall("sec")
    if not secs:
        return " ".join(_paragraphs(abstract))
    parts = []
    for sec in secs:
        heading = _text(sec.find("title"))
        body = " ".join(_paragraphs(sec))
        parts.append(f"{heading}: {body}" if heading else body)
    return " ".join(parts)


def build(article) -> Record:
    meta = article.find("front/article-meta")
    if meta is None:
        raise ValueError("<article> has no front/article-meta")
    title = _text(meta.find("title-group/article-title"))
    ids = {a.get("pub-id-type"): (a.text or "").strip() for a in meta.iterfind("article-id")}
    authors = []
    for name in meta.iterfind("contrib-group/contrib[@contrib-type='author']/name"):
        surname, given = name.findtext("surname"), name.findtext("given-names")
        authors.append(f"{surname}, {given}" if surname and given else (surname or given or ""))
    year = None
    for date in meta.iterfind("pub-date"):
        year = date.findtext("year")
        if year:
            break
    abstract = _abstract(meta.find("abstract"))
    sections = [Section("", title, "front")] if title else []
    if abstract:
        sections.append(Section("Abstract", abstract, "abstract"))
    body = article.find("body")
    if body is not None:
        loose = [_text(p) for p in body if isinstance(p.tag, str) and p.tag not in ("sec",) + tuple(_SKIP)]
        loose = [p for p in loose if p]
        if loose:
            sections.append(Section("", "\n".join(loose), "other"))
        for sec in body.iterfind("sec"):
            heading = _text(sec.find("title"))
            text = "\n".join(_paragraphs(sec))
            if text or heading:
                sections.append(Section(heading, text, section_kind(heading) if heading else "other"))
    refs = [_text(r) for r in article.iterfind("back/ref-list/ref")]
    if refs:
        heading = _text(article.find("back/ref-list/title")) or "References"
        sections.append(Section(heading, "\n".join(r for r in refs if r), "references"))
    return Record(
        id=ids.get("pmid") or ids.get("doi") or ids.get("pmc") or "",
        title=title,
        abstract=abstract,
        authors=[a for a in authors if a],
        year=year,
        journal=_text(article.find("front/journal-meta/journal-title-group/journal-title"))
        or _text(article.find("front/journal-meta/journal-title"))
        or None,
        doi=ids.get("doi"),
        pmid=ids.get("pmid"),
        keywords=[_text(k) for k in meta.iterfind("kwd-group/kwd") if _text(k)],
        sections=sections,
        source_line=article.sourceline,
        extra={"pmcid": ids["pmc"]} if ids.get("pmc") else {},
    )


def _drop_namespaces(article) -> None:
    """Element names without their namespace, so a JATS file with ``xmlns="..."`` reads as one
    without (attributes such as ``xlink:href`` keep theirs)."""
    for elem in article.iter():
        tag = elem.tag
        if isinstance(tag, str) and tag.startswith("{"):
            elem.tag = tag.split("}", 1)[1]


def _prepare(article) -> bool:
    if isinstance(article.tag, str) and article.tag.startswith("{"):
        _drop_namespaces(article)
    return True


def read(path: Path, ctx: ReadContext) -> Iterator[Record]:
    # "{*}article": with or without a (default) namespace, which _drop_namespaces then removes
    return stream(path, ctx, "{*}article", build, what="article", prepare=_prepare)
