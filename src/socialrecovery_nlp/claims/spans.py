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

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from . import lexicon as lx
from .direction import LOWER_COMPOUNDS
from .adjective_comparison import compared_adjective
from .attained_through import MEANS_VERBS, judged_means
from .attribution import attributed_to
from .barrier_sources import barrier_source, tied_barrier
from .cause_connective import CONNECTIVES, SOURCE_NOUNS, connective_cause, source_relation
from .change_modifier import split_changes, strip_change
from .conjoined_preps import repeated_preps
from .consequence import CONSEQUENCE_NOUNS, consequence_of, listed_side_effects, side_effect
from .coordination import reciprocal_pair, trailing_gerund, whole_subject
from .correlative import correlative
from .deficits import DEFICIT_NOUNS, deficit_object
from .denied_conjunct import split_denied
from .difficulty import ADJECTIVES as _DIFFICULT
from .difficulty import difficulty_cause
from .direction import compose, outcome_valence
from .effect_of_on import effect_of_on
from .effective_for import asserting_predicate_noun, efficacy_target, judged_effective
from .efficacy import PHRASE_NOUNS as _EFFICACY_PHRASE_NOUNS
from .efficacy import EVIDENCE_NOUNS, SUPPORT_VERBS, evidence_subject, reported_efficacy, supported_efficacy
from .enumerations import (
    CATEGORY_NOUNS,
    LIST_PREDICATES,
    STUDY_ELEMENTS,
    category_kind,
    colon_after,
    list_items,
    sentence_end,
)
from .groups import change_in_group, group_in, quantified_subject
from .implicit_predicates import judged_subject, named_outcome
from .improved_more import group_improved
from .limits import agents, limited_by, placed_limit
from .made_adjective import EASY_WORDS, HARD_WORDS, made_adjective
from .misparsed_verb import misparsed_verb, misread_clause_verb
from .nominal_finding import nominal_finding
from .orientation import swap_sides
from .protection import protected_from
from .raised_object import raised_object
from .ranked_among import ranked_among, ranked_outcome
from .reduced_relative import reduced_relative
from .subjectless import subjectless_factor
from .variance_explained import explained_variance
from .verbless_sentence import base_form_read_verb, noun_read_phrase_verb, noun_read_verb

_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass")
_DOWN = ("dobj", "prep", "pobj", "pcomp", "xcomp", "attr", "acomp", "oprd", "dative", "ccomp", "advcl")
_NOUNS = ("NOUN", "PROPN", "PRON", "NUM", "X")
_STOP = {"(", "—", "–", ";", ":", "[", "-LRB-"}
_OPEN_QUOTES = {"‘", "“", "'", '"'}
_CLOSE_QUOTES = {"’", "”", "'", '"'}
_NOUN_HEADS_FOR_ADJ = frozenset(
    ["factor", "factors", "component", "components", "role", "contributor", "contributors", "ingredient", "ingredients", "effect", "effects", "way", "ways", "part", "lever", "levers", "predictor", "predictors",
     # rules v9: "[One particularly effective form of Y] is [X]", "[The most helpful strategy for Y] was [X]"
     "form", "forms", "strategy", "strategies"]
)
_RELATIVE = ("relcl", "acl")
_POPULATION = lx.PERSON_WORDS | frozenset({"those", "patients", "people", "adults", "children", "groups", "group", "adolescents",
                                           "communities", "community", "populations", "population", "subjects", "smokers"})
_QUANTITY_COMPARATIVES = frozenset(["more", "less", "fewer"])
#: Factors that only point at the study's groups ("both groups", "all three arms") name no factor.
_GENERIC_GROUPS = re.compile(r"^(?:both|all|each|either|the\s+two|the\s+three|all\s+three)\s+(?:\w+\s+)?(?:groups?|arms?|conditions?)$",
                             re.IGNORECASE)
#: Plural or bare group words that only point at the study's groups ("between [the treatment groups]",
#: "did not differ by [condition]"); added for group comparisons (guideline v1.2).
_GENERIC_GROUPS_PLURAL = re.compile(r"^(?:(?:the|these|those)\s+)?(?:(?:two|three|four|2|3|4)\s+)?(?:(?:treatment|study|trial|"
                                    r"active|randomi[sz]ed|comparison|experimental)\s+)?(?:groups|arms|conditions|cohorts|condition|"
                                    r"subjects|participants|group\s+comparisons|comparisons)$",
                                    re.IGNORECASE)


def generic_groups(text: str) -> bool:
    """True for a phrase that only points at the study's groups ("both groups", "the treatment groups")."""
    return bool(_GENERIC_GROUPS.match(text) or _GENERIC_GROUPS_PLURAL.match(text))

#: Forms of "be" and "include" (the parser pipeline runs without a lemmatizer, for speed).
_COPULAS = frozenset(["be", "is", "are", "was", "were", "am", "include", "includes", "included"])
_COMPLEMENT_NOUNS = frozenset(
    ["evidence", "finding", "findings", "fact", "suggestion", "view", "notion", "idea", "conclusion", "claim", "hypothesis", "indication", "sign", "signs", "proof"]
)
_INVERT = {lx.BENEFIT: lx.HARM, lx.HARM: lx.BENEFIT, lx.INCREASE: lx.DECREASE, lx.DECREASE: lx.INCREASE,
           lx.ASSOCIATE: lx.ASSOCIATE}


#: Trigger phrases grouped by length in words (longest first), and their first words.
_PHRASES_BY_SIZE: list[tuple[int, dict[tuple[str, ...], str]]] = sorted(
    ((n, {tuple(p.split()): p for p in lx.ALL_TRIGGER_PHRASES if len(p.split()) == n})
     for n in {len(p.split()) for p in lx.ALL_TRIGGER_PHRASES}), key=lambda item: -item[0])
_PHRASE_FIRST_WORDS = frozenset(p.split()[0] for p in lx.ALL_TRIGGER_PHRASES)


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
    #: the sentence leaves the outcome implicit by construction ("[X] would benefit from [Y]"; guideline v1.2)
    implicit_outcome: bool = False
    #: a group result ("[X] showed higher [Y]", "[Y] differed between [A and B]", "[Y] was elevated in [X]"):
    #: correlational whatever the verb (guideline, "Group comparisons")
    group_result: bool = False
    #: the tokens whose text gives the outcome's valence when it is not the outcome span itself (a tagged
    #: outcome "cardiovascular events" read within "risk of cardiovascular events"; :mod:`.tagged_relations`)
    valence_span: tuple[int, int] | None = None
    #: a finding stated as a noun phrase ("[Enhanced] memory following X", :mod:`.nominal_finding`): its spans
    #: come from the construction, which a span tagger trained on full sentences does not know, so they are kept
    nominal: bool = False
    #: the relation is denied by its own coordination ("X improved Y but [not Z]": the relation to Z,
    #: :mod:`.denied_conjunct`)
    denied: bool = False
    #: the construction fixes both spans ("people lost [their jobs] because of [X]", :mod:`.cause_connective`): the span
    #: tagger neither replaces them (it would take the verb into the outcome) nor copies spans from the relation
    construction: bool = False


def find_triggers(doc: Doc | Span, skip: list[tuple[int, int]] = ()) -> list[Trigger]:
    """Relation triggers in token order; multi-word phrases first, no overlaps.

    ``skip``: character ranges (e.g. citations) whose tokens are never triggers.
    """
    tokens = list(doc)
    offset = tokens[0].i if tokens else 0
    lowered = [t.lower_ for t in tokens]
    found: list[Trigger] = []
    used: set[int] = {i for i, t in enumerate(tokens) if _skipped(t, skip)} if skip else set()
    has_parse = doc.has_annotation("DEP") if isinstance(doc, Doc) else doc.doc.has_annotation("DEP")
    for size, phrases in _PHRASES_BY_SIZE:  # longest phrases first
        for i in range(len(tokens) - size + 1):
            if lowered[i] not in _PHRASE_FIRST_WORDS:
                continue
            words = tuple(lowered[i:i + size])
            phrase = phrases.get(words)
            if phrase is not None and has_parse and words[0] in DEFICIT_NOUNS and \
                    deficit_object(tokens[i], _HAVE_VERBS) is None:
                continue  # "associated with [impairments in Y]": part of the outcome (agent:claims-10)
            if phrase is not None and has_parse and words[0] in _EFFICACY_PHRASE_NOUNS and \
                    reported_efficacy(tokens[i]) is None:
                continue  # "the efficacy of X was examined": no relation (agent:claims-10)
            if phrase is not None and has_parse and words[0] in ("characteristic", "typical") and not (
                    tokens[i].pos_ == "ADJ" and tokens[i].dep_ in ("acomp", "amod", "oprd")):
                continue  # "a characteristic of the sample": a noun, no relation (agent:claims-10)
            if phrase is not None and has_parse and words[0] == "involved" and tokens[i].dep_ in ("acl", "relcl", "amod"):
                continue  # "[brain areas] involved in learning": a description of the noun, no claim (round 3)
            if phrase is not None and has_parse and words[0] == "involved" and _people_subject(tokens[i]):
                continue  # "[Patients] were involved in decision making": taking part, a method (review fix)
            if phrase is not None and has_parse and words[0] in CONSEQUENCE_NOUNS and consequence_of(tokens[i]) is None:
                continue  # "the consequences of stigma were studied": no relation (agent:claims-10)
            if phrase is not None and has_parse and words[0] in ("results", "resulted") and \
                    tokens[i].tag_ not in ("VBZ", "VBD", "VBN") and noun_read_phrase_verb(tokens[i]) is None:
                continue  # "The results from both cohorts were pooled": the noun, no relation (agent:claims-16)
            if phrase is not None and has_parse and words == ("followed", "by") and _procedure_sequence(tokens[i]):
                continue  # "Each session was followed by a short questionnaire": a procedure (agent:claims-16)
            if phrase is not None and has_parse and words[0] == "risk" and size == 2 and \
                    judged_subject(tokens[i + 1]) is None and _copula_attribute(tokens[i + 1]) is None:
                continue  # "risk factors were assessed": a noun, no judgement of a subject (rules v9)
            if phrase is not None and has_parse and words[0] in MEANS_VERBS and not judged_means(tokens[i]):
                continue  # "Recruitment was achieved through GP lists": a procedure (rules v9)
            if phrase is not None and has_parse and words == ("independent", "of") and not independent_of(tokens[i]):
                continue  # "[X] predicted Y independent of [age]": an adjustment, not a relation (round 7)
            if phrase is not None and has_parse and words[0] == "dependent" and _people_subject(tokens[i]):
                continue  # "[Patients] were dependent on carers": a need (rules v9)
            if phrase is not None and has_parse and words[0] in ("limits", "constraints") and not placed_limit(tokens[i]):
                continue  # "the upper limits on dosage": no relation (rules v9)
            if phrase is not None and has_parse and (words in CONNECTIVES and connective_cause(tokens[i]) is None or
                                                     words in SOURCE_NOUNS and source_relation(tokens[i]) is None):
                continue  # "excluded due to missing data", "the reasons for dropout": no cause of an outcome
            kind = lx.ALL_TRIGGER_PHRASES[phrase] if phrase is not None else None
            if phrase is not None and words == ("as", "likely"):
                times = lx.likelihood_multiplier(lowered[max(0, i - 2):i])
                if times is None or times == 1:
                    continue  # "as likely as not", "equally likely": no relation (round 10)
                kind = lx.INCREASE if times > 1 else lx.DECREASE  # "half / 0.5 times as likely" lowers Y
            if phrase is not None and not used & set(range(i, i + size)):
                head = i + lx.PHRASE_HEADS[phrase] if phrase in lx.PHRASE_HEADS else (
                    i + 2 if words[0] in ("a", "as") and size > 2 else i)
                found.append(Trigger(offset + i, offset + i + size, kind, offset + head))
                used.update(range(i, i + size))
    for i, token in enumerate(tokens):
        kind = lx.ALL_TRIGGER_WORDS.get(lowered[i])
        if kind is None or i in used:
            continue
        if has_parse and not _usable_word_trigger(token):
            continue
        found.append(Trigger(offset + i, offset + i + 1, kind, offset + i))
    return sorted(found, key=lambda t: t.start)


#: Nouns of a study's procedure that are neither factor nor outcome of a sequence ("Each [session] was followed
#: by a short [questionnaire]"; review fixes, agent:claims-16).
_PROCEDURE_NOUNS = lx.METHOD_NOUNS | frozenset(
    ["session", "sessions", "scan", "scans", "run", "runs", "phase", "phases", "visit", "visits", "questionnaire",
     "questionnaires", "interview", "interviews", "period", "periods", "baseline", "block", "blocks", "task",
     "tasks", "assessment", "assessments", "measurement", "measurements"])


#: Trigger verbs whose procedure subject names no factor ("[Interviews] elicited information about X").
_ELICIT_VERBS = frozenset(["elicit", "elicits", "elicited", "alter", "alters", "altered", "evoke", "evokes", "evoked"])


def _relative_pronoun_factor(doc: Doc, rel: Relation) -> Relation | None:
    """A relation whose factor is only the pronoun of a relative clause: dropped when its trigger is inside that clause
    ("Women, [who] had higher support, ..." describes the women, whom the main clause's relation names); else the
    pronoun stands for its antecedent ("Women, who had ..., were more likely to continue treatment", the parse
    giving the main verb "who" as subject; round 10, agent:review-32). Any other relation is returned as it is."""
    if rel.factor is None or rel.factor[1] - rel.factor[0] != 1:
        return rel
    token = doc[rel.factor[0]]
    if not (token.lower_ in ("who", "whom") or (token.lower_ in ("which", "that") and token.head.dep_ in ("relcl", "acl"))):
        return rel
    clause = token.head
    if clause.dep_ in ("relcl", "acl") and doc[rel.trigger.head] in clause.subtree:
        return None
    antecedent = clause.head if clause.dep_ in ("relcl", "acl") else None
    if antecedent is None:
        before = [t for t in doc[:token.i] if not t.is_punct]
        antecedent = before[-1] if before and before[-1].pos_ in ("NOUN", "PROPN") else None
    if antecedent is None or antecedent.pos_ not in ("NOUN", "PROPN") or antecedent.i >= token.i:
        return None
    return replace(rel, factor=(antecedent.left_edge.i, antecedent.i + 1))


def _procedure_sequence(followed: Token) -> bool:
    """True when "followed by" joins a procedure step: the subject's or the agent's head is a procedure noun."""
    verb = followed
    subject = None
    for _ in range(3):  # "Each session started with ... and was followed by ...": the first conjunct's subject
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or verb.dep_ != "conj":
            break
        verb = verb.head
    agent = next((p for c in followed.children if c.dep_ in ("agent", "prep") and c.lower_ == "by"
                  for p in c.children if p.dep_ == "pobj"), None)
    return any(t is not None and t.lower_ in _PROCEDURE_NOUNS for t in (subject, agent))


def _skipped(token: Token, skip) -> bool:
    return any(s <= token.idx < e for s, e in skip)


#: Verbs whose object carries a comparative in group results ("athletes exhibited higher cortisol
#: levels", "patients with more education had better functioning"); added in 0.2.0.
_HAVE_VERBS = frozenset(["contained", "contain", "contains",  # added for issue #5 ("hair from X contained higher Y")
                         "evidenced", "display", "displays",  # agent:claims-10
                         "had", "has", "have", "having", "showed", "show", "shows", "shown", "exhibited", "exhibit",
                         "exhibits", "reported", "report", "reports", "gained", "gain", "used", "use", "uses",
                         "experienced", "experience", "obtained", "achieved", "displayed", "demonstrated",
                         "demonstrate", "demonstrates",  # round 10: the present tense beside "demonstrated"
                         "consumed", "received", "spent", "performed", "scored"])


def _compared_noun(token: Token) -> Token | None:
    """The noun a comparative modifies, through other premodifiers ("more [mental health] services")."""
    if token.dep_ not in ("amod", "advmod") or token.lower_ not in lx.COMPARATIVES and (
            token.lower_ not in lx.CHANGE_PARTICIPLES or token.dep_ != "amod"):
        return None
    if token.lower_ == "lower" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in LOWER_COMPOUNDS:
        return None  # "lower back pain", "lower limb function": an anatomical compound, no comparison (review-14)
    noun = token.head
    while noun.dep_ in ("amod", "compound") and noun.pos_ in ("ADJ", "NOUN", "PROPN") and noun.head.i > noun.i:
        noun = noun.head
    return noun if noun.pos_ in ("NOUN", "PROPN") else None


def _object_comparative(token: Token) -> Token | None:
    """The direct object a comparative modifies, when its verb is a have/show verb ("had better
    functioning") or the object is compared with "than" ("used more mental health services than
    those with ..."); else None."""
    noun = _compared_noun(token)
    if noun is None or noun.dep_ != "dobj":
        return None
    if noun.head.lower_ in _HAVE_VERBS or (noun.head.pos_ == "VERB" and any(
            c.dep_ == "prep" and c.lower_ == "than" for c in (*noun.children, *token.children))):
        return noun
    return None


