"""The codebook's cue phrases as a spaCy component that marks theme, process and design cues.

Useful on its own for highlighting, and as features and weak labels for the trained components.
Matching is case-insensitive on token text (``LOWER``), so it is fast and needs no tagger.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..codebook import Codebook, load_codebook
from ..pipeline.extensions import add_model, register_extensions

#: Which codebook kinds the cue matcher marks, and the ``kind`` it reports for each.
CUE_KINDS = {"themes": "theme", "processes": "process", "designs": "design"}


class CueMatcher:
    """Marks codebook cue phrases; sets ``doc._.matches`` to ``[{label, kind, text, start, end}]``."""

    name = "srnlp.cue_matcher.v1"

    def __init__(self, nlp: Language, codebook: Codebook | None = None) -> None:
        register_extensions()
        self.codebook = codebook or load_codebook()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.kind_of: dict[str, str] = {}
        for kind, reported in CUE_KINDS.items():
            for label in getattr(self.codebook, kind):
                if label.cues:
                    key = f"{reported}:{label.id}"
                    self.kind_of[key] = reported
                    self.matcher.add(key, list(nlp.tokenizer.pipe(label.cues)))

    def __call__(self, doc: Doc) -> Doc:
        matches = []
        for match_id, start, end in self.matcher(doc):
            key = doc.vocab.strings[match_id]
            kind, label = key.split(":", 1)
            span = doc[start:end]
            matches.append({"label": label, "kind": kind, "text": span.text,
                            "start": span.start_char, "end": span.end_char})
        matches.sort(key=lambda m: (m["start"], -m["end"], m["kind"], m["label"]))
        doc._.matches = matches
        add_model(doc, "cues", f"codebook@{self.codebook.version}")
        return doc


@Language.factory("srnlp_cues")
def make_cue_matcher(nlp: Language, name: str) -> CueMatcher:
    return CueMatcher(nlp)
