"""Rule-cue features for the classifier: what the rules found, as extra numeric columns.

Per design: counts of ``own`` strong cues, ``own`` weak cues, cues about ``other`` studies,
``negated`` cues and ``own`` cues in the title; plus the rule decision (1 confident, 0.5 not,
a last column for "no own cue"). Values are ``log1p`` counts, multiplied by ``cue_weight``
so that they sit on the scale of the TF-IDF columns. The bag of words cannot tell "we
randomised" from "previous RCTs"; these columns can.
"""

from __future__ import annotations

import numpy as np

from .labels import DESIGNS
from .rules import Cue, decide

PER_LABEL = 5
_INDEX = {label: i for i, label in enumerate(DESIGNS)}
N_FEATURES = len(DESIGNS) * PER_LABEL + len(DESIGNS) + 1


def cue_features(cue_lists: list[list[Cue]], cue_weight: float = 1.0) -> np.ndarray:
    """One row of :data:`N_FEATURES` columns per text's cue list."""
    out = np.zeros((len(cue_lists), N_FEATURES), dtype=np.float32)
    offset = len(DESIGNS) * PER_LABEL
    for row, cues in enumerate(cue_lists):
        v = out[row]
        for c in cues:
            j = _INDEX[c.label] * PER_LABEL
            if c.status == "own":
                v[j + (0 if c.strength == "strong" else 1)] += 1
                v[j + 4] += c.in_title
            else:
                v[j + (2 if c.status == "other" else 3)] += 1
        decision = decide(cues)
        if decision.label in _INDEX:
            v[offset + _INDEX[decision.label]] = 1.0 if decision.confident else 0.5
        else:
            v[offset + len(DESIGNS)] = 1.0
    return np.log1p(out) * np.float32(cue_weight)


