"""Sentence frames that state no claim, whatever relation words they contain.

A hypothesis, aim or research question announces what a study set out to test ("Hypothesis 2
was that ...", "This study aimed to examine whether ..."); a call for research or a statement of
method says what is not known or what was done. None of these asserts a relation, so such
sentences are dropped before parsing (:func:`non_claim_frame`). The patterns are general English
for scientific text; they were chosen from the guideline's non-claim kinds, not from test text.
"""

from __future__ import annotations

import re

_VERBS = r"(?:examine|investigate|assess|evaluate|explore|determine|test|compare|describe|identify|establish)"
_FRAMES = {
    "hypothesis": r"^(?:our|the|a|one|this|its|their)?\s*(?:\w+\s+)?hypothes[ie]s\b(?:\s+(?:\d+\w?|[ivx]+))?"
                  # review-20: "The hypothesis of this study was that ..."
                  r"(?:\s+(?:of|in|for)\s+(?:this|the|our|the\s+present|the\s+current)\s+(?:study|work|trial|research|experiment|paper))?"
                  r"\s*(?:was|were|is|are|stated|predicted|proposed)\b"
                  r"|\b(?:we|they|it\s+was|it\s+is)\s+(?:hypothesi[sz]ed?|predicted|expected)\s+that\b|\bwas\s+hypothesi[sz]ed\s+to\b"
                  r"|\b(?:has|have|had)\s+been\s+(?:proposed|postulated|speculated|hypothesi[sz]ed|theori[sz]ed)\s+(?:that|to)\b"
                  # "(Here) we tested the hypothesis that ...": the hypothesis under test, not a finding
                  r"|\b(?:we|they|this\s+study|the\s+(?:present|current)\s+study)\s+(?:\w+\s+)?(?:tested|test|tests|examined|"
                  r"addressed|evaluated|explored|investigated)\s+the\s+(?:\w+\s+)?hypothes[ie]s\s+that\b",
    "aim": r"^\W*(?:objectives?|aims?|purposes?|research\s+questions?)\s*[:.]"
           r"|^(?:the|our|this|a|an)?\s*(?:main|primary|overall|principal|specific|secondary|first|second)?\s*(?:aims?|objectives?|purposes?|goals?)\s+(?:of\s+(?:this|the|our|these)\s+\w+(?:\s+\w+)?\s+)?(?:was|were|is|are)\b"
           r"|^(?:this|the|our|the\s+present|the\s+current)\s+(?:study|paper|article|review|trial|analysis|research|project)\s+(?:aims?|aimed|seeks?|sought)\b"
           r"|^(?:to|we\s+aimed\s+to|we\s+sought\s+to|this\s+study\s+sought\s+to)\s+" + _VERBS + r"\b"
           r"|\b(?:was|is|were|are)\s+(?:designed|conducted|undertaken|performed)\s+to\s+" + _VERBS + r"\b"
           r"|^(?:we|this\s+study|the\s+study|this\s+paper|the\s+authors)\s+(?:\w+\s+)?" + _VERBS + r"(?:s|d|ed)?\s+whether\b",
    "question": r"^(?:\w+\s+){0,3}?(?:research\s+)?questions?\s+(?:was|were|is|are)\b|\?\W*$",
    "future_research": r"\brequires?d?\s+(?:further|more|additional)\s+(?:study|studies|research|investigation)\b|\bin\s+future\s+(?:research|studies)\s*\W*$"
                       r"|\b(?:will|would)\s+(?:also\s+)?be\s+(?:critical|important|necessary|useful|interesting|essential)\s+to\s+(?:determine|examine|investigate|test|establish|explore|assess)\b"
                       r"|\b(?:further|future|more|additional)\s+(?:research|studies|work|trials|investigations?)\s+(?:is\s+|are\s+)?(?:needed|required|warranted|necessary)\b"
                       r"|\bfuture\s+(?:research|studies|trials|work)\s+(?:should|could|might|may|will|would)\b"
                       r"|\b(?:less|little|limited|scant)\s+(?:\w+\s+)?research\s+(?:has|have|had)\s+(?:so\s+far\s+|yet\s+)?been\b",
    # what practitioners should / could do or the role they can play, and "it is important to <act>"
    # (guideline kind ``recommendation``); "it is important to note / recognise that ..." still asserts
    "recommendation": r"\bit\s+(?:is|was|will\s+be|would\s+be|remains|may\s+be|might\s+be)\s+(?:\w+\s+)?"
                      r"(?:important|necessary|essential|vital|crucial|critical|useful|helpful|advisable)\s+to\s+"
                      r"(?!note\b|recogni[sz]e\b|remember\b|emphasi[sz]e\b|stress\b|highlight\b|acknowledge\b|bear\b|point\b)[a-z]+"
                      # "it is imperative / essential that services (should) ...": a requirement, not a finding
                      r"|\bit\s+(?:is|was|will\s+be|would\s+be|remains|may\s+be|might\s+be)\s+(?:\w+\s+)?"
                      r"(?:imperative|essential|vital|crucial|critical|necessary|important|advisable|recommended|desirable)\s+that\b"
                      r"|(?:^|,\s*)(?:\w+\s+){0,2}(?:practitioner|clinician|social\s+worker|nurse|professional|physician|"
                      r"policy\s*maker|provider|therapist|doctor|GP)s?\s+(?:should|must|needs?\s+to|ought\s+to)\b"
                      r"|(?:^|,\s*)(?:\w+\s+){0,2}(?:practitioners|clinicians|social\s+workers|nurses|professionals|physicians|"
                      r"policy\s*makers|providers|therapists)\s+(?:can|could|should|must|need\s+to|ought\s+to|"
                      r"(?:have|has|(?:can|could|should|may|might)\s+play)\s+an?\s+(?:\w+\s+)?role)\b"
                      # "We recommend that ...", "The task force recommends X for ...": a recommendation as the main verb
                      r"|^(?:we|the\s+authors|(?:the\s+)?(?:(?-i:[A-Z]{2,}[A-Za-z]*)\s+)?(?:task\s+force|(?:expert\s+)?panel|committee|working\s+group|"
                      r"guidelines?|guidance|consensus(?:\s+statement)?)|(?:the\s+)?(?-i:[A-Z]{2,}[A-Za-z]*))\s+"
                      r"(?:therefore\s+|strongly\s+|also\s+)?recommends?\b",
}
#: Markup and a leading section label ("<h3>Objective</h3>", "Results:", "Main results:") are
#: removed before matching.
_MARKUP = re.compile(r"<[^>]{0,40}>")
_LABEL = re.compile(r"^\W*(?:abstract\s+)?(?:background|introduction|objectives?|aims?|purposes?|methods?|results?|main\s+results|findings|"
                    r"conclusions?|discussion|interpretation|recommendations?)\s*[:.]?\s+(?=[A-Z])", re.IGNORECASE)