#: Groups a result can be found in ("... was documented in [patients who ...]").
_GROUP_WORDS = lx.PERSON_WORDS | frozenset(["those", "subjects", "group", "groups", "arm", "arms", "cohort", "cohorts",
                                            "children", "adults", "adolescents", "women", "men", "males", "females",
                                            "infants", "students", "respondents", "cases", "controls", "rats", "mice"])


def _unwrap(noun: Token) -> Token:
    """"the rate of [X]", "the number of [X]": X (:data:`lexicon.OUTCOME_WRAPPERS`)."""
    if noun.lower_ in lx.OUTCOME_WRAPPERS:
        obj = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj"), None)
        if obj is not None:
            return obj
    return noun


def _subject_comparative(token: Token) -> tuple[Token, Token] | None:
    """"A significantly lower rate of X was documented in [patients who ...]": ``(group, subject)``
    for a comparative on the subject of a verb that has an "in / among" group (added in 0.3.0)."""
    noun = _compared_noun(token)
    if noun is None or noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for prep in (c for c in noun.head.children if c.dep_ == "prep" and c.lower_ in ("in", "among", "for")):
        group = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if group is not None and (group.lower_ in _GROUP_WORDS or any(c.dep_ in ("relcl", "acl") for c in group.children)):
            return group, noun
        if group is not None and prep.lower_ == "in" and group.i > prep.i and any(  # "higher Y was found in [X]
                c.dep_ == "prep" and c.lower_ == "than" and c.i > group.i for c in noun.head.children):  # than (in) Z"
            return group, noun
    return None


#: Verbs that give evidence and the evidence nouns they give ("provides [evidence] that", "offer [insight] into").
_GIVING_WORDS = lx.GIVING_VERBS | frozenset(["yield", "yields", "yielded"])
_GIVEN_EVIDENCE = frozenset(["indication", "indications", "evidence", "insight", "insights", "proof", "confirmation",
                             "hint", "hints", "clue", "clues"])


#: Verbs whose object "promise" judges their subject a promising factor ("[X] holds promise for [Y]"; round 7).
_PROMISE_VERBS = frozenset(["show", "shows", "showed", "shown", "showing", "hold", "holds", "held", "holding",
                            "demonstrate", "demonstrates", "demonstrated", "indicate", "indicates", "indicated",
                            "offer", "offers", "offered", "display", "displays", "displayed"])


#: Subjects of "favoured" that name a result, not a person who prefers (round 7, agent:review-27)
_RESULT_SUBJECTS = frozenset(["results", "result", "outcomes", "outcome", "difference", "differences", "change", "changes",
                              "analysis", "analyses", "effect", "effects", "estimate", "estimates", "scores", "ratings",
                              "findings", "data", "trend", "trends", "improvement", "improvements", "comparison",
                              "comparisons", "ratio", "odds"])
_INDEPENDENT_VERBS = frozenset(["is", "are", "was", "were", "be", "been", "being", "seem", "seems", "seemed", "appear",
                                "appears", "appeared", "remain", "remains", "remained"])
#: Predicates that deny the relation they state: "[Y] was independent of / unrelated to [X]" (round 7)
_DENYING_PREDICATES = frozenset(["independent", "unrelated", "uncorrelated"])


#: Predicate nouns of "[X] is a promising [target] for Y": a research direction, not a judged treatment (agent:review-27)
_RESEARCH_DIRECTIONS = frozenset(["target", "targets", "candidate", "candidates", "biomarker", "biomarkers", "marker",
                                  "markers", "avenue", "avenues", "area", "areas", "direction", "directions", "tool",
                                  "tools", "field", "topic", "model", "models", "method", "methods"])
#: Subjects that name no treatment judged promising: evidence ("[Early trials] have shown promise"), pointers ("[This]
#: is promising") and relations ("[This effect] was independent of age"; agent:review-27)
_NOT_JUDGED = frozenset(["this", "that", "these", "those", "it", "they", "which", "effect", "effects", "association",
                         "associations", "relationship", "relationships", "relation", "link", "correlation",
                         "correlations", "difference", "differences"]) | EVIDENCE_NOUNS | frozenset(["pilot", "work"])


def _judged_treatment(token: Token) -> bool:
    """Does the clause of ``token`` (a predicate, or the verb of "shows promise") have a subject that can be a judged
    factor, not evidence, a pointer or a relation?"""
    verb = token
    while verb.dep_ in ("acomp", "attr", "oprd", "amod", "xcomp") and verb.head is not verb:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(s.lower_ not in _NOT_JUDGED and s.pos_ != "PRON" for s in subjects)


def independent_of(token: Token) -> bool:
    """"[Y] was / appeared to be independent of [X]": "independent" as a copula's predicate (round 7, agent:review-26);
    after another predicate ("predicted Y independent of age") it names an adjustment; a relation as the subject
    ("[This effect] was independent of age") names a moderator, "not independent of" asserts the relation, "became
    independent of services" a change (agent:review-27)."""
    if token.lower_ != "independent" or token.dep_ not in ("acomp", "oprd"):
        return False
    verb = token.head
    while verb.dep_ == "xcomp" and verb.head is not verb:  # "appeared to be independent"
        if any(c.dep_ == "neg" for c in verb.children):
            return False
        verb = verb.head
    return verb.lower_ in _INDEPENDENT_VERBS and not any(c.dep_ == "neg" for c in [*verb.children, *token.children]) \
        and _judged_treatment(verb)


def _seeking_next(token: Token) -> bool:
    """Is ``token`` followed by "seeking" ("help seeking", "help-seeking")?"""
    following = [t.lower_ for t in token.doc[token.i + 1:token.i + 3]]
    return following[:1] in (["seeking"], ["seekers"]) or following in (["-", "seeking"], ["-", "seekers"])


def _usable_word_trigger(token: Token) -> bool:
    # round 9's construction words first: a verb the parser misread is no excuse to skip them (agent:review-31)
    if token.lower_ in ("help", "support") and _seeking_next(token):
        return False  # "help seeking", "support-seeking": a behaviour, no relation (round 9)
    if token.lower_ in lx.PROTECT_WORDS:  # "[X] protected (Z) against [Y]" only, not "protected time", nor the passive
        return protected_from(token) is not None  # "[patients] were protected from Y" (round 9)
    if token.lower_ in lx.ATTRIBUTE_VERBS:  # "[they] attributed [Y] to [X]" only (round 9, :mod:`.attribution`)
        return attributed_to(token) is not None
    if token.lower_ in lx.EXPLAIN_VERBS:  # "[X] explained N% of the variance in [Y]" only (round 10)
        return explained_variance(token) is not None
    if token.lower_ in lx.RESTRICT_WORDS:  # "[X] restricted [Y]", "[Y] was restricted by [X]" only, a finite verb
        # or a passive participle ("an effect on [restricting] drugs" names an outcome), never a scope ("restricted
        # the analysis [to trials]", "[We] restricted ..."; round 9, agent:review-30)
        return token.tag_ in ("VBD", "VBZ", "VBP", "VBN") and any(
            c.dep_ == "dobj" or (c.dep_ == "agent" and c.lower_ == "by") for c in token.children) and not any(
            (c.dep_ in ("prep", "dative") and c.lower_ == "to") or (c.dep_ in _SUBJECTS and c.lower_ in ("we", "i"))
            for c in token.children)
    if token.lower_ in _GIVING_WORDS and any(c.dep_ == "dobj" and c.lower_ in _GIVEN_EVIDENCE for c in token.children):
        return False  # "This work provides [an initial indication] that X promotes Y": a report of evidence, whose
        # subject is the study; the relation is in the clause (agent:review-20)
    if token.lower_ in lx.RULE_ING_FORMS and token.i > 0 and token.is_title:
        return False  # "the Strengthening the Reporting of ... Statement": a name (rules v9)
    if noun_read_verb(token) is not None or base_form_read_verb(token) is not None:
        return True  # "[Poor reporting] hampers [Y]" with "hampers" tagged NNS, "[Factors] influence [Y]" (rules v9)
    if token.lower_ in HARD_WORDS or token.lower_ in EASY_WORDS:
        if made_adjective(token) is not None:
            return True  # "[X] makes [Y] more difficult", "[X] made it easier to [Y]"
        if token.lower_ not in _DIFFICULT and token.lower_ != "problematic":
            return False
    if token.lower_.startswith("favo"):  # "[the change in Y] favoured [X]": a verb with its object whose subject names a
        return token.pos_ == "VERB" and any(c.dep_ == "dobj" for c in token.children) and any(  # result (round 7;
            c.dep_ == "nsubj" and c.lower_ in _RESULT_SUBJECTS for c in token.children)  # "[Clinicians] favoured X": a preference)
    if token.lower_ in ("unrelated", "uncorrelated"):  # "[Y] was unrelated to [X]" only (round 7)
        return token.dep_ in ("acomp", "oprd", "ROOT", "conj") and any(c.dep_ == "prep" and c.lower_ in ("to", "with")
                                                     for c in token.children)
    if token.lower_ == "promising":  # "[X] is (a) promising (treatment for Y)" only, not "is promising to publish"
        if token.dep_ == "amod" and token.head.lower_ in _RESEARCH_DIRECTIONS:
            return False  # "[X] is a promising [target] for Y": a research direction (agent:review-27)
        return _judged_treatment(token) and (judged_effective(token) or efficacy_target(token) is not None or (
            token.dep_ == "amod" and asserting_predicate_noun(token.head)))  # (round 7)
    if token.lower_ == "promise":  # "[X] shows / holds promise": the object of a showing verb only (round 7)
        return token.dep_ == "dobj" and token.head.lower_ in _PROMISE_VERBS and _judged_treatment(token.head)
    if token.lower_ in ("limited", "constrained"):
        return limited_by(token)  # "[Y] is limited by [X]" only; "limited evidence" is an amount (rules v9)
    if token.lower_ in _DIFFICULT:
        return difficulty_cause(token) is not None  # "[Y] is difficult because of [X]" only (rules v9)
    if token.lower_ == "problematic":
        return judged_subject(token) is not None  # "[X] was problematic" only (rules v9)
    if token.lower_ == "conducive":
        return token.dep_ in ("acomp", "oprd") and any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children)
    if token.lower_ in ("variable", "pronounced"):  # "[Y] was variable across / pronounced among [X]" (rules v9)
        return token.dep_ in ("acomp", "ROOT", "conj", "ccomp") and any(c.dep_ == "prep" and c.lower_ in _GROUP_PREPS for c in token.children)
    if misparsed_verb(token) is not None:  # "[Deletion of X] impairs [Y]" with "impairs" tagged JJ (agent:claims-10)
        return True
    if token.tag_ == "VBG" and token.dep_ == "amod" and token.i > 0 and token.doc[token.i - 1].lower_ == "without":
        return True  # "X reduced Y without [impairing] memory", the gerund parsed as a premodifier (review-18)
    if compared_adjective(token, lx.ALL_TRIGGER_WORDS, _GROUP_WORDS) is not None:  # "[X] were more [enjoyable] than Y" (agent:claims-10)
        return True
    if _object_comparative(token) is not None or _subject_comparative(token) is not None or \
            quantified_subject(token, _HAVE_VERBS) is not None:
        return True
    if token.lower_ in ("better", "worse", "poorer"):
        return _predicate_in_group(token)  # else only as the comparative of an object
    if token.lower_ in lx.COMPARATIVES and token.lower_ not in ("reduced", "increased", "improved", "lower"):
        return token.dep_ in ("acomp", "attr", "oprd")
    if token.dep_ == "amod" and ranked_among(token):
        return True  # "[X] is one of the most important procedures" (rules v9)
    if token.dep_ == "amod" and token.head.lower_ in ("form", "forms", "strategy", "strategies"):
        return _copula_attribute(token) is not None  # "[an effective form of Y] is [X]" only (rules v9)
    if token.dep_ in ("amod", "compound", "nmod", "poss") and token.head.lower_ not in _NOUN_HEADS_FOR_ADJ:
        return efficacy_target(token) is not None  # "[X] is an effective treatment for [Y]" (agent:claims-15)
    if token.pos_ == "NOUN" and token.lower_ in ("support", "supports", "help", "work", "power", "risk") and \
            not any(c.dep_ == "prep" and c.lower_ in ("of", "to", "for") for c in token.children):
        return False
    if token.lower_ in ("influence", "influences", "impact", "impacts") and token.pos_ in ("NOUN", "PROPN") and not any(
            c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in token.children):
        return False  # "with opportunities for influence", "the largest impact was observed": no relation (round 3)
    if token.lower_ in ("role", "roles"):  # "a role for [X] in [Y]" only; "[X] plays a role in" is the phrase
        role = _role_of(token)  # "role in" (round 3)
        return role is not None and role[1] is not None
    if token.lower_ == "risk" and token.dep_ == "pobj" and token.head.lower_ == "at" and \
            token.head.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return False  # "[children] at risk of conduct disorder were recruited": who was studied (agent:review-21)
    if token.lower_.startswith("overc") and token.pos_ != "VERB":
        return False  # a verb only (agent:review-20)
    if token.lower_.startswith("maximi") and token.pos_ != "VERB":
        return False  # a verb only (rules v9)
    if token.lower_ in ("limit", "limits", "require", "requires") and token.pos_ != "VERB":
        return False  # "the upper limit of normal": a noun, no relation (round 3)
    if token.lower_ in ("require", "requires") and _people_subject(token):
        return False  # "[Patients] often require support": a need, not a condition of Y (review fix)
    if token.lower_ in ("blocked", "blocking") and (
            (token.dep_ == "amod" and token.head.lower_.startswith("randomi")) or any(
            c.dep_ in _SUBJECTS and (c.lower_.startswith("randomi") or c.lower_ in _ALLOCATION_WORDS)
            for c in token.children)):
        return False  # "Randomization was blocked by site": block randomisation, a method (review fix)
    if token.lower_ == "advantage" and token.head.lower_ in ("take", "takes", "took", "taken", "taking"):
        return False  # "take advantage of": no relation (agent:claims-10)
    if token.lower_ in ("support", "favour", "favor", "help") and token.dep_ == "pobj" and token.head.lower_ in ("in", "with") \
            and not any(c.dep_ in ("amod", "det", "poss") for c in token.children):
        return False  # "in support of", "in favour of", "with help from": a preposition, not a relation (agent:claims-6)
    return token.pos_ in ("VERB", "NOUN", "ADJ", "AUX", "ADV", "PROPN")


def _predicate_in_group(token: Token) -> bool:
    """"[retention] was worse for [those receiving pergolide]", "[pain scores] were significantly poorer in
    [the control group]": an evaluative comparative as the predicate, located in a named group (a person or
    group word, or a noun with a clause of its own), is a group result like "higher in X" (guideline v1.2).
    Elsewhere ("was better tolerated", "better in the long term") it is no relation (agent:claims-15)."""
    if token.dep_ != "acomp" or token.head.pos_ not in ("AUX", "VERB"):
        return False
    group, subject = _comparison(token)
    return group is not None and subject is not None and group.i > token.i and (
        group.lower_ in _GROUP_WORDS or any(c.dep_ in ("relcl", "acl") for c in group.children))


