"""Relations of one sentence rebuilt around a tagger's factor and outcome spans.

The dependency rules (:mod:`.spans`) know the predicates (trigger, kind, negation, group results)
but miss or misplace many factors and outcomes; a sequence tagger (:mod:`.minilm_tagger`) finds
the spans but not the predicates. :func:`tagged_relations` joins the two:

1. every rule relation takes the tagged span of each role that overlaps its rule span most, else
   the tagged span nearest its trigger (on the rule span's side when it has one); a role the tagger
   left empty keeps the rule span; the rule spans are kept when the chosen tagged spans overlap each other or both
   lie in one rule span (:func:`_split_phrase`). A tagged outcome inside a wider rule outcome has its valence read
   from the wider one ("[risk of] cardiovascular events");
2. a tagged span no relation took becomes one more relation: a factor joins the relation whose
   trigger is nearest (same predicate, that relation's outcome), an outcome likewise. A span before a
   "benefit from" trigger names the beneficiary ("[families] would benefit from Y"): it takes no role in
   that relation (step 1) and makes no new one (step 2);
3. in a sentence without rule relations, each tagged factor is paired with the nearest tagged
   outcome (and each outcome left over with the nearest factor); the predicate is the lexicon
   trigger nearest the pair (or between them), so direction and strength still come from a trigger.

Spans are token ranges in the parsed sentence; no span returned overlaps its relation's trigger.
"""

from __future__ import annotations

from dataclasses import replace

from . import lexicon as lx
from .spans import Relation, Trigger

Span = tuple[int, int]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _gap(a: Span, b: Span) -> int:
    """Tokens between two ranges (0 when they touch or overlap)."""
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _side(span: Span, trigger: Span) -> int:
    return -1 if span[1] <= trigger[0] else 1 if span[0] >= trigger[1] else 0


def _choose(rule: Span | None, trigger: Span, tagged: list[Span]) -> Span | None:
    usable = [s for s in tagged if not _overlap(s, trigger)]
    if not usable:
        return rule
    if rule is not None:
        best = max(usable, key=lambda s: (_overlap(s, rule), -_gap(s, trigger)))
        if _overlap(best, rule):
            return best
        same_side = [s for s in usable if _side(s, trigger) == _side(rule, trigger)]
        usable = same_side or usable
    return min(usable, key=lambda s: (_gap(s, trigger), s[0]))


#: Longest rule span (tokens) read as one phrase the tagger split; longer rule spans are often whole clauses.
SHORT_PHRASE = 4


def _split_phrase(rel: Relation, factor: Span | None, outcome: Span | None) -> bool:
    """Whether the tagged spans chosen for a rule relation both lie in one rule span ("[Peer] [support] improved
    hope": tagged factor "Peer" and outcome "support" inside the parsed factor "Peer support"): the tagger split one
    phrase into two roles, and the parse's spans are kept (short rule spans only, with both roles parsed)."""
    if factor is None or outcome is None or rel.factor is None or rel.outcome is None:
        return False
    return any(rule[1] - rule[0] <= SHORT_PHRASE and _overlap(factor, rule) and _overlap(outcome, rule)
               for rule in (rel.factor, rel.outcome))


def _trigger_span(rel: Relation) -> Span:
    return rel.trigger.start, rel.trigger.end