_RES = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _FRAMES.items()}


def non_claim_frame(text: str) -> str | None:
    """The name of the non-claim frame ``text`` is in (``hypothesis``, ``aim``, ``question``,
    ``future_research``, ``recommendation``, ``knowledge_gap``), or ``None``."""
    stripped = _LABEL.sub("", _MARKUP.sub(" ", text).strip(), count=1).strip()
    for name, pattern in _RES.items():
        match = pattern.search(stripped)
        if match and not (name in _CLAUSE_FRAMES and (_asserted_before(stripped, match.start())
                                                      or _asserted_after(stripped, match.end()))):
            return name
    return "knowledge_gap" if _gap_only(stripped) else None


#: What is not known: "Little is known about X", "the mechanisms remain unclear", "it is not known whether X
#: reduces Y", "the role of X is (relatively) less defined / poorly understood". A relation inside such a clause is not asserted (guideline kinds ``background`` and
#: ``future_research``); claims@0.12.0 took "little is known about the changes in caregivers' burden and its
#: determinants" as a claim (examples/batch.ris).
_GAP = re.compile(
    r"\b(?:little|less|not\s+much|nothing|relatively\s+little|very\s+little|much\s+less)\s+(?:is|was|has\s+been|remains|"
    r"have\s+been)\s+(?:yet\s+|so\s+far\s+|currently\s+)?(?:known|understood|documented|reported)\b"
    r"|\b(?:remains?|remained|is|are|was|were)\s+(?:still\s+|largely\s+|currently\s+|as\s+yet\s+|yet\s+|also\s+)?"
    r"(?:unclear|unknown|uncertain|unresolved|understudied|unexplored|under-researched|poorly\s+understood|"
    r"not\s+(?:yet\s+|well\s+|fully\s+|clearly\s+)?(?:known|understood|clear|established))\b"
    r"|\b(?:remains?|remained|is|are|was|were)\s+(?:still\s+|relatively\s+|largely\s+|currently\s+)?"
    r"(?:less|poorly|insufficiently|ill)[\s-]+(?:defined|understood|characteri[sz]ed|studied|established|researched|clear)\b"
    # round 7 (agent:review-26): "however, no studies have examined the effect of X on Y"
    r"|\b(?:no|few)\s+(?:previous\s+|prior\s+|published\s+|other\s+)?(?:studies|study|research|trials?)\s+(?:has|have|had)\s+"
    r"(?:yet\s+|so\s+far\s+|previously\s+|specifically\s+)?(?:examined|investigated|explored|assessed|addressed|"
    r"evaluated|studied|tested|considered)\b",
    re.IGNORECASE)
