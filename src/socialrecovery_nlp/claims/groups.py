"""The group a result is about, named inside the subject (added for issue #5, agent:claims-6).

Group results often name the group inside the measured noun phrase rather than as the subject:
"[total costs per patient in [the cognitive behavior therapy group]] were lower than ...", "[hair
from [the stressed group]] contained higher cortisol", "[the weight and height of [patients with
pathological etiologies]] were greater than those with ...". The guideline's factor is the group
as written (Abstracts, "Group comparisons"); the rest of the phrase is the measure (the outcome).

Round 6 adds who a study is about but that is no factor: respondents who only report ("[parents] reported ...",
:func:`reporting_respondents`) and the condition that defines the studied population ("in patients with [BPD]",
:func:`population_condition`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from . import lexicon as lx

#: Nouns that name a study group whatever their modifiers.
_GROUP_NOUNS = frozenset(["group", "groups", "arm", "arms", "cohort", "cohorts"])
#: People nouns that name a group only with a restriction ("patients [with X]", "[obese] children").
_PEOPLE = lx.PERSON_WORDS | frozenset(["subjects", "children", "adults", "adolescents", "infants", "students",
                                        "respondents", "rats", "mice", "animals", "those", "controls", "cases"])
_GROUP_PREPS = frozenset(["in", "among", "from", "of"])


def _restricted(noun: Token) -> bool:
    return any(c.dep_ in ("prep", "acl", "relcl", "amod", "compound", "nmod") for c in noun.children)


def is_group(token: Token | None) -> bool:
    """A study group: a group noun ("the CBT group", not "both groups") or restricted people ("ovariectomized
    rats", "patients with X")."""
    if token is None:
        return False
    if token.lower_ in _GROUP_NOUNS:
        return not any(c.dep_ == "det" and c.lower_ in ("both", "each", "all", "either") for c in token.children)
    return token.lower_ in _PEOPLE and _restricted(token)


def change_in_group(change: Token) -> tuple[Token, Token] | None:
    """``(group, measure)`` of a reported change located in a group: "[Marked changes] in [ovariectomized rats]
    were observed in [memory]", "Significant [reductions] in [symptoms] were found in [the CBT group]"; the
    two "in" phrases (on the change noun and on the verb) are told apart by which one names a group."""
    def _in(holder: Token, after: int) -> Token | None:
        return next((p for c in holder.children if c.dep_ == "prep" and c.lower_ in ("in", "among") and c.i > after
                     for p in c.children if p.dep_ == "pobj"), None)

    on_noun, on_verb = _in(change, change.i), _in(change.head, change.head.i)
    if on_noun is None or on_verb is None or is_group(on_noun) == is_group(on_verb):
        return None
    return (on_noun, on_verb) if is_group(on_noun) else (on_verb, on_noun)


def group_in(noun: Token | None) -> Token | None:
    """The group named by an "in / among / from / of" phrase on ``noun`` ("costs [in the CBT group]",
    "hair [from the stressed group]", "the weight [of patients with X]"), else None. A bare "of
    patients" or "in women" does not count: the group must be a group noun or restricted people."""
    if noun is None or noun.lower_ in _GROUP_NOUNS or noun.lower_ in _PEOPLE:
        return None
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in _GROUP_PREPS or prep.i < noun.i:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        if obj.lower_ in _GROUP_NOUNS and not any(c.dep_ == "det" and c.lower_ in ("both", "each", "all", "either")
                                                  for c in obj.children):
            return obj
        if obj.lower_ in _PEOPLE and _restricted(obj):
            return obj
    return None


_QUANTITY = frozenset(["fewer", "more", "less"])


def quantified_subject(token: Token, have_verbs: frozenset) -> tuple[Token, Token] | None:
    """``(subject, object)`` of "[Fewer] STEPPS subjects had [emergency visits]", "[More] patients in
    the X group reported [Y]": a quantity comparative opening the subject of a have / report verb with
    an object; the subject names the group (the factor), the object the result (the outcome)."""
    if token.lower_ not in _QUANTITY or token.dep_ not in ("amod", "advmod") or token.head.i < token.i:
        return None
    subject = token.head
    while subject.dep_ in ("amod", "compound", "nmod") and subject.head.i > subject.i:
        subject = subject.head
    if subject.dep_ != "nsubj" or subject.left_edge.i != token.i or subject.head.lower_ not in have_verbs:
        return None
    obj = next((c for c in subject.head.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    return (subject, obj) if obj is not None else None


#: People who take part in a study as respondents; "women", "men" are left out (they name a comparison).
_RESPONDENTS = frozenset(["patients", "participants", "subjects", "respondents", "caregivers", "carers", "parents",
                          "mothers", "fathers", "families", "clients", "individuals", "people", "users", "students",
                          "adolescents", "adults", "veterans", "survivors", "staff", "nurses", "clinicians",
                          "therapists", "physicians", "practitioners", "teachers", "employees", "workers"])
#: Verbs by which respondents give a study its data ("parents reported ...", "carers experience ...").
_REPORTING = frozenset(["report", "reports", "reported", "reporting", "experience", "experiences", "experienced",
                        "describe", "describes", "described", "perceive", "perceives", "perceived", "rate", "rates",
                        "rated", "endorse", "endorses", "endorsed"])
_QUANTIFIERS = frozenset(["the", "all", "most", "many", "some", "these", "those", "both", "also"])
_COMPARED = frozenset(["than", "compared", "relative", "versus", "vs", "vs.", "whereas", "unlike"])


def reporting_respondents(factor: Span) -> bool:
    """True for a factor that is only the study's respondents as the subject of a reporting verb:
    "[parents] reported a greater reduction in depression", "[carers] experience elevated burden". They
    give the data; the sentence is a finding, not a relation with them as the factor (guideline
    "Group comparisons": a result that names no factor). A named comparison keeps it ("[patients]
    reported higher Y than controls"), as do restricted groups ("[patients with X] reported ...")."""
    root = factor[-1]
    if root.lower_ not in _RESPONDENTS or any(t.lower_ not in _QUANTIFIERS for t in factor[:-1]):
        return False
    after = next((t for t in factor.doc[factor.end:factor.end + 3] if t.pos_ != "ADV" and t.lower_ != "also"), None)
    if not (root.dep_ == "nsubj" and root.head.lower_ in _REPORTING) and (after is None or after.lower_ not in _REPORTING):
        return False  # the parse's subject, or the word order where the parser misread the verb ("Carers
        # [experience] elevated burden" parsed as one noun phrase)
    if any(c.dep_ in ("prep", "acl", "relcl", "appos", "conj") for c in root.children):
        return False
    return not any(t.lower_ in _COMPARED for t in root.sent)


#: Who a study can be about: people, respondents and the study's groups or samples ("arms" left out: "the open
#: [arms] of an elevated plus maze" is apparatus, not a population)
_STUDIED = (_PEOPLE | _GROUP_NOUNS | _RESPONDENTS | frozenset(["youth", "sample", "samples", "population", "populations",
                                                              "inpatients", "outpatients"])) - frozenset(["arm", "arms"])
_CONDITION_VERBS = frozenset(["suffering", "diagnosed", "living", "affected", "presenting", "admitted", "treated"])


def population_condition(doc: Doc, span: tuple[int, int]) -> bool:
    """Is ``span`` the condition that defines the studied population ("reduced Y in patients with [borderline
    personality disorder]", "among adults diagnosed with [depression]")? It names who was studied, not what the
    factor acted on (agent:review-20)."""
    root = doc[span[0]:span[1]].root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("with", "from", "of") or prep.dep_ != "prep":
        return False
    noun = prep.head
    if noun.lower_ in _CONDITION_VERBS and noun.dep_ in ("acl", "relcl", "amod"):
        noun = noun.head
    if noun.lower_ == "of" and noun.dep_ == "prep":  # "in a sample of [adults] with": of the sample
        noun = noun.head
    return noun.lower_ in _STUDIED and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "among", "amongst")