def extract_relations(doc: Doc, skip: list[tuple[int, int]] = (), rejected: list | None = None,
                      nominal: bool = False) -> list[Relation]:
    """Relations in a parsed sentence ``doc``; inner triggers of a chain win.

    ``skip``: character ranges (citations) that are neither triggers nor spans. When nothing is
    found, triggers in relative clauses are tried too ("the key social factors that may promote
    recovery": the antecedent is the factor). ``rejected``, when given, receives the triggers whose
    relation was dropped because it names no factor (a group comparison without named groups, or a change that
    names no factor: findings, guideline v1.2), so that the caller does not fall back to a claim without spans. ``nominal``: the doc is
    a title, where a verbless finding ("Enhanced memory following X") is read too (:mod:`.nominal_finding`).
    """
    covariation = correlative(doc)
    if covariation is not None:  # "The more [X] ..., the lower [Y]": the construction owns the sentence (round 10)
        i, kind, factor, outcome, valence_from = covariation
        return [Relation(Trigger(i, i + 2, kind, i + 1), kind, factor, outcome, group_result=True, construction=True,
                         valence_span=(valence_from, outcome[1]) if valence_from is not None else None)]
    found: list = []
    relations = _extract(doc, skip, allow_relative=False, rejected=found)
    if not relations and not found:  # a rejected group comparison makes the sentence a finding
        relations = _extract(doc, skip, allow_relative=True, rejected=found)
    if nominal and not relations and not found:  # "[Enhanced] recognition memory following X": a title finding
        found_nominal = nominal_finding(doc)
        if found_nominal is not None:
            i, kind, factor, outcome, correlational = found_nominal
            return [Relation(Trigger(i, i + 1, kind, i), kind, factor, outcome, group_result=correlational, nominal=True)]
    if rejected is not None:
        rejected.extend(found)
    relations = [r for rel in relations for r in _or_whole(_enumerated(doc, rel, skip), rel)]
    out = []
    for rel in relations:  # "linked to [improved] surgical outcomes": the outcome without its change word
        split = split_changes(doc, rel.outcome, rel.kind) if rel.outcome is not None and not rel.group_result and \
            rel.kind in (lx.INCREASE, lx.DECREASE) else None
        if split is not None:  # "results in [higher self-esteem] and [lower anxiety]": one relation per conjunct
            out.extend(replace(rel, outcome=rng, kind=kind) for rng, kind in split)  # (review fix D)
            continue
        stripped = strip_change(doc, rel.outcome, rel.kind) if rel.outcome is not None and not rel.group_result else None
        if stripped is not None:
            rel.outcome, rel.kind = stripped
        out.append(rel)
    from .misparsed_clause import split_misparsed_clauses  # it builds on this module's Relation

    out = [r for r in (_relative_pronoun_factor(doc, r) for r in out) if r is not None]
    out = [replace(r, denied=True) if doc[r.trigger.start].lower_ in _DENYING_PREDICATES else r for r in out]
    # "[the net change in Y] favoured [X]": the parse's roles (the tagger reads the subject as the factor; round 7)
    out = [replace(r, construction=True) if doc[r.trigger.start].lower_.startswith("favo") else r for r in out]
    return split_denied(doc, split_misparsed_clauses(doc, out))


def _or_whole(items: list[Relation] | None, rel: Relation) -> list[Relation]:
    return [rel] if items is None else items


def _list_factors(doc: Doc, rel: Relation, begin: int) -> list[Relation] | None:
    """One relation per item of the list from ``begin`` that holds the relation's factor (review fix B)."""
    items = list_items(doc, begin, sentence_end(doc, begin))
    if items is None or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for a, b in items for t in doc[a:b]):
        return None  # a clause after a semicolon is no item
    implicit = rel.implicit_outcome or rel.outcome is None  # "[The enabling factors] were: (a) A; (b) B"
    return [Relation(rel.trigger, rel.kind, item, rel.outcome, implicit_outcome=implicit) for item in items]


