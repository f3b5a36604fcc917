"""``srnlp project export``: labels, an evidence table, and annotations in the training format."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from ..corpus.record import Record
from ..errors import SrnlpError
from .store import ProjectStore

LABEL_FORMATS = ("csv", "jsonl", "ris")


def labelled_rows(store: ProjectStore) -> list[dict[str, Any]]:
    """One row per record: the record, its latest labels of every kind and the newest prediction."""
    relevance = store.latest_labels("relevance")
    themes, processes, design = (store.latest_labels(k) for k in ("themes", "processes", "design"))
    model, preds = store.latest_predictions("relevance")
    rows = []
    for rid, data in store.records():
        pred = preds.get(rid, {})
        rows.append(
            {
                "srnlp_id": rid,
                "record": data,
                "relevance": relevance.get(rid),
                "processes": processes.get(rid),
                "themes": themes.get(rid),
                "design": design.get(rid),
                "score": pred.get("score"),
                "model": model if pred else None,
            }
        )
    return rows


def export_labels(store: ProjectStore, path: str | Path, fmt: str | None = None) -> int:
    """Every record with its labels, as CSV, JSONL or RIS (labels as ``label_included`` and keywords)."""
    path = Path(path)
    fmt = fmt or path.suffix.lstrip(".").lower()
    if fmt not in LABEL_FORMATS:
        raise SrnlpError("E512", fmt=fmt, choices=", ".join(LABEL_FORMATS))
    rows = labelled_rows(store)
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        fields = ["srnlp_id", "source_id", "title", "abstract", "doi", "year", "relevance", "label_included",
                  "processes", "themes", "design", "score", "model"]
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=fields)
            writer.writeheader()
            for row in rows:
                rec = row["record"]
                writer.writerow({
                    "srnlp_id": row["srnlp_id"], "source_id": rec.get("id"), "title": rec.get("title"),
                    "abstract": rec.get("abstract"), "doi": rec.get("doi"), "year": rec.get("year"),
                    "relevance": row["relevance"] or "", "label_included": _included(row["relevance"]),
                    "processes": ";".join(row["processes"] or []), "themes": ";".join(row["themes"] or []),
                    "design": row["design"] or "", "score": "" if row["score"] is None else f"{row['score']:.4f}",
                    "model": row["model"] or "",
                })
    else:
        from ..corpus import write_records

        records = []
        for row in rows:
            rec = Record.from_dict(row["record"])
            rec.label_included = _included(row["relevance"]) if row["relevance"] else None
            tags = [f"srnlp:relevance:{row['relevance']}"] if row["relevance"] else []
            tags += [f"srnlp:theme:{t}" for t in row["themes"] or []] + [f"srnlp:process:{p}" for p in row["processes"] or []]
            rec.keywords = list(rec.keywords) + tags
            records.append(rec)
        write_records(records, path, "ris")
    return len(rows)


def _included(relevance: str | None) -> str | int:
    return {"relevant": 1, "irrelevant": 0}.get(relevance or "", "")


def export_evidence(store: ProjectStore, path: str | Path) -> int:
    """A CSV evidence table of the relevant records: citation, design, processes, themes,
    claim corrections (one row per record)."""
    rows = [r for r in labelled_rows(store) if r["relevance"] == "relevant"]
    claims: dict[int, list[dict]] = {}
    for c in store.latest_claim_corrections():
        claims.setdefault(c["record_id"], []).append(c)
    with Path(path).open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["srnlp_id", "authors", "year", "title", "doi", "design", "processes", "themes", "claims"])
        for row in rows:
            rec = row["record"]
            claim_text = " | ".join(_claim_text(c) for c in claims.get(row["srnlp_id"], []))
            writer.writerow([row["srnlp_id"], "; ".join(rec.get("authors") or []), rec.get("year") or "",
                             rec.get("title"), rec.get("doi") or "", row["design"] or "",
                             ";".join(row["processes"] or []), ";".join(row["themes"] or []), claim_text])
    return len(rows)


def _claim_text(c: dict[str, Any]) -> str:
    """One claim correction for the evidence table: ``edit <target>: field=value``,
    ``add <target>: factor -> outcome (direction, strength)``, ``accept``/``reject <target>``."""
    text = f"{c['action']} {c['target']}"
    if c["action"] == "edit":
        text += f": {c.get('field')}={c.get('value')}"
    claim = c.get("claim") if c["action"] in ("add", "edit") else c.get("original")
    if isinstance(claim, dict) and (claim.get("factor") or claim.get("outcome")):
        detail = ", ".join(str(claim[k]) for k in ("direction", "strength") if claim.get(k))
        text += f" [{claim.get('factor') or '?'} -> {claim.get('outcome') or '?'}" + (f" ({detail})]" if detail else "]")
    elif c["action"] == "add" and claim:
        text += f": {claim}"
    return text


def export_training(store: ProjectStore, folder: str | Path, kinds: Iterable[str] = ("themes", "processes", "design", "claim")) -> list[Path]:
    """Annotations in the training format of ``annotations/`` (one JSONL file per component),
    each line with its provenance (project, annotator, time). Returns the files written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    kinds = set(kinds)
    name = store.info().get("name", store.path.stem)
    latest_meta = _latest_meta(store)
    records = dict(store.records())
    written = []
    if kinds & {"themes", "processes"}:
        themes, processes = store.latest_labels("themes"), store.latest_labels("processes")
        lines = []
        for rid in sorted(set(themes) | set(processes)):
            rec = Record.from_dict(records[rid])
            meta = latest_meta.get((rid, "themes")) or latest_meta.get((rid, "processes"))
            lines.append({
                "id": f"project-{name}-{rid}", "text": rec.text,
                "labels": {"processes": processes.get(rid, []), "themes": themes.get(rid, [])},
                "group": f"project-{name}-{rid}",
                "provenance": {"source": f"project {name}", "file": str(store.path), "record": rid,
                               "source_id": rec.id, "annotator": meta["annotator"], "created": meta["created_at"],
                               "kind": "record"},
            })
        written.append(_write_jsonl(folder / "themes.jsonl", lines))
    if "design" in kinds:
        design = store.latest_labels("design")
        lines = [{
            "id": f"project-{name}-{rid}", "text": Record.from_dict(records[rid]).text, "labels": {"design": value},
            "provenance": {"source": f"project {name}", "record": rid, **_who(latest_meta.get((rid, "design")))},
        } for rid, value in sorted(design.items())]
        written.append(_write_jsonl(folder / "design.jsonl", lines))
    if "claim" in kinds:
        lines = [{
            "id": f"project-{name}-{c['record_id']}-{c['target']}", "record": c["record_id"],
            "text": Record.from_dict(records[c["record_id"]]).text,
            "correction": {k: v for k, v in c.items() if k not in ("record_id", "annotator", "created_at")},
            "provenance": {"source": f"project {name}", "annotator": c["annotator"], "created": c["created_at"]},
        } for c in store.latest_claim_corrections()]
        written.append(_write_jsonl(folder / "claims.jsonl", lines))
    for path in written:
        if not path.stat().st_size:
            path.unlink()  # no labels of that kind: no file, rather than an empty one
    return [p for p in written if p.exists()]


