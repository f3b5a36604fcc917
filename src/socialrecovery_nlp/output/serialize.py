"""Turn an analysed ``Doc`` into one object of the output contract (see ``schema.json``)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

#: Model fields copied from ``Doc._`` when a component set them (absent otherwise).
MODEL_FIELDS = ("processes", "themes", "labels", "evidence", "design", "matches")


def doc_to_dict(doc: Doc) -> dict[str, Any]:
    """The output object for one analysed record; fields no component produced are left out."""
    record = doc._.record
    out: dict[str, Any] = {
        "id": record.id if record else "",
        "title": record.title if record else "",
        "year": record.year if record else None,
        "doi": record.doi if record else None,
        "pmid": record.pmid if record else None,
        "source": {"file": record.source_file if record else None,
                   "line": record.source_line if record else None},
        "warnings": [*(record.warnings if record else []), *(doc._.warnings or [])],
        "text_length": len(doc.text),
    }
    for name in MODEL_FIELDS:
        value = getattr(doc._, name)
        if value is not None:
            out[name] = value
    if doc._.claims is not None:
        out["claims"] = [claim if isinstance(claim, dict) else claim.to_dict() for claim in doc._.claims]
    out["models"] = dict(doc._.models or {})
    return out
