"""Rules + classifier -> one design per text: ``{label, score, evidence, probabilities}``.

Full texts: cues found in ``methods`` sections decide when they are confident, and the
classifier reads the title, abstract and methods; otherwise the whole text (abstract fallback).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from .combine import CombineParams, combine_batch, is_short
from .model import DesignClassifier
from .rules import Cue, DesignRules, RuleDecision, _blank_nlp, decide

PARAMS_FILE = "combine.json"


@dataclass
class DocView:
    """What the predictor needs from one document."""

    doc: Doc
    title_end: int | None = None
    method_spans: list[tuple[int, int]] | None = None   # char spans of methods sections
    model_text: str | None = None                       # text the classifier reads
    short: bool | None = None                           # title-only / no method text
    text: str | None = None                             # doc.text when already at hand (faster)

    def full_text(self) -> str:
        return self.text if self.text is not None else self.doc.text


class DesignPredictor:
    """Holds the compiled rules, the classifier and the combination parameters."""

    def __init__(self, classifier: DesignClassifier, params: CombineParams, rules: DesignRules | None = None,
                 model_id: str = "design@unversioned") -> None:
        self.classifier = classifier
        self.params = params
        self.rules = rules or DesignRules(_blank_nlp().vocab)
        self.labels = classifier.labels_
        self.model_id = model_id

    @classmethod
    def load(cls, model_dir: str | Path, vocab=None) -> DesignPredictor:
        model_dir = Path(model_dir)
        params = CombineParams(**json.loads((model_dir / PARAMS_FILE).read_text(encoding="utf-8")))
        meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
        rules = DesignRules(vocab) if vocab is not None else None
        return cls(DesignClassifier.load(model_dir), params, rules, f"{meta['name']}@{meta['version']}")

    def save_params(self, model_dir: str | Path) -> None:
        Path(model_dir, PARAMS_FILE).write_text(json.dumps(self.params.to_dict(), indent=2) + "\n", encoding="utf-8")

    # -- prediction ------------------------------------------------------------------------
    def rule_decision(self, view: DocView) -> tuple[RuleDecision, list[Cue]]:
        cues = self.rules.cues(view.doc, title_end=view.title_end, text=view.text)
        if view.method_spans:
            in_methods = [c for c in cues if any(a <= c.start < b for a, b in view.method_spans)]
            method_decision = decide(in_methods)
            if method_decision.confident:
                return method_decision, cues
        return decide(cues), cues

    def predict_views(self, views: list[DocView]) -> list[dict]:
        if not views:
            return []
        decisions = [self.rule_decision(v) for v in views]
        texts = [v.model_text if v.model_text is not None else v.full_text() for v in views]
        proba = self.classifier.predict_proba(texts, [cues for _, cues in decisions])
        shorts = [view.short if view.short is not None else is_short(text, self.params)
                  for view, text in zip(views, texts)]
        dists = combine_batch([d for d, _ in decisions], proba, self.labels, self.params, shorts)
        best = dists.argmax(axis=1)
        labels = self.labels
        out = []
        for (decision, cues), dist, k in zip(decisions, dists.tolist(), best.tolist()):
            label = labels[k]
            evidence = [c for c in cues if c.status == "own" and c.label == label]
            evidence.sort(key=lambda c: (c.strength != "strong", c.start))
            out.append({
                "label": label,
                "score": round(dist[k], 4),
                "evidence": [{"text": c.text, "start": c.start, "end": c.end} for c in evidence[:5]],
                "probabilities": dict(zip(labels, dist)),
                "rule": {"label": decision.label, "confident": decision.confident},
            })
        return out

    def model_proba(self, views: list[DocView]) -> np.ndarray:
        """The classifier's calibrated probabilities alone (no rule mixture), for ablations."""
        texts = [v.model_text if v.model_text is not None else v.full_text() for v in views]
        return self.classifier.predict_proba(texts, [self.rule_decision(v)[1] for v in views])

    def predict_texts(self, texts: list[str], title_ends: list[int | None] | None = None,
                      batch_size: int = 256) -> list[dict]:
        """Predict plain texts (title + blank line + abstract), tokenised with a blank pipeline."""
        nlp = _blank_nlp()
        title_ends = title_ends or [None] * len(texts)
        docs = list(nlp.pipe(texts, batch_size=batch_size))
        return self.predict_views([DocView(d, t, text=x) for d, t, x in zip(docs, title_ends, texts)])
