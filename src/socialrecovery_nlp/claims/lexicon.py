"""Word lists behind claim rules: relation triggers, outcome valence, hedges and negation.

Kept as plain data so they are easy to read and to extend. Matching is on lower-cased lemmas
(or lower-cased text when no lemmatizer runs), so list base forms and common inflections.
"""

from __future__ import annotations

import re

#: Trigger kinds. ``benefit``/``harm`` fix the direction whatever the outcome; ``increase``,
#: ``decrease`` and ``associate`` compose with the outcome's valence (see :mod:`.direction`).
BENEFIT, HARM, INCREASE, DECREASE, ASSOCIATE = "benefit", "harm", "increase", "decrease", "associate"

#: Single-word triggers (verbs, nouns, adjectives) -> kind.
TRIGGER_WORDS: dict[str, str] = {
    # benefit: the factor helps the outcome
    **dict.fromkeys(
        ["improve", "improves", "improved", "improving", "improvement", "improvements", "enhance", "enhances", "enhanced", "enable", "enables", "enabled", "enabling", "promote", "promotes", "promoted", "promoting", "facilitate", "facilitates", "facilitated", "facilitating", "support", "supports", "supported", "supportive", "foster", "fosters", "fostered", "strengthen", "strengthens", "strengthened", "benefit", "benefits", "benefited", "beneficial", "help", "helps", "helped", "helpful", "empower", "empowers", "empowered", "protect", "protects", "protective", "vital", "crucial", "critical", "central", "important", "key", "essential", "valuable", "effective", "efficacious", "springboard", "provide", "provides", "provided", "providing",
         # added in 0.3.0 (claim sentences of the training data that had no trigger)
         "supporting", "enrich", "enriches", "enriched",
         # added for issue #5: "[X] was superior to placebo on [Y]"
         "superior"], BENEFIT),
    # harm: the factor works against the outcome
    **dict.fromkeys(
        ["undermine", "undermines", "undermined", "undermining", "hinder", "hinders", "hindered", "hindering", "impede", "impedes", "impeded", "impeding", "worsen", "worsens", "worsened", "worsening", "damage", "damages", "damaged", "harm", "harms", "harmed", "harmful", "barrier", "barriers", "obstacle", "obstacles", "isolate", "isolates", "isolating", "disable", "disabling", "exacerbate", "exacerbates", "exacerbated", "exacerbating", "inhibit", "inhibits", "inhibited", "burden", "stressful", "detrimental", "impair", "impairs", "impaired", "dislocate", "dislocates",
         # added in 0.3.0
         "disrupt", "disrupts", "disrupted", "disrupting", "disturb", "disturbs", "disturbed", "disturbing",
         # added for issue #5
         "inferior",
         # agent:claims-6 (issue #5): "[X] interferes with [Y]", "aggravate"
         "interfere", "interferes", "interfered", "interfering", "aggravate", "aggravates", "aggravated",
         "aggravating"], HARM),
    # increase: more of the outcome
    **dict.fromkeys(
        ["increase", "increases", "increased", "increasing", "raise", "raises", "raised", "cause", "causes", "caused", "causing", "intensify", "intensifies", "intensified", "produce", "produces", "produced", "contribute", "contributes", "contributed", "contributing", "contributor", "elevate", "elevates", "elevated",
         # added after 0.3.0 (grouped CV over the training sentences)
         "induce", "induces", "induced", "inducing", "potentiate", "potentiates", "potentiated",
         # agent:claims-6 (issue #5): "did not demonstrate a propensity to [precipitate] mania"
         "precipitate", "precipitates", "precipitated", "precipitating",
         "boost", "boosts", "boosted", "boosting", "stimulate", "stimulates", "stimulated", "stimulating"], INCREASE),
    # decrease: less of the outcome
    **dict.fromkeys(
        ["reduce", "reduces", "reduced", "reducing", "reduction", "reductions", "decrease", "decreases", "decreased", "decreasing", "lower", "lowers", "lowered", "prevent", "prevents", "prevented", "preventing", "counter", "counters", "countered", "minimise", "minimize", "minimises", "minimizes", "alleviate", "alleviates", "alleviated", "lessen", "lessens", "decline", "declines",
         # agent:claims-6 (issue #5): common causal verbs of clinical abstracts
         "relieve", "relieves", "relieved", "relieving", "mitigate", "mitigates", "mitigated", "mitigating",
         "ameliorate", "ameliorates", "ameliorated", "ameliorating", "diminish", "diminishes", "diminished",
         "diminishing"], DECREASE),
    # association: no causal verb (Yu et al. 2019: correlational)
    **dict.fromkeys(
        ["associated", "association", "associations", "correlate", "correlates", "correlated", "correlation", "correlations", "linked", "predictor", "predictors", "predict", "predicts", "predicted", "predictive", "related", "risk", "risks", "differ", "differed", "differs", "difference", "differences", "different", "similar", "comparable", "identical", "equal", "unchanged", "effect", "effects",
         # added in 0.3.0 ("unfavorably affect" is a harm, see spans._evaluative_kind)
         "affect", "affects", "affected", "affecting",
         # added for issue #5: "[Y] varied across [X]" (a group comparison, guideline v1.2)
         "vary", "varies", "varied",
         # agent:claims-6 (issue #5): "[marked changes] in [X group] were observed in [Y]" (guideline v1.2: no sign)
         "changes"], ASSOCIATE),
    # added in 0.5.0: general causal and associative verbs still missing above (Yu et al. 2019's categories);
    # measured on the v2 abstracts (annotations/claims_abstracts_v2.jsonl) before they joined training
    **dict.fromkeys(["rescue", "rescues", "rescued", "restore", "restores", "restored", "normalize", "normalizes",
                     "normalized", "normalise", "normalises", "normalised", "buffer", "buffers", "buffered"], BENEFIT),
    **dict.fromkeys(["compromise", "compromises", "compromised", "jeopardize", "jeopardise", "jeopardizes",
                     "jeopardises", "preclude", "precludes", "precluded", "compound", "compounds", "compounded",
                     "deteriorate", "deteriorates", "deteriorated"], HARM),
    **dict.fromkeys(["accelerate", "accelerates", "accelerated", "augment", "augments", "augmented", "amplify",
                     "amplifies", "amplified", "trigger", "triggers", "triggered", "provoke", "provokes",
                     "provoked"], INCREASE),
    **dict.fromkeys(["attenuate", "attenuates", "attenuated", "suppress", "suppresses", "suppressed", "abolish",
                     "abolishes", "abolished", "reverse", "reverses", "reversed"], DECREASE),
    **dict.fromkeys(["modulate", "modulates", "modulated", "mediate", "mediates", "mediated", "regulate", "regulates",
                     "regulated", "underlie", "underlies", "determinant", "determinants", "coincide", "coincides",
                     "coincided", "implicated"], ASSOCIATE),
    # agent:claims-10 (issue #5): general causal / associative verbs still missing above
    **dict.fromkeys(["necessitate", "necessitates", "necessitated", "evoke", "evokes", "evoked", "elicit", "elicits",
                     "elicited", "predispose", "predisposes", "predisposed"], INCREASE),
    **dict.fromkeys(["hamper", "hampers", "hampered", "weaken", "weakens", "weakened", "disadvantage",
                     "disadvantages"], HARM),
    **dict.fromkeys(["advantage", "advantages"], BENEFIT),
    **dict.fromkeys(["accompany", "accompanies", "alter", "alters", "altered"], ASSOCIATE),
    # comparatives: only used when predicative ("pain was lower in the X group")
    **dict.fromkeys(["higher", "greater", "more", "larger"], INCREASE),
    **dict.fromkeys(["less", "fewer", "smaller", "shorter"], DECREASE),
    # only as the comparative of an object ("had better functioning"; added in 0.2.0)
    "better": BENEFIT, "worse": HARM, "poorer": HARM,
}

