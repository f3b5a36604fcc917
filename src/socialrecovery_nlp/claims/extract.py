"""From a doc to its claims: detect candidate sentences, parse only those, compose the rest.

Steps per sentence: (1) a relation trigger must be present and the detector's probability must
reach its threshold; (2) candidates are parsed (batched) with the parser pipeline; (3) each
relation gets factor/outcome spans (:mod:`.spans`), hedge/negation/contrast cues
(:mod:`.hedging`), a direction (:mod:`.direction`), a strength, citations, design, themes and
``social``. Without a parser, claims keep their direction/strength but have no spans.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

import numpy as np
from spacy.attrs import IS_SPACE, SENT_START
from spacy.tokens import Doc, Span, Token

from ..pipeline.extensions import doc_text
from ..text.citations import Citation, find_citations, link_references, split_references
from . import hedging
from .abbreviations import definitions as abbreviation_definitions
from .abbreviations import expand as expand_abbreviations
from . import lexicon as lx
from .cause_connective import MADE_WORDS, construction_only
from .claim import Claim
from .detector import ClaimDetector
from .direction import OPPOSITE_KIND, association_valence, compose, lesser_change, outcome_valence, worsened_lead
from .fail_to import FAIL_VERBS, fail_cue_governs
from .frames import non_claim_frame, unasserted_spans
from .parser import DEFAULT_PARSER, load_parser
from .protection import PROTECT_FORMS
from .row_confidence import full_mode
from .groups import reporting_respondents
from .spans import Relation, Trigger, extract_relations, find_triggers, generic_groups
from .topic_phrase import topic_phrase
from .underweight import contextual_valence, names_weight_change
from .valence import head_valence

_WORD = re.compile(r"[a-z][a-z'\-]*")
#: "[A], but not [B], improves Y": the "not" before another relation's factor denies that factor only
_DENIED_ALTERNATIVE = re.compile(r"(?:\b(?:but|and|or)\s+)?\bnot\s+$", re.IGNORECASE)
_DENIED_CONNECTIVE = re.compile(r"(?:\b(?:but|and|or)\s+)?$", re.IGNORECASE)
_DENIED_GAP = re.compile(r"\s*,?\s*(?:but|and|or)\s+not\s+(?!(?:only|necessarily|always|just|quite|yet|all|"
                         r"\w+ly)\b)[^,;:()]{1,60}?,?\s*", re.IGNORECASE)
#: "[X] were more likely to [Y]": a group difference in likelihood, correlational when stated without a hedge (the
#: annotated abstracts: 41 of 54 such claims; round 9)
_LIKELIHOOD = frozenset(["more likely", "less likely", "as likely"])


#: change nouns that can be a relation's trigger ("[smaller] improvements in Y were seen with X")
_CHANGE_NOUNS = frozenset(["reduction", "reductions", "decrease", "decreases", "decline", "declines", "increase",
                           "increases", "improvement", "improvements", "gain", "gains", "rise", "rises", "benefit",
                           "benefits"])
#: a time point or study phase, never the factor of a group result ("reductions were found at [post-treatment]")
_TIME_POINT = re.compile(r"(?i)\b(?:baseline|pre-?treatment|post-?treatment|post-?test|pre-?test|follow-?up|"
                         r"post-?intervention|pre-?intervention|week|weeks|month|months|year|years|day|days|session|"
                         r"visit|time\s+points?|endpoint|end\s+of\s+(?:treatment|the\s+study))\b")
def _names_a_factor(text: str) -> bool:
    """A tagged factor that names more than the study's groups ("both groups") or a time point ("post-treatment")."""
    return not generic_groups(text) and not _TIME_POINT.search(text)


#: "[X] is unlikely to (be) [trigger]": the no-effect cue only where it governs the trigger (review-13: "X made
#: patients unlikely to be readmitted and reduced Y" still asserts that X reduced Y)
_UNLIKELY_BEFORE = re.compile(r"\bunlikely\s+to\s+(?:be\s+|have\s+)?$", re.IGNORECASE)
_PRONOUNS = frozenset(["this", "that", "it", "they", "these", "those", "such", "which", "what", "who"])


def sentence_units(doc: Doc, text: str | None = None) -> list[Span]:
    """Sentences of ``doc`` (its sentence boundaries, or the whole doc), also split at every line
    break so a title or heading never merges with the next sentence; whitespace trimmed, units
    under 3 tokens dropped. Abbreviations ("et al.", "pp.") and blank lines are handled by the
    project pipeline's tokenizer and sentence splitter (:mod:`..text.sentences`)."""
    n = len(doc)
    if not n:
        return []
    if doc.has_annotation("SENT_START"):
        starts = np.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
    else:
        starts = [0]
    text = doc_text(doc) if text is None else text  # ``doc.text`` joins every token: compute it once
    space = doc.to_array(IS_SPACE).astype(bool)
    cuts = sorted(set(starts[1:]) | ({i + 1 for i in np.flatnonzero(space).tolist() if "\n" in doc[i].text}
                                     if "\n" in text else set()))
    units: list[Span] = []
    a = 0
    for b in [*cuts, n]:
        lo, hi = a, b
        while lo < hi and space[lo]:
            lo += 1
        while hi > lo and space[hi - 1]:
            hi -= 1
        if hi - lo >= 3:
            units.append(doc[lo:hi])
        a = b
    return units


