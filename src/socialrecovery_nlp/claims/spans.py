"""Relations in one sentence: trigger -> (factor span, outcome span) by dependency paths.

Works on a sentence parsed by an English pipeline with a dependency parser. Without a parser
(:func:`find_triggers` still works on any tokenised text) only triggers are found.

The paths, in short:

* **factor**: climb from the trigger through its heads to the first clause with a subject
  (``nsubj``, ``nsubjpass``, ``csubj``, an ``expl``-less ``attr`` copula); a passive trigger
  with a ``by``-agent takes the agent ("exacerbated by coercive service responses").
* **outcome**: walk down from the trigger through ``dobj``/``prep``/``pobj``/``pcomp``/
  ``xcomp`` to the first noun (skipping wrappers such as "the likelihood of"); an adjective
  trigger on a noun ("a critical factor in achieving recovery") walks from that noun; a
  passive trigger with an agent takes its subject. Nested triggers ("lead towards a reduction
  in symptoms") hand over to the innermost one.
* triggers inside relative clauses and noun modifiers describe the factor, not a claim, and
  are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from . import lexicon as lx

_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
_DOWN = ("dobj", "prep", "pobj", "pcomp", "xcomp", "attr", "acomp", "oprd", "dative", "ccomp", "advcl")
_NOUNS = ("NOUN", "PROPN", "PRON", "NUM", "X")
_STOP = {"(", "—", "–", ";", ":", "[", "-LRB-"}
_OPEN_QUOTES = {"‘", "“", "'", '"'}
_CLOSE_QUOTES = {"’", "”", "'", '"'}
_NOUN_HEADS_FOR_ADJ = frozenset(
    ["factor", "factors", "component", "components", "role", "contributor", "contributors", "ingredient", "ingredients", "effect", "effects", "way", "ways", "part", "lever", "levers", "predictor", "predictors"]
)
_RELATIVE = ("relcl", "acl")
_POPULATION = lx.PERSON_WORDS | frozenset({"those", "patients", "people", "adults", "children", "groups", "group"})
#: Forms of "be" and "include" (the parser pipeline runs without a lemmatizer, for speed).
_COPULAS = frozenset(["be", "is", "are", "was", "were", "am", "include", "includes", "included"])
_COMPLEMENT_NOUNS = frozenset(
    ["evidence", "finding", "findings", "fact", "suggestion", "view", "notion", "idea", "conclusion", "claim", "hypothesis", "indication", "sign", "signs", "proof"]
)
_INVERT = {lx.BENEFIT: lx.HARM, lx.HARM: lx.BENEFIT, lx.INCREASE: lx.DECREASE, lx.DECREASE: lx.INCREASE,
           lx.ASSOCIATE: lx.ASSOCIATE}


#: Trigger phrases grouped by length in words (longest first), and their first words.
_PHRASES_BY_SIZE: list[tuple[int, dict[tuple[str, ...], str]]] = sorted(
    ((n, {tuple(p.split()): p for p in lx.TRIGGER_PHRASES if len(p.split()) == n})
     for n in {len(p.split()) for p in lx.TRIGGER_PHRASES}), key=lambda item: -item[0])
_PHRASE_FIRST_WORDS = frozenset(p.split()[0] for p in lx.TRIGGER_PHRASES)


@dataclass
class Trigger:
    start: int  # token index (in the sentence doc)
    end: int
    kind: str
    head: int  # the token the dependency walks start from


@dataclass
class Relation:
    """One factor -> outcome relation; spans are token ranges in the sentence doc (or None)."""

    trigger: Trigger
    kind: str
    factor: tuple[int, int] | None
    outcome: tuple[int, int] | None
    mixed: bool = False


def find_triggers(doc: Doc | Span, skip: list[tuple[int, int]] = ()) -> list[Trigger]:
    """Relation triggers in token order; multi-word phrases first, no overlaps.

    ``skip``: character ranges (e.g. citations) whose tokens are never triggers.
    """
    tokens = list(doc)
    offset = tokens[0].i if tokens else 0
    lowered = [t.lower_ for t in tokens]
    found: list[Trigger] = []
    used: set[int] = {i for i, t in enumerate(tokens) if _skipped(t, skip)} if skip else set()
    for size, phrases in _PHRASES_BY_SIZE:  # longest phrases first
        for i in range(len(tokens) - size + 1):
            if lowered[i] not in _PHRASE_FIRST_WORDS:
                continue
            words = tuple(lowered[i:i + size])
            phrase = phrases.get(words)
            if phrase is not None and not used & set(range(i, i + size)):
                head = i + lx.PHRASE_HEADS[phrase] if phrase in lx.PHRASE_HEADS else (
                    i + 2 if words[0] in ("a", "as") and size > 2 else i)
                found.append(Trigger(offset + i, offset + i + size, lx.TRIGGER_PHRASES[phrase], offset + head))
                used.update(range(i, i + size))
    has_parse = doc.has_annotation("DEP") if isinstance(doc, Doc) else doc.doc.has_annotation("DEP")
    for i, token in enumerate(tokens):
        kind = lx.TRIGGER_WORDS.get(lowered[i])
        if kind is None or i in used:
            continue
        if has_parse and not _usable_word_trigger(token):
            continue
        found.append(Trigger(offset + i, offset + i + 1, kind, offset + i))
    return sorted(found, key=lambda t: t.start)


def _skipped(token: Token, skip) -> bool:
    return any(s <= token.idx < e for s, e in skip)


#: Verbs whose object carries a comparative in group results ("athletes exhibited higher cortisol
#: levels", "patients with more education had better functioning"); added in 0.2.0.
_HAVE_VERBS = frozenset(["had", "has", "have", "having", "showed", "show", "shows", "shown", "exhibited", "exhibit",
                         "exhibits", "reported", "report", "reports", "gained", "gain", "used", "use", "uses",
                         "experienced", "experience", "obtained", "achieved", "displayed", "demonstrated",
                         "consumed", "received", "spent", "performed", "scored"])


def _object_comparative(token: Token) -> bool:
    """A comparative modifying the direct object of a have/show verb ("had better functioning")."""
    if token.dep_ not in ("amod", "advmod") or token.lower_ not in lx.COMPARATIVES:
        return False
    noun = token.head
    return noun.dep_ == "dobj" and noun.pos_ in ("NOUN", "PROPN") and noun.head.lower_ in _HAVE_VERBS


def _usable_word_trigger(token: Token) -> bool:
    if _object_comparative(token):
        return True
    if token.lower_ in ("better", "worse", "poorer"):
        return False  # only as the comparative of an object
    if token.lower_ in lx.COMPARATIVES and token.lower_ not in ("reduced", "increased", "improved", "lower"):
        return token.dep_ in ("acomp", "attr", "oprd")
    if token.dep_ in ("amod", "compound", "nmod", "poss") and token.head.lower_ not in _NOUN_HEADS_FOR_ADJ:
        return False
    if token.pos_ == "NOUN" and token.lower_ in ("support", "supports", "help", "work", "power", "risk") and \
            not any(c.dep_ == "prep" and c.lower_ in ("of", "to", "for") for c in token.children):
        return False
    return token.pos_ in ("VERB", "NOUN", "ADJ", "AUX", "ADV", "PROPN")


def extract_relations(doc: Doc, skip: list[tuple[int, int]] = ()) -> list[Relation]:
    """Relations in a parsed sentence ``doc``; inner triggers of a chain win.

    ``skip``: character ranges (citations) that are neither triggers nor spans. When nothing is
    found, triggers in relative clauses are tried too ("the key social factors that may promote
    recovery": the antecedent is the factor).
    """
    return _extract(doc, skip, allow_relative=False) or _extract(doc, skip, allow_relative=True)


def _extract(doc: Doc, skip, allow_relative: bool) -> list[Relation]:
    triggers = find_triggers(doc, skip)
    by_token = {i: t for t in triggers for i in range(t.start, t.end)}
    blocked = {t.i for t in doc if _skipped(t, skip)} if skip else set()
    consumed: set[int] = set()
    relations: list[Relation] = []
    for trigger in triggers:
        head = doc[trigger.head]
        inverted_copula = _copula_attribute(head)
        if trigger.start in consumed or (inverted_copula is None and not allow_relative and _in_relative_clause(head)):
            continue
        kind = _evaluative_kind(head, trigger.kind)
        outcome_tok, inner = _find_outcome(doc, trigger, by_token, blocked)
        for t in inner:
            consumed.add(t.start)
            kind = _INVERT[t.kind] if kind == lx.DECREASE and t.kind != lx.ASSOCIATE else t.kind
        factor_tok = inverted_copula if inverted_copula is not None else _find_factor(head)
        changed = _intransitive_change(head) if trigger.end - trigger.start == 1 else None
        if changed is not None:  # the subject changes; the factor is what it changed after / with, if named
            outcome_tok = changed
            factor_tok = next((p for prep in head.children if prep.dep_ == "prep" and prep.lower_ in
                               ("after", "following", "with") for p in prep.children if p.dep_ == "pobj"), None)
        if head.lower_ in lx.COMPARATIVES and head.dep_ in ("acomp", "attr", "oprd"):
            factor_tok, outcome_tok = _comparison(head)
        pair = _between_pair(head)
        if pair is not None:  # "an association between [A] and [B]"
            factor_tok, outcome_tok = pair
        object_comparative = trigger.end - trigger.start == 1 and _object_comparative(head)
        if object_comparative:  # "[athletes] exhibited higher [cortisol levels]"
            factor_tok, outcome_tok = _find_factor(head.head.head), head.head
        if doc[trigger.start:trigger.end].text.lower() in lx.REVERSED_PHRASES:
            factor_tok, outcome_tok = outcome_tok, factor_tok
        if _is_passive_with_agent(head):
            agent = _agent_object(head)
            subject = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if agent is not None:
                factor_tok = agent
                if outcome_tok is None and subject is not None:
                    outcome_tok = subject
        factor_tok = None if factor_tok is not None and factor_tok.i in blocked else factor_tok
        outcome_tok = None if outcome_tok is not None and outcome_tok.i in blocked else outcome_tok
        factor = _phrase(factor_tok, blocked, exclude=trigger, cut_claims=by_token) if factor_tok is not None else None
        if pair is not None and factor is not None:  # A's phrase stops before "and B"
            cut = [c.i for c in factor_tok.children if c.dep_ in ("cc", "conj") and c.i > factor_tok.i]
            if cut:
                factor = (factor[0], max(factor[0] + 1, min(cut)))
        quantifier = _quantified(factor_tok)
        if factor is not None and quantifier is not factor_tok and quantifier.i < factor[0]:
            factor = (quantifier.i, factor[1])  # "some of [the key social factors ...]"
        outcome = _phrase(outcome_tok, blocked, population=True) if outcome_tok is not None else None
        if object_comparative and outcome is not None and outcome[0] <= head.i < outcome[1] - 1:
            outcome = (head.i + 1, outcome[1])  # the outcome without its comparative
        if factor and outcome and factor[0] <= outcome[0] < factor[1]:
            outcome = None
        if factor is None and outcome is None:
            continue
        relations.append(Relation(trigger, kind, factor, outcome))
    return _merge(doc, relations)


def _merge(doc: Doc, relations: list[Relation]) -> list[Relation]:
    """Coordinated opposite predicates ("contribute to or hinder X") make one mixed relation;
    a relation without an outcome is dropped when another one has the same factor."""
    positive = (lx.BENEFIT, lx.INCREASE)
    out: list[Relation] = []
    for rel in relations:
        head = doc[rel.trigger.head]
        partner = next((o for o in relations if o is not rel and doc[o.trigger.head] in list(head.conjuncts)), None)
        if partner is not None and (rel.kind in positive) != (partner.kind in positive) and \
                lx.ASSOCIATE not in (rel.kind, partner.kind):
            if rel.outcome is None:
                continue
            rel.mixed = True
        out.append(rel)
    final: list[Relation] = []
    for rel in out:
        if rel.outcome is None and any(o is not rel and o.factor == rel.factor and o.outcome for o in out):
            continue
        twin = next((o for o in final if o.factor == rel.factor and o.outcome == rel.outcome), None)
        if twin is not None:  # same factor and outcome twice: one relation, mixed if opposite
            if (twin.kind in positive) != (rel.kind in positive) and lx.ASSOCIATE not in (twin.kind, rel.kind):
                twin.mixed = True
            continue
        final.append(rel)
    return final


def _comparison(token: Token) -> tuple[Token | None, Token | None]:
    """"Pain scores were lower in the intervention group": factor = the group, outcome = subject."""
    verb = token.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    group = None
    for holder in (token, verb):
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in ("in", "among", "with", "for")):
            group = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if group is not None:
                break
        if group is not None:
            break
    return group, subject


def _copula_attribute(token: Token) -> Token | None:
    """For "the key ingredients for X would appear to be Y" / "What may get in the way of X are Y":
    Y (the attribute of the copula whose subject holds the trigger)."""
    for anc in [token, *token.ancestors]:
        if anc.dep_ in ("nsubj", "csubj") and anc.head.lower_ in _COPULAS or (
                anc.dep_ in ("nsubj", "csubj") and any(c.dep_ == "xcomp" and c.lower_ in _COPULAS for c in anc.head.children)):
            verb = anc.head
            copula = next((c for c in verb.children if c.dep_ == "xcomp" and c.lower_ in _COPULAS), verb)
            attr = next((c for c in copula.children if c.dep_ in ("attr", "dobj")), None)
            return attr
        if anc.dep_ in ("relcl", "acl", "ROOT"):
            return None
    return None


def _in_relative_clause(token: Token) -> bool:
    """True if the token sits in a relative clause / participle modifying a noun."""
    for anc in [token, *token.ancestors]:
        if anc.dep_ in _RELATIVE and anc.head.lower_ in _COMPLEMENT_NOUNS:
            return False  # "evidence that X can reduce Y": a complement clause, not a description
        if anc.dep_ in _RELATIVE:
            return True
        if anc.dep_ in _SUBJECTS:
            return True  # inside the factor phrase itself
        if any(c.dep_ in _SUBJECTS for c in anc.children) and anc.pos_ in ("VERB", "AUX"):
            return False
    return False


def _find_factor(token: Token) -> Token | None:
    for anc in [token, *token.ancestors]:
        subjects = [c for c in anc.children if c.dep_ in _SUBJECTS]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in ("what", "which", "that") and subject.dep_ == "nsubj" and anc.dep_ in ("relcl", "acl"):
                return anc.head
            if subject.lower_ in ("there", "it") and any(c.dep_ in ("attr", "ccomp") for c in anc.children):
                continue
            if subject.lower_ in lx.METHOD_NOUNS or (subject.pos_ == "PRON" and subject.lower_ in ("we", "i")):
                return None  # "Intention-to-treat analysis showed ...", "we found ...": no factor named
            return subject
    return None


def _is_passive_with_agent(token: Token) -> bool:
    return any(c.dep_ == "agent" for c in token.children)


def _agent_object(token: Token) -> Token | None:
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    if agent is None:
        return None
    return next((c for c in agent.children if c.dep_ == "pobj"), None)


def _find_outcome(doc: Doc, trigger: Trigger, by_token: dict[int, Trigger],
                  blocked: set[int] = frozenset()) -> tuple[Token | None, list[Trigger]]:
    """Breadth-first walk down from the trigger to the first noun object; nested triggers met on
    the way are returned (the innermost decides the kind)."""
    head = doc[trigger.head]
    starts = [doc[i] for i in range(trigger.start, trigger.end)]
    if head.dep_ in ("amod", "compound") and head.head.lower_ in _NOUN_HEADS_FOR_ADJ:
        starts.append(head.head)
    inner: list[Trigger] = []
    frontier = [c for s in starts for c in s.children if c.dep_ in _DOWN and not trigger.start <= c.i < trigger.end
                and not _comparison_prep(c)]
    if trigger.end - trigger.start > 1 and doc[trigger.end - 1].pos_ == "ADP":
        frontier = [c for c in doc[trigger.end - 1].children if c.dep_ in ("pobj", "pcomp")] + frontier
    seen: set[int] = set()
    while frontier:
        token = frontier.pop(0)
        if token.i in seen or token.i in blocked:
            continue
        seen.add(token.i)
        nested = by_token.get(token.i)
        if nested is not None and nested is not trigger and token.dep_ not in ("amod",):
            inner.append(nested)
            frontier = [c for c in token.children if c.dep_ in _DOWN] + frontier
            continue
        if token.pos_ in _NOUNS and token.dep_ in ("dobj", "pobj", "attr", "oprd", "dative", "nsubj"):
            if token.lower_ in lx.PERSON_WORDS or token.dep_ == "dative":
                siblings = [c for c in token.head.children if c.i != token.i and c.dep_ in ("xcomp", "ccomp", "prep", "advcl")]
                frontier = siblings + [c for c in token.children if c.dep_ in _DOWN + ("acl", "relcl")] + frontier
                continue
            if token.lower_ in lx.OUTCOME_WRAPPERS:
                deeper = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
                if deeper:
                    frontier = [c for p in deeper for c in p.children if c.dep_ in ("pobj", "pcomp")] + frontier
                    continue
            return token, inner
        if token.pos_ == "VERB" and token.dep_ in ("pcomp", "xcomp") and token.i not in by_token:
            objects = [c for c in token.children if c.dep_ in ("dobj", "attr") and c.lower_ not in lx.PERSON_WORDS]
            if objects:
                return objects[0], inner
        frontier.extend(c for c in token.children if c.dep_ in _DOWN and not _comparison_prep(c))
    return None, inner


#: Prepositions that introduce the comparator, not the outcome ("more effective than TAU in reducing
#: self-harm", "superior to placebo on symptom severity"); added in 0.2.0 from training-abstract errors.
_COMPARATOR_PREPS = frozenset(["than", "versus", "vs", "vs.", "compared", "relative"])
_COMPARATIVE_TO = frozenset(["superior", "inferior", "compared", "relative", "similar", "comparable", "equivalent"])
#: Evaluative modifiers of "effect(s)" / "impact": "positive effects on X" is a benefit whatever X is.
_GOOD_EFFECT = frozenset(["positive", "beneficial", "favourable", "favorable", "protective", "therapeutic"])
_BAD_EFFECT = frozenset(["negative", "adverse", "detrimental", "harmful", "deleterious", "unfavourable", "unfavorable"])


_PAIR_NOUNS = frozenset(["association", "associations", "correlation", "correlations", "relationship",
                         "relationships", "relation", "relations", "link", "links"])


def _between_pair(head: Token) -> tuple[Token, Token] | None:
    """``(A, B)`` of "an association / correlation between A and B" (added in 0.2.0)."""
    if head.lower_ not in _PAIR_NOUNS:
        return None
    holders = [head] + ([head.head] if head.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") else [])
    prep = next((c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    a = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    b = next((c for c in a.children if c.dep_ == "conj"), None) if a is not None else None
    return (a, b) if b is not None else None


def _comparison_prep(token: Token) -> bool:
    if token.dep_ != "prep":
        return False
    return token.lower_ in _COMPARATOR_PREPS or (token.lower_ == "to" and token.head.lower_ in _COMPARATIVE_TO)


def _evaluative_kind(head: Token, kind: str) -> str:
    """"positive effects on X" -> benefit, "adverse effects on X" -> harm; otherwise ``kind``."""
    mods = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound")}
    if head.lower_ in _PAIR_NOUNS and mods & {"inverse", "negative"}:
        return lx.DECREASE  # "an inverse correlation between stress and resilience"
    if head.lower_ not in ("effect", "effects", "impact", "impacts", "influence"):
        return kind
    if mods & _GOOD_EFFECT:
        return lx.BENEFIT
    if mods & _BAD_EFFECT:
        return lx.HARM
    return kind


_QUANTIFIERS = frozenset(["some", "many", "most", "one", "all", "several", "few", "each", "any", "none", "much"])


def _quantified(token: Token | None) -> Token | None:
    """The quantifier of "some of [the key social factors]" (the factor phrase starts there), else ``token``."""
    if token is not None and token.dep_ == "pobj" and token.head.lower_ == "of" and \
            token.head.head.lower_ in _QUANTIFIERS and token.head.head.i < token.i:
        return token.head.head
    return token


def _markup(text: str) -> bool:
    """HTML/XML tag fragments ("<h3>", "h3>Results</h3") never belong to a span."""
    return "<" in text or ">" in text


def _intransitive_change(head: Token) -> Token | None:
    """"Symptoms decreased (after X)", "skills practice increased": a change verb with a subject and
    no object; the subject is what changes (the outcome). Returns that subject, else None."""
    if head.pos_ != "VERB" or head.lower_ not in lx.INTRANSITIVE_CHANGE:
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "agent", "nsubjpass", "attr") for c in head.children):
        return None
    return next((c for c in head.children if c.dep_ == "nsubj" and c.pos_ in _NOUNS), None)


def _phrase(token: Token, blocked: set[int] = frozenset(), exclude: Trigger | None = None,
            population: bool = False, cut_claims: dict | None = None) -> tuple[int, int]:
    """Token range of the phrase headed by ``token``, cut before citations and dashes; a leading
    adverbial before a comma ("for some people, maintaining ..."), leading "not just" / adverbs,
    and a clause holding the ``exclude`` trigger ("factors [that may promote recovery]") are left out."""
    left, right = token.left_edge.i, token.right_edge.i + 1
    doc = token.doc
    if population:  # "symptoms [for many people]", "relapse [in patients with ...]"
        for child in token.children:
            if child.i > token.i and child.dep_ == "prep" and child.lower_ in ("for", "among", "in") and any(
                    c.dep_ == "pobj" and c.lower_ in _POPULATION for c in child.children):
                right = min(right, child.i)
    if exclude is not None and left <= exclude.start < right:
        for child in token.children:
            if child.i > token.i and child.left_edge.i <= exclude.start <= child.right_edge.i:
                right = min(right, child.left_edge.i)
    if cut_claims:  # "responses [that may further undermine X]": a relative clause stating its own relation
        for child in token.children:
            if child.i > token.i and child.dep_ == "relcl" and any(
                    i in cut_claims for i in range(child.left_edge.i, child.right_edge.i + 1)):
                right = min(right, child.left_edge.i)
    while right - left > 1 and (doc[left].lower_ in ("not", "just", "only", "precisely", "also")
                                or (doc[left].dep_ == "advmod" and doc[left].i < token.i)
                                or (doc[left].dep_ == "mark" and doc[left].lower_ in ("that", "whether"))):
        left += 1
    if doc[left].pos_ in ("ADP", "ADV", "SCONJ"):
        commas = [i for i in range(left, token.i) if doc[i].text == ","]
        if commas:
            left = commas[-1] + 1
    for i in range(token.i + 1, right):
        if doc[i].text in _STOP or i in blocked or "—" in doc[i].text or _markup(doc[i].text):
            right = i
            break
    for i in range(token.i - 1, left - 1, -1):
        if doc[i].text in _STOP or doc[i].text == ")" or i in blocked or "—" in doc[i].text or _markup(doc[i].text):
            left = i + 1
            break
    while right > left + 1 and (doc[right - 1].is_punct or doc[right - 1].lower_ in ("and", "or", "but")):
        if doc[right - 1].text in _CLOSE_QUOTES and any(doc[i].text in _OPEN_QUOTES for i in range(left, right - 1)) \
                and not any(doc[i].text in _CLOSE_QUOTES for i in range(left, right - 1)):
            break  # keep the closing quote of a quoted phrase
        right -= 1
    while left < right - 1 and doc[left].is_punct and doc[left].text not in ("‘", "'", "“", '"'):
        left += 1
    # hyphenated words split by the tokenizer ("well - being"): never cut inside one
    while left >= 2 and doc[left - 1].text == "-" and not doc[left - 2].whitespace_ and not doc[left - 1].whitespace_ \
            and not doc[left - 2].is_punct and left - 2 not in blocked:
        left -= 2
    while right + 1 < len(doc) and doc[right].text == "-" and not doc[right - 1].whitespace_ \
            and not doc[right].whitespace_ and not doc[right + 1].is_punct and right + 1 not in blocked:
        right += 2
    return left, right
