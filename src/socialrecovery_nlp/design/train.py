"""Train the design model from ``training/design.toml``: ``train_from_config(path, overrides)``.

1. Weak labels: the rules over every screening abstract that is not hand-labelled (so no test
   text is ever trained on), capped per label, a share with the cue spans masked.
2. Hand labels of the fixed *train* split, weighted up.
3. Out-of-fold predictions on the hand-labelled train split fit the temperature and the
   rule/model mixture weights; the final classifier is refit on everything.
4. The fixed *test* split is scored once at the end and stored in ``meta.json``.
"""

from __future__ import annotations

import copy
import json
import random
import tomllib
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import SrnlpError
from ..modeldir import data_hashes, write_meta
from .combine import CombineParams, combine
from .data import Abstract, read_annotations, read_extra, read_screening, text_key
from .model import DesignClassifier, softmax
from .predict import DesignPredictor, DocView
from .rules import DesignRules, _blank_nlp, decide
from .weak import training_texts, weak_label

DEFAULTS: dict[str, dict[str, Any]] = {
    "model": {"component": "design", "name": "design", "version": "0.1.0"},
    "data": {"screening_dir": "data/screening", "annotations": "annotations/design.jsonl",
             "splits": "annotations/design_splits.json", "extra": []},
    "weak": {"mask_fraction": 0.5, "max_per_label": 600, "gold_weight": 6.0, "seed": 0,
             "self_train_max_per_label": 0, "self_train_threshold": 0.8, "self_train_weight": 1.0},
    "features": {"ngram_max": 2, "min_df": 2, "max_features": 50000, "cue_weight": 0.0, "keyword_weight": 0.0,
                 "char_weight": 0.0, "char_ngram_min": 3, "char_ngram_max": 5, "char_min_df": 3,
                 "char_max_features": 100000, "focus_weight": 0.0},
    "classifier": {"C": 2.0, "max_iter": 2000, "nb_weight": 0.0, "nb_alpha": 0.3,
                   "nb_balanced": False},
    "calibration": {"folds": 5, "seed": 0, "output_temperature": False, "per_design_confident": False},
    "output": {"models_root": "models"},
}