#: Multi-word triggers (matched on lower-cased text) -> kind; checked before single words.
TRIGGER_PHRASES: dict[str, str] = {
    "lead to": INCREASE, "leads to": INCREASE, "led to": INCREASE, "leading to": INCREASE,
    "lead towards": INCREASE, "result in": INCREASE, "results in": INCREASE, "resulted in": INCREASE,
    "resulting in": INCREASE, "result from": INCREASE,
    # agent:claims-10: the other forms of "result from" (reversed like it)
    "results from": INCREASE, "resulted from": INCREASE, "gave them": BENEFIT, "get in the way": HARM,
    "hold back": HARM, "a core component of": BENEFIT, "key ingredients for": BENEFIT,
    "as a result of which": INCREASE, "depend on": BENEFIT, "depends on": BENEFIT,
    "risk factor for": ASSOCIATE, "risk factors for": ASSOCIATE, "protective factor for": BENEFIT,
    "protective factors for": BENEFIT, "protective factor against": BENEFIT, "protective factors against": BENEFIT,
    # group results: "[participants who experienced sedation] were more likely to [drop out]"
    "more likely": INCREASE, "less likely": DECREASE,
    # "relationship" alone is mostly a factor ("supportive relationships"); with "between" a relation
    "relationship between": ASSOCIATE, "relationships between": ASSOCIATE, "relation between": ASSOCIATE,
    # "[X] would gain / profit from [Y]": Y is the factor (guideline v1.2; "benefit" is a single-word trigger)
    "gain from": BENEFIT, "gains from": BENEFIT, "gained from": BENEFIT, "profit from": BENEFIT,
    "profits from": BENEFIT, "profited from": BENEFIT,
    # "[Y] arises / emerges / stems from [X]": the subject is the outcome (REVERSED_PHRASES); added for issue #5
    "arise from": INCREASE, "arises from": INCREASE, "arose from": INCREASE, "emerge from": INCREASE,
    "emerges from": INCREASE, "emerged from": INCREASE, "stem from": INCREASE, "stems from": INCREASE,
    "stemmed from": INCREASE, "attributed to": INCREASE, "attributable to": INCREASE, "ascribed to": INCREASE,
    # added in 0.5.0 (see the single words above)
    "responsible for": ASSOCIATE, "role in": ASSOCIATE, "necessary for": BENEFIT,
    "prerequisite for": BENEFIT, "required for": BENEFIT,
    # "[Y] was (partly) explained by [X]": the agent is the factor (agent:claims-6, issue #5)
    "explained by": INCREASE,
    # "[X] is (often) accompanied by [Y]": an association in sentence order (agent:claims-6, issue #5)
    "accompanied by": ASSOCIATE,
    # "[trials] demonstrate the efficacy of [X]": a trigger only as the object / passive subject of a report verb
    # (spans, :mod:`.efficacy`; agent:claims-10)
    "efficacy of": BENEFIT, "effectiveness of": BENEFIT,
    # "[Y] can be a long-term complication following [X]": a trigger only as a copula's predicate noun (spans,
    # :mod:`.consequence`; agent:claims-10)
    **dict.fromkeys([f"{noun} {prep}" for noun in ("complication", "complications", "consequence", "consequences")
                     for prep in ("of", "following", "after")], INCREASE),
    # "high rates of comorbidity between [A] and [B]": a pair like "association between" (agent:claims-10)
    "comorbidity between": ASSOCIATE,
    # "[X] is characteristic of / typical of [Y]": an association, only as a predicate adjective (spans; agent:claims-10)
    "characteristic of": ASSOCIATE, "typical of": ASSOCIATE,
    # "[X] was (rarely) followed by [Y]": a sequence in sentence order, read like "accompanied by" (agent:claims-10)
    "followed by": ASSOCIATE,
    # "[X] exhibit abnormalities of [Y]", "[X] have impairments in [Y]": a trigger only as the object of a
    # have / show verb (spans, :mod:`.deficits`; agent:claims-10, issue #5)
    **dict.fromkeys([f"{noun} {prep}" for noun in ("deficit", "deficits", "impairment", "impairments", "abnormality",
                                                   "abnormalities") for prep in ("in", "of")], HARM),
}
#: Associations stated in causal language: "[X] affects / influences [Y]", "[X] has an impact on [Y]", "the effect of [X]
#: on [Y]". Their direction has no sign (``ASSOCIATE``), but Yu, Li & Wang (2019) count the wording as causal, and so
#: do the annotators (training and development files: "affect" 65 causal or conditional causal claims of 79, "influence"
#: 131 of 142, "effect of ... on" 45 of 48): their strength is ``causal``, ``conditional_causal`` when hedged (round 10).
CAUSAL_ASSOCIATIONS = frozenset(["affect", "affects", "affected", "affecting", "influence", "influences", "influenced",
                                 "influencing", "impact", "impacts", "impacted", "impacting", "effect", "effects"])
#: Verbs of a model's explained variance (round 10, :mod:`.variance_explained`)
EXPLAIN_VERBS = frozenset(["explain", "explains", "explained", "explaining", "account", "accounts", "accounted",
                           "accounting"])
