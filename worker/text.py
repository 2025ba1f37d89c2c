"""Text helpers shared by the checks: normalisation and word splitting."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"\w+(?:['’-]\w+)*", re.UNICODE)


def nfkc(text: str) -> str:
    """Return ``text`` in Unicode NFKC form, trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


def has_control_chars(text: str) -> bool:
    """True when ``text`` holds a control, format or unassigned character (Unicode category C)."""
    return any(unicodedata.category(ch).startswith("C") for ch in text)


def visible(text: str) -> str:
    """Return ``text`` without control, format and unassigned characters, trimmed."""
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith("C")).strip()


# The combining diacritical mark blocks: the accents of Latin, Greek and Cyrillic letters.
_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


@lru_cache(maxsize=1024)
def fold(text: str) -> str:
    """Return a lower-case, accent-free form of ``text`` for matching words (cached: checks fold one text often)."""
    if text.isascii():
        return text.lower()
    # Case is folded after the decomposition: styled capitals ("𝑨", "Ａ") only become "A" there.
    return _ACCENTS.sub("", unicodedata.normalize("NFKD", text).casefold())


def words(text: str) -> list[str]:
    """Return the folded words of ``text``."""
    return _WORD.findall(fold(text))
