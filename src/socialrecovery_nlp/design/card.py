"""The model card (``README.md``) of a design model directory."""

from __future__ import annotations

from pathlib import Path


def write_model_card(model_dir: str | Path, config: dict, facts: dict, metrics: dict) -> Path:
    import json

    m, s = config["model"], metrics["summary"]
    combine_file = Path(model_dir) / "combine.json"
    combine = json.loads(combine_file.read_text(encoding="utf-8")) if combine_file.is_file() else {}
    combine = ", ".join(f"{k}={round(v, 3) if isinstance(v, float) else v}" for k, v in combine.items())
    per = metrics["combined"]["per_label"]
    rows = "\n".join(f"| {lab} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | {v['support']} |"
                     for lab, v in per.items())
    weak = ", ".join(f"{k} {v}" for k, v in facts["weak_label_counts"].items())
    added = (facts.get("extra") or {}).get("added", 0)
    kw = float(config["features"].get("keyword_weight", 0.0))
    keywords = (f" + keyword columns (log counts of design phrases such as \"followed up\", \"healthy controls\", "
                f"\"odds ratio\", `features.KEYWORDS`; weight {kw})") if kw else ""
    extra = f", of which {added} from `data.extra` project exports" if added else ""
    nb_w = float(config["classifier"].get("nb_weight", 0.0) or 0.0)
    naive_bayes = (f"; plus {nb_w} x the row-centred log-likelihood of a Complement Naive Bayes model on the "
                   f"TF-IDF block (alpha {config['classifier'].get('nb_alpha', 0.3)})") if nb_w else ""
    per_design = ("\n  Where the rules are confident, `confident_weights` gives each rule label with at least 5 confident"
                  "\n  out-of-fold decisions its own `w` (fitted the same way, label by label); other labels use"
                  "\n  `confident_weight`.") if config["calibration"].get("per_design_confident") else ""
    text = f"""# {m['name']} {m['version']}: study design of a record

Assigns one of the codebook's 13 study designs (`rct, quasi_experimental, cohort, case_control,
cross_sectional, qualitative, mixed_methods, systematic_review, meta_analysis, narrative_review,
case_study, non_empirical, unclear`) to a title + abstract (or a full text, where the methods
section decides), with a calibrated score and the cue spans that support it.

## How it works
- **Rules** (`socialrecovery_nlp.design.rules`): token patterns for design cues, per sentence, with
  negation ("no RCTs have been published", "non-randomised") and reports of other studies
  ("previous RCTs have shown", cues inside a review's sentence, cues followed by a citation)
  filtered out. When one strong design cue remains after precedence the rules are *confident*.
- **Classifier**: TF-IDF word 1-{config['features']['ngram_max']}-grams + rule-cue columns (own / reported /
  negated cue counts per design and the rule decision, weight {config['features'].get('cue_weight', 0.0)};
  0 = none){keywords} + multinomial logistic regression
  (C={config['classifier']['C']}, balanced classes){naive_bayes}, temperature-scaled on held-out hand labels
  (T={facts.get('temperature', 'see calibration.json')}).
- **Combination**: `w * onehot(rule label) + (1 - w) * p_model`, weights fitted on out-of-fold
  predictions (`combine.json`: {combine}); a title-only text leans to `unclear` by
  `short_text_weight` (0 means the classifier's own `unclear` class, learned from title-only
  records, was enough on the dev folds).{per_design}

## Training data
- Weak labels: rule-confident decisions over the screening abstracts in `data/screening/` that are
  not hand-labelled ({facts['weak_confident']} confident; {facts['weak_used']} used after a cap of
  {config['weak']['max_per_label']} per label, {int(config['weak']['mask_fraction'] * 100)}% with cue spans masked):
  {weak}.
- Hand labels: {facts['gold_train']} abstracts of the fixed train split of `annotations/design.jsonl`
  (weight {config['weak']['gold_weight']}){extra}.
- The screening sets are biomedical (ADHD drugs, borderline personality disorder therapy, nudging
  health professionals, hair cortisol, rodent memory) and dominated by RCTs; qualitative and
  mixed-methods work is rare in them, so these designs rest on few examples.

## Evaluation (fixed test split, {s['n']} hand-labelled abstracts)
macro-F1 over designs with >= 15 test examples: **{s['macro_f1_support15']:.3f}**; accuracy
{s['accuracy']:.3f}; RCT vs non-RCT AUROC **{s['rct_auroc']:.3f}**. Full report:
`docs/models/design.md` (`python -m socialrecovery_nlp.design.evaluate --write docs/models/design.md`).

| design | precision | recall | F1 | support |
|---|---|---|---|---|
{rows}

## Limits
- Hand labels by AI agents: `agent:design-1` labelled the test split and 336 train records; a blind
  second agent on 120 test records agreed on 88.3% (kappa 0.87, `docs/models/agreement.md`); the 14
  disagreements were adjudicated (guideline v1.1). `agent:design-3` added 388 train-only labels
  (guideline v1.2), targeted at the designs the earlier model confused; a blind second pass on 80 of them agreed on 95.0% (kappa 0.94).
- The test sample was partly drawn by rule predictions (to reach rare designs), which favours
  records whose design is stated in words the rules know; expect lower scores on unselected text.
- Designs outside the label set (animal experiments, economic models) are mapped by the
  guideline (`annotations/guidelines/design.md`), not by the model's understanding.

Rebuild: `srnlp train training/design.toml`. Licence: MIT; training text CC0 / open.
"""
    path = Path(model_dir) / "README.md"
    path.write_text(text, encoding="utf-8")
    return path