#: Round 9's construction verbs (see RULE_TRIGGER_WORDS): "protected against", "restricted", "attributed Y to X".
PROTECT_WORDS = frozenset(["protected", "protecting"])
RESTRICT_WORDS = frozenset(["restrict", "restricts", "restricted", "restricting"])
ATTRIBUTE_VERBS = frozenset(["attribute", "attributes", "attributed", "attributing", "ascribe", "ascribes", "ascribed",
                             "ascribing", "credit", "credits", "credited", "crediting"])
#: Triggers read by the span rules (:mod:`.spans`) and the candidate-sentence filter (``TRIGGER_RE``), but not by
#: the detector's features (``TRIGGER_WORDS`` / ``TRIGGER_PHRASES``), so that the detector's inputs stay those of
#: the trained models (claims@0.7.0 round 3: adding them to ``TRIGGER_WORDS`` lost a seed-CV detection through the
#: features). Each is usable only in the construction its comment names (spans._usable_word_trigger).
RULE_TRIGGER_WORDS: dict[str, str] = {
    # "[X] makes [Y] more difficult", "[X] made it easier to [Y]" (a made adjective only, :mod:`.made_adjective`)
    **dict.fromkeys(["harder", "hard", "impossible"], HARM), **dict.fromkeys(["easier", "easy", "possible"], BENEFIT),
    # "[X] influences [Y]", "[Y] was influenced by [X]", "[X] has an impact on [Y]": read like "affect" / "effect"
    # (the nouns already name their factor in spans._effect_of; as nouns only with an "on" phrase, see
    # spans._usable_word_trigger)
    **dict.fromkeys(["influence", "influences", "influenced", "influencing", "impact", "impacts"], ASSOCIATE),
    # "[Y] was longer in [X]", "[X] had longer [Y]": the comparative missing beside "shorter" (only as a predicate
    # or an object's comparative, like the other comparatives; spans._usable_word_trigger)
    "longer": INCREASE,
    # "[X] seems to be useful for [Y]" (like "helpful"); "[X] may limit [Y]" (a verb form only)
    # ("limit" lowers its object, so the outcome's valence decides: "support limits relapse" promotes; review fix)
    "useful": BENEFIT, "limit": DECREASE, "limits": DECREASE,
    # round 7: "[X] is a promising intervention for [Y]", "[X] are promising" (an evaluative conclusion, hedged: a
    # predicate or a predicate noun's premodifier only, like "effective"; :mod:`.effective_for`)
    "promising": BENEFIT,
    # round 7: "[Y] was unrelated / uncorrelated to [X]": a denied association (a predicate with its "to / with" phrase
    # only, spans._usable_word_trigger; denied in spans.extract_relations)
    "unrelated": ASSOCIATE, "uncorrelated": ASSOCIATE,
    # round 7 (agent:review-26): "[the net change in Y] favoured [X]": read reversed (REVERSED_PHRASES; verbs only)
    **dict.fromkeys(["favour", "favours", "favoured", "favor", "favors", "favored"], BENEFIT),
    # round 7: "[X] shows / holds promise (as a treatment for [Y])" (the object of a showing verb only,
    # spans._usable_word_trigger)
    "promise": BENEFIT,
    # "[research] confirms a role for [X] in [Y]": the role noun itself, only with a holder and an "in" target
    # (spans._usable_word_trigger, spans._role_of)
    "role": ASSOCIATE, "roles": ASSOCIATE,
    # "[Y] requires [X]": X is necessary for Y, read reversed like "depend on" (REVERSED_PHRASES; verbs only)
    # (read reversed, X raises the chance of Y, so the outcome's valence decides: "relapse requires exposure to
    # stressors" hinders; review fix)
    "require": INCREASE, "requires": INCREASE,
    # "[X] counteracted / antagonized / blocked [Y]"
    **dict.fromkeys(["counteract", "counteracts", "counteracted", "counteracting", "antagonize", "antagonizes",
                     "antagonized", "antagonise", "antagonises", "antagonised", "blocked", "blocking"], DECREASE),
    # rules v9 (review-style prose): "[Y] is limited (mainly) by [X]" (a passive with a by-agent only, :mod:`.limits`);
    # "[X] was problematic" (a copula's predicate only, the outcome implicit, :mod:`.implicit_predicates`);
    # "[X] is (not) conducive to [Y]" (a predicate only); "[Y] was variable across [X]" (a group comparison only)
    "limited": DECREASE, "constrained": DECREASE, "problematic": HARM, "conducive": BENEFIT, "variable": ASSOCIATE,
    # rules v9: "[Y] is difficult / challenging because of [X]", "[Y] was complicated by [X]" (with a cause only,
    # :mod:`.difficulty`)
    **dict.fromkeys(["difficult", "challenging", "complicated"], HARM),
    # rules v9: "[X] plays a pivotal role in [Y]", "[X] is fundamental to [Y]" (like "important" / "essential": a
    # predicate or a premodifier of a role noun only, spans._usable_word_trigger)
    **dict.fromkeys(["pivotal", "instrumental", "indispensable", "fundamental", "integral", "paramount", "imperative"],
                    BENEFIT),
    # rules v9: "[Y] was most pronounced among [X]" (a group comparison only, like "varied across")
    "pronounced": ASSOCIATE,
    # rules v9: the -ing forms missing beside the detector's -ed forms ("X is central to Y, [alleviating] pain and
    # [enhancing] quality of life"); as premodifiers they pass only on a factor noun, like the other adjectives
    **dict.fromkeys(["enhancing", "fostering", "strengthening", "helping", "empowering", "enriching", "restoring",
                     "buffering"], BENEFIT),
    **dict.fromkeys(["damaging", "harming", "inhibiting", "impairing", "compromising", "precluding", "compounding",
                     "hampering", "weakening"], HARM),
    **dict.fromkeys(["raising", "producing", "elevating", "accelerating", "augmenting", "amplifying", "triggering",
                     "provoking", "intensifying"], INCREASE),
    **dict.fromkeys(["lowering", "alleviating", "countering", "attenuating", "suppressing"], DECREASE),
    **dict.fromkeys(["mediating", "modulating"], ASSOCIATE),
    # sixth round (agent:review-20): "[X] helps to overcome [barriers]": lowers its object (verbs only)
    **dict.fromkeys(["overcome", "overcomes", "overcoming", "overcame"], DECREASE),
    # round 9: "[X] protected (Z) against / from [Y]" lowers Y (the detector's "protect(s)" missing their -ed / -ing
    # forms; :mod:`.protection`); "[X] restricted [Y]" lowers its object (a verb with an object or a by-agent and
    # no "to" phrase: "analyses were restricted to adults" is a method); "[participants] attributed [Y] to [X]"
    # (:mod:`.attribution`; the passive "attributed to" is the reversed phrase). Each only in its construction: see
    # CONSTRUCTION_ONLY_WORDS below.
    **dict.fromkeys(PROTECT_WORDS, DECREASE), **dict.fromkeys(RESTRICT_WORDS, DECREASE),
    **dict.fromkeys(ATTRIBUTE_VERBS, INCREASE),
    # round 10: "[X] explained / accounted for (N% of) the variance in [Y]" (:mod:`.variance_explained`; only there)
    **dict.fromkeys(EXPLAIN_VERBS, ASSOCIATE),
    # rules v9: "[X] maximizes [Y]", "essential for maximizing [Y]" (verbs only)
    **dict.fromkeys(["maximize", "maximizes", "maximized", "maximizing", "maximise", "maximises", "maximised",
                     "maximising"], BENEFIT),
}
RULE_TRIGGER_PHRASES: dict[str, str] = {
    # "[Y] was due to [X]", "Because of [X], people [avoid Y]", "[X] was the main reason for [Y]", "[X] was a source of
    # [Y]": a cause named by a connective or a source noun, only in the constructions of :mod:`.cause_connective`
    **dict.fromkeys(["due to", "because of", "as a result of", "owing to", "thanks to", "reason for", "reasons for",
                     "source of", "sources of", "sense of"], INCREASE),
    # "[X] is involved in [Y]": an association ("participated in" is left out: "[29 subjects] participated in [a
    # double-blind trial]" is a method)
    "involved in": ASSOCIATE,
    # round 9: "a link between [A] and [B]" like "relationship between" (the pair noun is read by spans._between_pair)
    "link between": ASSOCIATE, "links between": ASSOCIATE,
    # round 10: "[X] were twice / four times as likely to [Y]" (a multiplier before "as" only, whose size sets the kind:
    # "half / 0.5 times as likely" lowers Y; :func:`likelihood_multiplier`; "as likely as not" is no relation)
    "as likely": INCREASE,
    # rules v9: "[X] is a major risk factor" (a copula's predicate only, the outcome implicit; "risk factor for" is the
    # detector's phrase, :mod:`.implicit_predicates`); "[X] places limits on [Y]" (the object of a placing verb only,
    # :mod:`.limits`)
    "risk factor": HARM, "risk factors": HARM, "limits on": DECREASE, "constraints on": DECREASE,
    # rules v9: "[Y] is dependent on [X]", "[Y] may be best accomplished through [X]" (reversed like "depend on";
    # :mod:`.attained_through`)
    "dependent on": BENEFIT, "dependent upon": BENEFIT,
    # round 7 (agent:review-26): "[Y] was independent of [X]": no effect of X on Y (a copula's predicate only, read
    # reversed like "dependent on" and denied; spans.independent_of)
    "independent of": ASSOCIATE,
    **dict.fromkeys([f"{verb} {prep}" for verb in ("accomplished", "achieved", "attained") for prep in ("through", "via")],
                    BENEFIT),
}
#: The "-ing" rule words of rules v9 (not triggers when capitalised inside a sentence: "the Strengthening the
#: Reporting of ... Statement" is a name).
RULE_ING_FORMS = frozenset(w for w in RULE_TRIGGER_WORDS if w.endswith("ing"))
#: Every trigger the span rules and the candidate filter read.
ALL_TRIGGER_WORDS: dict[str, str] = {**TRIGGER_WORDS, **RULE_TRIGGER_WORDS}
#: Round 9's rule words that are relations only in the construction the span rules check on the parse: without a
#: parse (the rules' fallback, the span tagger's parse-free triggers) they count for nothing ("Treatment was not
#: [restricted] to children", "[Protected] time was not available"; agent:review-30), nor do they make a governing
#: verb a relation of its own (agent:review-31).
CONSTRUCTION_ONLY_WORDS = (PROTECT_WORDS | RESTRICT_WORDS | ATTRIBUTE_VERBS | EXPLAIN_VERBS) - set(TRIGGER_WORDS)
ALL_TRIGGER_PHRASES: dict[str, str] = {**TRIGGER_PHRASES, **RULE_TRIGGER_PHRASES}
#: Multi-word triggers whose dependency walks start at a word other than the first (its offset).
PHRASE_HEADS: dict[str, int] = {
    "risk factor for": 1, "risk factors for": 1, "protective factor for": 1, "protective factors for": 1,
    "protective factor against": 1, "protective factors against": 1, "more likely": 1, "less likely": 1,
    "as likely": 1,
    "risk factor": 1, "risk factors": 1,
}
#: Comparative triggers: the subject is the outcome, the factor is the group they refer to.
COMPARATIVES = frozenset(["higher", "greater", "more", "lower", "less", "fewer", "smaller", "shorter", "longer", "reduced", "increased", "improved", "larger", "better", "worse", "poorer"])
#: Change participles that premodify a have / show verb's object like a comparative: "[Nf1 OPG mice]
#: exhibited decreased [exploratory hole poking]", "[rats] showed impaired [flexibility]" (a group result,
#: guideline v1.2 "X showed larger / reduced / impaired Y"); only there or on a subject located in a group,
#: never as the plain trigger words they also are (agent:claims-15).
CHANGE_PARTICIPLES = frozenset(["decreased", "impaired", "elevated", "enhanced", "diminished", "attenuated",
                                "lowered", "raised"])

