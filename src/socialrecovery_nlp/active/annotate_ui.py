"""The terminal annotation UI behind ``srnlp annotate``: one key per decision.

Record screen: ``y`` relevant, ``n`` irrelevant, ``u`` uncertain, ``a`` accept the model's
suggestion, ``b`` undo the last decision (of any kind; an undone relevance decision shows its record
again), ``s`` stop-test mode on/off (random
sample), ``q`` quit, ``?`` help. With an extractor (``srnlp annotate --extract``) the predicted
processes, themes, design and claims are shown pre-filled with their evidence highlighted; ``t``
accepts the predicted processes + themes and ``d`` the predicted design as labels.

Correction screens (each opened from the record screen, ``.`` or ``q`` goes back to the record):

* ``e`` processes and themes: a digit toggles a process, a letter a theme (the keys are shown next
  to each codebook label); a theme brings its parent process, removing a process removes its
  themes; ``p`` restores the predictions, ``x`` clears everything.
* ``g`` design: a letter picks a codebook design id (and goes back); ``p`` takes the prediction.
* ``c`` claims: the predicted claims (and those added by hand), one under the cursor (``j`` next,
  ``k`` previous): ``y`` accept (an edited claim keeps its edit), ``r`` reject, ``1``-``4`` set the direction, ``5``-``7`` the
  strength, ``f``/``o`` type a new factor/outcome (the rest of the line), ``+`` add a claim
  (factor line, outcome line, direction key, strength key).

Every decision is saved at once through the project store (history kept, latest wins, with
annotator and time) and ``b`` withdraws it, also inside a correction screen. Newlines and spaces
are ignored between keys, so decisions can be piped (``printf 'ynq' | srnlp annotate P``); typed
text (a factor or an outcome) runs to the end of its line. After each decision a line
``saved <record id> <what>`` is printed once it is on disk.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import IO, Any

from .loop import ScreeningSession, Suggestion

KEYS = {"y": "relevant", "n": "irrelevant", "u": "uncertain"}
HELP = ("[y] relevant  [n] irrelevant  [u] uncertain  [a] accept suggestion  [b] undo  [s] sample mode  "
        "[t] accept themes  [d] accept design  [e] edit processes/themes  [g] pick design  [c] claims  "
        "[q] quit")
#: Keys of the correction screens; ``b`` (undo), ``p``, ``x``, ``q`` and ``.`` are never label keys.
PROCESS_KEYS = "12345"
THEME_KEYS = "acdefghijklmno"
DESIGN_KEYS = "acdefghijklmnortvwyz"
DIRECTION_KEYS = "1234"
STRENGTH_KEYS = "567"
BACK = (".", "q")
UNDO_REASON = "shown again: your decision on it was undone"
THEMES_HELP = "[digit] toggle process  [letter] toggle theme  [p] predictions  [x] clear  [b] undo  [.] back"
DESIGN_HELP = "[letter] pick design  [p] prediction  [b] undo  [.] back"
CLAIMS_HELP = ("[j]/[k] next/previous claim  [y] accept  [r] reject  [1-4] direction  [5-7] strength  "
               "[f] factor  [o] outcome  [+] add a claim  [b] undo  [.] back")


class KeyReader:
    """Read one key at a time (raw single keys on a terminal, characters from a pipe otherwise;
    ``"q"`` at end of input) and, with :meth:`line`, a line of typed text."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stdin
        self.tty = bool(hasattr(self.stream, "isatty") and self.stream.isatty())

    def __call__(self) -> str:
        if self.tty:  # pragma: no cover - needs a real terminal
            import termios
            import tty

            fd = self.stream.fileno()
            old = termios.tcgetattr(fd)
            try:
                tty.setcbreak(fd)
                return self.stream.read(1) or "q"
            finally:
                termios.tcsetattr(fd, termios.TCSADRAIN, old)
        while True:
            ch = self.stream.read(1)
            if not ch:
                return "q"
            if not ch.isspace():
                return ch.lower()

    def line(self) -> str | None:
        """The rest of the current line, stripped (None at end of input)."""
        if self.tty:  # pragma: no cover - needs a real terminal
            text = self.stream.readline()
            return text.strip() if text else None
        chars = []
        while True:
            ch = self.stream.read(1)
            if not ch:
                return "".join(chars).strip() or None
            if ch == "\n":
                return "".join(chars).strip()
            chars.append(ch)


