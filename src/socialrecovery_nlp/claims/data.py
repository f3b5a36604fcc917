"""Training and evaluation data for claims: the seed annotations and the external sets.

Paths are relative to the repository (``annotations/``, ``data/claims/``); see
``data/DATASETS.md`` for sources and licences.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from ..paths import SOURCE_ROOT

ANNOTATIONS = SOURCE_ROOT / "annotations" / "claims.jsonl"
CLAIMS_DATA = SOURCE_ROOT / "data" / "claims"


def load_annotations(path: str | Path = ANNOTATIONS, check: bool = True) -> list[dict]:
    """The annotated sentences (one dict per sentence, ``claims`` inside); offsets verified."""
    path = Path(path)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if check and rows:
        source = (path.parent.parent / rows[0]["source"]) if not Path(rows[0]["source"]).is_absolute() else Path(rows[0]["source"])
        text = source.read_text(encoding="utf-8")
        for row in rows:
            if text[row["start"]:row["end"]] != row["text"]:
                raise ValueError(f"{path}: {row['id']} offsets do not slice its source text")
            for claim in row["claims"]:
                for part in ("factor", "outcome"):
                    span = claim[part]
                    if span["start"] is not None and text[span["start"]:span["end"]] != span["text"]:
                        raise ValueError(f"{path}: {row['id']} {part} offsets do not slice the source")
    return rows


def countercausality(split: str = "train", root: Path = CLAIMS_DATA) -> tuple[list[str], list[int]]:
    """Countercausal News Corpus (CC-BY-4.0) causality detection: texts, 1 causal / 0 uncausal."""
    texts, labels = [], []
    path = root / "countercausality" / "causality-detection" / f"{split}.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        texts.append(row["text"])
        labels.append(int(row["label"]))
    return texts, labels


def certainty_findings(split: str | None = "train", root: Path = CLAIMS_DATA) -> list[dict]:
    """Pei & Jurgens (2021) sentence-level certainty (MIT): ``finding`` + certainty 1-6."""
    path = root / "certainty" / "sentence-level-certainty.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split is None or r.get("split") == split]


def evidence_inference(split: str = "test", root: Path = CLAIMS_DATA) -> list[dict]:
    """Evidence Inference 2.0 (MIT) rows of one article split, joined with their prompts.

    Each row: ``evidence`` (text), ``outcome``, ``intervention``, ``comparator``, ``label``
    (+1 significantly increased, -1 significantly decreased, 0 no significant difference; from
    ``Label Code``), ``pmcid``.
    """
    base = root / "evidence_inference"
    ids = set((base / "splits" / f"{split}_article_ids.txt").read_text().split())
    prompts = {}
    with open(base / "prompts_merged.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            prompts[row["PromptID"]] = row
    out = []
    with open(base / "v2_annotations.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["PMCID"] not in ids or row.get("Valid Label") != "True":
                continue
            prompt = prompts.get(row["PromptID"])
            evidence = (row.get("Annotations") or "").strip()
            if not prompt or not evidence:
                continue
            out.append({"evidence": evidence, "outcome": prompt["Outcome"], "intervention": prompt["Intervention"],
                        "comparator": prompt["Comparator"], "label": int(float(row["Label Code"])),
                        "pmcid": row["PMCID"], "prompt_id": row["PromptID"]})
    return out


ABSTRACT_ANNOTATIONS = SOURCE_ROOT / "annotations" / "claims_abstracts.jsonl"
#: Files of annotated abstract sentences: v1 (88 abstracts, train), v2, v4 to v8 (60 random abstracts
#: each, train; v4 was the development set of the claims@0.6.0 round, v7 and v8 those of the claims@0.7.0
#: round, before they joined training), v9 (37 review-style abstracts: every sentence unit of narrative
#: reviews, commentaries, qualitative and mixed-methods studies; the development set of the claims@0.8.0
#: round, then training), v11 to v18 (37 review-style abstracts each, claims@0.9.0: v11 and v12 the round's
#: development sets, v15 to v18 drawn by the design model's predicted label; all training), v19 and v20 (60 random
#: abstracts each) and v21, v22 (37 review-style abstracts each, by predicted label; claims@0.12.0, training) and
#: two held-out test files (``split: "test"``, never trained or tuned on): v3 (60 random abstracts) and v10 (37
#: review-style abstracts drawn like v9). v23 to v26 (annotated the same way) are development data, in neither list, and
#: so are v27 (60 random abstracts), v28 and v29 (37 review-style ones each), drawn and annotated on 2026-11-27
#: (fourth round, ``split: "dev"``) and scored before their errors were read.
TRAINING_ABSTRACT_FILES = (ABSTRACT_ANNOTATIONS, *(SOURCE_ROOT / "annotations" / f"claims_abstracts_{v}.jsonl"
                                                   for v in ("v2", "v4", "v5", "v6", "v7", "v8", "v9", "v11", "v12",
                                                             "v13", "v14", "v15", "v16", "v17", "v18",
                                                             "v19", "v20", "v21", "v22")))
RANDOM_TEST_ABSTRACTS = SOURCE_ROOT / "annotations" / "claims_abstracts_v3.jsonl"
REVIEW_STYLE_TEST_ABSTRACTS = SOURCE_ROOT / "annotations" / "claims_abstracts_v10.jsonl"
TEST_ABSTRACT_FILES = (RANDOM_TEST_ABSTRACTS, REVIEW_STYLE_TEST_ABSTRACTS)
#: Titles of screening records (guideline v1.3, "Titles"; ``annotations/sample_claim_titles.py``): t1 is the
#: development sample of the title rules, t2 (``split: "test"``) their held-out test sample. Neither is trained on.
TITLE_DEV = SOURCE_ROOT / "annotations" / "claims_titles_t1.jsonl"
TITLE_TEST = SOURCE_ROOT / "annotations" / "claims_titles_t2.jsonl"
#: Single-sentence science findings about social life, psychology and mental health (Pei & Jurgens 2021, MIT;
#: ``annotations/sample_claim_findings.py``): the first annotated sample in the forms of the social and psychological
#: literature. The dev half may be read; the test half (``split: "test"``) is held out. Neither is trained on.
FINDINGS_DATASET = "pei_jurgens_2021_certainty"
FINDINGS_DEV = SOURCE_ROOT / "annotations" / "claims_findings_f1_dev.jsonl"
FINDINGS_TEST = SOURCE_ROOT / "annotations" / "claims_findings_f1_test.jsonl"


def abstract_rows(split: str, paths=None) -> list[dict]:
    """Annotated abstract sentences of one ``split`` ("train" or "test"), read from the files of
    that split (or ``paths``) that exist."""
    if paths is None:
        paths = TRAINING_ABSTRACT_FILES if split == "train" else TEST_ABSTRACT_FILES
    return [r for p in paths if Path(p).is_file() for r in load_abstract_annotations(p) if r["split"] == split]


def screening_abstracts(dataset: str, root: Path = SOURCE_ROOT / "data" / "screening", field: str = "abstract") -> dict[str, str]:
    """``{record_id: abstract}`` (or another ``field``, e.g. ``title``) of one screening CSV
    (``data/screening/<dataset>.csv``)."""
    with open(root / f"{dataset}.csv", newline="", encoding="utf-8") as handle:
        return {row["record_id"]: row.get(field) or "" for row in csv.DictReader(handle)}


def load_abstract_annotations(path: str | Path = ABSTRACT_ANNOTATIONS, check: bool = True) -> list[dict]:
    """Annotated sentences of screening abstracts (``annotations/claims_abstracts.jsonl``).

    Same fields as :func:`load_annotations`; ``start``/``end`` (and the claims' offsets) index the
    abstract of record ``provenance.record_id`` in ``data/screening/<provenance.dataset>.csv``
    (its title for rows of ``section`` "Title", e.g. ``annotations/claims_titles_t1.jsonl``; the finding of that id
    in the certainty data for :data:`FINDINGS_DATASET` rows), which ``check`` verifies.
    """
    path = Path(path)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if check:
        cache: dict[str, dict[str, str]] = {}
        for row in rows:
            dataset = row["provenance"]["dataset"]
            field = "title" if row.get("section") == "Title" else "abstract"
            if dataset == FINDINGS_DATASET and (dataset, field) not in cache:
                cache[(dataset, field)] = {str(r["id"]): r["finding"] for r in certainty_findings(None)}
            if (dataset, field) not in cache:
                root = path.parent.parent / "data" / "screening"  # a file in annotations/
                if not (root / f"{dataset}.csv").is_file():
                    root = SOURCE_ROOT / "data" / "screening"  # elsewhere (annotations/second_pass/, a copy)
                cache[(dataset, field)] = screening_abstracts(dataset, root, field)
            text = cache[(dataset, field)].get(row["provenance"]["record_id"], "")
            if text[row["start"]:row["end"]] != row["text"]:
                raise ValueError(f"{path}: {row['id']} offsets do not slice its {field}")
            for claim in row["claims"]:
                for part in ("factor", "outcome"):
                    span = claim[part]
                    if span["start"] is not None and text[span["start"]:span["end"]] != span["text"]:
                        raise ValueError(f"{path}: {row['id']} {part} offsets do not slice the {field}")
    return rows