# --- keyword columns (design@0.3.0): design-specific phrases the rules do not decide on ------------
#: ``name: phrases``; a phrase is a space-separated sequence of lower-cased word tokens, ``0``
#: stands for any number. They separate designs the bag of words confuses: follow-up and "years
#: later" for cohorts; healthy/matched controls and odds ratios for case-control; animal and
#: pre-post words for quasi-experiments; search and pooling words for reviews; case-report and
#: essay phrases. Hyphens split words ("follow-up" = "follow up").
KEYWORDS: dict[str, tuple[str, ...]] = {
    "followup": ("follow up", "follow ups", "followup", "followed up", "followed for", "followed over",
                 "followed until", "reassessed at", "reassessed after", "assessed at 0", "re assessed"),
    "later": ("years later", "year later", "months later", "weeks later", "subsequent", "subsequently",
              "later life", "later outcomes", "later development", "at age 0", "at ages"),
    "baseline_and": ("at baseline and", "baseline and 0", "baseline and follow", "baseline and post",
                     "from baseline", "baseline to 0", "baseline to follow", "baseline to end"),
    "prospective": ("prospective", "prospectively"),
    "retrospective": ("retrospective", "retrospectively", "chart review", "medical record", "medical records",
                      "case notes", "records were reviewed"),
    "longitudinal": ("longitudinal", "longitudinally", "over 0 years", "over a 0 year", "over the 0 year",
                     "during 0 years", "over two years", "over three years", "over five years"),
    "cohort": ("cohort", "cohorts", "birth cohort", "population based"),
    "registry": ("registry", "registries", "register", "database", "databases", "claims data",
                 "prescription event"),
    "risk": ("incidence", "hazard ratio", "hazard ratios", "risk of developing", "predicts", "predicted",
             "predictor", "predictors", "predictive"),
    "odds": ("odds ratio", "odds ratios"),
    "controls": tuple(f"{a} {b}" for a in ("healthy", "normal", "matched", "nonclinical", "psychiatric")
                      for b in ("control", "controls", "subjects", "volunteers", "comparison", "participants",
                                "women", "men", "girls", "boys", "children", "group", "individuals"))
    + ("age matched", "sex matched", "control subjects", "control participants", "control group of"),
    "vs_controls": ("compared with controls", "compared to controls", "compared with healthy",
                    "compared to healthy", "than controls", "than in controls", "and controls", "versus controls",
                    "vs controls", "and 0 controls", "and 0 healthy", "and 0 matched"),
    "case_control": ("case control", "cases and controls", "cases and 0 controls"),
    "survey": ("survey", "surveys", "surveyed", "questionnaire", "questionnaires", "respondents", "respondent",
               "response rate"),
    "one_time": ("cross sectional", "cross sectionally", "at one time", "single assessment", "single time point",
                 "single visit", "measured once"),
    "animal": ("rat", "rats", "mice", "mouse", "rodent", "rodents", "monkey", "monkeys", "macaques", "primates",
               "hamsters", "horses", "dogs", "animal", "animals", "wistar", "sprague"),
    "administered": ("administered", "administration", "injected", "injection", "injections", "infused",
                     "infusion", "lesion", "lesions", "lesioned", "sham", "vehicle", "knockout", "treated with"),
    "pre_post": ("pre post", "pre and post", "before and after", "preintervention", "pre intervention",
                 "postintervention", "post intervention", "pretest", "pre test", "posttest", "post test",
                 "historical controls", "historical control", "historic controls", "preimplementation",
                 "pre implementation", "postimplementation", "post implementation", "interrupted time series",
                 "uncontrolled", "single arm", "open label", "pilot", "before implementation",
                 "after implementation"),
    "intervention": ("intervention", "interventions", "program", "programme", "programs", "programmes",
                     "implemented", "implementation", "introduction of", "introduced"),
    "review": ("review", "reviews", "reviewed", "overview", "literature", "summarizes", "summarises",
               "summarize", "summarise"),
    "search": ("searched", "search of", "search in", "search was", "searches of", "medline", "pubmed", "embase",
               "psycinfo", "cinahl", "cochrane", "web of science", "scopus", "inclusion criteria",
               "eligible studies", "prisma", "data sources"),
    "pooled": ("pooled", "meta analysis", "meta analyses", "meta analytic", "metaanalysis", "effect size",
               "effect sizes", "heterogeneity", "random effects", "fixed effect", "fixed effects"),
    "case_report": ("case report", "case reports", "case series", "we report a", "we report an",
                    "we report the", "we describe a", "we describe the", "we present a", "we present the",
                    "0 year old", "0 month old", "a case of", "index case", "presented with"),
    "essay": ("we argue", "i argue", "argue", "argues", "commentary", "editorial", "perspective", "viewpoint",
              "debate", "ethics", "ethical")
    + tuple(f"this {a} {b}" for a in ("article", "paper", "essay", "chapter")
            for b in ("discusses", "examines", "considers", "describes", "proposes", "outlines", "presents",
                      "reviews", "focuses")),
    "guidance": ("guideline", "guidelines", "recommendation", "recommendations", "consensus", "statement",
                 "framework", "protocol"),
    "qualitative": ("interview", "interviews", "interviewed", "focus group", "focus groups", "thematic",
                    "thematically", "qualitative", "themes", "theme"),
    "stats": ("p 0", "p < 0", "p = 0", "p > 0", "95 ci", "confidence interval", "confidence intervals",
              "n = 0", "significant", "significantly"),
    "we_did": tuple(f"we {v}" for v in ("examined", "investigated", "assessed", "compared", "studied", "measured",
                                        "analyzed", "analysed", "recruited", "enrolled", "evaluated", "tested",
                                        "conducted", "collected", "surveyed", "interviewed")),
}
KEYWORD_NAMES: tuple[str, ...] = tuple(KEYWORDS)
N_KEYWORDS = len(KEYWORD_NAMES)
_TOKEN = None
_NUMBER = None
_FIRST: dict[str, list[tuple[tuple[str, ...], int]]] = {}


def _index() -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """``first word -> [(phrase tokens, keyword index)]``, longest phrases first; built once."""
    global _TOKEN, _NUMBER
    if not _FIRST:
        import re

        _TOKEN = re.compile(r"[a-z]+|0|[<=>]")
        _NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
        for k, name in enumerate(KEYWORD_NAMES):
            for phrase in KEYWORDS[name]:
                words = tuple(phrase.replace("<", " < ").replace("=", " = ").replace(">", " > ").split())
                _FIRST.setdefault(words[0], []).append((words, k))
        for entries in _FIRST.values():
            entries.sort(key=lambda e: -len(e[0]))
    return _FIRST


def keyword_counts(text: str) -> np.ndarray:
    """Counts of each keyword group in ``text``: lower-cased word tokens, numbers as ``0``,
    longest phrase first at each position, matches do not overlap within a group."""
    first = _index()
    words = _TOKEN.findall(_NUMBER.sub("0", text.lower()))
    out = np.zeros(N_KEYWORDS, dtype=np.float32)
    n = len(words)
    blocked = [0] * N_KEYWORDS  # next free position per group
    for i, w in enumerate(words):
        entries = first.get(w)
        if entries is None:
            continue
        for seq, k in entries:
            if i < blocked[k]:
                continue
            m = len(seq)
            if m == 1 or (i + m <= n and tuple(words[i:i + m]) == seq):
                out[k] += 1
                blocked[k] = i + m
    return out


def keyword_features(texts: list[str], weight: float = 1.0) -> np.ndarray:
    """``log1p`` keyword counts times ``weight``, one row per text."""
    if not texts:
        return np.zeros((0, N_KEYWORDS), dtype=np.float32)
    return np.log1p(np.vstack([keyword_counts(t) for t in texts])) * np.float32(weight)


