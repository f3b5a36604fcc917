"""The seed annotations: offsets slice the source copy, labels are codebook ids, provenance set."""

from socialrecovery_nlp.claims.data import load_annotations
from socialrecovery_nlp.codebook import load_codebook


def test_annotations_are_consistent():
    rows = load_annotations()  # raises if any offset does not slice the source text
    codebook = load_codebook()
    directions, strengths = set(codebook.ids("directions")), set(codebook.ids("strengths"))
    designs, themes = set(codebook.ids("designs")), set(codebook.ids("themes"))
    assert len(rows) > 140 and {r["split"] for r in rows} == {"train", "test"}
    for row in rows:
        assert row["provenance"]["annotator"] == "agent:claims-1"
        assert row["is_claim"] == bool(row["claims"]) == (row["kind"] == "claim")
        for claim in row["claims"]:
            assert claim["direction"] in directions and claim["strength"] in strengths
            assert claim["design"] in designs and set(claim["themes"]) <= themes
            assert row["start"] <= claim["factor"]["start"] < claim["factor"]["end"] <= row["end"]
            assert claim["hedged"] == bool(claim["hedge_cue"])
    paragraphs = {}
    for row in rows:  # split by paragraph: a paragraph never straddles train and test
        paragraphs.setdefault(row["paragraph"], set()).add(row["split"])
    assert all(len(s) == 1 for s in paragraphs.values())
