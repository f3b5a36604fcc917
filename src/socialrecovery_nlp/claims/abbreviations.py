"""Abbreviations a text defines ("non-suicidal self-injury (NSSI)"), so that an outcome named by its short form
("reducing NSSI") is read for valence by its long form (review-18: unknown abbreviations had made "reduced NSSI"
hinder recovery).

A definition is a parenthesised short form after its long form; the long form is the shortest run of words before
the bracket whose letters hold the short form's letters in order, the first one starting a word (the matching idea
of Schwartz & Hearst 2003, written here from its description).
"""

from __future__ import annotations

import re

#: "(NSSI)", "(HCC)", "(DSH)", "(PTSD)", "(QoL)": a bracketed short form of 2 to 10 characters with a capital
_SHORT = re.compile(r"\(([A-Za-z][A-Za-z0-9\-]{1,9})\)")
#: a short form inside an outcome: two or more capitals, digits and hyphens allowed ("HCC", "NSSI", "HRQoL")
_IN_TEXT = re.compile(r"(?<![\w-])([A-Z][A-Za-z0-9\-]*[A-Z][A-Za-z0-9\-]*s?)(?![\w-])")
_WORD = re.compile(r"\S+")


def _long_form(before: str, short: str) -> str | None:
    """The shortest end of ``before`` that ``short`` abbreviates, or ``None``."""
    letters = [c.lower() for c in short if c.isalnum()]
    if len(letters) < 2 or not letters[0].isalpha() or sum(c.isupper() for c in short) < 1:
        return None
    words = [m for m in _WORD.finditer(before)][-(min(len(letters) + 5, len(letters) * 2)):]
    if not words:
        return None
    text = before[words[0].start():].rstrip()
    i, j = len(letters) - 1, len(text) - 1
    while i >= 0:
        ch = letters[i]
        while j >= 0 and (text[j].lower() != ch or (i == 0 and j > 0 and text[j - 1].isalnum())):
            j -= 1  # the first letter must start a word
        if j < 0:
            return None
        i, j = i - 1, j - 1
    start = j + 1
    long_form = text[start:].strip(" ,;:")
    if len(long_form) <= len(short) or any(ch in long_form for ch in "()[]=<>;") or \
            len(long_form.split()) > len(letters) + 2:
        return None  # a bracket, a statistic or too many words: no definition ("run by the team (TEAMS)")
    return long_form


def definitions(text: str) -> dict[str, str]:
    """``{short form: long form}`` for every "long form (SHORT)" in ``text`` (the first definition of each wins)."""
    out: dict[str, str] = {}
    for match in _SHORT.finditer(text):
        short = match.group(1)
        if short in out or not any(c.isupper() for c in short[1:] + short[0]):
            continue
        found = _long_form(text[max(0, match.start() - 200):match.start()], short)
        if found is not None:
            out[short] = found
    return out


def expand(text: str, defined: dict[str, str]) -> str:
    """``text`` with every defined short form replaced by its long form (a plural "s" kept off the match)."""
    if not defined:
        return text

    def long(match: re.Match) -> str:
        word = match.group(1)
        if word in defined:
            return defined[word]
        if word.endswith("s") and word[:-1] in defined:
            return defined[word[:-1]]
        return word

    return _IN_TEXT.sub(long, text)
