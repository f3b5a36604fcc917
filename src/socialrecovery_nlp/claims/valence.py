"""Outcome valence: is an outcome good (+1) or bad (-1) for a person, or unknown (0)?

An outcome phrase is read from its head, as English noun phrases are built:

* the **head** is the noun phrase before the first post-modifier (a preposition, a comma or a
  relative pronoun): "impairments in object recognition" is about impairments, bad, although
  "recognition" is good;
* a **wrapper** head ("levels of", "the risk of", "the number of") passes the question on to its
  complement: "the risk of relapse" is as bad as relapse;
* a **change** head composes with its complement: "a reduction in symptoms" is good, "an
  increase in well-being" is good, "a decline in memory" is bad, "improvements in X" are good;
* a worsening modifier before a good head flips it ("poor sleep quality", "impaired memory");
* *(0.9.0)* a coordinated outcome whose first conjunct is a compound is read from that conjunct ("weight gain,
  diabetes and heart disease" is bad, not "a gain in diabetes"); a bare wrapper or change word coordinated with
  another shares the complement ("levels and duration of anxiety", "reduction or elimination of symptoms");
* when the head has no known valence, the right-most known phrase of the whole outcome decides
  (the reading before 0.5.0);
* *(0.6.0, agent:claims-14)* medical word forms that name a disorder ("hypocortisolism", "neuropathy",
  "thrombocytopenia", "fibrosis") are bad whatever the stem, and evaluative modifiers set an unknown head
  ("the impairing effects of ...", "abnormal preference behaviors" bad; "beneficial effects" good).

* *(2026-11-27)* a head that names a care process is good whatever it is applied to ("screening for
  depression", "HbA1c testing", "the detection rate of delirium"); an amount word turns a change over ("[less]
  reduction in symptoms" is bad, "[less] weight gain" good); "inability" and "dropping out" are bad.

Phrases come from :mod:`.lexicon` (``GOOD_OUTCOMES``, ``BAD_OUTCOMES``,
``BAD_OUTCOMES_DIRECTION``) plus the general health and social vocabulary below; matching
ignores a plural ``-s``/``-es``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon as lx

#: Diagnoses, harms, risk behaviours and social adversities: bad whatever the field.
MORE_BAD = (
    "syndrome", "dementia", "psychotic", "schizophrenia", "cancer", "diabetes", "hypertension", "stroke",
    "inflammation", "atrophy", "damage", "deterioration", "decline", "dysregulation", "insomnia",
    "sleep disturbance", "sleep problem", "nightmare", "agitation", "delirium", "akathisia", "weight gain",
    "smoking", "alcohol use", "alcohol consumption", "alcohol abuse", "drinking", "binge drinking",
    "substance use", "substance abuse", "substance misuse", "drug use", "drug abuse", "misuse", "addiction",
    "dependence", "overdose", "craving", "non-adherence", "nonadherence", "non-compliance", "noncompliance",
    "attrition", "absenteeism", "sick leave", "sickness absence", "work absence", "work disability", "crime", "offending", "reoffending", "recidivism", "arrest",
    "incarceration", "imprisonment", "victimisation", "victimization", "bullying", "abuse", "neglect",
    "maltreatment", "trauma", "ptsd", "posttraumatic stress", "post-traumatic stress", "fear", "worry",
    "rumination", "paranoia", "delusion", "hallucination", "self-stigma", "prejudice", "marginalisation",
    "marginalization", "segregation", "inequality", "inequalities", "deprivation", "debt", "eviction",
    "self-injurious", "emergency department visit", "emergency visit", "restraint", "seclusion", "coercion",
    "detention", "burnout", "exhaustion", "hyperactivity", "inattention", "handicap", "adverse event",
    "adverse effect", "harms", "waiting time", "delay", "dyskinesias", "disorders", "diseases", "illnesses",
    "deficiency", "deficiencies", "dysfunctions", "relapse rate", "risk behaviour", "risk behavior",
    "frailty", "disabilities", "injuries", "suicidality", "suicide attempt", "attempted suicide",
    "health condition", "chronic condition", "falls", "inability", "dropping out", "systolic", "diastolic", "sbp", "dbp", "ill-health", "ill health",
    "conflict of interest", "conflicts of interest", "expenditures", "health expenditure", "healthcare expenditure",
    "health care expenditure", "out-of-pocket expenditure",
    "treatment resistance", "treatment-resistant", "drug resistance", "insulin resistance",
    # 0.6.0 (agent:claims-14): general clinical harms, adverse effects and risk factors seen in the training
    # abstracts (guideline "Abstracts": adverse events, obesity, blood pressure, cortisol are bad)
    "risk", "headache", "somnolence", "hot flash", "hot flush", "emesis", "extrapyramidal", "eps", "sequelae",
    "lesion", "microbleed", "adiposity", "waist circumference", "body fat", "abdominal fat", "fat mass",
    "intraocular pressure", "iop", "blood glucose", "plasma glucose", "fasting glucose", "blood sugar", "hba1c",
    "cholesterol", "triglyceride", "allodynia",
    "friction", "conflict", "allostatic load", "corticosterone", "overuse", "overprescribing",
    "cocaine use", "opioid use", "cannabis use", "heroin use", "tobacco use", "antibiotic use", "resource use",
    "analgesic requirement", "opioid requirement", "analgesic consumption", "opioid consumption",
    "stress response", "inflammatory response", "catecholamine response", "cortisol response",
    "hormonal response", "neuroendocrine response", "allergic reaction", "inflammatory",
    "depressive", "depressed", "disorganization", "disorganisation",
    # stress physiology read like cortisol (guideline "Abstracts"), needs, errors and rescue treatment
    "hpa axis activation", "hpa axis activity", "hpa axis reactivity", "hpa activity", "adrenocortical activity",
    "glucocorticoid secretion", "sympathoadrenal activation", "sympathetic activation", "catabolic state",
    "qtc prolongation", "qt prolongation", "need", "unmet need", "error", "mistake", "nonconformity",
    "non-conformity", "rescue medication", "rescue analgesia", "variability",
    # rules v9 (review-style prose): self-harm, infection burden, inpatient days and clinical uncertainty
    "parasuicide", "hiv", "hospital days", "uncertainty",
    # round 9: public stigma as the social recovery literature measures it ("reduced [stereotypes]" promotes)
    "stereotype", "stereotyping", "social distance",
    # "discriminatory" only in its social compounds: "discriminatory accuracy / power" is a measure (agent:review-30)
    "discriminatory behaviour", "discriminatory behavior", "discriminatory attitude", "discriminatory practice",
    "discriminatory treatment", "discriminatory experience",
    # verb phrases as outcomes ("[withdraw from] friends"; round 9)
    "withdraw", "withdrew", "withdrawing", "withdrawn", "disengage", "disengaging", "disengaged", "self-isolate",
    "self-isolating", "use drugs", "using drugs", "take drugs", "taking drugs",
    # round 10 (findings sample f1, dev half): harms of social and everyday life
    "crash", "accident", "divorce", "struggle", "unemployed", "poverty level",
    # verb and adjective forms of known harms as likelihood outcomes ("twice as likely to [smoke] / [be obese]";
    # agent:review-32)
    "smoke", "obese", "overweight", "lonely",
)
#: Participles that say something bad happened to people, read only where they open the outcome: "[X] were more
#: likely to [be detained]", "to be [hospitalised]"; as a premodifier they only name a population ("in [incarcerated]
#: fathers"; round 9, agent:review-30)
BAD_PARTICIPLES = frozenset(["hospitalised", "hospitalized", "rehospitalised", "rehospitalized", "readmitted",
                             "re-admitted", "detained", "sectioned", "incarcerated", "imprisoned", "victimised",
                             "victimized", "bullied", "evicted", "arrested", "restrained", "secluded", "admitted"])
#: Where "admitted to / into" is bad: a hospital, not a programme or a study
_ADMITTED_TO = frozenset(["hospital", "hospitals", "a", "an", "the", "psychiatric", "inpatient", "acute", "intensive",
                          "icu", "ward", "wards", "emergency", "care", "secure", "mental"])
_PARTICIPLE_LEADS = frozenset(["be", "being", "been", "get", "getting", "got", "become", "becoming"])

#: Health, functioning and social goods.
MORE_GOOD = (
    "energy expenditure", "response inhibition", "prepulse inhibition", "inhibitory control",
    "wellness", "flourishing", "happiness", "life satisfaction", "sleep quality", "cognition",
    "cognitive function", "cognitive functioning", "learning", "social skills", "skills", "coping",
    "self-management", "autonomy", "self-determination", "motivation", "optimism", "meaning", "purpose",
    "connectedness", "social contact", "friendships", "trust", "acceptance", "self-acceptance", "dignity",
    "respect", "citizenship", "education", "educational attainment", "attainment", "achievement",
    "productivity", "attendance", "help-seeking", "insight", "stability", "abstinence", "sobriety",
    "weight loss", "fitness", "physical health", "safety", "security", "benefit", "effectiveness",
    "progress", "success", "protection", "social functioning", "social support", "quality",
    # 0.6.0 (agent:claims-14)
    "neurogenesis", "plasticity", "potency", "enjoyment", "pleasure", "interest", "concordance", "vitality",
    "social interaction", "neuroprotection", "health promotion", "heart rate variability", "quality-of-life",
    "sociability", "flexibility", "problem-solving", "mindfulness", "clinical pregnancy", "pregnancy rate",
    "live birth", "hippocampal volume", "brain volume", "grey matter volume", "gray matter volume",
    # round 9: goods of the social recovery literature missing above ("reduced [help seeking]" is bad)
    "help seeking", "social role", "valued role",
    # verb phrases as outcomes ("because of stigma, people avoid [seeking help]"; round 9)
    "seek help", "seeking help", "sought help", "seek treatment", "seeking treatment", "engage with", "engaging with",
    "re-engage", "reengage",
    # round 10 (findings sample f1, dev half)
    "graduation", "school completion", "employability",
)
#: Nouns of taking up care: "[utilization] of substance abuse treatment", "treatment [uptake]" are more treatment
#: received, good whatever it is for (round 10; "drug use" is no care). Not services or health care in general, whose
#: use is often the burden a treatment lowers ("larger decreases in service utilisation", agent:review-32), and a bad
#: modifier turns it over ("the use of [inappropriate] treatment").
CARE_UPTAKE = frozenset(["utilization", "utilisation", "uptake", "receipt", "use", "usage", "engagement"])
CARE_NOUNS = frozenset(["treatment", "treatments", "therapy", "therapies", "programme", "programmes", "program",
                        "programs", "counselling", "counseling", "psychotherapy"])

#: Care processes: a head that names one is good whatever it is applied to ("screening for depression", "HbA1c
#: testing", "the detection rate of delirium", "referral for treatment"), as more of it is better care. Not
#: "treatment": "needing additional treatment" or "rescue treatment" is bad.
CARE_PROCESS = frozenset([
    "screening", "screenings", "detection", "referral", "referrals", "testing", "identification", "documentation",
    "monitoring", "vaccination", "vaccinations", "immunisation", "immunization", "counselling", "counseling",
    "recognition",
])
#: Modifiers that make a care process a finding or a failure, read as before: "[positive] screening for depression"
#: (the condition found), "[delayed] detection of cancer", "[missed] diagnosis" (review-14).
CARE_BLOCKERS = frozenset(["positive", "negative", "delayed", "late", "missed", "false", "false-positive",
                           "refusal", "refused", "failed"])
#: Amount words that turn a change over ("[less] reduction in symptoms" is bad, "[smaller] improvements" too); not
#: "lower", which also starts anatomical compounds ("lower back pain reduction", review-14).
LESSER = frozenset(["less", "lesser", "smaller", "fewer", "reduced", "diminished", "weaker", "minimal", "limited"])

#: Heads that stand for their complement ("levels of anxiety" is as bad as anxiety).
WRAPPERS = frozenset(lx.OUTCOME_WRAPPERS) | frozenset([
    "level", "levels", "amount", "amounts", "score", "scores", "measure", "measures", "concentration",
    "concentrations", "degree", "extent", "magnitude", "occurrence", "onset", "presence", "experience",
    "experiences", "feeling", "feelings", "sense", "signs", "percentage", "numbers",
    "frequencies", "risks", "likelihoods", "prevalences", "incidences", "intensity", "total", "perception",
    "perceptions",
])
#: Change heads: +1 keeps the complement's valence, -1 flips it, "good"/"bad" fix it.
CHANGE_HEADS = {
    "increase": 1, "increases": 1, "rise": 1, "rises": 1, "growth": 1, "elevation": 1, "elevations": 1,
    "reduction": -1, "reductions": -1, "decrease": -1, "decreases": -1, "decline": -1, "declines": -1,
    "fall": -1, "falls": -1, "drop": -1, "drops": -1, "lowering": -1, "loss": -1, "losses": -1,
    "cessation": -1, "discontinuation": -1,
    "improvement": "good", "improvements": "good", "gain": "good", "gains": "good",
    "deterioration": "bad", "worsening": "bad", "exacerbation": "bad",
    # 2026-11-27: nouns of lowering and raising ("an attenuation of the capacity for X" is bad)
    "attenuation": -1, "attenuations": -1, "suppression": -1, "elimination": -1,
    "alleviation": -1, "amelioration": -1, "resolution": -1, "downregulation": -1, "down-regulation": -1,
    # not "inhibition": "response inhibition" is an ability (review-14)
    "shortening": -1, "slowing": -1, "enhancement": 1, "enhancements": 1, "upregulation": 1, "up-regulation": 1,
    "prolongation": 1, "lengthening": 1, "acceleration": 1,
}
#: Words that end the head noun phrase and start a post-modifier.
POST_MODIFIER = frozenset([
    "of", "in", "on", "for", "among", "amongst", "with", "to", "at", "from", "during", "between", "after",
    "by", "within", "across", "over", "than", "regarding", "including", "that", "which", "who",
    "whose", "where", "when", "as", "via", "through", "under", "following", "before", "since", "while",
    "and", "or", "but", "compared", "versus", "vs",  # "weight gain [compared with] placebo" (2026-11-28)
])
_DETERMINERS = frozenset(["a", "an", "the", "this", "these", "those", "its", "their", "any", "some", "such"])
_COORDINATORS = frozenset(["and", "or", "but", ",", ";", ":", "(", ")"])
_TOKEN = re.compile(r"[a-z0-9][a-z0-9'\-]*|[,;:()]")
_SUFFIX = r"(?:s|es)?"


def _lexicon_re(phrases) -> re.Pattern:
    alternation = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    return re.compile(rf"(?<![a-z\-])(?:{alternation}){_SUFFIX}(?![a-z\-])")


GOOD_RE = _lexicon_re(lx.GOOD_OUTCOMES + MORE_GOOD)
BAD_RE = _lexicon_re(lx.BAD_OUTCOMES + lx.BAD_OUTCOMES_DIRECTION + MORE_BAD)


#: Medical word forms that name a disorder whatever the stem (agent:claims-14): "hypo-/hyper-" conditions
#: (hypertension, hypocortisolism, hypoxia; not "hypobaric"), "-itis", "-emia/-aemia", "-penia", "-pathy",
#: "-algia", "-osis" (neuropathy, thrombocytopenia, fibrosis), with the ordinary words that share the forms
#: left out (hypothesis, empathy, diagnosis, academia, nostalgia).
DISORDER_FORM_RE = re.compile(
    r"(?<![a-z\-])(?:"
    r"hyp(?:er|o)[a-z]*(?:tension|ism|ia|trophy|plasia|activity|reactivity|secretion|function)"
    r"|[a-z]{3,}itis|(?!acad|academ)[a-z]{2,}(?:a?emia|aemia)s?|[a-z]{3,}penia|(?!nost)[a-z]{3,}algia"
    r"|(?!(?:em|sym|tele|homeo|osteo|natural)path)[a-z]{2,}pathy"
    r"|(?!(?:diagn|progn|hypn|symbi|osm|mit|mei|metamorph|apotheos|ep)osis)[a-z]{3,}osis)(?![a-z\-])")


def lexicon_valence(text: str) -> int:
    """The right-most (then longest) known phrase of ``text`` decides; 0 when none is known."""
    best: tuple[int, int, int] | None = None  # (end, length, valence)
    for pattern, value in ((GOOD_RE, 1), (BAD_RE, -1), (DISORDER_FORM_RE, -1)):
        for match in pattern.finditer(text):
            key = (match.end(), match.end() - match.start(), value)
            if best is None or key[:2] > best[:2]:
                best = key
    return 0 if best is None else best[2]


#: Modifiers that make a good or unknown head bad ("poorer outcome", "adverse health outcomes").
WORSE = frozenset(lx.WORSE_MODIFIERS) | frozenset([
    "adverse", "negative", "unhealthy", "harmful", "problematic", "unfavorable", "unfavourable", "maladaptive",
    "dysfunctional", "worst", "lowest", "poorest", "bad", "risky",
    # 0.6.0 (agent:claims-14)
    "impairing", "damaging", "detrimental", "deleterious", "toxic", "inappropriate", "unnecessary", "excessive",
    "abnormal", "aberrant", "pathological", "unsafe", "disrupted", "dysregulated", "unrealistic", "unmet",
    "suboptimal", "inadequate", "insufficient", "coercive", "harsh", "punitive",
    # round 9: stigma and discrimination ("reduced [stigmatising attitudes]" promotes: "attitudes" alone read good)
    "stigmatising", "stigmatizing", "prejudicial", "prejudiced", "hostile", "stereotypical",
    "stereotyped", "demeaning", "derogatory"])
#: Modifiers that make an unknown head good ("beneficial effects", "protective effect").
BETTER = frozenset(lx.BETTER_MODIFIERS) | frozenset([
    "beneficial", "protective", "favorable", "favourable", "healthy", "adaptive", "therapeutic", "successful"])


def _with_modifiers(valence: int, words: set[str]) -> int:
    if valence > 0 and words & WORSE:
        return -1
    if valence == 0 and words & WORSE:
        return -1
    if valence == 0 and words & BETTER:
        return 1
    return valence


@lru_cache(maxsize=8192)
def outcome_valence(text: str) -> int:
    """+1 if the outcome is good for a person, -1 if bad, 0 if unknown (see the module doc)."""
    return _valence(_tokens(text), depth=0)


def _tokens(text: str) -> list[str]:
    """Lower-cased tokens, a "-like" compound read as its stem: "[anxiety-like] behaviour" is as bad as anxiety (round
    9: animal models name their outcomes so)."""
    return [t[:-5] if t.endswith("-like") and len(t) > 5 else t for t in _TOKEN.findall(text.lower())]


def _bad_participle(tokens: list[str]) -> bool:
    """Does the outcome open with a bad participle (after "be / get / become"), followed by nothing or a post-modifier
    ("[be detained] under ...", "[hospitalised]")? "admitted" only to a hospital ("admitted to a psychiatric ward", not
    "to the programme"); "[incarcerated] fathers" is a population."""
    lead = 1 if tokens[0] in _PARTICIPLE_LEADS else 0
    if lead >= len(tokens) or tokens[lead] not in BAD_PARTICIPLES:
        return False
    after = tokens[lead + 1] if lead + 1 < len(tokens) else None
    if after is not None and after not in POST_MODIFIER and after != "into":
        return False
    if tokens[lead] != "admitted":
        return True
    place = tokens[lead + 2:lead + 4]
    return after in ("to", "into") and bool(place) and place[0] in _ADMITTED_TO and any(
        w in _ADMITTED_TO - {"a", "an", "the"} for w in place)


def _valence(tokens: list[str], depth: int) -> int:
    if not tokens:
        return 0
    if depth == 0 and _bad_participle(tokens):  # "[be detained] under the Mental Health Act"
        return -1
    cut = _head_end(tokens)
    head, rest = tokens[:cut], tokens[cut + 1:] if cut < len(tokens) else []
    head_text = " ".join(head)
    last = head[-1]
    # a coordinated outcome whose first conjunct is a compound ("weight gain, diabetes and heart disease") is read
    # from that conjunct; a bare wrapper or change word coordinated with another ("levels and duration of Y",
    # "reduction or elimination of Y", "a reduction (30%) in Y") still takes the rest as its complement (0.9.0)
    compound = len([t for t in head if t not in _DETERMINERS]) > 1
    complement = cut < len(tokens) and (tokens[cut] not in _COORDINATORS or not compound)
    if depth < 3 and rest and complement:
        if last in CARE_UPTAKE and _head_end(rest) and _care(rest[:_head_end(rest)]):
            # "utilization of [substance abuse treatment]": care received (round 10); "[inappropriate] use of ..."
            return -1 if (set(head) | set(rest[:_head_end(rest)])) & WORSE else 1
        if last in WRAPPERS:
            if len(head) > 1 and head[-2] in CARE_PROCESS and not set(head[:-2]) & CARE_BLOCKERS:
                return _with_modifiers(1, set(head[:-2]))  # "the screening rate for depression"
            inner = _valence(rest, depth + 1)
            return _with_modifiers(inner, set(head[:-1])) if inner else _fallback(tokens)
        if last in CHANGE_HEADS:
            change = CHANGE_HEADS[last]
            turn = -1 if set(head[:-1]) & LESSER else 1  # "[less] reduction in depressive symptoms"
            known = _known_compound(head)
            if known:  # "[weight gain] in patients with schizophrenia": the compound names what changes, the
                return turn * known  # complement where (2026-11-28)
            start = next((i for i, t in enumerate(head) if t not in _DETERMINERS and t not in LESSER), len(head))
            if start < len(head) - 1 and lexicon_valence(" ".join(head[start:-1])):  # "[memory loss] in patients
                return turn * _trailing_change(head[start:])  # with dementia", "[less] [stress reduction] in nurses"
            if change == "good":
                return turn
            if change == "bad":
                return -turn
            if tokens[cut] in ("and", "or") and rest[0] in CHANGE_HEADS:  # "reduction or elimination of Y"
                if CHANGE_HEADS[rest[0]] != change:
                    return 0  # "increase or reduction of Y": no one direction
                rest = rest[2:] if len(rest) > 1 and rest[1] in POST_MODIFIER else rest[1:]
            inner = _valence(rest, depth + 1)
            return turn * change * inner if inner else _fallback(tokens)
    if last in CHANGE_HEADS:
        lead = next((i for i, t in enumerate(head) if t not in LESSER and t not in _DETERMINERS), len(head))
        turn = -1 if any(t in LESSER for t in head[:lead]) and lead < len(head) else 1
        return turn * _trailing_change(head[lead:] if turn < 0 else head)  # "[less] weight gain"
    if last in CARE_UPTAKE and len(head) > 1 and _care(head[:-1]):
        return -1 if set(head) & WORSE else 1  # "treatment uptake" (round 10)
    if last in CARE_PROCESS and not set(head[:-1]) & CARE_BLOCKERS:  # "detection of depression", "cancer screening"
        return _with_modifiers(1, set(head[:-1]))  # "[inadequate] screening" stays bad
    valence = lexicon_valence(head_text)
    if valence:
        return _with_modifiers(valence, set(head[:-1]))
    return _fallback(tokens)


#: What makes services care: "[mental health] services", "psychological services" (agent:review-33); "service
#: utilisation" alone stays unknown
_CARE_SERVICE_MODIFIERS = frozenset(["mental", "psychological", "psychiatric", "psychosocial", "counselling",
                                     "counseling", "psychotherapy", "psychotherapeutic", "treatment", "support"])


def _care(words: list[str]) -> bool:
    """Do ``words`` (a head) name care whose use is good: a treatment or therapy, or mental health services?"""
    if not words:
        return False
    if words[-1] in CARE_NOUNS:
        return True
    return words[-1] in ("service", "services") and bool(set(words[:-1]) & _CARE_SERVICE_MODIFIERS)


def _known_compound(head: list[str]) -> int:
    """The valence of a known phrase of several words that ends the head ("weight gain" -1, "weight loss" +1),
    else 0."""
    text = " ".join(head)
    for pattern, value in ((GOOD_RE, 1), (BAD_RE, -1)):
        for match in pattern.finditer(text):
            if match.end() == len(text) and " " in match.group():
                return value
    return 0


def _trailing_change(head: list[str]) -> int:
    """A head that ends in a change word ("memory loss", "symptom reduction", "weight gain"): a
    known phrase that ends with it decides ("weight gain" is bad, "weight loss" good); else a fixed
    change ("improvement") decides; else the change composes with the words before it."""
    known = _known_compound(head)
    if known:
        return known
    change = CHANGE_HEADS[head[-1]]
    if isinstance(change, str):
        return 1 if change == "good" else -1
    inner = _valence(head[:-1], depth=3) if len(head) > 1 else 0
    return change * inner if inner else _fallback(head)


def _fallback(tokens: list[str]) -> int:
    """The reading before 0.5.0: the right-most known phrase of the whole outcome."""
    return _with_modifiers(lexicon_valence(" ".join(tokens)), set(tokens))


def _head_end(tokens: list[str]) -> int:
    """Where the head of an outcome's tokens ends: at the first post-modifier or punctuation after its first word."""
    return next((i for i, t in enumerate(tokens) if i > 0 and (t in POST_MODIFIER or not t[0].isalnum())), len(tokens))


def outcome_head(text: str) -> str:
    """The head of an outcome, lower-cased, before any post-modifier: "greater weight gain in adolescents" ->
    "greater weight gain"."""
    tokens = _TOKEN.findall(text.lower())
    return " ".join(tokens[:_head_end(tokens)])


def head_valence(text: str) -> int:
    """The valence of the outcome's head alone, before any post-modifier: "[enhanced anxiety] in rats" is bad,
    "[optimal management] of cancer" is unknown (no fallback to "cancer")."""
    tokens = _tokens(text)
    return _valence(tokens[:_head_end(tokens)], depth=0)