class ClaimExtractor:
    """Finds claims in docs. ``detector=None`` keeps every sentence with a trigger (rules only)."""

    def __init__(self, detector: ClaimDetector | None = None, spacy_model: str = DEFAULT_PARSER,
                 threshold: float | None = None, codebook=None, batch_size: int = 256) -> None:
        self.detector = detector
        self.threshold = threshold if threshold is not None else (detector.threshold if detector else 0.0)
        confident = getattr(detector, "confident", None) if detector is not None else None
        #: below this score a candidate needs a parsed relation with both a factor and an outcome
        self.confident = confident if confident is not None else self.threshold
        self.spacy_model = spacy_model
        self.batch_size = batch_size
        self._parser = None
        self._parser_loaded = False
        self._codebook = codebook
        self._theme_cues: _CueIndex | None = None
        #: optional themes model with ``sentence_proba(texts)``, ``space`` and ``thresholds``
        self.theme_model = None
        #: optional span model: a sentence tagger with ``prepare(docs)`` / ``relations(doc, relations, skip)``
        #: (:class:`.minilm_tagger.MiniLMSpanTagger`) or one that refits rule spans with ``refine``
        #: (:class:`.spanmodel.SpanTagger`)
        self.span_model = None
        #: with a sentence tagger as span model: may its spans count as the parse link an uncertain candidate
        #: needs (False: only the rules' relations count; the tagger, trained on claim sentences only, finds
        #: spans in any sentence)
        self.tagger_links = False
        #: per doc of the recent batches, the abbreviations its text defines (:meth:`_defined`)
        self._definitions: dict[int, tuple[Doc, dict[str, str]]] = {}
        #: optional sentence certainty model (:class:`.certainty.CertaintyModel`), 1-6 per claim
        self.certainty_model = None
        #: :class:`.row_confidence.RowConfidence`, or ``None``: claims then have no ``confidence``
        self.row_confidence = None

    # -- lazy resources ---------------------------------------------------------------------
    @property
    def parser(self):
        if not self._parser_loaded:
            self._parser = load_parser(self.spacy_model)
            self._parser_loaded = True
        return self._parser

    def theme_cues(self) -> _CueIndex:
        if self._theme_cues is None:
            cues: list[tuple[str, str]] = []
            try:
                from ..codebook import load_codebook

                codebook = self._codebook or load_codebook()
                cues = [(cue.lower(), theme.id) for theme in codebook.themes for cue in theme.cues]
            except Exception:  # noqa: BLE001 - codebook missing or invalid: no cue themes
                cues = []
            self._theme_cues = _CueIndex(cues)
        return self._theme_cues

    # -- public API ---------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> list[Claim]:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc]) -> Iterator[list[Claim]]:
        """Claims per doc, batching the detector and the parser over many docs."""
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from self._process(batch)
                batch = []
        if batch:
            yield from self._process(batch)

    # -- internals ----------------------------------------------------------------------------
    def _process(self, docs: list[Doc]) -> Iterator[list[Claim]]:
        texts_of = [doc_text(doc) for doc in docs]  # ``doc.text`` joins every token: once per doc
        back = [_reference_spans(doc) for doc in docs]  # a full text's reference list states no claims
        with_trigger = [(d, span) for d, doc in enumerate(docs) for span in _trigger_units(doc, texts_of[d])
                        if not (back[d] and _overlaps(span, back[d]))]
        texts = [span.text for _, span in with_trigger]
        scores = self.detector.predict_proba(texts) if self.detector is not None else [1.0] * len(texts)
        candidates = [(d, span, float(s)) for (d, span), s in zip(with_trigger, scores) if s >= self.threshold]
        parser = self.parser if candidates else None
        heads = [heading_length(span.text) for _, span, _ in candidates]
        parsed = list(parser.pipe([span.text[k:] for (_, span, _), k in zip(candidates, heads)])) \
            if parser is not None else [None] * len(candidates)
        if hasattr(self.span_model, "prepare"):
            self.span_model.prepare(parsed)  # one batched tagging pass over the candidate sentences
        per_doc: list[list[Claim]] = [[] for _ in docs]
        fronts = [_front_spans(doc) for doc in docs]
        for (d, span, score), pdoc, k in zip(candidates, parsed, heads):
            title = _within(span, fronts[d])
            if pdoc is not None and self.threshold >= 0 and title and topic_phrase(pdoc):
                continue  # a title that names a topic ("Effects of X on Y"): no claim
            claims, linked = self._claims(span, score, pdoc, k, title)
            if pdoc is not None and self.threshold >= 0 and score < self.confident and not linked:
                continue  # an uncertain candidate whose parse links no factor to an outcome
            per_doc[d].extend(claims)
        self._add_certainty([claim for claims in per_doc for claim in claims])
        for doc, claims, text in zip(docs, per_doc, texts_of):
            self._add_context(doc, claims, text)
        self._add_confidence([claim for claims in per_doc for claim in claims])
        yield from per_doc

    def _without_denied_alternatives(self, window: str, sent: Span, factor: Span, token_doc, relations: list,
                                     bounds: list, i: int, k: int) -> str:
        """``window`` without "but not [B]" where B is the factor of another relation of the same trigger, or
        all that stands between the relation's ``factor`` and its trigger: in "A, but not B, improves Y" the "not"
        denies B, not A."""
        text = sent.text
        gap = text[factor.end_char - sent.start_char:bounds[i][0]]
        if _DENIED_GAP.fullmatch(gap):
            window = window.replace(gap, " ", 1)
        for j, other in enumerate(relations):
            if j == i or bounds[j] != bounds[i] or other.factor is None or other.factor == relations[i].factor:
                continue
            span = self._span(sent, token_doc, other.factor, k)
            if span is None:
                continue
            o0, o1 = span.start_char - sent.start_char, span.end_char - sent.start_char
            if span[0].lower_ == "not":  # the tagger took the "not" into B's span: "A, but [not B], improves Y"
                lead = _DENIED_CONNECTIVE.search(text[max(0, o0 - 8):o0])
            else:
                lead = _DENIED_ALTERNATIVE.search(text[max(0, o0 - 16):o0])
            if lead is not None:
                window = window.replace(text[o0 - len(lead.group()):o1], " ", 1)
        return window

    def _add_confidence(self, claims: list[Claim]) -> None:
        """Each row's probability of being right (:mod:`.row_confidence`), batched over the whole batch of docs."""
        if self.row_confidence is None or not claims:
            return
        rows = [(c.to_dict(), c.signals) for c in claims]
        for claim, p in zip(claims, self.row_confidence.predict(rows, full_mode(self))):
            claim.confidence = float(p)

    def _add_certainty(self, claims: list[Claim]) -> None:
        """One certainty prediction per claim sentence, batched over the whole batch of docs."""
        if self.certainty_model is None or not claims:
            return
        sentences = list({id(c.sentence): c.sentence.text for c in claims}.items())
        scores = dict(zip((key for key, _ in sentences), self.certainty_model.predict([t for _, t in sentences])))
        for claim in claims:
            claim.certainty = float(scores[id(claim.sentence)])

    def _claims(self, sent: Span, score: float, pdoc: Doc | None, k: int = 0,
                title: bool = False) -> tuple[list[Claim], bool]:
        """Claims of one sentence, and whether one of them links a factor to an outcome (named, or
        implicit by construction: "X would benefit from [Y]"); ``pdoc`` is the parse of
        ``sent.text[k:]`` (a leading section heading such as "CONCLUSIONS:" is not parsed); ``title``: the sentence is
        the record's title (verbless findings are read, :mod:`.nominal_finding`)."""
        text = sent.text
        citations = find_citations(text)
        skip = [(c.start, c.end) for c in citations]
        rejected: list = []
        rule_linked: bool | None = None
        if pdoc is not None:
            skip_parsed = [(a - k, b - k) for a, b in skip if a >= k]
            relations = extract_relations(pdoc, skip_parsed, rejected, nominal=title)
            nominal = bool(relations) and all(r.nominal for r in relations)
            overruled = not relations and bool(rejected) and 0 <= self.threshold < self.confident <= score
            if hasattr(self.span_model, "relations") and not nominal and (
                    relations or not rejected or self.threshold < 0 or overruled):
                # a sentence tagger: its spans, the rules' predicates (not where the rules rejected the
                # sentence's only relation, a comparison of unnamed groups or a change that names no factor being a
                # finding, not a claim, unless the detector is confident: then a tagged factor that names something
                # other than the study's groups or a time point, in a sentence that denies nothing, makes it a claim:
                # "[Y] were increased by [X] compared to placebo"; "reductions were found at [post-treatment]" stays
                # a finding)
                if not self.tagger_links:
                    rule_linked = any(r.factor is not None and (r.outcome is not None or r.implicit_outcome)
                                      for r in relations)
                relations = self.span_model.relations(pdoc, relations, skip_parsed)
                if overruled:
                    relations = [] if hedging.negation_cue(text) else [
                        r for r in relations if r.factor is not None and _names_a_factor(pdoc[r.factor[0]:r.factor[1]].text)]
            elif self.span_model is not None and relations and not nominal:
                relations = self.span_model.refine(pdoc, relations)
        else:
            relations = []
        token_doc = pdoc
        if not relations and rejected and self.threshold >= 0:
            # only group comparisons that name no group ("No difference between groups"): a finding.
            # With detection off (threshold < 0) the caller has said the sentence is a claim, so it
            # gets the span-less claim below.
            return [], False
        if not relations:
            # No parse-based relation: one claim without spans from the first trigger (any part of
            # speech), or a "no effect" finding when the sentence only reports p >= 0.05. With a
            # parser and detection on, only sentences with a negation cue ("no significant
            # relationship") keep such a claim: on real abstracts the others were mostly not claims.
            skip_abs = [(s + sent.start_char, e + sent.start_char) for s, e in skip]
            triggers = [t for t in find_triggers(sent, skip_abs)  # "due to", "source of": only where parsed as such
                        if not construction_only(tuple(w.lower_ for w in sent.doc[t.start:t.end]))]
            if pdoc is not None and self.threshold >= 0 and not hedging.negation_cue(text):
                triggers = []  # parsed, detection on, nothing linked and nothing denied: not a claim
            if triggers:
                relations = [Relation(triggers[0], triggers[0].kind, None, None)]
            elif hedging.nonsignificant_p(text):
                relations = [Relation(Trigger(sent.start, sent.start + 1, lx.ASSOCIATE, sent.start), lx.ASSOCIATE, None, None)]
            else:
                return [], False
            token_doc = None
        claims, linked = [], False
        k = k if token_doc is not None else 0
        bounds = [self._trigger_chars(sent, token_doc, r, k) for r in relations]
        unasserted = unasserted_spans(text)
        for i, rel in enumerate(relations):
            _, t_end = bounds[i]
            # cue windows reach to the neighbouring relations with *another* trigger (relations built from
            # tagged spans share their source relation's trigger and so its windows)
            prev_end = next((bounds[j][1] for j in range(i - 1, -1, -1) if bounds[j] != bounds[i]), 0)
            next_start = next((bounds[j][0] for j in range(i + 1, len(relations)) if bounds[j] != bounds[i]), len(text))
            factor = self._span(sent, token_doc, rel.factor, k)
            denied_factor = factor is not None and len(factor) > 1 and factor[0].lower_ == "not"
            if denied_factor:  # "A, but [not B], improves Y": the tagger took the "not" into B's span
                factor = factor[1:]
            none_of = factor is not None and len(factor) > 2 and factor[0].lower_ == "none" and factor[1].lower_ == "of"
            if none_of:  # "[None of the family factors] were associated with Y": no effect of the family factors
                factor = factor[2:]  # (review-18; the factor without the quantifier, as "not all" in the guideline)
            elif factor is not None:  # the same with "none of" right before the tagged factor; not "none of" elsewhere
                none_of = bool(_NONE_OF_BEFORE.search(text[:factor.start_char - sent.start_char]))  # (review-19)
            favoured = factor is not None and len(factor) > 2 and factor[0].lower_ in _FAVOUR and factor[1].lower_ == "of"
            if favoured:  # "differences [in favour of X] were seen for Y": X does better on Y (round 7, agent:review-26)
                factor = factor[2:]
            outcome = self._span(sent, token_doc, rel.outcome, k)
            if unasserted and any(a <= start < b for a, b in unasserted for start in [bounds[i][0]] + [
                    span.start_char - sent.start_char for span in (factor, outcome) if span is not None]):
                continue  # "offers the potential to examine [the extent to which Y is influenced by X]", "data on
                # [how X affects Y] are scarce": asked about or unknown, not asserted; nor are its spans (review-18)
            if factor is not None and token_doc is not None and self.threshold >= 0 and \
                    generic_groups(factor.text) and not _ANAPHORIC_CONDITIONS.match(factor.text):
                continue  # "[The two groups] showed similar improvements", "[participants] improved": the study's
                # groups, unnamed, are no factor (guideline "Group comparisons"; review-18); with detection off the
                # caller has said the sentence is a claim, and it keeps its relation
            if factor is not None and token_doc is not None and self.threshold >= 0 and \
                    reporting_respondents(token_doc[rel.factor[0]:rel.factor[1]]):
                continue  # "[parents] reported a greater reduction in Y", "[carers] experience elevated burden": the
                # study's respondents giving its data, a finding (guideline "Group comparisons"; round 6)
            if outcome is not None and token_doc is not None and self.threshold >= 0 and _STUDY_ARM.fullmatch(outcome.text):
                continue  # an arm of the study is the comparator, not an outcome (round 7)
            if factor is not None and (_NUMBER_SPAN.fullmatch(factor.text) or _TIME_POINT.fullmatch(factor.text)):  # "[409]
                # women", "decreased by [2] days", "reductions from [baseline]": a number or a time point names no factor
                if self.threshold >= 0 or any(o is not rel and o.outcome == rel.outcome and o.factor is not None
                                              for o in relations):
                    continue  # (round 7): a change that names no factor is a finding (guideline v1.2); with detection
                    # off (the caller says it is a claim) the claim stays without a factor
                factor = None
            if outcome is not None and _TIME_POINT.fullmatch(outcome.text) and self.threshold >= 0:
                continue  # "reductions from [baseline]": a time point is no outcome (round 7)
            if outcome is not None and (_NUMBER_SPAN.fullmatch(outcome.text) or _TIME_POINT.fullmatch(outcome.text)):
                outcome = None
            if any(span is not None and _STUDY_STATISTIC.fullmatch(span.text) for span in (factor, outcome)):
                continue  # "[The sample size] was small, contributing to [a lack of statistical significance]": a
                # limitation of the study, not a claim about the world (review-18)
            # cues count from the clause of the trigger: a ";" before it ends an independent clause ("Retention was
            # [equivalent]; however, outcomes favoured X" is no denial of X; round 7, agent:review-26)
            start = max([prev_end] + [m.end() for m in _SEMICOLON.finditer(text, prev_end, bounds[i][0])])
            window = text[start:t_end]
            if factor is not None:
                f0, f1 = factor.start_char - sent.start_char, factor.end_char - sent.start_char
                window = text[start:max(start, min(f0, t_end))] + " " + text[max(start, f1):t_end] if f0 < t_end else window
                window = self._without_denied_alternatives(window, sent, factor, token_doc, relations, bounds, i, k)
            hedge_window = window[:len(window) - (t_end - bounds[i][0])] if text[bounds[i][0]:t_end].lower() in \
                MADE_WORDS else window  # "made recovery [possible]": the trigger is no hedge
            hedge = hedging.hedge_cue(hedge_window)
            if hedge is None and text[bounds[i][0]:t_end].lower() in _PROMISE_TRIGGERS:
                hedge = text[bounds[i][0]:t_end]  # "[X] is a promising intervention", "shows promise": an evaluation
                # that holds back, conditional causal (round 7; only the trigger itself, agent:review-27)
            in_complement = factor is not None and _factor_in_complement(text, factor.start_char - sent.start_char)
            negation = hedging.relation_negation_cue(_complement_clause(window) if in_complement else window,
                                                     t_end - bounds[i][0])
            if negation and token_doc is not None and negation.lower().split()[0] in FAIL_VERBS and \
                    not fail_cue_governs(token_doc[rel.trigger.head]):
                negation = None  # "patients fail to improve, which increases Y": the cue denies another verb
            if negation is None and _UNLIKELY_BEFORE.search(text[:bounds[i][0]]):
                negation = "unlikely to"
            if denied_factor or rel.denied:  # "A, but [not B], improves Y", "improved Y but [not Z]"
                negation = "not"
            if none_of:
                negation = negation or "none of"
            if negation is None and outcome is not None and outcome.start_char - sent.start_char > t_end and \
                    _NO_DIFFERENCE_BEFORE.search(text[t_end:outcome.start_char - sent.start_char]):
                negation = "no differences"  # "[X] had higher Y1, but no differences were found in [Y2]" (round 10)
            if negation is None and outcome is not None and _DENIED_BEFORE.search(
                    text[max(0, outcome.start_char - sent.start_char - 24):outcome.start_char - sent.start_char]):
                negation = "not"  # "associated with A and with B, but [not with] C": C is denied (review-19)
            negation = negation or self._neg_child(token_doc, rel) or hedging.post_negation_cue(text[t_end:next_start])
            if negation is None and _EVIDENCE_TO_SUPPORT.search(text[:t_end]) and _WEAK_AFTER.search(text[t_end:]):
                negation = "weak evidence"  # "[The evidence to support] the use of X [is weak]": like "insufficient
                # evidence" (round 7, agent:review-27)
            # contrast cues count up to the next relation's trigger, not in later clauses with
            # relations of their own (coordinated opposite predicates are merged in :mod:`.spans`)
            mixed = rel.mixed or hedging.is_mixed(text[prev_end:next_start])
            valence_text = token_doc[rel.valence_span[0]:rel.valence_span[1]].text \
                if rel.valence_span is not None and token_doc is not None else None
            outcome_text = (valence_text or outcome.text) if outcome is not None else (
                text[t_end:next_start] if factor is None and token_doc is None else "recovery")
            # the text read for valence starts at the outcome, or earlier at its valence span: the lead before it
            # must not count a lowering word twice ("associated with [a lower quality of life]")
            read_from = outcome.start_char - sent.start_char if outcome is not None else 0
            if valence_text is not None:
                read_from = min(read_from, token_doc[rel.valence_span[0]].idx + k)
            kind = lx.BENEFIT if favoured else rel.kind
            trigger_text = text[bounds[i][0]:t_end].lower()
            own = lx.ALL_TRIGGER_WORDS.get(trigger_text) or lx.ALL_TRIGGER_PHRASES.get(trigger_text)  # "led to"
            if kind in (lx.INCREASE, lx.DECREASE) and own is not None and own != kind and outcome is not None and \
                    valence_text is None and outcome.text.lower().rsplit(None, 1)[-1] in _CHANGE_NOUNS:
                kind = own  # "X promoted [stress reduction]": the change noun that set the kind is inside the outcome,
                # whose valence reads it, so the verb's own kind decides (review-22 L5; it had read "hinders")
            if kind in OPPOSITE_KIND and lesser_change(text[:bounds[i][0]], text[t_end:read_from] if read_from >= t_end
                                                       else "", trigger_text in _CHANGE_NOUNS):
                kind = OPPOSITE_KIND[kind]  # "associated with [less] reduction in Y", "[smaller] improvements in Y"
            if kind in (lx.ASSOCIATE, lx.INCREASE) and outcome is not None and read_from >= t_end:
                # "associated with lower relapse rates": an association with less relapse (0.11.0); "led to [less]
                # weight gain": more of less weight gain (2026-11-27)
                valence = association_valence(text[t_end:read_from], outcome_text)
            else:
                valence = outcome_valence(outcome_text) if outcome_text else 0
            if valence == 0 and outcome_text:  # "reducing [NSSI]": read by the long form the record defines
                expanded = expand_abbreviations(outcome_text, self._defined(sent.doc))
                if expanded != outcome_text:
                    valence = association_valence(text[t_end:read_from], expanded) if kind in (
                        lx.ASSOCIATE, lx.INCREASE) and outcome is not None and read_from >= t_end else outcome_valence(expanded)
            if valence >= 0 and outcome is not None and valence_text is None and read_from > t_end and \
                    worsened_lead(text[t_end:read_from]):
                valence = -1  # "reduced [stigmatising] attitudes", the modifier parsed as a verb (round 9)
            if valence and outcome_text and names_weight_change(outcome_text):  # "weight gain" is recovery in
                valence = contextual_valence(valence, outcome_text, f"{_record_title(sent.doc)} {text}")  # anorexia
            if kind in (lx.ASSOCIATE, lx.INCREASE) and valence >= 0 and \
                    trigger_text in ("risk factor for", "risk factors for"):
                valence = -1  # what a risk factor is a risk for is bad by construction ("the receipt of disability
                # income", "psychological outcomes"; review-18)
            if valence >= 0 and trigger_text in PROTECT_FORMS and rel.kind == lx.DECREASE:
                valence = -1  # what a factor protects against is bad by construction ("lethal challenge"; round 9)
            if kind == lx.BENEFIT and valence < 0 and trigger_text in _CORE_WORDS:
                kind = lx.INCREASE  # "[Interpersonal dysfunction] is central to [BPD]": a core feature, not a help
            if kind == lx.BENEFIT and valence < 0 and trigger_text in _RAISING_WORDS and \
                    head_valence(outcome_text) < 0:
                kind = lx.INCREASE  # "[insomnia] probably promotes [burnout]", "enhanced [anxiety]": more of a bad
                # outcome; "improves [symptoms]" keeps its benefit (agent:review-20)
            direction = compose(kind, valence, negated=bool(negation), mixed=mixed)
            trigger = self._span(sent, token_doc, (rel.trigger.start, rel.trigger.end), k) if token_doc is not None else None
            causal_wording = trigger_text in lx.CAUSAL_ASSOCIATIONS and _causal_wording(  # "[X] affects [Y]": no sign,
                token_doc[rel.trigger.head] if token_doc is not None else None)  # causal language
            correlational = (rel.trigger.kind == lx.ASSOCIATE and not causal_wording) or rel.group_result or (
                trigger_text in _LIKELIHOOD and not hedge)
            strength_kind = lx.ASSOCIATE if correlational else (
                lx.INCREASE if causal_wording and rel.kind == lx.ASSOCIATE else rel.kind)  # causal wording: no sign
            claims.append(Claim(
                signals=self._signals(token_doc, rel, kind, valence),
                sentence=sent, factor=factor, outcome=outcome, direction=direction,
                strength=hedging.strength(strength_kind, bool(hedge)), hedged=bool(hedge),
                hedge_cue=hedge,
                negated=bool(negation), score=score,
                citations=[Citation(c.text, c.start + sent.start_char, c.end + sent.start_char, c.authors,
                                    c.year, c.pages, list(c.numbers)) for c in citations],
                trigger=trigger,
            ))
            linked = linked or (factor is not None and (outcome is not None or rel.implicit_outcome))
        return _distinct(claims), linked if rule_linked is None else rule_linked

    def _signals(self, pdoc: Doc | None, rel: Relation, kind: str, valence: int) -> dict[str, float]:
        """What :mod:`.row_confidence` reads beside the output: the outcome's valence, the relation's kind and
        whether the parse gave the relation, and the span tagger's support for each span (-1: none)."""
        support = getattr(self.span_model, "support", None)
        out = {"valence": float(valence), "parsed": float(pdoc is not None), **{
            f"kind_{k}": float(kind == k) for k in (lx.BENEFIT, lx.HARM, lx.INCREASE, lx.DECREASE, lx.ASSOCIATE)}}
        for name, span, role in (("factor_support", rel.factor, "F"), ("outcome_support", rel.outcome, "T")):
            value = support(pdoc, span, role) if support is not None and pdoc is not None else None
            out[name] = -1.0 if value is None else value
        return out

    def _defined(self, doc: Doc) -> dict[str, str]:
        """The abbreviations ``doc``'s text defines (:mod:`.abbreviations`), once per doc of the batch."""
        cache = self._definitions
        key = id(doc)
        if key not in cache:
            if len(cache) > 4 * max(self.batch_size, 1):
                cache.clear()  # a bounded cache: docs of earlier batches are gone
            cache[key] = (doc, abbreviation_definitions(doc_text(doc)))
        return cache[key][1]

    @staticmethod
    def _neg_child(pdoc: Doc | None, rel: Relation) -> str | None:
        if pdoc is None:
            return None
        head = pdoc[rel.trigger.head]
        for tok in [head, *list(head.ancestors)[:2]]:
            for child in tok.children:
                if child.dep_ == "neg" and not any(c.lower_ in ("just", "only") for c in child.children) \
                        and (child.i + 1 >= len(pdoc) or pdoc[child.i + 1].lower_ not in ("just", "only")):
                    return child.text
            if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                break
            if tok.dep_ == "conj" and any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FINITE_AUXILIARIES
                                          for c in tok.children) and not any(c.lower_ == "to" for c in tok.children):
                break  # "were not reduced by A but [were] alleviated by B": a conjunct with its own finite auxiliary is
                # its own predicate, the first one's "not" does not deny it ("did not reduce or improve Y", "has not
                # been shown to reduce Y or to have improved Z" still do; round 7, agent:review-27)
        return None

    @staticmethod
    def _trigger_chars(sent: Span, pdoc: Doc | None, rel: Relation, k: int = 0) -> tuple[int, int]:
        tokens = pdoc if pdoc is not None else sent
        first = tokens[rel.trigger.start - (0 if pdoc is not None else sent.start)]
        last = tokens[rel.trigger.end - 1 - (0 if pdoc is not None else sent.start)]
        base = -k if pdoc is not None else sent.start_char
        return first.idx - base, last.idx + len(last.text) - base

    @staticmethod
    def _span(sent: Span, pdoc: Doc | None, rng: tuple[int, int] | None, k: int = 0) -> Span | None:
        if pdoc is None or rng is None:
            return None
        a, b = rng
        start = sent.start_char + k + pdoc[a].idx
        end = sent.start_char + k + pdoc[b - 1].idx + len(pdoc[b - 1].text)
        return sent.doc.char_span(start, end, alignment_mode="expand")

    def _add_context(self, doc: Doc, claims: list[Claim], text: str | None = None) -> None:
        """Design, themes, ``social`` and reference links (need the whole doc)."""
        if not claims:
            return
        designs = _cited_designs(doc_text(doc) if text is None else text)
        own_design = (doc._.design or {}).get("label") if Doc.has_extension("design") else None
        references = _references(doc)
        model_themes = self._model_themes(claims)
        for claim in claims:
            claim.design = _design_for(claim, designs, own_design)
            claim.themes = model_themes[id(claim.sentence)] if model_themes is not None else self._cue_themes(doc, claim.sentence)
            claim.social = self._is_social(claim)
            if references:
                link_references(claim.citations, references)

    def _model_themes(self, claims: list[Claim], top: int = 3) -> dict[int, list[str]] | None:
        """Themes of each claim sentence from the themes model: themes whose sentence probability
        reaches the model's (document-level) threshold, best first, at most ``top``."""
        model = self.theme_model
        if model is None:
            return None
        sentences = {id(c.sentence): c.sentence for c in claims}
        try:
            probs = model.sentence_proba([s.text for s in sentences.values()])
            ids = list(model.space.ids)
            themes = set(model.space.themes)
        except Exception:  # noqa: BLE001
            return None
        out = {}
        for key, row in zip(sentences, probs):
            order = sorted(range(len(ids)), key=lambda j: -row[j])
            out[key] = [ids[j] for j in order if ids[j] in themes and row[j] >= model.thresholds.get(ids[j], 0.5)][:top]
        return out

    def _cue_themes(self, doc: Doc, sent: Span) -> list[str]:
        matches = doc._.matches if Doc.has_extension("matches") else None
        if matches is not None:
            found = [m["label"] for m in matches if m["kind"] == "theme" and sent.start_char <= m["start"] < sent.end_char]
        else:
            lowered = sent.text.lower()
            found = self.theme_cues().themes(lowered)
        return list(dict.fromkeys(found))

    def _is_social(self, claim: Claim) -> bool:
        text = (claim.factor.text if claim.factor is not None else "").lower()
        if not text or text in _PRONOUNS:  # no factor, or an anaphor: judge by the sentence's themes
            return bool(claim.themes)
        return self.social_factor(text)

    def social_factor(self, text: str) -> bool:
        """Whether a factor's text names a social factor: a social word (possessives read as the word: "parents'",
        "mother's"), a social compound ("sexual abuse", "family conflict") or a codebook theme cue."""
        lowered = text.lower()
        words = {w.removesuffix("'s").rstrip("'") for w in _WORD.findall(lowered)} & lx.SOCIAL_WORDS
        if words & lx.AMBIGUOUS_SOCIAL_WORDS:  # "nutritional support", "shift work": the word counts outside those
            outside = lx.NON_SOCIAL_COMPOUNDS.sub(" ", lowered)
            words = (words - lx.AMBIGUOUS_SOCIAL_WORDS) | (
                {w.removesuffix("'s").rstrip("'") for w in _WORD.findall(outside)} & lx.AMBIGUOUS_SOCIAL_WORDS)
        if words or lx.SOCIAL_COMPOUNDS.search(lowered):
            return True
        return bool(self.theme_cues().themes(lx.NON_SOCIAL_COMPOUNDS.sub(" ", lowered), first=True))