def key_reader(stream: IO[str] | None = None) -> KeyReader:
    """A :class:`KeyReader` on ``stream`` (default: stdin)."""
    return KeyReader(stream)


def pipeline_extractor(components=("cues", "themes", "design", "claims"), config: dict | None = None) -> Callable:
    """Predicted processes, themes, design and claims of a record from ``socialrecovery_nlp.load()``.

    ``config`` is the pipeline's component config, e.g. the project's newest retrained models from
    :func:`socialrecovery_nlp.active.train.project_model_config`.
    """
    from ..pipeline.analyze import records_to_docs
    from ..pipeline.language import load

    nlp = load(components, config=config)

    def extract(record) -> dict:
        doc = nlp(next(records_to_docs(nlp, [record])))
        labels = doc._.labels or {}
        spans = [(e["start"], e["end"]) for ev in (doc._.evidence or {}).values() for e in ev]
        design = doc._.design or {}
        spans += [(e["start"], e["end"]) for e in design.get("evidence", [])]
        claims = [c if isinstance(c, dict) else c.to_dict() for c in (doc._.claims or [])]
        return {"processes": labels.get("processes", []), "themes": labels.get("themes", []),
                "design": design.get("label"), "claims": claims, "spans": spans,
                "models": dict(doc._.models or {})}

    return extract


def render(suggestion: Suggestion, done: int, total: int, extracted: dict | None = None, current: dict | None = None):
    """A rich renderable: title and abstract with evidence terms highlighted, prediction, reason,
    and (``current``) the record's labels so far."""
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
            f"{', '.join(extracted['themes']) or '-'}; design: {extracted['design'] or '-'}; "
            f"claims: {len(extracted.get('claims') or [])} (evidence underlined; [t]/[d] accept)"
        )
    if current and any(current.values()):
        meta.append(
            f"\nyour labels: processes {', '.join(current.get('processes') or []) or '-'}; themes "
            f"{', '.join(current.get('themes') or []) or '-'}; design {current.get('design') or '-'}; "
            f"claim corrections {current.get('claims', 0)}"
        )
    footer = Text(HELP, style="dim")
    title = f"record {suggestion.record_id}  ·  {done}/{total} screened"
    return Group(Panel(body, title=title, title_align="left"), meta, footer)