def tagged_relations(relations: list[Relation], factors: list[Span], outcomes: list[Span],
                     triggers: list[Trigger], fragment=None, benefit_from: frozenset[int] = frozenset(),
                     detached=None, between=None, passive: frozenset[int] = frozenset(),
                     within_phrase=None, leftovers: bool = True) -> list[Relation]:
    """The sentence's relations with the tagger's ``factors`` and ``outcomes`` (token ranges).

    ``relations``: the rule relations; ``triggers``: the sentence's lexicon triggers (used only
    when there is no rule relation); ``fragment(a, b)``: is range ``b`` a piece of the phrase of
    range ``a`` (no relation of its own)? ``benefit_from``: start tokens of "benefit / gain / profit from"
    triggers, whose subject is the beneficiary; ``detached(span, trigger)``: may a span no relation took not be
    read with that trigger (another clause, a comparator, a covariate, a citation)? Without tagged spans the rule
    relations come back unchanged. A relation built for a span no relation took follows the relation it was
    copied from, or with a lexicon trigger no relation took that stands right before the span ("X reduced Y and
    [improved] Z"). Detached spans are paired among themselves when ``between(factors, outcomes)`` finds a trigger
    between a detached factor and a detached outcome ("[Loneliness] predicted [relapse], whereas X reduced Y", the
    first verb read as a modifier by the parser). ``passive`` and ``within_phrase``: see :func:`_leftovers`.
    ``leftovers=False`` (for a tagger whose spans are less sure: the distilled CNN tagger): a span no rule relation
    took makes no relation of its own; the rule relations take tagged spans as above and, without any rule
    relation, the tagged spans are still paired around the lexicon ``triggers``."""
    if not factors and not outcomes:
        return relations
    out: list[Relation] = []
    for rel in relations:
        t = _trigger_span(rel)
        if rel.construction:  # the construction's own spans (cause_connective)
            out.append(rel)
            continue
        # a tagged span inside another relation's parsed span of the same role is that relation's ("X predicted
        # [relapse], and Z predicted [global improvement]": Z's outcome is not "relapse"; review-18)
        own_factors, own_outcomes = (
            [s for s in tagged if not any(o is not rel and getattr(o, role) is not None and _overlap(s, getattr(o, role))
                                          and not (getattr(rel, role) is not None and _overlap(s, getattr(rel, role)))
                                          for o in relations)]
            for role, tagged in (("factor", factors), ("outcome", outcomes)))
        if rel.trigger.start in benefit_from:  # the beneficiary before "benefit from" is neither role
            factor = _choose(rel.factor, t, [f for f in own_factors if _side(f, t) > 0])
            outcome = _choose(rel.outcome, t, [o for o in own_outcomes if _side(o, t) > 0])
        else:
            factor = _choose(rel.factor, t, own_factors)
            outcome = _choose(rel.outcome, t, own_outcomes)
        factor, outcome = _unsplit(rel, factor, outcome, factors, outcomes)
        if rel.denied and rel.outcome is not None and not _overlap(outcome or rel.outcome, rel.outcome):
            outcome = rel.outcome  # "... but not [in CA3]": the denied conjunct keeps its own span
        if (factor is not None and outcome is not None and _overlap(factor, outcome)) or _split_phrase(rel, factor, outcome):
            factor, outcome = rel.factor, rel.outcome
        out.append(replace(rel, factor=factor, outcome=outcome, valence_span=_valence_span(rel, outcome, factor)))
    if not leftovers:
        return out if relations else _paired(factors, outcomes, triggers)
    if out:
        cut: dict[str, list[Span]] = {"factor": [], "outcome": []}
        extra = _leftovers(out, factors, outcomes, fragment, benefit_from, triggers, detached, cut, rule_spans=relations,
                           passive=passive, within_phrase=within_phrase)
        found = [r for i, rel in enumerate(out) for r in [rel] + [e for src, e in extra if src == i]]
        if between is not None and cut["factor"] and cut["outcome"]:
            found += [r for r in _paired(cut["factor"], cut["outcome"], between(cut["factor"], cut["outcome"]), strict=True)
                      if detached is None or not (detached(r.factor, _trigger_span(r)) or detached(r.outcome, _trigger_span(r)))]
        return found
    return _paired(factors, outcomes, triggers)


#: The longest parsed span (tokens) read as one phrase that the tagger split between the roles ("depression and
#: anxiety"); a longer parsed span often runs past its phrase, and the tagged spans are kept
_SPLIT_SPAN = 5


def _inside(span: Span | None, outer: Span | None) -> bool:
    return span is not None and outer is not None and outer[0] <= span[0] and span[1] <= outer[1]