def _enumerated(doc: Doc, rel: Relation, skip) -> list[Relation] | None:
    """One relation per item of an enumerated list of factors (:mod:`.enumerations`; rules v9), else None:
    "[Negative factors] influencing [Y] were: (a) A, (b) B" (a set of factors as the subject of a copula),
    "[Y] related to: (a) A, (b) B" (what the subject depends on), "Facilitating factors included A; B; C"
    (a factor after its trigger that is a list)."""
    head = doc[rel.trigger.head]
    colon = colon_after(doc, rel.trigger.end)
    if colon is not None:
        items = list_items(doc, colon + 1, sentence_end(doc, colon + 1))
        if items is None:
            return None
        between = {t.lower_ for t in doc[rel.trigger.end:colon]}
        if rel.factor is not None and rel.factor[1] <= rel.trigger.start and between & _COPULAS and \
                doc[rel.factor[1] - 1].lower_ in CATEGORY_NOUNS:
            kind = category_kind(doc[rel.factor[1] - 1], rel.kind)
            return [Relation(rel.trigger, kind, item, rel.outcome) for item in items]
        if head.lower_ in LIST_PREDICATES:
            subject = head.head if head.dep_ in ("acl", "relcl", "amod") else next(
                (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.i > head.i or subject.pos_ not in _NOUNS:
                return None
            if subject.lower_ in STUDY_ELEMENTS:
                return []  # "[Secondary outcomes] were related to: (a) A; (b) B": topics, no factors (review fix C)
            blocked = {t.i for t in doc if _skipped(t, skip)} if skip else set()
            outcome = _phrase(subject, blocked, exclude=rel.trigger, population=True, outcome=True)
            outcome = (outcome[0], min(outcome[1], head.i))
            return [Relation(rel.trigger, rel.kind, item, outcome) for item in items]
        if rel.factor is not None and rel.factor[0] > colon:  # "[Predictors] included: (a) A, (b) B": the factor
            return _list_factors(doc, rel, colon + 1)  # is the list's first item (review fix B)
        return None
    if rel.factor is None or rel.factor[0] < rel.trigger.end:
        return None
    root = next((t for t in doc[rel.factor[0]:rel.factor[1]] if not rel.factor[0] <= t.head.i < rel.factor[1]), None)
    if root is None or root.dep_ not in ("attr", "dobj") or root.head.lower_ not in _COPULAS:
        return None  # only the attribute of "[barriers] were / included A; B; C" (an inverted copula)
    begin = rel.factor[0]  # "[Protective factors] were: a) A, b) B": the list from the colon (review fix B)
    colon = next((k for k in range(rel.factor[0] - 1, rel.trigger.end - 1, -1) if doc[k].text == ":"), None)
    if colon is not None and root.head.i < colon:
        begin = colon + 1
    return _list_factors(doc, rel, begin)


def _extract(doc: Doc, skip, allow_relative: bool, rejected: list | None = None) -> list[Relation]:
    triggers = find_triggers(doc, skip)
    by_token = {i: t for t in triggers for i in range(t.start, t.end)}
    blocked = {t.i for t in doc if _skipped(t, skip)} if skip else set()
    consumed: set[int] = set()
    relations: list[Relation] = []
    for trigger in triggers:
        head = doc[trigger.head]
        inverted_copula = _copula_attribute(head)
        if trigger.end - trigger.start == 1 and tied_barrier(head):
            continue  # "[The main obstacle] was related to [X]": the barrier's relation, X its source (review fix E)
        if trigger.start in consumed or _unasserted(head):
            continue  # the assertion filters come first: the constructions below are claims only when asserted
        misread = misparsed_verb(head) if trigger.end - trigger.start == 1 else None
        if misread is None and trigger.end - trigger.start == 1:  # "suggest that [X] impairs [Y]", the verb
            misread = misread_clause_verb(head)  # read as an adjective heading the clause (round 3)
        if misread is None and trigger.end - trigger.start == 1:  # "[X] hampers [Y]" in a sentence parsed without
            misread = noun_read_verb(head) or base_form_read_verb(head)  # a verb (rules v9)
        if misread is None and trigger.end - trigger.start == 2 and doc[trigger.start].i == head.i:
            misread = noun_read_phrase_verb(head)  # "[X of the receptor] results in [Y]", "results" read as a noun
        if misread is not None:  # "[Deletion of X] impairs [Y]", the verb read as an adjective (agent:claims-10);
            # misread, so its place in the parse (an amod in the subject) says nothing of a relative clause
            relations.append(Relation(trigger, _evaluative_kind(head, trigger.kind), misread[0], misread[1]))
            continue
        raised = raised_object(head)  # "[analysis] showed [X] to be associated with [Y]" (round 3, claims@0.7.0)
        if inverted_copula is None and raised is None and not allow_relative and _in_relative_clause(head):
            continue
        if allow_relative and inverted_copula is None and _describes_subject(head):
            continue  # "[An analysis of the social factors that contribute to X] can reveal ...": presupposed
        # the constructions below name their own factor, so not inside a relative clause either (the second pass
        # reads the antecedent as the factor: "Studies that demonstrated the efficacy of X ..." is no claim;
        # review fixes, agent:claims-16)
        special = inverted_copula is not None or raised is not None or not _in_relative_clause(head)
        compared = compared_adjective(head, lx.ALL_TRIGGER_WORDS, _GROUP_WORDS) if special and trigger.end - trigger.start == 1 else None
        if compared is not None:  # "[X] were more [enjoyable] than Y": a group result (agent:claims-10)
            subject = group_in(compared[0]) or compared[0]
            factor = whole_subject(subject, _phrase(subject, blocked, exclude=trigger, parens=True), blocked)
            relations.append(Relation(trigger, trigger.kind, factor, (compared[1].i, compared[1].i + 1),
                                      group_result=True))
            continue
        improved = group_improved(head, _GROUP_WORDS) if special and trigger.end - trigger.start == 1 else None
        if improved is not None:  # "[Ss with BPD] improved significantly less": a group result (agent:claims-15)
            subject = improved[0]
            factor = whole_subject(subject, _phrase(subject, blocked, exclude=trigger, parens=True), blocked)
            relations.append(Relation(trigger, _INVERT[trigger.kind] if improved[1] else trigger.kind, factor, None,
                                      implicit_outcome=True, group_result=True))
            continue
        made = made_adjective(head) if special and trigger.end - trigger.start == 1 else None
        if made is not None:  # "[X] makes [Y] more difficult", "[X] made it easier to [Y]" (made_adjective)
            factor = whole_subject(made[0], _phrase(made[0], blocked, exclude=trigger, parens=True), blocked)
            outcome = _phrase(made[1], blocked, exclude=trigger, population=True, outcome=True)
            if made[1].i > head.i and made[1].dep_ != "nsubj":  # "it harder [to form relationships]": no "to"
                outcome = (max(outcome[0], made[1].i), outcome[1])
            relations.append(Relation(trigger, made[2], factor, outcome))
            continue
        protected = protected_from(head) if special and trigger.end - trigger.start == 1 else None
        if protected is not None:  # "[X] protected (people) against [Y]": Y is kept away, who is protected no role
            factor_head = protected[0] if protected[0] is not None else _find_factor(head)  # (round 9)
            relations.append(Relation(replace(trigger, kind=lx.DECREASE), lx.DECREASE,
                                      _phrase(factor_head, blocked, parens=True) if factor_head is not None else None,
                                      _phrase(protected[1], blocked, population=True, outcome=True)))
            continue
        attribution = attributed_to(head) if special and trigger.end - trigger.start == 1 else None
        if attribution is not None:  # "[they] attributed [Y] to [X]": the subject only reports (round 9)
            relations.append(Relation(trigger, trigger.kind, _phrase(attribution[0], blocked, parens=True),
                                      _phrase(attribution[1], blocked, exclude=trigger, population=True, outcome=True)))
            continue
        variance = explained_variance(head) if special and trigger.end - trigger.start == 1 else None
        if variance is not None:  # "[X] explained N% of the variance in [Y]": an association (round 10)
            factor = whole_subject(variance[0], _phrase(variance[0], blocked, exclude=trigger, parens=True), blocked)
            relations.append(Relation(trigger, lx.ASSOCIATE, factor,
                                      _phrase(variance[1], blocked, exclude=trigger, population=True, outcome=True)))
            continue
        difficulty = difficulty_cause(head) if special and trigger.end - trigger.start == 1 else None
        if difficulty is not None:  # "[Y] is difficult because of [X]": the cause hinders the subject (rules v9)
            relations.append(Relation(trigger, lx.HARM, _phrase(difficulty[0], blocked, parens=True),
                                      _phrase(difficulty[1], blocked, exclude=trigger, population=True, outcome=True)))
            continue
        words = tuple(t.lower_ for t in doc[trigger.start:trigger.end])
        cause = connective_cause(doc[trigger.start]) if special and words in CONNECTIVES else None
        if cause is not None:  # "[Y] was due to [X]", "people [lost Y] because of [X]" (cause_connective)
            outcome = _phrase(cause[1], blocked, exclude=trigger, population=True, outcome=True)
            if outcome[0] < trigger.start < outcome[1]:
                outcome = (outcome[0], trigger.start)  # "[isolated] because of X": the connective is not the outcome
            relations.append(Relation(trigger, cause[2], _phrase(cause[0], blocked, parens=True), outcome,
                                      construction=True))
            continue
        source = source_relation(doc[trigger.start]) if special and words in SOURCE_NOUNS else None
        if source is not None:  # "[X] was the main reason for [Y]", "[X] provided a source of [Y]" (cause_connective)
            factor = whole_subject(source[0], _phrase(source[0], blocked, exclude=trigger, parens=True), blocked)
            outcome = _phrase(source[1], blocked, population=True, outcome=True)
            if doc[outcome[0]].lower_ == "not" and outcome[1] > outcome[0] + 1:
                outcome = (outcome[0] + 1, outcome[1])  # "reason for [not] seeking help": the kind holds the "not"
            relations.append(Relation(trigger, source[2], factor, outcome, construction=True))
            continue
        if words in CONNECTIVES or words in SOURCE_NOUNS:
            continue  # only in those constructions (a relative clause holds none of them)
        judged = judged_subject(head) if special and (head.lower_ == "problematic" or (
            trigger.end - trigger.start == 2 and doc[trigger.start].lower_ == "risk")) else None
        if judged is not None:  # "[X] was problematic", "[X] is a major risk factor": the outcome implicit (rules v9)
            factor = whole_subject(judged, _phrase(judged, blocked, exclude=trigger, parens=True), blocked)
            named = named_outcome(head)
            relations.append(Relation(trigger, trigger.kind, factor, _phrase(named, blocked, population=True, outcome=True)
                                      if named is not None else None, implicit_outcome=named is None))
            continue
        efficacy = reported_efficacy(head) if trigger.end - trigger.start == 2 else None
        if efficacy is not None and not special:
            continue  # "Studies that demonstrated the efficacy of [X]": a description, not the antecedent's relation
        if efficacy is not None:  # "[trials] demonstrate the efficacy of [X] (in [Y])" (agent:claims-10)
            relations.append(Relation(trigger, trigger.kind, _phrase(efficacy[0], blocked, parens=True),
                                      _phrase(efficacy[1], blocked, population=True, outcome=True)
                                      if efficacy[1] is not None else None))
            continue
        listed = listed_side_effects(head) if trigger.end - trigger.start == 1 else None
        if listed is not None:  # "[The side effects] of [X] were [Y] and Z": X harms Y (round 7, agent:review-26)
            if special and listed[0] is not None and listed[1] is not None:
                relations.append(Relation(replace(trigger, kind=lx.HARM), lx.HARM,
                                          _phrase(listed[0], blocked, parens=True),
                                          _phrase(listed[1], blocked, population=True, outcome=True), construction=True))
            continue
        consequence = consequence_of(head) if special and (doc[trigger.start].lower_ in CONSEQUENCE_NOUNS or (
            trigger.end - trigger.start == 1 and side_effect(head))) else None
        if consequence is not None:  # "[Y] can be a long-term complication following [X]" (agent:claims-10)
            relations.append(Relation(trigger, lx.INCREASE if side_effect(head) else trigger.kind,
                                      _phrase(consequence[0], blocked, parens=True),
                                      _phrase(consequence[1], blocked, population=True, outcome=True)))
            continue
        deficit = deficit_object(head, _HAVE_VERBS) if special and doc[trigger.start].lower_ in DEFICIT_NOUNS else None
        if deficit is not None:  # "[DS patients] exhibit abnormalities of [Y]": a group result (agent:claims-10)
            factor = whole_subject(deficit[0], _phrase(deficit[0], blocked, exclude=trigger, parens=True), blocked)
            outcome = _phrase(deficit[1], blocked, population=True, outcome=True)
            for conj in (c for c in deficit[1].children if c.dep_ == "conj" and c.i in by_token):
                end = conj.left_edge.i  # "deficits of [recognition memory], reduction in Y": the next relation's
                while end > outcome[0] + 1 and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
                    end -= 1
                outcome = (outcome[0], min(outcome[1], end))
            relations.append(Relation(trigger, trigger.kind, factor, outcome, group_result=True))
            continue
        kind = _evaluative_kind(head, trigger.kind)
        outcome_tok, inner = _find_outcome(doc, trigger, by_token, blocked)
        for t in inner:
            consumed.add(t.start)
            if t.kind == lx.ASSOCIATE and t.end - t.start == 1 and doc[t.start].lower_ in lx.OUTCOME_WRAPPERS \
                    and kind != lx.ASSOCIATE:
                continue  # "reduced [the risk] of relapse": a wrapper noun; the outer predicate decides (0.11.0)
            # "[X] caused deleterious effects on [Y]": an evaluated effect noun inside the object sets the kind
            # (review-18: it had read "caused ... effects on recovery" as an association with recovery)
            inner_kind = _evaluative_kind(doc[t.start], t.kind) if t.end - t.start == 1 else t.kind
            kind = _INVERT[inner_kind] if kind == lx.DECREASE and inner_kind != lx.ASSOCIATE else inner_kind
        factor_tok = inverted_copula if inverted_copula is not None else raised if raised is not None else \
            _find_factor(head)
        # "[Poor emotion skills] were characteristic of [these individuals]": a description of a group, so the
        # group is the factor and the trait the outcome (a group result, guideline "Group comparisons")
        group_of = next((c for c in doc[trigger.end - 1].children if c.dep_ == "pobj" and c.lower_ in _GROUP_WORDS),
                        None) if doc[trigger.start].lower_ in ("characteristic", "typical") else None
        characteristic_of_group = group_of is not None and factor_tok is not None
        if characteristic_of_group:
            factor_tok, outcome_tok = group_of, factor_tok
        if outcome_tok is None and trigger.end - trigger.start == 1:
            outcome_tok = efficacy_target(head)  # "[X] is a safe and effective treatment for [Y]" (agent:claims-15)
        npadv_object = None
        if outcome_tok is None and trigger.end - trigger.start == 1 and head.pos_ == "VERB" and not any(
                c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in head.children):  # "which increased [waiting times]"
            outcome_tok = npadv_object = next((c for c in head.children if c.dep_ == "npadvmod" and c.i > head.i and c.pos_ == "NOUN"
                                and c.lower_ not in _TIME_NOUNS and not any(g.dep_ in ("nummod", "det", "quantmod")
                                                                            for g in c.children)), None)  # (review fix I)
        if outcome_tok is None and trigger.end - trigger.start == 1 and head.dep_ == "amod" and ranked_among(head):
            outcome_tok = ranked_outcome(head)  # "[X] is among the most effective treatments for [Y]" (review fix A)
        efficacy = supported_efficacy(head) if factor_tok is None or evidence_subject(head) else None
        if efficacy is not None:  # "[trials] support the effectiveness of [X] (in Y)" (agent:claims-10)
            factor_tok, outcome_tok = efficacy
        changed = _intransitive_change(head) if trigger.end - trigger.start == 1 and npadv_object is None else None
        if changed is not None:  # the subject changes; the factor is what it changed after / with, if named
            outcome_tok = changed
            factor_tok = next((p for prep in head.children if prep.dep_ == "prep" and prep.lower_ in
                               ("after", "following", "with") for p in prep.children if p.dep_ in ("pobj", "dobj")),
                              None)  # "dobj": "decreased [following] the intervention", "following" read as a verb
            if factor_tok is None:  # "[Symptoms] improved because of / through [X]" (cause_connective)
                factor_tok = _means_of_change(head)
        passive_change = _passive_change_after(head) if trigger.end - trigger.start == 1 and changed is None else None
        if passive_change is not None:  # "[Y] was reduced after [X]" (agent:claims-10)
            factor_tok, outcome_tok = passive_change
            changed = outcome_tok
        group_result = characteristic_of_group
        if head.lower_ in lx.COMPARATIVES and head.dep_ in ("acomp", "attr", "oprd"):
            factor_tok, outcome_tok = _comparison(head)
            group_result = True
        likely = _likely(head) if head.lower_ == "likely" else None
        if likely is not None:  # "[X] were more likely to [drop out]" / "[Y] were more likely in [X]"
            factor_tok, outcome_tok = likely
        if outcome_tok is None and head.lower_ in ("superior", "inferior") and head.dep_ == "acomp":
            outcome_tok = next((p for c in head.head.children if c.dep_ == "prep" and c.i > head.i and c.lower_ in
                                ("on", "in", "for", "regarding") for p in c.children if p.dep_ == "pobj"), None)
        in_group = _changed_in_group(head) if trigger.end - trigger.start == 1 else None
        if in_group is not None:  # "[Y] was elevated in [X]", "[Y] tended to decrease more for [the X group]"
            factor_tok, outcome_tok = in_group
            group_result = True
        beneficiary_from = _benefit_from(head)
        if beneficiary_from is not None:  # "[X] would benefit from [Y]": Y is the factor, X the beneficiary;
            factor_tok, outcome_tok, kind = beneficiary_from, None, lx.BENEFIT  # the outcome is implicit (v1.2)
        comparison = _group_comparison(head) if beneficiary_from is None else None
        if comparison is not None:  # "a difference in [Y] between [A and B]", "[Y] did not differ between [A and B]"
            groups, measure = comparison
            group_result = True
            if groups is None or _statistic(groups) or generic_groups(_group_text(groups)):
                if rejected is not None:
                    rejected.append(trigger)
                continue  # no named groups: a finding, not a claim (guideline v1.2)
            if measure is not None and measure.pos_ in ("VERB", "AUX") and measure.dep_ == "pcomp":
                if measure.i in by_token:  # "no difference ... in [reducing] Y": that trigger is this relation's
                    consumed.add(by_token[measure.i].start)
                measure = next((c for c in measure.children if c.dep_ == "dobj"), measure)
            factor_tok, outcome_tok = None, measure
        pair = _between_pair(head)
        if pair is None and head.lower_ in SUPPORT_VERBS and head.pos_ == "VERB" and evidence_subject(head):
            held = next((c for c in head.children if c.dep_ == "dobj" and c.lower_ in _PAIR_NOUNS), None)
            pair = _between_pair(held) if held is not None else None
            if pair is not None:  # "[The evidence] supports an association between [A] and [B]": the association is
                kind = _evaluative_kind(held, lx.ASSOCIATE)  # the claim, not the evidence (round 7 gap,
                # agent:review-27); "a [negative] association" decreases (agent:review-28)
        if pair is not None:  # "an association between [A] and [B]"
            factor_tok, outcome_tok = pair
        compared = _object_comparative(head) if trigger.end - trigger.start == 1 else None
        object_comparative = compared is not None
        if object_comparative:  # "[athletes] exhibited higher [cortisol levels]"
            factor_tok, outcome_tok = _find_factor(compared.head), compared
            factor_tok = group_in(factor_tok) or factor_tok  # "hair from [the stressed group] contained higher Y"
            group_result = True
        subject_comparative = _subject_comparative(head) if trigger.end - trigger.start == 1 else None
        if subject_comparative is not None:  # "a lower rate of [X] was documented in [patients who ...]"
            factor_tok, outcome_tok = subject_comparative
            outcome_tok = _unwrap(outcome_tok)
            object_comparative = True  # the outcome is likewise read without its comparative
            group_result = True
        quantified = quantified_subject(head, _HAVE_VERBS) if trigger.end - trigger.start == 1 else None
        if quantified is not None:  # "[Fewer] [X subjects] had [Y]": the group, and what fewer of them had
            factor_tok, outcome_tok = group_in(quantified[0]) or quantified[0], quantified[1]
            group_result = True
        if doc[trigger.start:trigger.end].text.lower() in lx.REVERSED_PHRASES:
            factor_tok, outcome_tok = outcome_tok, factor_tok
            direct = next((c for c in doc[trigger.end - 1].children if c.dep_ == "pobj" and c.pos_ in _NOUNS), None)
            if direct is not None and direct.i in by_token:  # "attributed to [X's effects on Z]": the object
                factor_tok = direct  # as a whole, not the end of a walk through its own relation word
            if factor_tok is not None and factor_tok.head.dep_ == "pcomp" and factor_tok.head.pos_ in ("VERB", "AUX") \
                    and factor_tok.head.head.i == trigger.end - 1:
                factor_tok = factor_tok.head  # "depend on [maintaining affirmative relationships]": the whole gerund
        factor_tok = _effect_of(factor_tok)
        effect = effect_of_on(head) if trigger.end - trigger.start == 1 and head.head.i not in by_token else None
        if effect is not None:  # "There was no effect of [X] on [Y]" (agent:claims-15)
            factor_tok, outcome_tok = effect[0], outcome_tok if outcome_tok is not None else effect[1]
        noun = head if head.pos_ == "NOUN" else head.head if head.dep_ == "amod" and head.head.pos_ == "NOUN" else None
        if noun is not None and (factor_tok is None or factor_tok.i in (head.i, noun.i)):  # "the changes in Y [by X]",
            factor_tok = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i
                               for p in c.children if p.dep_ == "pobj"), factor_tok)  # "effects by X" (agent:claims-10)
        role = _role_of(head)
        if role is not None:  # "[research] indicates a critical role of [X] in [Y]" (agent:claims-10)
            factor_tok, outcome_tok = role
        if _is_passive_with_agent(head) and head.lower_ not in ("accompanied", "followed"):  # "[X] is accompanied by [Y]": co-occurrence,
            agent = _agent_object(head)  # read in sentence order like "associated with"
            subject = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if subject is None:  # "[The care offered to X] can be influenced by Y": a reduced relative read as a
                subject = next((c for c in head.children if c.dep_ == "csubjpass" and c.tag_ in ("VBN", "VBD") and any(
                    g.dep_ == "nsubj" and g.i < c.i for g in c.children)), None)  # clause subject (rules v9)
            if agent is not None and head.lower_ in ("supported", "substantiated") and (
                    agent.lower_ in lx.METHOD_NOUNS or agent.lower_ in _EVIDENCE_NOUNS):
                factor_tok, outcome_tok = subject or factor_tok, None  # "[X] is not supported by evidence": no
                # factor in the evidence; the claim is about X, its outcome implicit (agent:claims-10)
            elif agent is not None:
                factor_tok = agent
                if (outcome_tok is None or limited_by(head)) and subject is not None:
                    outcome_tok = subject  # "[Y] is limited by X in Z": the subject, not Z (rules v9)
        factor_tok = None if factor_tok is not None and (factor_tok.i in blocked or (
            _statistic(factor_tok) and not _dose_coordination(factor_tok))) else factor_tok
        if factor_tok is not None and factor_tok.i == head.i and head.pos_ in ("NOUN", "PROPN"):
            # "[Most barriers to Y] were specific to [X]": where the barrier lies is the factor (rules v9); else
            factor_tok = barrier_source(head)  # "[Significant reductions] were found in Y": no factor
        located = change_in_group(head) if factor_tok is None and _reported_change(head) else None
        if located is not None:  # "Significant reductions in [Y] were found in [the X group]"
            factor_tok, outcome_tok = located
            group_result = True
        if factor_tok is None and (changed is not None or _reported_change(head)):  # "... were found for Y,
            factor_tok = _after_what(head)  # [following attendance at the program]": what the change followed
        if factor_tok is None and (changed is not None or _reported_change(head)):
            if rejected is not None:  # "Symptoms decreased from pre- to post-treatment", "Significant reductions were
                rejected.append(trigger)  # found in Y": a change that names no factor is a finding (guideline v1.1)
            continue
        outcome_tok = None if outcome_tok is not None and _statistic(outcome_tok) else outcome_tok
        outcome_tok = None if outcome_tok is not None and outcome_tok.i in blocked else outcome_tok
        if outcome_tok is not None and _proposition(outcome_tok):
            continue  # "Research supports [the conclusion that X improves Y]": a report of a claim, whose own
            # trigger inside the that-clause gives the claim X -> Y
        factor = _phrase(factor_tok, blocked, exclude=trigger, cut_claims=by_token, parens=True) if factor_tok is not None else None
        if factor is not None:  # "[addressing A, B, and C] might reduce Y": a coordination the parser split
            factor = whole_subject(factor_tok, factor, blocked)
            factor = reduced_relative(factor_tok, factor, head) or factor  # "[patients treated with X] had Y"
            factor = trailing_gerund(factor_tok, factor, blocked)  # "from [being part of X, and engaging in Y]"
            factor = _before_stray_verb(doc, factor_tok, factor)  # "[FDG PET during a task] revealed ..."
            factor = _before_gloss(doc, factor_tok, factor)  # "[Cortisol], a key mediator of the stress response,"
            if effect is not None and factor[0] < effect[2].i < factor[1]:
                factor = (factor[0], effect[2].i)  # "effect of [X] on Y" with "on" hung on X (agent:claims-15)
        if factor is None and factor_tok is None and comparison is None and pair is None and changed is None:
            factor = subjectless_factor(head, blocked)  # "..., [better control] predict Y" (agent:claims-10)
        if role is not None and role[1] is not None and factor is not None and factor[0] <= role[1].i < factor[1]:
            factor = (factor[0], max(factor[0] + 1, role[1].head.i))  # "a role for [Chd1] in Y": the holder only
        if comparison is not None:
            factor = _group_range(comparison[0], blocked)
        if pair is not None and factor is not None:  # A's phrase stops before "and B"
            cut = [c.i for c in factor_tok.children if c.dep_ in ("cc", "conj") and c.i > factor_tok.i]
            if cut:
                factor = (factor[0], max(factor[0] + 1, min(cut)))
        elif head.lower_ in _PAIR_NOUNS and factor is not None and factor[0] <= head.i < factor[1]:
            factor = None  # "a significant inverse correlation [was found ...]": the relation is not the factor
        if factor is not None and _GENERIC_GROUPS.match(doc[factor[0]:factor[1]].text):
            continue  # "Both groups showed equal reductions in symptoms": names no factor, a finding (guideline v1.1)
        if comparison is not None and outcome_tok is not None:  # "[self-esteem level] between the two ...": the
            outcome = _phrase(outcome_tok, blocked, population=True, outcome=True)  # groups are not the outcome
            outcome = (outcome[0], min(outcome[1], factor[0])) if outcome[0] < factor[0] else outcome
            if outcome[1] - outcome[0] > 1 and doc[outcome[1] - 1].lower_ in ("between", "among", "across", "by", "with"):
                outcome = (outcome[0], outcome[1] - 1)
        if quantified is not None and factor is not None and factor[0] == head.i < factor[1] - 1:
            factor = (head.i + 1, factor[1])  # the group without the quantity ("[Fewer] X subjects")
        quantifier = _quantified(factor_tok)
        if factor is not None and quantifier is not factor_tok and quantifier.i < factor[0]:
            factor = (quantifier.i, factor[1])  # "some of [the key social factors ...]"
        if comparison is None:
            outcome = _phrase(outcome_tok, blocked, population=True, outcome=True) if outcome_tok is not None else None
            if outcome is not None:  # "[A, B, C and D] were increased in X": the whole split subject
                outcome = whole_subject(outcome_tok, outcome, blocked)
                outcome = _before_gloss(doc, outcome_tok, outcome)  # "[higher cortisol production], particularly"
        elif outcome_tok is None:
            outcome = None
        if outcome is None and outcome_tok is None and head.pos_ == "NOUN":
            outcome = _hyphenated_to_object(head, blocked)  # "a barrier [to help-seeking]" (review fix A)
        if object_comparative and outcome is not None and outcome[0] <= head.i < outcome[1] - 1:
            outcome = (head.i + 1, outcome[1])  # the outcome without its comparative
        elif outcome is not None and outcome[1] - outcome[0] > 1 and doc[outcome[0]].lower_ in _QUANTITY_COMPARATIVES \
                and doc[outcome[0]].head.i == outcome_tok.i and doc[outcome[0]].dep_ in ("amod", "advmod"):
            outcome = (outcome[0] + 1, outcome[1])  # "predict [more] WIT": the amount is the relation's, not the outcome's
        if factor is not None and outcome is None:  # "[A] and [B] were significantly correlated"
            factor, outcome = reciprocal_pair(doc, head, factor) or (factor, outcome)
        if pair is not None and factor and outcome and outcome[0] <= factor[0] and factor[1] <= outcome[1] and \
                pair[0].head.i == pair[1].i:  # "between [HCC] and [alcohol consumption]": B from the conjunct on
            conj = next((c for c in pair[0].children if c.dep_ == "conj"), None)
            outcome = (conj.left_edge.i, outcome[1]) if conj is not None and conj.i < pair[1].i else outcome
        if factor and outcome and factor[0] <= outcome[0] < factor[1]:
            outcome = None
        if factor and outcome and outcome[0] < factor[0] < outcome[1] and doc[factor[0] - 1].pos_ == "ADP" \
                and doc[factor[0] - 1].head.i == outcome_tok.i:  # "[total costs] in [the CBT group]": the
            outcome = (outcome[0], factor[0] - 1)  # group is the factor, the measure before it the outcome
        if factor is None and outcome is None:
            continue
        if swap_sides(doc, doc[trigger.start:trigger.end].text, factor, outcome):
            factor, outcome = outcome, factor  # "Y was correlated with [age]": the exposure is the factor
        relations.append(Relation(trigger, kind, factor, outcome,
                                  implicit_outcome=(beneficiary_from is not None and _beneficiary(head)) or (
                                      outcome is None and factor is not None and (judged_effective(head) or head.lower_ == "promise")),
                                  group_result=group_result))
        if factor is not None and outcome is not None and head.pos_ == "NOUN" and head.dep_ == "dobj":
            prep = next((c for c in head.children if c.dep_ == "prep" and c.i > head.i), None)
            for conj in (c for c in head.head.children if prep is not None and c.dep_ == "conj" and c.pos_ == "ADP"
                         and c.lower_ == prep.lower_ and c.i > prep.i):  # "influence on A, and [on B]" with the
                obj = _pobj(conj)  # second "on" hung on the verb (rules v9)
                if obj is not None and obj.i not in blocked:
                    relations.append(Relation(trigger, kind, factor, _phrase(obj, blocked, population=True, outcome=True)))
        if factor is not None and outcome is not None and _is_passive_with_agent(head) and factor_tok is not None:
            for agent in agents(head)[1:]:  # "[Y] is limited by [A] and, in some patients, by [B]" (rules v9)
                if agent.i > factor_tok.i and agent.i not in blocked:
                    relations.append(Relation(trigger, kind, _phrase(agent, blocked, parens=True), outcome))
        if factor is not None and outcome is not None and outcome_tok is not None and comparison is None:
            for prep, obj in repeated_preps(head, outcome_tok):  # "associated with [A] and with [B]" (agent:claims-15)
                relations.append(Relation(Trigger(prep.i, prep.i + 1, trigger.kind, prep.i), kind, factor,
                                          _phrase(obj, blocked, population=True, outcome=True), group_result=group_result))
        if factor is not None and factor_tok is not None:
            relations.extend(_continued(doc, factor_tok, factor, triggers, by_token, blocked, consumed))
        for a, b in _further_pairs(pair[0]) if pair is not None else ():  # "... between A and B and [between C
            cut = [c.i for c in a.children if c.dep_ in ("cc", "conj") and c.i > a.i]  # and D]": one relation each
            a_rng = _phrase(a, blocked, parens=True)
            relations.append(Relation(trigger, kind, (a_rng[0], max(a_rng[0] + 1, min(cut))) if cut else a_rng,
                                      _phrase(b, blocked, population=True, outcome=True)))
    relations.sort(key=lambda r: r.trigger.start)  # sentence order (hedge and negation windows rely on it)
    return _merge(doc, relations)


