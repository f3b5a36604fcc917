"""Open text exports whatever their encoding, streaming.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are decoded as such. A file whose first
64 KB are not UTF-8 is decoded as cp1252 (which reads latin-1 text the same), or, when it holds
bytes cp1252 does not define, with the code page charset-normalizer prefers among a few
Western/Central European ones. A UTF-8 file with a few stray 8-bit bytes
(mixed encodings, typical of concatenated exports) is decoded as UTF-8 with those bytes read as
cp1252; the count is reported (W106).
"""

from __future__ import annotations

import codecs
import io
import threading
from dataclasses import dataclass
from pathlib import Path

SAMPLE_BYTES = 65536
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FALLBACKS = ["cp1252", "cp1250", "latin_1", "mac_roman"]
_ERRORS = "srnlp-cp1252"
_state = threading.local()


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    chunk = exc.object[exc.start : exc.end]
    _state.fallback_bytes = getattr(_state, "fallback_bytes", 0) + len(chunk)
    return chunk.decode("cp1252", errors="replace").replace("\ufffd", chunk.decode("latin-1")), exc.end


codecs.register_error(_ERRORS, _cp1252_fallback)


@dataclass
class Sniff:
    """What the first bytes of a file tell: its encoding and a decoded sample."""

    encoding: str
    sample: str
    binary: bool


def _looks_binary(raw: bytes) -> bool:
    if not raw:
        return False
    if b"\x00" in raw:
        return True
    control = sum(1 for b in raw[:4096] if b < 32 and b not in (9, 10, 12, 13, 27))
    return control / min(len(raw), 4096) > 0.05


def sniff(path: Path, size: int = SAMPLE_BYTES) -> Sniff:
    """Guess the encoding of ``path`` from its first ``size`` bytes."""
    with open(path, "rb") as fh:
        raw = fh.read(size)
    for bom, name in _BOMS:
        if raw.startswith(bom):
            sample = raw.decode(name, errors="ignore")
            return Sniff(name, sample, binary="\x00" in sample)
    if _looks_binary(raw):
        return Sniff("binary", "", binary=True)
    try:
        return Sniff("utf-8", raw.decode("utf-8"), binary=False)
    except UnicodeDecodeError as exc:
        if exc.start >= len(raw) - 4 and exc.reason == "unexpected end of data":
            return Sniff("utf-8", raw[: exc.start].decode("utf-8"), binary=False)
    # Some bytes are not UTF-8. If real UTF-8 multi-byte characters occur too, the file is
    # UTF-8 with stray 8-bit bytes (concatenated exports); otherwise it is an 8-bit file.
    text = raw.decode("utf-8", errors="surrogateescape")
    if any(ord(ch) > 127 and not 0xDC80 <= ord(ch) <= 0xDCFF for ch in text):
        return Sniff("utf-8+cp1252", raw.decode("utf-8", errors=_ERRORS), binary=False)
    encoding = _best_8bit(raw)
    return Sniff(encoding, raw.decode(encoding, errors="replace"), binary=False)


_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def _best_8bit(raw: bytes) -> str:
    """cp1252 (a superset of latin-1's printable range) unless it cannot decode ``raw``."""
    if not _CP1252_UNDEFINED.intersection(raw):
        return "cp1252"
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(raw, cp_isolation=_FALLBACKS).best()
    except Exception:  # pragma: no cover - charset-normalizer is a dependency
        best = None
    return best.encoding if best is not None else "latin-1"


class TextSource:
    """A streaming text reader over a file in the sniffed encoding.

    ``encoding`` is what was used; ``fallback_bytes`` counts bytes read as cp1252 inside a UTF-8
    file once reading is finished.
    """

    def __init__(self, path: Path, sniffed: Sniff | None = None) -> None:
        self.path = path
        self.sniffed = sniffed or sniff(path)
        enc = self.sniffed.encoding
        if enc in ("utf-8", "utf-8+cp1252"):
            self.encoding, errors = "utf-8", _ERRORS
        else:
            self.encoding, errors = enc, "replace"
        self._errors = errors
        _state.fallback_bytes = 0

    @property
    def fallback_bytes(self) -> int:
        return getattr(_state, "fallback_bytes", 0)

    def open(self) -> io.TextIOWrapper:
        """The file opened for the csv module (``newline=""``)."""
        return open(self.path, encoding=self.encoding, errors=self._errors, newline="")

    def open_lines(self) -> io.TextIOWrapper:
        """The file opened for line iteration (universal newlines, 1 MB buffer)."""
        return open(self.path, encoding=self.encoding, errors=self._errors, newline=None, buffering=1 << 20)

    def describe(self) -> str | None:
        """The W106 encoding description, or ``None`` when the file was clean UTF-8."""
        if self.encoding == "utf-8" and not self.fallback_bytes:
            return None
        if self.encoding == "utf-8-sig" and not self.fallback_bytes:
            return None
        if self.encoding in ("utf-8", "utf-8-sig"):
            return f"UTF-8 with {self.fallback_bytes} byte(s) read as cp1252"
        if self.encoding in ("utf-16", "utf-32"):
            return None  # a BOM makes the decoding exact
        return self.encoding