def _unsplit(rel: Relation, factor: Span | None, outcome: Span | None, factors: list[Span], outcomes: list[Span]
             ) -> tuple[Span | None, Span | None]:
    """The rule span of a role back when the tagger split it between the roles: the chosen tagged span lies inside
    the parsed span, and so does a tagged span of the other role that the relation does not use ("X was related to
    [depression]_factor and [anxiety]_outcome": the outcome is "depression and anxiety"; agent:review-20)."""
    if _inside(outcome, rel.outcome) and outcome != rel.outcome and rel.outcome[1] - rel.outcome[0] <= _SPLIT_SPAN and any(
            _inside(f, rel.outcome) and f != factor for f in factors) and not _overlap(rel.outcome, factor or (0, 0)):
        outcome = rel.outcome
    if _inside(factor, rel.factor) and factor != rel.factor and rel.factor[1] - rel.factor[0] <= _SPLIT_SPAN and any(
            _inside(o, rel.factor) and o != outcome for o in outcomes) and not _overlap(rel.factor, outcome or (0, 0)):
        factor = rel.factor
    return factor, outcome


def _valence_span(rel: Relation, outcome: Span | None, factor: Span | None) -> Span | None:
    """Where to read a tagged outcome's valence: together with the rule outcome it overlaps, which keeps
    the wrapper the tagger leaves out ("[a failure to] undergo surgery", "[risk of] relapse"); never over
    the factor."""
    if outcome is None or rel.outcome is None or outcome == rel.outcome or not _overlap(outcome, rel.outcome):
        return None
    union = min(outcome[0], rel.outcome[0]), max(outcome[1], rel.outcome[1])
    return None if factor is not None and _overlap(union, factor) else union