_OWN_ASSERTION = lx.HEDGE_WORDS | {"will", "shall", "must", "should"}


def _continued(doc: Doc, factor_tok: Token, factor: tuple[int, int], triggers: list[Trigger], by_token: dict,
               blocked: set[int], consumed: set[int]) -> list[Relation]:
    """Relations of a modal relative clause on a claim's factor, which continues the claim about it: "Such
    experiences may be exacerbated by [coercive service responses] [that may further undermine Y]" also gives
    responses -> Y (agent:claims-6). ``_phrase`` cuts such a clause from the factor; a relative clause that
    only restricts ("factors that contribute to X can reveal ...") is not on a claim's factor, or has no modal."""
    out = []
    for clause in factor_tok.children:
        if clause.dep_ != "relcl" or clause.i < factor_tok.i or not any(
                c.dep_ == "aux" and c.lower_ in _OWN_ASSERTION for c in clause.children) or not any(
                c.dep_ == "nsubj" and c.lower_ in ("that", "which", "who") for c in clause.children):
            continue
        trigger = next((t for t in triggers if t.head == clause.i and t.start not in consumed), None)
        if trigger is None:
            continue
        outcome_tok, inner = _find_outcome(doc, trigger, by_token, blocked)
        if outcome_tok is None or _statistic(outcome_tok):
            continue
        kind = trigger.kind
        for t in inner:
            consumed.add(t.start)
            kind = _INVERT[t.kind] if kind == lx.DECREASE and t.kind != lx.ASSOCIATE else t.kind
        consumed.add(trigger.start)
        out.append(Relation(trigger, _evaluative_kind(doc[trigger.head], kind), factor,
                            _phrase(outcome_tok, blocked, population=True, outcome=True)))
    return out


_CHANGE_NOUNS = frozenset(["reduction", "reductions", "improvement", "improvements", "increase", "increases", "decrease",
                           "decreases", "decline", "declines", "change", "changes", "gain", "gains"])
_REPORT_VERBS = frozenset(["found", "observed", "seen", "noted", "reported", "demonstrated", "shown", "documented",
                           "detected", "identified", "recorded"])


def _reported_change(head: Token) -> bool:
    """"Significant reductions were found in Y": a change noun that is the subject of a passive report verb."""
    return head.lower_ in _CHANGE_NOUNS and head.dep_ == "nsubjpass" and head.head.lower_ in _REPORT_VERBS


def _after_what(head: Token) -> Token | None:
    """The group of a coordinated comparative ("..., but was more pronounced in [the intervention arm]"), or
    the object of "after / following" in the clause of a change ("improvements ... were found ..., following
    [attendance] at the education program"), unless it is a time ("after [one year]")."""
    verb = head.head if head.dep_ in ("nsubj", "nsubjpass") else head
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("AUX", "VERB")):
        # "... was observed in both arms, but [was more pronounced in the intervention arm]": the compared group
        for comp in (c for c in conj.children if c.dep_ in ("acomp", "attr")):
            if comp.lower_ in ("greater", "larger", "stronger", "higher", "bigger") or any(
                    a.dep_ == "advmod" and a.lower_ in _COMPARATIVE_ADVERBS for a in comp.children):
                group = next((p for c in (*comp.children, *conj.children) if c.dep_ == "prep" and c.lower_ in
                              ("in", "among", "for", "with") for p in c.children if p.dep_ == "pobj"), None)
                if group is not None and group.lower_ not in _TIME_NOUNS:
                    return group
    for tok in verb.subtree:
        if tok.lower_ in ("after", "following") and tok.i > head.i and tok.dep_ in ("prep", "advcl", "acl", "xcomp"):
            obj = _pobj(tok) if tok.dep_ == "prep" else next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.lower_ not in _TIME_NOUNS and not _statistic(obj) and \
                    not any(c.dep_ == "nummod" for c in obj.children):
                return obj
    return None


_CHANGED_PARTICIPLES = frozenset(["elevated", "increased", "decreased", "reduced", "lowered", "raised", "diminished",
                                  "impaired", "heightened", "attenuated", "blunted", "improved",
                                  "altered"])  # agent:claims-10: "[Y] may be altered in [X]"
_TIME_NOUNS = frozenset(["week", "weeks", "month", "months", "year", "years", "day", "days", "period", "periods",
                         "baseline", "follow-up", "followup", "time", "phase", "phases", "session", "sessions", "visit",
                         "visits", "course", "end", "start", "beginning", "posttreatment", "post-treatment", "pretreatment"])
_COMPARATIVE_ADVERBS = frozenset(["more", "less", "faster", "quicker", "further", "greater", "slower", "earlier", "later"])


def _changed_in_group(head: Token) -> tuple[Token, Token] | None:
    """``(group, measure)`` of a change located in a group (added for issue #5, guideline v1.2):

    * a passive change participle without an agent: "[Y] was (significantly) elevated in [X]";
    * an intransitive change verb compared across groups: "[Y] tended to decrease more quickly for [the X
      group] than for the placebo group" (a within-group change with no comparison stays a finding).
    """
    low = head.lower_
    if head.pos_ != "VERB" or any(c.dep_ in ("agent", "dobj") for c in head.children):
        return None
    if low in _CHANGED_PARTICIPLES and any(c.dep_ == "auxpass" for c in head.children):
        subject = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    elif low in lx.INTRANSITIVE_CHANGE and (any(c.dep_ == "prep" and c.lower_ in ("than", "compared", "relative", "versus",
                                                                                  "vs", "vs.")
                                                for c in head.children) or any(
            g.lower_ in _COMPARATIVE_ADVERBS for c in head.children if c.dep_ == "advmod" for g in (c, *c.children))):
        verb = head.head if head.dep_ == "xcomp" else head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    else:
        return None
    group = next((p for c in head.children if c.dep_ == "prep" and c.i > head.i and c.lower_ in ("in", "among", "for")
                  for p in c.children if p.dep_ == "pobj"), None)
    if group is not None and low not in _CHANGED_PARTICIPLES and group.lower_ not in _GROUP_WORDS | {"arm", "arms"}:
        return None  # "they improved more [in general dysfunction]": the domain, not a group
    if subject is None or group is None or group.lower_ in _TIME_NOUNS or subject.pos_ not in _NOUNS + ("ADJ",) \
            or _statistic(group):
        return None
    return group, subject


#: "benefit / gain / profit from" (guideline v1.2): the object of "from" is the factor.
_BENEFIT_FROM = frozenset(["benefit", "benefits", "benefited", "benefitted", "benefiting", "benefitting", "gain", "gains",
                           "gained", "gaining", "profit", "profits", "profited", "profiting"])


def _benefit_from(head: Token) -> Token | None:
    """The object of "from" of "[X] (would) benefit / gain / profit from [Y]" (Y), else None."""
    if head.lower_ not in _BENEFIT_FROM or head.pos_ not in ("VERB", "AUX", "NOUN"):
        return None
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    if prep is None:
        return None
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


_NOT_BENEFICIARIES = frozenset(["it", "this", "that", "which", "research", "practice", "field", "literature", "work",
                                 "area", "approach", "approaches", "policy", "policies"])


def _beneficiary(head: Token) -> bool:
    """The subject of "benefit from" names who benefits ("[SMGs and their families] would benefit from"), not a
    practice or a text ("[it] would benefit from a more explicit focus": a recommendation)."""
    if head.pos_ in ("NOUN", "PROPN"):  # "showed short-term [benefits] from the addition of X": the benefit is stated
        return head.dep_ in ("dobj", "attr", "nsubj", "nsubjpass", "pobj")
    subject = next((c for c in _subjects(head)), None)
    return subject is not None and subject.lower_ not in _NOT_BENEFICIARIES and subject.lower_ not in lx.METHOD_NOUNS


#: Group-comparison triggers (guideline v1.2): "a difference in Y between A and B", "Y differed between A
#: and B", "Y were similar between groups", "Y differ depending upon X".
_DIFFER_NOUNS = frozenset(["difference", "differences"])
_DIFFER_PREDICATES = frozenset(["differ", "differs", "differed", "differing", "different", "similar", "comparable",
                                "identical", "equal", "vary", "varies", "varied", "varying", "variable", "pronounced"])
