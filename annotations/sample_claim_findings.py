"""Draw the findings sample f1: science findings about social life, psychology and mental health (reproducible).

    python annotations/sample_claim_findings.py OUT.jsonl

The annotated abstract samples are mostly clinical, pharmacological and animal studies; the sentence forms of the
social recovery literature (social epidemiology, psychology, qualitative findings) are rare in them. This sample
draws real findings of that kind from Pei & Jurgens (2021, MIT; ``data/claims/certainty/sentence-level-certainty.jsonl``:
findings of papers and of science news, one sentence each): every finding, of any of its splits, that holds one of
``TOPIC_WORDS`` (people's social life, work and money, psychology, mental health). The words choose the topic, not
the claim: findings without a relation stay in the sample and are annotated as non-claims.

Near-duplicates (a paper's finding and the news report of it) are grouped: findings whose word sets overlap by a
Jaccard index of 0.5 or more share a group, and a group goes whole into one split. Groups are assigned to ``dev``
(errors may be read) and ``test`` (scored only) by ``numpy.random.default_rng(20261128)``, half each.
Writes one unit per line: ``{id, finding_id, certainty_split, group, split, text}``.

Caveats: the topic words overlap the extractor's social lexicon (``claims/lexicon.py``: "family", "stigma", ...), so the
share of social factors, and the ``social`` flag's recall on them, are higher here than in a random sample; and these
are single sentences without their abstract (no title, no abbreviations defined, no neighbouring sentences).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "claims" / "certainty" / "sentence-level-certainty.jsonl"
TOPIC_WORDS = re.compile(
    r"\b(social\w*|societ\w*|famil\w*|friend\w*|relationship\w*|partner\w*|marri\w*|spouse\w*|parent\w*|mother\w*|"
    r"father\w*|peer\w*|lonel\w*|isolation|support\w*|stigma\w*|discriminat\w*|employ\w*|unemploy\w*|work\w*|job\w*|"
    r"income\w*|poverty|money|financ\w*|community|communities|neighbo\w*|mental\w*|depress\w*|anxi\w*|stress\w*|"
    r"happiness|happier|well-being|wellbeing|self-esteem|emotion\w*|mood\w*|psycholog\w*|psychiatr\w*|trust\w*|"
    r"racis\w*|minorit\w*|volunteer\w*|religio\w*|loneliness|bully\w*|bullied|abuse\w*|violen\w*|suicid\w*|"
    r"recover\w*|hope\w*|identity|purpose|empower\w*|life satisfaction|quality of life)\b", re.IGNORECASE)
SEED = 20261128


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def draw() -> list[dict]:
    rows = [json.loads(line) for line in SOURCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen = [r for r in rows if TOPIC_WORDS.search(r["finding"])]
    parent = list(range(len(chosen)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    words = [_words(r["finding"]) for r in chosen]
    for i in range(len(chosen)):
        for j in range(i + 1, len(chosen)):
            if len(words[i] & words[j]) / max(len(words[i] | words[j]), 1) >= 0.5:
                parent[find(i)] = find(j)
    groups = sorted({find(i) for i in range(len(chosen))})
    order = np.random.default_rng(SEED).permutation(len(groups))
    split = {groups[k]: ("dev" if rank < len(groups) / 2 else "test") for rank, k in enumerate(order)}
    return [{"id": f"find-{r['id']}", "finding_id": r["id"], "certainty_split": r["split"],
             "group": f"g{find(i)}", "split": split[find(i)], "text": r["finding"]} for i, r in enumerate(chosen)]


def main() -> None:
    units = draw()
    Path(sys.argv[1]).write_text("".join(json.dumps(u, ensure_ascii=False) + "\n" for u in units), encoding="utf-8")
    print(f"{len(units)} findings: {sum(u['split'] == 'dev' for u in units)} dev, "
          f"{sum(u['split'] == 'test' for u in units)} test, {len({u['group'] for u in units})} groups")


if __name__ == "__main__":
    main()
