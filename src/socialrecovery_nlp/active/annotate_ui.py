"""The terminal screening UI behind ``srnlp annotate``: one key per decision.

Keys: ``y`` relevant, ``n`` irrelevant, ``u`` uncertain, ``a`` accept the model's suggestion,
``b`` undo the last decision, ``s`` stop-test mode on/off (random sample), ``q`` quit, ``?`` help.
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
HELP = "[y] relevant  [n] irrelevant  [u] uncertain  [a] accept suggestion  [b] undo  [s] sample mode  [q] quit"


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


def render(suggestion: Suggestion, done: int, total: int):
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
        for m in re.finditer(pattern, body.plain[start:], flags=re.I):
            body.stylize("black on yellow", start + m.start(), start + m.end())
    pred = (
        f"model suggests: [bold]{suggestion.predicted}[/] (score {suggestion.score:+.2f})"
        if suggestion.predicted
        else "model suggests: nothing yet"
    )
    meta = Text.from_markup(f"{pred}\nwhy this record: {suggestion.reason}")
    if suggestion.evidence:
        meta.append("\nevidence (highlighted): " + ", ".join(suggestion.evidence))
    footer = Text(HELP, style="dim")
    title = f"record {suggestion.record_id}  ·  {done}/{total} screened"
    return Group(Panel(body, title=title, title_align="left"), meta, footer)


def run(session: ScreeningSession, read_key: Callable[[], str], console=None, limit: int | None = None) -> dict:
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
        console.print(render(suggestion, len(session.labelled()), total))
        while True:
            key = read_key()
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