#: Phrases whose grammatical subject is the outcome and whose object is the factor.
REVERSED_PHRASES = frozenset({"depend on", "depends on", "result from", "results from", "resulted from",
                              # added for issue #5
                              "arise from", "arises from", "arose from", "emerge from", "emerges from", "emerged from",
                              "stem from", "stems from", "stemmed from", "attributed to", "attributable to",
                              "ascribed to", "explained by", "independent of", "favour", "favours", "favoured",
                              "favor", "favors", "favored",
                              # claims@0.7.0 round 3: the rule trigger words "require(s)" (RULE_TRIGGER_WORDS)
                              "require", "requires",
                              # rules v9 (RULE_TRIGGER_PHRASES)
                              "dependent on", "dependent upon", "accomplished through", "accomplished via",
                              "achieved through", "achieved via", "attained through", "attained via"})
#: Objects that name the person acted on, not the outcome ("enable people to ...").
PERSON_WORDS = frozenset(
    ["people", "person", "persons", "them", "him", "her", "us", "participants", "men", "women", "individuals", "users", "patients", "clients", "someone", "some", "others", "many"]
)

#: Change verbs that can be intransitive ("symptoms decreased"): then the subject is the outcome.
INTRANSITIVE_CHANGE = frozenset(
    ["increase", "increases", "increased", "decrease", "decreases", "decreased", "decline", "declines",
     "declined", "improve", "improves", "improved", "worsen", "worsens", "worsened", "rise", "rises", "rose",
     "fall", "falls", "fell", "drop", "drops", "dropped",
     # progressive forms (added in 0.3.0: "the incidence ... has been increasing at an alarming rate")
     "increasing", "decreasing", "declining", "improving", "worsening", "rising", "falling", "dropping"]
)

