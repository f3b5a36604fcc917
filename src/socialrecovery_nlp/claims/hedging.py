"""Hedge, negation and contrast cues in a claim sentence, and the claim's strength.

Strength follows Yu, Li & Wang (2019): an association without a causal verb is
``correlational``; a causal relation is ``causal``, or ``conditional_causal`` when hedged
("may reduce", "can result in", "suggest that ... improved").
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon as lx

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


@lru_cache(maxsize=16)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern:
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![a-z])(?:{alternation})(?![a-z])")


def _find_phrase(text: str, phrases) -> tuple[str, int] | None:
    match = _pattern(tuple(phrases)).search(text.lower())
    if not match:
        return None
    return text[match.start():match.end()], match.start()


_WORDS_BEFORE = re.compile(r"[\w.,-]+")


def _compared_likelihood(text: str, match: re.Match) -> bool:
    """Is the cue "likely" a comparison of groups, not a hedge: "more / less likely to", or a multiplied "twice / four
    times as likely to" (:func:`.lexicon.likelihood_multiplier`; round 10)?"""
    if match.group().lower() != "likely":
        return False
    before = [w.lower().strip(".,") for w in _WORDS_BEFORE.findall(text[max(0, match.start() - 40):match.start()])]
    if before and before[-1] in ("more", "less"):
        return True
    return len(before) > 1 and before[-1] == "as" and lx.likelihood_multiplier(before[:-1]) is not None


#: "May" the month: capitalised inside a sentence ("In May 2019", "on 3 May"), or before a day or a year
_MONTH_AFTER = re.compile(r"\s+(?:\d{1,4}\b|to\s+[A-Z][a-z]+|and\s+[A-Z][a-z]+)")


def _month(text: str, match: re.Match) -> bool:
    if match.group() != "May":
        return False
    return match.start() > 0 and text[:match.start()].strip() != "" or bool(_MONTH_AFTER.match(text, match.end()))


_HEDGES = lx.HEDGE_WORDS | lx.RULE_HEDGE_WORDS
_AUXILIARIES = frozenset(["is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "has", "have", "had",
                          "not", "can", "could", "may", "might", "will", "would", "should", "must", "to"])
_NEXT_WORD = re.compile(r"\W*([A-Za-z'-]+)")
_LAST_WORD = re.compile(r"([A-Za-z'-]+)\W*$")


def _adverb_of_a_verb(text: str, match: re.Match) -> bool:
    """Does a hedge adverb of :data:`.lexicon.RULE_HEDGE_WORDS` modify a verb, not an adjective or a noun ("Adults
    [apparently] do not ...", "was [presumably] reduced"; not "an [apparently] infrequent cause", "such [apparently]
    different institutions"; agent:review-32)? Read from the words beside it: an auxiliary before or after, or a verb
    form (-ed, -s, -ing) after."""
    before = _LAST_WORD.search(text, 0, match.start())
    after = _NEXT_WORD.match(text, match.end())
    if before is not None and before.group(1).lower() in _AUXILIARIES:
        return True
    if after is None:
        return False
    word = after.group(1).lower()
    return word in _AUXILIARIES or word.endswith(("ed", "ing")) or (word.endswith("s") and not word.endswith("ss"))


def hedge_cue(text: str) -> str | None:
    """The first hedge cue in ``text`` ("may", "would seem", "suggest", ...), or ``None``."""
    phrase = _find_phrase(text, lx.HEDGE_PHRASES)
    word = next(((m.group(), m.start()) for m in _TOKEN.finditer(text) if m.group().lower() in _HEDGES
                 and not _compared_likelihood(text, m) and not _month(text, m)
                 and (m.group().lower() in lx.HEDGE_WORDS or _adverb_of_a_verb(text, m))), None)
    candidates = [c for c in (phrase, word) if c]
    return min(candidates, key=lambda c: c[1])[0] if candidates else None


#: Cues of no effect besides :data:`.lexicon.NEGATION_PHRASES` (agent:claims-14): equivalence ("were
#: equivalent", "as effective as", "non-inferior"), a null or negligible effect ("had little effect", "a negligible
#: effect", "ineffective") and weak evidence ("insufficient evidence").
NO_EFFECT_PHRASES = ("equivalent", "as effective as", "as efficacious as", "equally effective", "equally efficacious",
                     "no better than", "not superior", "noninferior", "non-inferior", "little effect",
                     "little or no effect", "little impact", "negligible effect", "negligible impact", "ineffective",
                     "insignificant", "unaffected",
                     # round 7 (agent:review-26): "have only little influence on Y", "offers little promise"
                     "little influence", "little promise",
                     "did not differ", "limited evidence", "insufficient evidence", "lack of evidence", "inconclusive")


