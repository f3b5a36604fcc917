"""A fine-tuned factor/outcome tagger for claim sentences: all-MiniLM-L6-v2 + a token head.

Tags every token of a parsed claim sentence ``O``, ``B-F``/``I-F`` (factor) or ``B-T``/``I-T``
(outcome: the target the factor acts on), one pass per sentence, from the first word piece of each
spaCy token. The extractor keeps the rules' predicates (trigger, kind, negation) and takes the spans
from here (:func:`.tagged_relations.tagged_relations`). Fine-tuned on the gold claims of the training
sentences; stored like the detector's MiniLM stage (:mod:`.minilm_finetune`). Needs the ``torch`` extra.

Where the parse holds neither a relation nor a usable trigger, two fallbacks give the tagged spans a predicate
(2026-11-27): a lexicon trigger the small parser read as another part of speech, standing between a tagged factor
and a tagged outcome (:func:`misread_triggers`), else the comparative of a sentence that compares groups
(:func:`comparison_triggers`, a group result).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from .minilm_finetune import (
    encoder_id,
    fine_tune,
    load_encoder,
    move,
    read_settings,
    restore,
    save_model,
    trained_modules,
)
from . import lexicon as lx
from .cause_connective import construction_only
from .denied_conjunct import split_denied
from .groups import population_condition
from .span_scope import covariate, detached, joined_modifiers, people_only
from .spans import MEANS_VERBS, Relation, Trigger, find_triggers
from .tagged_relations import SHORT_PHRASE, tagged_relations

WEIGHTS_FILE = "span_tagger_minilm.safetensors"
SETTINGS_FILE = "span_tagger_minilm.json"
NAME = "srnlp.claims_span_tagger_minilm.v1"
TAGS = ("O", "B-F", "I-F", "B-T", "I-T")
_ROLE_TAG = {"factor": 1, "outcome": 3}


def bio_tags(doc: Doc, claims: list[dict]) -> list[int]:
    """Tag ids (:data:`TAGS`) per token of ``doc`` from gold claims whose offsets are relative to
    ``doc.text``; where a factor and an outcome overlap, the factor wins."""
    tags = [0] * len(doc)
    for part in ("outcome", "factor"):
        b = _ROLE_TAG[part]
        for claim in claims:
            span = claim.get(part) or {}
            start, end = span.get("start"), span.get("end")
            if start is None or end is None:
                continue
            tokens = [t.i for t in doc if t.idx < end and t.idx + len(t) > start]
            for k, i in enumerate(tokens):
                tags[i] = b if k == 0 or tokens[k - 1] != i - 1 else b + 1
    return tags


BENEFIT_VERBS = frozenset({"benefit", "benefits", "benefited", "benefitted", "benefiting", "benefitting", "gain",
                           "gains", "gained", "profit", "profits", "profited"})


def benefit_from(doc: Doc, relations: list[Relation]) -> frozenset[int]:
    """Trigger starts of relations read off "X benefit(s / ed) [most] from Y" (also gain, profit): "from" within
    three tokens after the verb."""
    return frozenset(r.trigger.start for r in relations if doc[r.trigger.start].lower_ in BENEFIT_VERBS
                     and any(t.lower_ == "from" for t in doc[r.trigger.end:r.trigger.end + 3]))


def decode(probs: np.ndarray, role: str, min_score: float = 0.0) -> list[tuple[int, int]]:
    """Token ranges of consecutive ``B-X``/``I-X`` tags for role ``"F"`` or ``"T"`` (touching runs are one
    phrase: argmax tags split "[lower] [quality of life]"), whose mean probability of the role is at least
    ``min_score``."""
    b = 1 if role == "F" else 3
    tags = probs.argmax(1)
    spans, i, n = [], 0, len(tags)
    while i < n:
        if tags[i] in (b, b + 1):
            j = i + 1
            while j < n and tags[j] in (b, b + 1):  # a B- right after a run continues it: one phrase, not two
                j += 1
            if float(probs[i:j, b:b + 2].sum(1).mean()) >= min_score:
                spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


#: words a factor or outcome span does not start or end with (argmax runs sometimes take them in)
EDGE_WORDS = frozenset(["and", "or", "but", "nor", "of", "in", "on", "at", "by", "for", "with", "to", "from", "as",
                        "than", "that", "which", "who", "whereas", "while"])


def trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The range without edge punctuation and connecting words (a closing bracket stays when its
    opening one is inside); ``None`` when no content word is left."""
    def edge(token, last: bool) -> bool:
        if token.lower_ in EDGE_WORDS:
            return True
        if token.is_punct:
            return not (last and token.text in ")]" and any(t.text in "([" for t in doc[start:end]))
        return False

    while start < end and edge(doc[start], False):
        start += 1
    while end > start and edge(doc[end - 1], True):
        end -= 1
    if not any(not (t.is_stop or t.is_punct) for t in doc[start:end]):
        return None
    return start, end