#: Heads of subjects that name how a result was obtained, never a factor ("Intention-to-treat
#: analysis showed ...", "The results indicated ..."): the claim then has no factor span.
METHOD_NOUNS = frozenset(
    ["analysis", "analyses", "regression", "regressions", "model", "models", "results", "result", "findings",
     "finding", "data", "study", "studies", "trial", "trials", "review", "reviews", "meta-analysis",
     "meta-analyses", "survey", "surveys", "paper", "article", "authors", "researchers", "investigators",
     "test", "tests", "comparison", "comparisons", "estimates", "evaluation", "examination", "sample", "table",
     "figure",
     # added in 0.3.0
     "search", "searches", "experiment", "experiments", "ancova", "ancovas", "anova", "anovas"]
)

#: Subjects that name the study's own process or its concepts (review fix F): "[Recruitment] was problematic",
#: "[Attrition] was difficult because of X", "[The generalisability of the findings] is limited by X" are method,
#: definition or limitation statements (guideline kinds method / definition), not relations. Rule-only.
STUDY_PROCESS_NOUNS = METHOD_NOUNS | frozenset(
    ["recruitment", "attrition", "retention", "dropout", "drop-out", "missing", "measure", "measures", "measurement",
     "measurements", "definition", "definitions", "operationalisation", "operationalization", "sampling",
     "follow-up", "blinding", "randomisation", "randomization", "enrolment", "enrollment", "methodology",
     "methods", "method", "instrument", "instruments", "questionnaire", "questionnaires", "reporting",
     "interpretation", "interpretations", "generalisability", "generalizability", "generality", "validity",
     "reliability", "applicability", "transferability", "conclusions", "conclusion", "inference", "inferences",
     "comparability"])
#: Subjects of "[Y] is limited by [X]" that make it the study's own limitation (review fix F).
LIMITATION_SUBJECTS = frozenset(
    ["generalisability", "generalizability", "generality", "validity", "reliability", "interpretation",
     "interpretations", "applicability", "transferability", "findings", "finding", "results", "result", "study",
     "studies", "conclusions", "conclusion", "inference", "inferences", "evidence", "analysis", "analyses",
     "comparability", "precision", "review", "trial", "data", "scope", "certainty"])

#: Heads that stand between a predicate and the real outcome ("the likelihood of relapse").
OUTCOME_WRAPPERS = frozenset(
    ["likelihood", "risk", "chance", "chances", "probability", "odds",
     # added in 0.2.0 ("reduce the number of suicide attempts" -> suicide attempts; training abstracts)
     "number", "incidence", "rate", "rates", "frequency", "prevalence", "proportion"]
)

#: Outcome valence: +1 good for the person, -1 bad. Longer phrases win over shorter ones.
GOOD_OUTCOMES = (
    "recovery", "recover", "well-being", "wellbeing", "well being", "self-esteem", "esteem", "hope",
    "functioning", "function", "inclusion", "empowerment", "quality of life", "control", "choice",
    "belonging", "identity", "identities", "relationships", "relationship", "network", "networks",
    "confidence", "self-confidence", "self-efficacy", "efficacy", "mental health", "health",
    "agency", "power", "participation", "employment", "work", "support", "social capital",
    "satisfaction", "survival", "remission", "response", "adherence", "resistance", "fulfilment",
    "attitudes", "awareness", "outcome", "outcomes", "change", "improvement", "abilities", "ability",
    "strength", "strengths", "independence", "housing", "income", "engagement", "cure", "healing",
    # added in 0.2.0 from errors on the annotated training abstracts (annotations/claims_abstracts.jsonl)
    "improvements", "compliance", "knowledge", "performance", "resilience", "understanding", "analgesia",
    "parenting", "locus of control", "physical activity", "retention", "implementation", "prevention",
    "tolerability", "memory", "recognition",
)
BAD_OUTCOMES = (
    "relapse", "relapses", "symptom", "symptoms", "symptomatology", "isolation", "isolated",
    "hospitalisation", "hospitalization", "admission", "admissions", "readmission", "stigma",
    "stigmatisation", "stigmatization", "discrimination", "exclusion", "difficulties", "difficulty",
    "problems", "problem", "distress", "stress", "burden", "mental health difficulties",
    "mental health problems", "mental illness", "illness", "disorder", "disease", "mortality",
    "death", "deaths", "pain", "morbidity", "complications", "complication", "adverse", "infection",
    "infections", "nausea", "vomiting", "anxiety", "depression", "fatigue", "suicide", "self-harm",
    "violence", "unemployment", "homelessness", "poverty", "loneliness", "disability", "severity",
    "recurrence", "failure", "toxicity", "bleeding", "blood loss", "length of stay", "duration",
    "shame", "guilt", "anger", "hostility", "criticism", "withdrawal", "tendency", "harm",
    "injury", "fractures", "exacerbation", "dropout", "drop-out", "costs", "cost",
    # added in 0.2.0 from errors on the annotated training abstracts (annotations/claims_abstracts.jsonl)
    "discontinuation", "drop out", "dropouts", "non-completion", "hospitalizations", "hospitalisations",
    "rehospitalization", "rehospitalizations", "rehospitalisation", "rehospitalisations", "blood pressure",
    "obesity", "overweight", "side effects", "side-effects", "dyskinesia", "mania", "impairment", "impairments",
    "deficit", "deficits", "disparities", "psychopathology", "externalizing behavior", "externalising behaviour",
    "disruptive", "parasuicidal", "impulsive", "antibiotic resistance", "self-injury", "suicidal", "ideation",
)
#: Bad outcomes used for direction only (not detector features, so the detector's inputs are unchanged); added for
#: issue #5 (guideline "Abstracts": cortisol in the stress literature, obesity and symptoms are bad outcomes).
BAD_OUTCOMES_DIRECTION = (
    "cortisol", "hcc", "hccs", "bmi", "body mass index", "fat", "liver fat", "parkinsonism", "avolition", "anhedonia",
    "flattening", "dysfunction", "aggression", "aggressiveness", "irritability", "impulsivity", "hopelessness",
    "psychosis", "sedation",
    # 2026-11-27, fourth round: toxicity of organs ("modulates [neurotoxicity]")
    "neurotoxicity", "cytotoxicity", "hepatotoxicity", "cardiotoxicity", "nephrotoxicity", "ototoxicity",
    # sixth round (agent:review-20): exhaustion, and obstacles to care ("reduces clinical [inertia]")
    "burnout", "burn-out", "inertia", "barrier", "barriers",
    # round 7 (agent:review-26): adverse effects, errors and use of substances; a longer time to recover is worse
    # ("the recovery time was prolonged")
    "weight gain", "adverse events", "adverse effects", "error", "errors", "omission", "omissions", "overtreatment",
    "overuse", "substance use", "drug use", "alcohol use", "hypotension", "hypertension", "seizure", "seizures",
    "incidence", "recovery time", "emergency department visits", "ed visits",
)
#: Modifiers that flip or set an outcome's valence ("poorer outcome", "lower self-esteem").
WORSE_MODIFIERS = frozenset(["poor", "poorer", "worse", "worsening", "low", "lower", "reduced", "less", "decreased", "impaired", "loss", "lack"])
BETTER_MODIFIERS = frozenset(["better", "improved", "good", "greater", "positive"])

