"""A trigger verb the small tagger read as an adjective (added for issue #5, agent:claims-10).

"[Deletion of the GluA1 AMPA receptor subunit] impairs [short-term spatial recognition memory]",
"[n-3 PUFA supplementation] increased [hippocampal neurogenesis ...]", "it was found that [GluA1
deletion] now impaired [performance on ...]", "We report that [bilateral DHC or VHC inactivation] impaired
[spatial navigation]" (the "that" hung on a noun: agent:claims-15): the small pipeline tags the verb JJ / NN and hangs it
as a premodifier (``amod``) of the object, so the sentence seems to have no verb at all. English
does not put a noun phrase right before a participle adjective that premodifies another noun unless
that participle is the verb; so a trigger in verb form (``-s`` / ``-ed``) premodifying a noun, right
after a noun (adverbs between allowed), in a chain that no finite verb governs, is read as the verb
of "[noun phrase before it] VERB [noun phrase after it]".
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import ALL_TRIGGER_WORDS as TRIGGER_WORDS

_FINITE = ("VBD", "VBZ", "VBP", "MD")
_NOUNS = ("NOUN", "PROPN")
#: Where the subject noun phrase starts, scanning left from its last noun.
_LEFT_STOPS = frozenset([",", ";", ":", "(", ")", "that", "whether", "which", "who", "when", "while", "whereas",
                         "although", "because", "since", "if", "—", "–"])


def _verb_form(token: Token) -> bool:
    """An -ed form, or an -s form of a verb: tagged VBZ, or a trigger whose past form is a trigger too
    ("impairs" / "impaired"); a plural noun ("effects", "dyskinesias") is no verb (agent:claims-16)."""
    word = token.lower_
    if word.endswith("ed"):
        return True
    if not word.endswith("s") or word.endswith("ss"):
        return False
    stem = word[:-2] if word.endswith("es") else word[:-1]
    past = (word[:-1] + "d", word[:-1] + "ed", stem + "ed", word[:-3] + "ied" if word.endswith("ies") else "")
    return token.tag_ == "VBZ" or any(form in TRIGGER_WORDS for form in past if form)


def _noun_preposition(token: Token) -> bool:
    """A preposition other than "of" / "to" hung on a noun before it: "[Low-dose olanzapine] for levodopa
    induced dyskinesias" is a title, not "levodopa induced Y" with the whole phrase as subject (agent:claims-16)."""
    if token.i > 0 and token.doc[token.i - 1].text == "-" and not token.doc[token.i - 1].whitespace_:
        return False  # "Time-on-duty": a hyphenated word
    return token.dep_ == "prep" and token.lower_ not in ("of", "to") and token.head.pos_ in _NOUNS and \
        token.head.i < token.i


def _governed_by_finite_verb(noun: Token, trigger: Token) -> bool:
    """Does a finite verb (or an auxiliary-marked one) govern ``noun``? A noun reached as a clausal
    complement ("it was found that [deletion] ...") is itself a clause the parser left without a verb."""
    cur = noun
    while cur.head.i != cur.i:
        if cur.dep_ == "ccomp" and cur.pos_ in _NOUNS:
            return False
        if cur.pos_ in _NOUNS and any(c.dep_ == "mark" and c.lower_ == "that" for c in cur.children):
            return False  # "We report [that] [X] impaired Y" with "that" hung on a noun: a complement clause the
            # parser read as the report verb's object (agent:claims-15)
        head = cur.head
        if head.i != trigger.i and head.pos_ in ("VERB", "AUX") and (head.tag_ in _FINITE or head.dep_ == "ROOT" or any(
                c.dep_ in ("aux", "auxpass") for c in head.children)):
            return True
        cur = head
    return cur.pos_ in ("VERB", "AUX")