class _CueIndex:
    """Whole-word cue phrases -> themes, found in one regex pass (same result as searching for
    each cue on its own, in cue order)."""

    def __init__(self, cues: list[tuple[str, str]]) -> None:
        self.cues = cues
        self.order = {cue: i for i, (cue, _) in enumerate(cues)}
        alternation = "|".join(re.escape(c) for c in sorted({c for c, _ in cues}, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<![\w-])(?=(?:{alternation})(?![\w-]))") if cues else None
        self.by_prefix: dict[str, list[tuple[str, str]]] = {}
        for cue, theme in cues:
            self.by_prefix.setdefault(cue[:1], []).append((cue, theme))

    def themes(self, lowered: str, first: bool = False) -> list[str]:
        if self.pattern is None:
            return []
        found: dict[int, str] = {}
        for match in self.pattern.finditer(lowered):
            pos = match.start()
            for cue, theme in self.by_prefix.get(lowered[pos:pos + 1], ()):
                end = pos + len(cue)
                if lowered.startswith(cue, pos) and (end == len(lowered) or not (lowered[end].isalnum() or lowered[end] in "_-")):
                    found.setdefault(self.order[cue], theme)
                    if first:
                        return [theme]
        return [found[k] for k in sorted(found)]


#: Section headings that open sentences of structured abstracts ("CONCLUSIONS:", "Results:",
#: "Conclusion  This study ..."); they are not parsed with the sentence (added in 0.2.0).
_CAPS_HEADING_WORDS = ("ABSTRACT|BACKGROUND|CONTEXT|IMPORTANCE|OBJECTIVES?|AIMS?|PURPOSE|DESIGN|SETTINGS?|PARTICIPANTS|"
                       "PATIENTS|INTERVENTIONS?|EXPOSURES?|MAIN|OUTCOMES?|MEASURES|METHODS?|RESULTS|FINDINGS|"
                       "CONCLUSIONS?|RELEVANCE|DISCUSSION|INTERPRETATION|IMPLICATIONS|LIMITATIONS|AND")
_HEADING = re.compile(
    # colon-less upper-case headings of structured abstracts first: "CONCLUSIONS AND RELEVANCE Physiotherapy ...",
    # "DESIGN, SETTING, AND PARTICIPANTS This cohort ..." (upper case only: "Importance of X" is a sentence; review-18, -19)
    r"^\s*(?:(?:(?:" + _CAPS_HEADING_WORDS + r"),?\s+)*(?:" + _CAPS_HEADING_WORDS + r")\s+(?=[A-Z][a-z])"
    r"|(?:[A-Z][A-Za-z]*(?: [A-Za-z]+){0,3})\s*:\s*|(?:(?i:abstract|background|objectives?|aims?|purpose|context|"
    r"methods?|results?|findings|conclusions?|discussion|introduction|interpretation|significance)(?=\s+[A-Z])\s+)+)")


def heading_length(text: str) -> int:
    """Characters of a leading section heading of ``text`` (0 when there is none)."""
    match = _HEADING.match(text)
    if match is None or match.end() >= len(text) - 3:
        return 0
    return match.end()


def _trigger_units(doc: Doc, text: str | None = None) -> list[Span]:
    """Sentence units holding a relation trigger (one regex pass over the whole doc) or only
    non-significant p-values."""
    text = doc_text(doc) if text is None else text
    units = sentence_units(doc, text)
    if not units:
        return []
    lowered = text.lower()
    if len(lowered) != len(text):  # rare case-mapping that changes length: match per unit
        return [s for s in units if (lx.TRIGGER_RE.search(s.text.lower()) or hedging.nonsignificant_p(s.text))
                and non_claim_frame(s.text) is None]
    hits = [m.start() for m in lx.TRIGGER_RE.finditer(lowered)]
    out = []
    for span in units:
        k = bisect_left(hits, span.start_char)
        if ((k < len(hits) and hits[k] < span.end_char) or hedging.nonsignificant_p(span.text)) \
                and non_claim_frame(span.text) is None:
            out.append(span)
    return out


def _cited_designs(text: str) -> list[dict] | None:
    try:
        from ..design import cited_designs
    except ImportError:
        return None
    try:
        return cited_designs(text)
    except Exception:  # noqa: BLE001 - a failing optional helper must not break claims
        return None


def _design_for(claim: Claim, designs: list[dict] | None, own_design: str | None) -> str:
    if designs and claim.citations:
        for citation in claim.citations:
            for item in designs:
                if item.get("start") is not None and item["start"] < citation.end and citation.start < item["end"]:
                    return item.get("design") or "unclear"
                if citation.first_author and citation.year and citation.first_author in item.get("citation_text", "") \
                        and citation.year in item.get("citation_text", ""):
                    return item.get("design") or "unclear"
    if not claim.citations and own_design:
        return own_design
    return "unclear"


#: ", suggesting / indicating that ...": the claim sits in the complement of a participle clause; a negation before
#: it belongs to the finding it comments on ("[No patient] relapsed, suggesting that X prevents relapse")
_PARTICIPLE_THAT = re.compile(r"(?i),\s*(?:suggesting|indicating|showing|demonstrating|confirming|implying|"
                              r"highlighting|supporting the (?:view|idea|notion))\s+that\s")


#: Benefit words that, with a bad outcome, name a core feature of it rather than a help against it
_CORE_WORDS = frozenset(["central", "integral", "intrinsic", "core", "fundamental"])
#: Benefit words that mean "more of" what follows: with a bad outcome they raise it
_RAISING_WORDS = frozenset(["promote", "promotes", "promoted", "promoting", "foster", "fosters", "fostered", "fostering",
                            "enhance", "enhances", "enhanced", "enhancing", "facilitate", "facilitates", "facilitated",
                            "facilitating", "strengthen", "strengthens", "strengthened", "strengthening"])
#: "but not (with)" right before an outcome span: that conjunct is denied ("not only" adds, it does not deny)
_DENIED_BEFORE = re.compile(r"(?i)\b(?:but|and|or)\s+not\s+(?!only\b|just\b|merely\b|simply\b|solely\b|necessarily\b)"
                            r"(?:(?:with|in|on|for|among|to|by)\s+)?$")
#: A later clause that finds no difference right before the outcome: "Y1 was higher for [X], but no differences were
#: found in [Y2]" (round 10: the relation to Y2, paired through the first clause's trigger, is denied)
_NO_DIFFERENCE_BEFORE = re.compile(r"(?i)[,;]\s*(?:but|and|while|whereas)?\s*(?:there\s+(?:was|were)\s+)?no\s+(?:(?:statistically\s+)?"
                                   r"significant\s+)?differences?\s+(?:(?:was|were)\s+(?:found|observed|seen|detected|noted)\s+)?"
                                   r"(?:in|on|for|between|regarding)\s+(?:the\s+)?$")
#: "none of" right before a factor span: "None of [the family factors] were associated with relapse"
_NONE_OF_BEFORE = re.compile(r"(?i)\bnone\s+of\s*$")
#: "these conditions" as an anaphor of disorders ("... Bipolar Disorder; [these conditions] elevate the risk"), not groups
_ANAPHORIC_CONDITIONS = re.compile(r"(?i)(?:these|those)\s+conditions?$")
#: Outcomes that are a statistic of the study itself ("a lack of statistical significance", "the power of the study")
_STUDY_STATISTIC = re.compile(r"(?i)(?:(?:a|the|our|its|their)\s+)?(?:(?:lack|loss)\s+of\s+)?(?:(?:statistical\s+)?"
                              r"significance|statistical\s+power|power\s+of\s+(?:the|this|our)\s+(?:study|analysis|"
                              r"analyses|trial)|(?:small\s+|limited\s+|modest\s+)?sample\s+sizes?)")


def _record_title(doc: Doc) -> str:
    """The title of the record ``doc`` was made from ("" when none is known)."""
    record = doc._.record if Doc.has_extension("record") else None
    return (getattr(record, "title", "") or "") if record is not None else ""


#: "evidence (for X) to support" ending at the trigger, and a weak judgement of that evidence after it (round 7)
_EVIDENCE_TO_SUPPORT = re.compile(r"(?i)\b(?:evidence|data|research)\s+(?:\w+\s+){0,3}?to\s+support$")
_WEAK_AFTER = re.compile(r"(?i)\b(?:is|are|was|were|remains?|remained)\s+(?:\w+\s+)?(?:weak|limited|lacking|sparse|"
                         r"scarce|inconclusive|insufficient|poor|equivocal|conflicting|absent)\b")
#: A time point of the study ("baseline", "week 12", "6-month follow-up"): no factor (round 7); a bare "follow-up" may be
#: the care ("fail to attend follow-up")
_TIME_POINT = re.compile(r"(?i)(?:the\s+)?(?:baseline|pre-?treatment|post-?treatment|pre-?test|post-?test|"
                         r"endpoint|end\s+of\s+(?:the\s+)?(?:treatment|study|trial)|(?:week|month|day|visit)\s+\d+|"
                         r"(?:\d+|one|two|three|four|six|twelve)[\s-](?:weeks?|months?|years?|days?)(?:\s+follow-?up)?)")
#: Auxiliaries of a finite verb (round 7)
_FINITE_AUXILIARIES = frozenset(["is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "will", "would",
                                 "can", "could", "may", "might", "shall", "should", "must"])
#: Triggers that hedge their own relation (round 7)
_PROMISE_TRIGGERS = frozenset(["promising", "promise"])
#: An independent clause's end within a sentence unit (round 7)
_SEMICOLON = re.compile(r";")
#: "(in) favour of [X]" opening a factor span
_FAVOUR = frozenset(["favour", "favor"])
#: An arm of the study ("the placebo group", "both arms"): the comparator of a group result, never its outcome
#: (round 7, agent:review-26: "a 56.9 percent reduction, as compared with a 14.1 percent decrease in [the placebo
#: group]" had given a second row with the arm as its outcome)
_STUDY_ARM = re.compile(r"(?i)(?:(?:the|a|an|both|each|either|all)\s+)?(?!(?:[\w/+-]+\s+){0,1}(?:support|self-help|peer|"
                        r"social|age|risk|ethnic|minority|focus|patient|user|advocacy|interest|community|working|"
                        r"reference|affected|unaffected|diagnostic|muscle|blood)\s)(?:[\w/+-]+\s+){0,2}(?:group|groups|arm|arms)")
#: A bare number or duration ("409", "1", "2 h", "6 months"): never a factor or an outcome (round 7, agent:review-26)
_NUMBER_SPAN = re.compile(r"(?i)[\d.,:%±()\s-]*\d[\d.,:%±()\s-]*(?:\s*(?:h|hrs?|hours?|min|minutes?|days?|weeks?|"
                          r"months?|years?|yrs?|mg|kg|ml|%))?")


def _factor_in_complement(text: str, factor_start: int) -> bool:
    """Does the factor stand in the complement of a ", suggesting that" clause (so that a negation before it is the
    finding's, not the claim's)? "No change was observed [with X], suggesting that ..." keeps its denial."""
    return any(m.end() <= factor_start for m in _PARTICIPLE_THAT.finditer(text))


def _complement_clause(window: str) -> str:
    """The part of a cue window after its last ", suggesting that" (the whole window when there is none)."""
    last = None
    for last in _PARTICIPLE_THAT.finditer(window):
        pass
    return window[last.end():] if last is not None else window


#: Association predicates that keep a causal word inside their arguments correlational: "[X] may be associated with
#: delayed [effects] in Y", "the [effects] of X were associated with Y" (agent:review-32; read on the parse, so that
#: "related" in "health-related quality of life" or "predictor" elsewhere in the clause do not count, agent:review-33)
_ASSOCIATION_HEADS = frozenset(["associated", "association", "associations", "correlated", "correlation",
                                "correlations", "correlate", "correlates", "linked", "link", "links", "related",
                                "relationship", "relationships", "relation"])
#: Who a prevalence counts: "BPD [affects] 2.7% of adults", "affects one in four people"
_COUNTED_PEOPLE = frozenset(["adults", "people", "persons", "individuals", "children", "adolescents", "women", "men",
                             "patients", "population", "americans", "students", "workers", "mothers", "fathers"])


def _inside_association(trigger: Token) -> bool:
    """Is ``trigger`` an argument of an association predicate: under it in the parse ("associated with delayed
    [effects]"), or the subject of a copula whose predicate it is ("the [effects] of X were associated with Y")?"""
    if any(a.lower_ in _ASSOCIATION_HEADS for a in trigger.ancestors):
        return True
    return trigger.dep_ in ("nsubj", "nsubjpass") and any(
        c.lower_ in _ASSOCIATION_HEADS and c.dep_ in ("acomp", "attr", "oprd") for c in trigger.head.children)


def _causal_wording(trigger: Token | None) -> bool:
    """Is a relation of :data:`.lexicon.CAUSAL_ASSOCIATIONS` worded causally (round 10)? Not the noun "affect" (an
    emotion: "blunted affect"), not a prevalence ("BPD [affects] 2.7% of adults") and not inside the arguments of an
    association predicate ("the [effects] of X were associated with Y"). Without a parse it is."""
    if trigger is None:
        return True
    if _inside_association(trigger):
        return False
    if trigger.lower_.startswith("affect"):
        if trigger.pos_ not in ("VERB", "AUX"):
            return False
        obj = next((c for c in trigger.children if c.dep_ == "dobj"), None)
        if obj is not None and any(t.text == "%" or t.lower_ in ("percent", "per") for t in obj.subtree):
            return False  # a prevalence: the share of people a condition affects
        if obj is not None and any(t.like_num for t in obj.subtree) and any(
                t.lower_ in _COUNTED_PEOPLE for t in obj.subtree):
            return False  # "affects one in four people"
    return True


def _distinct(claims: list[Claim]) -> list[Claim]:
    """The claims of one sentence without repeats: a second claim with the same factor and outcome spans (two
    triggers read over one pair, "parents reported a greater reduction in Y"), or with the same factor, outcome and
    direction words, adds only a row to the evidence table."""
    seen: set = set()
    said: set = set()
    out = []
    for claim in claims:
        key = tuple((s.start_char, s.end_char) if s is not None else None for s in (claim.factor, claim.outcome))
        if key[0] is not None and key in seen:
            continue
        # the same words read twice ("The effect of [loneliness] was significant: [loneliness] increased [Y]")
        words = tuple(s.text.lower() if s is not None else None for s in (claim.factor, claim.outcome)) + (
            claim.direction,)
        if words[0] and words[1] and words in said:
            continue
        seen.add(key)
        said.add(words)
        out.append(claim)
    return out


def _front_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the record's front matter in ``doc`` (an abstract record's title), from
    ``doc._.record``; empty for a doc without a record."""
    record = doc._.record if Doc.has_extension("record") else None
    if record is None or not hasattr(record, "section_offsets"):
        return []
    return [(a, b) for section, a, b in record.section_offsets() if section.kind == "front"]


def _reference_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of a full-text record's reference list (sections of kind ``references``), from
    ``doc._.record``; empty for a doc without one."""
    record = doc._.record if Doc.has_extension("record") else None
    if record is None or not getattr(record, "sections", None) or not hasattr(record, "section_offsets"):
        return []
    return [(a, b) for section, a, b in record.section_offsets() if _is_reference_section(section)]


def _is_reference_section(section) -> bool:
    return section.kind == "references" or section.title.strip().lower() in ("references", "bibliography")


def _overlaps(span: Span, spans: list[tuple[int, int]]) -> bool:
    return any(a < span.end_char and span.start_char < b for a, b in spans)


def _within(span: Span, spans: list[tuple[int, int]]) -> bool:
    return any(a <= span.start_char and span.end_char <= b for a, b in spans)


def _references(doc: Doc) -> list[str]:
    record = doc._.record if Doc.has_extension("record") else None
    if record is None or not getattr(record, "sections", None):
        return []
    entries: list[str] = []
    for section in record.sections:
        if _is_reference_section(section):
            entries.extend(split_references(section.text))
    return entries
