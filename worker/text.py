"""Text helpers shared by the checks: normalisation and word splitting."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any


class AsciiFast:
    """A pattern that reads an ASCII text with ASCII classes (``re.ASCII``), as fast as ``[0-9]`` is beside ``\\d``.

    Python's regular expressions test ``\\d`` and ``\\w`` with the Unicode tables at every position of the text;
    on an ASCII text the ASCII classes match the very same characters, far more cheaply. Most folded comments are
    ASCII (:func:`fold` takes the accents off), so a pattern that scans every position of every comment gains much.
    Only for patterns whose matches the two modes cannot tell apart on ASCII text: no ``\\s`` (Unicode counts
    "\\x1c" to "\\x1f" as spaces, ASCII does not) and no case folding (Unicode folds "ſ" to "s").
    """

    __slots__ = ("ascii", "unicode")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        if flags & re.IGNORECASE or "(?i" in pattern or "\\s" in pattern or "\\S" in pattern:
            raise ValueError(f"not the same on ASCII text in both modes: {pattern!r}")
        self.unicode = re.compile(pattern, flags)
        self.ascii = re.compile(pattern, flags | re.ASCII)

    def of(self, text: str) -> re.Pattern[str]:
        """Return the pattern to read ``text`` with: the ASCII one when it is ASCII (told without reading it)."""
        return self.ascii if text.isascii() else self.unicode

    def search(self, text: str) -> re.Match[str] | None:
        """As :meth:`re.Pattern.search`."""
        return (self.ascii if text.isascii() else self.unicode).search(text)

    def findall(self, text: str) -> list[Any]:
        """As :meth:`re.Pattern.findall`."""
        return (self.ascii if text.isascii() else self.unicode).findall(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """As :meth:`re.Pattern.finditer`."""
        return (self.ascii if text.isascii() else self.unicode).finditer(text)

    def sub(self, replacement: str, text: str) -> str:
        """As :meth:`re.Pattern.sub` with a replacement string."""
        return (self.ascii if text.isascii() else self.unicode).sub(replacement, text)


_WORD = AsciiFast(r"\w+(?:['’-]\w+)*")


def nfkc(text: str) -> str:
    """Return ``text`` in Unicode NFKC form, trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


def has_control_chars(text: str) -> bool:
    """True when ``text`` holds a control, format or unassigned character (Unicode category C)."""
    if text.isprintable():  # no character of category C (nor a separator but the space): told in C
        return False
    return any(unicodedata.category(ch).startswith("C") for ch in text)


def visible(text: str) -> str:
    """Return ``text`` without control, format and unassigned characters, trimmed."""
    if text.isprintable():  # nothing to take out (see has_control_chars)
        return text.strip()
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith("C")).strip()


# The combining diacritical mark blocks: the accents of Latin, Greek and Cyrillic letters.
_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def _decomposed_fold(text: str) -> str:
    # Case is folded after the decomposition: styled capitals ("𝑨", "Ａ") only become "A" there.
    return _ACCENTS.sub("", unicodedata.normalize("NFKD", text).casefold())


_LATIN1_FOLDS = [_decomposed_fold(chr(code)) for code in range(256)]
_LATIN1_FOLD = bytes(ord(f) if len(f) == 1 and ord(f) < 256 else code for code, f in enumerate(_LATIN1_FOLDS))
"""The fold of each Latin-1 character that folds to one Latin-1 character, as a ``bytes.translate`` table."""
_LATIN1_UNEVEN = bytes(code for code, f in enumerate(_LATIN1_FOLDS) if len(f) != 1 or ord(f) >= 256)
"""The Latin-1 characters that do not ("ß" is "ss", "µ" a Greek letter, "½" three characters)."""


def is_latin1(text: str) -> bool:
    """Tell whether every character of ``text`` is Latin-1 (one copy of it, far faster than a pattern's search)."""
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=1024)
def fold(text: str) -> str:
    """Return a lower-case, accent-free form of ``text`` for matching words (cached: checks fold one text often)."""
    if text.isascii():
        return text.lower()
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return _decomposed_fold(text)
    if len(raw.translate(None, _LATIN1_UNEVEN)) < len(raw):
        return _decomposed_fold(text)
    # Every Latin-1 character decomposes to a letter and accents after it: the text's fold is its characters'
    # folds, which a bytes table gives for ~1% of the cost of decomposing (a French comment's accents).
    return raw.translate(_LATIN1_FOLD).decode("latin-1")


_WORD_BYTES = bytes(b if chr(b).isalnum() or chr(b) in "_'-" else 32 for b in range(128)) + bytes(128)
"""For an ASCII text: a word's characters (and the apostrophe and hyphen that join two words) kept, others spaces."""
_LONE_JOINS = tuple(sorted({a + b for a in " '-" for b in " '-"} - {"  "}))
"""An apostrophe or hyphen after or before a space or another: it joins no two words (nor at a text's ends). Each pair
is looked for on its own, far faster than a pattern tried at every position."""


def words(text: str) -> list[str]:
    """Return the folded words of ``text``."""
    folded = fold(text)
    if folded.isascii():
        # The usual case: what the pattern finds is what lies between the spaces once every character that is in
        # no word is one, unless an apostrophe or a hyphen is at a word's edge. A translation and a split are
        # several times cheaper than the pattern's matches.
        spaced = folded.encode("ascii").translate(_WORD_BYTES).decode("ascii")
        if ("'" not in spaced and "-" not in spaced) or not (
            spaced[0] in "'-" or spaced[-1] in "'-" or any(map(spaced.__contains__, _LONE_JOINS))
        ):
            return spaced.split()
    return _WORD.findall(folded)
