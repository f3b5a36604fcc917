"""Keys that identify the same study across search batches (DOI, PMID, normalised title + year).

Used by ``project add`` to skip records the project already holds. Two records are the same when
their DOIs match, or their PMIDs match, or their normalised titles match and their years do not
disagree (one missing counts as agreeing).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_DOI_PREFIX = re.compile(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def normalise_doi(doi: str | None) -> str | None:
    if not doi:
        return None
    doi = _DOI_PREFIX.sub("", doi.strip()).strip().lower()
    return doi or None


def title_key(title: str | None) -> str | None:
    """Lower-case letters and digits only, accents removed; None for titles under 10 characters."""
    if not title:
        return None
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    key = re.sub(r"[^a-z0-9]+", "", text)
    return key if len(key) >= 10 else None


def record_keys(data: Any) -> dict[str, Any]:
    """The de-duplication keys of a :class:`Record` or its dict form."""
    get = data.get if isinstance(data, dict) else lambda k, d=None: getattr(data, k, d)
    pmid = str(get("pmid") or "").strip() or None
    year = get("year")
    try:
        year = int(year) if year not in (None, "") else None
    except (TypeError, ValueError):
        year = None
    return {"doi": normalise_doi(get("doi")), "pmid": pmid, "title_key": title_key(get("title")), "year": year}


def same_year(a: int | None, b: int | None) -> bool:
    return a is None or b is None or a == b
