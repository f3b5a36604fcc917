"""Guideline v1.2 label audit of ``annotations/claims_abstracts.jsonl`` (issue #5, agent:claims-5).

    python bench/claims_relabel_v12.py [--check]

Every non-claim sentence of the file was read against the guideline (v1.1 section "Abstracts":
group comparisons that name the group are claims; "an association / correlation between A and B";
relations asserted in background sentences). The sentences listed below were relabelled as claims;
each gets ``provenance.revised`` with the reason. Spans are given as text and located inside the
sentence (``occurrence`` picks the n-th match), so offsets always index the record's abstract.
Claim sentences were checked for the reverse error (none is a non-claim); three get changed claims
(``CLAIM_EDITS``). Idempotent: rows already revised are left alone. ``--check`` only reports what would
change. Result: 27 rows revised (24 non-claims relabelled: 19 ``finding``, 5 ``background``; 3 claim
sentences), 173 -> 210 claims, 152 -> 176 claim sentences.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATH = ROOT / "annotations" / "claims_abstracts.jsonl"
BY = "agent:claims-5"
VERSION = "1.2"
DATE = "2026-11-26"

GROUP = "group comparison naming the group (guideline 'Abstracts': Group comparisons), was labelled finding"


def C(factor, outcome, direction, strength="correlational", hedge=None, negation=None, citations=(), social=False,
      f_occ=1, o_occ=1):
    return {"factor": factor, "outcome": outcome, "direction": direction, "strength": strength, "hedge": hedge,
                "negation": negation, "citations": list(citations), "social": social, "f_occ": f_occ, "o_occ": o_occ}


#: id suffix -> (reason, claims)
EDITS: dict[str, tuple[str, list[dict]]] = {
    "Nagtegaal_2019_nudging-433-s11": (GROUP + " (decrease more pronounced in the intervention arm)", [
        C("the intervention arm", "low density lipoprotein levels", "promotes")]),
    "synergy_Oud_2018-720-s10": (GROUP + " (improvements in the R&S + AaR group, odds ratios against control; cf. "
                                 "synergy_Oud_2018-94-s07)", [
        C("the R&amp;S + AaR group", "one sport", "promotes"),
        C("the R&amp;S + AaR group", "both physical activity outcomes", "promotes")]),
    "synergy_van_der_Valk_2021-106-s08": (GROUP + " ('Y were higher in X compared with Z')", [
        C("the obese children", "Body weight, BMI, BMI-SDS, and waist circumference", "hinders")]),
    "synergy_van_der_Valk_2021-641-s06": (GROUP + " ('higher amount of Y in X than Z'; valence unknown: promotes)", [
        C("the surface layers of SC", "amount of cortisone", "promotes")]),
    "synergy_van_der_Valk_2021-24-s12": (GROUP + " ('Males showed higher Y but lower Z than females'; valence as in "
                                         "s11 of the same abstract, AEA unknown: decrease -> hinders)", [
        C("Males", "2-AG and cortisone levels", "hinders"),
        C("Males", "AEA levels", "hinders", f_occ=1)]),
    "synergy_van_der_Valk_2021-427-s03": (GROUP + " ('Y of X were greater than those with Z'; valence unknown)", [
        C("patients with pathological etiologies", "The weight and height", "promotes")]),
    "synergy_van_der_Valk_2021-427-s04": (GROUP + " ('X had greater levels of Y than Z'; valence unknown)", [
        C("Patients with congenital adrenal hyperplasia", "levels of basal and peak 17-hydroxyprogesterone", "promotes")]),
    "synergy_van_der_Valk_2021-427-s05": (GROUP + " ('X had greater level of Y than Z'; valence unknown)", [
        C("Patients with adrenocortical carcinoma", "level of DHEAS", "promotes")]),
    "Cohen_2006_ADHD-545-s03": (GROUP + " ('showed larger Y for the schizophrenia subjects'; valence unknown)", [
        C("the schizophrenia subjects", "left frontal ventricular horn area", "promotes"),
        C("the schizophrenia subjects", "left caudate", "promotes")]),
    "Cohen_2006_ADHD-545-s04": (GROUP + " ('decreased / increased Y in the schizophrenia subjects'; valence unknown) "
                                "and a hedged causal relative clause ('which may be secondary to X')", [
        C("the schizophrenia subjects", "right parietal/occipital glucose metabolic rate", "hinders"),
        C("poor attentional performance", "which", "hinders", strength="conditional_causal", hedge="may"),
        C("the schizophrenia subjects", "glucose metabolic rate in three left frontal regions, a left parietal region, "
          "and the right putamen", "promotes")]),
    "Cohen_2006_ADHD-73-s04": (GROUP + " ('Y differed with X': the grouping names the factor; valence unknown)", [
        C("route of administration and modality of sensory testing", "Clonidine's effect", "promotes")]),
    "Cohen_2006_ADHD-749-s03": (GROUP + " ('Y varied across X': the grouping names the factor; improvement good)", [
        C("dosage and area of functioning", "the degree of improvement", "promotes")]),
    "Cohen_2006_ADHD-73-s06": (GROUP + " ('Y was similar between the two routes' -> no_effect, as "
                               "synergy_van_der_Valk_2021-641-s05; 'more potent after intrathecal than epidural "
                               "injection', outcome implicit)", [
        C("the two routes of injection", "the potency of clonidine to reduce capsaicin-induced allodynia", "no_effect",
          negation="similar"),
        C("intrathecal", None, "promotes", f_occ=1)]),
    "Cohen_2006_ADHD-129-s08": (GROUP + " ('Y tended to be larger among X')", [
        C("the subgroup of patients with chronic depression", "The advantage of pharmacotherapy over CBT", "promotes")]),
    "Cohen_2006_ADHD-788-s05": (("'correlations between A and B' (guideline 'Abstracts': association between A and B), "
                                "was labelled finding; negative symptoms are bad outcomes (as s04 of this abstract)"), [
        C("parkinsonism", "affective flattening", "hinders"),
        C("psychomotor slowing", "avolition", "hinders")]),
    "Cohen_2006_ADHD-195-s06": (GROUP + " ('Y observed with X were less than those observed with Z, but not different "
                                "from controls'; PRL bad as in s08 of this abstract)", [
        C("olanzapine treatment", "the PRL values", "promotes"),
        C("olanzapine treatment", "the PRL values", "no_effect", negation="not different")]),
    "Cohen_2006_ADHD-195-s09": (("hedged causal explanation ('may be attributed to X'), as "
                                "synergy_van_der_Valk_2021-264-s10 ('could be explained by'); was labelled finding"), [
        C("olanzapine's differential effects on dopamine neurotransmission", "This finding", "promotes",
          strength="conditional_causal", hedge="may")]),
    "synergy_Sep_2021-109-s04": (GROUP + " ('changes in ovariectomized rats ... vs. naive and sham'; no sign given: "
                                 "associate x memory (good) -> promotes, a weak label)", [
        C("ovariectomized rats", "long-term non-spatial memory", "promotes"),
        C("ovariectomized rats", "spatial memory", "promotes", o_occ=2)]),
    "synergy_Sep_2021-198-s09": (GROUP + " (reported literature: 'X showed impaired Y and reduced Z')", [
        C("SHANK3Δ11 -/-", "flexibility", "hinders"),
        C("SHANK3Δ11 -/-", "sociability", "hinders")]),
    "Nagtegaal_2019_nudging-1649-s00": (("relation asserted in a background sentence ('X ... with detrimental effects on "
                                        "Y'), as other first sentences (e.g. Nagtegaal_2019_nudging-596-s00); was "
                                        "background"), [
        C("Sleep disturbance", "health outcomes", "hinders", strength="causal")]),
    "Nagtegaal_2019_nudging-344-s01": (("relation asserted in a background sentence ('clear evidence for X influencing "
                                       "the risk of Y'); outcome wrapper 'the risk of' dropped; was background"), [
        C("additional genetic factors", "disease", "hinders", strength="causal"),
        C("additional genetic factors", "the pattern of gut inflammation in Crohn's disease", "hinders",
          strength="causal")]),
    "synergy_Oud_2018-700-s00": (("relation asserted in a background sentence ('X places a significant burden on Y'), "
                                 "as synergy_Oud_2018-54-s00; was background"), [
        C("Borderline personality disorder", "healthcare providers and other agencies", "hinders", strength="causal")]),
    "synergy_Oud_2018-79-s00": (("reported relation with a citation ('literature has also suggested that X have "
                                "impairments in Y'), as Nagtegaal_2019_nudging-1839-s00; was background"), [
        C("BPD patients", "neuropsychological functioning", "hinders", hedge="suggested",
          citations=["Ruocco, 2005"])]),
    "synergy_Oud_2018-89-s00": (("'comorbidity between A and B' found by research (guideline 'Abstracts': association "
                                 "between A and B); was background"), [
        C("narcissistic personality disorder (NPD)", "borderline personality disorder (BPD)", "hinders")]),
}


#: claim sentences whose claims change (the reverse check): id suffix -> (reason, function(row) -> claims)
def _risperidone(row: dict) -> list[dict]:
    claims = row["claims"]
    a = _find(row["text"], "risperidone and haloperidol", 1) + row["start"]
    claims[0]["factor"] = {"text": "risperidone and haloperidol", "start": a, "end": a + len("risperidone and haloperidol")}
    return claims


def _amitriptyline(row: dict) -> list[dict]:
    extra = _claim(row, C("amitriptyline and placebo", None, "no_effect", negation="no difference"))
    extra["design"] = row["claims"][0]["design"]
    return row["claims"] + [extra]


def _treated(row: dict) -> list[dict]:
    extra = _claim(row, C("treated patients", "Psychomotor reaction time, parkinsonism, affective flattening and avolition",
                          "hinders"))
    return [extra] + row["claims"]


CLAIM_EDITS = {
    "Cohen_2006_ADHD-788-s04": (("v1.2 group comparison missing: 'Y were increased in treated patients relative to the "
                                "untreated cohort' is a second claim (factor the group; symptoms bad -> hinders)"),
                                _treated),
    "Cohen_2006_ADHD-210-s10": (("v1.2: 'no difference between A and B in Y' -> factor the grouping as written "
                                "('risperidone and haloperidol', was 'risperidone')"), _risperidone),
    "synergy_Oud_2018-218-s03": (("v1.2: 'with no difference between amitriptyline and placebo' is a second claim "
                                 "(named groups, no_effect; outcome implicit: the same measure)"), _amitriptyline),
}


def _find(text: str, phrase: str, occurrence: int) -> int:
    pos = -1
    for _ in range(occurrence):
        pos = text.find(phrase, pos + 1)
        if pos < 0:
            raise ValueError(f"{phrase!r} (occurrence {occurrence}) not in {text!r}")
    return pos


def _claim(row: dict, spec: dict) -> dict:
    text, base = row["text"], row["start"]

    def span(phrase, occ):
        if phrase is None:
            return {"text": "recovery", "start": None, "end": None}
        a = _find(text, phrase, occ)
        return {"text": phrase, "start": base + a, "end": base + a + len(phrase)}

    citations = []
    for cite in spec["citations"]:
        a = _find(text, cite, 1)
        authors, _, year = cite.partition(", ")
        citations.append({"text": cite, "start": base + a, "end": base + a + len(cite), "authors": authors,
                          "year": year, "pages": None})
    return {"text": row["text"], "start": row["start"], "end": row["end"],
            "factor": span(spec["factor"], spec["f_occ"]), "outcome": span(spec["outcome"], spec["o_occ"]),
            "direction": spec["direction"], "strength": spec["strength"], "hedged": spec["hedge"] is not None,
            "hedge_cue": spec["hedge"], "negated": spec["negation"] is not None, "negation_cue": spec["negation"],
            "citations": citations, "design": "unclear", "themes": [], "social": spec["social"]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    rows = [json.loads(line) for line in PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_id = {r["id"]: r for r in rows}
    changed = 0
    for suffix, (reason, specs) in EDITS.items():
        row = by_id["abs-" + suffix]
        if "revised" in row["provenance"]:
            continue
        old_kind = row["kind"]
        row["claims"] = [_claim(row, s) for s in specs]
        row["is_claim"], row["kind"] = True, "claim"
        row["provenance"]["revised"] = {"by": BY, "guideline_version": VERSION, "date": DATE,
                                        "from_kind": old_kind, "reason": reason}
        changed += 1
        if args.check:
            print(suffix, old_kind, "->", [(c["factor"]["text"], c["outcome"]["text"], c["direction"]) for c in row["claims"]])
    for suffix, (reason, edit) in CLAIM_EDITS.items():
        row = by_id["abs-" + suffix]
        if "revised" in row["provenance"]:
            continue
        row["claims"] = edit(row)
        row["provenance"]["revised"] = {"by": BY, "guideline_version": VERSION, "date": DATE, "from_kind": row["kind"],
                                        "reason": reason}
        changed += 1
        if args.check:
            print(suffix, [(c["factor"]["text"], c["outcome"]["text"], c["direction"]) for c in row["claims"]])
    if not args.check:
        PATH.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{changed} sentences changed")


if __name__ == "__main__":
    main()
