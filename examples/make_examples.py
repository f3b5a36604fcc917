"""Rebuild the example inputs from the real screening data in ``data/screening`` (repo root).

    PYTHONPATH=src python examples/make_examples.py

Deterministic: the same data give byte-identical files. See ``examples/README.md``.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCREENING = ROOT / "data" / "screening"
sys.path.insert(0, str(ROOT / "src"))

from socialrecovery_nlp.corpus import Record, write_records

#: (file, short name, how many records; ``None`` = the Oud selection below)
SOURCES = [
    ("synergy_Oud_2018.csv", "oud", None),
    ("synergy_Sep_2021.csv", "sep", 10),
    ("synergy_van_der_Valk_2021.csv", "valk", 10),
    ("Nagtegaal_2019_nudging.csv", "nagtegaal", 10),
    ("Cohen_2006_ADHD.csv", "cohen", 20),
]
OUD_RECORDS = 200


def rows(name: str) -> list[dict[str, str]]:
    with open(SCREENING / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def select(name: str, count: int | None) -> list[dict[str, str]]:
    data = [r for r in rows(name) if r["title"].strip()]
    if count is None:  # every included Oud record, then the first excluded ones, in file order
        included = [r for r in data if r["label_included"] == "1"]
        excluded = [r for r in data if r["label_included"] != "1"][: OUD_RECORDS - len(included)]
        keep = {id(r) for r in included + excluded}
        return [r for r in data if id(r) in keep]
    return data[:count]


def to_record(row: dict[str, str], short: str) -> Record:
    doi = row.get("doi", "").replace("https://doi.org/", "") or None
    split = lambda v: [x.strip() for x in (v or "").split(";") if x.strip()]
    return Record(
        id=f"{short}-{row['record_id']}",
        title=row["title"].strip(),
        abstract=row.get("abstract", "").strip(),
        authors=split(row.get("authors")),
        year=int(row["year"]) if row.get("year", "").isdigit() else None,
        doi=doi,
        pmid=row.get("pubmedID") or None,
        keywords=split(row.get("keywords")),
        label_included=int(row["label_included"]) if row.get("label_included", "").strip() else None,
        extra={"dataset": short},
    )


def write_csv(records: list[Record], path: Path) -> None:
    columns = ["record_id", "title", "abstract", "authors", "keywords", "year", "doi", "pmid", "label_included",
               "dataset"]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        for r in records:
            writer.writerow([r.id, r.title, r.abstract, "; ".join(r.authors), "; ".join(r.keywords),
                             r.year or "", r.doi or "", r.pmid or "",
                             "" if r.label_included is None else r.label_included, r.extra["dataset"]])


def write_pubmed_xml(records: list[Record], path: Path) -> None:
    """A PubMed efetch-shaped XML file (only the elements our data have)."""
    out = ['<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January '
           '2024//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_240101.dtd">\n<PubmedArticleSet>\n']
    for r in records:
        authors = "".join(
            f"<Author ValidYN=\"Y\"><LastName>{escape(a.split(',', 1)[0])}</LastName>"
            f"<ForeName>{escape(a.split(',', 1)[1].strip())}</ForeName></Author>"
            for a in r.authors if "," in a
        )
        mesh = "".join(f"<MeshHeading><DescriptorName>{escape(k)}</DescriptorName></MeshHeading>" for k in r.keywords)
        out.append(
            f"  <PubmedArticle>\n    <MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\">\n"
            f"      <PMID Version=\"1\">{r.pmid}</PMID>\n      <Article PubModel=\"Print\">\n"
            f"        <ArticleTitle>{escape(r.title)}</ArticleTitle>\n"
            f"        <Abstract><AbstractText>{escape(r.abstract)}</AbstractText></Abstract>\n"
            f"        <AuthorList CompleteYN=\"Y\">{authors}</AuthorList>\n"
            f"        <Language>eng</Language>\n      </Article>\n"
            f"      <MeshHeadingList>{mesh}</MeshHeadingList>\n    </MedlineCitation>\n  </PubmedArticle>\n"
        )
    out.append("</PubmedArticleSet>\n")
    path.write_text("".join(out), encoding="utf-8")


def _styled(text: str) -> str:
    return f'<style face="normal" font="default" size="100%">{escape(text)}</style>'


def write_endnote_xml(records: list[Record], path: Path) -> None:
    """An EndNote XML export (the layout EndNote 20 writes, text in ``<style>`` runs)."""
    out = ['<?xml version="1.0" encoding="UTF-8" ?><xml><records>\n']
    for number, r in enumerate(records, 1):
        authors = "".join(f"<author>{_styled(a)}</author>" for a in r.authors)
        keywords = "".join(f"<keyword>{_styled(k)}</keyword>" for k in r.keywords)
        out.append(
            f'<record><database name="examples.enl" path="examples.enl">examples.enl</database>'
            f'<source-app name="EndNote" version="20.0">EndNote</source-app><rec-number>{number}</rec-number>'
            f'<ref-type name="Journal Article">17</ref-type>'
            f"<contributors><authors>{authors}</authors></contributors>"
            f"<titles><title>{_styled(r.title)}</title></titles>"
            f"<keywords>{keywords}</keywords><dates><year>{_styled(str(r.year or ''))}</year></dates>"
            f"<accession-num>{_styled(r.pmid or '')}</accession-num>"
            f"<electronic-resource-num>{_styled(r.doi or '')}</electronic-resource-num>"
            f"<abstract>{_styled(r.abstract)}</abstract>"
            f"<remote-database-name>{_styled('PubMed' if r.pmid else '')}</remote-database-name>"
            f"<language>{_styled('eng')}</language></record>\n"
        )
    out.append("</records></xml>\n")
    path.write_text("".join(out), encoding="utf-8")


def write_refworks(records: list[Record], path: Path) -> None:
    """A RefWorks tagged export (``RT`` ... blank line)."""
    out = []
    for r in records:
        lines = ["RT Journal Article", "SR Electronic(1)", f"ID {r.id}"]
        lines += [f"A1 {a}" for a in r.authors]
        lines += [f"T1 {r.title}", f"YR {r.year or ''}"]
        lines += [f"K1 {k}" for k in r.keywords]
        lines += [f"AB {r.abstract}", f"DO {r.doi or ''}", f"AN {r.pmid or ''}", "LA English"]
        out.append("\n".join(line for line in lines if not line.endswith(" ")) + "\n")
    path.write_text("\n".join(out), encoding="utf-8")


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _inline(text: str) -> str:
    text = _LINK.sub(r"\1", text).replace("\\*", "*").replace("**", "").replace("\\(", "(").replace("\\)", ")")
    return escape(text.strip())


def write_jats(markdown: Path, path: Path) -> None:
    """The review's Markdown as a JATS article: ``##`` headings become ``<sec>``s."""
    lines = markdown.read_text(encoding="utf-8").splitlines()
    title = next(line[2:].strip() for line in lines if line.startswith("# "))
    sections: list[tuple[str, list[str]]] = [("", [])]
    para: list[str] = []
    for line in lines:
        if line.startswith("# ") or line.strip() == "---":
            continue
        if line.startswith("## "):
            if para:
                sections[-1][1].append(" ".join(para))
                para = []
            sections.append((line[3:].strip().strip("*"), []))
        elif line.strip():
            para.append(line.strip().lstrip("- ").strip())
        elif para:
            sections[-1][1].append(" ".join(para))
            para = []
    if para:
        sections[-1][1].append(" ".join(para))
    abstract = next((paras for head, paras in sections if head == "Abstract"), [])
    body = [(h, p) for h, p in sections if h and h != "Abstract"]
    secs = "".join(
        f"    <sec>\n      <title>{_inline(h)}</title>\n" + "".join(f"      <p>{_inline(x)}</p>\n" for x in p)
        + "    </sec>\n"
        for h, p in body
    )
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 20210610//EN"'
        ' "JATS-archivearticle1-3.dtd">\n'
        '<article article-type="review-article">\n  <front>\n    <article-meta>\n'
        f"      <title-group><article-title>{_inline(title)}</article-title></title-group>\n"
        "      <pub-date><year>2011</year></pub-date>\n"
        "      <abstract>\n" + "".join(f"        <p>{_inline(x)}</p>\n" for x in abstract if not x.startswith("*"))
        + "      </abstract>\n    </article-meta>\n  </front>\n  <body>\n" + secs + "  </body>\n</article>\n"
    )
    path.write_text(text, encoding="utf-8")


