"""`srnlp codebook`: print or export the codebook."""

from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import Annotated, Optional

import typer


class CodebookFormat(str, enum.Enum):
    table = "table"
    markdown = "markdown"
    json = "json"
    toml = "toml"


def codebook(
    fmt: Annotated[CodebookFormat, typer.Option("--format", "-f", help="Output format.")] = CodebookFormat.table,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file.")] = None,
) -> None:
    """Print the codebook (processes, themes, designs, claim labels) or export it."""
    from ..codebook import CODEBOOK_FILE, load_codebook, to_markdown

    cb = load_codebook()
    if fmt is CodebookFormat.markdown:
        text = to_markdown(cb)
    elif fmt is CodebookFormat.json:
        text = json.dumps(cb.to_dict(), indent=2, ensure_ascii=False) + "\n"
    elif fmt is CodebookFormat.toml:
        text = CODEBOOK_FILE.read_text(encoding="utf-8")
    else:
        lines = [f"codebook v{cb.version}"]
        for process in cb.processes:
            lines.append(f"{process.id:28} {process.name}")
            lines += [f"  {theme.id:26} {theme.name}" for theme in cb.themes_of(process.id)]
        lines.append("designs:    " + ", ".join(cb.ids("designs")))
        lines.append("directions: " + ", ".join(cb.ids("directions")))
        lines.append("strengths:  " + ", ".join(cb.ids("strengths")))
        text = "\n".join(lines) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {output}", err=True)
    else:
        typer.echo(text, nl=False)


def register(app: typer.Typer) -> None:
    app.command("codebook")(codebook)
