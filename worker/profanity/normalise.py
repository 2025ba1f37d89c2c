"""One pass over the text that folds case, accents, look-alikes and invisibles, keeping offsets.

Every character maps to exactly one character, so an offset in the folded text is the same offset
in the original: spans found on the folded text need no index map.
"""

from __future__ import annotations

import unicodedata

IGNORABLE = "\x7f"
"""Stands for a character that hides inside words (zero-width, soft hyphen, combining mark)."""

# Look-alikes that NFKD does not fold onto Latin letters: Cyrillic, Greek and a few Latin oddities.
HOMOGLYPHS: dict[str, str] = {
    # Cyrillic (capitals reach these through casefold)
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "і": "i", "ї": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "һ": "h", "г": "r",
    "п": "n", "ь": "b", "и": "u", "ԛ": "q", "ԝ": "w",
    # Greek
    "α": "a", "β": "b", "ε": "e", "ζ": "z", "η": "n", "ι": "i", "κ": "k", "μ": "u", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "γ": "y", "ω": "w", "ς": "s",
    # Latin letters without a decomposition
    "ı": "i", "ɑ": "a", "ɡ": "g", "ℓ": "l", "ø": "o", "đ": "d", "ł": "l", "ħ": "h", "ŧ": "t", "ƒ": "f",
    "ß": "s", "æ": "a", "œ": "o",
    # punctuation that stands for an apostrophe, a hyphen, a dot or a star
    "’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-",
    "·": ".", "•": ".", "∗": "*", "＊": "*",
    IGNORABLE: " ",
}  # fmt: skip

# Format characters NFKD keeps but that render as nothing or as blank space.
_INVISIBLE = frozenset("\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u3164\uffa0\u2800")


def _fold_char(char: str) -> str:
    """Return the one character ``char`` folds to (see the module docstring)."""
    if char in HOMOGLYPHS:
        return HOMOGLYPHS[char]
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf") or char in _INVISIBLE:
        return IGNORABLE
    if category[0] in "ZC":
        return " "
    decomposed = unicodedata.normalize("NFKD", char.casefold())
    bare = [c for c in decomposed if not unicodedata.combining(c)]
    if not bare:
        return IGNORABLE
    first = bare[0]
    return HOMOGLYPHS.get(first, first)


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that folds characters it has not seen yet on first use."""

    def __missing__(self, code: int) -> str:
        value = _fold_char(chr(code))
        self[code] = value
        return value


def _build_table() -> _FoldTable:
    """Precompute ASCII and Latin-1; everything else is folded lazily and then memoised."""
    table = _FoldTable()
    for code in range(256):
        table[code] = _fold_char(chr(code))
    for char, value in HOMOGLYPHS.items():
        table[ord(char)] = value
    return table


FOLD_TABLE = _build_table()
LATIN1_FOLD = bytes(ord(FOLD_TABLE[code]) for code in range(256))
"""The fold of each Latin-1 character, as a ``bytes.translate`` table: each folds to one Latin-1 character."""


_RECENT: list[tuple[tuple[str, str], ...]] = [()]
"""The last two texts folded, with their folds (one tuple, swapped whole): the profanity and abuse checks fold
the same content (the name in between), and that costs ~7 us for 250 characters with accents."""


def fold_text(text: str) -> str:
    """Return ``text`` lower-cased, without accents, look-alikes mapped to Latin, same length."""
    recent = _RECENT[0]
    for seen, folded in recent:
        if seen is text:
            return folded
    try:  # most comments are Latin-1: a bytes table folds them 25 times faster than the str table
        folded = text.encode("latin-1").translate(LATIN1_FOLD).decode("latin-1")
    except UnicodeEncodeError:
        folded = text.translate(FOLD_TABLE)
    _RECENT[0] = ((text, folded), *recent[:1])
    return folded
