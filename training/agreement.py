"""Inter-annotator agreement between the first-pass hand labels and the blind second pass.

Pass 1: ``annotations/themes.jsonl``, ``annotations/themes_negatives.jsonl`` and
``annotations/design.jsonl``. Pass 2 (blind, labelled without seeing pass 1):
``annotations/second_pass/themes.jsonl`` and ``annotations/second_pass/design.jsonl``.

Themes are compared per unit (review sentence or screening record) and per label as a binary
decision; designs are compared as one label per record.

    python training/agreement.py            # print the report (markdown)
    python training/agreement.py --write    # also write docs/models/agreement.md
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASS1_THEMES = ("annotations/themes.jsonl", "annotations/themes_negatives.jsonl")
PASS1_DESIGN = "annotations/design.jsonl"
PASS2_THEMES = "annotations/second_pass/themes.jsonl"
PASS2_DESIGN = "annotations/second_pass/design.jsonl"
# Second passes over later first-pass labels (present only once written)
PASS2_DESIGN_V2 = "annotations/second_pass/design_v2.jsonl"
PASS2_DESIGN_V3 = "annotations/second_pass/design_v3.jsonl"
PASS2_DESIGN_V4 = "annotations/second_pass/design_v4.jsonl"
# (second-pass file, first-pass annotator, sample title) of the train-only extensions
DESIGN_EXTENSIONS = (
    (PASS2_DESIGN_V2, "agent:design-3", "second sample"),
    (PASS2_DESIGN_V3, "agent:design-4", "third sample"),
)
#: The test records the first second pass (120 of 276) did not cover, labelled blind under guideline
#: v1.2 by two annotators (halves a and b), then adjudicated (``adjudication`` in annotations/design.jsonl).
DESIGN_TEST_COMPLETION = (PASS2_DESIGN_V4, "agent:design-1", "agent:design-second-4a / -4b")
PASS1_CLAIMS_ABSTRACTS = "annotations/claims_abstracts.jsonl"
PASS2_CLAIMS_ABSTRACTS = "annotations/second_pass/claims_abstracts.jsonl"
# (pass 1 file, pass 2 file, pass 1 annotator, how the compared abstracts were drawn)
CLAIMS_PAIRS = (
    (PASS1_CLAIMS_ABSTRACTS, PASS2_CLAIMS_ABSTRACTS, "agent:claims-2", "every sentence of 22 abstracts drawn at random"),
    ("annotations/claims_abstracts_v2.jsonl", "annotations/second_pass/claims_abstracts_v2.jsonl", "agent:claims-7",
     "every sentence of 12 of its 60 abstracts, `random.Random(7).sample`"),
    ("annotations/claims_abstracts_v3.jsonl", "annotations/second_pass/claims_abstracts_v3.jsonl", "agent:claims-8",
     "every sentence of 12 of its 60 abstracts, `random.Random(11).sample`"),
    ("annotations/claims_abstracts_v4.jsonl", "annotations/second_pass/claims_abstracts_v4.jsonl", "agent:claims-9",
     "every sentence of 12 of its 60 abstracts (every 5th abstract in file order)"),
    ("annotations/claims_abstracts_v5.jsonl", "annotations/second_pass/claims_abstracts_v5.jsonl", "agent:claims-11",
     "every sentence of 12 of its 60 abstracts (every 5th abstract in file order, from the third)"),
    ("annotations/claims_abstracts_v6.jsonl", "annotations/second_pass/claims_abstracts_v6.jsonl", "agent:claims-12",
     "every sentence of 12 of its 60 abstracts (every 5th abstract in file order, from the third)"),
    ("annotations/claims_abstracts_v7.jsonl", "annotations/second_pass/claims_abstracts_v7.jsonl", "agent:claims-16",
     "every sentence unit of 12 of its 60 abstracts (every 5th abstract in file order, from the third)"),
    ("annotations/claims_abstracts_v8.jsonl", "annotations/second_pass/claims_abstracts_v8.jsonl", "agent:claims-17",
     "every sentence unit of 12 of its 60 abstracts (every 5th abstract in file order, from the third)"),
    ("annotations/claims_abstracts_v9.jsonl", "annotations/second_pass/claims_abstracts_v9.jsonl",
     "agent:claims-20 / agent:claims-21",
     "every sentence unit of 9 of its 37 review-style abstracts (every 4th abstract in file order, from the third)"),
    ("annotations/claims_abstracts_v10.jsonl", "annotations/second_pass/claims_abstracts_v10.jsonl",
     "agent:claims-22 / agent:claims-23",
     "every sentence unit of 9 of its 37 review-style abstracts (every 4th abstract in file order, from the third)"),
    ("annotations/claims_abstracts_v11.jsonl", "annotations/second_pass/claims_abstracts_v11.jsonl",
     "agent:claims-26 / agent:claims-27",
     "every sentence unit of 9 of its 37 review-style abstracts (numpy default_rng(11).choice(37, 9) in file order)"),
    ("annotations/claims_abstracts_v15.jsonl", "annotations/second_pass/claims_abstracts_v15.jsonl",
     "agent:claims-35 / agent:claims-36",
     "every sentence unit of 9 of its 37 abstracts drawn by predicted design (numpy default_rng(15).choice(37, 9))"),
    ("annotations/claims_abstracts_v19.jsonl", "annotations/second_pass/claims_abstracts_v19.jsonl",
     "agent:claims-43 (pass 2: agent:claims-47)",
     "every sentence unit of 12 of its 60 random abstracts (every 5th abstract in file order, from the third)"),
    ("annotations/claims_abstracts_v21.jsonl", "annotations/second_pass/claims_abstracts_v21.jsonl",
     "agent:claims-45 (pass 2: agent:claims-47)",
     "every sentence unit of 9 of its 37 abstracts drawn by predicted design (numpy default_rng(21).choice(37, 9))"),
    ("annotations/claims_abstracts_v23.jsonl", "annotations/second_pass/claims_abstracts_v23.jsonl",
     "agent:claims-48 (pass 2: agent:claims-52)",
     "every sentence unit of 12 of its 60 random abstracts (every 5th abstract in file order, from the third)"),
    ("annotations/claims_abstracts_v25.jsonl", "annotations/second_pass/claims_abstracts_v25.jsonl",
     "agent:claims-50 (pass 2: agent:claims-52)",
     "every sentence unit of 9 of its 37 abstracts drawn by predicted design (numpy default_rng(25).choice(37, 9))"),
    ("annotations/claims_abstracts_v27.jsonl", "annotations/second_pass/claims_abstracts_v27.jsonl",
     "agent:claims-56 / agent:claims-57 (pass 2: agent:claims-60)",
     "every sentence unit of 12 of its 60 random abstracts (6 of each first-pass half, `random.Random(20261127).sample`)"),
    ("annotations/claims_abstracts_v28.jsonl", "annotations/second_pass/claims_abstracts_v28.jsonl",
     "agent:claims-58 / agent:claims-59 (pass 2: agent:claims-60)",
     "every sentence unit of 9 of its 37 abstracts drawn by predicted design (4 and 5 of the first-pass halves, "
     "`random.Random(20261127).sample`, drawn after v27's)"),
    ("annotations/claims_abstracts_v29.jsonl", "annotations/second_pass/claims_abstracts_v29.jsonl",
     "agent:claims-61 / agent:claims-62 (pass 2: agent:claims-63)",
     "every sentence unit of 9 of its 37 abstracts drawn by predicted design (`random.Random(29).sample`)"),
    ("annotations/claims_titles_t1.jsonl", "annotations/second_pass/claims_titles_t1.jsonl",
     "agent:claims-53 (pass 2: agent:claims-55)",
     "40 of its 161 title units (numpy default_rng(1).choice(161, 40)); titles, guideline v1.3 section \"Titles\""),
    ("annotations/claims_titles_t2.jsonl", "annotations/second_pass/claims_titles_t2.jsonl",
     "agent:claims-54 (pass 2: agent:claims-55)",
     "60 of its 153 title units (numpy default_rng(2).choice(153, 60)); titles, guideline v1.3 section \"Titles\""),
    ("annotations/claims_findings_f1_dev.jsonl", "annotations/second_pass/claims_findings_f1_dev.jsonl",
     "agent:claims-64 (pass 2: agent:claims-66)",
     "30 of its 129 single-sentence science findings (numpy default_rng(7).choice(129, 30), drawn before the test "
     "half's); guideline v1.5"),
    ("annotations/claims_findings_f1_test.jsonl", "annotations/second_pass/claims_findings_f1_test.jsonl",
     "agent:claims-65 (pass 2: agent:claims-66)",
     "30 of its 129 single-sentence science findings (numpy default_rng(7).choice(129, 30), drawn after the dev "
     "half's); guideline v1.5"),
)
SPLITS = "annotations/design_splits.json"
THEMES_GUIDELINE = "annotations/guidelines/themes.md"
DOC = "docs/models/agreement.md"
COMMAND = "python training/agreement.py --write"

# Sampling rules used for the second pass (kept here so the samples can be re-drawn).
NEGATIVES_SEED, NEGATIVES_K = 20261126, 60
DESIGN_SEED, DESIGN_K = 20261127, 120

PROCESSES = ("empowerment", "identity", "connectedness", "hope", "meaning")
THEMES = (
    "self_efficacy",
    "power_together",
    "strengths_approach",
    "self_directed_support",
    "peer_organised_services",
    "social_identities",
    "discrimination",
    "mental_illness_stigma",
    "anti_stigma_interventions",
    "interpersonal_relationships",
    "family_systems",
    "social_inclusion",
    "occupation_employment",
    "community_development",
)
DESIGNS = (
    "rct",
    "quasi_experimental",
    "cohort",
    "case_control",
    "cross_sectional",
    "qualitative",
    "mixed_methods",
    "systematic_review",
    "meta_analysis",
    "narrative_review",
    "case_study",
    "non_empirical",
    "unclear",
)


# --------------------------------------------------------------------------- statistics


def percent_agreement(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """Share of items on which the two annotators gave the same label."""
    _check_pair(a, b)
    return sum(x == y for x, y in zip(a, b)) / len(a)


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """Cohen's kappa for two annotators; ``nan`` when chance agreement is 1 (one category only)."""
    _check_pair(a, b)
    n = len(a)
    po = percent_agreement(a, b)
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in ca.keys() | cb.keys()) / (n * n)
    if math.isclose(pe, 1.0):
        return math.nan
    return (po - pe) / (1 - pe)


