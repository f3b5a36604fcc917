"""`srnlp info`: versions, shipped models and the codebook version."""

from __future__ import annotations

import json

import typer


def info(json_output: bool = typer.Option(False, "--json", help="Print machine-readable JSON.")) -> None:
    """Show library, codebook, spaCy pipeline and model versions."""
    from ..about import __version__
    from ..codebook import load_codebook
    from ..modeldir import library_versions, read_meta
    from ..paths import models_root

    root = models_root()
    models = []
    if root.is_dir():
        for path in sorted(root.iterdir()):
            if (path / "meta.json").is_file():
                meta = read_meta(path, check=False)
                models.append({"name": meta.get("name"), "version": meta.get("version"),
                               "component": meta.get("component"), "path": str(path)})
    data = {
        "socialrecovery_nlp": __version__,
        "codebook": load_codebook().version,
        "models_root": str(root),
        "models": models,
        "libraries": library_versions(),
    }
    if json_output:
        typer.echo(json.dumps(data, indent=2))
        return
    typer.echo(f"socialrecovery-nlp {data['socialrecovery_nlp']}  (codebook v{data['codebook']})")
    typer.echo(f"models in {root}:")
    for model in models:
        typer.echo(f"  {model['component'] or '':8} {model['name']}@{model['version']}")
    if not models:
        typer.echo("  (none: components without a model leave their output fields out)")
    typer.echo("libraries: " + ", ".join(f"{k} {v}" for k, v in data["libraries"].items()))


def register(app: typer.Typer) -> None:
    app.command("info")(info)
