"""`srnlp annotate NAME`: screen a project's records in the terminal, one key per decision."""

from __future__ import annotations

import getpass
from typing import Annotated

import typer


def annotate(
    name: Annotated[str, typer.Argument(help="Project name or path to its .sqlite file.")],
    annotator: Annotated[str | None, typer.Option("--annotator", help="Who labels (default: the login name).")] = None,
    strategy: Annotated[str, typer.Option("--strategy", help="max | max_random | uncertainty.")] = "max",
    retrain_every: Annotated[int, typer.Option("--retrain-every", help="Retrain in the background every k decisions.")] = 1,
    sample: Annotated[bool, typer.Option("--sample", help="Show a random sample of the unscreened records (for the statistical stopping test).")] = False,
    limit: Annotated[int | None, typer.Option("--limit", help="Stop after this many decisions.")] = None,
    extract: Annotated[bool, typer.Option("--extract", help="Also show predicted processes, themes, design and claims (loads the pipeline, with the project's newest retrained models); t/d accept them.")] = False,
) -> None:
    """Screen and correct records: y relevant, n irrelevant, u uncertain, a accept suggestion,
    e edit processes/themes, g pick the design, c correct claims, b undo, q quit (? for help).

    Keys can be piped (``printf 'yyn q' | srnlp annotate P``); each decision is saved before the
    next record is shown (``saved <id> <what>``). Keys: docs/living-review.md.
    """
    from rich.console import Console

    from ..active.annotate_ui import key_reader, run
    from ..active.loop import ScreeningSession
    from ..active.project import open_project
    from ..errors import SrnlpError

    try:
        store = open_project(name)
    except SrnlpError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    try:
        who = annotator or _login()
        session = ScreeningSession(store, who, strategy=strategy, retrain_every=retrain_every, sample=sample)
        extractor = None
        if extract:
            from ..active.annotate_ui import pipeline_extractor
            from ..active.train import project_model_config

            try:
                config = project_model_config(store)
                for component, values in config.items():
                    typer.echo(f"{component}: using the project's model {values['model']}", err=True)
                extractor = pipeline_extractor(config=config)
            except Exception as exc:  # noqa: BLE001 - screening works without it
                typer.echo(f"--extract unavailable ({type(exc).__name__}: {exc}); screening only", err=True)
        run(session, key_reader(), Console(highlight=False, soft_wrap=False), limit=limit, extractor=extractor)
    except SrnlpError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    finally:
        store.close()


def _login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001
        return "unknown"


def register(app: typer.Typer) -> None:
    app.command("annotate")(annotate)