def confusion(
    a: Sequence[str], b: Sequence[str], labels: Sequence[str]
) -> list[list[int]]:
    """Counts ``m[i][j]`` of items labelled ``labels[i]`` by ``a`` and ``labels[j]`` by ``b``."""
    _check_pair(a, b)
    idx = {lab: i for i, lab in enumerate(labels)}
    m = [[0] * len(labels) for _ in labels]
    for x, y in zip(a, b):
        m[idx[x]][idx[y]] += 1
    return m


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def multilabel_scores(
    ref: Sequence[set[str]], hyp: Sequence[set[str]], labels: Sequence[str]
) -> dict:
    """Per-label binary agreement plus micro/macro F1 of ``hyp`` against ``ref``.

    Macro F1 averages over labels that occur in ``ref`` or ``hyp`` (labels absent from both are
    skipped, not counted as 1 or 0).
    """
    _check_pair(ref, hyp)
    rows, tp_all, fp_all, fn_all, f1s = [], 0, 0, 0, []
    for lab in labels:
        a = [lab in s for s in ref]
        b = [lab in s for s in hyp]
        tp = sum(x and y for x, y in zip(a, b))
        fp = sum(y and not x for x, y in zip(a, b))
        fn = sum(x and not y for x, y in zip(a, b))
        p, r, f = prf(tp, fp, fn)
        rows.append(
            {
                "label": lab,
                "n_ref": sum(a),
                "n_hyp": sum(b),
                "both": tp,
                "agreement": percent_agreement(a, b),
                "kappa": cohen_kappa(a, b),
                "precision": p,
                "recall": r,
                "f1": f,
            }
        )
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        if tp + fp + fn:
            f1s.append(f)
    micro = prf(tp_all, fp_all, fn_all)
    return {
        "labels": rows,
        "micro_precision": micro[0],
        "micro_recall": micro[1],
        "micro_f1": micro[2],
        "macro_f1": sum(f1s) / len(f1s) if f1s else math.nan,
        "exact_match": sum(x == y for x, y in zip(ref, hyp)) / len(ref),
    }


