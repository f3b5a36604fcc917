"""Agreement statistics (hand-computed tables) and the shape of the blind second pass."""

import importlib.util
import json
import math
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load():
    spec = importlib.util.spec_from_file_location(
        "srnlp_agreement", ROOT / "training" / "agreement.py"
    )
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


ag = _load()


def _expand(table, labels):
    """Rows annotator A, columns annotator B -> two label sequences."""
    a, b = [], []
    for i, row in enumerate(table):
        for j, n in enumerate(row):
            a += [labels[i]] * n
            b += [labels[j]] * n
    return a, b


def test_kappa_binary_hand_computed():
    # yes/yes 20, yes/no 5, no/yes 10, no/no 15: po = 0.7, pe = 0.5*0.6 + 0.5*0.4 = 0.5
    a, b = _expand([[20, 5], [10, 15]], [True, False])
    assert ag.percent_agreement(a, b) == pytest.approx(0.7)
    assert ag.cohen_kappa(a, b) == pytest.approx(0.4)
    assert ag.cohen_kappa(b, a) == pytest.approx(0.4)


def test_kappa_three_classes_hand_computed():
    # po = 23/30; pe = (12*11 + 10*13 + 8*6) / 900 = 310/900; kappa = 380/590
    table = [[10, 2, 0], [1, 8, 1], [0, 3, 5]]
    labels = ["rct", "cohort", "qualitative"]
    a, b = _expand(table, labels)
    assert ag.cohen_kappa(a, b) == pytest.approx(380 / 590)
    assert ag.confusion(a, b, labels) == table


def test_kappa_edge_cases():
    assert ag.cohen_kappa(["x", "y", "x"], ["x", "y", "x"]) == pytest.approx(1.0)
    assert math.isnan(ag.cohen_kappa([False] * 4, [False] * 4))  # chance agreement is 1
    assert ag.cohen_kappa(["x", "y"], ["y", "x"]) == pytest.approx(-1.0)
    with pytest.raises(ValueError):
        ag.cohen_kappa(["x"], ["x", "y"])
    with pytest.raises(ValueError):
        ag.cohen_kappa([], [])


def test_multilabel_scores_hand_computed():
    ref = [{"a"}, {"a", "b"}, set()]
    hyp = [{"a"}, {"b"}, {"b"}]
    s = ag.multilabel_scores(ref, hyp, ["a", "b", "c"])
    rows = {r["label"]: r for r in s["labels"]}
    assert (rows["a"]["precision"], rows["a"]["recall"]) == (1.0, 0.5)
    assert (rows["b"]["precision"], rows["b"]["recall"]) == (0.5, 1.0)
    assert rows["a"]["f1"] == pytest.approx(2 / 3)
    assert s["micro_f1"] == pytest.approx(2 / 3)  # tp 2, fp 1, fn 1
    assert s["macro_f1"] == pytest.approx(2 / 3)  # "c" absent from both: not averaged
    assert s["exact_match"] == pytest.approx(1 / 3)
    assert math.isnan(rows["c"]["kappa"])


def test_guideline_citations_parsed():
    # Illustrative text, not the real guideline.
    text = (
        "version themes-1.0\n## The unit and the question\n(56.2-56.3; 37.x; 0.4)\n"
        "codebook 1.0.0\n## Out-of-field negatives\n(1.1)\n"
    )
    ids = [
        "tew2011-p00-s04",
        "tew2011-p01-s01",
        "tew2011-p37-s00",
        "tew2011-p37-s03",
        "tew2011-p56-s01",
        "tew2011-p56-s02",
        "tew2011-p56-s03",
        "tew2011-p57-s00",
    ]
    assert ag.guideline_cited_ids(text, ids) == {
        "tew2011-p00-s04",
        "tew2011-p37-s00",
        "tew2011-p37-s03",
        "tew2011-p56-s02",
        "tew2011-p56-s03",
    }


def test_label_ids_match_codebook():
    from socialrecovery_nlp.codebook import load_codebook

    cb = load_codebook()
    assert list(ag.PROCESSES) == cb.ids("processes")
    assert list(ag.THEMES) == cb.ids("themes")
    assert list(ag.DESIGNS) == cb.ids("designs")


