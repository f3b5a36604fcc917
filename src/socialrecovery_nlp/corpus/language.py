"""Which language a record is written in (W105 for non-English ones).

Two cheap English tests run first: four or more of `` the of and to with for were `` in the first
300 characters, or function words making up 10 % of the words there (English abstracts: a
quarter to a third; the non-English abstracts in data/screening: under 6 %). Only texts failing
both go to py3langid (~0.5 ms each), so a large English export is checked at almost no cost.
Texts under ``MIN_WORDS`` words are not judged.
"""

from __future__ import annotations

MIN_WORDS = 8
SAMPLE_CHARS = 300
ENGLISH_RATIO = 0.10

_ENGLISH = frozenset(
    "the of and in to a with for was were is are on that this by from as be at an or we not "
    "which have has been between these than their it its our who after during".split()
)
_NAMES = {
    "de": "German", "es": "Spanish", "fr": "French", "it": "Italian", "nl": "Dutch",
    "pt": "Portuguese", "sv": "Swedish", "da": "Danish", "no": "Norwegian", "fi": "Finnish",
    "pl": "Polish", "cs": "Czech", "hu": "Hungarian", "ru": "Russian", "tr": "Turkish",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ar": "Arabic", "fa": "Persian",
    "el": "Greek", "he": "Hebrew", "ca": "Catalan", "ro": "Romanian", "hr": "Croatian",
}


def language_name(code: str) -> str:
    """A readable name for an ISO 639-1 code (the code itself when unknown)."""
    return _NAMES.get(code, code)


_QUICK = (" the ", " of ", " and ", " to ", " with ", " for ", " were ")


def _quick_english(lower: str) -> bool:
    """Four or more of the :data:`_QUICK` words (``str.count``, stopping as soon as four are seen)."""
    hits = 0
    for word in _QUICK:
        hits += lower.count(word)
        if hits >= 4:
            return True
    return False


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or ``None`` when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    lower = sample.lower()
    # fastest path: English-only function words counted by str.count (no Python loop per word)
    if _quick_english(lower) and lower.count(" ") >= MIN_WORDS:
        return "en"
    words = lower.split()
    if len(words) < MIN_WORDS:
        return None
    hits = sum(map(_ENGLISH.__contains__, words))
    if hits >= ENGLISH_RATIO * len(words):
        return "en"
    import py3langid

    code, _score = py3langid.classify(sample)
    return code