def load_config(config_path: str | Path, overrides: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """Defaults, updated by the TOML file, updated by ``{"section.key": value}`` overrides."""
    config = copy.deepcopy(DEFAULTS)
    with open(config_path, "rb") as handle:
        for section, values in tomllib.load(handle).items():
            config.setdefault(section, {}).update(values)
    for key, value in (overrides or {}).items():
        section, _, name = key.partition(".")
        config.setdefault(section, {})[name] = value
    return config


def repo_root(config_path: str | Path) -> Path:
    """Relative data paths in a config are relative to the checkout holding ``training/``."""
    return Path(config_path).resolve().parent.parent


class TrainingData:
    """Screening abstracts, hand labels and the fixed split, read once."""

    def __init__(self, config: dict, root: Path) -> None:
        data = config["data"]
        self.paths = [root / data["annotations"], root / data["splits"]]
        self.abstracts = {a.uid: a for a in read_screening(root / data["screening_dir"])}
        self.paths += sorted((root / data["screening_dir"]).glob("*.csv"))
        self.gold = {f"{a['dataset']}:{a['record_id']}": a["label"] for a in read_annotations(root / data["annotations"])}
        split = json.loads((root / data["splits"]).read_text(encoding="utf-8"))
        self.test = [u for u in split["test"] if u in self.abstracts]
        self.train = [u for u in split["train"] if u in self.abstracts]
        self.extra_stats = self._add_extra(data.get("extra") or [], root)
        # no weak example repeats a hand-labelled text or abstract (the same abstract appears
        # under another id or title in several screening sets)
        taken = {text_key(self.abstracts[u].text) for u in self.gold if u in self.abstracts}
        taken |= {text_key(self.abstracts[u].abstract) for u in self.gold
                  if u in self.abstracts and self.abstracts[u].abstract.strip()}
        self.weak_pool = [a for uid, a in sorted(self.abstracts.items())
                          if uid not in self.gold and text_key(a.text) not in taken
                          and text_key(a.abstract) not in taken]

    def _add_extra(self, paths: list[str | Path], root: Path) -> dict[str, int]:
        """``data.extra``: JSONL files of extra hand labels (``active/export.py`` format), added to
        the *train* data only. A record whose text or abstract is a test record's is dropped (the
        test split stays unseen); one that repeats a text already hand-labelled in
        ``annotations/design.jsonl`` (or earlier in the extra files) is skipped, so curated labels
        win and no text sits in two cross-validation folds."""
        stats = {"files": 0, "read": 0, "added": 0, "dropped_test_text": 0, "skipped_duplicate": 0}
        if isinstance(paths, (str, Path)):
            paths = [paths]
        if not paths:
            return stats
        test_texts = {text_key(self.abstracts[u].text) for u in self.test}
        test_texts |= {text_key(self.abstracts[u].abstract) for u in self.test if self.abstracts[u].abstract.strip()}
        seen = {text_key(self.abstracts[u].text) for u in self.gold if u in self.abstracts}
        for raw in paths:
            path = Path(raw)
            if not path.is_absolute():
                path = root / path if (root / path).is_file() or not path.is_file() else path.resolve()
            stats["files"] += 1
            for abstract, label in read_extra(path):
                stats["read"] += 1
                key = text_key(abstract.text)
                if key in test_texts or (abstract.abstract.strip() and text_key(abstract.abstract) in test_texts):
                    stats["dropped_test_text"] += 1
                    continue
                if key in seen or abstract.uid in self.gold:
                    stats["skipped_duplicate"] += 1
                    continue
                seen.add(key)
                self.abstracts[abstract.uid] = abstract
                self.gold[abstract.uid] = label
                self.train.append(abstract.uid)
                stats["added"] += 1
            self.paths.append(path)
        return stats


def _fit(config: dict, weak_texts, weak_labels, weak_cues, gold: list[tuple[str, str, list]],
         weak_weights=None) -> DesignClassifier:
    """Fit on weak examples plus ``gold`` ``(text, label, cues)`` triples (weighted up);
    ``weak_weights``: one sample weight per weak example (default 1)."""
    f, c, w = config["features"], config["classifier"], config["weak"]
    texts = list(weak_texts) + [t for t, _, _ in gold]
    labels = list(weak_labels) + [lab for _, lab, _ in gold]
    cues = list(weak_cues) + [cs for _, _, cs in gold]
    weights = (list(weak_weights) if weak_weights is not None else [1.0] * len(weak_texts))
    weights += [float(w["gold_weight"])] * len(gold)
    model = DesignClassifier(ngram_max=f["ngram_max"], min_df=f["min_df"], max_features=f["max_features"],
                             C=c["C"], max_iter=c["max_iter"], cue_weight=float(f.get("cue_weight", 0.0)),
                             keyword_weight=float(f.get("keyword_weight", 0.0)),
                             nb_weight=float(c.get("nb_weight", 0.0)), nb_alpha=float(c.get("nb_alpha", 0.3)),
                             nb_balanced=bool(c.get("nb_balanced", False)),
                             char_weight=float(f.get("char_weight", 0.0)),
                             char_ngram_min=int(f.get("char_ngram_min", 3)), char_ngram_max=int(f.get("char_ngram_max", 5)),
                             char_min_df=int(f.get("char_min_df", 3)),
                             char_max_features=int(f.get("char_max_features", 100000)),
                             focus_weight=float(f.get("focus_weight", 0.0)))
    return model.fit(texts, labels, sample_weight=np.array(weights), cues=cues)


class SelfTrainPool:
    """Self-training (``weak.self_train_max_per_label > 0``, design-6): screening abstracts that
    are neither hand-labelled nor rule-confident (nor title-only), with their rule cues; a fitted
    model labels them and its confident predictions join the weak examples of a second fit."""

    def __init__(self, abstracts: list[Abstract], rules: DesignRules) -> None:
        views = _views(abstracts)
        self.texts, self.cues, self.decisions, self.uids = [], [], [], []
        for a, v in zip(abstracts, views):
            cues = rules.cues(v.doc, title_end=v.title_end, text=v.text)
            decision = decide(cues)
            if decision.confident or not a.abstract.strip():
                continue
            self.texts.append(a.text)
            self.cues.append(cues)
            self.decisions.append(decision)
            self.uids.append(a.uid)

    def pseudo_labels(self, model: DesignClassifier, threshold: float, max_per_label: int,
                      ) -> tuple[list[str], list[str], list[list]]:
        """Texts, labels and cues of the records whose combined probability (model at
        temperature 1, mixed as the fitted mixtures usually are: confident rules 0.1, missing
        own cue x 0.5) reaches ``threshold``; the most confident ``max_per_label`` per label."""
        from .combine import combine_batch

        if not self.texts:
            return [], [], []
        proba = softmax(model.decision(self.texts, self.cues))
        params = CombineParams(confident_weight=0.1, weak_weight=0.0, short_text_weight=0.0,
                               missing_cue_factor=0.5)
        dist = combine_batch(self.decisions, proba, model.labels_, params, [False] * len(self.texts))
        best, conf = dist.argmax(axis=1), dist.max(axis=1)
        chosen: dict[str, list[tuple[float, str, int]]] = {}
        for i in np.flatnonzero(conf >= threshold):
            chosen.setdefault(model.labels_[best[i]], []).append((-float(conf[i]), self.uids[i], int(i)))
        texts, labels, cues = [], [], []
        for label in sorted(chosen):
            for _, _, i in sorted(chosen[label])[:max_per_label]:
                texts.append(self.texts[i])
                labels.append(label)
                cues.append(self.cues[i])
        return texts, labels, cues


def _fit_self_trained(config: dict, weak_texts, weak_labels, weak_cues, gold, pool: SelfTrainPool | None,
                      stats: list | None = None) -> DesignClassifier:
    """``_fit``; with a self-training pool, label the pool with that model and refit with its
    confident predictions added to the weak examples (weight ``weak.self_train_weight``)."""
    model = _fit(config, weak_texts, weak_labels, weak_cues, gold)
    if pool is None:
        return model
    w = config["weak"]
    texts, labels, cues = pool.pseudo_labels(model, float(w["self_train_threshold"]),
                                             int(w["self_train_max_per_label"]))
    if stats is not None:
        stats.append({lab: labels.count(lab) for lab in sorted(set(labels))})
    weights = [1.0] * len(weak_texts) + [float(w["self_train_weight"])] * len(texts)
    return _fit(config, list(weak_texts) + texts, list(weak_labels) + labels, list(weak_cues) + cues, gold,
                weak_weights=weights)


def _views(abstracts: list[Abstract]) -> list[DocView]:
    nlp = _blank_nlp()
    docs = nlp.pipe((a.text for a in abstracts), batch_size=256)
    return [DocView(d, a.title_end, short=not a.abstract.strip(), text=a.text) for d, a in zip(docs, abstracts)]


def stratified_folds(labels: list[str], folds: int, seed: int = 0) -> list[int]:
    """Fold number of each example: per label, a seeded shuffle dealt round-robin (continuing
    across labels), so every fold holds out about ``1/folds`` of each design."""
    rng = random.Random(seed)
    by_label: dict[str, list[int]] = {}
    for i, label in enumerate(labels):
        by_label.setdefault(label, []).append(i)
    out, k = [0] * len(labels), 0
    for label in sorted(by_label):
        idx = by_label[label]
        rng.shuffle(idx)
        for i in idx:
            out[i] = k % folds
            k += 1
    return out


def fit_combination(predictor: DesignPredictor, views: list[DocView], gold: list[str],
                    scores: np.ndarray) -> CombineParams:
    """Grid-search the mixture weights minimising held-out negative log-likelihood."""
    labels = predictor.labels
    proba = softmax(scores / predictor.classifier.temperature)
    decisions = [predictor.rule_decision(v)[0] for v in views]
    y = [labels.index(g) if g in labels else None for g in gold]
    best, best_nll = CombineParams(), np.inf
    grid = [(cw, ww, sw, mf) for cw in np.linspace(0.0, 0.9, 10) for ww in np.linspace(0.0, 0.5, 6)
            for sw in (0.0, 0.3, 0.6, 0.8) for mf in (1.0, 0.5, 0.2, 0.05)]
    for cw, ww, sw, mf in grid:
        params = CombineParams(confident_weight=float(cw), weak_weight=float(ww), short_text_weight=sw,
                               missing_cue_factor=mf)
        nll = 0.0
        for view, d, p, yi in zip(views, decisions, proba, y):
            if yi is not None:
                nll -= np.log(combine(d, p, labels, params, short_text=bool(view.short))[yi] + 1e-9)
        if nll < best_nll - 1e-9:
            best, best_nll = params, nll
    return best


def fit_confident_weights(predictor: DesignPredictor, decisions: list, proba: np.ndarray, gold: list[str],
                          min_records: int = 5, rows=None) -> dict[str, float]:
    """design-6: one ``confident_weight`` per rule label with at least ``min_records`` confident
    decisions (among ``rows``, default all), each minimising the held-out negative log-likelihood
    of the records the rules are confident on with that label (the other mixture weights fixed)."""
    labels = predictor.labels
    rows = range(len(gold)) if rows is None else rows
    by_label: dict[str, list[int]] = {}
    for i in rows:
        d = decisions[i]
        if d.confident and d.label in labels and gold[i] in labels:
            by_label.setdefault(d.label, []).append(i)
    out = {}
    base = predictor.params
    for label, idx in sorted(by_label.items()):
        if len(idx) < min_records:
            continue
        best, best_nll = base.confident_weight, np.inf
        for w in np.round(np.linspace(0.0, 0.95, 20), 2):
            params = CombineParams(**{**base.to_dict(), "confident_weights": {label: float(w)}})
            nll = -sum(np.log(combine(decisions[i], proba[i], labels, params)[labels.index(gold[i])] + 1e-9)
                       for i in idx)
            if nll < best_nll - 1e-9:
                best, best_nll = float(w), nll
        out[label] = best
    return out


def _oof_metrics(predictor: DesignPredictor, views: list[DocView], gold: list[str], scores: np.ndarray) -> dict:
    """Macro-F1 / accuracy of the combined predictor on out-of-fold scores (the dev estimate)."""
    from .evaluate import _scores

    proba = softmax(scores / predictor.classifier.temperature)
    pred, model_pred = [], []
    for view, p in zip(views, proba):
        decision = predictor.rule_decision(view)[0]
        dist = combine(decision, p, predictor.labels, predictor.params, short_text=bool(view.short))
        pred.append(predictor.labels[int(np.argmax(dist))])
        model_pred.append(predictor.labels[int(np.argmax(p))])
    labels = sorted(set(gold))
    comb, model = _scores(gold, pred, labels), _scores(gold, model_pred, labels)
    predictor.dev_pairs = list(zip(gold, pred))
    return {"n": len(gold), "accuracy": comb["accuracy"], "macro_f1_all": round(float(np.mean(
        [comb["per_label"][lab]["f1"] for lab in labels])), 3), "model_only_accuracy": model["accuracy"],
        "top_confusions": confusion_pairs(gold, pred)}


def confusion_pairs(gold: list[str], pred: list[str], top: int = 8) -> list[list]:
    """The most frequent ``[gold, predicted, count]`` errors (error analysis of dev predictions)."""
    counts: dict[tuple[str, str], int] = {}
    for g, p in zip(gold, pred):
        if g != p:
            counts[(g, p)] = counts.get((g, p), 0) + 1
    return [[g, p, n] for (g, p), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]


def train_model(config: dict, data: TrainingData, log=print) -> tuple[DesignPredictor, dict]:
    """Fit classifier, temperature and mixture; returns the predictor and training facts."""
    w = config["weak"]
    rules = DesignRules(_blank_nlp().vocab)
    weak = weak_label(data.weak_pool, rules)
    weak_texts, weak_labels, _, weak_cues = training_texts(weak, w["mask_fraction"], w["max_per_label"], w["seed"])
    log(f"weak examples: {len(weak)} confident, {len(weak_texts)} used")
    if data.extra_stats.get("files"):
        log(f"extra hand labels (data.extra): {data.extra_stats}")
    train_uids = list(data.train)
    views = _views([data.abstracts[u] for u in train_uids])
    gold_pairs = [(data.abstracts[u].text, data.gold[u], rules.cues(v.doc, title_end=v.title_end, text=v.text))
                  for u, v in zip(train_uids, views)]
    pool, self_train_stats = None, []
    if int(w.get("self_train_max_per_label", 0) or 0) > 0:  # never test texts: weak_pool excludes them
        pool = SelfTrainPool(data.weak_pool, rules)
        log(f"self-training pool: {len(pool.texts)} abstracts")
    # out-of-fold scores on the hand-labelled train split
    folds = int(config["calibration"]["folds"])
    fold_of = stratified_folds([g for _, g, _ in gold_pairs], folds, config["calibration"]["seed"])
    oof_scores: list[np.ndarray | None] = [None] * len(train_uids)
    fold_labels = None
    for k in range(folds):
        held = {i for i, f in enumerate(fold_of) if f == k}
        model = _fit_self_trained(config, weak_texts, weak_labels, weak_cues,
                                  [g for i, g in enumerate(gold_pairs) if i not in held], pool, self_train_stats)
        if fold_labels is None:
            fold_labels = model.labels_
        if model.labels_ != fold_labels:
            missing = sorted(set(fold_labels) ^ set(model.labels_))
            raise SrnlpError("E302", label=missing[0], path=config["data"]["splits"])
        idx = sorted(held)
        scores = model.decision([gold_pairs[i][0] for i in idx], [gold_pairs[i][2] for i in idx])
        for i, s in zip(idx, scores):
            oof_scores[i] = s
    scores = np.vstack(oof_scores)
    final = _fit_self_trained(config, weak_texts, weak_labels, weak_cues, gold_pairs, pool, self_train_stats)
    assert final.labels_ == fold_labels
    final.temperature = 1.0
    gold_labels = [g for _, g, _ in gold_pairs]
    temperature = final.fit_temperature(scores, gold_labels)
    predictor = DesignPredictor(final, CombineParams(), rules)
    predictor.params = fit_combination(predictor, views, gold_labels, scores)
    if config["calibration"].get("per_design_confident"):  # design-6: confident weight per rule label
        decisions = [predictor.rule_decision(v)[0] for v in views]
        predictor.params.confident_weights = fit_confident_weights(
            predictor, decisions, softmax(scores / temperature), gold_labels)
    if config["calibration"].get("output_temperature"):  # design-6: T on the combined OOF distribution
        from .combine import combine_batch, fit_output_temperature

        dist = combine_batch([predictor.rule_decision(v)[0] for v in views], softmax(scores / temperature),
                             predictor.labels, predictor.params, [bool(v.short) for v in views])
        predictor.params.output_temperature = fit_output_temperature(
            dist, np.array([predictor.labels.index(g) for g in gold_labels]))
    dev = _oof_metrics(predictor, views, gold_labels, scores)
    predictor.dev_scores, predictor.dev_views = scores, views  # in memory only, for analysis
    log(f"temperature {temperature:.3f}; combination {predictor.params.to_dict()}; dev (out-of-fold) {dev}")
    facts = {"dev_out_of_fold": dev, "temperature": round(temperature, 4), "weak_confident": len(weak), "weak_used": len(weak_texts), "gold_train": len(gold_pairs),
             "extra": data.extra_stats,
             **({"self_train": {"pool": len(pool.texts), "pseudo_labels_final": self_train_stats[-1]}} if pool else {}),
             "weak_label_counts": {lab: weak_labels.count(lab) for lab in sorted(set(weak_labels))}}
    return predictor, facts


def train_from_config(config_path: str | Path, overrides: dict[str, Any] | None = None) -> Path:
    """Rebuild the design model directory described by ``config_path``; returns its path."""
    from .evaluate import evaluate_split

    config = load_config(config_path, overrides)
    root = repo_root(config_path)
    data = TrainingData(config, root)
    predictor, facts = train_model(config, data)
    m = config["model"]
    models_root = Path(config["output"]["models_root"])
    models_root = models_root if models_root.is_absolute() else root / models_root
    model_dir = models_root / f"{m['name']}-{m['version']}"
    predictor.model_id = f"{m['name']}@{m['version']}"
    predictor.classifier.save(model_dir)
    predictor.save_params(model_dir)
    metrics = evaluate_split(predictor, data, data.test)
    write_meta(model_dir, {
        "name": m["name"], "version": m["version"], "component": "design",
        "labels": predictor.labels, "training_config": str(Path(config_path)),
        "config": config, "training": facts,
        "metrics": {"split": config["data"]["splits"], "part": "test", **metrics["summary"]},
        "data_hashes": data_hashes(data.paths, relative_to=root),
        "licence": "MIT (model); training abstracts CC0 / open (see data/DATASETS.md)",
    })
    from .card import write_model_card

    write_model_card(model_dir, config, facts, metrics)
    return model_dir