#: Where the clause of a gap ends and another clause (which may assert) begins: "X is involved in Y, but its
#: effects on Z are unknown", "Although X has been linked to Y, it remains unclear how".
_CLAUSE_BREAK = re.compile(r";|:|,?\s+(?:but|yet|whereas|although|though|while)\s+|,\s+and\s+|"
                           r",\s+(?:however|nevertheless),?\s+", re.IGNORECASE)
#: A relative word before the gap in its clause: the gap may sit in a relative clause ("patients whose status was
#: unknown", "family support, whose role remains unclear, predicted recovery"; review-13), which then ends at the
#: next comma, and the words before the relative word belong to another clause
_RELATIVE_BEFORE = re.compile(r"\b(?:whose|which|who|whom|where)\b(?=[^,;:]*$)", re.IGNORECASE)
_LEADING_CONCESSION = re.compile(r"^(?:although|though|while|whereas|despite|even\s+though)\b[^,;]*,", re.IGNORECASE)


#: "[information / knowledge / data] about how X affects Y is scarce": a gap named by what is missing (review-18)
_SCARCE = re.compile(r"\b(?:information|knowledge|data)\b[^.;:]{0,160}?\b(?:is|are|remains?|remained|was|were)\s+"
                     r"(?:still\s+|very\s+|relatively\s+|currently\s+|extremely\s+)?(?:scarce|lacking|sparse|scant|"
                     r"insufficient|limited)\b", re.IGNORECASE)
#: A relation asked about, not asserted: "(offers the potential) to examine [the extent to which X influences Y]"
#: A purpose infinitive after a method verb: what the study set out to find ("Mothers' patterns and children's
#: cortisol are being analysed [to identify maternal characteristics that may protect against Y]"; review-20)
_PURPOSE = re.compile(r"\b(?:analy[sz]ed|used|designed|conducted|performed|collected|developed|undertaken|carried\s+out|"
                      r"needed|required)\s+to\s+(?:identify|determine|examine|investigate|explore|assess|evaluate|test|"
                      r"establish|characteri[sz]e|clarify|elucidate|understand)\b", re.IGNORECASE)
_PURPOSE_END = re.compile(_CLAUSE_BREAK.pattern + r"|,|\b(?:showed|shows|show|found|finds|revealed|reveals|indicated|"
                          r"indicates|demonstrated|demonstrates|suggested|suggests|confirmed|confirms)\b", re.IGNORECASE)
#: A definition of a measure in an apposition or bracket: "response, [defined as a 20% or greater reduction in PANSS
#: scores]" states how the study counted an outcome, not a relation (round 7, agent:review-26)
_DEFINED = re.compile(r"[,(]\s*(?:(?:which|that)\s+(?:was|were|is|are)\s+)?(?:defined|operationali[sz]ed)\s+as\b",
                      re.IGNORECASE)
_DEFINED_END = re.compile(r"[,);]")
_EXAMINED = re.compile(r"\b(?:examine|investigate|assess|explore|determine|evaluate|establish|test)\s+"
                       r"(?:the\s+(?:extent|degree)\s+to\s+which|whether|how|if)\b", re.IGNORECASE)