def _latest_meta(store: ProjectStore) -> dict[tuple[int, str], dict[str, Any]]:
    out = {}
    for item in store.history():
        out[(item["record_id"], item["kind"])] = item
    return out


def _who(meta: dict[str, Any] | None) -> dict[str, Any]:
    return {"annotator": meta["annotator"], "created": meta["created_at"]} if meta else {"created": str(date.today())}


def _write_jsonl(path: Path, lines: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path


def export_predictions(store: ProjectStore, path: str | Path, nlp=None, components=("cues", "themes", "design", "claims")) -> int:
    """Every record's predictions as JSONL: the newest screening score and the pipeline's output
    (processes, themes, design, claims; the output contract of ``srnlp analyze``) computed with the
    project's newest retrained models (:func:`.train.project_model_config`), the shipped ones for
    components never retrained. Each line names the models used (``models``)."""
    from ..output.serialize import doc_to_dict
    from ..pipeline.analyze import analyze_docs
    from .train import project_model_config

    if nlp is None:
        from ..pipeline.language import load

        nlp = load(components, config=project_model_config(store))
    model, preds = store.latest_predictions("relevance")
    rows = store.records()
    n = 0
    with Path(path).open("w", encoding="utf-8") as out:
        for (rid, _), doc in zip(rows, analyze_docs([Record.from_dict(d) for _, d in rows], nlp)):
            item = {"srnlp_id": rid, **doc_to_dict(doc)}
            if rid in preds:
                item["screening"] = {**preds[rid], "model": model}
                item["models"]["screening"] = model
            out.write(json.dumps(item, ensure_ascii=False, default=str) + "\n")
            n += 1
    return n
