"""`srnlp simulate DATA.csv`: replay the screening loop on a fully labelled data set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer


def simulate(
    ctx: typer.Context,
    data: Annotated[Path, typer.Argument(help="Labelled CSV in the ASReview convention (title, abstract, label_included).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="run.json to write.")],
    prior_idx: Annotated[list[int] | None, typer.Option("--prior-idx", help="0-based CSV row of a prior record (repeatable; also accepts several values after one flag).")] = None,
    n_prior_included: Annotated[int, typer.Option("--n-prior-included", help="Random relevant priors when --prior-idx is not given.")] = 1,
    n_prior_excluded: Annotated[int, typer.Option("--n-prior-excluded", help="Random irrelevant priors when --prior-idx is not given.")] = 1,
    seed: Annotated[int, typer.Option("--seed", help="Seed for the prior draw and random query shares.")] = 0,
    model: Annotated[str, typer.Option("--model", help="Screening model name.")] = "srnlp.screen.v1",
    query: Annotated[str, typer.Option("--query", help="max | max_random | uncertainty.")] = "max",
    plot: Annotated[Path | None, typer.Option("--plot", help="Also draw the recall curve to this PNG.")] = None,
    embedding_cache: Annotated[Path | None, typer.Option("--embedding-cache", help="Folder that keeps sentence embeddings between runs (models with embeddings; default: $SRNLP_EMBEDDING_CACHE, else none).")] = None,
) -> None:
    """Simulate screening and write the screening order and metrics (loss, WSS@95, ...) to run.json."""
    from ..active.labelled_csv import read_labelled_csv
    from ..active.simulate import choose_priors
    from ..active.simulate import simulate as run_simulation
    from ..errors import SrnlpError

    try:
        prior_idx = _prior_rows(prior_idx, ctx.args)
        records = read_labelled_csv(data)
        labels = [r.label_included for r in records]
        prior = choose_priors(labels, prior_idx, n_prior_included, n_prior_excluded, seed)
        embedder = None
        if embedding_cache is not None:
            from ..active.models import CachedEmbedder

            embedder = CachedEmbedder(cache_dir=embedding_cache)
        result = run_simulation(records, prior, model=model, query=query, seed=seed, data_name=str(data),
                                embedder=embedder)
    except SrnlpError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    out = result.to_dict()
    out["prior_record_ids"] = [records[i].id for i in prior]
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(out, indent=1))
    m = out["metrics"]
    typer.echo(
        f"loss {m['loss']:.4f}  wss@95 (insights) {m['wss@95_insights']:.3f}  wss@95 (Cohen) {m['wss@95_cohen']:.3f}  "
        f"recall@10% {m['recall@10%']:.3f}  records to 100% recall {m['records_to_100%_recall']}  "
        f"{m['seconds_per_iteration']:.4f} s/iteration -> {output}"
    )
    if m["seconds_embedding"] > 0:
        where = f"kept in {embedding_cache} for the next run" if embedding_cache else "keep them with --embedding-cache DIR"
        typer.echo(f"sentence embeddings computed in {m['seconds_embedding']:.1f} s ({where})", err=True)
    if plot is not None:
        try:
            from ..active.plot import plot_recall

            plot_recall(result.labels, plot, title=data.name)
        except ImportError as exc:
            from ..errors import message

            typer.echo(message("W503", reason=exc), err=True)


def _prior_rows(given: list[int] | None, extra: list[str]) -> list[int] | None:
    """``--prior-idx 3 10``: click takes 3 for the option and leaves 10 as an extra argument."""
    rows = list(given or [])
    for arg in extra:
        if not rows or not arg.lstrip("-").isdigit():
            raise typer.BadParameter(f"unexpected argument {arg!r}")
        rows.append(int(arg))
    return rows or None


def register(app: typer.Typer) -> None:
    app.command("simulate", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(simulate)