def _check_pair(a: Sequence, b: Sequence) -> None:
    if len(a) != len(b):
        raise ValueError(f"annotation sequences differ in length: {len(a)} vs {len(b)}")
    if not a:
        raise ValueError("no items to compare")


# --------------------------------------------------------------------------- samples


def negatives_sample(
    ids: Iterable[str], k: int = NEGATIVES_K, seed: int = NEGATIVES_SEED
) -> list[str]:
    """The screening negatives re-labelled in pass 2 (order-independent of the input)."""
    return random.Random(seed).sample(sorted(ids), k)


def design_sample(
    test_ids: Iterable[str], k: int = DESIGN_K, seed: int = DESIGN_SEED
) -> list[str]:
    """The design test-split ids (``dataset:record_id``) re-labelled in pass 2."""
    return random.Random(seed).sample(sorted(test_ids), k)


# --------------------------------------------------------------------------- guideline citations

_REF = re.compile(
    r"(?<![\w.\-])(\d{1,2})\.(\d{1,2}|x)(?:\s*[-\u2013]\s*(\d{1,2})\.(\d{1,2}|x))?(?![\w.])"
)


def guideline_cited_ids(text: str, ids: Iterable[str]) -> set[str]:
    """Review sentence ids the guideline cites as worked examples (``56.2``, ``37.x``, ``46.0-55.1``).

    Only the part from "## The unit and the question" to "## Out-of-field negatives" is read,
    so version strings elsewhere are not taken for sentence references.
    """
    start, end = (
        text.find("## The unit and the question"),
        text.find("## Out-of-field negatives"),
    )
    body = text[max(start, 0) : end if end > start else len(text)]
    pos = {}
    for i in ids:
        m = re.fullmatch(r"tew2011-p(\d+)-s(\d+)", i)
        if m:
            pos[i] = (int(m.group(1)), int(m.group(2)))
    cited = set()
    for m in _REF.finditer(body):
        p1, s1, p2, s2 = m.groups()
        lo = (int(p1), 0 if s1 == "x" else int(s1))
        if p2 is None:
            hi = (int(p1), 10**6 if s1 == "x" else int(s1))
        else:
            hi = (int(p2), 10**6 if s2 == "x" else int(s2))
        cited.update(i for i, ps in pos.items() if lo <= ps <= hi)
    return cited