def unasserted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` whose relations are asked about or said to be unknown, not asserted: the clause
    of "information about how X affects Y is scarce" up to the gap, and what follows "to examine the extent to which /
    whether / how" up to the next clause break (review-18)."""
    out = []
    for match in _SCARCE.finditer(text):
        start = max((b.end() for b in _CLAUSE_BREAK.finditer(text, 0, match.start())), default=0)
        out.append((start, match.end()))
    for match in _EXAMINED.finditer(text):
        after = _CLAUSE_BREAK.search(text, match.end())
        out.append((match.start(), after.start() if after is not None else len(text)))
    for match in _PURPOSE.finditer(text):  # up to the main clause's verb or a comma: "Interviews conducted [to
        after = _PURPOSE_END.search(text, match.end())  # explore experiences] showed that ..." (review-22)
        out.append((match.start(), after.start() if after is not None else len(text)))
    for match in _DEFINED.finditer(text):  # an apposition or bracket: up to its comma, bracket or semicolon (round 7;
        after = _DEFINED_END.search(text, match.end())  # "was defined as ... and predicted Y" asserts; agent:review-27)
        out.append((match.start(), after.start() if after is not None else len(text)))
    for match in _GAP.finditer(text):  # "; however, [the characteristics that best promote Y] remain largely
        out.append(_gap_clause(text, match))  # unexplored": the clause of a knowledge gap (agent:review-20)
    return out


def _gap_clause(text: str, match: re.Match) -> tuple[int, int]:
    """The character range of the clause that a knowledge-gap cue (``_GAP``) says is unknown: from the clause start
    to the next clause break, within a leading concession when the cue is in one ("Although little is known about
    X, [X predicts Y]" keeps the main clause)."""
    start = max((b.end() for b in _CLAUSE_BREAK.finditer(text, 0, match.start())), default=0)
    after = _CLAUSE_BREAK.search(text, match.end())
    end = after.start() if after is not None else len(text)
    relative = _RELATIVE_BEFORE.search(text, start, match.start())
    if relative is not None:  # "X, [whose role remains unclear], predicted Y": the relative clause only (review-22)
        start = relative.end()
        comma = text.find(",", match.end())
        end = min(end, comma) if comma >= 0 else end
    lead = _LEADING_CONCESSION.match(text)
    if lead is not None and lead.end() <= match.start():
        start = max(start, lead.end())
    elif lead is not None:
        end = min(end, lead.end())
    return start, end


def _gap_only(text: str) -> bool:
    """Whether ``text`` states a knowledge gap and no clause outside the gap holds a relation trigger (the
    gate's, which is broader than the detector's: "is involved in", "a role of")."""
    match = _GAP.search(text)
    if match is None:
        return False
    from .lexicon import TRIGGER_RE

    start = max((b.end() for b in _CLAUSE_BREAK.finditer(text, 0, match.start())), default=0)
    lead = _LEADING_CONCESSION.match(text)
    after = _CLAUSE_BREAK.search(text, match.end())
    end = after.start() if after is not None else len(text)
    relative = _RELATIVE_BEFORE.search(text, start, match.start())
    if relative is not None:
        start = relative.end()
        comma = text.find(",", match.end())
        end = min(end, comma) if comma >= 0 else end
    if lead is not None and lead.end() <= match.start():
        start = max(start, lead.end())
    elif lead is not None:  # "Although little is known about X, X predicts Y": the gap ends with the concession
        end = min(end, lead.end())
    rest = (text[:start] + " " + text[end:]).lower()
    return TRIGGER_RE.search(rest) is None


#: Where a clause that asserts on its own can follow a recommendation or a call for research: "doctors must
#: travel far, [which reduces] continuity of care", "it is essential that clinicians [recognise that] loneliness
#: increases relapse" (review of the claims@0.8.0 round).
_ASSERTING_CONTINUATION = re.compile(
    r",\s*which\b|;|,\s*and\s+(?:this|these|it|they|such)\b|,\s*and\s+(?:[\w-]+\s+){1,3}?(?:is|are|was|were|has|have)\b|"
    r"\bbecause\b|\bsince\b|,\s*as\b|"
    r"\b(?:recogni[sz]e|aware|understand|know|note|remember|acknowledge)\s+that\b", re.IGNORECASE)


def _asserted_after(text: str, end: int) -> bool:
    """A relation trigger (the detector's) after an asserting continuation that follows the frame at ``end``."""
    from .lexicon import DETECTOR_TRIGGER_RE

    cont = _ASSERTING_CONTINUATION.search(text, end)
    return cont is not None and DETECTOR_TRIGGER_RE.search(text[cont.end():].lower()) is not None


#: Frames that only cover their own clause: "X lowers Y; future research should ..." still asserts X -> Y.
_CLAUSE_FRAMES = frozenset(["future_research", "recommendation"])


def _asserted_before(text: str, start: int) -> bool:
    """A relation trigger in an independent clause (ended by ";") before the frame at ``start``
    (added for issue #5, agent:claims-6)."""
    from .lexicon import DETECTOR_TRIGGER_RE  # local import: lexicon is a sibling data module

    cut = text.rfind(";", 0, start)
    return cut > 0 and DETECTOR_TRIGGER_RE.search(text[:cut].lower()) is not None
