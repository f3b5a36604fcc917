"""Is an outcome about recovery from mental health difficulties? (the evidence table's default filter, round 6)

The review asks how social factors act on recovery: the CHIME processes, mental health and its symptoms, and the
social and functional life a person recovers (relationships, work, housing, inclusion, hospital use). An outcome
counts when it names one of these ("personal recovery", "depressive symptoms", "readmission", "social
functioning", "loneliness"); a purely physical or biological outcome ("hair cortisol", "weight loss", "serum
glucose", "heart failure") does not, although it has a valence for direction. Claims about such outcomes stay in
``srnlp claims --all``.
"""

from __future__ import annotations

import re

#: Word stems and phrases of recovery and mental health outcomes (matched case-insensitively at a word start).
_TERMS = (
    # recovery and the CHIME processes
    r"recover\w*", r"relaps\w*", r"remission\w*", r"well[\s-]?being", r"quality\s+of\s+life", r"(?:hr)?qol", r"h?rql",
    r"hope", r"hopeful\w*", r"optimism", r"meaning\s+in\s+life", r"meaningful\s+(?:life|lives|activit\w+|occupation)",
    r"purpose\s+in\s+life", r"sense\s+of\s+(?:purpose|meaning|coherence|belonging|self)", r"identit\w*",
    r"empower\w*", r"esteem",
    r"self[\s-](?:esteem|efficacy|worth|confidence|acceptance|concept|stigma\w*|management|determination|care|compassion)",
    r"autonomy", r"connectedness", r"belonging", r"resilien\w*", r"coping", r"insight\s+into\s+(?:illness|\w+\s+illness)",
    r"flourish\w*", r"life\s+satisfaction", r"personal\s+growth", r"post[\s-]?traumatic\s+growth",
    # mental health and its symptoms
    r"mental\w*", r"psychiatr\w*", r"psycholog\w*", r"psycho(?!social)\w*", r"emotion\w*", r"mood\w*",
    r"affective", r"negative\s+affect", r"positive\s+affect", r"depress\w*", r"anxi\w*", r"distress\w*", r"stress", r"burnout", r"burn-out", r"trauma\w*",
    r"ptsd", r"suicid\w*", r"parasuicid\w*", r"self[\s-]?harm\w*", r"self[\s-]?injur\w*", r"schizo\w*", r"bipolar",
    r"mania", r"manic", r"borderline\s+personality\w*", r"bpd", r"personality\s+disorders?", r"eating\s+disorders?", r"anorexi\w*", r"bulimi\w*",
    r"binge\w*", r"substance\w*", r"alcohol\w*", r"drinking", r"drug\s+use", r"cannabis", r"cocaine", r"opioid\w*",
    r"heroin", r"addict\w*", r"craving\w*", r"abstinen\w*", r"gambling", r"adhd", r"attention[\s-]deficit",
    r"hyperactiv\w*", r"impulsiv\w*", r"inattent\w*", r"autis\w*", r"conduct\s+(?:problems?|disorders?)",
    r"(?:problem|challenging|disruptive|antisocial|anti-social|suicidal|risk|sexual|aggressive|externali[sz]ing|"
    r"addictive|self-harm\w*|help-seeking|health)\s+behaviou?rs?",
    r"behaviou?r(?:al)?\s+(?:problems?|difficult\w*|disorders?|symptoms?|dyscontrol|disturbances?|outcomes?)",
    r"aggress\w*", r"violen\w*", r"anger", r"hostil\w*", r"irritab\w*", r"hopeless\w*",
    r"anhedoni\w*", r"symptom\w*", r"psychopatholog\w*", r"wellness", r"sleep\w*", r"insomnia", r"nightmares?",
    r"cognit\w*", r"dementia", r"delirium", r"ocd", r"obsessive\w*", r"compulsi\w*", r"panic", r"phobi\w*",
    r"intrapsychic\w*", r"(?:psycho)?therap(?:y|eutic)\s+outcomes?", r"worry", r"rumination", r"shame", r"guilt", r"stigma\w*", r"loneliness", r"lonely", r"isolation",
    # mental health care ("readmission", "crisis", "coercion")
    r"hospitali[sz]\w*", r"rehospitali[sz]\w*", r"admissions?", r"readmissions?", r"bed[\s-]days?", r"coercion",
    r"coercive", r"detention", r"involuntary", r"crisis", r"crises",
)
#: The social and functional life a person recovers; an outcome that names it counts, a sentence that only
#: mentions it gives no context for an implicit outcome (it may be the factor itself).
_SOCIAL_LIFE = (
    r"social\w*", r"socio\w*", r"psychosocial\w*", r"relationship\w*", r"friend\w*", r"famil\w*", r"marital", r"parenting",
    r"network\w*", r"support", r"inclusion", r"exclusion", r"participation", r"citizenship", r"community",
    r"employment", r"unemployment", r"employ\w*", r"work\w*", r"jobs?", r"vocational", r"occupational",
    r"education\w*", r"school\w*", r"housing", r"homeless\w*", r"income", r"poverty", r"debt",
    r"functioning", r"functional\s+(?:outcomes?|recovery|status|impairment|disability)", r"global\s+function\w*",
    r"disabilit\w*", r"engagement",
    r"dropout\w*", r"drop[\s-]out", r"dropping\s+out", r"(?:clinical|symptomatic|symptom|treatment|therapeutic)\s+"
    r"(?:improvement|response|change|gains?)", r"disengage\w*", r"attrition", r"adherence", r"treatment\s+outcomes?",
    r"service\s+use", r"help[\s-]seeking", r"satisfaction", r"alliance", r"caregiv\w*", r"carer\w*", r"burden",
    r"discrimination", r"victimi[sz]\w*", r"abuse", r"neglect", r"bullying", r"offending", r"arrests?",
    r"incarceration", r"recidivism", r"externali[sz]\w*", r"internali[sz]\w*", r"adjustment", r"development",
    r"(?:health|clinical|patient|treatment|functional|long-term|poor|psychosocial|child|developmental)\s+outcomes?",
)
#: Physical senses of the words above, removed before matching ("oxidative stress", "gastrointestinal symptoms",
#: "tumour development"; review-22), and the care providers' own adherence to guidelines (review-21), knowledge,
#: attitudes and practice ("therapist adherence", "physicians' knowledge": outcomes of the providers, not of the people
#: recovering; round 7, agent:review-26)
_PHYSICAL = re.compile(
    r"(?i)\b(?:oxidative|nitrosative|cellular|heat|thermal|mechanical|shear|endoplasmic\s+reticulum|er|metabolic|"
    r"replication|osmotic)\s+stress\b|\b(?:gastrointestinal|gi|respiratory|urinary|menopausal|vasomotor|cardiac|"
    r"motor|extrapyramidal|physical|somatic|allergic|nasal|ocular|skin|withdrawal)\s+symptoms?\b"
    r"|\binvoluntary\s+movements?\b|\b(?:ventilatory|ventilator|nutritional|respiratory|hemodynamic|haemodynamic|"
    r"circulatory|mechanical|inotropic)\s+support\b|\b(?:tumou?r|cancer|bone|skeletal|muscle|embryonic|fetal|foetal|"
    r"plant|root|dental|tooth|lung|organ|neural\s+tube|drug|product)\s+development\b|\bworkloads?\b"
    r"|\b(?:stress|fatigue)\s+fractures?\b|\bhospital\s+admissions?\s+for\s+(?:heart|cardiac|pneumonia|asthma|copd)\b"
    r"|\b(?:guideline|protocol)\s+adherence\b|\b(?:provider|physician|clinician|practitioner|staff|nurse|doctor|"
    r"prescriber|pharmacist|gp|therapist|counsell?or|psychiatrist|psychologist|professional)s?'?\s+(?:adherence|"
    r"satisfaction|knowledge|attitudes?|practices?|competence|confidence|skills?|behaviou?rs?|performance)\b"
    r"|\b(?:sti|std|hiv|aids|genital|urogenital|influenza|flu|covid(?:-19)?|infection|infectious)\s+symptoms?\b|\badherence\s+(?:\w+\s+){0,4}?to\s+(?:\S+\s+){0,4}?(?:guidelines?|"
    r"protocols?|recommendations?)\b")
