"""The terminal screening UI behind ``srnlp annotate``: one key per decision.

Keys: ``y`` relevant, ``n`` irrelevant, ``u`` uncertain, ``a`` accept the model's suggestion,
``b`` undo the last decision, ``s`` stop-test mode on/off (random sample), ``q`` quit, ``?`` help.
With an extractor (``srnlp annotate --extract``) the predicted processes, themes and design are
shown pre-filled with their evidence highlighted; ``t`` accepts the predicted processes + themes
and ``d`` the predicted design as labels (then decide relevance as usual).
Newlines and spaces are ignored, so decisions can be piped (``printf 'ynq' | srnlp annotate P``).
After each decision the line ``saved <record id> <label>`` is printed once the label is on disk.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import IO

from .loop import ScreeningSession, Suggestion

KEYS = {"y": "relevant", "n": "irrelevant", "u": "uncertain"}
HELP = ("[y] relevant  [n] irrelevant  [u] uncertain  [a] accept suggestion  [b] undo  [s] sample mode  "
        "[t] accept themes  [d] accept design  [q] quit")


def key_reader(stream: IO[str] | None = None) -> Callable[[], str]:
    """Read one key at a time: raw single keys on a terminal, characters from a pipe otherwise.
    Returns ``"q"`` at end of input."""
    stream = stream or sys.stdin
    if hasattr(stream, "isatty") and stream.isatty():  # pragma: no cover - needs a real terminal
        import termios
        import tty

        def read_tty() -> str:
            fd = stream.fileno()
            old = termios.tcgetattr(fd)
            try:
                tty.setcbreak(fd)
                return stream.read(1) or "q"
            finally:
                termios.tcsetattr(fd, termios.TCSADRAIN, old)

        return read_tty

    def read_pipe() -> str:
        while True:
            ch = stream.read(1)
            if not ch:
                return "q"
            if not ch.isspace():
                return ch.lower()

    return read_pipe


def pipeline_extractor(components=("cues", "themes", "design")) -> Callable:
    """Predicted processes, themes and design of a record from ``socialrecovery_nlp.load()``."""
    from ..pipeline.analyze import records_to_docs
    from ..pipeline.language import load

    nlp = load(components)

    def extract(record) -> dict:
        doc = nlp(next(records_to_docs(nlp, [record])))
        labels = doc._.labels or {}
        spans = [(e["start"], e["end"]) for ev in (doc._.evidence or {}).values() for e in ev]
        design = doc._.design or {}
        spans += [(e["start"], e["end"]) for e in design.get("evidence", [])]
        return {"processes": labels.get("processes", []), "themes": labels.get("themes", []),
                "design": design.get("label"), "spans": spans}

    return extract


def render(suggestion: Suggestion, done: int, total: int, extracted: dict | None = None):
    """A rich renderable: title and abstract with evidence terms highlighted, prediction, reason."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    rec = suggestion.record
    body = Text()
    body.append(rec.title or "(no title)", style="bold")
    body.append("\n\n")
    start = len(body.plain)
    body.append(rec.abstract or "(no abstract)")
    for term in suggestion.evidence:
        pattern = r"\b" + r"\W+".join(re.escape(w) for w in term.split()) + r"\b"
        for m in re.finditer(pattern, body.plain[start:], flags=re.IGNORECASE):
            body.stylize("black on yellow", start + m.start(), start + m.end())
    for a, b in (extracted or {}).get("spans", []):  # offsets into record.text == body
        body.stylize("underline bold", a, b)
    pred = (
        f"model suggests: [bold]{suggestion.predicted}[/] (score {suggestion.score:+.2f})"
        if suggestion.predicted
        else "model suggests: nothing yet"
    )
    meta = Text.from_markup(f"{pred}\nwhy this record: {suggestion.reason}")
    if suggestion.evidence:
        meta.append("\nevidence (highlighted): " + ", ".join(suggestion.evidence))
    if extracted:
        meta.append(
            f"\npredicted processes: {', '.join(extracted['processes']) or '-'}; themes: "
            f"{', '.join(extracted['themes']) or '-'}; design: {extracted['design'] or '-'} "
            "(evidence underlined; [t]/[d] accept)"
        )
    footer = Text(HELP, style="dim")
    title = f"record {suggestion.record_id}  ·  {done}/{total} screened"
    return Group(Panel(body, title=title, title_align="left"), meta, footer)


def run(
    session: ScreeningSession,
    read_key: Callable[[], str],
    console=None,
    limit: int | None = None,
    extractor: Callable | None = None,
) -> dict:
    """Show records and take decisions until ``q``, end of input, ``limit`` decisions or no
    record left. Returns counts of this session's decisions."""
    from rich.console import Console

    console = console or Console(highlight=False)
    counts = {"relevant": 0, "irrelevant": 0, "uncertain": 0, "undone": 0}
    total = len(session.ids)
    decided = 0
    while limit is None or decided < limit:
        suggestion = session.next()
        if suggestion is None:
            console.print("every record is screened.")
            break
        extracted = extractor(suggestion.record) if extractor else None
        console.print(render(suggestion, len(session.labelled()), total, extracted))
        while True:
            key = read_key()
            if key in ("t", "d") and extracted:
                if key == "t":
                    for kind in ("processes", "themes"):
                        session.store.add_label(suggestion.record_id, kind, list(extracted[kind]), session.annotator,
                                                model_version="pipeline", reason="accepted prediction")
                    console.print(f"saved {suggestion.record_id} themes {extracted['themes']} processes {extracted['processes']}")
                elif extracted["design"]:
                    session.store.add_label(suggestion.record_id, "design", extracted["design"], session.annotator,
                                            model_version="pipeline", reason="accepted prediction")
                    console.print(f"saved {suggestion.record_id} design {extracted['design']}")
                continue
            if key == "q":
                return _finish(session, console, counts)
            if key == "?":
                console.print(HELP)
                continue
            if key == "b":
                record_id = session.undo()
                if record_id is None:
                    console.print("nothing to undo in this session")
                    continue
                counts["undone"] += 1
                console.print(f"undone {record_id}")
                break
            if key == "s":
                session.sample = not session.sample
                console.print("random-sample mode " + ("on (for the stopping test)" if session.sample else "off"))
                break
            value = KEYS.get(key)
            if key == "a":
                value = suggestion.predicted
                if value is None:
                    console.print("no suggestion yet; press y, n or u")
                    continue
            if value is None:
                console.print(f"unknown key {key!r}; {HELP}")
                continue
            session.decide(suggestion, value)
            counts[value] += 1
            decided += 1
            console.print(f"saved {suggestion.record_id} {value}")
            break
    return _finish(session, console, counts)


def _finish(session: ScreeningSession, console, counts: dict) -> dict:
    session.wait()
    console.print(
        f"session: {counts['relevant']} relevant, {counts['irrelevant']} irrelevant, "
        f"{counts['uncertain']} uncertain, {counts['undone']} undone"
    )
    return counts