# --------------------------------------------------------------------------- loading


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _label_set(labels: dict) -> set[str]:
    return set(labels.get("processes", [])) | set(labels.get("themes", []))


def load_pass2_themes(root: Path = ROOT) -> dict[str, set[str]]:
    return {r["id"]: _label_set(r["labels"]) for r in _jsonl(root / PASS2_THEMES)}


def load_pass1_themes(ids: Iterable[str], root: Path = ROOT) -> dict[str, set[str]]:
    """First-pass labels, only for ``ids`` (call after pass 2 is written)."""
    wanted = set(ids)
    out = {}
    for rel in PASS1_THEMES:
        for r in _jsonl(root / rel):
            if r["id"] in wanted:
                out[r["id"]] = _label_set(r["labels"])
    return out


def _design_key(r: dict) -> str:
    return f"{r['dataset']}:{r['record_id']}"


def load_pass2_design(root: Path = ROOT) -> dict[str, str]:
    return {_design_key(r): r["label"] for r in _jsonl(root / PASS2_DESIGN)}


def load_pass1_design(ids: Iterable[str], root: Path = ROOT) -> dict[str, str]:
    """Pass-1 labels as first given: an adjudicated record's ``adjudication.pass1``, not the
    label the adjudicator settled on (agreement is measured before adjudication)."""
    wanted = set(ids)
    return {
        k: (r.get("adjudication") or {}).get("pass1") or r["label"]
        for r in _jsonl(root / PASS1_DESIGN)
        if (k := _design_key(r)) in wanted
    }


# --------------------------------------------------------------------------- report


def _fmt(x: float) -> str:
    return "n/a" if isinstance(x, float) and math.isnan(x) else f"{x:.2f}"