_PATTERN = re.compile(r"(?i)(?<![\w-])(?:" + "|".join(_TERMS + _SOCIAL_LIFE) + r")(?![\w-])")
_MENTAL = re.compile(r"(?i)(?<![\w-])(?:" + "|".join(_TERMS) + r")(?![\w-])")


def recovery_outcome(text: str) -> bool:
    """Does the outcome phrase name recovery, mental health or the social and functional life a person
    recovers ("depressive symptoms", "readmission", "social functioning"), rather than only a physical or
    biological measure ("hair cortisol", "weight change")?"""
    return bool(_PATTERN.search(_PHYSICAL.sub(" ", text)))


def mental_health_context(text: str) -> bool:
    """Does ``text`` (a claim's sentence without its factor, or the record's title) name recovery, mental health or
    its care? An implicit outcome ("[X] showed a borderline association") is read as recovery only then."""
    return bool(_MENTAL.search(_PHYSICAL.sub(" ", text)))


#: Outcomes named only in general ("clinical outcomes", "the patients' health outcomes", "outcome"): about recovery only in
#: a mental health context (round 7)
_GENERIC = re.compile(r"(?i)^\W*(?:(?:the|their|his|her|its|patients'?|patient|these|those|all|overall|better|worse|poor|"
                      r"poorer|improved|good|positive|negative|adverse|subsequent|later|long-term|short-term|clinical|"
                      r"health|treatment|medical|important|key|primary|secondary|relevant)\s+)*(?:outcomes?|results?|"
                      r"endpoints?|prognosis)\W*$")


def generic_outcome(text: str) -> bool:
    """Does the outcome phrase name only outcomes in general ("clinical outcomes", "poorer health outcomes")?"""
    return bool(_GENERIC.match(text))