_GROUP_PREPS = frozenset(["between", "among", "across"])
_MEASURE_PREPS = frozenset(["in", "on", "for", "of", "regarding"])


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _group_comparison(head: Token) -> tuple[Token | None, Token | None] | None:
    """``(groups, measure)`` of a group comparison, or None when ``head`` is not one (or the predicate's
    subject names the groups: "[DBT and CTBE] did not differ in Y" keeps the subject as the factor).

    * noun: "a (significant) difference in [Y] between [A and B]" (the "between" phrase may hang on Y or
      on the verb of an existential "There was no difference between [A and B] in [Y]"); without a
      "between / among / across" phrase ``groups`` is None (no factor named);
    * verb / predicative adjective: "[Y] differed / was similar between [A and B]", "[Y] did not differ
      by [condition]", "[Y] differ depending upon [X]": groups = the object, measure = the subject.
    """
    low = head.lower_
    if low in _DIFFER_NOUNS and head.pos_ in ("NOUN", "PROPN"):
        if not _reported_difference(head):
            return None  # "there were differences in emphasis between ...": not a reported result
        measure = next((p for c in head.children if c.dep_ == "prep" and c.lower_ in _MEASURE_PREPS
                        for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
        holders = [head] + ([measure] if measure is not None else [])
        verb = head.head
        if head.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ == "with":
            verb = verb.head  # "..., with no difference between [A and B]": the clause's verb
        if head.dep_ in ("attr", "dobj", "nsubj", "nsubjpass", "pobj"):
            holders.append(verb)
        groups = next((_pobj(c) for h in holders for c in h.children
                       if c.dep_ == "prep" and c.lower_ in _GROUP_PREPS and _pobj(c) is not None), None)
        if groups is not None and not list(groups.conjuncts):  # "between [the outcomes] of the treatment groups":
            of = next((_pobj(c) for c in groups.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is not None and of.lower_ in ("groups", "arms", "conditions", "cohorts"):
                measure, groups = measure or groups, of  # the measure of the groups
        if groups is None:  # "no significant differences [relating to] sex, age groups, ..."
            groups = next((_pobj(p) for c in head.children if c.dep_ in ("acl", "prep", "amod") and c.lower_ in
                           ("relating", "related", "according", "depending", "due") for p in c.children
                           if p.dep_ == "prep" and p.lower_ in ("to", "on", "upon") and _pobj(p) is not None), None)
        if measure is None:  # "no difference between [A and B] in [Y]": the "in" phrase hung on B or the verb
            for h in ([groups, *groups.conjuncts] if groups is not None else []) + [verb]:
                measure = next((p for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "for")
                                and c.i > min(head.i, verb.i) for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
                if measure is not None:
                    break
        return groups, measure
    if low not in _DIFFER_PREDICATES or head.pos_ not in ("VERB", "ADJ", "AUX"):
        return None
    if head.pos_ == "ADJ" and head.dep_ not in ("acomp", "attr", "oprd", "ROOT"):
        return None
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    groups = None
    for holder in (head, verb):
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "for") and low not in ("vary", "varies", "varied", "varying") \
                    and _pobj(c) is not None and generic_groups(_group_text(_pobj(c))):
                groups = _pobj(c)  # "Y was similar [in each treatment group]": generic, rejected by the caller
                break
            if c.dep_ == "prep" and (c.lower_ in _GROUP_PREPS or (c.lower_ in ("by", "with") and holder is head
                                                                  and head.pos_ == "VERB")):
                groups = _pobj(c) or next((_pobj(k) for k in c.children if k.dep_ == "conj" and k.pos_ == "ADP"),
                                          None)  # "between and within [hospitals]": the shared object (rules v9)
            elif c.dep_ in ("xcomp", "advcl", "prep") and c.lower_ in ("depending", "according", "dependent"):
                groups = next((_pobj(p) for p in c.children if p.dep_ == "prep" and p.lower_ in ("on", "upon", "to")), None)
            if groups is not None:
                break
        if groups is not None:
            break
    if groups is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return groups, subject


_REPORTED = frozenset(["no", "significant", "significantly", "nonsignificant", "non-significant", "statistically",
                       "marked", "substantial", "notable", "clinically", "meaningful", "reliable", "considerable",
                       "large", "larger", "small", "moderate", "slight", "major", "minor", "any", "robust"])
_STATS = re.compile(r"\d|\b[pP]\s*[<=>≤≥]")


def _reported_difference(head: Token) -> bool:
    """A difference stated as a study result: qualified ("no / significant / marked difference"), denied, or
    with statistics in the sentence; a plain "differences in emphasis between ..." describes, not reports."""
    mods = {c.lower_ for c in head.children if c.dep_ in ("det", "amod", "advmod", "neg", "nummod")}
    mods |= {g.lower_ for c in head.children if c.dep_ == "amod" for g in c.children if g.dep_ == "advmod"}
    if mods & _REPORTED or any(c.dep_ == "neg" for c in head.head.children):
        return True
    return bool(_STATS.search(head.sent.text if head.doc.has_annotation("SENT_START") else head.doc.text))


_STAT_WORDS = frozenset(["ci", "or", "rr", "hr", "p", "n", "sd", "se", "d", "r", "ms", "df", "f", "t", "vs", "vs."])


def _statistic(token: Token) -> bool:
    """A head that is a number or a statistic ("[55.9]%", "95% [CI] 1.51, 4.45", "n [= 51]"): never a factor
    or an outcome (added for issue #5)."""
    return token.like_num or token.lower_ in _STAT_WORDS or bool(re.fullmatch(r"[=<>≤≥]?[\d.,%–-]+", token.text))


def _dose_coordination(token: Token) -> bool:
    """"[Both 0.25% and 0.5% apraclonidine] significantly reduce IOP": a subject whose head the parser put on
    the first dose, with the named treatment as its conjunct, is a factor, not a statistic (agent:claims-15)."""
    return token.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and not _statistic(c) for c in token.children)


def _group_tokens(groups: Token) -> list[Token]:
    """The group head and the groups coordinated with it ("[risperidone] and [haloperidol]")."""
    return [groups, *[c for c in groups.conjuncts if c.i > groups.i]]


def _group_range(groups: Token, blocked: set[int] = frozenset()) -> tuple[int, int]:
    """Token range of the named groups: from the first group's left edge to the end of the last group's
    head word and its premodifiers (a trailing "in reducing Y" phrase is not part of it)."""
    tokens = _group_tokens(groups)
    left = groups.left_edge.i
    right = max(t.i for t in tokens) + 1
    for t in tokens:  # postmodifiers of a group that are not other groups ("patients [with APD]") are kept,
        for c in t.children:  # prepositional phrases that introduce the measure are not
            if c.i > t.i and c.dep_ == "prep" and c.lower_ not in ("in", "on", "for", "regarding"):
                right = max(right, c.right_edge.i + 1)
    doc = groups.doc
    while right > left + 1 and (doc[right - 1].is_punct or right - 1 in blocked):
        right -= 1
    return left, right


def _group_text(groups: Token) -> str:
    """The groups as written; a lone group head is read with its premodifiers only ("[groups] MDS-UPDRS-3")."""
    if not list(groups.conjuncts) and groups.lower_ in ("groups", "arms", "conditions", "cohorts", "comparisons"):
        return groups.doc[groups.left_edge.i:groups.i + 1].text
    a, b = _group_range(groups)
    return groups.doc[a:b].text


def _opposite(doc: Doc, a: Relation, b: Relation) -> bool:
    """Coordinated predicates pull in opposite directions: on one object ("contribute to or hinder [X]") when
    their kinds are opposite; on two objects ("enhance [functioning] and relieve [depression]") when their
    directions, composed with each object's valence, differ (agent:claims-6)."""
    positive = (lx.BENEFIT, lx.INCREASE)
    if a.outcome is None or b.outcome is None:
        return False  # without both objects there is nothing to compare ("improves [?] and reduces Y")
    if a.outcome == b.outcome:
        return (a.kind in positive) != (b.kind in positive)
    va, vb = (outcome_valence(doc[r.outcome[0]:r.outcome[1]].text) for r in (a, b))
    if a.kind not in (lx.BENEFIT, lx.HARM) and va == 0 or b.kind not in (lx.BENEFIT, lx.HARM) and vb == 0:
        return False  # an object of unknown valence shows no opposite pull ("improve [care] and reduce [sickness]")
    return compose(a.kind, va) != compose(b.kind, vb)


def _merge(doc: Doc, relations: list[Relation]) -> list[Relation]:
    """Coordinated opposite predicates ("contribute to or hinder X") make one mixed relation;
    a relation without an outcome is dropped when another one has both a factor and an outcome."""
    positive = (lx.BENEFIT, lx.INCREASE)
    out: list[Relation] = []
    for rel in relations:
        head = doc[rel.trigger.head]
        partner = next((o for o in relations if o is not rel and doc[o.trigger.head] in list(head.conjuncts)), None)
        if partner is not None and lx.ASSOCIATE not in (rel.kind, partner.kind) and _opposite(doc, rel, partner):
            if rel.outcome is None:
                continue
            rel.mixed = True
        out.append(rel)
    # a relation whose trigger sits inside another relation's factor describes that factor ("relationships
    # [that situate ... and where interactions provide ...]"), it is not a claim of its own
    out = [rel for rel in out if not any(o is not rel and o.factor is not None and
                                         o.factor[0] <= rel.trigger.start < o.factor[1] for o in out)]
    final: list[Relation] = []
    for rel in out:
        if rel.outcome is None and not rel.implicit_outcome and any(o is not rel and o.factor is not None and o.outcome for o in out):
            continue
        twin = next((o for o in final if o.factor == rel.factor and o.outcome == rel.outcome), None)
        if twin is not None:  # same factor and outcome twice: one relation, mixed if opposite
            if (twin.kind in positive) != (rel.kind in positive) and lx.ASSOCIATE not in (twin.kind, rel.kind):
                twin.mixed = True
            continue
        final.append(rel)
    return final


_EFFECT_NOUNS = frozenset(["effect", "effects", "impact", "impacts", "influence", "influences"])


def _effect_of(token: Token | None) -> Token | None:
    """"the (beneficial) effect [of network size]": the factor is what has the effect (added in 0.3.0)."""
    if token is None or token.lower_ not in _EFFECT_NOUNS:
        return token
    prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    return obj if obj is not None else token


_ROLE_NOUNS = frozenset(["role", "roles"])
_EVIDENCE_NOUNS = frozenset(["evidence", "research", "literature", "data", "experience", "observations"])


#: Subjects that take part or need something ("[patients] were involved in", "[carers] require"), not factors.
_PEOPLE_SUBJECTS = frozenset(["caregivers", "carers", "stakeholders", "staff", "members", "family", "families",
                              "parents", "clinicians", "professionals", "volunteers", "nurses", "physicians",
                              "practitioners", "workers", "team", "teams", "researchers", "authors", "we", "they",
                              "i", "you", "he", "she", "who"])
_ALLOCATION_WORDS = frozenset(["allocation", "assignment", "randomisation", "randomization", "recruitment"])


def _people_subject(token: Token) -> bool:
    """The subject of ``token``'s clause (its own, or its head's for "were [involved]") names people."""
    holders = [token] + ([token.head] if token.dep_ in ("acomp", "xcomp", "conj", "oprd") else [])
    subject = next((c for h in holders for c in h.children if c.dep_ in _SUBJECTS), None)
    return subject is not None and (subject.lower_ in _GROUP_WORDS or subject.lower_ in _PEOPLE_SUBJECTS)


def _role_of(head: Token) -> tuple[Token, Token | None] | None:
    """``(X, Y or None)`` of "a (critical) role of / for [X] in [Y]": the role's holder is the factor, whatever the
    subject of the sentence ("Previous research indicates ..."); "X plays a role in Y" has no such holder."""
    noun = head if head.lower_ in _ROLE_NOUNS else head.head if head.dep_ == "amod" and head.head.lower_ in \
        _ROLE_NOUNS else None
    if noun is None and head.pos_ == "VERB" and head.lower_ in ("support", "supports", "supported"):
        noun = next((c for c in head.children if c.dep_ == "dobj" and c.lower_ in _ROLE_NOUNS), None)  # "support
        # a role for [X] in [Y]"
    if noun is None:
        return None
    holder = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i > noun.i
                   for p in c.children if p.dep_ == "pobj"), None)
    if holder is None:
        return None
    target = next((p for t in (noun, holder) for c in t.children if c.dep_ == "prep" and c.lower_ == "in"
                   for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
    return holder, target


def _likely(token: Token) -> tuple[Token | None, Token | None] | None:
    """"more / less likely" (added in 0.3.0): "[Participants who experienced sedation] were more likely
    to [drop out]" -> (subject, the object of the infinitive or the infinitive itself); "[Adverse events]
    were more likely in [participants taking ...]" -> (the group, the subject)."""
    if token.dep_ not in ("acomp", "attr", "oprd", "amod", "ROOT"):
        return None
    group, subject = _comparison(token)
    if group is not None:
        return group, subject
    verb = next((c for c in token.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
    return _find_factor(token), obj if obj is not None else verb


def _comparison(token: Token) -> tuple[Token | None, Token | None]:
    """"Pain scores were lower in the intervention group": factor = the group, outcome = subject."""
    verb = token.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ == "xcomp":  # "[Y] tended / appeared to be larger among X": the raising
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)  # verb's subject
    group = None
    for holder in (token, verb):
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in ("in", "among", "with", "for")):
            group = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if group is not None:
                break
        if group is not None:
            break
    if group is None:  # "[Y] in [the X group] were lower than ...", "[Y] of [patients with X] were greater"
        group = group_in(subject)
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


#: Governors of an infinitive that still assert its relation ("has been shown to increase", "appears to
#: reduce", "was effective to enhance"); under any other verb or a noun the infinitive states a purpose
#: or intention ("programmes aim to increase awareness", "efforts have been made to improve").
_ASSERTING_GOVERNORS = frozenset(
    ["fail", "fails", "failed",  # agent:claims-10: "[X] failed to impair [Y]" is a denied relation, not an aim
     "shown", "show", "shows", "showed", "found", "find", "finds", "appear", "appears", "appeared", "seem", "seems",
     "seemed", "tend", "tends", "tended", "prove", "proved", "proven", "proves", "reported", "known", "observed",
     "thought", "believed", "suggested", "demonstrated", "expected", "continue", "continues", "continued", "serve",
     "serves", "served", "help", "helps", "helped", "go", "goes", "went", "going", "considered", "said", "estimated",
     "likely", "unlikely", "able", "unable", "sufficient", "enough", "be", "is", "are", "was", "were", "been",
     # capability nouns: "have the potential to counter this tendency"
     "potential", "capacity", "ability", "capability", "power", "propensity", "tendency"])


#: Passive belief / report verbs that raise their infinitive's subject ("[Chronic cortisol exposure] is
#: hypothesized to contribute to [obesity]", "is presumed / postulated / purported to ..."): the relation is
#: stated of the subject (hedged), not a purpose; only as a passive with an ``xcomp`` (agent:claims-15).
_RAISING_PASSIVES = frozenset(["hypothesized", "hypothesised", "postulated", "presumed", "assumed", "supposed",
                               "purported", "proposed", "speculated", "theorized", "theorised", "posited"])


def _purpose_infinitive(verb: Token) -> bool:
    """An infinitive under a verb or noun that does not assert it ("aim [to increase]", "efforts [to
    improve]"; "aim to increase X and [to reduce] Y" through the coordination)."""
    base = verb
    while base.dep_ == "conj" and base.head.pos_ in ("VERB", "AUX"):
        base = base.head
    if base.dep_ not in ("xcomp", "advcl", "acl", "relcl", "ccomp") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in (*verb.children, *base.children)):
        return False
    gov = base.head
    if raised_object(base) is not None:
        return False  # "[analysis] showed [X] to be associated with [Y]": the report asserts it (round 3)
    if asserting_predicate_noun(gov):
        return False  # "[X] is an effective technique to reduce [Y]" (agent:claims-15)
    if gov.lower_ in _RAISING_PASSIVES and base.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in gov.children):
        return False  # "[X] is hypothesized to contribute to [Y]": a raising passive (agent:claims-15)
    return gov.pos_ in ("VERB", "AUX", "NOUN", "PROPN") and gov.lower_ not in _ASSERTING_GOVERNORS and \
        (gov.lower_ not in lx.ALL_TRIGGER_WORDS or gov.lower_ in lx.CONSTRUCTION_ONLY_WORDS)


def _unasserted(token: Token) -> bool:
    """True when the trigger's relation is not asserted (added in 0.3.0): a purpose or intention
    infinitive ("aim [to increase] awareness", "efforts ... [to improve]") or a clause under
    "whether / if" ("examined whether aged rats exhibited [reduced] motivation")."""
    verb = token  # the trigger's clause and the clauses it is the complement of
    while verb.pos_ in ("VERB", "AUX"):
        if _purpose_infinitive(verb):  # "it is important [to ensure] that these ... provide ..."
            return True
        if verb.dep_ not in ("ccomp", "xcomp", "conj") or verb.head.i == verb.i:
            break
        verb = verb.head
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "dobj" and token.head.pos_ == "VERB" and \
            _purpose_infinitive(token.head):  # "research [to establish] the effectiveness of X" (agent:claims-16)
        return True
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "nsubjpass") and token.head.lower_ in _INQUIRY_VERBS:
        return True  # "ANCOVAs tested [associations] between ...": looked for, not found
    if _unsettled(token):
        return True  # "The role of X in Y remains unclear / has not been established": not known either way
    if token.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and any(
            c.dep_ == "advmod" and c.lower_ in ("how", "when", "where", "whether") for c in token.children):
        return True  # "guidance about [how to improve] Y": an indirect question, no assertion (rules v9)
    if _aimed_at(token):
        return True  # "The programme focused on [enhancing] Y": an aim, no assertion (review fix H)
    if _open_question(token):
        return True  # "Little is known about how X [affects] Y": an indirect question (review fix J)
    for anc in [token, *token.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in anc.children):
            return True
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in anc.children):
            return True  # a prediction or plan ("the information provided [will] enhance awareness")
        if anc.dep_ in ("ROOT", "relcl") or any(c.dep_ in _SUBJECTS for c in anc.children):
            break
    return False


#: Verbs and nouns of aim whose "on / at / of / towards + V-ing" names what is sought, not what happened
#: ("focused on enhancing Y", "aimed at reducing Y", "with the aim of improving Y"; review fix H).
_AIM_WORDS = frozenset(["focus", "focuses", "focused", "focussed", "focusing", "focussing", "aim", "aims", "aimed",
                        "aiming", "directed", "geared", "targeted", "centred", "centered", "oriented", "orientated",
                        "goal", "goals", "purpose", "purposes", "objective", "objectives", "intention", "emphasis",
                        "dedicated", "committed", "devoted", "seeks", "sought", "intended", "designed"])


def _aimed_at(token: Token) -> bool:
    """A trigger gerund that is the object of an aim's preposition ("focused on [enhancing] Y", "aimed at
    [reducing] Y", "with the aim of [improving] Y"), also through a coordination."""
    verb = token
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX", "NOUN"):
        verb = verb.head
    if verb.dep_ not in ("pcomp", "pobj") or verb.head.dep_ != "prep" or verb.tag_ not in ("VBG", "NN"):
        return False
    prep = verb.head
    return prep.lower_ in ("on", "upon", "at", "of", "towards", "toward", "to") and prep.head.lower_ in _AIM_WORDS


#: Predicates of knowing that, unsettled, make a "how" clause an open question ("little is known about how X
#: affects Y", "it is unclear how", "we do not know how"; review fix J).
_KNOWING = frozenset(["known", "know", "knows", "knew", "understood", "understand", "understanding", "clear",
                      "established", "documented", "explored", "studied", "researched", "investigated"])


def _open_question(token: Token) -> bool:
    """A trigger in a "how / why / what / to what extent" clause under an unsettled predicate of knowing."""
    clause = next((a for a in [token, *token.ancestors] if a.pos_ in ("VERB", "AUX") and (any(
        c.lower_ in ("how", "why") and c.i < a.i and c.dep_ in ("advmod", "mark") for c in a.children) or
        a.left_edge.lower_ in ("how", "why"))), None)
    if clause is None or clause.dep_ not in ("ccomp", "pcomp", "pobj", "xcomp", "advcl", "csubj"):
        return False
    gov = clause.head
    if gov.dep_ == "prep":  # "known [about] how ..."
        gov = gov.head
    if gov.lower_ in _UNSETTLED_WORDS or any(c.lower_ in _UNSETTLED_WORDS for c in gov.children if c.dep_ in (
            "acomp", "attr", "oprd")):
        return True
    if gov.lower_ not in _KNOWING and not any(c.lower_ in _KNOWING for c in gov.children if c.dep_ == "acomp"):
        return False
    return any(c.dep_ == "neg" or c.lower_ in ("little", "less", "few", "poorly", "unclear", "yet") for c in
               [*gov.children, *(g for c in gov.children if c.dep_ in ("nsubj", "nsubjpass") for g in c.subtree)])


#: Predicates that leave a nominal relation unsettled ("the role of X in Y [remains unclear]").
_UNSETTLED_WORDS = frozenset(["unclear", "unknown", "uncertain", "controversial", "debated", "undetermined",
                              "unresolved", "elusive", "obscure", "unexplored", "ambiguous", "inconclusive",
                              "poorly", "speculative"])
#: Participles that settle a relation when not negated (word forms: the pipeline has no lemmatizer).
_SETTLING_VERBS = frozenset(["established", "known", "understood", "determined", "elucidated", "clarified",
                             "defined", "characterized", "characterised", "explored", "investigated", "studied",
                             "examined", "addressed", "confirmed", "proven", "proved", "demonstrated", "shown"])


def _unsettled(token: Token) -> bool:
    """A nominal trigger that is the subject of a predicate leaving it unknown: "[the role] of X in Y remains
    unclear / to be determined", "is poorly understood", "has not been established" (review fix, claims@0.7.0)."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = token.head
    said = {c.lower_ for c in verb.children if c.dep_ in ("acomp", "advmod", "attr", "oprd")}
    if verb.lower_ in _UNSETTLED_WORDS or said & _UNSETTLED_WORDS:
        return True
    if verb.lower_ in ("remain", "remains", "remained") and any(c.dep_ == "xcomp" for c in verb.children):
        return True  # "remains to be determined"
    return verb.lower_ in _SETTLING_VERBS and any(c.dep_ == "neg" or c.lower_ == "yet" for c in verb.children)


_INQUIRY_VERBS = frozenset(
    ["test", "tests", "tested", "testing", "examine", "examines", "examined", "examining", "assess", "assesses",
     "assessed", "assessing", "investigate", "investigates", "investigated", "investigating", "explore", "explores",
     "explored", "exploring", "evaluate", "evaluates", "evaluated", "evaluating", "determine", "determined",
     "measure", "measured", "study", "studied", "analyse", "analysed", "analyze", "analyzed",
     # "This trial compares [the effects] of X on Y": looked at, not reported (review fixes, agent:claims-16)
     "compare", "compares", "compared", "comparing", "characterise", "characterises", "characterised",
     "characterising", "characterize", "characterizes", "characterized", "characterizing", "describe", "describes",
     "described", "describing", "review", "reviews", "reviewed", "reviewing", "quantify", "quantifies",
     "quantified", "quantifying", "determines", "determining", "measures",
     "measuring"])


def _describes_subject(token: Token) -> bool:
    """A trigger in a relative clause inside the subject of a non-copular main verb ("[An analysis of the social
    factors that contribute to X] can reveal Y"): the relation is presupposed (guideline: background)."""
    rel = next((a for a in [token, *token.ancestors] if a.dep_ in _RELATIVE), None)
    if rel is None:
        return False
    for anc in rel.ancestors:
        if anc.dep_ in _SUBJECTS:
            return anc.head.lower_ not in _COPULAS and anc.head.pos_ == "VERB"
        if anc.dep_ == "ROOT":
            return False
    return False