def _write_jsonl(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_report_end_to_end_on_synthetic_files(tmp_path):
    # Synthetic annotations (illustrative ids, not data) in a fake repository root.
    lab = lambda p, t: {"processes": p, "themes": t}
    _write_jsonl(
        tmp_path / "annotations/themes.jsonl",
        [
            {
                "id": "tew2011-p01-s00",
                "labels": lab(["identity"], ["social_identities"]),
            },
            {"id": "tew2011-p02-s00", "labels": lab([], [])},
        ],
    )
    _write_jsonl(
        tmp_path / "annotations/themes_negatives.jsonl",
        [{"id": "screening-x-1", "labels": lab([], [])}],
    )
    _write_jsonl(
        tmp_path / "annotations/second_pass/themes.jsonl",
        [
            {
                "id": "tew2011-p01-s00",
                "labels": lab(["identity"], ["social_identities"]),
            },
            {"id": "tew2011-p02-s00", "labels": lab(["hope"], [])},
            {"id": "screening-x-1", "labels": lab([], [])},
        ],
    )
    _write_jsonl(
        tmp_path / "annotations/design.jsonl",
        [
            {"dataset": "d", "record_id": 1, "label": "rct"},
            {"dataset": "d", "record_id": 2, "label": "cohort"},
        ],
    )
    _write_jsonl(
        tmp_path / "annotations/second_pass/design.jsonl",
        [
            {"dataset": "d", "record_id": "1", "label": "rct"},
            {"dataset": "d", "record_id": "2", "label": "rct"},
        ],
    )
    assert ag.main(["--root", str(tmp_path), "--write"]) == 0
    doc = (tmp_path / ag.DOC).read_text(encoding="utf-8")
    assert doc.startswith(ag.TITLE)
    assert "accuracy (pass 2 = pass 1): **50.0%** (1/2)" in doc
    assert "| d:2 | `cohort` | `rct` |" in doc
    assert "| tew2011-p02-s00 | - | - | hope |" in doc


def test_report_refuses_without_second_pass(tmp_path):
    with pytest.raises(FileNotFoundError):
        ag.build_report(tmp_path)


def test_second_pass_files_cover_the_stated_samples():
    """Reads only ids from the first-pass files, never their labels."""
    review = [
        json.loads(x)["id"]
        for x in (ROOT / "annotations/themes.jsonl").open(encoding="utf-8")
    ]
    neg = [
        json.loads(x)["id"]
        for x in (ROOT / "annotations/themes_negatives.jsonl").open(encoding="utf-8")
    ]
    rows = [json.loads(x) for x in (ROOT / ag.PASS2_THEMES).open(encoding="utf-8")]
    assert [r["id"] for r in rows] == review + [
        i for i in neg if i in set(ag.negatives_sample(neg))
    ]
    parents = {
        "empowerment": ag.THEMES[:5],
        "identity": ag.THEMES[5:9],
        "connectedness": ag.THEMES[9:],
    }
    for r in rows:
        assert r["annotator"] == "agent:themes-2"
        assert set(r["labels"]["processes"]) <= set(ag.PROCESSES)
        assert set(r["labels"]["themes"]) <= set(ag.THEMES)
        for proc, kids in parents.items():  # a theme always brings its parent process
            if set(kids) & set(r["labels"]["themes"]):
                assert proc in r["labels"]["processes"], r["id"]
    test_ids = json.loads((ROOT / ag.SPLITS).read_text(encoding="utf-8"))["test"]
    design = [json.loads(x) for x in (ROOT / ag.PASS2_DESIGN).open(encoding="utf-8")]
    assert sorted(f"{r['dataset']}:{r['record_id']}" for r in design) == sorted(
        ag.design_sample(test_ids)
    )
    assert all(
        r["label"] in ag.DESIGNS and r["annotator"] == "agent:design-2" for r in design
    )


def test_merge_keeps_hand_written_text():
    old = f"# T\n\nintro\n\n{ag.BEGIN}\nold numbers\n{ag.END}\n\n## Notes\nkept\n"
    new = ag.merge_generated(old, "new numbers\n")
    assert new == f"# T\n\nintro\n\n{ag.BEGIN}\nnew numbers\n{ag.END}\n## Notes\nkept\n"


def test_claims_section_matches_claims_and_scores_fields():
    claim = lambda f, o, d, s: {"factor": {"text": f}, "outcome": {"text": o}, "direction": d, "strength": s}
    p1 = {
        "a": {"is_claim": True, "claims": [claim("peer support", "hope", "promotes", "correlational")]},
        "b": {"is_claim": False, "claims": []},
        "c": {"is_claim": True, "claims": [claim("stigma", "self-esteem", "hinders", "causal")]},
    }
    p2 = {
        "a": {"is_claim": True, "claims": [{"factor": "peer support groups", "outcome": "hope",
                                            "direction": "promotes", "strength": "correlational"}]},
        "b": {"is_claim": False, "claims": []},
        "c": {"is_claim": False, "claims": []},
    }
    text = "\n".join(ag.claims_section(p1, p2))
    assert "agreement **66.7%**" in text
    assert "matched claims: 1; claims without a partner in the other pass: 1" in text
    assert "factor token F1 (mean over matched claims): 0.80" in text
    assert "direction agreement: 100.0%" in text
