"""`srnlp project ...`: create a screening project, add batches, train, status, export.

NAME is a project file path (ending in ``.sqlite`` or containing ``/``) or a bare name meaning
``NAME.sqlite`` in ``$SRNLP_PROJECT_DIR`` (default: the current directory).
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

project_app = typer.Typer(help="Review projects: one SQLite file with records, labels and models.", no_args_is_help=True)

NameArg = Annotated[str, typer.Argument(help="Project name (NAME.sqlite in $SRNLP_PROJECT_DIR or .) or a path to the .sqlite file.")]


def _fail(exc: Exception) -> None:
    typer.echo(str(exc), err=True)
    raise typer.Exit(2)


@project_app.command("new")
def new(
    name: NameArg,
    sources: Annotated[list[Path], typer.Option("--from", help="First search batch (any format srnlp reads; repeatable).")],
    input_format: Annotated[str | None, typer.Option("--input-format", help="Force the input format.")] = None,
    screening_model: Annotated[str, typer.Option("--screening-model", help="Screening model: srnlp.screen.v1 (default, TF-IDF SVM), srnlp.screen_svm_emb.v3 (recommended: adds sentence embeddings, computed once and cached next to the project, and scores records by their best sentence when cross-validation on your labels favours it) or srnlp.screen_svm_emb.v2 (embeddings, whole records only).")] = "srnlp.screen.v1",
) -> None:
    """Create a project from a first search batch."""
    from ..active.project import new_project
    from ..errors import SrnlpError

    try:
        store, report = new_project(name, list(sources), input_format, screening_model=screening_model)
    except SrnlpError as exc:
        _fail(exc)
    typer.echo(f"created {store.path}: {report.summary()}")
    store.close()


@project_app.command("add")
def add(
    name: NameArg,
    sources: Annotated[list[Path], typer.Argument(help="New search batch file(s).")],
    input_format: Annotated[str | None, typer.Option("--input-format", help="Force the input format.")] = None,
) -> None:
    """Add a new search batch: duplicates of records already in the project are skipped, labels kept."""
    from ..active.project import add_batch, open_project
    from ..errors import SrnlpError

    try:
        with open_project(name) as store:
            report = add_batch(store, list(sources), input_format)
    except SrnlpError as exc:
        _fail(exc)
    typer.echo(report.summary())
    for source_id, reason in report.duplicates[:20]:
        typer.echo(f"  duplicate {source_id}: {reason}")


@project_app.command("train")
def train(
    name: NameArg,
    screening_only: Annotated[bool, typer.Option("--screening-only", help="Do not try to retrain themes/design/claims.")] = False,
    training_root: Annotated[Path | None, typer.Option("--training-root", help="Checkout holding training/*.toml and the shipped annotations (default: this installation's).")] = None,
) -> None:
    """Train new model versions from the project's labels (older versions are kept).

    Screening is stored in the project file; themes, design and claims are retrained from the
    shipped annotations plus the project's labels into <project>.models/ and used by the
    project's pipeline (annotate --extract, export --what predictions) from then on.
    """
    from ..active.project import open_project
    from ..active.train import train_components, train_screening
    from ..errors import SrnlpError

    try:
        with open_project(name) as store:
            meta = train_screening(store)
            typer.echo(
                f"screening@{meta['version']} trained on {meta['trained_on']['relevant']} relevant + "
                f"{meta['trained_on']['irrelevant']} irrelevant labels"
            )
            if not screening_only:
                for item in train_components(store, repo=training_root):
                    typer.echo(f"{item['component']}: {item['status']} - {item['detail']}", err=item["status"] == "skipped")
    except SrnlpError as exc:
        _fail(exc)


@project_app.command("status")
def status(name: NameArg, json_output: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False) -> None:
    """Progress, estimated recall and stopping advice."""
    from ..active.project import open_project
    from ..active.status import format_status, project_status
    from ..errors import SrnlpError

    try:
        with open_project(name) as store:
            data = project_status(store)
    except SrnlpError as exc:
        _fail(exc)
    typer.echo(json.dumps(data, indent=2, default=str) if json_output else format_status(data))


class What(str, Enum):
    labels = "labels"
    evidence = "evidence"
    training = "training"
    predictions = "predictions"


@project_app.command("export")
def export(
    name: NameArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="Output file (labels: .csv/.jsonl/.ris; evidence: .csv) or folder (training).")],
    what: Annotated[What, typer.Option("--what", help="labels | evidence (table of relevant records) | training (annotations/ format) | predictions (JSONL, the project's newest models).")] = What.labels,
    fmt: Annotated[str | None, typer.Option("--format", help="csv, jsonl or ris (labels; default from the suffix).")] = None,
) -> None:
    """Export labels, an evidence table or annotations in the training format."""
    from ..active.export import (
        export_evidence,
        export_labels,
        export_predictions,
        export_training,
    )
    from ..active.project import open_project
    from ..errors import SrnlpError

    try:
        with open_project(name) as store:
            if what is What.labels:
                n = export_labels(store, output, fmt)
                typer.echo(f"{n} records written to {output}")
            elif what is What.evidence:
                n = export_evidence(store, output)
                typer.echo(f"{n} relevant records written to {output}")
            elif what is What.predictions:
                n = export_predictions(store, output)
                typer.echo(f"{n} records with predictions written to {output}")
            else:
                files = export_training(store, output)
                typer.echo("written: " + (", ".join(map(str, files)) or "nothing (no theme/design/claim labels yet)"))
    except SrnlpError as exc:
        _fail(exc)


def register(app: typer.Typer) -> None:
    app.add_typer(project_app, name="project")
