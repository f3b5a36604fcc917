"""Document-level themes: sentence probabilities aggregated per label, thresholds, evidence.

``ThemeModel`` = a sentence estimator + the label space + the aggregation rule + calibrated
thresholds; it is what a model directory holds and what the spaCy component runs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .labels import LabelSpace
from .registry import estimator_class
from .sentences import SECTION_WEIGHTS, split_text


def aggregate(probs: np.ndarray, weights: np.ndarray | None = None, top_k: int = 3) -> np.ndarray:
    """Per-label document score: noisy-or over the ``top_k`` highest weighted sentence scores.

    ``probs`` is (sentences, labels); each sentence score is multiplied by its section weight.
    A one-sentence document keeps its sentence probability; more sentences can only raise it,
    and capping at ``top_k`` keeps long texts from accumulating many weak hits.
    """
    if probs.shape[0] == 0:
        return np.zeros(probs.shape[1])
    q = probs if weights is None else probs * np.asarray(weights)[:, None]
    top = -np.sort(-q, axis=0)[:top_k]
    return 1.0 - np.prod(1.0 - top, axis=0)


@dataclass
class DocResult:
    """Scores, labels and evidence of one text, in the output contract's shape."""

    processes: dict[str, float]
    themes: dict[str, float]
    labels: dict[str, list[str]]
    evidence: dict[str, list[dict]] = field(default_factory=dict)


@dataclass
class ThemeModel:
    estimator: object
    space: LabelSpace
    thresholds: dict[str, float]
    top_k: int = 3
    section_weights: dict[str, float] = field(default_factory=lambda: dict(SECTION_WEIGHTS))
    evidence_k: int = 3
    meta: dict = field(default_factory=dict)

    # -- sentence level ------------------------------------------------------------------
    def sentence_proba(self, sentences: list[str]) -> np.ndarray:
        """(sentences, labels) probabilities with the hierarchy enforced."""
        return self.space.enforce(self.estimator.predict_proba(list(sentences)))

    # -- document level ------------------------------------------------------------------
    def predict_spans(self, items: list[tuple[str, list[tuple[int, int]], list[float] | None]]) -> list[DocResult]:
        """``items``: (text, sentence spans, sentence weights or None); one batch, one estimator call."""
        sentences, owners = [], []
        for i, (text, spans, _) in enumerate(items):
            for start, end in spans:
                sentences.append(text[start:end])
                owners.append(i)
        probs = self.sentence_proba(sentences) if sentences else np.zeros((0, len(self.space.ids)))
        owners = np.asarray(owners, dtype=int)
        return [self._result(text, spans, weights, probs[owners == i]) for i, (text, spans, weights) in enumerate(items)]

    def predict_texts(self, texts: list[str]) -> list[DocResult]:
        return self.predict_spans([(t, split_text(t), None) for t in texts])

    def _result(self, text, spans, weights, probs) -> DocResult:
        w = np.ones(len(spans)) if weights is None else np.asarray(weights, dtype=float)
        scores = self.space.enforce(aggregate(probs, w, self.top_k))
        ids = self.space.ids
        flags = np.array([scores[j] >= self.thresholds.get(label, 0.5) for j, label in enumerate(ids)])
        labels = self.space.decode(flags)
        evidence = {}
        weighted = probs * w[:, None] if len(spans) else probs
        for label in [*labels["processes"], *labels["themes"]]:
            j = ids.index(label)
            order = np.argsort(-weighted[:, j], kind="stable")[: self.evidence_k]
            # the best sentence always; others only if they score at least half the threshold
            floor = 0.5 * self.thresholds.get(label, 0.5)
            evidence[label] = [{"text": text[spans[s][0]:spans[s][1]], "start": int(spans[s][0]),
                                "end": int(spans[s][1]), "score": round(float(weighted[s, j]), 4)}
                               for n, s in enumerate(order) if n == 0 or weighted[s, j] >= floor]
        n_proc = len(self.space.processes)
        return DocResult(
            processes={label: round(float(scores[j]), 4) for j, label in enumerate(ids[:n_proc])},
            themes={label: round(float(scores[j]), 4) for j, label in enumerate(ids[n_proc:], n_proc)},
            labels=labels, evidence=evidence)

    def doc_scores(self, texts: list[str]) -> np.ndarray:
        """(texts, labels) document scores (for evaluation)."""
        results = self.predict_texts(texts)
        return np.array([[*r.processes.values(), *r.themes.values()] for r in results]).reshape(len(texts), -1)

    # -- persistence ---------------------------------------------------------------------
    @property
    def model_id(self) -> str:
        return f"{self.meta.get('name', 'themes')}@{self.meta.get('version', '0')}"

    def config(self) -> dict:
        return {"estimator": self.meta.get("estimator"), "labels": self.space.to_dict(),
                "thresholds": self.thresholds, "aggregation": {"method": "noisy_or_top_k", "top_k": self.top_k,
                                                                "section_weights": self.section_weights},
                "evidence_k": self.evidence_k}

    @classmethod
    def load(cls, directory: str | Path, device: str = "cpu", check: bool = True) -> ThemeModel:
        from ..modeldir import read_meta

        directory = Path(directory)
        from ..errors import SrnlpError, warn
        from .registry import ESTIMATORS

        meta = read_meta(directory, check=check)
        try:
            est_cls = estimator_class(meta.get("estimator", ""))
        except KeyError:
            raise SrnlpError("E202", name=meta.get("estimator"), path=directory / "meta.json",
                             known=", ".join(ESTIMATORS)) from None
        if check and meta.get("codebook_version"):
            from ..codebook import load_codebook

            installed = load_codebook().version
            if installed.split(".")[0] != str(meta["codebook_version"]).split(".")[0]:
                warn("W201", name=meta.get("name"), trained=meta["codebook_version"], installed=installed)
        kwargs = {"device": device} if "device" in est_cls.load.__code__.co_varnames else {}
        estimator = est_cls.load(directory, **kwargs)
        agg = meta.get("aggregation", {})
        return cls(estimator, LabelSpace.from_dict(meta["labels"]), dict(meta["thresholds"]),
                   top_k=int(agg.get("top_k", 3)), section_weights=dict(agg.get("section_weights", SECTION_WEIGHTS)),
                   evidence_k=int(meta.get("evidence_k", 3)), meta=meta)


def dumps(obj) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False)
