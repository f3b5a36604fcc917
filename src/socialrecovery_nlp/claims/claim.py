"""The claim object stored in ``doc._.claims``: real ``Span``s plus a ``to_dict()``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span

from ..text.citations import Citation

IMPLICIT_OUTCOME = "recovery"


@dataclass
class Claim:
    """One factor -> outcome relation in a sentence.

    ``factor``/``outcome`` are ``Span``s of the doc, or ``None`` (no parser, or the outcome is
    implicit: then ``outcome_text`` is "recovery" and the offsets are ``null`` in the output).
    """

    sentence: Span
    factor: Span | None
    outcome: Span | None
    direction: str
    strength: str
    hedged: bool
    negated: bool
    score: float
    hedge_cue: str | None = None
    citations: list[Citation] = field(default_factory=list)
    design: str = "unclear"
    themes: list[str] = field(default_factory=list)
    social: bool = False
    trigger: Span | None = None
    outcome_text: str = IMPLICIT_OUTCOME
    certainty: float | None = None
    #: the probability that the row (factor, outcome and direction together) is right, from
    #: :mod:`.row_confidence` (``None`` without that model)
    confidence: float | None = None
    #: what the extractor knew when it built the claim and the output does not show (the outcome's valence, the
    #: relation's kind, the span tagger's support for each span): the features of :mod:`.row_confidence`
    signals: dict[str, float] = field(default_factory=dict, repr=False)

    @property
    def label(self) -> str:
        return f"{self.direction}:{self.strength}"

    def to_dict(self) -> dict[str, Any]:
        """The claim as in the output contract (``output/schema.json``)."""
        return {
            "text": self.sentence.text,
            "start": self.sentence.start_char,
            "end": self.sentence.end_char,
            "factor": _span(self.factor, ""),
            "outcome": _span(self.outcome, self.outcome_text),
            "direction": self.direction,
            "strength": self.strength,
            "hedged": self.hedged,
            **({"hedge_cue": self.hedge_cue} if self.hedge_cue else {}),
            **({"certainty": round(float(self.certainty), 2)} if self.certainty is not None else {}),
            "negated": self.negated,
            "citations": [c.to_dict() for c in self.citations],
            "design": self.design,
            "themes": list(self.themes),
            "social": self.social,
            "score": round(float(self.score), 4),
            **({"confidence": round(float(self.confidence), 4)} if self.confidence is not None else {}),
        }


def _span(span: Span | None, default: str) -> dict[str, Any]:
    if span is None:
        return {"text": default, "start": None, "end": None}
    return {"text": span.text, "start": span.start_char, "end": span.end_char}


# Claims cross process boundaries (``nlp.pipe(n_process=2)``) as their output dicts: Spans cannot be
# msgpack-encoded, so a worker's claims arrive in the main process as ``Claim.to_dict()`` dicts.
_KEY = "__srnlp_claim__"


def _encode(obj, chain=None):
    if isinstance(obj, Claim):
        return {_KEY: obj.to_dict()}
    return obj if chain is None else chain(obj)


def _decode(obj, chain=None):
    if isinstance(obj, dict) and _KEY in obj:
        return obj[_KEY]
    return obj if chain is None else chain(obj)


def _register_msgpack() -> None:
    import srsly

    if "srnlp_claim" not in srsly.msgpack_encoders.get_all():
        srsly.msgpack_encoders.register("srnlp_claim", func=_encode)
        srsly.msgpack_decoders.register("srnlp_claim", func=_decode)


_register_msgpack()