def _label_table(scores: dict) -> list[str]:
    out = [
        "| label | n pass 1 | n pass 2 | both | % agree | kappa | P | R | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in scores["labels"]:
        out.append(
            f"| `{r['label']}` | {r['n_ref']} | {r['n_hyp']} | {r['both']} | "
            f"{100 * r['agreement']:.1f} | {_fmt(r['kappa'])} | {_fmt(r['precision'])} | "
            f"{_fmt(r['recall'])} | {_fmt(r['f1'])} |"
        )
    return out


def _summary(name: str, s: dict, n: int) -> str:
    return (
        f"| {name} | {n} | {_fmt(s['micro_f1'])} | {_fmt(s['macro_f1'])} | "
        f"{100 * s['exact_match']:.1f} |"
    )


def _mean_kappa(s: dict) -> float:
    ks = [r["kappa"] for r in s["labels"] if not math.isnan(r["kappa"])]
    return sum(ks) / len(ks) if ks else math.nan


def themes_section(
    p1: dict[str, set[str]], p2: dict[str, set[str]], cited: set[str] = frozenset()
) -> list[str]:
    ids = [i for i in p2 if i in p1]
    missing = sorted(set(p2) - set(p1))
    review = [i for i in ids if not i.startswith("screening-")]
    neg = [i for i in ids if i.startswith("screening-")]
    out = [
        "## Recovery processes and themes",
        "",
        f"Units compared: {len(ids)} ({len(review)} review sentences, every one in "
        f"`annotations/themes.jsonl`; {len(neg)} screening negatives, "
        f"`random.Random({NEGATIVES_SEED}).sample(sorted ids, {NEGATIVES_K})`)."
        + (f" Not found in pass 1: {', '.join(missing)}." if missing else ""),
        "",
    ]
    out += [
        "| subset | units | micro F1 | macro F1 | exact match % |",
        "|---|---:|---:|---:|---:|",
    ]
    groups = {
        "all": ids,
        "review sentences": review,
        "review, cited in the guideline": [i for i in review if i in cited],
        "review, not cited": [i for i in review if i not in cited],
        "screening negatives": neg,
    }
    scores = {}
    for name, sub in groups.items():
        if not sub:
            continue
        ref, hyp = [p1[i] for i in sub], [p2[i] for i in sub]
        scores[name] = {
            k: multilabel_scores(ref, hyp, labs)
            for k, labs in (("processes", PROCESSES), ("themes", THEMES))
        }
        for k in ("processes", "themes"):
            out.append(_summary(f"{name}, {k}", scores[name][k], len(sub)))
    out += [
        "",
        (
            f'"Cited in the guideline": the review sentences `{THEMES_GUIDELINE}` names as '
            "worked examples (parsed from its text at run time); those decisions were visible to "
            "both passes."
        ),
        "",
        (
            "Pass 2 is scored against pass 1 as reference (P = share of pass-2 labels that pass 1 "
            "also gave, R = share of pass-1 labels that pass 2 also gave). Kappa and % agreement are "
            "per label over all units (binary: label given or not); `n/a` = one annotator never "
            "used the label or both always did."
        ),
        "",
    ]
    for k in ("processes", "themes"):
        s = scores["all"][k]
        out += [
            f"### Per label: {k} (all {len(ids)} units; mean kappa {_fmt(_mean_kappa(s))})",
            "",
        ]
        out += _label_table(s) + [""]
    # systematic differences: labels only one pass gave, and swaps inside the same unit
    only1, only2, swaps = Counter(), Counter(), Counter()
    for i in ids:
        a = p1[i] & set(THEMES)
        b = p2[i] & set(THEMES)
        only1.update(a - b)
        only2.update(b - a)
        for x in a - b:
            for y in b - a:
                swaps[(x, y)] += 1
    out += [
        "### Where the passes differ (themes)",
        "",
        "Theme given by pass 1 only: " + _counts(only1) + ".",
        "",
        "Theme given by pass 2 only: " + _counts(only2) + ".",
        "",
        "Swaps (pass 1 theme -> pass 2 theme in the same unit, both unmatched), most frequent: "
        + (
            ", ".join(f"`{x}` -> `{y}` ({n})" for (x, y), n in swaps.most_common(8))
            or "none"
        )
        + ".",
        "",
    ]
    out += [
        "### Disagreements for adjudication",
        "",
        (
            "Ids only; `-` = no label. Processes and themes together; labels both passes gave are "
            "listed as `agreed`."
        ),
        "",
        "| id | agreed | pass 1 only | pass 2 only |",
        "|---|---|---|---|",
    ]
    for i in ids:
        if p1[i] != p2[i]:
            out.append(
                f"| {i} | {_ls(p1[i] & p2[i])} | {_ls(p1[i] - p2[i])} | {_ls(p2[i] - p1[i])} |"
            )
    return out + [""]


def design_section(p1: dict[str, str], p2: dict[str, str]) -> list[str]:
    ids = [i for i in p2 if i in p1]
    missing = sorted(set(p2) - set(p1))
    a, b = [p1[i] for i in ids], [p2[i] for i in ids]
    used = [d for d in DESIGNS if d in a or d in b]
    m = confusion(a, b, used)
    s = multilabel_scores([{x} for x in a], [{y} for y in b], DESIGNS)
    out = [
        "## Study design",
        "",
        f"Records compared: {len(ids)} of the fixed test split (`{SPLITS}`), "
        f"`random.Random({DESIGN_SEED}).sample(sorted test ids, {DESIGN_K})`."
        + (f" Not found in pass 1: {', '.join(missing)}." if missing else ""),
        "",
        (
            f"- accuracy (pass 2 = pass 1): **{100 * percent_agreement(a, b):.1f}%** "
            f"({sum(x == y for x, y in zip(a, b))}/{len(ids)})"
        ),
        f"- Cohen's kappa: **{_fmt(cohen_kappa(a, b))}**",
        f"- macro F1 over designs present: {_fmt(s['macro_f1'])}",
        "",
        "### Per design",
        "",
    ]
    out += _label_table(s) + ["", "### Confusion (rows pass 1, columns pass 2)", ""]
    short = {
        d: d.replace("quasi_experimental", "quasi")
        .replace("cross_sectional", "cross_sec")
        .replace("mixed_methods", "mixed")
        .replace("systematic_review", "sys_rev")
        .replace("meta_analysis", "meta")
        .replace("narrative_review", "narr_rev")
        .replace("case_control", "case_ctrl")
        .replace("non_empirical", "non_emp")
        .replace("qualitative", "qual")
        for d in used
    }
    out.append("| pass 1 \\ pass 2 | " + " | ".join(short[d] for d in used) + " |")
    out.append("|---|" + "---:|" * len(used))
    for d, row in zip(used, m):
        out.append(
            f"| {short[d]} | " + " | ".join(str(v) if v else "." for v in row) + " |"
        )
    pairs = Counter((x, y) for x, y in zip(a, b) if x != y)
    out += [
        "",
        "Most frequent confusions (pass 1 -> pass 2): "
        + (
            ", ".join(f"`{x}` -> `{y}` ({n})" for (x, y), n in pairs.most_common(8))
            or "none"
        )
        + ".",
        "",
        "### Disagreements for adjudication",
        "",
        "| dataset:record_id | pass 1 | pass 2 |",
        "|---|---|---|",
    ]
    for i, x, y in zip(ids, a, b):
        if x != y:
            out.append(f"| {i} | `{x}` | `{y}` |")
    return out + [""]


def design_extension_section(p1: dict[str, str], p2: dict[str, str], path: str = PASS2_DESIGN_V2,
                             annotator: str = "agent:design-3", title: str = "second sample",
                             heading: str | None = None, description: str | None = None) -> list[str]:
    """Agreement on a train-only extension labelled later (first pass by ``annotator``), or on another
    second pass when ``heading`` and ``description`` say what it covers."""
    ids = [i for i in p2 if i in p1]
    a, b = [p1[i] for i in ids], [p2[i] for i in ids]
    pairs = Counter((x, y) for x, y in zip(a, b) if x != y)
    out = [
        heading or f"## Study design, train-split extension ({title})",
        "",
        description or (f"Records compared: {len(ids)}, drawn at random from the first-pass labels added to the train "
                        f"split by `{annotator}` (ids given to the second annotator without labels); pass 2 in "
                        f"`{path}`."),
        "",
        f"- accuracy: **{100 * percent_agreement(a, b):.1f}%** ({sum(x == y for x, y in zip(a, b))}/{len(ids)})",
        f"- Cohen's kappa: **{_fmt(cohen_kappa(a, b))}**",
        "- disagreements (pass 1 -> pass 2): "
        + (", ".join(f"`{x}` -> `{y}` ({n})" for (x, y), n in pairs.most_common(12)) or "none") + ".",
        "",
    ]
    return out


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"\w+", (text or "").lower()))