# --- the correction screens ---------------------------------------------------------------------
class _Screens:
    """The correction screens of one record; each decision goes through ``session.label*``."""

    def __init__(self, session: ScreeningSession, suggestion: Suggestion, extracted: dict | None,
                 read_key: Callable[[], str], console, counts: dict) -> None:
        from ..codebook import load_codebook

        self.session, self.s, self.extracted = session, suggestion, extracted or {}
        self.rid = suggestion.record_id
        self.read_key, self.console, self.counts = read_key, console, counts
        self.codebook = load_codebook()
        # the models whose predictions were shown, stored with each correction
        self.model = ",".join(str(v) for _, v in sorted(self.extracted.get("models", {}).items())) or None

    # shared -----------------------------------------------------------------------------------
    def _save(self, labels: list[tuple[str, Any, str]], what: str, reason: str = "corrected") -> None:
        self.session.label_many(self.rid, labels, model_version=self.model, reason=reason)
        self.counts["edited"] += 1
        self.console.print(f"saved {self.rid} {what}")

    def undo(self) -> int | None:
        """Undo the session's last decision; the record id when it was a relevance decision."""
        last = self.session.last_undoable
        record_id = self.session.undo()
        if record_id is None:
            self.console.print("nothing to undo in this session")
            return None
        self.counts["undone"] += 1
        kinds = sorted({kind for _, kind, _ in last})
        self.console.print(f"undone {record_id} {'+'.join(kinds)}")
        return record_id if "relevance" in kinds else None

    def current(self) -> dict:
        store = self.session.store
        return {
            "processes": store.latest_value(self.rid, "processes"),
            "themes": store.latest_value(self.rid, "themes"),
            "design": store.latest_value(self.rid, "design"),
            "claims": len(store.record_claim_corrections(self.rid)),
        }

    # processes and themes ---------------------------------------------------------------------
    def _themes_state(self) -> tuple[list[str], list[str], str]:
        store = self.session.store
        procs, themes = store.latest_value(self.rid, "processes"), store.latest_value(self.rid, "themes")
        if procs is None and themes is None:
            return list(self.extracted.get("processes") or []), list(self.extracted.get("themes") or []), "predicted"
        return list(procs or []), list(themes or []), "your labels"

    def _themes_view(self, procs: list[str], themes: list[str], source: str):
        from rich.text import Text

        text = Text(f"processes and themes of record {self.rid} ({source}; [x] marks a label):\n")
        pkeys = dict(zip(self.codebook.ids("processes"), PROCESS_KEYS))
        tkeys = dict(zip(self.codebook.ids("themes"), THEME_KEYS))
        for pid in self.codebook.ids("processes"):
            mark = "x" if pid in procs else " "
            text.append(f"  [{pkeys.get(pid, ' ')}] [{mark}] {pid}\n", style="bold" if pid in procs else "")
            for theme in self.codebook.themes_of(pid):
                mark = "x" if theme.id in themes else " "
                text.append(f"      [{tkeys.get(theme.id, ' ')}] [{mark}] {theme.id}\n",
                            style="bold" if theme.id in themes else "")
        text.append(THEMES_HELP, style="dim")
        return text

    def edit_themes(self) -> None:
        pkeys = dict(zip(PROCESS_KEYS, self.codebook.ids("processes")))
        tkeys = dict(zip(THEME_KEYS, self.codebook.ids("themes")))
        while True:
            procs, themes, source = self._themes_state()
            self.console.print(self._themes_view(procs, themes, source))
            key = self.read_key()
            if key in BACK:
                return
            if key == "?":
                self.console.print(THEMES_HELP)
                continue
            if key == "b":
                self.undo()
                continue
            new_procs, new_themes = list(procs), list(themes)
            if key == "p":
                new_procs = list(self.extracted.get("processes") or [])
                new_themes = list(self.extracted.get("themes") or [])
            elif key == "x":
                new_procs, new_themes = [], []
            elif key in pkeys:
                pid = pkeys[key]
                if pid in new_procs:  # a process goes with its themes
                    new_procs.remove(pid)
                    children = {t.id for t in self.codebook.themes_of(pid)}
                    new_themes = [t for t in new_themes if t not in children]
                else:
                    new_procs.append(pid)
            elif key in tkeys:
                tid = tkeys[key]
                if tid in new_themes:
                    new_themes.remove(tid)
                else:
                    new_themes.append(tid)
                    parent = self.codebook.parent_of(tid)
                    if parent and parent not in new_procs:  # a theme brings its process
                        new_procs.append(parent)
            else:
                self.console.print(f"unknown key {key!r}; {THEMES_HELP}")
                continue
            new_procs = [p for p in self.codebook.ids("processes") if p in new_procs]
            new_themes = [t for t in self.codebook.ids("themes") if t in new_themes]
            store = self.session.store
            labels = []
            if store.latest_value(self.rid, "processes") != new_procs:
                labels.append(("processes", new_procs, ""))
            if store.latest_value(self.rid, "themes") != new_themes:
                labels.append(("themes", new_themes, ""))
            if labels:
                reason = "accepted prediction" if key == "p" else "corrected"
                self._save(labels, f"processes {new_procs} themes {new_themes}", reason)

    # design -------------------------------------------------------------------------------------
    def edit_design(self) -> None:
        from rich.text import Text

        keys = dict(zip(DESIGN_KEYS, self.codebook.ids("designs")))
        while True:
            current = self.session.store.latest_value(self.rid, "design")
            predicted = self.extracted.get("design")
            text = Text(f"design of record {self.rid}: yours {current or '-'}, predicted {predicted or '-'}\n")
            for key, did in keys.items():
                text.append(f"  [{key}] {'(x)' if did == current else '   '} {did}\n", style="bold" if did == current else "")
            text.append(DESIGN_HELP, style="dim")
            self.console.print(text)
            key = self.read_key()
            if key in BACK:
                return
            if key == "?":
                self.console.print(DESIGN_HELP)
            elif key == "b":
                self.undo()
            elif key == "p":
                if not predicted:
                    self.console.print("no design prediction (run with --extract)")
                    continue
                self._save([("design", predicted, "")], f"design {predicted}", "accepted prediction")
                return
            elif key in keys:
                self._save([("design", keys[key], "")], f"design {keys[key]}")
                return
            else:
                self.console.print(f"unknown key {key!r}; {DESIGN_HELP}")

    # claims ---------------------------------------------------------------------------------------
    def _claims(self) -> list[dict]:
        """Predicted claims then added ones: ``{"target", "original", "claim", "status"}``."""
        corrections = self.session.store.record_claim_corrections(self.rid)
        out = []
        seen: dict[tuple, int] = {}
        for c in self.extracted.get("claims") or []:
            original = claim_fields(c)
            key = (original.get("start"), original.get("end"))
            seen[key] = seen.get(key, -1) + 1
            target = f"claim:{key[0]}:{key[1]}:{seen[key]}"
            state = _claim_state(target, original, corrections.pop(target, None))
            state["confidence"] = c.get("confidence")  # shown, not stored: the model's P(this row is right)
            out.append(state)
        for target, corr in corrections.items():  # added by hand, or predicted by an earlier model
            out.append(_claim_state(target, corr.get("original") or corr.get("claim") or {}, corr))
        return out

    def _claims_view(self, claims: list[dict], cursor: int):
        from rich.text import Text

        text = Text(f"claims of record {self.rid} ({len(claims)}):\n")
        if not claims:
            text.append("  none predicted (run with --extract for predictions); [+] adds one\n")
        for i, c in enumerate(claims):
            cl = c["claim"]
            line = (f"{'>' if i == cursor else ' '} {i + 1}. [{c['status']}] factor: {cl.get('factor') or '-'}  "
                    f"outcome: {cl.get('outcome') or '-'}  direction: {cl.get('direction') or '-'}  "
                    f"strength: {cl.get('strength') or '-'}"
                    + (f"  confidence: {c['confidence']:.2f}" if c.get("confidence") is not None else "") + "\n")
            text.append(line, style="bold" if i == cursor else "")
            if i == cursor and cl.get("text"):
                text.append(f"     \"{cl['text']}\"\n", style="italic")
        directions = "  ".join(f"[{k}] {v}" for k, v in zip(DIRECTION_KEYS, self.codebook.ids("directions")))
        strengths = "  ".join(f"[{k}] {v}" for k, v in zip(STRENGTH_KEYS, self.codebook.ids("strengths")))
        text.append(f"direction: {directions}\nstrength: {strengths}\n{CLAIMS_HELP}", style="dim")
        return text

    def _line(self, prompt: str) -> str | None:
        reader = getattr(self.read_key, "line", None)
        if reader is None:
            self.console.print("typed text is not available with this key reader")
            return None
        self.console.print(prompt)
        return reader()

    def edit_claims(self) -> None:
        directions = dict(zip(DIRECTION_KEYS, self.codebook.ids("directions")))
        strengths = dict(zip(STRENGTH_KEYS, self.codebook.ids("strengths")))
        cursor = 0
        while True:
            claims = self._claims()
            cursor = max(0, min(cursor, len(claims) - 1))
            self.console.print(self._claims_view(claims, cursor))
            key = self.read_key()
            if key in BACK:
                return
            if key == "?":
                self.console.print(CLAIMS_HELP)
                continue
            if key == "b":
                self.undo()
                continue
            if key == "+":
                self._add_claim(directions, strengths)
                cursor = len(self._claims()) - 1
                continue
            if key in ("j", "k"):
                cursor += 1 if key == "j" else -1
                continue
            if not claims:
                self.console.print(f"no claim to correct; {CLAIMS_HELP}")
                continue
            c = claims[cursor]
            added = c["target"].startswith("new-")
            if key == "y" and c["status"] == "edited":
                self.console.print(f"claim {c['target']}: the edit stands")  # accepting must not undo the edit
                cursor += 1
            elif key == "y":
                value = {"action": "add", "claim": c["claim"]} if added else {"action": "accept", "original": c["original"]}
                self._save([("claim", value, c["target"])], f"claim {c['target']} accepted")
                cursor += 1
            elif key in ("r", "n"):
                value = None if added else {"action": "reject", "original": c["original"]}
                self._save([("claim", value, c["target"])], f"claim {c['target']} rejected")
                cursor += 1
            elif key in directions or key in strengths or key in ("f", "o"):
                if key in directions:
                    field, new = "direction", directions[key]
                elif key in strengths:
                    field, new = "strength", strengths[key]
                else:
                    field = "factor" if key == "f" else "outcome"
                    new = self._line(f"new {field} (end with Enter; empty cancels):")
                    if not new:
                        self.console.print("cancelled")
                        continue
                claim = {**c["claim"], field: new}
                value = ({"action": "add", "claim": claim} if added else
                         {"action": "edit", "field": field, "value": new, "claim": claim, "original": c["original"]})
                self._save([("claim", value, c["target"])], f"claim {c['target']} {field}={new}")
            else:
                self.console.print(f"unknown key {key!r}; {CLAIMS_HELP}")

    def _add_claim(self, directions: dict, strengths: dict) -> None:
        factor = self._line("factor of the new claim (end with Enter; empty cancels):")
        if not factor:
            self.console.print("cancelled")
            return
        outcome = self._line("outcome (empty: recovery):") or "recovery"
        self.console.print("direction: " + "  ".join(f"[{k}] {v}" for k, v in directions.items()))
        key = self.read_key()
        if key not in directions:
            self.console.print("cancelled")
            return
        direction = directions[key]
        self.console.print("strength: " + "  ".join(f"[{k}] {v}" for k, v in strengths.items()))
        key = self.read_key()
        if key not in strengths:
            self.console.print("cancelled")
            return
        claim = {"factor": factor, "outcome": outcome, "direction": direction, "strength": strengths[key]}
        existing = {c["target"] for c in self.session.store.latest_claim_corrections() if c["record_id"] == self.rid}
        existing |= {e["target"] for e in self.session.store.history(self.rid) if e["kind"] == "claim"}
        n = 1
        while f"new-{n}" in existing:
            n += 1
        self._save([("claim", {"action": "add", "claim": claim}, f"new-{n}")], f"claim new-{n} added")


