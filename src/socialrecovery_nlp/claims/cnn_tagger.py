"""A fast factor/outcome tagger: a spaCy CNN token tagger distilled from the MiniLM tagger.

The same :data:`.minilm_tagger.TAGS` as the MiniLM tagger, from spaCy's ``tagger`` architecture over a hashed
embedding of each token's norm, affixes, shape and the parser's tag and dependency label, then a convolutional
encoder. It runs without torch at a small part of the MiniLM pass's cost, so fast mode (``--fast-claims``) can use
tagged spans instead of the rules' spans. Trained (:func:`.tagger_distill.distil`) on the gold tags of the training
claim sentences and on the MiniLM tagger's tag probabilities for the candidate sentences of unannotated screening
abstracts (knowledge distillation with soft targets). The spaCy pipeline lives in ``span_tagger_cnn/`` of the model
directory.
"""

from __future__ import annotations

import json
import random
import sys
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from .minilm_tagger import TAGS, BioTagger

DIRECTORY = "span_tagger_cnn"
SETTINGS_FILE = "span_tagger_cnn.json"
NAME = "srnlp.claims_span_tagger_cnn.v1"
#: token attributes the hashed embedding reads; TAG and DEP come from the parse of the candidate sentence
ATTRS = ("NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP")
ROWS = (5000, 1000, 2500, 2500, 100, 100)


def tagger_config(width: int, depth: int, window: int) -> dict:
    """The ``tagger`` component's model config (spaCy's registered architectures)."""
    return {"model": {
        "@architectures": "spacy.Tagger.v2", "nO": None, "normalize": True,
        "tok2vec": {"@architectures": "spacy.Tok2Vec.v2",
                    "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": width, "attrs": list(ATTRS),
                              "rows": list(ROWS), "include_static_vectors": False},
                    "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": width, "depth": depth,
                               "window_size": window, "maxout_pieces": 3}}}}


def _as_probabilities(doc: Doc, target) -> np.ndarray:
    """``(n_tokens, 5)`` target probabilities from tag ids or from such an array (checked against the doc)."""
    array = np.asarray(target, dtype=float)
    if array.ndim == 1:
        array = np.eye(len(TAGS))[array.astype(int)] if len(array) else np.zeros((0, len(TAGS)))
    if array.shape != (len(doc), len(TAGS)):
        raise ValueError(f"targets of shape {array.shape} for a sentence of {len(doc)} tokens: {doc.text[:60]!r}")
    return array


@contextmanager
def _global_random_state():
    """Put back the state of Python's, numpy's and (when loaded) torch's global generators on leaving."""
    saved = random.getstate(), np.random.get_state()
    torch = sys.modules.get("torch")
    saved_torch = torch.random.get_rng_state() if torch is not None else None
    try:
        yield
    finally:
        random.setstate(saved[0])
        np.random.set_state(saved[1])
        if saved_torch is not None:
            torch.random.set_rng_state(saved_torch)