#: Hedge cues (Yu et al. 2019 treat a hedged causal statement as conditional causal).
HEDGE_WORDS = frozenset(
    ["may", "might", "could", "can", "would", "suggest", "suggests", "suggested", "suggesting", "appear", "appears", "appeared", "appearing", "seem", "seems", "seemed", "possible", "possibly", "potential", "potentially", "likely", "perhaps", "probably", "sometimes"]
)
#: Hedge adverbs the cue reader knows besides HEDGE_WORDS, which the detector's features hold as trained (round 10:
#: "Adults [apparently] do not increase their risk ...")
RULE_HEDGE_WORDS = frozenset(["apparently", "presumably", "plausibly", "conceivably", "putatively", "arguably"])
HEDGE_PHRASES = ("it is possible", "would seem", "would appear", "it is suggested", "have the potential",
                 "has the potential")

#: Negation cues that turn a relation into "no effect".
NEGATION_WORDS = frozenset(["not", "no", "never", "neither", "nor", "without", "cannot", "n't"])
NEGATION_PHRASES = ("little evidence", "no evidence", "no significant", "not significant",
                    "did not", "does not", "do not", "was not", "were not",
                    "no difference", "no effect", "not always", "not associated", "not all",
                    "no clarity", "no significant", "not significantly", "non-significant",
                    "nonsignificant", "not statistically", "no statistically", "did not change",
                    "similar", "comparable", "identical", "unchanged", "no differences", "no change",
                    # rules v9: "[X] had minimal effects"
                    "minimal effect", "minimal effects", "minimal impact")
#: "fail(s / ed) to" negates only the relation word it governs ("[X] failed to improve [Y]", "fail to correlate
#: with"), not a relation elsewhere in the sentence ("patients fail to attend follow-up, which increases relapse");
#: as text cues: the fail form, "to", then a relation word (or an adverb before one). Review fix G of rules v9.
FAIL_FORMS = ("fail", "fails", "failed", "failing")
_FAIL_GOVERNED = ("significantly", "substantially", "consistently", "meaningfully", "further", "reliably",
                 "markedly", "appreciably", "fully", "completely",
                 # predicates of an effect that are no trigger words ("failed to modify [Y]", "failed to show")
                 "modify", "alter", "change", "reverse", "normalize", "normalise", "restore", "demonstrate", "show",
                 "produce", "yield", "confer", "prevent", "lower", "raise", "correlate", "predict", "differ",
                 "distinguish", "respond", "affect", "influence", "benefit", "attenuate", "ameliorate")
#: word forms that cannot follow "to" as a base-form verb (kept out so that the cue list stays small)
_NOT_BASE_FORMS = ("ed", "ing", "s", "ment", "ion", "ive", "ful", "ity", "al", "ous", "ic", "ly", "able", "ible",
                   "ness", "ship", "ial", "or", "ist")
FAIL_TO_PHRASES = tuple(f"{f} to {w}" for f in FAIL_FORMS
                        for w in sorted({w for w in (*ALL_TRIGGER_WORDS, *(p.split()[0] for p in ALL_TRIGGER_PHRASES))
                                         if " " not in w and not w.endswith(_NOT_BASE_FORMS)} | set(_FAIL_GOVERNED)))
NEGATION_PHRASES = NEGATION_PHRASES + FAIL_TO_PHRASES
#: Cues after the predicate that deny it ("... differences were not significant (P = 0.16)").
POST_NEGATION_PHRASES = ("not significant", "not statistically significant", "not significantly",
                         "did not reach significance", "not reach statistical significance",
                         "non-significant", "nonsignificant", "was similar", "were similar")
#: Cues that make a relation mixed ("helpful for some but a burden for others").
MIXED_PHRASES = ("or hinder", "or inhibit", "or impede", "(or inhibit)", "(or impeding)", "not all",
                 "benefit some", "for some", "for others", "hold back others", "some may")

#: Verbs that give something to someone ("provides [support]", "offered [evidence] that"), in every form.
GIVING_VERBS = frozenset(["provide", "provides", "provided", "providing", "offer", "offers", "offered", "offering",
                          "give", "gives", "gave", "given", "giving"])