#: "[X] was (just) as effective (as Z)", "and equally effective": equivalence ending at the trigger (not "twice
#: as effective")
_AS_EFFECTIVE = re.compile(r"(?i)\b(?:is|are|was|were|be|been|and|proved|appeared)\s+(?:just\s+)?as\s+"
                           r"(?:effective|efficacious)\b")


#: "[X and Y] were similarly effective": an equivalence of treatments; "[X] was similarly effective in men and women"
#: (one treatment, effective across groups) is not one (review-14)
_SIMILARLY_EFFECTIVE = re.compile(r"(?i)\b(?:were|are)\s+(?:similarly|comparably)\s+(?:effective|efficacious)\b")


#: "equivalent to 10 mg": a conversion of amounts, not an equivalence of effects
_EQUIVALENT_AMOUNT = re.compile(r"(?i)\bequivalent\s+to\s+(?:a|an|about|approximately|around)?\s*[\d.]")


#: an upper-case word is an abbreviation, not a negation: "NOR" (novel object recognition), "NO" (nitric oxide)
_ACRONYM = re.compile(r"[A-Z]{2,}")


#: "not only / not just X (but also Y)": an addition, not a denial ("was [not only] due to", "does [not just] reduce")
_NOT_ONLY = re.compile(r"(?i)\bnot\s+(?:only|just|merely|simply|solely)\b")


def negation_cue(text: str) -> str | None:
    """The first negation cue ("did not", "little evidence", "not always", ...), or ``None``."""
    text = _NOT_ONLY.sub(lambda m: " " * len(m.group()), text)  # "was not only due to X": no denial
    phrase = _find_phrase(text, lx.NEGATION_PHRASES) or _find_phrase(_EQUIVALENT_AMOUNT.sub(" ", text),
                                                                        NO_EFFECT_PHRASES)
    if phrase:
        return phrase[0]
    match = _AS_EFFECTIVE.search(text) or _SIMILARLY_EFFECTIVE.search(text)
    if match:
        return match.group()
    mixed_case = any(c.islower() for c in text)  # an all-caps title keeps its "NEITHER ... NOR"
    for match in _TOKEN.finditer(text):
        if match.group().lower() in lx.NEGATION_WORDS and not (mixed_case and _ACRONYM.fullmatch(match.group())):
            following = text[match.end():match.end() + 6].lower()
            if following.startswith((" just", " only", " least")):  # "not just X but also Y"
                continue
            return match.group()
    return None


#: words that may stand between "without" and the predicate it denies ("without significantly increasing",
#: "without [any] negative effects on")
_WITHOUT_GAP = frozenset(["significantly", "substantially", "markedly", "appreciably", "noticeably", "measurably",
                          "further", "also", "necessarily", "adversely", "negatively", "clinically", "statistically",
                          "meaningfully", "greatly", "really", "ever", "a", "an", "any", "negative", "adverse",
                          "positive", "harmful", "detrimental", "deleterious", "significant", "major", "serious",
                          "measurable", "beneficial", "unwanted", "undesirable", "noticeable", "appreciable",
                          "marked", "relevant", "important", "meaningful", "substantial", "clinical", "therapeutic",
                          "obvious", "apparent", "detectable", "demonstrable", "discernible", "much", "and", "or",
                          # review-14: "without a corresponding increase in Y", "without having any effect"
                          "corresponding", "accompanying", "concomitant", "associated", "additional", "parallel",
                          "simultaneous", "subsequent", "consequent", "having", "causing", "producing", "leading",
                          "resulting", "similar", "comparable", "equivalent", "concurrent"])
_WITHOUT = re.compile(r"(?i)\bwithout\b")


def relation_negation_cue(window: str, trigger_length: int) -> str | None:
    """:func:`negation_cue` of a relation's cue window, which ends with its trigger (``trigger_length``
    characters). "without" denies the relation only when it governs the trigger ("without [significantly]
    increasing Y"); elsewhere it belongs to another phrase ("facilitate X without requiring visits, increase Y",
    "results without the risks associated with ...") and is not read as a cue."""
    trigger_start = len(window) - trigger_length
    for match in reversed(list(_WITHOUT.finditer(window))):
        between = re.findall(r"[A-Za-z]+", window[match.end():max(match.end(), trigger_start)])
        if match.end() > trigger_start or not all(w.lower() in _WITHOUT_GAP for w in between):
            window = window[:match.start()] + " " * (match.end() - match.start()) + window[match.end():]
    return negation_cue(window)