def _token_f1(a: str, b: str) -> float:
    x, y = _tokens(a), _tokens(b)
    if not x and not y:
        return 1.0
    if not x or not y:
        return 0.0
    overlap = len(x & y)
    return 0.0 if not overlap else 2 * overlap / (len(x) + len(y))


def load_claims_pair(root: Path = ROOT, pass1: str = PASS1_CLAIMS_ABSTRACTS,
                     pass2: str = PASS2_CLAIMS_ABSTRACTS) -> tuple[dict[str, dict], dict[str, dict]]:
    p2 = {r["id"]: r for r in _jsonl(root / pass2)}
    p1 = {r["id"]: r for r in _jsonl(root / pass1) if r["id"] in p2}
    return p1, p2


def _field(claim: dict, name: str) -> str:
    value = claim.get(name)
    return value.get("text", "") if isinstance(value, dict) else (value or "")


def claims_section(p1: dict[str, dict], p2: dict[str, dict], pair: tuple[str, str, str, str] = CLAIMS_PAIRS[0]) -> list[str]:
    """Sentence-level claim detection, then per matched claim: factor/outcome token F1,
    direction and strength agreement. Claims are matched greedily by factor token F1."""
    ids = [i for i in p2 if i in p1]
    a = [bool(p1[i]["is_claim"]) for i in ids]
    b = [bool(p2[i]["is_claim"]) for i in ids]
    factor, outcome, direction, strength, unmatched = [], [], [], [], 0
    for i in ids:
        left, right = list(p1[i].get("claims") or []), list(p2[i].get("claims") or [])
        for claim in left:
            if not right:
                unmatched += 1
                continue
            best = max(right, key=lambda c: _token_f1(_field(claim, "factor"), _field(c, "factor")))
            right.remove(best)
            factor.append(_token_f1(_field(claim, "factor"), _field(best, "factor")))
            outcome.append(_token_f1(_field(claim, "outcome"), _field(best, "outcome")))
            direction.append((claim["direction"], best["direction"]))
            strength.append((claim["strength"], best["strength"]))
        unmatched += len(right)
    mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")
    out = [
        ("## Claims in science findings" if "findings" in pair[0] else "## Claims in screening abstracts")
        + ("" if pair == CLAIMS_PAIRS[0] else f" (`{pair[0]}`)"),
        "",
        (f"Sentences compared: {len(ids)} ({pair[3]} from `{pair[0]}`, pass 1 `{pair[2]}`); "
         f"pass 2 in `{pair[1]}`."),
        "",
        (f"- claim sentence (yes/no): agreement **{100 * percent_agreement(a, b):.1f}%**, "
         f"Cohen's kappa **{_fmt(cohen_kappa(a, b))}** (pass 1 {sum(a)} claims, pass 2 {sum(b)})"),
        f"- matched claims: {len(direction)}; claims without a partner in the other pass: {unmatched}",
        f"- factor token F1 (mean over matched claims): {_fmt(mean(factor))}",
        f"- outcome token F1: {_fmt(mean(outcome))}",
        f"- direction agreement: {100 * percent_agreement([x for x, _ in direction], [y for _, y in direction]):.1f}%"
        if direction else "- direction agreement: n/a",
        f"- strength agreement: {100 * percent_agreement([x for x, _ in strength], [y for _, y in strength]):.1f}%"
        if strength else "- strength agreement: n/a",
        "",
    ]
    return out