#: Words that mark a factor as social (besides the codebook's theme cues).
SOCIAL_WORDS = frozenset(
    ["social", "socially", "society", "relationship", "relationships", "family", "families", "friend", "friends", "friendship", "peer", "peers", "partner", "carer", "carers", "community", "communities", "network", "networks", "support", "stigma", "stigmatisation", "discrimination", "discriminatory", "oppression", "exclusion", "inclusion", "employment", "unemployment", "work", "job", "income", "housing", "poverty", "isolation", "loneliness", "living", "neighbourhood", "citizenship", "belonging", "participation", "contact", "dialogue", "user-run", "mutual", "volunteers", "volunteer", "empowerment", "budgets", "budget", "campaigns", "engagement", "capital", "masculinity", "minority", "identity", "identities", "hostility", "criticism", "over-involvement", "warmth", "solidarity", "advocacy", "legislation", "carers", "friendships", "volunteering", "befriending", "humiliating", "humiliation", "disempowered", "stigmatising", "stigmatised", "individualised", "individualisation",
     # 2026-11-27 (issue #5): "alone" ("drug X alone"), "interaction(s)" (drug interactions), "power" (statistical
     # power) and "emotion" were dropped: in the annotated abstracts they mostly mark factors that are not social
     # ("social interaction" and "expressed emotion" still match through "social" and "expressed").
     # The guideline's own examples of social factors (family, parenting, caregivers,
     # discrimination, socioeconomic status) with their common forms and US spellings, which were missing. Left out
     # as ambiguous: "education" (mostly clinician or patient education programmes in the annotated abstracts),
     # "maternal" (maternal cortisol, age), "deprivation" (mostly sleep deprivation), singular "parent" (the parent
     # drug or compound)
     "caregiver", "caregivers", "caregiving", "care-giver", "care-givers", "parents", "parental", "parenting",
     "mother", "mothers", "father", "fathers", "sibling", "siblings", "spouse", "spouses", "marital", "married",
     "marriage", "household", "households", "socioeconomic", "socio-economic", "financial", "homeless", "homelessness",
     "unemployed", "welfare",
     "neighborhood", "neighborhoods", "neighbourhoods", "stigmatization", "stigmatizing", "stigmatized", "discriminated",
     "racism", "cultural", "marginalised", "marginalized", "marginalisation", "marginalization",
     "bullying", "socialization", "socialisation",
     # 2026-11-27, fourth round: interpersonal harm, collaboration and services as social arrangements, which the
     # annotators mark social in the training abstracts (``bench/claims_social_dev.py``); left out as ambiguous or
     # mostly not social there: "stress", "events", "childhood", "providers", "psychosocial", "respect" ("with
     # respect to"), "culture" (cell cultures), "funding" (study funding), "policy" (monetary policy, policy
     # analysis); "abuse", "conflict" and "accommodation" count only in SOCIAL_COMPOUNDS (drugs of abuse,
     # decisional conflict, visual accommodation; review-17)
     "maltreatment", "maltreated", "collaboration", "collaborative", "empathy", "empathic", "organisational",
     "organizational", "financing", "autonomy", "respectful", "staff", "team", "teams",
     # 2026-11-27, fifth round (agent:review-18 and the training abstracts, ``bench/claims_social_dev.py``): the
     # therapeutic / working alliance is a relationship; left out as demographics or traits, which the annotators
     # mostly mark not social: "gender", "race", "racial", "ethnic", "ethnicity" (their discrimination still counts),
     # "practitioners" (general / CAM practitioners: 1 of 11 social), "self-help" (guided self-help treatments) and
     # "expressed" ("aberrantly expressed") outside their SOCIAL_COMPOUNDS ("self-help group", "expressed emotion"),
     # "interpersonal" ("interpersonal dependency", "interpersonal psychotherapy"; its relations count through
     # SOCIAL_COMPOUNDS), "user(s)" ("users of the FitBack program"; "service users" counts through SOCIAL_COMPOUNDS)
     "alliance", "alliances",
     # sixth round (agent:review-20): the parent-child bond and its like, one hyphenated word to the factor reader
     "parent-child", "mother-child", "father-child", "parent-infant", "mother-infant", "parent-adolescent",
     "caregiver-child", "parent-offspring",
     # round 9: money (income; not "debt": sleep or oxygen debt, agent:review-30), clubhouses and co-production
     # (services as social arrangements), coercion and paternalism in services (the review: "coercive or
     # paternalistic service responses")
     "money", "clubhouse", "clubhouses", "co-production", "coproduction", "coercion", "coercive",
     "paternalistic", "paternalism",
     # round 10 (findings sample f1, dev half): the adjective of "society"
     "societal"]
)
#: Social factors named by a compound of a word that is not social on its own (review-17).
SOCIAL_COMPOUNDS = re.compile(
    r"\b(?:child|childhood|sexual|physical|emotional|domestic|elder|partner|verbal|psychological|spousal|parental|"
    r"peer|dating|intimate\s+partner)\s+abuse\b|\babuse\s+and\s+neglect\b|\babused\s+(?:children|women|girls|boys)\b"
    r"|\b(?:family|familial|interpersonal|marital|parental|interparental|partner|couple|relationship|relational|"
    r"social|workplace|work-family|intergroup|intergenerational|parent-child)\s+conflicts?\b"
    r"|\b(?:reasonable|supported|workplace|work|housing|temporary|sheltered|residential|stable|secure)\s+accommodations?\b"
    # fifth round: services as arrangements of their users, interpersonal harm and stress, adverse life events
    r"|\b(?:service|mental\s+health\s+service)[\s-]users?\b|\buser[\s-](?:involvement|led|controlled|groups?|movement)\b"
    r"|\binterpersonal\s+(?:relations|violence|trauma|stress|stressors|problems|difficulties|contacts?|support|"
    r"rejection|loss|losses|ties)\b|\bpsychosocial\s+(?:stress|stressors?|factors?|adversity|adversities)\b"
    r"|\b(?:negative|stressful|adverse|major|traumatic)\s+life[\s-]events?\b"
    r"|\bself-help\s+(?:groups?|organi[sz]ations?)\b|\bexpressed\s+emotions?\b"
    r"|\b(?:gender-based|domestic|sexual|intimate\s+partner|interpersonal|family|dating|partner|community|"
    r"neighbou?rhood|school|workplace|racial|racist|homophobic)\s+violence\b"
    # round 9: services run by or built around peers, users, carers or families ("peer-led groups"; not "community-based
    # sample", "family-based association test", "consumer-driven health plans": agent:review-30)
    r"|\b(?:peer|user|carer|survivor)-(?:led|run|based|delivered|focused|centred|centered|facilitated|driven|"
    r"operated|oriented)\b|\bfamily-(?:led|run|focused|centred|centered|delivered|oriented)\b"
    r"|\bfamily-based\s+(?:treatments?|therap(?:y|ies)|interventions?|care|support|programmes?|programs?)\b"
    # round 10: being without others ("periods of [being alone]", "[living alone]"; "drug X alone" is no factor)
    r"|\b(?:being|living|lives|live|lived|time\s+spent|eating|staying)\s+alone\b"
    r"|\bcommunity-based\s+(?:services?|support|rehabilitation|care|programmes?|programs?|interventions?|"
    r"treatments?|mental\s+health|organi[sz]ations?|groups?)\b")


