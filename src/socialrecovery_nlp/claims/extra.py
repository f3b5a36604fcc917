"""Claim corrections from a review project as training examples (``data.extra`` in
``training/claims.toml``).

Input: JSONL files written by ``active/export.py::export_training`` for claims, one line per
correction: ``{"id", "record", "text", "correction": {...}, "provenance": {...}}`` where ``text``
is the record's text and ``correction`` holds ``target`` (the claim it is about: ``c<i>`` for
the i-th predicted claim of the record, any other name for an added one) and ``action``:

- ``accept`` — the predicted claim is right;
- ``edit`` — the predicted claim is right except ``field`` (``direction``, ``strength``,
  ``factor``, ``outcome``, ``hedged``, ``negated``, ...), which is ``value``;
- ``reject`` — the predicted claim is wrong (its sentence is a non-claim unless another
  correction keeps a claim in it);
- ``add`` — ``claim`` is a claim the model missed.

The claim a correction is about is found in this order: a claim dict stored with the correction
(``claim``, ``predicted`` or ``original``, in ``Claim.to_dict()`` form: sentence ``text`` and
``start``/``end`` in the record text, ``factor``/``outcome`` as ``{text, start, end}`` or plain
strings; a span whose ``start`` is null is implicit and not looked for in the sentence); else, for a
``c<i>`` target, the i-th claim that ``base`` (a claims extractor, the model the annotator saw) finds
in the record text. For an added claim without a sentence, the sentence
is the first one of the record holding its factor (and outcome) text.

Output: one example per sentence, ``{"id", "text", "is_claim", "claims", "group", "origin"}``,
factor/outcome offsets relative to the sentence; claims carry only the fields that are known.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import SrnlpError
from ..training.exported import read_exported

_TARGET = re.compile(r"c(\d+)$")
#: direction values a reviewer may type, mapped onto the codebook's directions
DIRECTION_ALIASES = {
    "promotes": "promotes", "positive": "promotes", "promote": "promotes", "+": "promotes", "helps": "promotes",
    "hinders": "hinders", "negative": "hinders", "hinder": "hinders", "-": "hinders", "harms": "hinders",
    "no_effect": "no_effect", "none": "no_effect", "no effect": "no_effect", "null": "no_effect", "0": "no_effect",
    "mixed": "mixed",
}
STRENGTHS = ("causal", "conditional_causal", "correlational")
_FIELDS = ("direction", "strength", "hedged", "negated", "hedge_cue", "negation_cue", "social", "design", "themes")


def read_corrections(paths: list[str | Path]) -> list[tuple[Path, int, dict]]:
    """``(file, line number, parsed line)`` of every line of ``paths`` (E402 for a missing file)."""
    out = []
    for p in paths:
        path = Path(p)
        for n, row in read_exported(path, missing="E402", bad="E403"):
            if not isinstance(row.get("correction"), dict) or not isinstance(row.get("text"), str):
                raise SrnlpError("E403", path=path, line=n, reason="no 'text' string or 'correction' object")
            if row["correction"].get("action") not in ("accept", "edit", "reject", "add"):
                raise SrnlpError("E403", path=path, line=n, reason=f"unknown action {row['correction'].get('action')!r}")
            out.append((path, n, row))
    return out


def _sentences(text: str) -> list[tuple[int, int]]:
    from ..pipeline.language import load
    from .extract import sentence_units

    nlp = _blank_cache.get("nlp") or _blank_cache.setdefault("nlp", load(components=[]))
    return [(s.start_char, s.end_char) for s in sentence_units(nlp(text))]


_blank_cache: dict[str, Any] = {}


def _norm_direction(value: Any) -> str | None:
    return DIRECTION_ALIASES.get(str(value).strip().lower()) if value is not None else None


def _stored_claim(corr: dict) -> dict | None:
    for key in ("claim", "predicted", "original"):
        if isinstance(corr.get(key), dict):
            return dict(corr[key])
    return None


def _locate_sentence(record_text: str, claim: dict) -> tuple[int, int] | None:
    """The sentence ``(start, end)`` in the record text that the claim dict is in."""
    sent = claim.get("text") or claim.get("sentence")
    if isinstance(sent, dict):
        sent = sent.get("text")
    start, end = claim.get("start"), claim.get("end")
    if isinstance(sent, str) and sent:
        if isinstance(start, int) and isinstance(end, int) and record_text[start:end] == sent:
            return start, end
        pos = record_text.find(sent)
        if pos >= 0:
            return pos, pos + len(sent)
    # no sentence: the first sentence holding the factor (and the outcome) as written
    parts = [_span_text(claim.get(k)) for k in ("factor", "outcome")]
    parts = [p for p in parts if p]
    if not parts:
        return None
    for a, b in _sentences(record_text):
        chunk = record_text[a:b].lower()
        if all(p.lower() in chunk for p in parts):
            return a, b
    return None


def _span_text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("text")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _relative_span(value: Any, record_text: str, sent: tuple[int, int]) -> dict | None:
    """A factor/outcome value as ``{text, start, end}`` relative to the sentence, or ``None``."""
    a, b = sent
    sentence = record_text[a:b]
    if isinstance(value, dict) and "start" in value and value["start"] is None and _span_text(value):
        return {"text": _span_text(value), "start": None, "end": None}  # said to be implicit: not looked for
    if isinstance(value, dict) and isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
        s, e = value["start"], value["end"]
        if a <= s < e <= b and record_text[s:e] == value.get("text", record_text[s:e]):
            return {"text": record_text[s:e], "start": s - a, "end": e - a}
        if 0 <= s < e <= len(sentence) and sentence[s:e] == value.get("text"):  # already sentence-relative
            return {"text": sentence[s:e], "start": s, "end": e}
    text = _span_text(value)
    if text is None:
        return None
    pos = sentence.find(text)
    if pos < 0:
        pos = sentence.lower().find(text.lower())
    if pos < 0:
        return {"text": text, "start": None, "end": None}  # implicit or paraphrased: text only
    return {"text": sentence[pos:pos + len(text)], "start": pos, "end": pos + len(text)}


def _clean_claim(claim: dict, record_text: str, sent: tuple[int, int]) -> dict:
    out: dict[str, Any] = {}
    for part in ("factor", "outcome"):
        out[part] = _relative_span(claim.get(part), record_text, sent)
    for key in _FIELDS:
        if key in claim and claim[key] is not None:
            out[key] = claim[key]
    if "direction" in out:
        out["direction"] = _norm_direction(out["direction"])
    if out.get("strength") not in STRENGTHS:
        out.pop("strength", None)
    return {k: v for k, v in out.items() if v is not None}


def corrections_to_examples(paths: list[str | Path], base=None) -> tuple[list[dict], dict]:
    """Training examples (one per sentence) from correction files, and counts of what was used.

    ``base``: a :class:`.extract.ClaimExtractor` used to recover the i-th predicted claim of a
    record when a correction stores only its target ``c<i>``; ``None`` skips such corrections.
    """
    stats = {"corrections": 0, "used": 0, "skipped": 0, "accept": 0, "edit": 0, "reject": 0, "add": 0}
    predicted: dict[tuple[str, Any], list[dict]] = {}
    per_sentence: dict[tuple[str, Any, int, int], dict] = {}
    for path, _n, row in read_corrections(paths):
        stats["corrections"] += 1
        corr = row["correction"]
        action = corr["action"]
        text = row["text"]
        record = row.get("record", row.get("id"))
        claim = _stored_claim(corr)
        if claim is None and action != "add":
            match = _TARGET.match(str(corr.get("target", "")))
            if match and base is not None:
                key = (str(path), record)
                if key not in predicted:
                    from ..pipeline.language import load

                    nlp = _blank_cache.get("nlp") or _blank_cache.setdefault("nlp", load(components=[]))
                    predicted[key] = [c.to_dict() for c in base(nlp(text))]
                index = int(match.group(1))
                claim = predicted[key][index] if index < len(predicted[key]) else None
        if claim is None:
            stats["skipped"] += 1
            continue
        if action == "edit":
            field = corr.get("field")
            if field:  # factor/outcome values may be strings or {text, start, end}
                claim[field] = corr.get("value")
        sent = _locate_sentence(text, claim)
        if sent is None:
            stats["skipped"] += 1
            continue
        key = (str(path), record, *sent)
        entry = per_sentence.setdefault(key, {
            "id": f"extra-{row.get('id', record)}-{sent[0]}", "text": text[sent[0]:sent[1]], "claims": [],
            "rejected": 0, "group": f"extra:{path.name}:{record}", "origin": "extra",
            "provenance": row.get("provenance", {}),
        })
        if action == "reject":
            entry["rejected"] += 1
        else:
            entry["claims"].append(_clean_claim(claim, text, sent))
        stats["used"] += 1
        stats[action] += 1
    examples = []
    for entry in per_sentence.values():
        entry["is_claim"] = bool(entry["claims"])
        entry["kind"] = "claim" if entry["is_claim"] else "rejected"
        examples.append(entry)
    stats["sentences"] = len(examples)
    stats["positive"] = sum(e["is_claim"] for e in examples)
    return examples, stats
