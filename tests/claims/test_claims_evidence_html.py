"""The evidence table's filter and the HTML report (review-15 finding 10): same selection, escaped text."""

from socialrecovery_nlp.claims.evidence import displacy_data, evidence_rows, keep, kept_claims, render_html

TEXT = "Peer <script>alert(2)</script> support reduced readmission. Clozapine reduced relapse."


def _claim(factor, f_start, outcome, o_start, *, social, direction="hinders", start=0, end=None):
    end = end if end is not None else len(TEXT)
    return {
        "text": TEXT[start:end], "start": start, "end": end, "direction": direction, "strength": "causal",
        "hedged": False, "certainty": "", "negated": False, "design": "rct", "citations": [], "themes": [],
        "social": social, "score": 0.9,
        "factor": {"text": factor, "start": f_start, "end": None if f_start is None else f_start + len(factor)},
        "outcome": {"text": outcome, "start": o_start, "end": None if o_start is None else o_start + len(outcome)},
    }


SOCIAL = _claim(TEXT[:38], 0, "readmission", TEXT.index("readmission"), social=True, end=TEXT.index(".") + 1)
NOT_SOCIAL = _claim("Clozapine", TEXT.index("Clozapine"), "relapse", TEXT.index("relapse"), social=False,
                    start=TEXT.index("Clozapine"))


def test_kept_claims_is_the_evidence_table_filter():
    claims = [SOCIAL, NOT_SOCIAL]
    for all_claims in (False, True):
        kept = kept_claims(claims, all_claims)
        assert kept == [c for c in claims if keep(c, all_claims)]
        rows = evidence_rows("r1", claims, "t", all_claims)
        assert [(r["factor"], r["outcome"]) for r in rows] == [
            (c["factor"]["text"], c["outcome"]["text"]) for c in kept]
    assert kept_claims(claims) == [SOCIAL]


def test_displacy_data_escapes_title_id_and_labels():
    odd = _claim("", None, "recovery", None, social=True, direction="<img src=x onerror=alert(4)>")
    data = displacy_data('r"1<script>alert(0)</script>', TEXT, [odd], "T <script>alert(1)</script> & co")
    assert "<script>" not in data["title"] and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in data["title"]
    assert all("<" not in ent["label"] for ent in data["ents"])
    assert data["text"] == TEXT  # displaCy escapes the text itself


def test_render_html_has_no_raw_markup_from_records():
    claims = [SOCIAL, NOT_SOCIAL]
    page = render_html([displacy_data("r1<script>", TEXT, claims, "<script>alert(1)</script>")], [claims])
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page  # record text, escaped by displaCy (highlighted span)
    assert page.count("<li>") == 2 and "FACTOR" in page and "OUTCOME" in page


def test_render_html_shows_only_the_claims_it_is_given():
    kept = kept_claims([SOCIAL, NOT_SOCIAL])
    page = render_html([displacy_data("r1", TEXT, kept, "title")], [kept])
    assert page.count("<li>") == 1 and "Clozapine —" not in page
    assert page.count("FACTOR") == 1  # the dropped claim is not highlighted