#: Clinical or technical compounds of ambiguous social words, which name no social factor: "nutritional support",
#: "default mode network", "shift work" (review-15), "study team", "research staff", "collaborative filtering". The
#: social word counts only outside them.
NON_SOCIAL_COMPOUNDS = re.compile(
    r"\b(?:nutritional|nutrition|ventilatory|ventilator|respiratory|circulatory|ha?emodynamic|mechanical|life|"
    r"inotropic|vasopressor|pharmacological|metabolic|renal|cardiac|cardiovascular|organ|decision|technical|"
    r"clinical decision|enteral|parenteral|oxygen|airway|hemodynamic|pressure|weight-bearing|lumbar|postural)\s+support\b"
    r"|\b(?:default[\s-]mode|neural|neuronal|brain|salience|cortical|functional|gene|regulatory|protein|"
    r"executive control|attention|attentional|reward|limbic|frontoparietal|fronto-parietal|bayesian|computer)\s+networks?\b"
    r"|\bshift\s+work\b|\bwork\s+of\s+breathing\b|\bwork[\s-]?up\b"
    r"|\b(?:skin|eye|tissue|surface|cell|contact)[\s-]contact\b|\bcontact\s+(?:dermatitis|lens|lenses|allergy|time)\b"
    r"|\b(?:study|research|trial|investigator|project)\s+(?:teams?|staff)\b"
    r"|\bcollaborative\s+(?:filtering|study|studies|group|trial|trials)\b|\bcochrane\s+collaboration\b"
    # fifth round (review-18): heredity and individual traits or symptoms named with "family" / "social"
    r"|\bfamily\s+(?:history|histories|diet)\b|\bsocial\s+(?:cognition|anxiety|phobia|skills?)\b"
    r"|\bliving[\s-]donors?\b|\bliving[\s-]related\s+donors?\b|\boccupational\s+therap(?:y|ies|ists?)\b"
    # sixth round (agent:review-20): people "living with" a condition, research "work", family medicine, brain
    # networks named by a region or by connectivity, and social stimuli or answers as cognition and response bias
    r"|\b(?:people|persons?|patients|adults|children|youth|individuals|those|women|men|veterans|families)\s+living\s+with\b"
    r"|\b(?:this|the\s+present|the\s+current|our|future|further)\s+work\b(?!\s+(?:experience|history|status|"
    r"histories|experiences|skills|roles?|participation))"
    r"|\bfamily\s+(?:practitioners?|physicians?|doctors?|medicine|practice\s+(?:physicians?|doctors?|settings?|"
    r"clinics?|residents?))\b"
    # a region or molecule word right before "network(s)", at most two other words between (review-22: "brain
    # injury survivors' social networks" stays social)
    r"|\b[\w-]*(?:brain|cortex|cortical|neural|neuronal|amygdala|hippocamp\w*|striat\w*|thalam\w*|prefrontal|limbic|"
    r"insula|gene|protein|molecular)[\w-]*(?:\s+(?!social\b|support\b|personal\b|peer\b|family\b|friendship\b|"
    r"community\b|survivors?'?)[\w-]+){0,2}\s+networks?\b"
    r"|\bsocial\s+(?:stimuli|stimulus|information\s+processing|desirability)\b"
    r"|\bpeer[\s-]review(?:ed|ers?|s)?\b"  # round 9 (agent:review-30): the review of papers
    # round 10: communities of organisms ("the structure of [microbial communities]")
    r"|\b(?:microbial|bacterial|microbiome|gut|fungal|viral|plant|species|ecological|benthic|soil|marine|"
    r"biological|cell|cellular)\s+communit(?:y|ies)\b"
    r"|\bsocially\s+(?:desirable|accepted|acceptable)\s+(?:answers?|responses?|responding)\b")
#: The social words that the compounds above can hold.
AMBIGUOUS_SOCIAL_WORDS = frozenset(["support", "network", "networks", "work", "contact", "team", "teams", "staff",
                                    "peer", "family", "social", "socially", "living", "community", "communities",
                                    "collaborative", "collaboration"])


def _alternation(phrases) -> str:
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


#: Fast text-level prefilter: does a lower-cased sentence contain any trigger (rule triggers included)?
TRIGGER_RE = re.compile(rf"(?<![a-z\-])(?:{_alternation(list(ALL_TRIGGER_WORDS) + list(ALL_TRIGGER_PHRASES))})(?![a-z\-])")
#: The same over the detector's triggers only (``TRIGGER_WORDS`` / ``TRIGGER_PHRASES``): for text-level checks
#: that cannot tell a rule trigger's construction (:mod:`.frames`; a bare "role" or "limit" asserts nothing).
DETECTOR_TRIGGER_RE = re.compile(rf"(?<![a-z\-])(?:{_alternation(list(TRIGGER_WORDS) + list(TRIGGER_PHRASES))})(?![a-z\-])")


#: Multipliers of a likelihood ("[twice] as likely", "four [times] as likely", "[half] / one-[third] as likely"; round 10)
_MULTIPLIER_WORDS = {"twice": 2.0, "thrice": 3.0, "half": 0.5, "third": 1 / 3, "thirds": 2 / 3, "quarter": 0.25,
                     "fifth": 0.2, "tenth": 0.1}
_NUMBER_WORDS = {"one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "seven": 7.0,
                 "eight": 8.0, "nine": 9.0, "ten": 10.0, "several": 3.0, "many": 3.0}
_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")


def _number(word: str) -> float | None:
    word = word.lower()
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    return float(word.replace(",", ".")) if _DIGITS.fullmatch(word) else None  # digits only ("nan" is no number)


def likelihood_multiplier(words_before: list[str]) -> float | None:
    """The factor by which "as likely" is multiplied, read from the lower-cased tokens before "as" ("twice" 2, "four
    times" 4, "0.5 times" 0.5, "one-third" 1/3, "2.5-fold" and "threefold" as their number; "times" or "-fold" after
    no number: more than one), or ``None`` when no multiplier stands there ("equally as likely", "as likely as not")."""
    if not words_before:
        return None
    last = words_before[-1]
    tail = last.rsplit("-", 1)[-1]
    if tail in _MULTIPLIER_WORDS:
        return _MULTIPLIER_WORDS[tail]
    if last in ("times", "fold"):
        number = _number(words_before[-2]) if len(words_before) > 1 else None
        return number if number is not None else 3.0
    if last.endswith("fold"):
        number = _number(last[:-4].rstrip("-"))
        return number if number is not None else (2.0 if last.endswith("-fold") else None)
    return None
