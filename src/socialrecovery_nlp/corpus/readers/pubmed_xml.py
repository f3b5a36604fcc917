"""PubMed XML (``efetch`` ``PubmedArticleSet``), streamed with ``lxml.etree.iterparse``.

Each ``PubmedArticle``/``PubmedBookArticle`` is read and then cleared, so memory stays flat.
Structured abstracts are joined as ``"LABEL: text"`` parts separated by one space (the MEDLINE
rendering of the same record). Malformed XML stops the file with W112 at the failing line; the
records before it are kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..context import ReadContext
from ..record import Record
from ._xml import stream

_ARTICLE_TAGS = ("PubmedArticle", "PubmedBookArticle")


def _text(elem) -> str:
    return "".join(elem.itertext()) if elem is not None else ""


def build(article) -> Record:
    citation = article.find("MedlineCitation")
    if citation is None:
        citation = article.find("BookDocument")
    if citation is None:
        raise ValueError(f"<{article.tag}> has no MedlineCitation")
    pmid = citation.findtext("PMID")
    art = citation.find("Article")
    base = art if art is not None else citation
    title = _text(base.find("ArticleTitle")) or _text(base.find("BookTitle")) or _text(base.find("VernacularTitle"))
    parts = []
    for node in base.iterfind("Abstract/AbstractText"):
        text = _text(node).strip()
        label = node.get("Label")
        if text:
            parts.append(f"{label}: {text}" if label else text)
    authors = []
    for author in base.iterfind(".//AuthorList/Author"):
        last, fore = author.findtext("LastName"), author.findtext("ForeName") or author.findtext("Initials")
        name = f"{last}, {fore}" if last and fore else (last or author.findtext("CollectiveName") or "")
        if name:
            authors.append(name)
    year = (
        base.findtext("Journal/JournalIssue/PubDate/Year")
        or base.findtext("Journal/JournalIssue/PubDate/MedlineDate")
        or base.findtext("ArticleDate/Year")
        or base.findtext("PubDate/Year")
    )
    doi = None
    for node in base.iterfind("ELocationID"):
        if node.get("EIdType") == "doi":
            doi = node.text
            break
    if doi is None:
        for node in article.iterfind("PubmedData/ArticleIdList/ArticleId"):
            if node.get("IdType") == "doi":
                doi = node.text
                break
    keywords = [_text(k).strip() for k in citation.iterfind("KeywordList/Keyword") if _text(k).strip()]
    extra: dict[str, object] = {}
    mesh = [_text(d).strip() for d in citation.iterfind("MeshHeadingList/MeshHeading/DescriptorName")]
    if mesh:
        extra["mesh"] = mesh
    language = base.findtext("Language")
    if language:
        extra["language_metadata"] = language
    types = [_text(t) for t in base.iterfind("PublicationTypeList/PublicationType")]
    if types:
        extra["publication_types"] = types
    return Record(
        id="",
        title=title,
        abstract=" ".join(parts),
        authors=authors,
        year=year,
        journal=base.findtext("Journal/Title") or base.findtext("Journal/ISOAbbreviation"),
        doi=doi,
        pmid=pmid,
        keywords=keywords,
        source_line=article.sourceline,
        extra=extra,
    )


def read(path: Path, ctx: ReadContext) -> Iterator[Record]:
    return stream(path, ctx, _ARTICLE_TAGS, build, what="article")