def misparsed_verb(token: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``(factor range, outcome range)`` (token ranges) when ``token``, a trigger word, is a verb the
    parser hung as a premodifier; else None."""
    if token.dep_ not in ("amod", "compound", "nmod") or token.tag_ not in ("JJ", "NN", "NNS", "VBN", "VBD", "VBZ"):
        return None
    if not _verb_form(token):
        return None
    obj = token.head
    if obj.i <= token.i or obj.pos_ not in _NOUNS:
        return None
    doc = token.doc
    last = token.i - 1
    while last >= 0 and doc[last].pos_ == "ADV":
        last -= 1
    if last < 0 or doc[last].pos_ not in _NOUNS or doc[last].dep_ in ("amod",):
        return None
    if _governed_by_finite_verb(obj, token) or _governed_by_finite_verb(doc[last], token):
        return None
    if any(doc[i].tag_ in _FINITE for i in range(last + 1, token.i)):
        return None
    left = last
    while left - 1 >= 0 and doc[left - 1].lower_ not in _LEFT_STOPS and doc[left - 1].tag_ not in _FINITE \
            and doc[left - 1].pos_ not in ("SCONJ", "AUX") and doc[left - 1].dep_ != "mark" and not (
                doc[left - 1].pos_ == "VERB" and (doc[left - 1].tag_ != "VBN" or doc[left - 1].dep_ != "acl")) \
            and not _noun_preposition(doc[left - 1]):
        left -= 1
    if left - 1 >= 0 and _noun_preposition(doc[left - 1]):
        return None  # the noun before the word is a prepositional object, not a subject
    while left < last and (doc[left].pos_ in ("ADP", "CCONJ", "PUNCT", "ADV")):
        left += 1  # "In fact, ..." is cut at the comma; a stray leading preposition or adverb is not the subject
    right = obj.right_edge.i + 1
    for i in range(token.i + 1, right):  # the object ends before a clause of its own
        if doc[i].tag_ in _FINITE or (doc[i].text in (",", ";") and i + 1 < right and doc[i + 1].dep_ == "mark"):
            right = i
            break
    while right > token.i + 2 and (doc[right - 1].is_punct or doc[right - 1].dep_ == "cc" or
                                   doc[right - 1].pos_ == "CCONJ"):
        right -= 1  # "decreased [Y] and increased Z": no dangling coordinator (agent:claims-16)
    if right <= token.i + 1:
        return None
    return (left, last + 1), (token.i + 1, right)


def misread_clause_verb(token: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``(factor range, outcome range)`` when ``token``, a trigger word in verb form, heads a that-clause the
    parser built without a subject because it read the verb as an adjective or noun: "They suggest instead
    that [HPC damage] impairs [the ability to remember ...]" (``impairs`` tagged JJ, ``HPC damage`` hung on it
    as a compound; without this the clause's factor was the report verb's subject "They"). The noun chain
    between "that" and the verb is the subject, the verb's object the outcome (claims@0.7.0 round 3)."""
    if token.dep_ not in ("ccomp", "advcl") or token.tag_ not in ("JJ", "NN", "NNS") or not _verb_form(token):
        return None
    mark = next((c for c in token.children if c.dep_ == "mark" and c.lower_ == "that" and c.i < token.i), None)
    if mark is None or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in token.children):
        return None
    doc = token.doc
    left = mark.i + 1
    if left >= token.i or doc[token.i - 1].pos_ not in _NOUNS:
        return None
    if any(doc[i].head.i != token.i and not token.i > doc[i].head.i >= left or doc[i].pos_ in ("VERB", "AUX", "ADP")
           for i in range(left, token.i)):
        return None  # only a noun phrase (its words hung on the verb or inside the chain) stands before the verb
    obj = next((c for c in token.children if c.dep_ in ("dobj", "pobj", "attr") and c.i > token.i), None)
    if obj is None:
        return None
    right = obj.right_edge.i + 1
    while right > obj.i + 1 and doc[right - 1].is_punct:
        right -= 1
    return (left, token.i), (obj.left_edge.i, right)