def _leftovers(relations: list[Relation], factors: list[Span], outcomes: list[Span],
               fragment=None, benefit_from: frozenset[int] = frozenset(), triggers: list[Trigger] = (),
               detached=None, cut: dict | None = None, rule_spans: list[Relation] | None = None,
               passive: frozenset[int] = frozenset(), within_phrase=None) -> list[tuple[int, Relation]]:
    """``(index of the source relation, relation)``: one more relation per tagged span that no relation
    took in either role (and that is no fragment of a span one took), copied from the relation whose trigger is nearest
    among those whose parsed span of that role (``rule_spans``: the rule relations, one per relation) holds the span,
    else among all; its predicate is a trigger no relation took when one stands right before the span. A span
    ``detached`` from the predicate it would take gets no relation. ``passive``: start tokens of triggers that are passive
    participles followed by "by", whose agent, one word on, is read with them. ``within_phrase(a, b)``: does range ``b``
    continue the phrase of range ``a`` (a prepositional modifier); such a ``b`` inside the parsed span that holds the
    span a relation took is no relation of its own."""
    used = {r.trigger.start for r in relations}
    spare = [t for t in triggers if t.start not in used]
    extra: list[tuple[int, Relation]] = []
    for role, tagged in (("factor", factors), ("outcome", outcomes)):
        taken = [getattr(r, role) for r in relations if getattr(r, role) is not None]
        other_role = [r.outcome if role == "factor" else r.factor for r in relations if not r.construction]
        for span in tagged:
            if any(_overlap(span, s) or (fragment is not None and fragment(s, span)) for s in taken):
                continue
            if within_phrase is not None and rule_spans is not None and any(
                    _inside(span, getattr(rule, role)) and _inside(getattr(rel, role), getattr(rule, role))
                    and within_phrase(getattr(rel, role), span) for rel, rule in zip(relations, rule_spans)):
                continue  # "hinder [the widespread use of clozapine] in [the United States]": a modifier of the span the
                # relation took, inside the one parsed phrase (round 7, agent:review-26)
            if any(s is not None and _overlap(span, s) for s in other_role):
                continue  # a relation reads these words in the other role ("improved not only A but also [B]"); a
                # construction's wide spans ("due to [an enhancing effect on Y]") do not count
            free = [i for i, r in enumerate(relations) if not _overlap(span, _trigger_span(r)) and not r.construction]
            if not free:
                continue
            if rule_spans is not None:  # "associated with [A and B], but not with C": B is read with A's predicate,
                holders = [i for i in free if getattr(rule_spans[i], role) is not None  # not with the nearer
                           and _overlap(span, getattr(rule_spans[i], role)) == span[1] - span[0]]  # "with C" (review-18)
                free = holders or free
            i = min(free, key=lambda j: (_gap(span, _trigger_span(relations[j])), relations[j].trigger.start))
            near = relations[i]
            if near.trigger.start in benefit_from and _side(span, _trigger_span(near)) < 0:
                continue  # "[X] would benefit from Y": X is the beneficiary, neither factor nor outcome
            other = near.outcome if role == "factor" else near.factor
            if other is not None and _overlap(span, other):
                continue
            nearest = _gap(span, _trigger_span(near))
            # right before the span, or one word before a factor ("[were alleviated] by [clonidine]": a passive's agent;
            # round 7, agent:review-26: it had joined the denied "were not reduced by ketamine" before it)
            closer = [t for t in spare if (t.end == span[0] or (role == "factor" and t.end == span[0] - 1 and
                                                               t.start in passive))
                      and _gap(span, (t.start, t.end)) < nearest
                      and (other is None or not _overlap(other, (t.start, t.end)))]
            copy = replace(near, **{role: span}, valence_span=near.valence_span if role == "factor" else None)
            if closer and near.trigger.kind == lx.ASSOCIATE:
                closer = []  # "X predicted A and [reduced] B": "reduced B" is part of what X predicts
            if closer:  # "X reduced Y and [improved] Z": Z is read with the predicate right before it
                trig = min(closer, key=lambda t: (_gap(span, (t.start, t.end)), t.start))
                copy = replace(copy, trigger=trig, kind=trig.kind, mixed=False, group_result=False)
                subject = next((f for f in factors if role == "outcome" and 0 <= trig.start - f[1] <= 2
                                and f[0] > near.trigger.end), None) if role == "outcome" else None
                if subject is not None:  # "X may increase Y, whereas [Z] probably promotes [W]": W's predicate has
                    copy = replace(copy, factor=subject, valence_span=None)  # its own subject (agent:review-20)
            if detached is not None and detached(span, _trigger_span(copy)):
                if cut is not None:
                    cut[role].append(span)  # kept for pairing among detached spans
                continue
            extra.append((i, copy))
            taken.append(span)
    return extra


def _paired(factors: list[Span], outcomes: list[Span], triggers: list[Trigger], strict: bool = False) -> list[Relation]:
    """Relations from tagged spans alone: nearest factor-outcome pairs, each with a lexicon trigger (``strict``:
    only a trigger between the two spans)."""
    if not triggers:
        return []
    pairs: list[tuple[Span | None, Span | None]] = []
    for f in factors:
        pairs.append((f, min(outcomes, key=lambda o: (_gap(f, o), o[0])) if outcomes else None))
    used = {o for _, o in pairs if o is not None}
    for o in outcomes:
        if o not in used:
            pairs.append((min(factors, key=lambda f: (_gap(f, o), f[0])) if factors else None, o))
    out: list[Relation] = []
    for f, o in pairs:
        spans = [s for s in (f, o) if s is not None]
        lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
        free = [t for t in triggers if not any(_overlap((t.start, t.end), s) for s in spans)]
        if not free:
            continue
        inside = [t for t in free if lo <= t.start and t.end <= hi]
        if strict and (f is None or o is None or not inside):
            continue
        adjacent = [t for t in inside if o is not None and t.end == o[0]]
        if adjacent:  # "[F] reduced [A] and increased [B]": B's predicate is the one right before it
            trig = adjacent[0]
        else:
            trig = inside[0] if inside else min(free, key=lambda t: (_gap((t.start, t.end), (lo, hi)), t.start))
        out.append(Relation(trig, trig.kind, f, o))
    return out
