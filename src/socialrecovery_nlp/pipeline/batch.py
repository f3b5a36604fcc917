"""The batch job behind ``srnlp analyze``: read, analyse, validate, write, summarise."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..corpus import ReadReport, read_records
from ..corpus.writers import OUTPUT_FORMATS, format_for, with_record, write_results
from ..errors import SrnlpError
from ..output import validate_output
from .analyze import analyze_pairs
from .language import DEFAULT_COMPONENTS, load


@dataclass
class AnalyzeSummary:
    """What one ``analyze`` run did."""

    output: Path
    format: str
    records: int = 0
    records_with_warnings: int = 0
    seconds: float = 0.0
    report: ReadReport = field(default_factory=ReadReport)
    error: str | None = None

    @property
    def records_per_second(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0

    def text(self) -> str:
        lines = [self.report.summary()] if self.report.files else []
        if self.error:
            lines.append(self.error)
        lines.append(
            f"analysed {self.records} records in {self.seconds:.1f} s "
            f"({self.records_per_second:.0f} records/s); {self.records_with_warnings} with warnings; "
            f"{len(self.report.duplicates)} duplicates; {len(self.report.failed)} inputs failed"
            + (f"; wrote {self.output} ({self.format})" if self.records else "")
        )
        return "\n".join(lines)


def _progress(items: Iterable[Any], enabled: bool) -> Iterator[Any]:
    if not enabled:
        yield from items
        return
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("analysing"), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.fields[rate]}"))
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task("analyse", total=None, rate="")
        started = time.perf_counter()
        for n, item in enumerate(items, 1):
            yield item
            if n % 16 == 0:
                rate = n / max(time.perf_counter() - started, 1e-9)
                progress.update(task, completed=n, rate=f"{rate:.0f} records/s")
        progress.update(task, completed=n if "n" in locals() else 0)


def run_analyze(
    inputs: Iterable[str | Path],
    output: str | Path,
    *,
    fmt: str | None = None,
    input_format: str | None = None,
    column_map: dict[str, str] | None = None,
    components: Iterable[str] | None = None,
    spacy_model: str | None = None,
    batch_size: int = 64,
    n_process: int = 1,
    validate: bool = True,
    progress: bool = False,
) -> AnalyzeSummary:
    """Analyse every record of ``inputs`` into ``output``; never stops on one bad record or file."""
    output = Path(output)
    fmt = format_for(output, fmt or ("jsonl" if output.suffix.lower() not in (".csv", ".parquet", ".ris") else None),
                     OUTPUT_FORMATS)
    summary = AnalyzeSummary(output=output, format=fmt)
    components = tuple(components or DEFAULT_COMPONENTS)
    nlp = load(components, spacy_model=spacy_model) if n_process <= 1 else None
    records = read_records(list(inputs), input_format=input_format, column_map=column_map,
                           report=summary.report, raise_if_empty=False)
    needs_record = fmt in ("ris", "asreview")
    started = time.perf_counter()

    def results() -> Iterator[dict[str, Any]]:
        pairs = analyze_pairs(records, nlp, components=components, spacy_model=spacy_model,
                              batch_size=batch_size, n_process=n_process)
        for record, result in pairs:
            if validate:
                validate_output(result)
            summary.records += 1
            summary.records_with_warnings += bool(result["warnings"])
            yield with_record(result, record) if needs_record else result

    output.parent.mkdir(parents=True, exist_ok=True)
    write_results(_progress(results(), progress), output, fmt)
    summary.seconds = time.perf_counter() - started
    if summary.records == 0:
        output.unlink(missing_ok=True)
        summary.error = str(SrnlpError("E105"))
    return summary
