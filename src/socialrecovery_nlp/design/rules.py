"""High-precision study-design cue rules over a spaCy ``Doc`` (token ``Matcher``).

Every cue is found per sentence and given a status:

- ``own``: evidence for the record's own design;
- ``negated``: "no RCTs have been published", "non-randomised" (for ``rct``), "RCTs are lacking";
- ``other``: reporting on other studies ("previous RCTs have shown", "a review of RCTs",
  "trials were included", cues followed by a citation).

:func:`decide` turns the ``own`` cues into a rule decision with a flag saying whether the
rules alone are confident (one strong design left after precedence, e.g. a meta-analysis
outranks the RCTs it pools).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache

import numpy as np
import spacy
from spacy.attrs import IDX, IS_SPACE, LENGTH, LOWER, ORTH, SENT_START
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .labels import REVIEW_DESIGNS
from .patterns import PATTERNS, STRONG, WEAK

STRENGTH_WEIGHT = {"strong": 1.0, "weak": 0.3}
TITLE_BOOST = 1.5

NEGATORS = {"no", "not", "without", "lack", "lacking", "absence", "paucity", "few", "none", "never",
            "nor", "neither", "scarcity", "dearth", "limited", "non", "un", "quasi"}
NEG_AFTER = {"lacking", "scarce", "missing", "absent", "rare", "sparse", "needed", "warranted",
             "required", "necessary", "recommended"}
PRIOR = {"previous", "previously", "prior", "earlier", "existing", "past", "published", "other",
         "several", "many", "numerous", "recent", "some", "most", "various", "multiple",
         "individual", "primary", "eligible", "future", "further", "larger", "additional",
         "identified", "selected"}
PLURAL_HEADS = {"trials", "rcts", "studies", "reviews", "analyses", "designs", "experiments",
                "reports", "evaluations", "cohorts", "meta-analyses"}
OWN_MARKERS = re.compile(
    r"\b(we|our|us|this (study|trial|paper|article|review|report|investigation|analysis|project|work)|"
    r"the (present|current) (study|trial|paper|review|investigation)|here|methods?\s*:|design\s*:)\b",
    re.IGNORECASE,
)
REPORTING = re.compile(
    r"\b(ha(ve|s)( not)?( been)? (shown|found|demonstrated|reported|suggested|indicated|established|"
    r"examined|investigated|identified|documented|evaluated|published|conducted|tested|proven|proved)|"
    r"(studies|research|literature|evidence|trials) (shows?|suggests?|indicates?|demonstrates?)|"
    r"et al\b|according to|in the literature)",
    re.IGNORECASE,
)
#: ``(word, next word)`` pairs before a cohort cue that make the cohort the *data source* of the
#: record ("participants of the Lifelines cohort study", "data from the English Longitudinal Study
#: of Ageing"), not its design: the guideline (rule 11) labels one-time analyses inside a cohort
#: ``cross_sectional``, so such a cue is evidence, not a confident decision (design-5).
SOURCE_PAIRS = {("from", "the"), ("of", "the"), ("in", "the"), ("within", "the"), ("participating", "in"),
                ("participants", "of"), ("participants", "in"), ("participants", "from"), ("part", "of"),
                ("conjunction", "with"), ("nested", "in"), ("nested", "within"), ("enrolled", "in"),
                ("drawn", "from"), ("recruited", "from"), ("members", "of"), ("sample", "of"), ("wave", "of")}
SOURCE_NOT_NEXT = {"present", "current", "same", "following", "context", "course", "framework", "setting"}
SOURCE_LABELS = frozenset({"cohort"})
CITATION_AFTER = re.compile(r"^\s*(\(\s*[A-Z][^()]{0,80}?\d{4}[a-z]?\s*\)|\[\s*\d+([,\u2013\-–]\s*\d+)*\s*\])")


@dataclass(frozen=True)
class Cue:
    """One matched cue: label, strength, character span in ``doc.text``, sentence and status."""

    label: str
    strength: str
    start: int
    end: int
    text: str
    sent: int
    status: str = "own"
    in_title: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class RuleDecision:
    """The rules' verdict: ``label`` (or ``None``), whether it is ``confident``, label scores and
    the ``own`` cues supporting the label."""

    label: str | None
    confident: bool
    scores: dict[str, float]
    evidence: list[Cue]


def _enumerate_regex(regex: str) -> set[str]:
    """All strings a finite regular expression matches (alternation, classes, ``?``).

    Token patterns are compiled to ``IN`` sets, which the Matcher checks far faster than
    ``REGEX`` predicates.
    """
    import re._constants as k
    from re import _parser as sre_parse

    def walk(items) -> set[str]:
        results = {""}
        for op, av in items:
            if op is k.LITERAL:
                opts = {chr(av)}
            elif op is k.IN:
                opts = set()
                for iop, iav in av:
                    if iop is k.LITERAL:
                        opts.add(chr(iav))
                    elif iop is k.RANGE:
                        opts.update(chr(x) for x in range(iav[0], iav[1] + 1))
                    else:
                        raise ValueError(f"unsupported class in {regex!r}")
            elif op is k.BRANCH:
                opts = set().union(*(walk(b) for b in av[1]))
            elif op is k.SUBPATTERN:
                opts = walk(av[-1])
            elif op in (k.MAX_REPEAT, k.MIN_REPEAT):
                lo, hi, sub = av
                if hi > 3:
                    raise ValueError(f"unbounded repeat in {regex!r}")
                inner = walk(sub)
                opts = set()
                for n in range(lo, hi + 1):
                    combos = {""}
                    for _ in range(n):
                        combos = {a + b for a in combos for b in inner}
                    opts |= combos
            else:
                raise ValueError(f"unsupported regex {regex!r}")
            results = {a + b for a in results for b in opts}
        return results

    return walk(sre_parse.parse(regex))


def _expand(text: str) -> list[str]:
    """Expand groups whose alternatives span several tokens, ``(a b|c)`` -> ``a b``, ``c``."""
    depth, start = 0, None
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and start is not None:
                inner = text[start + 1:i]
                if " " in inner:
                    alts, d, cur = [], 0, ""
                    for c in inner:
                        d += (c == "(") - (c == ")")
                        if c == "|" and d == 0:
                            alts.append(cur)
                            cur = ""
                        else:
                            cur += c
                    alts.append(cur)
                    out = []
                    for alt in alts:
                        out.extend(_expand(text[:start] + alt + text[i + 1:]))
                    return out
    return [text]


HYPHENS = ("-", "–", "/", "‐")


def _token_specs(text: str) -> list[tuple[str, object, bool]]:
    """Parse a pattern into ``(kind, value, optional)``: ``words`` (a set of literals),
    ``digit``, ``any`` (one token) or ``skip`` (``(lo, hi)`` wildcard tokens)."""
    specs: list[tuple[str, object, bool]] = []
    for tok in text.split():
        if tok == "-~":
            specs.append(("words", set(HYPHENS), True))
            continue
        m = re.fullmatch(r"_\{(\d+),(\d+)\}", tok)
        if m:
            specs.append(("skip", (int(m.group(1)), int(m.group(2))), False))
            continue
        if tok == "_":
            specs.append(("any", None, False))
            continue
        optional = False
        if tok.endswith("~") or tok.startswith("(") and tok.endswith(")?") and tok.count("(") == 1:
            tok, optional = tok[:-1], True
        if tok == r"\d+":
            specs.append(("digit", None, optional))
        else:
            specs.append(("words", _enumerate_regex(tok), optional))
    return specs


def _literal_sequences(specs) -> list[list[str]]:
    """All token sequences of a pattern made only of ``words`` specs (optional ones dropped or kept)."""
    seqs: list[list[str]] = [[]]
    for kind, value, optional in specs:
        nxt = [s + [w] for s in seqs for w in sorted(value)]
        seqs = nxt + (seqs if optional else [])
    return [s for s in seqs if s]


@lru_cache(maxsize=1)
def _blank_nlp() -> spacy.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


class DesignRules:
    """The compiled cue patterns; ``cues(doc)`` finds them with their context status."""

    def __init__(self, vocab=None, patterns: list[tuple[str, str, str]] | None = None) -> None:
        self.vocab = vocab if vocab is not None else _blank_nlp().vocab
        self.phrases = PhraseMatcher(self.vocab, attr="LOWER")
        self.keys: dict[int, tuple[str, str]] = {}
        self.gapped: dict[str, tuple[str, int, int, bool]] = {}
        for i, (label, strength, text) in enumerate(patterns or PATTERNS):
            key = f"srnlp_design.{label}.{strength}.{i}"
            self.keys[self.vocab.strings.add(key)] = (label, strength)
            for j, variant in enumerate(_expand(text)):
                specs = _token_specs(variant)
                gaps = [k for k, (kind, _, _) in enumerate(specs) if kind != "words"]
                if not gaps:
                    self._add_phrases(key, specs)
                    continue
                # "LEFT gap RIGHT": both sides phrase-matched, joined in Python (the Matcher
                # with wildcard operators was ~100x slower on abstracts)
                g = gaps[0]
                kind, value, _ = specs[g]
                lo, hi = value if kind == "skip" else (1, 1)
                part = f"{key}.{j}"
                self._add_phrases(part + "#L", specs[:g])
                self._add_phrases(part + "#R", specs[g + 1:])
                self.gapped[part] = (key, lo, hi, kind == "digit")

    def _add_phrases(self, key: str, specs) -> None:
        if any(kind != "words" for kind, _, _ in specs):
            raise ValueError(f"pattern {key} has more than one gap")
        self.phrases.add(key, [Doc(self.vocab, words=seq) for seq in _literal_sequences(specs)])

    def _matches(self, doc: Doc) -> list[tuple[str, str, int, int]]:
        """``(label, strength, start, end)`` token spans of every cue pattern."""
        out = []
        sides: dict[str, tuple[list, list]] = {}
        strings = self.vocab.strings
        for key_id, start, end in self.phrases(doc):
            key = strings[key_id]
            if key_id in self.keys:
                out.append((*self.keys[key_id], start, end))
            else:
                part, side = key.rsplit("#", 1)
                sides.setdefault(part, ([], []))[side == "R"].append((start, end))
        for part, (lefts, rights) in sides.items():
            key, lo, hi, digit = self.gapped[part]
            label, strength = self.keys[strings[key]]
            for s1, e1 in lefts:
                for s2, e2 in rights:
                    if lo <= s2 - e1 <= hi and (not digit or all(t.is_digit for t in doc[e1:s2])):
                        out.append((label, strength, s1, e2))
        return out

    # -- sentences -------------------------------------------------------------------------
    @staticmethod
    def _sentence_ids(doc: Doc) -> np.ndarray:
        """A sentence id per token: spaCy's boundaries plus breaks after whitespace tokens
        (blank lines / newlines); without boundaries, breaks after ``.``, ``?`` and ``!``.
        Vectorised over ``doc.to_array`` (a Python loop over tokens was the rules' main cost)."""
        n = len(doc)
        if n == 0:
            return np.zeros(0, dtype=np.int64)
        arr = doc.to_array([SENT_START, IS_SPACE, ORTH])
        prev_space = arr[:-1, 1] != 0
        if doc.has_annotation("SENT_START"):
            boundary = (arr[1:, 0].astype(np.int64) == 1) | prev_space
        else:
            boundary = prev_space | np.isin(arr[:-1, 2], _stop_ids(doc.vocab))
        ids = np.zeros(n, dtype=np.int64)
        ids[1:] = np.cumsum(boundary)
        return ids

    # -- matching --------------------------------------------------------------------------
    def cues(self, doc: Doc, title_end: int | None = None, text: str | None = None) -> list[Cue]:
        """All cues in ``doc`` with status ``own``, ``negated`` or ``other``.

        ``title_end``: character offset where the title ends (cues before it get ``in_title``);
        ``text``: ``doc.text`` if the caller has it (saves rebuilding it).

        Token attributes are read once with ``doc.to_array`` (lower-case form, character offset,
        length) instead of building ``Token``/``Span`` objects per cue and context word.
        """
        raw = _dedupe(self._matches(doc))
        if not raw:
            return []
        sent_of = self._sentence_ids(doc)
        text = text if text is not None else doc.text
        attrs = doc.to_array([LOWER, IDX, LENGTH])
        ctx = _Context(attrs, doc.vocab.strings)
        sent_bounds: dict[int, tuple[int, int]] = {}
        for _, _, start, _ in raw:
            sid = int(sent_of[start])
            if sid not in sent_bounds:
                sent_bounds[sid] = (int(np.searchsorted(sent_of, sid, "left")),
                                    int(np.searchsorted(sent_of, sid, "right")))
        out: list[Cue] = []
        reporting: dict[int, bool] = {}
        for label, strength, start, end in raw:
            sid = int(sent_of[start])
            s_lo, s_hi = sent_bounds[sid]
            if sid not in reporting:
                sent_text = text[ctx.start_char(s_lo):ctx.end_char(s_hi - 1)]
                reporting[sid] = bool(REPORTING.search(sent_text)) and not OWN_MARKERS.search(sent_text)
            status = self._status(ctx, text, label, start, end, s_lo, s_hi, reporting[sid])
            start_char, end_char = ctx.start_char(start), ctx.end_char(end - 1)
            in_title = title_end is not None and start_char < title_end
            if (label in SOURCE_LABELS and strength == STRONG and status == "own" and not in_title
                    and _names_source(ctx, text, start, s_lo)):
                strength = WEAK
            out.append(Cue(label, strength, start_char, end_char, text[start_char:end_char], sid, status, in_title))
        # a sentence that describes a review: primary-design cues in it describe included studies
        review_sents = {c.sent for c in out if c.status == "own" and c.strength == STRONG
                        and c.label in REVIEW_DESIGNS - {"narrative_review"}}
        return [
            Cue(c.label, c.strength, c.start, c.end, c.text, c.sent, "other", c.in_title)
            if c.status == "own" and c.sent in review_sents and c.label not in REVIEW_DESIGNS
            else c
            for c in out
        ]

    def _status(self, ctx: _Context, text: str, label: str, start: int, end: int, s_lo: int, s_hi: int,
                reporting_sentence: bool) -> str:
        before = ctx.lowers(max(s_lo, start - 4), start)
        after = ctx.lowers(end, min(s_hi, end + 6))
        if label != "quasi_experimental" and before and (
            before[-1] in {"non", "un", "quasi", "not", "nonrandomized"}
            or (len(before) > 1 and before[-1] in {"-", "–"} and before[-2] in {"non", "un", "quasi"})
        ):
            return "negated"
        if any(w in NEGATORS - {"non", "un", "quasi"} for w in before):
            return "negated"
        if any(w in NEG_AFTER for w in after[:4]) or " ".join(after[:4]).startswith(("have not", "has not", "are not", "is not", "were not", "have never", "has never", "have yet", "has yet", "are needed", "is needed")):
            return "negated"
        if any(w in PRIOR for w in before):
            return "other"
        if ctx.lowers(end - 1, end)[0] in PLURAL_HEADS:
            return "other"
        tail = ctx.end_char(end - 1)
        if CITATION_AFTER.match(text[tail:tail + 120]):
            return "other"
        return "other" if reporting_sentence else "own"


class _Context:
    """Token attributes of one doc from ``doc.to_array([LOWER, IDX, LENGTH])``."""

    __slots__ = ("attrs", "strings")

    def __init__(self, attrs: np.ndarray, strings) -> None:
        self.attrs = attrs
        self.strings = strings

    def lowers(self, i: int, j: int) -> list[str]:
        strings = self.strings
        return [strings[h] for h in self.attrs[i:j, 0].tolist()]

    def start_char(self, i: int) -> int:
        return int(self.attrs[i, 1])

    def end_char(self, i: int) -> int:
        return int(self.attrs[i, 1] + self.attrs[i, 2])


def _names_source(ctx: _Context, text: str, start: int, s_lo: int) -> bool:
    """Whether the cue at token ``start`` names the record's data source: a source phrase
    (:data:`SOURCE_PAIRS`) among the 8 tokens before it in its sentence, or a capitalised word
    right before it in mid-sentence (a study's proper name: "the Irish Longitudinal Study")."""
    lo = max(s_lo, start - 8)
    before = ctx.lowers(lo, start)
    for i in range(len(before) - 1):
        if (before[i], before[i + 1]) in SOURCE_PAIRS and (
                before[i + 1] != "the" or i + 2 >= len(before) or before[i + 2] not in SOURCE_NOT_NEXT):
            return True
    if start - 1 > s_lo:
        prev = text[ctx.start_char(start - 1):ctx.end_char(start - 1)]
        article = ctx.lowers(start - 2, start - 1)[0] if start - 2 >= s_lo else ""
        # "a Danish cohort study" describes the record's own design; "the Lifelines cohort" names a source
        if len(prev) > 1 and prev[0].isupper() and any(ch.islower() for ch in prev[1:]) and article not in ("a", "an", "this", "our"):
            return True
    return False


def _stop_ids(vocab) -> np.ndarray:
    """ORTH ids of sentence-final punctuation in ``vocab`` (for docs without boundaries)."""
    return np.array([vocab.strings.add(p) for p in (".", "?", "!")], dtype=np.uint64)


def _dedupe(raw: list[tuple[str, str, int, int]]) -> list[tuple[str, str, int, int]]:
    """Per label, drop a cue whose tokens overlap a stronger or longer cue of the same label."""
    raw = sorted(raw, key=lambda r: (r[1] != STRONG, -(r[3] - r[2]), r[2]))
    kept: list[tuple[str, str, int, int]] = []
    for r in raw:
        if any(k[0] == r[0] and k[2] < r[3] and r[2] < k[3] for k in kept):
            continue
        kept.append(r)
    return sorted(kept, key=lambda r: (r[2], r[0]))


# --- decision ---------------------------------------------------------------------------------

#: ``winner: {losers}`` — when both have strong own cues, the winner stands (a meta-analysis
#: pools RCTs; an RCT has follow-up and questionnaires; a case report reviews literature).
DOMINATES: dict[str, set[str]] = {
    "meta_analysis": {"systematic_review", "narrative_review", "rct", "quasi_experimental", "cohort",
                      "case_control", "cross_sectional", "qualitative", "mixed_methods",
                      "case_study", "non_empirical"},
    "systematic_review": {"narrative_review", "rct", "quasi_experimental", "cohort", "case_control",
                          "cross_sectional", "qualitative", "mixed_methods", "case_study",
                          "non_empirical"},
    "mixed_methods": {"qualitative", "cross_sectional", "quasi_experimental", "cohort",
                      "non_empirical", "narrative_review", "case_study"},
    "rct": {"quasi_experimental", "cohort", "cross_sectional", "case_control", "non_empirical",
            "narrative_review"},
    "quasi_experimental": {"cohort", "cross_sectional", "non_empirical", "narrative_review"},
    "case_control": {"cross_sectional", "cohort", "non_empirical", "narrative_review"},
    "cohort": {"cross_sectional", "non_empirical", "narrative_review"},
    "cross_sectional": {"non_empirical", "narrative_review"},
    "qualitative": {"non_empirical", "narrative_review", "case_study"},
    "case_study": {"narrative_review", "non_empirical"},
    "narrative_review": {"non_empirical"},
}


def decide(cues: list[Cue]) -> RuleDecision:
    """Rule decision from cues: scores of ``own`` cues and precedence among strong designs."""
    own = [c for c in cues if c.status == "own"]
    scores: dict[str, float] = {}
    for c in own:
        w = STRENGTH_WEIGHT[c.strength] * (TITLE_BOOST if c.in_title else 1.0)
        scores[c.label] = scores.get(c.label, 0.0) + w
    if not scores:
        return RuleDecision(None, False, {}, [])
    strong = {c.label for c in own if c.strength == STRONG}
    remaining = {lab for lab in strong if not any(lab in DOMINATES.get(o, ()) for o in strong if o != lab)}
    if len(remaining) == 1:
        label = next(iter(remaining))
        confident = True
    else:
        pool = remaining or set(scores)
        label = max(sorted(pool), key=lambda k: scores.get(k, 0.0))
        confident = False
    evidence = sorted((c for c in own if c.label == label), key=lambda c: (c.strength != STRONG, c.start))
    return RuleDecision(label, confident, scores, evidence)


def rule_cues_for_text(text: str, title_end: int | None = None, rules: DesignRules | None = None) -> list[Cue]:
    """Convenience: tokenize ``text`` with a blank English pipeline and find cues."""
    nlp = _blank_nlp()
    rules = rules or default_rules()
    return rules.cues(nlp(text), title_end=title_end)


@lru_cache(maxsize=1)
def default_rules() -> DesignRules:
    return DesignRules(_blank_nlp().vocab)
