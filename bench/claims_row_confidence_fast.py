"""Row confidence in fast mode (``--fast-claims``: TF-IDF detection and the rules' spans) on the held-out sets.

    python bench/claims_row_confidence_fast.py

``python -m socialrecovery_nlp.claims.evaluate`` scores the full model only; this scores the fast-mode weights of the
same ``row_confidence.json`` on the end-to-end rows of the held-out abstract and title sets (v3, v10, t2), which no
part of the model was fitted or chosen on. Prints, per set, rows, right rows, ROC AUC of ``confidence`` and of the
detector's score, the mean confidence and what each cut-off keeps (``claims.row_match.row_metrics``).
"""

from __future__ import annotations

import json
import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main() -> None:
    from socialrecovery_nlp.claims import data as claim_data
    from socialrecovery_nlp.claims.evaluate import evaluate_rows
    from socialrecovery_nlp.claims.model import load_extractor
    from socialrecovery_nlp.claims.row_match import row_metrics

    extractor, meta = load_extractor(None, fast=True)
    out = {"model": f"{meta['name']}@{meta['version']} (fast mode)"}
    for name, path in (("unseen_abstracts", claim_data.RANDOM_TEST_ABSTRACTS),
                       ("unseen_review_style", claim_data.REVIEW_STYLE_TEST_ABSTRACTS),
                       ("unseen_titles", claim_data.TITLE_TEST)):
        pairs: list = []
        evaluate_rows(extractor, claim_data.abstract_rows("test", [path]), errors=pairs)
        out[name] = row_metrics(pairs)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
