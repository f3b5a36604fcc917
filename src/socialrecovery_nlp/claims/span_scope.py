"""Where a tagged span no relation took may not borrow a neighbouring predicate (:mod:`.tagged_relations`).

The span tagger marks factors and outcomes anywhere in a sentence; a span no rule relation took is read with the
nearest predicate. That is wrong when the two stand in different clauses ("X reduced Y; however, [stigma] did not
change", "X predicted Y, whereas [Z] ..."), when the span is a comparator or a covariate ("reduced Y versus [usual
care]", "associated with Y regardless of [gender]") and when it lies in a citation ("(World Health
[Organization], 2019)").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

#: Words (and ";") that open another clause between a span and a predicate (a ";" between list items is none,
#: :func:`list_separator`).
CLAUSE_BREAKS = frozenset([";", "whereas", "although", "though", "however", "while", "whilst", "yet", "nevertheless",
                           "nonetheless", "conversely", "meanwhile"])
#: What stands right before a comparator or a covariate (determiners may follow).
_LEADS_ONE = frozenset(["versus", "vs", "than"])
_LEADS_TWO = frozenset([("compared", "with"), ("compared", "to"), ("relative", "to"), ("regardless", "of"),
                        ("irrespective", "of"), ("independent", "of"), ("independently", "of"), ("adjusted", "for"),
                        ("adjusting", "for"), ("controlling", "for"), ("controlled", "for"), ("accounting", "for"),
                        ("comparison", "with"), ("comparison", "to")])
_DETERMINERS = frozenset(["the", "a", "an", "those", "these", "their", "its"])


def _lead(doc: Doc, start: int) -> list[str]:
    k = start
    while k > 0 and doc[k - 1].lower_ in _DETERMINERS:
        k -= 1
    return [t.lower_.rstrip(".") for t in doc[max(0, k - 2):k]]


def compared_or_covariate(doc: Doc, span: tuple[int, int]) -> bool:
    """Is the token range ``span`` the object of a comparison ("versus [usual care]", "than [controls]") or of a
    covariate phrase ("regardless of [gender]", "adjusted for [age] and [income]")?"""
    if covariate(doc, span):
        return True
    for k in range(span[0], max(-1, span[0] - 12), -1):  # "adjusting for age and [income]": back over conjuncts
        if k < span[0] and doc[k].pos_ not in _CONJUNCT_POS and doc[k].lower_ not in ("and", "or", ","):
            return False
        if _leads(_lead(doc, k)):
            return True
    return False


_BE = frozenset(["was", "were", "is", "are", "been", "being", "be"])


def covariate(doc: Doc, span: tuple[int, int]) -> bool:
    """Is ``span`` plainly a comparator or a covariate, whatever predicate reads it: right after its lead ("than
    [controls]", "adjusted for [age]"), holding its lead ("[adjusting for confounders]"), or the subject of a
    passive lead ("when [age] and job demands were controlled for")? (review-18: such spans had become factors.)"""
    words = [t.lower_ for t in doc[span[0]:min(span[1], span[0] + 3)]]
    if words[:1] in (["after"], ["when"]):
        words = words[1:]
    if tuple(words[:2]) in _LEADS_TWO or _leads(_lead(doc, span[0])):
        return True
    if span[1] < len(doc) and (doc[span[1] - 1].lower_, doc[span[1]].lower_) in _LEADS_TWO:
        return True  # the lead alone: "[Controlling] for symptoms, X predicted Y" (review-19)
    k = span[1]
    while k < min(len(doc), span[1] + 8) and (doc[k].pos_ in _CONJUNCT_POS or doc[k].lower_ in ("and", "or", ",")):
        k += 1  # over the rest of a coordination: "[age] and job demands were controlled for"
    after = [t.lower_ for t in doc[k:k + 3]]
    return bool(after) and after[0] in _BE and tuple(after[1:3]) in _LEADS_TWO


_CONJUNCT_POS = frozenset(["NOUN", "PROPN", "ADJ", "NUM", "DET"])


def _leads(lead: list[str]) -> bool:
    if not lead:
        return False
    if lead[-1] in _LEADS_ONE or tuple(lead[-2:]) in _LEADS_TWO:
        return True
    return len(lead) == 2 and lead[0] in _LEADS_ONE and lead[1] in ("in", "among", "with", "for", "on")  # "than in"


_LABEL = re.compile(r"^(?:[a-h]|[ivx]{1,4}|\d{1,2})$")
_FINITE = frozenset(["VBD", "VBZ", "VBP", "MD"])


def _depths(doc: Doc) -> list[int]:
    """Bracket depth before each token."""
    depths, depth = [], 0
    for token in doc:
        depths.append(depth)
        depth += token.text in ("(", "[") and 1 or token.text in (")", "]") and -1 or 0
    return depths


def _item(doc: Doc, span: tuple[int, int], depths: list[int]) -> tuple[int, int]:
    """The list item holding ``span``: from after the ":" or ";" before it to the next ";" (bracket depth 0), without
    a leading enumeration label ("1)", "(b)") or "and" / "or"."""
    start = next((j + 1 for j in range(span[0] - 1, -1, -1) if doc[j].text in (":", ";") and depths[j] <= 0), 0)
    end = next((j for j in range(span[1], len(doc)) if doc[j].text == ";" and depths[j] <= 0), len(doc))
    while start < end and (doc[start].lower_ in ("and", "or", "(", ")") or _LABEL.match(doc[start].lower_) and
                           start + 1 < end and doc[start + 1].text == ")"):
        start += 1
    return start, end


def list_separator(doc: Doc, k: int, span: tuple[int, int]) -> bool:
    """Is the ";" at token ``k`` a separator of list items rather than a clause break? Items of a list after a colon
    that ends a clause ("Four factors propel this cycle: [the belief that …]; [the expectation that …]; and the
    effects of [C]"), where the item holding ``span`` is a noun phrase: no finite verb of its own (a clause,
    "hyperlipidemia screening increased"), no numbers (statistics after "95% CI:"). A heading colon ("RESULTS:")
    opens no list."""
    depths = _depths(doc)
    colon = next((j for j in range(min(k, span[0]) - 1, -1, -1) if doc[j].text == ":" and depths[j] <= 0), None)
    if colon is None or not any(t.pos_ in ("VERB", "AUX") for t in doc[:colon]):
        return False
    start, end = _item(doc, span, depths)
    item = doc[start:end]
    if not len(item) or any(any(ch.isdigit() for ch in t.text) or t.text == "%" for t in item):
        return False
    roots = [t for t in item if not start <= t.head.i < end or t.head.i == t.i]
    return not any(t.tag_ in _FINITE for t in roots)


def detached(doc: Doc, span: tuple[int, int], trigger: tuple[int, int], skip: list[tuple[int, int]] = ()) -> bool:
    """May the tagged ``span`` not be read with the predicate at ``trigger`` (token ranges of ``doc``)? ``skip``:
    character ranges of citations."""
    lo, hi = (span[1], trigger[0]) if span[1] <= trigger[0] else (trigger[1], span[0])
    depth = 0
    for k in range(lo, hi):  # "(beta = -0.18; p = 0.023)": a break inside brackets is no clause break
        text = doc[k].text
        depth += text in ("(", "[") and 1 or text in (")", "]") and -1 or 0
        if depth <= 0 and doc[k].lower_ in CLAUSE_BREAKS and not (text == ";" and list_separator(doc, k, span)):
            return True
    if compared_or_covariate(doc, span):
        return True
    return any(a <= doc[k].idx < b for k in range(span[0], span[1]) for a, b in skip)


_PREMODIFIER_DEPS = frozenset(["amod", "compound", "nmod", "poss"])


def _premodifies(doc: Doc, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Is range ``a`` only a premodifier of range ``b`` right after it ("[therapeutic] [alliance]")?"""
    if a[1] != b[0]:
        return False
    last = doc[a[1] - 1]
    return last.dep_ in _PREMODIFIER_DEPS and b[0] <= last.head.i < b[1] and \
        all(a[0] <= t.head.i < b[1] and t.head.i != t.i for t in doc[a[0]:a[1]])


def joined_modifiers(doc: Doc, factors: list[tuple[int, int]], outcomes: list[tuple[int, int]],
                     parsed: list[tuple[int, int]] = ()) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The tagged spans with a span of one role that only premodifies an adjacent span of the other role joined
    to it: "no change in [therapeutic]_outcome [alliance]_factor" is one factor "therapeutic alliance", not a
    relation "alliance → therapeutic" (one noun phrase the tagger split between the roles; round 6). A phrase
    inside a ``parsed`` span (the rule relations' factors and outcomes) is left to the parse, which knows its
    role ("[Peer] [support] improved hope")."""
    factors, outcomes = list(factors), list(outcomes)
    for mods, heads in ((factors, outcomes), (outcomes, factors)):
        for a in list(mods):
            b = next((h for h in heads if _premodifies(doc, a, h)
                      and not any(p[0] <= a[0] and h[1] <= p[1] for p in parsed)), None)
            if b is not None:
                mods.remove(a)
                heads[heads.index(b)] = (a[0], b[1])
    return factors, outcomes


#: People nouns: a span that names only people is the population a relation acts on, not its outcome.
_PEOPLE_NOUNS = frozenset(["people", "person", "persons", "participants", "users", "patients", "clients",
                           "individuals", "men", "women", "children", "adults", "adolescents", "students",
                           "respondents", "subjects", "consumers", "residents", "members", "veterans", "youth",
                           "them", "us", "others"])
#: Words that may stand before the people noun in such a span: "many participants", "service users".
_PEOPLE_LEADS = frozenset(["the", "a", "these", "those", "their", "our", "some", "many", "most", "all", "several",
                           "few", "both", "other", "service", "mental", "health", "older", "younger", "young"])


def people_only(doc: Doc, span: tuple[int, int]) -> bool:
    """Does the range ``span`` of ``doc`` name only people ("[service users]", "[many participants]")? Such a tagged
    span is who a relation acts on ("helped [service users] to regain hope", "undermined recovery for [many
    participants]"), never an outcome of its own; a restricted group ("people with psychosis") is left alone."""
    words = [doc[k].lower_ for k in range(*span)]
    return bool(words) and words[-1] in _PEOPLE_NOUNS and all(w in _PEOPLE_LEADS for w in words[:-1])
