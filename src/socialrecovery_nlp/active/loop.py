"""The screening loop annotators use: next record, decide, retrain in the background.

:class:`ScreeningSession` keeps the project's records featurised in memory, retrains the
screening model in a background thread every ``retrain_every`` decisions and always answers
:meth:`next` from the newest finished model, so the annotator never waits for training. Every
decision is committed to the project file before :meth:`decide` returns. :meth:`label` and
:meth:`label_many` commit corrections of the other kinds (processes, themes, design, claims) the same
way, and :meth:`undo` withdraws the session's last decision of any kind.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

import numpy as np

from ..corpus.record import Record
from .models import CachedEmbedder, make_model, screening_text
from .query import get_strategy
from .stopping import History
from .store import ProjectStore

#: The reason stored with decisions on records drawn for the statistical stopping test.
SAMPLE_REASON = "random sample for the stopping test"


@dataclass
class Suggestion:
    record_id: int
    record: Record
    reason: str
    score: float | None
    predicted: str | None  # "relevant" / "irrelevant" from the model, None without a model
    evidence: list[str]


class ScreeningSession:
    def __init__(
        self,
        store: ProjectStore,
        annotator: str,
        strategy: str = "max",
        retrain_every: int = 1,
        model: str | None = None,
        sample: bool = False,
        seed: int = 0,
        embedder: CachedEmbedder | None = None,
    ) -> None:
        self.store = store
        self.annotator = annotator
        self.retrain_every = max(1, retrain_every)
        from .project import screening_model_of

        model = model or screening_model_of(store)
        self.model_name = model
        self.sample = sample
        self._rng = np.random.default_rng(seed)
        self.strategy = get_strategy(strategy, seed=seed) if strategy == "max_random" else get_strategy(strategy)
        rows = store.records()
        self.ids = [rid for rid, _ in rows]
        self.pos = {rid: i for i, rid in enumerate(self.ids)}
        self.records = [Record.from_dict(d) for _, d in rows]
        # models with a sentence-embedding view encode the project's texts once, cached next to it
        embedder = self._embedder = embedder or CachedEmbedder(cache_dir=f"{store.path}.emb")
        self._featurizer = make_model(model, embedder=embedder)
        self.X = self._featurizer.featurize([screening_text(r) for r in self.records])
        self._lock = threading.Lock()
        self._model = None
        self._model_X = None  # the feature matrix in the current model's vocabulary
        self._model_labels = 0
        self._scores: np.ndarray | None = None
        self._thread: threading.Thread | None = None
        self._undo: list[list[tuple[int, str, str, object]]] = []  # decisions: [(record, kind, target, previous)]
        self._since_train = 0
        self.model_version = "none"
        self._load_stored_model()
        if self._scores is None:  # no stored model: train once before the first record
            self.retrain(wait=True)

    # --- models ----------------------------------------------------------------------------------
    def _load_stored_model(self) -> None:
        from .models import LinearScreener

        stored = self.store.latest_model("screening")
        if stored is None or stored[1] is None:
            return
        meta, weights = stored
        try:
            model = LinearScreener.from_bytes(weights, embedder=self._embedder)
            X = model.transform([screening_text(r) for r in self.records])
            scores = model.score(X)
        except Exception:  # noqa: BLE001 - a stale stored model only costs one training
            return
        self._model, self._scores, self._model_X = model, scores, X
        self.model_version = f"screening@{meta.get('version')}"

    def labelled(self) -> dict[int, str]:
        return self.store.latest_labels("relevance")

    def _training_data(self) -> tuple[np.ndarray, np.ndarray] | None:
        labels = self.labelled()
        idx = [self.pos[r] for r, v in labels.items() if v in ("relevant", "irrelevant") and r in self.pos]
        y = np.array([1 if labels[self.ids[i]] == "relevant" else 0 for i in idx], dtype=int)
        if len(set(y.tolist())) < 2:
            return None
        return np.asarray(idx), y

    def _train(self, idx: np.ndarray, y: np.ndarray) -> None:
        model = make_model(self.model_name)
        model.vectorizers, model._slices = self._featurizer.vectorizers, self._featurizer._slices
        with self._lock:
            previous = self._model if self._model_X is self.X else None  # same features
        model.warm_start_from(previous)
        model.fit(self.X[idx], y)
        scores = model.score(self.X, exclude=idx)  # the labelled rows do not set the members' spread
        with self._lock:
            self._model, self._scores, self._model_X, self._model_labels = model, scores, self.X, len(y)
            self.model_version = f"session@{len(y)} labels"

    def retrain(self, wait: bool = False) -> bool:
        """Start a background retraining (unless one runs); ``wait`` blocks until it is done."""
        data = self._training_data()
        if data is None:
            return False
        if self._thread is not None and self._thread.is_alive():
            if wait:
                self._thread.join()
            return False
        self._thread = threading.Thread(target=self._train, args=data, daemon=True)
        self._thread.start()
        if wait:
            self._thread.join()
        return True

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()

    # --- the loop ----------------------------------------------------------------------------------
    def next(self) -> Suggestion | None:
        """The record to show next (never waits for training); None when all are screened."""
        labels = self.labelled()
        mask = np.array([rid in labels for rid in self.ids], dtype=bool)
        if mask.all():
            return None
        with self._lock:
            scores, model, model_X = self._scores, self._model, self._model_X
        if self.sample:
            pool = np.flatnonzero(~mask)
            i = int(self._rng.choice(pool))
            reason = f"{SAMPLE_REASON} ({len(pool)} unscreened)"
        elif scores is None:
            pool = np.flatnonzero(~mask)
            i = int(self._rng.choice(pool))
            reason = "random: no model yet (needs one relevant and one irrelevant label)"
        else:
            i = int(self.strategy.query(scores, mask, 1)[0])
            reason = self.strategy.reason(i)
        return self._suggestion(i, reason, scores, model, model_X)

    def suggestion_for(self, record_id: int, reason: str) -> Suggestion:
        """A given record with the newest model's prediction (e.g. shown again after an undo)."""
        with self._lock:
            scores, model, model_X = self._scores, self._model, self._model_X
        return self._suggestion(self.pos[record_id], reason, scores, model, model_X)

    def _suggestion(self, i: int, reason: str, scores, model, model_X) -> Suggestion:
        score = float(scores[i]) if scores is not None else None
        predicted = None if score is None else ("relevant" if score > 0 else "irrelevant")
        evidence = model.top_terms(model_X[i]) if model is not None else []
        return Suggestion(self.ids[i], self.records[i], reason, score, predicted, evidence)

    def decide(self, suggestion: Suggestion, value: str) -> int:
        """Commit a decision (durable when this returns); retrain every ``retrain_every``."""
        reason = SAMPLE_REASON if suggestion.reason.startswith(SAMPLE_REASON) else suggestion.reason
        label_id = self.label(suggestion.record_id, "relevance", value, model_version=self.model_version, reason=reason)
        self._since_train += 1
        if self._since_train >= self.retrain_every and self.retrain():
            self._since_train = 0
        return label_id

    def label(
        self,
        record_id: int,
        kind: str,
        value,
        target: str = "",
        model_version: str | None = None,
        reason: str | None = None,
    ) -> int:
        """Commit any label (relevance, processes, themes, design, claim) as one decision that
        :meth:`undo` can withdraw; durable when this returns."""
        return self.label_many(record_id, [(kind, value, target)], model_version=model_version, reason=reason)[0]

    def label_many(
        self,
        record_id: int,
        labels: list[tuple[str, object, str]],
        model_version: str | None = None,
        reason: str | None = None,
    ) -> list[int]:
        """Commit several ``(kind, value, target)`` labels of one record as *one* decision (one
        :meth:`undo` withdraws them all), e.g. a theme together with the process it brings."""
        if not labels:
            return []
        entries = [(record_id, kind, target, self.store.latest_value(record_id, kind, target))
                   for kind, value, target in labels]
        ids = self.store.add_labels(record_id, list(labels), self.annotator, model_version=model_version, reason=reason)
        self._undo.append(entries)
        return ids

    @property
    def last_undoable(self) -> list[tuple[int, str, str]] | None:
        """``[(record id, kind, target)]`` that :meth:`undo` would withdraw next, or None."""
        return [e[:3] for e in self._undo[-1]] if self._undo else None

    def undo(self) -> int | None:
        """Withdraw this session's last decision of any kind (new labels restoring the previous
        values; a value of ``None`` when there was none). Returns the record id."""
        if not self._undo:
            return None
        entries = self._undo.pop()
        record_id = entries[0][0]
        self.store.add_labels(record_id, [(kind, previous, target) for _, kind, target, previous in entries],
                              self.annotator, reason="undo")
        return record_id

    def history(self) -> History:
        seq = self.store.relevance_sequence()
        labels = [0 if v == "irrelevant" else 1 for _, v, _ in seq]
        flags = [r.startswith(SAMPLE_REASON) for _, _, r in seq]
        return History(labels, len(self.ids), flags)


def timed_next(session: ScreeningSession) -> tuple[Suggestion | None, float]:
    t0 = time.perf_counter()
    s = session.next()
    return s, time.perf_counter() - t0
