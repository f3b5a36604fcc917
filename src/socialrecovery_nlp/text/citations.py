"""In-text citation markers: author-year ("Link et al., 2001; Yanos et al., 2008",
"(Mancini, 2007, p. 50)", "Nelson et al. (2001)", "Smith et al. [2010]") and numeric ("[12]",
"[3-5]", "[2, 7]").

``find_citations(text)`` returns :class:`Citation` objects with character offsets;
``split_references(text)`` cuts a references section into entries and
``link_references(citations, references)`` attaches reference-list entries when a full text
has a references section.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

_SURNAME = r"(?:[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’\-][^\W\d_]+)*|van|von|de|der|Van|Von|De|Le|La)"
_NAME = rf"{_SURNAME}(?:(?:[ \-/]|\s(?:for|of|the|and the)\s){_SURNAME})*"
_AUTHORS = rf"{_NAME}(?:,? (?:and|&) {_NAME}| \*?et al\.?\*?)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)[a-z]?|in press|n\.d\."
_PAGES = r"pp?\.\s?\d+(?:\s?[–\-]\s?\d+)?"
#: One author-year item inside parentheses: "see Saleebey, 2002", "Nelson et al., 2001, pp. 131–8".
#: Pages after a year: ", p. 50", ": pp. 7-9", or Harvard's bare ": 12" / ":12-14".
_BARE_PAGES = r"(?!(?:1[89]\d\d|20\d\d)\b)\d+(?:\s?[–\-]\s?\d+)?(?=\s*[,;)\]]|$)"  # not a year, not "95% CI"
_PAGES_AFTER = rf"(?:[,:]\s*(?P<pages>{_PAGES})|:\s?(?P<bare_pages>{_BARE_PAGES}))"
_ITEM = re.compile(
    rf"(?:(?:see|e\.g\.|cf\.|also)\s+)?(?P<authors>{_AUTHORS}),?\s+(?P<year>{_YEAR})"
    rf"(?:{_PAGES_AFTER})?"
)
#: Further years of the same author group, each with its own pages: "(Smith, 2010, 2012)", "(Smith et al. 2010a,
#: b)", "(Smith, 2010, p. 5, 2012, pp. 7-9)".
_MORE_ONE = rf",\s*(?:{_YEAR})(?:,\s*{_PAGES}|:\s?{_BARE_PAGES})?|,\s*[a-z]"
_MORE = re.compile(rf",\s*(?:(?P<year>{_YEAR})(?:,\s*(?P<pages>{_PAGES})|:\s?(?P<bare_pages>{_BARE_PAGES}))?"
                   rf"|(?P<suffix>[a-z]))(?=\s*(?:[,;)\]]|$))")
_MORE_RUN = re.compile(rf"(?:(?:{_MORE_ONE})(?=\s*(?:[,;)\]]|$)))*")
_PAREN = re.compile(r"\(([^()]*)\)")
_NARRATIVE = re.compile(
    rf"(?P<authors>{_AUTHORS})\s+\((?P<year>{_YEAR})(?:{_PAGES_AFTER})?(?P<more>(?:(?:{_MORE_ONE})(?=\s*(?:[,;)\]]|$)))*)"
    rf"\)")
#: A bracketed year right after an author name: "Smith et al. [2010]" (not numeric reference 2010).
_BRACKET_YEAR = re.compile(
    rf"(?P<authors>{_AUTHORS})\s*\[(?P<year>{_YEAR})(?P<more>(?:,\s*(?:{_YEAR}|[a-z])(?=\s*(?:[,;)\]]|$)))*)\]")
_NUMERIC = re.compile(r"\[(\d+(?:\s*[–\-]\s*\d+)?(?:\s*,\s*\d+(?:\s*[–\-]\s*\d+)?)*)\]")

#: Common English words (lower-cased) that are capitalised only because they start a sentence or
#: a clause: "As Tew et al. (2011) argue", "Recently Smith (2010)", "Both Smith and Jones (2010)",
#: "The WHO (2019)". A leading word from this closed list is not part of the author string; it is
#: also never read as the surname that starts a reference-list entry ("In A. Jones (Ed.)").
#: Function words, determiners, pronouns, prepositions, conjunctions and sentence adverbs; words
#: that are also common surnames (May, Young, Long, Little, Day, Will, ...) are deliberately left out.
COMMON_WORDS = frozenset("""
a about above according across additionally after afterwards again against all also although
among an and another any as at based because before besides both but by consequently
conversely despite during each either especially even eventually every finally first following
for from further furthermore given hence here however if importantly in including indeed
initially instead into it its later lastly like likewise many meanwhile moreover most much
namely neither nevertheless nonetheless nor notably now of on once one only or other others our
over overall per previously rather recently regarding second secondly several similarly since so
some specifically still subsequently such than that the their them then there therefore these
they third this those though thus to together too under unlike until upon via we were what
whereas when where whether which while who with within without yet
""".split())
#: Sentence adverbs that are not in :data:`COMMON_WORDS` ("Interestingly Smith (2010) ..."):
#: dropped only when an author name follows them.
_ADVERB = re.compile(r"[A-Z][a-z]{2,}(?:ally|ently|antly|ously|ively|ately|ibly|ably|edly|ingly|ilarly|ularly)")
#: Words that name a part of the paper, a date or a unit, never an author: "(Figure 2010)",
#: "(Table 2010)", "(March 2020)".
LABEL_WORDS = frozenset("""
fig figs figure figures table tables box appendix supplement supplementary chapter chapters
section sections panel eq eqn equation equations vol volume issue part item items step stage
phase wave model study studies trial year years month week version scheme chart exhibit plate
map article no number footnote note notes census survey january february march april june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
spring autumn fall
""".split())


@dataclass
class Citation:
    """One cited work: ``authors`` + ``year`` (author-year) or ``numbers`` (numeric style).

    Several years after one author group ("(Smith, 2010, 2012)", "Smith (2010a, b)") are several
    citations: the first spans the author group and its first year, each further one spans its
    own year (``text`` "2012" or "b") and repeats ``authors`` with its full ``year`` ("2010b").
    """

    text: str
    start: int
    end: int
    authors: str | None = None
    year: str | None = None
    pages: str | None = None
    numbers: list[int] = field(default_factory=list)
    reference: str | None = None

    @property
    def first_author(self) -> str | None:
        if not self.authors:
            return None
        return re.split(r",| and | & | et al", self.authors)[0].strip()

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, [])}


def _clean(authors: str) -> str:
    return re.sub(r"\s+", " ", authors.replace("*", "")).strip()


def _expand(numbers: str) -> list[int]:
    out: list[int] = []
    for part in re.split(r"\s*,\s*", numbers):
        bounds = re.split(r"\s*[–\-]\s*", part)
        if len(bounds) == 2 and int(bounds[1]) >= int(bounds[0]) and int(bounds[1]) - int(bounds[0]) < 200:
            out.extend(range(int(bounds[0]), int(bounds[1]) + 1))
        else:
            out.append(int(bounds[0]))
    return out


def _is_common(word: str, keep_the: bool = False) -> bool:
    """``word`` is a common word written in lower case or capitalised ("The", "the"; not "WHO")."""
    if keep_the and word == "The":
        return False
    return word.lower() in COMMON_WORDS and (len(word) == 1 or word[1:].islower())


_LEADING_WORD = re.compile(r"\*?([^\W\d_]+)\*?\s+")
_AUTHORS_RE = re.compile(_AUTHORS)


#: A single word right before the year that is a pronoun or a determiner is no author ("This (2010)"); any other
#: capitalised word there may be a surname ("Still (2010)", "Given (2008)").
_NOT_SURNAMES = frozenset("""this that these those it its they their them we our he his she her the a an which who
whom whose such some any all each both either neither one""".split())
_ET_AL = re.compile(r"\*?\s*et\.?\s+al\b")


def _author_start(authors: str, keep_the: bool = False, comma: bool = False) -> int | None:
    """Offset in ``authors`` where the author string starts once leading sentence words are
    dropped (:data:`COMMON_WORDS`; a sentence adverb such as "Interestingly" when a capitalised
    name follows it); ``None`` when no author is left, i.e. the words are all common words or
    :data:`LABEL_WORDS` ("(Figure 2010)", "(March 2020)", "This (2010)"). ``keep_the``: "The"
    stays (an organisation inside parentheses: "(The King's Fund, 2019)"). A word right before "et al." is a
    surname whatever it means ("March et al. (2004)", "(An et al., 2019)"), and so is a word before ", YEAR"
    (``comma``: "(Box, 1976)"); a last word before the year is dropped only when it is a pronoun or a
    determiner ("This (2010)")."""
    pos = 0
    while True:
        match = _LEADING_WORD.match(authors, pos)
        if not match:
            break
        word, rest = match.group(1), authors[match.end():]
        if _ET_AL.match(authors, match.end(1)) or not rest.strip():
            break  # "March et al.", or the last word before the year: the surname
        if _is_common(word, keep_the):
            pos = match.end()
        elif _ADVERB.fullmatch(word) and re.match(r"\*?[A-ZÀ-ÖØ-Þ]", rest):
            pos = match.end()
        else:
            break
    rest = authors[pos:]
    if not rest or not _AUTHORS_RE.fullmatch(rest):
        return None
    if _ET_AL.search(rest):
        return pos  # "Most et al. (2010)"
    words = re.findall(r"[^\W\d_]+", rest)
    if len(words) == 1 and (comma or words[0].lower() not in LABEL_WORDS):
        return None if words[0].lower() in _NOT_SURNAMES and words[0][1:].islower() else pos
    if all(w.lower() in LABEL_WORDS or _is_common(w, keep_the) for w in words):
        return None
    return pos


def _more_years(text: str, base: int, more: str, first_year: str, authors: str) -> list[Citation]:
    """Citations for the further years in ``more`` (text at offset ``base``)."""
    out = []
    for extra in _MORE.finditer(more):
        year = extra.group("year") or (re.match(r"\d{4}", first_year).group(0) + extra.group("suffix")
                                       if re.match(r"\d{4}", first_year) else None)
        if year is None:
            continue
        name = "year" if extra.group("year") else "suffix"
        last = "pages" if extra.group("pages") else "bare_pages" if extra.group("bare_pages") else name
        start, end = base + extra.start(name), base + extra.end(last)
        out.append(Citation(text[start:end], start, end, authors, year, _pages(extra)))
    return out


def _pages(match: re.Match) -> str | None:
    groups = match.groupdict()
    return groups.get("pages") or groups.get("bare_pages")


def _paren_items(text: str, inner_start: int, inner: str) -> list[Citation]:
    found: list[Citation] = []
    for piece in re.finditer(r"[^;]+", inner):
        for item in _ITEM.finditer(piece.group(0)):
            shift = _author_start(item.group("authors"), keep_the=True,
                                  comma=piece.group(0)[item.end("authors"):item.start("year")].strip().startswith(","))
            if shift is None:
                continue
            base = inner_start + piece.start()
            start = base + item.start("authors") + shift
            end = base + item.end()
            authors = _clean(text[start:base + item.end("authors")])
            found.append(Citation(text[start:end], start, end, authors, item.group("year"), _pages(item)))
            more = _MORE_RUN.match(piece.group(0), item.end()).group(0)
            found.extend(_more_years(text, base + item.end(), more, item.group("year"), authors))
            break
    return found


def find_citations(text: str) -> list[Citation]:
    """Every citation marker in ``text``, in order of appearance.

    Leading sentence words are not part of an author string ("As Tew et al. (2011)" gives
    authors "Tew et al."); "(Figure 2010)" is no citation; "Smith et al. [2010]" is author-year,
    not numeric reference 2010; several years after one author group give one citation each, whose texts do not
    overlap ("Smith (2010, 2012)" gives "Smith (2010" and "2012").
    """
    found: list[Citation] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_NARRATIVE, _BRACKET_YEAR):
        for match in pattern.finditer(text):
            if any(s <= match.start("year") < e for s, e in taken):
                continue
            shift = _author_start(match.group("authors"))
            if shift is None:
                continue
            start = match.start("authors") + shift
            authors = _clean(text[start:match.end("authors")])
            # with further years the first citation ends at its own year (or pages): the spans do not overlap
            end = match.end() if not match.group("more") else match.start("more")
            found.append(Citation(text[start:end], start, end, authors, match.group("year"), _pages(match)))
            found.extend(_more_years(text, match.start("more"), match.group("more"), match.group("year"), authors))
            taken.append((start, match.end()))
    for paren in _PAREN.finditer(text):
        if any(s <= paren.start() < e for s, e in taken):
            continue
        found.extend(_paren_items(text, paren.start(1), paren.group(1)))
    for match in _NUMERIC.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        found.append(Citation(match.group(0), match.start(), match.end(), numbers=_expand(match.group(1))))
    found.sort(key=lambda c: c.start)
    return found


# --- reference lists ---------------------------------------------------------------------------

_REF_NUMBER = re.compile(r"^\s*(?:\[(\d+)\]|(\d+)[.)])\s+")
#: A number label that starts an entry: "1. ", "[1] ", "1) ", or glued to the surname ("1Repper",
#: as JATS ``<label>1</label><mixed-citation>Repper…`` reads).
_LABEL_AT_START = re.compile(
    r"\s*(?:\[(?P<b>\d{1,4})\]|(?P<n>\d{1,4})[.)]|(?P<g>\d{1,4})(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]))")
_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
#: One capitalised surname: "Repper", "O'Hagan", "McGorry", "Pernice-Duca", "Le Boutillier", "van der Valk".
_REF_SURNAME = (rf"(?:(?:van|von|de|der|den|du|da|di|la|le|Van|Von|De|Der|Den|Du|Da|Di|La|Le|St\.?)\s)*"
                rf"(?:[{_UP}]['’])?[{_UP}][{_LOW}]+(?:[{_UP}][{_LOW}]+)?(?:[\-'’][{_UP}]?[{_LOW}]+)*")
#: The start of an author-year / Vancouver entry: "Tew, J.,", "Link, B. G.", "Link BG,", "Thornicroft G.",
#: "Slade M (2009)".
_ENTRY_AUTHOR = re.compile(
    rf"(?P<surname>{_REF_SURNAME})(?:,\s(?:[{_UP}]\.[\s\-]?){{1,4}}"
    rf"|\s[{_UP}]{{1,3}}(?:\.|\s\(|,\s(?:et al|{_REF_SURNAME}\s[{_UP}]{{1,3}}[,.])))")
_ORG_WORDS = ("Organization|Organisation|Association|Institute|Department|Agency|Foundation|Council|Society|"
              "Office|Ministry|Commission|Centre|Center|Trust|Fund|Board|Network|Authority|College|Committee|"
              "Consortium|Alliance|Federation|Collaboration|Programme|Program|Executive|Bureau|Administration|"
              "Government|Services")
#: A corporate author after an entry that ended with a year or pages: "… 2010. World Health Organization. …".
_ENTRY_ORG = re.compile(
    rf"[{_UP}][\w'’\-]*(?:\s(?:of|for|and|the|on|&|[{_UP}][\w'’\-]*)){{0,8}}(?:\.(?=\s)|\s\((?=\d|n\.d|in press))")
#: A place where an entry may end and the next one start: after a full stop or a number, with the
#: next entry's bullet or number label ("… 2011. - Smith A, …", "… 2010;2. 3. Jones B. …").
_BOUNDARY = re.compile(r"(?<=[.\d])\s+(?:[-*•]\s+|(?:\[\d{1,3}\]|\d{1,3}[.)])\s+)?")
_MIN_ENTRY = 15
#: The space after a link that ends an entry ("… https://doi.org/10.1/x Smith, J. …", "… report.pdf Ng, P. …").
_AFTER_LINK = re.compile(r"(?:https?://|www\.|doi:)\S+(?P<gap>\s+)")
#: An author list right before a year: "Ng, P. (2016).", "Jones, K., & Lee, B. 2012.", "Smith et al. (2010),".
_YEAR_SOON = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?,?\s+|&\s+|and\s+|et\s+al\.,?\s+){1,20}"
                        r"\(?(?:1[89]\d\d|20\d\d)[a-z]?\)?[.,;:]")


def _numbered_starts(line: str) -> list[int]:
    """Offsets where numbered entries start in ``line`` ("1. A… 2. B… 3. C…"), following the
    numbering from the label that opens the line; ``[0]`` when the line opens with no label."""
    first = _LABEL_AT_START.match(line)
    if not first:
        return [0]
    starts, pos = [0], first.end()
    n = int(first.group("b") or first.group("n") or first.group("g"))
    while True:
        n += 1
        nxt = re.compile(rf"(?<=\s)(?:\[{n}\]\s*|{n}[.)]\s+|{n}(?=[{_UP}][{_LOW}]))(?=[^\W\d_]|[\"“'‘])")
        hit = nxt.search(line, pos)
        if not hit:
            return starts
        starts.append(hit.start())
        pos = hit.end()


def _author_starts(entry: str) -> list[int]:
    """Offsets where a new un-numbered entry starts inside ``entry``: a surname + initials group
    ("Smith A, Jones B." / "Tew, J., Ramon, S.") or a corporate author after a year/pages, each
    right after the end of the previous entry (a full stop, a year, pages or a link)."""
    starts = []
    boundaries = [(b.start(), b.end()) for b in _BOUNDARY.finditer(entry)]
    boundaries += [(b.start("gap"), b.end("gap")) for b in _AFTER_LINK.finditer(entry)  # an entry's year follows
                   if _YEAR_SOON.match(entry, b.end("gap"))]  # its authors: "… report.pdf Ng, P. (2016). …"
    for begin, at in sorted(set(boundaries)):
        author = _ENTRY_AUTHOR.match(entry, at)
        if author:
            surname = author.group("surname").split()[-1].lower()
            if surname not in COMMON_WORDS and surname not in LABEL_WORDS:
                starts.append(begin)
            continue
        before = entry[:begin].rstrip()
        org = _ENTRY_ORG.match(entry, at)
        ended = re.search(r"\d[a-z]?\)?\.?$", before) or re.search(r"(?:https?://|www\.|doi:)\S+$", before)
        if org and ended and re.search(rf"\b(?:{_ORG_WORDS})\b", org.group(0)):
            starts.append(begin)
    return starts


def _pieces(text: str, starts: list[int]) -> list[str]:
    """``text`` cut at ``starts``; a piece of at most 15 characters stays with its neighbour."""
    pieces: list[str] = []
    bounds = sorted(set(starts) | {0})
    for a, b in zip(bounds, bounds[1:] + [len(text)]):
        piece = text[a:b].strip()
        if not piece:
            continue
        if pieces and (len(piece) <= _MIN_ENTRY or len(pieces[-1]) <= _MIN_ENTRY):
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    return pieces


def _unglue(entry: str) -> str:
    """A label glued to its entry gets a space: "1Repper J" → "1. Repper J", "[1]Repper" → "[1] Repper"."""
    entry = re.sub(rf"^(\[\d{{1,4}}\]|\d{{1,4}}[.)])(?=[{_UP}{_LOW}])", r"\1 ", entry)
    return re.sub(rf"^(\d{{1,4}})(?=[{_UP}][{_LOW}])", r"\1. ", entry)


def split_references(text: str) -> list[str]:
    """Reference-list entries of a references section (numbered "[n]" / "n." / "n)" labels kept).

    Entries are one per non-empty line; a line that holds several entries (a plain-text or
    Markdown bibliography whose lines the reader joined into one paragraph) is cut at each next
    number label ("1. … 2. …", "[1] … [2] …", "1Repper … 2Cacioppo …") and at each new author
    group or corporate author that follows the end of an entry (". Smith A, Jones B." /
    "460. Tew, J., Ramon, S." / "2010. World Health Organization."). Pieces of 15 characters or
    fewer are not entries.
    """
    entries: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if len(line) <= _MIN_ENTRY:
            continue
        for numbered in _pieces(line, _numbered_starts(line)):
            for entry in _pieces(numbered, _author_starts(numbered)):
                if len(entry) > _MIN_ENTRY:
                    entries.append(_unglue(entry))
    return entries


def link_references(citations: list[Citation], references: list[str]) -> list[Citation]:
    """Attach the matching reference entry (``citation.reference``) where one is found.

    Numeric citations match entries numbered ``[n]``/``n.``/``n)`` (or the n-th entry when none
    are numbered); author-year citations match the first entry that starts with the first
    author's surname and contains the year.
    """
    numbered = {}
    for entry in references:
        match = _REF_NUMBER.match(entry)
        if match:
            numbered[int(match.group(1) or match.group(2))] = entry
    for citation in citations:
        if citation.numbers:
            n = citation.numbers[0]
            citation.reference = numbered.get(n) or (references[n - 1] if not numbered and 0 < n <= len(references) else None)
        elif citation.first_author and citation.year:
            surname = citation.first_author.split()[-1] if " " in citation.first_author and not citation.first_author.startswith(("van ", "Van ", "de ", "De ", "Le ")) else citation.first_author
            for entry in references:
                body = _REF_NUMBER.sub("", entry)
                named = body.lower().startswith(surname.lower()) or surname.lower() in body[:60].lower()
                if named and citation.year in body:
                    citation.reference = entry
                    break
    return citations