class CNNSpanTagger(BioTagger):
    """``fit(docs, tags)`` / ``tag(docs)``; ``docs`` are parsed sentences (the features read the parse)."""

    def __init__(self, width: int = 96, depth: int = 4, window: int = 1, epochs: int = 8, dropout: float = 0.1,
                 batch_size: int = 32, seed: int = 0, min_score: float = 0.5, leftovers: bool = False) -> None:
        self.width, self.depth, self.window, self.epochs = width, depth, window, epochs
        self.dropout, self.batch_size, self.seed, self.min_score = dropout, batch_size, seed, min_score
        #: do tagged spans that no rule relation took make relations of their own (see ``tagged_relations``)?
        self.leftovers = leftovers
        self.nlp = None
        self._cache: dict[str, np.ndarray] = {}
        #: per epoch, the training loss (for the model card)
        self.losses: list[float] = []

    def _pipe(self):
        return self.nlp.get_pipe("tagger")

    # -- training -----------------------------------------------------------------------------
    def fit(self, docs: list[Doc], targets: list, log=None) -> CNNSpanTagger:
        """Train on parsed sentences and their targets, one per doc: tag ids (:data:`TAGS`, gold) or an
        ``(n_tokens, 5)`` array of tag probabilities (a teacher's, for distillation with soft targets). The loss is
        the cross-entropy against the targets. Deterministic for a given seed: the order is shuffled by it and
        thinc's generator is seeded with it; the global generators it seeds are put back afterwards."""
        with _global_random_state():
            return self._fit(docs, targets, log)

    def _fit(self, docs: list[Doc], targets: list, log=None) -> CNNSpanTagger:
        import spacy
        from spacy.training import Example
        from thinc.api import fix_random_seed, set_dropout_rate

        fix_random_seed(self.seed)
        dense = [_as_probabilities(doc, target) for doc, target in zip(docs, targets)]
        if not any(len(doc) for doc in docs):
            raise ValueError("no sentence with a token to train the CNN tagger on")
        self.nlp = spacy.blank("en")
        tagger = self.nlp.add_pipe("tagger", config=tagger_config(self.width, self.depth, self.window))
        for label in TAGS:
            tagger.add_label(label)
        sample = [Example(doc, Doc(doc.vocab, words=[t.text for t in doc], tags=[TAGS[i] for i in p.argmax(1)]))
                  for doc, p in zip(docs, dense) if len(doc)][:200]
        optimizer = self.nlp.initialize(lambda: sample)
        model = tagger.model
        columns = [TAGS.index(label) for label in tagger.labels]  # the model's label order
        dense = [p[:, columns].astype("float32") for p in dense]
        set_dropout_rate(model, self.dropout)
        order = [i for i, doc in enumerate(docs) if len(doc)]
        rng = random.Random(self.seed)
        self.losses = []
        for epoch in range(self.epochs):
            rng.shuffle(order)
            total = 0.0
            for start in range(0, len(order), self.batch_size):
                idx = order[start:start + self.batch_size]
                scores, backprop = model.begin_update([docs[i] for i in idx])
                n = sum(len(docs[i]) for i in idx)
                truth = [model.ops.asarray2f(dense[i]) for i in idx]
                backprop([(y - t) / n for y, t in zip(scores, truth)])  # softmax + cross-entropy gradient
                model.finish_update(optimizer)
                total += float(sum(-(model.ops.to_numpy(t) * np.log(np.maximum(model.ops.to_numpy(y), 1e-9))).sum()
                                   for y, t in zip(scores, truth)))
            self.losses.append(round(total, 3))
            if log is not None:
                log(f"cnn tagger epoch {epoch + 1}/{self.epochs}: loss {self.losses[-1]}")
        self._cache = {}
        return self

    # -- tagging ------------------------------------------------------------------------------
    def tag(self, docs: list[Doc], batch_size: int = 256) -> list[np.ndarray]:
        """Per doc, ``(n_tokens, 5)`` tag probabilities in :data:`TAGS` order."""
        if self.nlp is None:
            raise RuntimeError("CNNSpanTagger is not fitted")
        pipe = self._pipe()
        order = [pipe.labels.index(t) for t in TAGS]
        out: list[np.ndarray] = []
        for start in range(0, len(docs), batch_size):
            batch = docs[start:start + batch_size]
            for doc, scores in zip(batch, pipe.model.predict(batch)):
                scores = pipe.model.ops.to_numpy(scores)
                out.append(np.asarray(scores, dtype=float)[:, order] if len(doc) else np.zeros((0, len(TAGS))))
        return out

    # -- persistence --------------------------------------------------------------------------
    def settings(self) -> dict:
        return {"name": NAME, "attrs": list(ATTRS), "rows": list(ROWS), "tags": list(TAGS), "width": self.width,
                "depth": self.depth, "window": self.window, "epochs": self.epochs, "dropout": self.dropout,
                "batch_size": self.batch_size, "seed": self.seed, "min_score": self.min_score,
                "leftovers": self.leftovers, "losses": self.losses}

    def save(self, directory: str | Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        self.nlp.to_disk(directory / DIRECTORY)
        (directory / SETTINGS_FILE).write_text(json.dumps(self.settings(), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, directory: str | Path) -> CNNSpanTagger:
        """The tagger saved in ``directory``; ``ValueError`` naming the directory when it is not one or is broken."""
        import spacy

        directory = Path(directory)
        try:
            settings = json.loads((directory / SETTINGS_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ValueError(f"{directory / SETTINGS_FILE}: cannot read the CNN tagger's settings ({error})") from error
        if not isinstance(settings, dict) or settings.get("name") != NAME:
            found = settings.get("name") if isinstance(settings, dict) else settings
            raise ValueError(f"{directory / SETTINGS_FILE}: not a {NAME} tagger ({found!r})")
        try:
            tagger = cls(**{k: settings[k] for k in ("width", "depth", "window", "epochs", "dropout", "batch_size",
                                                     "seed", "min_score")},
                         leftovers=bool(settings.get("leftovers", False)))
            tagger.losses = list(settings.get("losses", []))
            tagger.nlp = spacy.load(directory / DIRECTORY)
            labels = set(tagger._pipe().labels)
        except (KeyError, OSError, ValueError) as error:
            raise ValueError(f"{directory}: the CNN tagger does not load ({type(error).__name__}: {error})") from error
        missing = set(TAGS) - labels
        if missing:
            raise ValueError(f"{directory / DIRECTORY}: the tagger lacks the labels {sorted(missing)}")
        return tagger
