"""A second clause the small parser reads as part of the first one's object.

"[Loneliness] predicted [relapse] and [peer support] reduced [readmission]": en_core_web_sm reads "reduced" as an
adjective of "readmission" (``amod``) and "peer support" as a conjunct of "relapse", so the first relation's
outcome runs to the end of the sentence and the second relation is lost. The shape is recognisable: a lexicon
trigger parsed as an adjective right after a noun conjunct ("relapse and [peer support] reduced") and before the
noun it modifies. An adjectival participle inside a coordination usually has "and" or a determiner before it
("relapse and improved hope"); the participles that form compounds with a bare noun ("alcohol related harm", "drug
induced psychosis", "treatment enhanced memory") count only when tagged as a past-tense verb (VBD), and a verb
followed by "and" ("enhanced and prolonged reactions") or a subject holding punctuation (a missed sentence break)
never counts.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from . import lexicon as lx
from .spans import Relation, Trigger

_KINDS = frozenset([lx.BENEFIT, lx.HARM, lx.INCREASE, lx.DECREASE, lx.ASSOCIATE])
#: Participles that make compounds with the noun before them ("alcohol related harm", "drug induced psychosis"):
#: never the verb of a second clause.
_COMPOUND_PARTICIPLES = frozenset(["related", "induced", "associated", "based", "mediated", "dependent", "derived",
                                   "driven", "linked", "caused", "elicited", "evoked", "provoked", "triggered",
                                   "precipitated", "attributed", "specific", "resistant", "treated", "exposed", "naive",
                                   "enhanced", "impaired", "reduced", "increased", "decreased", "altered"])


def _second_clause(token: Token) -> tuple[tuple[int, int], tuple[int, int], int] | None:
    """``(subject range, object range, first-clause end)`` when ``token`` is the verb of a misparsed second clause."""
    doc = token.doc
    if token.dep_ != "amod" or token.tag_ not in ("VBD", "VBN") or token.i < 3 or token.head.i <= token.i:
        return None
    if lx.ALL_TRIGGER_WORDS.get(token.lower_) not in _KINDS or (
            token.lower_ in _COMPOUND_PARTICIPLES and token.tag_ != "VBD"):
        return None
    subject = doc[token.i - 1]
    if subject.pos_ not in ("NOUN", "PROPN") or subject.dep_ != "conj" or subject.head.i >= subject.i:
        return None
    start = min(t.i for t in subject.subtree if t.i <= subject.i)
    while start < subject.i and (doc[start].dep_ in ("cc", "punct", "mark") or doc[start].lower_ == "that"):
        start += 1
    joint = start - 1  # the "and" / "," that joins the two clauses ("and that both therapies reduced ...")
    while joint > 0 and doc[joint].lower_ == "that":
        joint -= 1
    if joint < 1 or doc[joint].lower_ not in ("and", ",", "while", "whereas"):
        return None
    end = max(t.i for t in token.head.subtree) + 1
    while end > token.i + 1 and doc[end - 1].is_punct:
        end -= 1
    if end <= token.i + 1 or doc[token.i + 1].dep_ == "cc" or doc[token.i + 1].is_punct:
        return None  # "enhanced [and prolonged reactions]": a coordination of adjectives
    if any(t.is_punct and t.text not in ("-", "'", "’") for t in doc[start:subject.i + 1]):
        return None  # "(novel object test).Sevoflurane exposure": a sentence the splitter missed
    first_end = joint - 1 if joint >= 2 and doc[joint - 1].text == "," else joint
    return (start, subject.i + 1), (token.i + 1, end), first_end


def split_misparsed_clauses(doc: Doc, relations: list[Relation]) -> list[Relation]:
    """The relations with each misparsed second clause read as a relation of its own (construction spans, so the
    span tagger keeps them) and cut out of the outcome of the relation that swallowed it."""
    if not doc.has_annotation("DEP"):
        return relations
    out = list(relations)
    for token in doc:
        found = _second_clause(token)
        if found is None:
            continue
        subject, obj, first_end = found
        if any(r.trigger.start == token.i for r in out):
            continue
        kept = []
        for rel in out:
            if rel.outcome is not None and rel.outcome[0] < subject[0] <= rel.outcome[1] and rel.trigger.end <= subject[0]:
                cut = (rel.outcome[0], first_end)
                rel = replace(rel, outcome=cut if cut[1] > cut[0] else None, valence_span=None)
            kept.append(rel)
        kind = lx.ALL_TRIGGER_WORDS[token.lower_]
        kept.append(Relation(Trigger(token.i, token.i + 1, kind, token.i), kind, subject, obj, construction=True))
        out = kept
    return out