# --- focus columns (design-6): the two largest confusions, cohort vs cross-sectional and ---------
# narrative review vs non-empirical, plus the numbers that primary studies report. General cues of
# the guideline (rules 4, 10, 11, 13), as regular expressions over the lower-cased text; numbers,
# p-values, percentages and "n =" are invisible to the word block (its tokens need two word chars).
_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty|thirty)"
FOCUS: dict[str, tuple[str, ...]] = {
    "followup_time": (
        rf"\bat {_NUM}(?:,? (?:and|or) {_NUM})*[- ](?:weeks?|months?|years?)\b",
        rf"\b{_NUM}[- ](?:weeks?|months?|years?)[- ](?:later|follow[- ]?ups?|prospective|longitudinal)\b",
        r"\bfollowed(?: up)? (?:for|over|until|through|into|to)\b",
        r"\bbaseline and (?:at )?(?:follow[- ]?ups?|\d+|one|two|three|six|twelve)\b",
        rf"\b(?:over|during|across) (?:a |the )?(?:period of )?{_NUM}[- ](?:years?|decades?)\b",
        r"\b(?:years?|months?|decades?) later\b", r"\b(?:waves?|sweeps?) (?:\d|one|two|three)\b",
        r"\bfollow[- ]?up (?:period|assessments?|interviews?|data|visits?|surveys?)\b",
        r"\bincident\b", r"\blongitudinal(?:ly)?\b", r"\bprospective(?:ly)?\b"),
    "one_time": (
        r"\bcross[- ]sectional(?:ly)?\b", r"\b(?:at )?(?:a )?(?:single|one) (?:time[- ]?point|occasion|assessment)\b",
        r"\bsurvey(?:s|ed)?\b", r"\bquestionnaires?\b", r"\brespondents?\b", r"\bprevalence\b",
        r"\bresponse rate\b"),
    "review_self": (
        r"\b(?:we|i|authors) (?:review|summari[sz]e|overview|synthesi[sz]e|appraise)\b",
        r"\bthis (?:review|overview|chapter|update)\b", r"\b(?:is|are|were) (?:briefly )?reviewed\b",
        (r"\breview(?:s|ed|ing)? (?:of )?(?:the )?(?:current |recent |existing |available |published )?"
         r"(?:literature|evidence|research|studies|findings|data)\b"),
        r"\b(?:recent|current) (?:advances|developments|evidence|findings|research|literature|knowledge)\b",
        r"\boverview\b", r"\bstate of the art\b", r"\bwe discuss (?:the )?(?:evidence|findings|studies|data)\b"),
    "argue": (
        r"\b(?:we|i) (?:argue|propose|contend|suggest that|call for|reflect|outline|advocate|question)\b",
        (r"\bthis (?:paper|article|essay|commentary|editorial|chapter) (?:argues|proposes|discusses|considers|"
         r"outlines|reflects|explores|examines|describes|presents|offers)\b"),
        r"\b(?:commentary|editorial|viewpoint|essay|debate|manifesto|position statement)\b",
        r"\b(?:policy|policies|ethic(?:s|al)|conceptual|theoretical|philosophical|normative)\b"),
    "numbers": (
        r"\bp ?[<=>\u2264\u2265] ?0?[.,]\d", r"\bn ?= ?\d", r"\d ?%", r"\b95 ?% ?(?:ci|confidence)",
        r"\b(?:odds|hazard|risk) ratios?\b", r"\bmean (?:age|score)\b", r"\b\d+[.,]\d+\b"),
}
FOCUS_NAMES: tuple[str, ...] = tuple(FOCUS)
_FOCUS_RE = None


def focus_counts(text: str) -> np.ndarray:
    """Matches of each :data:`FOCUS` group in ``text`` (lower-cased; one regex scan)."""
    global _FOCUS_RE
    if _FOCUS_RE is None:
        import re

        _FOCUS_RE = re.compile("|".join(f"(?P<{name}>{'|'.join(f'(?:{p})' for p in FOCUS[name])})"
                                        for name in FOCUS_NAMES))
    out = np.zeros(len(FOCUS_NAMES), dtype=np.float32)
    index = {name: i for i, name in enumerate(FOCUS_NAMES)}
    for m in _FOCUS_RE.finditer(text.lower()):
        out[index[m.lastgroup]] += 1
    return out


def focus_features(texts: list[str], weight: float = 1.0) -> np.ndarray:
    """``log1p`` focus counts times ``weight``, one row per text."""
    if not texts:
        return np.zeros((0, len(FOCUS_NAMES)), dtype=np.float32)
    return np.log1p(np.vstack([focus_counts(t) for t in texts])) * np.float32(weight)
