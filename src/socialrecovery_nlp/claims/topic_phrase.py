"""A noun phrase that names a topic asserts no relation: "Effects of modafinil on sustained attention",
"The role of stimulants in the treatment of ADHD", "Predictors of benzodiazepine discontinuation",
"Home training in frail old people: effect on quality of life", "[Effects of X on Y]" (a translated title).

Most titles are such phrases, and the claims component reads a record's title as its first sentence unit;
claims@0.12.0 took 5 of 26 titles it called claims in the title development sample t1 from them
(``annotations/claims_titles_t1.jsonl``, guideline section "Titles"). A unit is a topic phrase when a part of it
(the whole unit, or a part after a colon) opens with a topic head ("effect(s) of / on", "role of", "impact of",
"influence of", "predictors / determinants / correlates of", "risk factors for / of", "factors associated with /
related to / influencing / affecting", "association(s) between / of / with", "relationship(s) / relation(s) /
link(s) between") and the unit has no finite verb outside a relative or subordinate clause and states no finding as
a noun phrase (:mod:`.nominal_finding`). A phrase
that states a result keeps its claim: "Beneficial effects of X on Y", "Minimal effects of X" (an adjective opens
it), "Effects of X on Y: X lowers Y" (a finite verb).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .nominal_finding import nominal_finding

_HEAD = re.compile(
    r"(?:^[\[(\"'\s]*|:\s*)(?:the\s+|a\s+|an\s+)?(?:(?:possible|potential|differential|comparative|relative|long-term|short-term|"
    r"acute|chronic|independent|combined|separate|joint|direct|indirect|unique|additive|interactive)\s+)?(?:effects?\s+(?:of|on)|role\s+of|impacts?\s+(?:of|on)|influences?\s+(?:of|on)|predictors?\s+of|determinants?\s+of|"
    r"correlates?\s+of|risk\s+factors?\s+(?:of|for)|factors\s+(?:associated\s+with|related\s+to|influencing|affecting)|"
    r"associations?\s+(?:between|of|with)|relationships?\s+between|relations?\s+between|links?\s+between)\b",
    re.IGNORECASE)
_FINITE = frozenset(["VBD", "VBZ", "VBP", "MD"])
_RELATIVE = frozenset(["WDT", "WP", "WP$", "WRB"])


def topic_phrase(doc: Doc) -> bool:
    """Whether the parsed unit ``doc`` is a topic phrase (see the module doc)."""
    if not _HEAD.search(doc.text):
        return False
    if nominal_finding(doc) is not None:  # "Enhanced memory following exercise: the role of BDNF" states a result
        return False
    return not any(_finite(t) and not _introduced(t) for t in doc[:_before_design_subtitle(doc)])


#: A title's subtitle that only names the design ("randomised controlled study", "a pilot trial"); its verb-like
#: words ("randomised" tagged as a past tense) make no sentence of the title (agent:review-21)
_DESIGN_SUBTITLE = re.compile(
    r"^\s*(?:an?\s+|the\s+)?(?:(?:pragmatic|cluster|multi-?cent(?:re|er)|multi-?site|single-?blind|double-?blind|"
    r"open-?label|pilot|feasibility|exploratory|prospective|retrospective|longitudinal|naturalistic|randomi[sz]ed|"
    r"controlled|non-?randomi[sz]ed|quasi-?experimental|comparative|cross-?sectional|population-?based|"
    r"qualitative|mixed-?methods?|national|follow-?up|placebo-?controlled|,|and)\s*)*"
    r"(?:study|studies|trial|trials|rct|evaluation|analysis|review|meta-?analysis|survey|report|experiment|"
    r"investigation|cohort\s+study|case\s+series)\s*[.\s]*$", re.IGNORECASE)


def _before_design_subtitle(doc: Doc) -> int:
    """The token index where a final ": <design>" subtitle starts, else the length of ``doc``."""
    colon = next((t.i for t in reversed(doc) if t.text == ":"), None)
    if colon is not None and _DESIGN_SUBTITLE.match(doc[colon + 1:].text):
        return colon
    return len(doc)


def _finite(token) -> bool:
    """A finite verb, or a past form with a subject of its own that the tagger read as a participle ("exercise
    [reduced] symptoms" tagged VBN)."""
    return token.tag_ in _FINITE or (token.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in token.children))


def _introduced(token) -> bool:
    """Whether the finite verb ``token`` heads a clause opened by a relative word or a subordinator ("patients
    [who] harm themselves", "[while] being treated", "adults [who] were depressed"): such a clause does not make the
    unit a sentence."""
    verb = token.head if token.dep_ in ("aux", "auxpass") else token
    return verb.dep_ == "relcl" or any(c.tag_ in _RELATIVE or c.dep_ == "mark" for c in (*verb.children, *token.children))