#: words that join two phrases of their own ("[A] and [B]"): what they separate is no fragment
COORDINATORS = frozenset(["and", "or", "nor", "but", ",", ";", "as", "well", "versus", "vs"])


def is_fragment(doc: Doc, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Is range ``b`` a piece of the phrase of range ``a``: one token apart at most, and that token no
    coordinator ("[quality of life] in [people]" rather than "[A] and [B]")?"""
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    if hi - lo > 1 or hi < lo:
        return False
    return hi == lo or doc[lo].lower_ not in COORDINATORS


#: prepositions that open a modifier of the phrase before them ("[the use of clozapine] in [the United States]")
_MODIFIER_PREPOSITIONS = frozenset(["in", "of", "at", "among", "within", "across", "from", "during", "for", "on"])


def modifies_phrase(doc: Doc, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Does range ``b`` continue the phrase of range ``a`` as a prepositional modifier: it follows ``a`` after at most
    three words, the first a preposition, none a coordinator ("[the use of clozapine] in the [United States]")?"""
    gap = range(a[1], b[0])
    return 1 <= len(gap) <= 3 and doc[a[1]].lower_ in _MODIFIER_PREPOSITIONS and not any(
        doc[i].lower_ in COORDINATORS for i in gap)


class BioTagger:
    """What the extractor asks of a sentence tagger that gives :data:`TAGS` probabilities per token: it calls
    ``prepare(docs)`` for a batch of parsed candidate sentences, then ``relations(doc, rule_relations, skip)`` per
    sentence. A subclass provides ``tag(docs)`` and ``min_score``."""

    min_score = 0.5
    #: do tagged spans that no rule relation took make relations of their own (:func:`.tagged_relations.tagged_relations`)?
    leftovers = True
    _cache: dict[str, np.ndarray]

    def tag(self, docs: list[Doc]) -> list[np.ndarray]:
        raise NotImplementedError

    def spans(self, probs: np.ndarray, doc: Doc | None = None) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """``(factor ranges, outcome ranges)`` of one sentence's tag probabilities; with ``doc``, each
        range trimmed (:func:`trim`) and ranges left without a content word dropped."""
        found = decode(probs, "F", self.min_score), decode(probs, "T", self.min_score)
        if doc is None:
            return found
        return tuple([r for r in (trim(doc, a, b) for a, b in ranges) if r is not None] for ranges in found)

    # -- the extractor's hooks ----------------------------------------------------------------
    def prepare(self, docs: list[Doc | None]) -> None:
        """Tag a batch of parsed sentences at once (replaces the previous batch's results)."""
        docs = [d for d in docs if d is not None and len(d)]
        self._cache = dict(zip((d.text for d in docs), self.tag(docs))) if docs else {}

    def support(self, doc: Doc, span: tuple[int, int] | None, role: str) -> float | None:
        """The mean probability the tagger gave ``role`` ("F" factor, "T" outcome) over the tokens of ``span`` in a
        sentence of the prepared batch; ``None`` without a span or a tagging of ``doc``."""
        probs = self._cache.get(doc.text)
        if span is None or probs is None or len(probs) != len(doc) or span[1] <= span[0]:
            return None
        first = TAGS.index(f"B-{role}")
        return float(probs[span[0]:span[1], first:first + 2].sum(axis=1).mean())

    def relations(self, doc: Doc, relations: list[Relation], skip: list[tuple[int, int]]) -> list[Relation]:
        """The sentence's relations with tagged spans (:func:`.tagged_relations.tagged_relations`)."""
        if not len(doc):
            return relations
        probs = self._cache.get(doc.text)
        if probs is None or len(probs) != len(doc):
            probs = self.tag([doc])[0]
        factors, outcomes = self.spans(probs, doc)
        # a comparator or covariate the tagger marked is no role of any relation ("after [adjusting for confounders]")
        factors, outcomes = ([s for s in spans if not covariate(doc, s)] for spans in (factors, outcomes))
        factors, outcomes = joined_modifiers(doc, factors, outcomes, [  # short parsed spans know their role
            span for r in relations for span in (r.factor, r.outcome) if span is not None and span[1] - span[0] <= SHORT_PHRASE])
        if len(outcomes) > 1:  # "X increased [acceptance] in patients with [BPD]": the population is no outcome, nor
            # are the people acted on ("helped [service users] to regain [hope]"; round 9)
            kept = [o for o in outcomes if not population_condition(doc, o) and not people_only(doc, o)]
            outcomes = kept or outcomes
        factors = [with_change_noun(doc, s) for s in factors]
        triggers = find_triggers(doc, skip)
        compared = False
        if relations and all(r.factor is None and any(f[0] <= r.trigger.start < f[1] for f in factors) for r in relations):
            # "[An increase in social contact] reduced [loneliness]" parsed as one noun phrase: the only parsed
            # relation is the change noun that opens the tagged factor; the verb the parser read as an adjective
            # links the tagged spans instead (review-19: the factor had been empty)
            misread = misread_triggers(doc, skip, factors, outcomes)
            if misread:
                relations, triggers = [], misread
        if not relations and not triggers:
            triggers = misread_triggers(doc, skip, factors, outcomes)
            if not triggers:
                triggers = comparison_triggers(doc, factors, outcomes)
                compared = bool(triggers)
        triggers = triggers + coordinated_changes(doc, outcomes, triggers)
        found = tagged_relations(relations, factors, outcomes, triggers,
                                 fragment=lambda a, b: is_fragment(doc, a, b), benefit_from=benefit_from(doc, relations),
                                 detached=lambda span, trigger: detached(doc, span, trigger, skip),
                                 between=lambda f, o: misread_triggers(doc, skip, f, o),
                                 passive=frozenset(t.start for t in triggers if t.end < len(doc) and
                                                   doc[t.end - 1].tag_ == "VBN" and doc[t.end].lower_ == "by"),
                                 within_phrase=lambda a, b: modifies_phrase(doc, a, b), leftovers=self.leftovers)
        found = split_denied(doc, found)  # "[Neither A nor B]" tagged as one span: one relation each
        found = [_past_the_reporter(doc, r, factors) for r in found]
        return [replace(r, group_result=True) for r in found] if compared else found


class MiniLMSpanTagger(BioTagger):
    """``fit(docs, claims)`` / ``tag(docs)``: all-MiniLM-L6-v2 fine-tuned with a token head."""

    def __init__(self, train_layers: int = 6, epochs: int = 6, lr: float = 5e-5, batch_size: int = 16,
                 max_length: int = 160, seed: int = 0, min_score: float = 0.5, head_lr: float = 1e-3) -> None:
        if not 1 <= train_layers <= 6:
            raise ValueError(f"train_layers must be 1..6, got {train_layers}")
        self.train_layers, self.epochs, self.lr = train_layers, epochs, lr
        self.batch_size, self.max_length, self.seed, self.min_score = batch_size, max_length, seed, min_score
        #: the freshly initialised head learns at its own, higher rate
        self.head_lr = head_lr
        self.encoder = None
        #: where tagging runs (:meth:`to`); training runs on the CPU
        self.device = "cpu"
        self._cache: dict[str, np.ndarray] = {}

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.torch, self.tokenizer, self.encoder = load_encoder()
        self.head = self.torch.nn.Linear(self.encoder.config.hidden_size, len(TAGS))

    def _trained_modules(self) -> dict:
        return trained_modules(self.encoder, self.train_layers, self.head)

    def to(self, device: str) -> MiniLMSpanTagger:
        """Tag on ``device`` (a torch device string, see :func:`.device.resolve_device`)."""
        move(self, device)
        return self

    def _encode(self, docs: list[Doc]):
        """Tokenizer output for the docs' texts and, per doc, the first word piece of each token (-1 when
        the token was truncated away or has no piece)."""
        enc = self.tokenizer([d.text for d in docs], padding=True, truncation=True, max_length=self.max_length,
                             return_offsets_mapping=True, return_tensors="pt")
        offsets = enc.pop("offset_mapping").numpy()
        firsts = []
        for doc, offs in zip(docs, offsets):
            starts = {}
            for p, (a, b) in enumerate(offs):
                if b > a and a not in starts:
                    starts[a] = p
            first = np.full(len(doc), -1, dtype=np.int64)
            for t in doc:
                piece = next((starts[c] for c in range(t.idx, t.idx + len(t)) if c in starts), -1)
                first[t.i] = piece
            firsts.append(first)
        return enc, firsts

    def _logits(self, enc, train: bool = False):
        hidden = self.encoder(**enc).last_hidden_state
        if train:
            hidden = self.torch.nn.functional.dropout(hidden, 0.1, True)
        return self.head(hidden)

    # -- training -----------------------------------------------------------------------------
    def fit(self, docs: list[Doc], claims: list[list[dict]]) -> MiniLMSpanTagger:
        """Fine-tune on claim sentences (``docs``: tokenised sentences; ``claims``: their gold claims with
        offsets relative to each ``doc.text``). Deterministic for a given seed and thread count."""
        import torch

        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(self.seed)
            self._build()
            tags = [bio_tags(d, c) for d, c in zip(docs, claims)]

            def batch_loss(idx):
                sub = [docs[i] for i in idx]
                enc, firsts = self._encode(sub)
                y = torch.full(enc["input_ids"].shape, -100, dtype=torch.long)
                for r, (i, first) in enumerate(zip(idx, firsts)):
                    keep = first >= 0
                    y[r, torch.as_tensor(first[keep])] = torch.as_tensor(np.asarray(tags[i])[keep])
                logits = self._logits(enc, train=True)
                return torch.nn.functional.cross_entropy(logits.reshape(-1, len(TAGS)), y.reshape(-1),
                                                         ignore_index=-100)

            fine_tune(torch, self._trained_modules(), self.encoder, np.array([len(d.text) for d in docs], dtype=float),
                      batch_loss, self.epochs, self.batch_size, self.lr, self.seed, head_lr=self.head_lr)
        self._cache = {}
        return self

    # -- tagging ------------------------------------------------------------------------------
    def tag(self, docs: list[Doc], batch_size: int = 64) -> list[np.ndarray]:
        """Per doc, ``(n_tokens, 5)`` tag probabilities (a token without a word piece is ``O``)."""
        if self.encoder is None:
            raise RuntimeError("MiniLMSpanTagger is not fitted")
        torch = self.torch
        out: list[np.ndarray] = [np.zeros((0, len(TAGS)))] * len(docs)
        order = np.argsort([len(d.text) for d in docs], kind="stable")
        with torch.inference_mode():
            for s in range(0, len(docs), batch_size):
                idx = order[s:s + batch_size]
                enc, firsts = self._encode([docs[i] for i in idx])
                if self.device != "cpu":
                    enc = enc.to(self.device)
                probs = torch.softmax(self._logits(enc), -1).cpu().double().numpy()
                for r, (i, first) in enumerate(zip(idx, firsts)):
                    p = np.zeros((len(docs[i]), len(TAGS)))
                    p[:, 0] = 1.0
                    keep = first >= 0
                    p[keep] = probs[r, first[keep]]
                    out[i] = p
        return out

    # -- persistence --------------------------------------------------------------------------
    def settings(self) -> dict:
        return {"name": NAME, "encoder": f"all-MiniLM-L6-v2 ({encoder_id()})", "tags": list(TAGS),
                "train_layers": self.train_layers, "epochs": self.epochs, "lr": self.lr,
                "batch_size": self.batch_size, "max_length": self.max_length, "seed": self.seed,
                "min_score": self.min_score, "head_lr": self.head_lr}

    def save(self, directory: str | Path) -> None:
        save_model(directory, self._trained_modules(), WEIGHTS_FILE, SETTINGS_FILE, self.settings())

    @classmethod
    def load(cls, directory: str | Path) -> MiniLMSpanTagger:
        directory = Path(directory)
        s = read_settings(directory / SETTINGS_FILE, NAME, "tagger")
        tagger = cls(**{k: s[k] for k in ("train_layers", "epochs", "lr", "batch_size", "max_length", "seed",
                                          "min_score", "head_lr")})
        return restore(tagger, directory / WEIGHTS_FILE)


#: Nouns of change or lack that a factor must keep: "[a decrease of] job security was associated with higher distress"
#: reads "job security hinders" without them (review-18)
CHANGE_LEADS = frozenset(["decrease", "decreases", "increase", "increases", "reduction", "reductions", "decline",
                          "declines", "loss", "losses", "lack", "absence", "rise", "drop", "fall", "shortage",
                          "deterioration", "improvement", "improvements", "change", "changes", "deficit", "deficits"])


#: Verbs by which a subject reports what the clause after them asserts ("HCPs [reported] the system reduced Y").
REPORTING_VERBS = frozenset(["report", "reports", "reported", "state", "states", "stated", "say", "says", "said",
                             "feel", "feels", "felt", "believe", "believes", "believed", "note", "notes", "noted",
                             "indicate", "indicates", "indicated", "perceive", "perceives", "perceived", "think",
                             "thinks", "thought", "agree", "agreed", "describe", "describes", "described"])


def _past_the_reporter(doc: Doc, rel: Relation, factors: list[tuple[int, int]]) -> Relation:
    """A relation whose factor is the subject of a reporting verb that stands before the trigger takes the tagged
    factor between that verb and the trigger instead: "[HCPs] reported [the system] reduced [review time]" is a
    claim about the system (agent:review-20)."""
    if rel.factor is None:
        return rel
    k = rel.factor[1]
    while k < len(doc) and k < rel.trigger.start and doc[k].pos_ == "ADV":
        k += 1
    if k >= rel.trigger.start or doc[k].lower_ not in REPORTING_VERBS:
        return rel
    inner = [f for f in factors if k < f[0] and f[1] <= rel.trigger.start]
    return replace(rel, factor=inner[-1]) if inner else rel


def with_change_noun(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` widened to the change or lack noun before it ("[a decrease of] perceived job security")."""
    a, b = span
    if a >= 2 and doc[a - 1].lower_ in ("of", "in") and doc[a - 2].lower_ in CHANGE_LEADS:
        a -= 2
        if a > 0 and doc[a - 1].lower_ in ("a", "an", "the"):
            a -= 1
    return a, b


#: change verbs the small parser reads as adjectives when they follow a coordination: "X reduced Y and [improved]
#: Z" parsed as "Y and (improved Z)"
_COORDINATED_CHANGES = frozenset(["improved", "increased", "enhanced", "reduced", "decreased", "lowered", "worsened",
                                  "raised", "diminished", "prevented", "promoted", "impaired"])


def coordinated_changes(doc: Doc, outcomes: list[tuple[int, int]], triggers: list) -> list:
    """Triggers for tagged outcomes whose own predicate the parse read as a modifier: "[X] reduced [Y] and improved
    [Z]", "improved" tagged JJ in front of Z. Only a change verb right after "and" or a comma, right before the span,
    counts."""
    taken = {t.start for t in triggers}
    out = []
    for start, _ in outcomes:
        k = start - 1
        if k >= 1 and doc[k].lower_ in _COORDINATED_CHANGES and k not in taken and doc[k - 1].lower_ in ("and", ",") \
                and doc[k].lower_ in lx.ALL_TRIGGER_WORDS:
            out.append(Trigger(k, k + 1, lx.ALL_TRIGGER_WORDS[doc[k].lower_], k))
            taken.add(k)
    return out


def misread_triggers(doc: Doc, skip: list[tuple[int, int]], factors: list[tuple[int, int]],
                     outcomes: list[tuple[int, int]]) -> list:
    """Lexicon triggers whatever the parser made of them, kept only where one stands between a tagged factor
    and a tagged outcome: the small pipeline tags "impairs" in "[Chronic stress] impairs [memory]" as an
    adjective, so the parse holds no trigger although the tagger found both spans around it. Trigger words whose
    reading the parse-based checks of :func:`.spans.find_triggers` decide are left out ("[Patients] were involved
    in [decision making]" stays no claim, review-14)."""
    if not factors or not outcomes:
        return []
    words = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    between = [(f[1], o[0]) for f in factors for o in outcomes if f[1] <= o[0]]
    return [t for t in find_triggers(words, skip)
            if doc[t.start].lower_ not in _PARSE_CHECKED and not construction_only(_words(doc, t)) and any(lo <= t.start and t.end <= hi for lo, hi in between)
            and not (doc[t.start].lower_ == "risk" and t.start > 0 and doc[t.start - 1].lower_ == "at")]  # "[children] at
    # risk of [Y]": the parse decides (a population, unless a verb puts someone at risk; agent:review-21)


def _words(doc: Doc, trigger) -> tuple[str, ...]:
    return tuple(t.lower_ for t in doc[trigger.start:trigger.end])


#: trigger words whose reading :func:`.spans.find_triggers` checks on the parse (a people subject of "involved in",
#: a procedure "followed by", "results" as a noun, means verbs, "dependent on", "limits"): not taken without it
_PARSE_CHECKED = frozenset(["involved", "followed", "results", "resulted", "dependent", "limits", "constraints"]) \
    | frozenset(MEANS_VERBS) | frozenset([  # round 7: read only in the constructions spans checks (agent:review-27)
        "promising", "promise", "independent", "unrelated", "uncorrelated", "favour", "favours", "favoured", "favor",
        "favors", "favored"])


#: comparative words that state a group result, and what they say about the outcome
_COMPARATIVE_KINDS = {"higher": lx.INCREASE, "greater": lx.INCREASE, "more": lx.INCREASE, "larger": lx.INCREASE,
                      "increased": lx.INCREASE, "elevated": lx.INCREASE, "lower": lx.DECREASE, "less": lx.DECREASE,
                      "fewer": lx.DECREASE, "smaller": lx.DECREASE, "reduced": lx.DECREASE, "decreased": lx.DECREASE}
#: a comparison of groups or conditions ("compared with placebo", "than controls", "more often with X"); not a
#: quantity ("more than 40% of smokers") nor an expectation ("less common than expected", review-14)
_COMPARISON = re.compile(r"(?i)\b(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|relative\s+to|versus|vs\b"
                         r"|than(?!\s+(?:\d|half|a\s+(?:third|quarter|half)|one|two|three|expected|anticipated|predicted|"
                         r"previously|before|usual))"
                         r"|(?:more|less)\s+(?:often|frequently|commonly))")
#: a comparative that states a quantity: "more than 40%", "fewer than five"
_QUANTITY = re.compile(r"(?i)^\s*than\s+(?:\d|half|a\s+(?:third|quarter|half)|one|two|three|four|five|ten)")


def comparison_triggers(doc: Doc, factors: list[tuple[int, int]], outcomes: list[tuple[int, int]]) -> list[Trigger]:
    """A group result the lexicon has no trigger for ("[Somnolence and weight gain] occurred more often with
    [olanzapine]", "a lower [mean HCC] was found in [shift workers] compared with dayworkers"): the comparative
    outside the tagged spans nearest the comparison marker, when the sentence compares and the tagger found both a
    factor and an outcome. Comparatives that premodify a noun or adjective ("the [higher]-dose group", "[more]
    severely ill patients") or state a quantity ("more than 40%") are left out. Its relations are group results
    (correlational)."""
    if not factors or not outcomes:
        return []
    markers = [m.start() for m in _COMPARISON.finditer(doc.text)]
    if not markers:
        return []
    spans = factors + outcomes
    candidates = []
    for token in doc:
        kind = _COMPARATIVE_KINDS.get(token.lower_)
        if kind is None or any(a <= token.i < b for a, b in spans) or _QUANTITY.match(doc.text[token.idx + len(token.text):]):
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and (nxt.text in ("-", "–") or (nxt.pos_ == "ADV" and nxt.lower_ not in
                                                           ("often", "frequently", "commonly", "likely"))):
            continue  # "the higher-dose group", "more severely ill": part of a noun phrase, not the result
        if token.dep_ == "amod" and token.head.i > token.i and not any(a <= token.head.i < b for a, b in outcomes):
            continue  # "the [higher] dose group": describes a noun other than the outcome
        candidates.append((min(abs(token.idx - m) for m in markers), token.i, kind))
    if not candidates:
        return []
    _, i, kind = min(candidates)
    return [Trigger(i, i + 1, kind, i)]
