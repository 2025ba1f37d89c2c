"""Phone numbers as spammers write them: spaced, dotted, bracketed, with a country code, with letters for digits.

Spam that wants a call writes its number so that a reader can dial it and a filter cannot read it:
``+91-9950211818``, ``1 - 844-780-67 62``, ``(((08295003531)))``, ``I-888-884-Olll``, ``1-8OO``. Honest
comments hold numbers too (view counts, years, versions, error codes, IP addresses), so a number counts
only when it is written like a phone number: grouped as one is dialled, or after a ``+`` or ``00``
country prefix, or as a toll-free number. A bare run of digits is reported apart, as ``loose``: it is a
phone number only when the words around it say so (:mod:`worker.spam.commerce` decides).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Letters that spammers type for digits, only ever read inside a run that already holds real digits.
_LOOKALIKES = str.maketrans({"o": "0", "O": "0", "I": "1", "l": "1", "i": "1", "|": "1", "S": "5", "B": "8"})
_DIGITISH = "0-9OoIliS|B"
_CANDIDATE = re.compile(
    rf"(?<![\w.+/:#-])(?P<prefix>\+|00)?\s*(?:\(\s*)*[{_DIGITISH}][{_DIGITISH} \t().\-/]{{6,28}}[{_DIGITISH}]"
    r"(?![\w/:%])"
)
# Digits glued to a word ("SPECIALIST09001340118"): only a long bare run, so always loose.
_GLUED = re.compile(r"(?<=[^\W\d_])\d{10,13}(?!\w)")
_FIVE_DIGITS = re.compile(r"\d(?:\D*\d){4}")
_GROUPS = re.compile(r"[0-9]+")
_TOLL_FREE = re.compile(r"^1?8(?:00|33|44|55|66|77|88)\d{7}$")
_DATE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
_DECIMAL_OR_THOUSANDS = re.compile(r"^\d{1,3}(?:[ .,]\d{3})+(?:[.,]\d+)?$|^\d+[.,]\d+$")
_IP = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?$")
_RANGE = re.compile(r"^\d{1,4}\s*-\s*\d{1,4}$")


@dataclass(frozen=True, slots=True)
class Phone:
    """One phone number found: its digits, whether it is only a bare run of digits (``loose``), its text."""

    digits: str
    loose: bool
    text: str = ""


def _plausible(digits: str) -> bool:
    # A phone number has 9 to 15 digits (E.164) and is not one digit repeated, as view counts often are.
    return 9 <= len(digits) <= 15 and len(set(digits)) >= 3 and len(set(digits.lstrip("0"))) >= 2


@lru_cache(maxsize=256)
def find_phones(text: str) -> tuple[Phone, ...]:
    """Return the phone numbers written in ``text``, in order, each once (cached: several signals ask)."""
    if not _FIVE_DIGITS.search(text):
        return ()
    found: list[Phone] = []
    seen: set[str] = set()
    for match in _CANDIDATE.finditer(text):
        raw = match.group().strip()
        body = raw.lstrip("+").strip()
        real_digits = sum(ch.isdigit() for ch in body)
        if real_digits < 5 or real_digits * 2 < sum(ch.isalnum() for ch in body):
            continue  # mostly letters: words, not a number with a few letters for digits
        if _DATE.match(body) or _DECIMAL_OR_THOUSANDS.match(body) or _IP.match(body) or _RANGE.match(body):
            continue
        normal = body.translate(_LOOKALIKES)
        digits = "".join(_GROUPS.findall(normal))
        if match.group("prefix") == "00":
            digits = digits[2:] if digits.startswith("00") else digits
        if not _plausible(digits) or digits in seen:
            continue
        groups = _GROUPS.findall(normal)
        # Dialled groups: 3-3-4, 2-2-2-2-2, 4-3-3...; a list of small numbers ("1 2 3 4 5") is not one.
        grouped = (
            2 <= len(groups) <= 6 and all(len(g) <= 5 for g in groups[1:]) and sum(len(g) == 1 for g in groups) <= 1
        )
        prefixed = match.group("prefix") is not None
        toll_free = bool(_TOLL_FREE.match(digits))
        seen.add(digits)
        found.append(Phone(digits, not (grouped or prefixed or toll_free), match.group().strip()))
    for match in _GLUED.finditer(text):
        digits = match.group()
        if _plausible(digits) and digits not in seen:
            seen.add(digits)
            found.append(Phone(digits, True, digits))
    return tuple(found)