def _nonrestrictive(clause: Token) -> bool:
    """A relative clause set off by a comma and opened by "which / who" ("[Neuregulin 1 (NRG1)], which has been
    implicated in Y,"): it asserts its relation about the antecedent instead of restricting it (agent:claims-10)."""
    if clause.dep_ != "relcl" or clause.head.i > clause.i:
        return False
    first = clause.left_edge
    if any(c.dep_ == "agent" for c in clause.children):
        return False  # "..., which is supported by [our finding]": the clause is about the sentence, not a relation
    return first.lower_ in ("which", "who") and first.i > 0 and clause.doc[first.i - 1].text == "," and \
        first.dep_ in ("nsubj", "nsubjpass") and first.head.i == clause.i


def _in_relative_clause(token: Token) -> bool:
    """True if the token sits in a relative clause / participle modifying a noun."""
    effect = token if token.lower_ in _EFFECT_NOUNS else token.head if token.dep_ == "amod" else None
    if effect is not None and effect.lower_ in _EFFECT_NOUNS and _effect_of(effect) is not effect:
        return False  # "the beneficial effect of [network size] can level off": the effect is the claim
    if token.dep_ == "nsubjpass" and token.lower_ in _PAIR_NOUNS and token.head.lower_ in _REPORT_VERBS | {
            "established", "confirmed"} and _between_pair(token) is not None:
        return False  # "[no causal relationship between A and B] has been established": a reported relation
    for anc in [token, *token.ancestors]:
        if anc.dep_ in _RELATIVE and anc.head.lower_ in _COMPLEMENT_NOUNS:
            return False  # "evidence that X can reduce Y": a complement clause, not a description
        if _nonrestrictive(anc):
            return False  # "[NRG1], which has been implicated in Y, ...": asserted about its antecedent
        if anc.dep_ in _RELATIVE:
            return True
        if anc.dep_ in _SUBJECTS:
            return True  # inside the factor phrase itself
        if any(c.dep_ in _SUBJECTS for c in anc.children) and anc.pos_ in ("VERB", "AUX"):
            return False
    return False


def _subjects(token: Token) -> list[Token]:
    """Subjects of ``token``; also those the parser hung on its auxiliary ("2-AG [was] correlated":
    ``AG <-nsubj- was <-auxpass- correlated``), a common attachment error of the small parser."""
    subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
    if not subjects:
        subjects = [s for c in token.children if c.dep_ in ("aux", "auxpass") and c.i < token.i
                    for s in c.children if s.dep_ in _SUBJECTS]
    if not subjects and token.pos_ in ("VERB", "AUX") and any(c.dep_ in ("aux", "auxpass") for c in token.children):
        # "[Engaging in intensive aerobic exercise], ... is associated with": a gerund subject misparsed as
        # an adverbial clause (no "when / by / while", no subject of its own)
        subjects = [c for c in token.children if c.dep_ == "advcl" and c.i < token.i and c.tag_ == "VBG"
                    and c.left_edge.i == c.i and not any(g.dep_ in ("mark", "nsubj", "nsubjpass") for g in c.children)
                    and (c.i == 0 or token.doc[c.i - 1].text != ",")]
    return subjects


#: Nouns that name a proposition; with a that-clause they report a claim rather than make one.
_PROPOSITION_NOUNS = frozenset(["conclusion", "conclusions", "notion", "idea", "view", "hypothesis", "assumption",
                                "argument", "claim", "contention", "belief", "premise", "proposition", "suggestion"])


def _proposition(token: Token) -> bool:
    """"the conclusion / notion / hypothesis [that CLAUSE]": a proposition noun with a that-clause."""
    if token.lower_ not in _PROPOSITION_NOUNS:
        return False
    return any(c.dep_ in ("acl", "ccomp", "relcl", "appos") and any(m.dep_ == "mark" and m.lower_ == "that"
                                                                    for m in c.children)
               for c in token.children)


def _hyphenated_to_object(noun: Token, blocked) -> tuple[int, int] | None:
    """"a barrier to help-seeking" read as an infinitive ("to help" a relative clause, "-seeking" its object): the
    hyphenated compound after "to" is the outcome (review fix A)."""
    doc = noun.doc
    for verb in noun.children:
        if verb.dep_ not in ("relcl", "acl") or verb.i != noun.i + 2 or doc[noun.i + 1].lower_ != "to" or \
                verb.i in blocked:
            continue
        if verb.i + 2 < len(doc) and doc[verb.i + 1].text == "-" and not doc[verb.i].whitespace_ and \
                not doc[verb.i + 1].whitespace_:
            return verb.i, max(verb.i + 3, verb.right_edge.i + 1)
        if noun.lower_ in _TO_NOUNS and verb.tag_ == "VB" and all(c.i == noun.i + 1 for c in verb.children):
            return verb.i, verb.i + 1  # "[Barriers] to care were ...": a bare "care" read as a verb
    return None


#: Relation nouns whose "to" phrase names their outcome ("barriers to [care]")
_TO_NOUNS = frozenset(["barrier", "barriers", "obstacle", "obstacles", "facilitator", "facilitators", "threat",
                       "threats", "contributor", "contributors", "key", "impediment", "impediments"])


def _find_factor(token: Token) -> Token | None:
    if token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.dep_ == "prep" and \
            token.head.head.pos_ == "VERB":  # "highlighting [maltreatment] as a risk factor for Y" (agent:claims-10)
        obj = next((c for c in token.head.head.children if c.dep_ == "dobj" and c.i < token.i), None)
        if obj is not None and obj.lower_ not in lx.PERSON_WORDS and obj.pos_ != "PRON":
            return obj
    for anc in [token, *token.ancestors]:
        subjects = _subjects(anc)
        if not subjects and anc.lower_ in _COPULAS and token.i < anc.i:  # "Also important to recovery were [X]"
            attr = next((c for c in anc.children if c.dep_ == "attr" and c.i > anc.i), None)
            if attr is not None:
                return attr
        if subjects:
            subject = subjects[0]
            if subject.lower_ in ("what", "which", "that") and subject.dep_ in ("nsubj", "nsubjpass") and \
                    anc.dep_ in ("relcl", "acl"):
                return anc.head
            if subject.lower_ in ("which", "that", "who") and subject.dep_ == "nsubj" and subject.i > 0 and \
                    subject.doc[subject.i - 1].pos_ in ("NOUN", "PROPN") and subject.doc[subject.i - 1].dep_ != "compound":
                return subject.doc[subject.i - 1]  # a relative clause misparsed as a complement: its antecedent
            if subject.lower_ in ("there", "it") and any(c.dep_ in ("attr", "ccomp") or (
                    c.dep_ == "xcomp" and subject.lower_ == "it" and (anc.lower_ in _COPULAS or any(
                        a.dep_ == "acomp" for a in anc.children)) and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))
                    for c in anc.children):  # "it is important [to explore ...]": extraposition, no factor
                continue
            if (subject.lower_ in lx.METHOD_NOUNS and not _disease_model(subject)) or (
                    subject.pos_ == "PRON" and subject.lower_ in ("we", "i")) or (
                    subject.lower_ in _PROCEDURE_NOUNS and token.lower_ in _ELICIT_VERBS):
                return None  # "Intention-to-treat analysis showed ...", "we found ...": no factor named
            return subject
    return None


_STATISTICAL_MODELS = frozenset(["regression", "logistic", "linear", "multivariate", "multivariable", "mixed",
                                 "statistical", "adjusted", "unadjusted", "final", "full", "multilevel", "cox",
                                 "hierarchical", "structural", "path", "prediction", "predictive", "poisson",
                                 "bivariate", "univariate", "fitted", "best", "fitting", "baseline", "crude",
                                 "sensitivity", "analytic", "analytical", "computational", "ancova", "anova"])


def _disease_model(subject: Token) -> bool:
    """"[Both SAH models] caused long-term cognitive deficits": an experimental (animal, disease) model named by
    what it models is a factor; a statistical model ("regression models showed") is a method (agent:claims-10)."""
    if subject.lower_ not in ("model", "models"):
        return False
    mods = [c for c in subject.children if c.dep_ in ("compound", "amod", "nmod") and c.i < subject.i]
    return bool(mods) and not any(c.lower_ in _STATISTICAL_MODELS for c in subject.children if c.i < subject.i)


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
                and not _comparison_prep(c) and not (s.lower_ in _EFFECT_NOUNS and c.lower_ == "of")
                and not (c.dep_ == "advcl" and c.i < trigger.start)  # a fronted clause is not the outcome,
                and not (c.dep_ == "prep" and c.i < trigger.start and s.pos_ in ("VERB", "AUX"))  # nor a fronted
                and not (c.dep_ == "prep" and c.lower_ in _EXTENT_PREPS and s.pos_ in ("VERB", "AUX"))]
    # adverbial phrase ("[At baseline], X correlated with Y"; added for issue #5), nor the time a change spans
    # ("Y was altered [across the four sessions]"; review fixes, agent:claims-16)
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
            if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "pobj") and \
                    not any(c.dep_ in _DOWN for c in token.children) and nested.end - nested.start == 1:
                return token, inner  # "in reducing self-[harm]": a relation noun with nothing below is the outcome
            inner.append(nested)
            frontier = [c for c in token.children if c.dep_ in _DOWN] + frontier
            continue
        if token.pos_ in _NOUNS and token.dep_ in ("dobj", "pobj", "attr", "oprd", "dative", "nsubj"):
            if token.lower_ in lx.PERSON_WORDS or token.dep_ == "dative":
                siblings = [c for c in token.head.children if c.i != token.i and c.dep_ in ("xcomp", "ccomp", "prep", "advcl")]
                frontier = siblings + [c for c in token.children if c.dep_ in _DOWN and not (
                    c.dep_ == "prep" and c.lower_ == "with")] + frontier  # "for patients [with X]", "patients
                # [hospitalized with X]": who they are, not the outcome (rules v9)
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
            if token.tag_ == "VBG" and token.dep_ == "xcomp" and token.head.i == head.i and not any(
                    c.dep_ in ("aux", "dobj", "prep", "nsubj") for c in token.children):
                return token, inner  # "[X] might facilitate [weaning] by ...": the gerund is the object (rules v9)
        frontier.extend(c for c in token.children if c.dep_ in _DOWN and not _comparison_prep(c))
    shared = _shared_object(head)
    return (shared, inner) if shared is not None and shared.i not in blocked else (None, inner)


def _shared_object(verb: Token) -> Token | None:
    """The object of "may [reduce] or delay [smoking relapse]": a transitive verb coordinated with the
    next one shares its object (the parser hangs it on the last verb only)."""
    if verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "prep", "ccomp", "xcomp", "attr") and c.i > verb.i
                                  for c in verb.children):
        return None
    conj = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > verb.i), None)
    if conj is None or not any(c.dep_ == "cc" and verb.i < c.i < conj.i for c in verb.children) or \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children) or conj.i - verb.i > 3:
        return None
    return next((c for c in conj.children if c.dep_ == "dobj" and c.pos_ in _NOUNS), None)


#: Prepositions that introduce the comparator, not the outcome ("more effective than TAU in reducing
#: self-harm", "superior to placebo on symptom severity"); added in 0.2.0 from training-abstract errors.
_COMPARATOR_PREPS = frozenset(["than", "versus", "vs", "vs.", "compared", "relative"])
_COMPARATIVE_TO = frozenset(["superior", "inferior", "compared", "relative", "similar", "comparable", "equivalent"])
#: Evaluative modifiers of "effect(s)" / "impact": "positive effects on X" is a benefit whatever X is.
_GOOD_EFFECT = frozenset(["positive", "beneficial", "favourable", "favorable", "protective", "therapeutic"])
_BAD_EFFECT = frozenset(["negative", "adverse", "detrimental", "harmful", "deleterious", "unfavourable", "unfavorable"])


_EFFECT_HEADS = frozenset(["effect", "effects", "impact", "impacts", "influence"])
_GOOD_MANNER = frozenset(["positively", "favorably", "favourably", "beneficially"])
_BAD_MANNER = frozenset(["negatively", "unfavorably", "unfavourably", "adversely", "inversely", "detrimentally"])
_PAIR_NOUNS = frozenset(["association", "associations", "correlation", "correlations", "relationship",
                         "relationships", "relation", "relations", "link", "links",
                         "comorbidity"])  # agent:claims-10


