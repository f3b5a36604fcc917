"""Cue patterns for study designs, as data: ``(label, strength, pattern)``.

A pattern is a space-separated list of tokens, each a regular expression over the token's
lower-cased text (anchored). ``X~`` makes a token optional, ``_`` matches any token and
``_{0,3}`` zero to three tokens; ``-~`` is an optional hyphen/dash/slash (spaCy splits
"non-randomised" into ``non - randomised``). Inflections are spelt out in the regular
expressions (``randomi[sz]ed``), so the patterns do not need a lemmatizer.

Strength ``strong`` cues name the record's design almost unambiguously; ``weak`` cues are
evidence only. Context filters (negation, other studies) live in :mod:`.rules`.
"""

from __future__ import annotations

STRONG = "strong"
WEAK = "weak"

RAND = r"randomi[sz]ed|randomly|randomi[sz]ation"
TRIAL = r"trials?|stud(y|ies)|designs?|experiments?|evaluations?"

PATTERNS: list[tuple[str, str, str]] = [
    # --- rct -----------------------------------------------------------------------------
    ("rct", STRONG, rf"(randomi[sz]ed|randomised-controlled|randomized-controlled) _{{0,4}} ({TRIAL})"),
    ("rct", STRONG, r"rcts?"),
    ("rct", STRONG, r"(randomly|randomi[sz]ed|randomised|block|cluster|stratified) (assigned|allocated|randomi[sz]ed|selected)"),
    ("rct", STRONG, r"(were|was|be|been|being|are|is) randomi[sz]ed"),
    ("rct", STRONG, r"randomi[sz]ed (to|into|in|across|between|at)"),
    ("rct", STRONG, r"randomi[sz]ation"),
    ("rct", STRONG, r"random (assignment|allocation)"),
    ("rct", STRONG, r"(wait|waiting) -~ (list|lists) (control|controls|condition|group|comparison)"),
    ("rct", STRONG, r"(waitlist|waitlisted|wait-list) (control|controls|condition|group|comparison)"),
    ("rct", WEAK, r"placebo -~ controlled"),
    ("rct", WEAK, r"double -~ (blind|blinded|masked)"),
    ("rct", WEAK, r"(crossover|cross -~ over) (trial|study|design)"),
    ("rct", WEAK, r"controlled (trial|clinical)"),
    ("rct", WEAK, r"(control|comparison|placebo) (group|condition|arm)"),
    # --- quasi_experimental ----------------------------------------------------------------
    ("quasi_experimental", STRONG, rf"(non|not|quasi|un) -~ (randomi[sz]ed|randomised) _{{0,3}} ({TRIAL}|comparison|controlled|control|design)"),
    ("quasi_experimental", STRONG, r"nonrandomi[sz]ed|non-randomi[sz]ed|quasi-randomi[sz]ed"),
    ("quasi_experimental", STRONG, r"quasi -~ (experimental|experiment|experimentally)"),
    ("quasi_experimental", STRONG, r"quasi-experimental|quasi-experiment"),
    ("quasi_experimental", STRONG, r"(pre|before) (-|–|/|and|to)~ (post|after) (test|intervention|design|study|comparison|evaluation|measures?|assessments?)?"),
    ("quasi_experimental", STRONG, r"pre-post|pre/post|before-after|before-and-after|pre-test/post-test|pretest-posttest"),
    ("quasi_experimental", STRONG, r"(pre|pre-) -~ (test|tests) (and|/|-)~ (post|post-) -~ (test|tests)"),
    ("quasi_experimental", STRONG, r"pretest (and|-|/)~ posttest"),
    ("quasi_experimental", STRONG, r"interrupted time -~ series"),
    ("quasi_experimental", STRONG, r"(controlled|uncontrolled) before -~ (and|-)? after"),
    # "matched controls" is left to case_control (guideline rule 9: patients vs matched controls)
    ("quasi_experimental", STRONG, r"(historical|historic|non-equivalent|nonequivalent) (control|controls|comparison) (group|groups|cohort|condition)?"),
    ("quasi_experimental", STRONG, r"non -~ equivalent (control|comparison)? (group|groups|design)"),
    ("quasi_experimental", STRONG, r"difference -~ in -~ differences?"),
    ("quasi_experimental", STRONG, r"regression discontinuity"),
    ("quasi_experimental", WEAK, r"single -~ (arm|group) (trial|study|design|pilot)?"),
    ("quasi_experimental", WEAK, r"(uncontrolled|open) (trial|pilot|study)"),
    ("quasi_experimental", WEAK, r"baseline (and|to|versus|vs) (post|follow) -~ (intervention|up|treatment)"),
    # --- cohort -------------------------------------------------------------------------------
    ("cohort", STRONG, r"(prospective|retrospective|longitudinal|birth|population -~ based|population-based|observational|historical|inception|community) cohort"),
    ("cohort", STRONG, r"cohort (study|design|studies)"),
    ("cohort", STRONG, r"longitudinal (study|design|data|analysis|analyses|survey|cohort|panel|investigation)"),
    ("cohort", STRONG, r"prospective(ly)? (observational|naturalistic|longitudinal|cohort)"),
    ("cohort", STRONG, r"(followed|follow) (up)? (for|over) _{0,2} (years?|months?|decades?)"),
    ("cohort", STRONG, r"panel (study|data|survey)"),
    ("cohort", STRONG, r"(register|registry) -~ based"),
    ("cohort", WEAK, r"cohort"),
    ("cohort", WEAK, r"prospective(ly)?|longitudinal(ly)?"),
    ("cohort", WEAK, r"follow -~ up"),
    ("cohort", WEAK, r"retrospective(ly)?"),
    ("cohort", WEAK, r"(chart|record|registry|database|claims) (review|data|analysis)"),
    # --- case_control -------------------------------------------------------------------------
    ("case_control", STRONG, r"case -~ (control|controlled|referent) (study|studies|design|sample|comparison)?"),
    ("case_control", STRONG, r"case-control|case-controlled"),
    ("case_control", STRONG, r"cases and (matched|healthy)? controls"),
    ("case_control", WEAK, r"(matched|healthy|age -~ matched|sex -~ matched|age-matched|sex-matched) (controls|subjects|participants|volunteers|control)"),
    ("case_control", WEAK, r"(compared|comparison) (with|to) (healthy|matched|normal) (controls|control|subjects|individuals|volunteers)"),
    # --- cross_sectional ----------------------------------------------------------------------
    ("cross_sectional", STRONG, r"cross -~ sectional(ly)?"),
    ("cross_sectional", STRONG, r"cross-sectional(ly)?"),
    ("cross_sectional", STRONG, r"(a|an|this|our|national|nationwide|online|postal|web -~ based|web-based|telephone|mail|email|anonymous) (survey|questionnaire)"),
    ("cross_sectional", STRONG, r"surveyed"),
    ("cross_sectional", STRONG, r"(survey|surveys|questionnaire|questionnaires) (was|were) (conducted|sent|mailed|distributed|administered|completed|carried)"),
    ("cross_sectional", WEAK, r"surveys?|questionnaires?"),
    ("cross_sectional", WEAK, r"(prevalence|correlational) (study|survey|analysis)"),
    # --- qualitative --------------------------------------------------------------------------
    ("qualitative", STRONG, r"semi -~ structured (qualitative)? (interview|interviews|interviewing)"),
    ("qualitative", STRONG, r"semi-structured|semistructured (interview|interviews)"),
    ("qualitative", STRONG, r"(in -~ depth|in-depth|qualitative|open -~ ended|open-ended|narrative|unstructured) (interview|interviews|interviewing)"),
    ("qualitative", STRONG, r"focus -~ (group|groups)"),
    ("qualitative", STRONG, r"thematic(ally)? (analysis|analy[sz]ed|coding|synthesis)"),
    ("qualitative", STRONG, r"(analy[sz]ed|analy[sz]ed) thematically"),
    ("qualitative", STRONG, r"grounded -~ theory"),
    ("qualitative", STRONG, r"interpretative|interpretive (phenomenological|phenomenology)"),
    ("qualitative", STRONG, r"(interpretative|interpretive) phenomenological (analysis)?"),
    ("qualitative", STRONG, r"ethnograph(y|ic|ies|ically)"),
    ("qualitative", STRONG, r"narrative (inquiry|analysis)"),
    ("qualitative", STRONG, r"phenomenological (analysis|approach|study|design|inquiry|method|methodology)"),
    ("qualitative", WEAK, r"phenomenolog(y|ical)"),
    ("qualitative", STRONG, r"qualitative (study|design|approach|inquiry|interview|interviews|investigation|exploration|descriptive)"),
    ("qualitative", WEAK, r"qualitative (data|research|methods?|analysis|evaluation|component)"),
    ("qualitative", WEAK, r"qualitative(ly)?"),
    ("qualitative", WEAK, r"(content|framework|discourse) analysis"),
    ("qualitative", WEAK, r"(interviews|interviewed)"),
    ("qualitative", WEAK, r"ipa"),
    # --- mixed_methods --------------------------------------------------------------------------
    ("mixed_methods", STRONG, r"mixed -~ (methods?|methodology|design)"),
    ("mixed_methods", STRONG, r"mixed-methods?|mixed-method"),
    ("mixed_methods", STRONG, r"(qualitative|quantitative) (and|&) (qualitative|quantitative) (data|methods|approaches|components|analysis|analyses|research|evaluation)"),
    ("mixed_methods", WEAK, r"multi -~ (method|methods)"),
    # --- systematic_review ----------------------------------------------------------------------
    ("systematic_review", STRONG, r"systematic(ally)? _{0,2} (review|reviews|reviewed|search|searches|searched|literature)"),
    ("systematic_review", STRONG, r"prisma"),
    ("systematic_review", STRONG, r"scoping (review|study)"),
    ("systematic_review", STRONG, r"(medline|pubmed|embase|psycinfo|cinahl|cochrane|scopus|psychinfo|eric|databases?) _{0,8} (were|was) searched"),
    ("systematic_review", STRONG, r"(searched|search of|searching) _{0,3} (medline|pubmed|embase|psycinfo|cinahl|cochrane|scopus|psychinfo|electronic|databases?|the literature)"),
    ("systematic_review", STRONG, r"(studies|trials|articles|papers|publications) (were|was)? (included|identified|selected|eligible|screened|retrieved)"),
    ("systematic_review", STRONG, r"(inclusion|eligibility) criteria _{0,3} (studies|trials|articles)"),
    ("systematic_review", STRONG, r"study selection"),
    ("systematic_review", STRONG, r"(searches|search) (encompassed|included|covered|of|in) _{0,3} (medline|pubmed|embase|psycinfo|cinahl|cochrane|scopus|psychinfo|electronic|databases?)"),
    ("systematic_review", WEAK, r"(data|study|review) (sources|selection|extraction|quality|methods)"),
    # --- meta_analysis --------------------------------------------------------------------------
    ("meta_analysis", STRONG, r"meta -~ (analysis|analyses|analytic|analytical|analysed|analyzed|regression)"),
    ("meta_analysis", STRONG, r"meta-analy(sis|ses|tic|tical|sed|zed)|meta-regression|metaanalysis"),
    ("meta_analysis", STRONG, r"pooled (effect|effects|estimate|estimates|odds|risk|relative|mean|standardi[sz]ed|hazard|analysis|analyses|prevalence|sensitivity|correlation|smd|or|rr|results|data)"),
    ("meta_analysis", STRONG, r"random -~ effects? (model|models|meta -~ analysis)"),
    ("meta_analysis", STRONG, r"quantitative (systematic)? (review|synthesis|overview)"),
    ("meta_analysis", WEAK, r"(standardi[sz]ed|weighted) mean differences?"),
    ("meta_analysis", WEAK, r"summary (estimates?|effects?|odds|risk)"),
    ("meta_analysis", WEAK, r"forest plots?|funnel plots?|heterogeneity"),
    # --- narrative_review -----------------------------------------------------------------------
    ("narrative_review", STRONG, r"(narrative|critical|selective|integrative|brief|comprehensive|literature|clinical|conceptual) review"),
    ("narrative_review", STRONG, r"(this|the present|the current|our) (review|overview)"),
    ("narrative_review", STRONG, r"(we|authors|article|paper|chapter) (review|reviews|summari[sz]e|summari[sz]es|overview)"),
    ("narrative_review", STRONG, r"(review|overview) (of|on) (the)? (literature|evidence|research)"),
    ("narrative_review", WEAK, r"(is|are) reviewed"),
    ("narrative_review", WEAK, r"review|overview"),
    # --- case_study -----------------------------------------------------------------------------
    ("case_study", STRONG, r"case (report|reports|study|series|description|example|vignette)"),
    ("case_study", STRONG, r"(we|authors) (report|describe|present) (a|an|the|two|three|one) _{0,3} (case|cases|patient|patients|man|woman|boy|girl|child)"),
    ("case_study", STRONG, r"(a|an) \d+ -~ (year|month) -~ old"),
    ("case_study", STRONG, r"(this|the) (paper|article|report) (describes|presents|outlines|reports) (the)? (development|implementation|design|experience|establishment|introduction)"),
    ("case_study", WEAK, r"(program|programme|service|initiative|project) (description|development|implementation)"),
    ("case_study", WEAK, r"(we|this paper|this article) (describe|describes)"),
    # --- non_empirical --------------------------------------------------------------------------
    ("non_empirical", STRONG, r"commentary|editorial|essay|viewpoint"),
    ("non_empirical", STRONG, r"(this|the|our) (paper|article|essay|chapter|commentary) (argues|proposes|discusses|considers|explores|examines|offers|presents|sets)"),
    ("non_empirical", STRONG, r"we (argue|contend)"),
    ("non_empirical", WEAK, r"we (propose|discuss)"),
    ("non_empirical", STRONG, r"(theoretical|conceptual|position|policy|discussion|opinion) (paper|article|statement|essay|piece)"),
    ("non_empirical", WEAK, r"(theoretical|conceptual) (framework|model|analysis)"),
    ("non_empirical", WEAK, r"(theory|theoretical|conceptual|policy|policies|framework|opinion|debate)"),
]
