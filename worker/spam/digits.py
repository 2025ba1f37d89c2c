"""The digits of a Latin-1 text, told by one bytes translation rather than a pattern tried at every position.

In Latin-1, as in ASCII, the only decimal digits (what ``\\d`` matches, ASCII or not) are "0" to "9" ("²" and "½"
are numbers, not decimal digits): their count and values are the text's bytes once every other one is deleted.
"""

from __future__ import annotations

_NOT_DIGITS = bytes(code for code in range(256) if not chr(code).isdecimal())


def latin1_digits(text: str) -> bytes | None:
    """Return the decimal digits of ``text`` in order, or None when it holds a character beyond Latin-1."""
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return None
    return raw.translate(None, _NOT_DIGITS)
