"""The ``srnlp`` command line: thin commands over the library API.

Each command lives in its own module and imports heavy libraries inside its function, so
``srnlp --help`` stays instant.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="srnlp",
    help="Keep a living review on social factors and recovery up to date: read search exports, "
    "screen, and extract processes, themes, study designs and claims.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _register() -> None:
    # One line per command module; each module defines `register(app)`.
    from . import analyze, annotate, claims, codebook_cmd, info, project, simulate, train

    for module in (analyze, info, codebook_cmd, train, project, annotate, simulate, claims):
        module.register(app)


_register()


def _plain_warnings() -> None:
    """Show library warnings as one line each (``warning: [Wxxx] ...``), not as source dumps."""
    import logging
    import warnings

    warnings.formatwarning = lambda message, category, *args, **kwargs: f"warning: {message}\n"
    logging.basicConfig(format="%(levelname)s: %(message)s", level=logging.WARNING)


def main() -> None:
    _plain_warnings()
    app()