def claim_fields(claim: dict) -> dict:
    """A predicted claim (``Claim.to_dict()``) as the flat fields an annotator corrects."""

    def text(value):
        return value.get("text") if isinstance(value, dict) else value

    return {"text": claim.get("text"), "start": claim.get("start"), "end": claim.get("end"),
            "factor": text(claim.get("factor")), "outcome": text(claim.get("outcome")),
            "direction": claim.get("direction"), "strength": claim.get("strength")}


def _claim_state(target: str, original: dict, correction: dict | None) -> dict:
    if correction is None:
        return {"target": target, "original": original, "claim": dict(original), "status": "predicted"}
    action = correction["action"]
    claim = correction.get("claim") or dict(original)
    status = {"accept": "accepted", "reject": "rejected", "edit": "edited", "add": "added"}[action]
    return {"target": target, "original": original, "claim": claim, "status": status}


# --- the loop ------------------------------------------------------------------------------------
def run(
    session: ScreeningSession,
    read_key: Callable[[], str],
    console=None,
    limit: int | None = None,
    extractor: Callable | None = None,
) -> dict:
    """Show records and take decisions until ``q``, end of input, ``limit`` relevance decisions
    or no record left. Returns counts of this session's decisions."""
    from rich.console import Console

    console = console or Console(highlight=False)
    counts = {"relevant": 0, "irrelevant": 0, "uncertain": 0, "undone": 0, "edited": 0}
    total = len(session.ids)
    decided = 0
    again: int | None = None  # a record whose relevance decision was just undone: shown again
    while limit is None or decided < limit:
        if again is not None and again in session.pos and again not in session.labelled():
            suggestion = session.suggestion_for(again, UNDO_REASON)
        else:
            suggestion = session.next()
        again = None
        if suggestion is None:
            console.print("every record is screened.")
            break
        extracted = extractor(suggestion.record) if extractor else None
        screens = _Screens(session, suggestion, extracted, read_key, console, counts)
        show = True
        while True:
            if show:
                console.print(render(suggestion, len(session.labelled()), total, extracted, screens.current()))
                show = False
            key = read_key()
            if key in ("t", "d"):
                if not extracted:
                    console.print("no predictions to accept (run with --extract); [e]/[g] to label by hand")
                    continue
                if key == "t":
                    screens._save([("processes", list(extracted["processes"]), ""), ("themes", list(extracted["themes"]), "")],
                                  f"themes {extracted['themes']} processes {extracted['processes']}", "accepted prediction")
                elif extracted["design"]:
                    screens._save([("design", extracted["design"], "")], f"design {extracted['design']}",
                                  "accepted prediction")
                continue
            if key in ("e", "g", "c"):
                {"e": screens.edit_themes, "g": screens.edit_design, "c": screens.edit_claims}[key]()
                show = True
                continue
            if key == "q":
                return _finish(session, console, counts)
            if key == "?":
                console.print(HELP)
                continue
            if key == "b":
                undone = screens.undo()
                if undone is not None:
                    again = undone  # a relevance decision was withdrawn: show that record again
                    break
                show = True
                continue
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
        f"{counts['uncertain']} uncertain, {counts['edited']} corrections, {counts['undone']} undone"
    )
    return counts
