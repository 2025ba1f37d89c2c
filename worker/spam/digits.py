"""The digits of a Latin-1 text, told by one bytes translation rather than a pattern tried at every position.

In Latin-1, as in ASCII, the only decimal digits (what ``\\d`` matches, ASCII or not) are "0" to "9" ("²" and "½"
are numbers, not decimal digits): their count and values are the text's bytes once every other one is deleted.
"""

from __future__ import annotations

from functools import lru_cache

_NOT_DIGITS = bytes(code for code in range(256) if not chr(code).isdecimal())
_DIGIT_MARKS = bytes(ord("0") if chr(code).isdecimal() else ord(" ") for code in range(256))


def latin1_digits(text: str) -> bytes | None:
    """Return the decimal digits of ``text`` in order, or None when it holds a character beyond Latin-1."""
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return None
    return raw.translate(None, _NOT_DIGITS)


@lru_cache(maxsize=256)
def first_digit(text: str) -> int:
    """Return where a pattern starting on a decimal digit may first match ``text``: the first digit of a Latin-1 text
    (its length when there is none), else 0 (cached: the phone and number patterns read the same texts).

    A search from there finds what one from the start finds, a pattern's look-behind still seeing the text before it.
    """
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return 0
    at = raw.translate(_DIGIT_MARKS).find(b"0")
    return len(text) if at < 0 else at