def _between_pair(head: Token) -> tuple[Token, Token] | None:
    """``(A, B)`` of "an association / correlation between A and B" (added in 0.2.0)."""
    if head.lower_ not in _PAIR_NOUNS:
        return None
    holders = [head] + ([head.head] if head.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") else [])
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in lx.OUTCOME_WRAPPERS:
        holders.append(head.head.head)  # "high rates of comorbidity [between A and B]" (agent:claims-10)
    preps = {c.lower_: c for h in holders for c in h.children if c.dep_ == "prep"}
    prep = preps.get("between")
    a = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if a is None:  # "a correlation of [A] with [B]" (added in 0.3.0)
        a_of, b_with = (next((c for c in preps[p].children if c.dep_ == "pobj"), None) if p in preps else None
                        for p in ("of", "with"))
        return (a_of, b_with) if a_of is not None and b_with is not None else None
    b = next((c for c in a.children if c.dep_ == "conj"), None)
    if b is None:  # "between reports of [chronic stress] and [resilience]": the pair sits deeper in A
        inner = next((t for t in a.subtree if t.dep_ == "conj" and t.head.i != a.i and t.head.i >= a.i), None)
        if inner is not None:
            a, b = inner.head, inner
    if b is None:  # "between [HCC] and [alcohol consumption]" parsed as one noun phrase "[HCC and alcohol] consumption"
        pre = next((c for c in a.children if c.dep_ in ("nmod", "compound", "amod") and c.i < a.i and any(
            g.dep_ == "cc" for g in c.children) and any(g.dep_ == "conj" for g in c.children)), None)
        if pre is not None:  # (agent:claims-10): A is the premodifier, B the head noun from the conjunct on
            return pre, a
    if b is None:  # "between [A] and [each indicator] ...": B misparsed outside A's phrase
        cc = next((c for c in a.children if c.dep_ == "cc" and c.i > a.i), None)
        if cc is not None and cc.i + 1 < len(cc.doc):
            nxt = cc.doc[cc.i + 1]
            b = nxt if nxt.pos_ in ("NOUN", "PROPN") or nxt.head.i <= nxt.i else nxt.head
    return (a, b) if b is not None else None


def _further_pairs(a: Token) -> list[tuple[Token, Token]]:
    """``(C, D)`` of every "and between [C] and [D]" coordinated with the first pair of "between A and B"."""
    out = []
    for between in a.subtree:
        if between.dep_ == "conj" and between.lower_ == "between":
            c = next((t for t in between.children if t.dep_ == "pobj"), None)
            d = next((t for t in c.children if t.dep_ == "conj"), None) if c is not None else None
            if d is not None:
                out.append((c, d))
    return out


_EXTENT_PREPS = frozenset(["across", "throughout", "during"])


def _comparison_prep(token: Token) -> bool:
    if token.dep_ != "prep":
        return False
    return token.lower_ in _COMPARATOR_PREPS or (token.lower_ == "to" and token.head.lower_ in _COMPARATIVE_TO)


def _evaluative_kind(head: Token, kind: str) -> str:
    """"positive effects on X" -> benefit, "adverse effects on X" -> harm; otherwise ``kind``."""
    mods = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound")}
    if head.lower_ in _PAIR_NOUNS and mods & {"inverse", "negative"}:
        return lx.DECREASE  # "an inverse correlation between stress and resilience"
    if head.pos_ == "VERB" and kind == lx.ASSOCIATE:  # "unfavorably affect", "negatively correlated"
        adverbs = {c.lower_ for c in head.children if c.dep_ == "advmod"}
        if adverbs & _GOOD_MANNER:
            return lx.BENEFIT if head.lower_.startswith("affect") else kind
        if adverbs & _BAD_MANNER:
            return lx.HARM if head.lower_.startswith("affect") else lx.DECREASE
    if head.lower_ not in _EFFECT_HEADS:
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


_PAREN_STATS = re.compile(r"[\d=<>≤≥%±]|\b(?:p|vs|OR|RR|HR|CI|SD|SE|n|N|et al|see|e\.g|i\.e)\b")


def _kept_parenthetical(doc: Doc, i: int, right: int, blocked) -> int | None:
    """If ``doc[i]`` opens a parenthesis that closes before ``right`` and holds neither a citation
    nor statistics (digits, ``p =``, ``OR``, ``95% CI``) nor "see / e.g.", the index of its ``)``;
    else None. Such glosses and restrictions belong to the phrase (guideline: restrictive
    modifiers are part of the factor; "(SES)", "(typically multifaceted ... ones)")."""
    if doc[i].text != "(":
        return None
    for j in range(i + 1, min(right, i + 16)):
        if doc[j].text == "(" or j in blocked:
            return None
        if doc[j].text == ")":
            inner = doc[i + 1:j]
            return j if j > i + 1 and not _PAREN_STATS.search(inner.text) and \
                not any(t.pos_ in ("VERB", "AUX") for t in inner) else None
    return None


def _restricts_number(doc: Doc, left: int, right: int) -> bool:
    """"[only one dose] of X", "[at least one or more] dosages": the adverb restricts a number and
    belongs to the phrase."""
    k = left + 2 if doc[left].lower_ == "at" and left + 1 < right and doc[left + 1].lower_ in ("least", "most") else left + 1
    return doc[left].lower_ in ("only", "at") and k < right and doc[k].like_num


def _complementizer(token: Token) -> bool:
    """"that" right after a reporting verb, parsed as a determiner ("highlights [that] manipulation of
    tablets can result in ..."): the complementizer, never part of the factor."""
    return token.lower_ == "that" and token.dep_ == "det" and token.i > 0 and \
        token.doc[token.i - 1].pos_ in ("VERB", "AUX") and token.doc[token.i - 1].lower_ not in _COPULAS


def _markup(text: str) -> bool:
    """HTML/XML tag fragments ("<h3>", "h3>Results</h3") never belong to a span."""
    return "<" in text or ">" in text


def _passive_change_after(head: Token) -> tuple[Token | None, Token] | None:
    """``(what it followed, subject)`` of a passive change without an agent: "[Anxiety] was significantly reduced
    after [treatment with sertraline]" (or "with [X]"; ``(None, subject)`` when nothing is named), "[theta power] was increased following [incorrect decisions]" (with
    "following" misread as a premodifier of an object); a time ("after [one year]") is no factor (agent:claims-10)."""
    if head.pos_ != "VERB" or head.lower_ not in lx.INTRANSITIVE_CHANGE | _CHANGED_PARTICIPLES:
        return None
    if not any(c.dep_ == "auxpass" for c in head.children) or any(c.dep_ == "agent" for c in head.children):
        return None
    subject = next((c for c in head.children if c.dep_ == "nsubjpass" and c.pos_ in _NOUNS), None)
    if subject is None:
        return None
    if subject.lower_ in _DESIGN_SUBJECTS and not any(c.dep_ == "prep" for c in subject.children):
        return None, subject  # "the dose was increased (following randomisation)": a study step, no claim
    after = next((p for prep in head.children if prep.dep_ == "prep" and prep.i > head.i and prep.lower_ in
                  ("after", "following") for p in prep.children if p.dep_ in ("pobj", "dobj")), None)
    if after is None:
        after = next((c for c in head.children if c.dep_ == "dobj" and any(
            g.lower_ == "following" and g.dep_ == "amod" and g.i == c.left_edge.i for g in c.children)), None)
    if after is None:
        after = _means_of_change(head)  # "[Y] was reduced with / through [X]", "Because of [X], [Y] was increased"
    if after is None:  # "[the dose] was increased": what changed, and nothing named that changed it; a group
        return None, subject  # ("... in [X]") is read by _changed_in_group, "after [X]" by _after_what
    if after.lower_ in _TIME_NOUNS or _statistic(after) or any(c.dep_ == "nummod" for c in after.children):
        return None, subject  # "[Symptoms] were reduced after 12 weeks": a change that names no factor
    return after, subject


_MEANS_PREPS = frozenset(["with", "through", "via", "after", "following", "because", "due", "owing"])
#: Objects of those prepositions that name a manner, a purpose, a size or a step of the study, not a cause:
#: "reduced with [caution] / [the aim of] ...", "with [a large effect size]", "because of [low recruitment]",
#: "Following [randomisation], ..." (review of the claims@0.8.0 round).
_NOT_MEANS = frozenset(["caution", "care", "aim", "aims", "goal", "goals", "purpose", "intention", "intent", "view",
                        "size", "sizes", "effect", "effects", "change", "changes", "difference", "differences",
                        "exception", "respect", "regard", "accordance", "recruitment", "attrition", "dropout",
                        "drop-out", "randomisation", "randomization", "enrolment", "enrollment", "protocol",
                        "consent", "request", "approval", "design", "screening", "inclusion", "exclusion",
                        "treatments", "conditions", "arms", "groups"])
#: What a study changes by design ("the dose was increased", "the sample size was reduced"): no outcome.
_DESIGN_SUBJECTS = frozenset(["dose", "doses", "dosage", "dosages", "dosing", "sample", "size", "frequency",
                              "duration", "length", "number"])


def _means_of_change(head: Token) -> Token | None:
    """What a passive change names as its means or cause, before or after the verb: "with / through / via [X]",
    "because of / due to [X]", a preposed "Following [X], ..."; a gerund object ("through [restoring] Z") is
    returned as the gerund."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in _MEANS_PREPS:
            continue
        if prep.lower_ in ("after", "following") and prep.i > head.i:
            continue  # read by the caller first
        holder = prep
        if prep.lower_ in ("because", "due", "owing"):
            holder = next((c for c in prep.children if c.dep_ in ("pcomp", "prep") and c.lower_ in ("of", "to")), None)
            if holder is None:
                continue
        obj = next((c for c in (*holder.children, *prep.children) if c.dep_ in ("pobj", "dobj")), None)
        if obj is None:
            obj = next((c for c in prep.children if c.dep_ == "pcomp" and c.pos_ == "VERB"), None)
        if obj is None or obj.lower_ in _NOT_MEANS or obj.lower_ in _TIME_NOUNS or _statistic(obj) or \
                any(c.dep_ == "nummod" for c in obj.children) or \
                any(c.dep_ == "det" and c.lower_ in ("no", "both", "all", "each", "either") for c in obj.children):
            continue
        return obj
    return None


def _intransitive_change(head: Token) -> Token | None:
    """"Symptoms decreased (after X)", "skills practice increased": a change verb with a subject and
    no object; the subject is what changes (the outcome). Returns that subject, else None."""
    if head.pos_ != "VERB" or head.lower_ not in lx.INTRANSITIVE_CHANGE:
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "agent", "nsubjpass", "attr") for c in head.children):
        return None
    return next((c for c in head.children if c.dep_ == "nsubj" and c.pos_ in _NOUNS), None)


def _before_stray_verb(doc: Doc, token: Token, rng: tuple[int, int]) -> tuple[int, int]:
    """``rng`` cut before a finite verb without a subject of its own that the parser hung inside the
    phrase ("[positron emission tomography during a task] revealed ...", "[BPD samples with X] performed
    worse"): a noun phrase holds finite verbs only in clauses with their own subject ("relationships
    [that situate ...]", "those [who had X]")."""
    for i in range(token.i + 1, rng[1]):
        verb = doc[i]
        if verb.tag_ in ("VBD", "VBZ", "VBP") and verb.pos_ == "VERB" and verb.dep_ in ("acl", "conj", "dep", "amod") \
                and not any(c.dep_ in _SUBJECTS or c.dep_ == "mark" for c in verb.children) \
                and not any(doc[j].dep_ in ("cc", "mark") for j in range(max(rng[0], i - 1), i)):
            end = i
            while end > rng[0] + 1 and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
                end -= 1
            return rng[0], end
    return rng


#: Adverbs of the relation that the parser may hang on the subject (agent:claims-10).
_RELATION_ADVERBS = frozenset(["significantly", "strongly", "positively", "negatively", "inversely", "independently",
                               "consistently", "substantially", "markedly", "also", "moderately", "weakly"])
_GLOSS_OPENERS = frozenset(["a", "an", "particularly", "especially", "notably", "mainly", "independent",
                            "independently", "regardless"])


def _before_gloss(doc: Doc, token: Token, rng: tuple[int, int]) -> tuple[int, int]:
    """A factor phrase without a comma-delimited gloss after its head: an indefinite appositive ("[Obesity], a
    remarkably increased healthcare problem,"), a past participle ("[in-session dissociation], assessed from
    session audiotapes,") or a qualifier ("[Axis II disorders], particularly BPD,", "[exposure to X], independent
    of Y,"); agent:claims-10. "such as" / "including" lists stay (guideline: they name the factor's parts)."""
    for c in range(token.i + 1, rng[1] - 1):
        if doc[c].text != ",":
            continue
        nxt = doc[c + 1]
        gloss = (nxt.lower_ in _GLOSS_OPENERS and (nxt.lower_ not in ("a", "an") or nxt.head.dep_ == "appos")) or (
            nxt.tag_ == "VBN" and nxt.dep_ == "acl")
        if gloss and c > rng[0]:
            return rng[0], c
    while rng[1] - rng[0] > 1 and doc[rng[1] - 1].lower_ in _RELATION_ADVERBS and doc[rng[1] - 1].dep_ == "advmod":
        rng = (rng[0], rng[1] - 1)  # "[a higher percentage of males and higher mean age] significantly predicted"
    return rng


def _premodifier_adverb(token: Token) -> bool:
    """An adverb of an adjective inside the noun phrase ("[Pathologically] increased cortisol exposure",
    "[Electronically] distributed, computer-generated feedback"): part of the phrase, not a sentence adverb."""
    head = token.head
    return token.dep_ == "advmod" and head.i > token.i and head.dep_ in ("amod", "compound", "nmod") and \
        head.pos_ in ("ADJ", "VERB") and head.head.i > head.i


def _phrase(token: Token, blocked: set[int] = frozenset(), exclude: Trigger | None = None,
            population: bool = False, cut_claims: dict | None = None, parens: bool = False,
            outcome: bool = False) -> tuple[int, int]:
    """Token range of the phrase headed by ``token``, cut before citations and dashes; a leading
    adverbial before a comma ("for some people, maintaining ..."), leading "not just" / adverbs,
    and a clause holding the ``exclude`` trigger ("factors [that may promote recovery]") are left out."""
    left, right = token.left_edge.i, token.right_edge.i + 1
    doc = token.doc
    if population:  # "symptoms [for many people]", "relapse [in patients with ...]"
        for child in token.children:
            if child.i > token.i and child.dep_ == "prep" and child.lower_ in ("for", "among", "in", "within") and any(
                    c.dep_ == "pobj" and c.lower_ in _POPULATION for c in child.children):
                right = min(right, child.i)
    if exclude is not None and left <= exclude.start < right:
        for child in token.children:
            if child.i > token.i and child.left_edge.i <= exclude.start <= child.right_edge.i:
                right = min(right, child.left_edge.i)
        if left <= exclude.start < right and exclude.start > token.i:  # a non-projective parse: the phrase
            right = exclude.start  # ran over its own predicate ("HCCs at 6 years [were associated] ...")
            while right > token.i + 1 and doc[right - 1].dep_ in ("aux", "auxpass", "neg", "advmod"):
                right -= 1
    if cut_claims:  # "responses [that may further undermine X]": a relative clause stating its own relation
        for child in token.children:  # (a modal marks its own assertion; "interventions [that promote
            if child.i > token.i and child.dep_ == "relcl" and any(  # community safety]" only restricts)
                    i in cut_claims for i in range(child.left_edge.i, child.right_edge.i + 1)) and any(
                    c.dep_ == "aux" and c.lower_ in lx.HEDGE_WORDS | {"will", "shall", "must", "should"} for c in child.children):
                right = min(right, child.left_edge.i)
    for t in doc[token.i:right]:  # "[budget cuts][, which increased waiting times]": a comma-set "which" clause
        clause = next((c for c in t.children if c.i > t.i and _nonrestrictive(c) and any(  # with a relation of its
            w.lower_ in lx.ALL_TRIGGER_WORDS for w in doc[c.left_edge.i:c.right_edge.i + 1])), None)  # own is no part
        if clause is not None and clause.left_edge.i - 1 > token.i:  # of the span (review fix I)
            right = min(right, clause.left_edge.i - 1)
            break
    if outcome:  # outcomes only (factors keep them): "growing antibiotic resistance[, an important public-health
        for child in token.children:  # problem]" (a gloss), "HPA axis activation [indicated by elevated cortisol]"
            if child.i <= token.i:  # (a participle) and relative clauses describe the outcome, they are not part of it
                continue
            if child.dep_ == "appos" and child.left_edge.i - 1 > token.i and doc[child.left_edge.i - 1].text == ",":
                right = min(right, child.left_edge.i - 1)
            elif (child.dep_ == "acl" and child.tag_ == "VBN") or child.dep_ == "relcl":
                right = min(right, child.left_edge.i)  # "reemergence of psychopathology [which occurred later]"
            elif child.dep_ == "prep" and child.lower_ in ("during", "throughout"):
                right = min(right, child.i)  # "emergency department visits [during treatment]" (agent:claims-10)
    for i in range(token.i + 1, right):  # "[those who had X] than those who had not": the comparator is not part of it
        if (doc[i].dep_ == "prep" and doc[i].lower_ in ("than", "versus", "vs", "vs.")) or (
                doc[i].lower_ in ("compared", "relative") and i + 1 < right and doc[i + 1].lower_ in ("to", "with")):
            right = i
            break
    while right - left > 1 and not _restricts_number(doc, left, right) and (
                                doc[left].lower_ in ("not", "just", "only", "precisely", "also")
                                or (doc[left].lower_ == "following" and doc[left].dep_ == "amod")  # a misread "following"
                                or (doc[left].dep_ == "advmod" and doc[left].i < token.i and not _premodifier_adverb(doc[left]))
                                or (doc[left].dep_ == "mark" and doc[left].lower_ in ("that", "whether"))
                                or _complementizer(doc[left])
                                or (doc[left].lower_ == "to" and doc[left].dep_ == "aux" and doc[left].head.i == token.i)):
        left += 1
    if doc[left].pos_ in ("ADP", "ADV", "SCONJ") and not _premodifier_adverb(doc[left]):
        commas = [i for i in range(left, token.i) if doc[i].text == ","]
        if commas:
            left = commas[-1] + 1
    i = token.i + 1
    while i < right:
        close = _kept_parenthetical(doc, i, right, blocked) if parens or outcome else None
        if close is not None and not parens and not (close + 1 < right and doc[close + 1].text in (",", "and", "or")):
            close = None  # outcomes keep a gloss only inside a list that goes on after it (agent:claims-10):
            # "morbidities including type 2 diabetes mellitus (DM), hypertension, and cardiovascular diseases"
        if close is not None:  # "low socioeconomic status (SES)": a gloss, not a citation or statistics
            i = close + 1
            continue
        if doc[i].text in _STOP or i in blocked or "—" in doc[i].text or _markup(doc[i].text) or (
                doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].like_num):  # ", 37% vs. 40.9%"
            right = i
            break
        i += 1
    i = token.i - 1
    while i >= left:
        if doc[i].text == ")":
            opening = next((j for j in range(i - 1, left - 1, -1) if doc[j].text == "("), None)
            if parens and opening is not None and _kept_parenthetical(doc, opening, i + 1, blocked) == i:
                i = opening - 1  # "hypothalamic-pituitary-adrenal (HPA) axis"
                continue
        if doc[i].text in _STOP or doc[i].text == ")" or i in blocked or "—" in doc[i].text or _markup(doc[i].text):
            left = i + 1
            break
        i -= 1
    while right > left + 1 and (doc[right - 1].is_punct or doc[right - 1].lower_ in ("and", "or", "but")):
        if parens and doc[right - 1].text == ")" and any(doc[i].text == "(" for i in range(left, right - 1)):
            break  # keep the closing bracket of a kept parenthetical
        if doc[right - 1].text in _CLOSE_QUOTES and any(doc[i].text in _OPEN_QUOTES for i in range(left, right - 1)) \
                and not any(doc[i].text in _CLOSE_QUOTES for i in range(left, right - 1)):
            break  # keep the closing quote of a quoted phrase
        right -= 1
    while left < right - 1 and doc[left].is_punct and doc[left].text not in ("‘", "'", "“", '"'):
        left += 1
    # a quotation opened inside the phrase and closed right after it, with the closing mark hung elsewhere
    # by the parser ("create ‘feelings of guilt, shame and anger’")
    opened = sum(doc[i].text in ("‘", "“") for i in range(left, right))
    closed = sum(doc[i].text in ("’", "”") for i in range(left, right))
    if opened > closed and right < len(doc) and doc[right].text in ("’", "”") and right not in blocked:
        right += 1
    # hyphenated words split by the tokenizer ("well - being"): never cut inside one
    while left >= 2 and doc[left - 1].text == "-" and not doc[left - 2].whitespace_ and not doc[left - 1].whitespace_ \
            and not doc[left - 2].is_punct and left - 2 not in blocked:
        left -= 2
    while right + 1 < len(doc) and doc[right].text == "-" and not doc[right - 1].whitespace_ \
            and not doc[right].whitespace_ and not doc[right + 1].is_punct and right + 1 not in blocked:
        right += 2
    return left, right