def main() -> None:
    batch: list[Record] = []
    for name, short, count in SOURCES:
        batch.extend(to_record(row, short) for row in select(name, count))
    write_csv(batch, HERE / "batch.csv")
    write_records(batch, HERE / "batch.ris", "ris")
    cohen = [r for r in batch if r.extra["dataset"] == "cohen" and r.pmid][:10]
    write_records(cohen, HERE / "sample.nbib", "medline")
    write_pubmed_xml(cohen, HERE / "sample_pubmed.xml")
    write_records(cohen, HERE / "sample.bib", "bibtex")
    # the 10 Cohen records (PMIDs, MeSH keywords) plus 5 Oud records (years, DOIs)
    mixed = cohen + [r for r in batch if r.extra["dataset"] == "oud" and r.doi and r.year][:5]
    write_endnote_xml(mixed, HERE / "sample_endnote.xml")
    write_refworks(mixed, HERE / "sample_refworks.txt")
    write_records([r for r in batch if r.extra["dataset"] == "oud"][:10], HERE / "sample.jsonl", "jsonl")
    write_jats(HERE / "fulltext" / "tew2011_review.md", HERE / "fulltext" / "tew2011_review.jats.xml")
    print(f"{len(batch)} records in batch.csv / batch.ris; samples: {len(cohen)} records each")


if __name__ == "__main__":
    main()