def _counts(c: Counter) -> str:
    return ", ".join(f"`{k}` {v}" for k, v in c.most_common()) or "none"


def _ls(s: set[str]) -> str:
    order = {lab: i for i, lab in enumerate(PROCESSES + THEMES)}
    return ", ".join(sorted(s, key=lambda x: order.get(x, 99))) or "-"


def build_report(root: Path = ROOT) -> str:
    # Pass 2 must exist before pass 1 is read at all.
    for rel in (PASS2_THEMES, PASS2_DESIGN):
        if not (root / rel).is_file():
            raise FileNotFoundError(f"{rel} missing: write the blind second pass first")
    t2 = load_pass2_themes(root)
    d2 = load_pass2_design(root)
    t1 = load_pass1_themes(t2, root)
    d1 = load_pass1_design(d2, root)
    head = [
        "## How the passes were made",
        "",
        (
            "Pass 1: the hand labels in `annotations/themes.jsonl`, `annotations/themes_negatives.jsonl` "
            "(annotator in their provenance) and `annotations/design.jsonl` (`agent:design-1`). "
            "Pass 2: `annotations/second_pass/` (`agent:themes-2`, `agent:design-2`), labelled blind by "
            "reading the text under the same guidelines (`annotations/guidelines/themes.md`, "
            "`annotations/guidelines/design.md`) and codebook, without seeing pass 1; pass-1 labels were "
            "read only by this script, after pass 2 was saved."
        ),
        "",
        f"Reproduce: `{COMMAND}` (pure Python, no model; well under a second).",
        "",
        (
            "Both passes are agents, and the theme guideline cites many review sentences by id as "
            "worked examples, so agreement on those sentences is partly agreement with the guideline "
            "rather than independent reading. Treat the review-sentence figures as an upper bound."
        ),
        "",
    ]
    gpath = root / THEMES_GUIDELINE
    cited = (
        guideline_cited_ids(gpath.read_text(encoding="utf-8"), t2)
        if gpath.is_file()
        else set()
    )
    sections = head + themes_section(t1, t2, cited) + design_section(d1, d2)
    for path, annotator, title in DESIGN_EXTENSIONS:
        if (root / path).is_file():
            second = {_design_key(r): r["label"] for r in _jsonl(root / path)}
            sections += design_extension_section(load_pass1_design(second, root), second, path, annotator, title)
    path, annotator, second_annotators = DESIGN_TEST_COMPLETION
    if (root / path).is_file():
        second = {_design_key(r): r["label"] for r in _jsonl(root / path)}
        first = load_pass1_design(second, root)
        sections += design_extension_section(
            first, second, path, annotator,
            heading="## Study design, the rest of the test split",
            description=(f"Records compared: {len(set(second) & set(first))}, every test record the first second pass did not cover "
                         f"(first pass `{annotator}`, guideline v1.0; pass 2 {second_annotators}, blind, guideline "
                         f"v1.2, in `{path}`). Each disagreement was then adjudicated under v1.2 by "
                         "`agent:design-adjudicator-2` without any model output (`adjudication` in "
                         "`annotations/design.jsonl`), so every test label now rests on two readings."))
    for pair in CLAIMS_PAIRS:
        if (root / pair[0]).is_file() and (root / pair[1]).is_file():
            sections += claims_section(*load_claims_pair(root, pair[0], pair[1]), pair)
    return "\n".join(sections)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help=f"write {DOC}")
    ap.add_argument("--root", type=Path, default=ROOT, help="repository root")
    args = ap.parse_args(argv)
    report = build_report(args.root)
    print(report)
    if args.write:
        path = args.root / DOC
        path.parent.mkdir(parents=True, exist_ok=True)
        old = path.read_text(encoding="utf-8") if path.is_file() else ""
        path.write_text(merge_generated(old, report), encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return 0


TITLE = "# Inter-annotator agreement (first pass vs blind second pass)"
BEGIN = "<!-- BEGIN generated by `python training/agreement.py --write`; edits inside are overwritten -->"
END = "<!-- END generated -->"


def merge_generated(old: str, report: str) -> str:
    """Replace the generated block of ``old`` (hand-written text around it is kept)."""
    block = f"{BEGIN}\n{report.rstrip()}\n{END}\n"
    if BEGIN in old and END in old:
        head, rest = old.split(BEGIN, 1)
        return head + block + rest.split(END, 1)[1].lstrip("\n")
    return f"{TITLE}\n\n{block}"


if __name__ == "__main__":
    raise SystemExit(main())
