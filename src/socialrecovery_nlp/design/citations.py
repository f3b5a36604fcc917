"""Design of cited evidence: "In a qualitative study, Mancini (2007) found ..." -> Mancini 2007 is
``qualitative``.

:func:`cited_designs` finds author-year citations with a small regular expression of its own
(narrative "Mancini (2007)", "Nelson *et al.* (2001)" and parenthetical "(Topor *et al.*, 2006;
Smith, 1999)"), plus numeric ones in square brackets ("[4]", "[2, 3]"), and attaches to each the nearest design cue in the same sentence. Unlike the
record-level rules, cues that describe *other* studies are exactly what is wanted here; only
negated cues ("no RCTs") are ignored. A cue attaches to a citation when no other citation lies
between them, so "a trial by A (2001) and a qualitative study by B (2003)" keeps them apart.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from .patterns import PATTERNS, STRONG
from .rules import DesignRules, _blank_nlp

_SURNAME = r"(?:van |von |de |der |den |du |le |la |Mc|Mac|O')?[A-Z][A-Za-z'\u00C0-\u017F\-]+"
_AUTHORS = (rf"{_SURNAME}(?:\s*\*?\s*et\.?\s+al\.?\s*\*?|\s+(?:and|&)\s+{_SURNAME}"
            rf"|(?:,\s*{_SURNAME})*,?\s+(?:and|&)\s+{_SURNAME})?")
_YEAR = r"(?:1[89]\d\d|20\d\d)[a-z]?"
#: "Mancini (2007)", "Nelson et al. (2001, p. 5)"
NARRATIVE = re.compile(rf"(?P<authors>{_AUTHORS})\s*\((?P<year>{_YEAR})(?:[,;][^()]*)?\)")
#: "(Topor et al., 2006)", "(Mezzina et al., 2006; Spaniol, 2002)"
PARENTHETICAL = re.compile(rf"\((?P<body>(?:[^()]*?{_YEAR}[^()]*?))\)")
_ITEM = re.compile(rf"(?P<authors>{_AUTHORS}),?\s+(?P<year>{_YEAR})")

#: Cues that name a design of cited work: the strong patterns plus a few weak ones that are
#: design nouns ("a survey", "interviews").
CITED_EXTRA = {("cross_sectional", "surveys?|questionnaires?"), ("qualitative", "interviews?")}


@lru_cache(maxsize=1)
def _cited_rules() -> DesignRules:
    patterns = [p for p in PATTERNS if p[1] == STRONG]
    patterns += [(label, STRONG, pattern) for label, pattern in sorted(CITED_EXTRA)]
    return DesignRules(_blank_nlp().vocab, patterns)


def find_citations(text: str) -> list[dict]:
    """Author-year citations: ``{text, authors, year, start, end}``, one per cited work."""
    found: list[dict] = []
    for m in NARRATIVE.finditer(text):
        found.append({"text": f"{_clean(m.group('authors'))}, {m.group('year')}", "authors": _clean(m.group("authors")),
                      "year": m.group("year"), "start": m.start(), "end": m.end(), "narrative": True})
    for m in PARENTHETICAL.finditer(text):
        if any(f["start"] <= m.start() < f["end"] for f in found):
            continue
        body, offset = m.group("body"), m.start("body")
        for part in re.finditer(r"[^;]+", body):
            item = _ITEM.search(part.group())
            if item:
                start = offset + part.start() + item.start()
                found.append({"text": f"{_clean(item.group('authors'))}, {item.group('year')}",
                              "authors": _clean(item.group("authors")), "year": item.group("year"),
                              "start": start, "end": offset + part.start() + item.end()})
    return sorted(found, key=lambda f: f["start"])


#: Numeric citations in square brackets: "[4]", "[2, 3]", "[5-7]" (a bracketed year is no reference number)
_NUMERIC = re.compile(r"\[(\d{1,4}(?:\s*[-\u2013,]\s*\d{1,4})*)\]")


def numeric_citations(text: str) -> list[dict]:
    """Vancouver-style citations ``[4]``, ``[2, 3]``: ``{text, start, end, numeric}``, read like bracketed
    author-year ones (a design cue before them, or closely after)."""
    return [{"text": m.group(), "start": m.start(), "end": m.end(), "numeric": True}
            for m in _NUMERIC.finditer(text) if not re.fullmatch(r"(?:1[89]|20)\d\d", m.group(1))]


def _clean(authors: str) -> str:
    return re.sub(r"\s+", " ", authors.replace("*", "")).strip()


#: A design cue *after* a bracketed citation describes it only when it follows closely ("(Smith,
#: 2001), a randomised trial, ..."); a cue before it has no such limit ("In a qualitative study, ...
#: (Topor et al., 2006)"), and a narrative citation is the subject of its clause ("Smith (2001)
#: followed ... in a prospective cohort study"). Without the limit "... (Tew et al., 2006), no
#: assumptions were made ... such as randomised controlled trials" made Tew et al. 2006 an RCT.
AFTER_GAP = 40

#: "this review", "our study", "the present analysis": the citing text itself, not a cited study.
_SELF_REFERENCE = re.compile(r"\b(?:this|our|the present|the current)\s*$", re.IGNORECASE)
_SELF_START = re.compile(r"(?:this|our|the present|the current)\b", re.IGNORECASE)


def _self_reference(text: str, start: int, end: int) -> bool:
    """True when the cue names the citing text itself ("this review", "our study")."""
    return bool(_SELF_START.match(text, start, end) or _SELF_REFERENCE.search(text[max(0, start - 20):start]))


def cited_designs(sent_span_or_text: Span | str) -> list[dict]:
    """``[{citation_text, design, start, end}]`` for the citations in a sentence.

    ``start``/``end`` are the citation's character offsets: into the doc's text for a ``Span``,
    into the string otherwise. Citations without a design cue in their sentence are left out.
    """
    if isinstance(sent_span_or_text, Span):
        text, base = sent_span_or_text.text, sent_span_or_text.start_char
    else:
        text, base = str(sent_span_or_text), 0
    citations = sorted(find_citations(text) + numeric_citations(text), key=lambda c: c["start"])
    if not citations:
        return []
    cues = [c for c in _cited_rules().cues(_blank_nlp().make_doc(text))
            if c.status != "negated" and not _self_reference(text, c.start, c.end)]
    out = []
    for cit in citations:
        best = None
        for cue in cues:
            lo, hi = (cue.end, cit["start"]) if cue.end <= cit["start"] else (cit["end"], cue.start)
            if any(lo <= other["start"] < hi for other in citations if other is not cit):
                continue  # another citation sits between this cue and this citation
            if cue.start >= cit["end"] and cue.start - cit["end"] > AFTER_GAP and not cit.get("narrative"):
                continue  # a cue well after a bracketed citation describes something else in the sentence
            distance = max(0, hi - lo)
            if best is None or distance < best[0]:
                best = (distance, cue)
        if best is not None:
            out.append({"citation_text": cit["text"], "design": best[1].label,
                        "start": base + cit["start"], "end": base + cit["end"]})
    return out
