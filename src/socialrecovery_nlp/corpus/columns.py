"""Which column of a table holds which record field (ASReview, Scopus, Web of Science, Zotero).

``column_map`` maps record fields to column names (``{"title": "Article Title"}``); fields it
does not name are found through :data:`ALIASES`, exact spelling first, then ignoring case.
"""

from __future__ import annotations

from ..errors import SrnlpError

#: Record field -> column names seen in real exports, in order of preference.
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("record_id", "UT", "EID", "id", "Key", "Unique Article Identifier", "Accession Number"),
    "title": ("title", "Title", "TI", "Article Title", "primary_title", "Document Title", "ArticleTitle"),
    "abstract": ("abstract", "Abstract", "AB", "Abstract Note", "notes_abstract"),
    "authors": ("authors", "Authors", "AU", "Author", "Author full names", "AF", "first_authors"),
    "year": ("year", "Year", "PY", "Publication Year", "publication_year", "Date"),
    "journal": ("journal", "Source title", "Source Title", "SO", "Publication Title", "journal_name",
                "secondary_title"),
    "doi": ("doi", "DOI", "DI"),
    "pmid": ("pmid", "PMID", "PubMed ID", "Pubmed Id", "PM", "pubmedID", "pubmed_id"),
    "keywords": ("keywords", "Keywords", "Author Keywords", "DE", "Manual Tags"),
    "label_included": ("label_included", "included", "label", "final_included"),
    "language": ("language",),
}
FIELDS = tuple(ALIASES)


def check_column_map(column_map: dict[str, str] | None) -> dict[str, str]:
    """Validate the keys of a user column mapping (E108 for an unknown field)."""
    column_map = dict(column_map or {})
    for key in column_map:
        if key not in ALIASES:
            raise SrnlpError("E108", field=key, choices=", ".join(FIELDS))
    return column_map


def resolve(
    header: list[str], column_map: dict[str, str] | None = None, missing: list[str] | None = None
) -> dict[str, int]:
    """Record field -> column index for ``header``; user mappings win over aliases.

    Mapped columns missing from ``header`` are left out and listed in ``missing`` (when given).
    """
    names = [h.strip().lstrip("\ufeff") for h in header]
    exact = {name: i for i, name in reversed(list(enumerate(names)))}
    folded = {name.casefold(): i for i, name in reversed(list(enumerate(names)))}
    result: dict[str, int] = {}
    for field, column in (column_map or {}).items():
        if column in exact:
            result[field] = exact[column]
        elif column.casefold() in folded:
            result[field] = folded[column.casefold()]
        elif missing is not None:
            missing.append(column)
    taken = set(result.values())
    for field, aliases in ALIASES.items():
        if field in result:
            continue
        index = next((exact[a] for a in aliases if a in exact and exact[a] not in taken), None)
        if index is None:
            index = next(
                (folded[a.casefold()] for a in aliases if a.casefold() in folded and folded[a.casefold()] not in taken),
                None,
            )
        if index is not None:
            result[field] = index
            taken.add(index)
    return result
