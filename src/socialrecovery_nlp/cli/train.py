"""`srnlp train CONFIG.toml`: rebuild a shipped model from its training config."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer


def train(
    config: Annotated[Path, typer.Argument(help="Training config, e.g. training/themes.toml.", exists=True, dir_okay=False)],
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Models root to write into (default: models/).")] = None,
    overrides: Annotated[Optional[list[str]], typer.Option("--set", help="Override a config value: section.key=value (repeatable).")] = None,
) -> None:
    """Train the component named in CONFIG and write a new model directory."""
    from ..training import parse_overrides, train_from_config

    extra = parse_overrides(overrides or [])
    if output is not None:
        extra["output.models_root"] = str(output)
    model_dir = train_from_config(config, extra)
    typer.echo(f"model written to {model_dir}")


def register(app: typer.Typer) -> None:
    app.command("train")(train)