_MIXED = ("or hinder", "or inhibit", "or impede", "hold back others", "benefit some", "not all",
          # round 7 (agent:review-26): "can influence decisions for better or worse"
          "for better or worse", "for better or for worse", "for good or ill", "for good or bad")


_P_VALUE = re.compile(r"\bp\s*(=|>|≥|<|≤|<=|>=)\s*(0?\.\d+|1\.0+|1)\b", re.IGNORECASE)
#: "p = NS", "(NS)", "(ns)": a difference reported as not significant without a value (agent:claims-14)
_P_NS = re.compile(r"\b[pP]\s*[=:]\s*(?:NS|ns|n\.s\.)(?![A-Za-z])|\((?:NS|ns|n\.s\.)\)")

#: Cues after the predicate besides :data:`.lexicon.POST_NEGATION_PHRASES` (agent:claims-14): "the changes
#: ... were negligible", "... appear unaffected", "... did not achieve statistical significance".
POST_NO_EFFECT_PHRASES = ("negligible", "unaffected", "did not reach", "did not achieve", "failed to reach",
                          "failed to achieve", "insignificant", "was equivalent", "were equivalent", "was comparable",
                          "were comparable")
#: "not (found to be / statistically) significant", a few words apart
_NOT_SIGNIFICANT = re.compile(r"(?i)\bnot(?!\s+(?:only|just)\b)(?:\W+\w+){0,4}?\W+significant(?:ly)?\b")
#: "[X] affected neither [A] nor [B]": the predicate is denied right after it
_NEITHER_AFTER = re.compile(r"(?i)^\W*(?:\w+\W+)?neither\b")


def post_negation_cue(text: str) -> str | None:
    """A cue after the predicate that denies it ("... but differences were not significant"), or
    reported p-values that are all >= 0.05 ("(p = 0.64)")."""
    found = _find_phrase(text, lx.POST_NEGATION_PHRASES) or _find_phrase(text, POST_NO_EFFECT_PHRASES)
    if found:
        return found[0]
    for pattern in (_NOT_SIGNIFICANT, _NEITHER_AFTER):
        match = pattern.search(text)
        if match:
            return match.group().strip()
    return nonsignificant_p(text)


def nonsignificant_p(text: str) -> str | None:
    """The first p-value if every p-value in ``text`` is reported as >= 0.05, else ``None``; with no p-value, a
    "p = NS" / "(NS)" mark."""
    values = list(_P_VALUE.finditer(text))
    if not values:
        ns = _P_NS.search(text)
        return ns.group() if ns else None
    for match in values:
        op, value = match.group(1), float(match.group(2))
        if op in ("<", "≤", "<=") or value < 0.05:
            return None
    return values[0].group(0)


#: "mixed effects / results / findings / evidence", not the statistical "(linear) mixed-effects model"
_MIXED_RESULTS = re.compile(r"\bmixed\s+(?:effects?|results?|findings?|evidence|outcomes?|impacts?)\b"
                            r"(?!(?:[\s-]+[\w-]+){0,3}?[\s-]+(?:models?|modelling|modeling|regressions?|"
                            r"meta-regressions?|analys[ie]s|logistic|linear|poisson|cox|approach|framework))")
_WERE_MIXED = re.compile(r"\b(?:were|was|are|is|remain|remains|remained|been)\s+(?:\w+\s+)?mixed\b(?![\s-]+\w)")
_STATISTICAL_MIXED = re.compile(r"\b(?:linear|generali[sz]ed|logistic|multilevel|hierarchical)\s+mixed\b")


def is_mixed(text: str) -> bool:
    """True when the text contrasts a helpful and an unhelpful effect ("for some but ... others") or says the
    effects were mixed ("had mixed effects on Y"; a mixed-effects model is a statistical method)."""
    lowered = text.lower()
    if _find_phrase(lowered, _MIXED):
        return True
    if (_MIXED_RESULTS.search(lowered) or _WERE_MIXED.search(lowered)) and not _STATISTICAL_MIXED.search(lowered):
        return True
    return bool(re.search(r"\b(for )?(some|many)\b.{0,120}\b(but|while|whereas)\b.{0,120}\b(others|some)\b", lowered)) or bool(
        re.search(r"\bfor many\b.{0,80}\bsome (may|might)\b", lowered))


def strength(kind: str, hedged: bool) -> str:
    """``correlational`` for associations, else ``conditional_causal`` when hedged, else ``causal``."""
    if kind == lx.ASSOCIATE:
        return "correlational"
    return "conditional_causal" if hedged else "causal"
