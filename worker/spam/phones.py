"""Phone numbers as spammers write them: spaced, dotted, bracketed, with a country code, with letters for digits.

Spam that wants a call writes its number so that a reader can dial it and a filter cannot read it:
``+91-9950211818``, ``1 - 844-780-67 62``, ``(((08295003531)))``, ``I-888-884-Olll``, ``1-8OO``. Honest
comments hold numbers too (view counts, years, versions, error codes, IP addresses), so a number counts
only when it is written like a phone number: grouped as one is dialled, or after a ``+`` or ``00``
country prefix written against it (``a + 998244353`` is a sum in code), or as a toll-free number. A
bare run of digits is reported apart, as ``loose``: it is a phone number only when the words around it
say so (:mod:`worker.spam.commerce` decides).

Filters that look for a number between word boundaries are dodged by gluing it to words
(``Some972-534-5446body``), by letters between its groups (``1i888i884i0111``, ``628a215a2166``) or by
digits spaced out one by one (``321-987-4.2.4.2``): such a number still counts when, read so, it is
grouped as one is dialled or opens on a ``+`` and a country code (``word+91-9812345678word``). A row of
consecutive numbers ("10 11 12 13") is a count, not a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from worker.spam.digits import first_digit, latin1_digits
from worker.text import AsciiFast

# Letters that spammers type for digits, only ever read inside a run that already holds real digits.
_LOOKALIKES = str.maketrans({"o": "0", "O": "0", "I": "1", "l": "1", "i": "1", "|": "1", "S": "5", "B": "8"})
# The second reading: thin lower-case letters ("i", "l") separate groups, as a dash would; round and capital ones
# still stand for digits.
_THIN_SEPARATORS = str.maketrans({"o": "0", "O": "0", "I": "1", "|": "1", "S": "5", "B": "8", "i": "-", "l": "-"})
_DIGITISH = "0-9OoIliS|B"
_CANDIDATE = re.compile(
    rf"(?<![\w.+/:#-])(?P<prefix>\+|00)?\s*(?:\(\s*)*[{_DIGITISH}][{_DIGITISH} \t().\-/]{{6,28}}[{_DIGITISH}]"
    r"(?![\w/:%])"
)
# A disguised number: glued to the words around it, or with single letters between its digits, each letter
# next to a real digit. Glued, it starts on a real digit, "+" or a capital look-alike and ends on a real digit,
# so that "call 555" does not read "ll" as "11"; it may not run on from other digits or a decimal.
_DISGUISED = re.compile(
    rf"(?:(?<![\w.+/:#-])(?P<prefix>\+|00)?\s*(?:\(\s*)*[{_DIGITISH}]|(?<=[^\W\d_])(?P<glued_prefix>\+)?[0-9IOSB])"
    rf"(?:[{_DIGITISH} \t().\-/]|(?<=\d)[^\W\d_](?=[{_DIGITISH}])|(?<=[{_DIGITISH}])[^\W\d_](?=\d)){{6,28}}"
    rf"(?:[{_DIGITISH}](?![\w/:%])|\d(?![\d_/:%]))(?![.,]\d)"
)
_COUNTRY_CODE = re.compile(r"\(?\d{1,3}\)?[ \t.\-/]")
"""A country code of one to three digits, set apart from the number that follows."""
_HEX = re.compile(r"[0-9a-fA-F]+")
# Look-alike letters alone after the number's last digit and a space ("... 67 89. Il a", "555-0190 I called"): the
# next sentence's word ("Il", "I"), not digits; a spammer's lettered group is glued to the others ("884-Olll").
_NEXT_WORD = re.compile(r"(?<=[\d)])\.?\s+[OoIliS|B]+$")
# A letter next to a digit, or with a dot or a dash between (only whether there is one is read). This pattern and
# _GLUED start on a digit and look behind it, so that Python's regular expressions jump from one digit to the
# next instead of trying every position of the text.
_LETTER_DIGIT = AsciiFast(r"\d(?:(?<=[^\W\d_]\d)|(?<=[^\W\d_][.-]\d)|[.-]?[^\W\d_])")
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Digits glued to a word ("SPECIALIST09001340118"): only a long bare run, so always loose.
_GLUED = AsciiFast(r"\d(?<=[^\W\d_]\d)\d{9,12}(?!\w)")
_FIVE_DIGITS = AsciiFast(r"\d(?:\D*\d){4}")
# Five digits with nothing but what a written number holds between them (look-alikes, spaces, brackets, dots,
# dashes, slashes, "+"): a candidate must have them, and the usual text has none, so it spares the candidates'
# pattern, which is tried at every letter that may stand for a digit.
_GROUPED_DIGITS = re.compile(r"[0-9](?:[OoIliS|B\s().\-/+]*[0-9]){4}")
_GROUPS = re.compile(r"[0-9]+")
_SPACED_DIGITS = re.compile(r"(?<![0-9])[0-9](?:[ .-][0-9](?![0-9]))+")
_TOLL_FREE = re.compile(r"^1?8(?:00|33|44|55|66|77|88)\d{7}$")
_DATE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
# A number in thousands marks its decimals otherwise than its thousands, with one mark throughout: "1.500.000"
# and "2 000 000,50" are numbers, "1.888.801.6003" and "+1 866.555.0163" are phone numbers.
_DECIMAL_OR_THOUSANDS = re.compile(
    r"^\d{1,3}(?P<mark>[ .,])\d{3}(?:(?P=mark)\d{3})*(?:(?!(?P=mark))[.,]\d+)?$|^\d+[.,]\d+$"
)
_IP = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?$")
_NETWORK = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}/\d{1,2}(?!\d)")
_RANGE = re.compile(r"^\d{1,4}\s*-\s*\d{1,4}$")
# Numbers whose caller pays the owner by the minute: France's 081, 082 and 089 (ten digits, or 33 then nine),
# the UK's 09, 084 and 087 (eleven digits, or 44 then ten), North America's 900.
_SURCHARGED = re.compile(
    r"^(?:0|33)(?P<fr>8[129])\d{7}$|^(?:0|44)(?:(?P<uk>9)\d{9}|(?P<uk_service>8[47])\d{8})$|^1?(?P<nanp>900)\d{7}$"
)
_PREMIUM_LINES = {"fr": "France 0", "uk": "UK 0", "uk_service": "UK 0", "nanp": "North America "}
"""How each group of :data:`_SURCHARGED` is named: where, and the prefix as it is dialled at home."""


@dataclass(frozen=True, slots=True)
class Phone:
    """One phone number found: its digits, whether it is only a bare run of digits (``loose``), its text."""

    digits: str
    loose: bool
    text: str = ""


def premium_line(digits: str) -> str | None:
    """Return the premium-rate line a number's digits dial ("France 089", "UK 09", "North America 900"), else None."""
    match = _SURCHARGED.match(digits)
    if match is None or match.lastgroup is None:
        return None
    return _PREMIUM_LINES[match.lastgroup] + match.group(match.lastgroup)


def surcharged(digits: str) -> bool:
    """Tell whether a number's digits are those of a premium-rate line, which earns its owner money by the call."""
    return premium_line(digits) is not None


def written_plainly(phone: Phone) -> bool:
    """Tell whether a number is written as people write one: no letters for digits, no digits spaced one by one."""
    if any(ch.isalpha() for ch in phone.text):
        return False
    return not any(sum(ch.isdigit() for ch in run.group()) >= 3 for run in _SPACED_DIGITS.finditer(phone.text))


def _plausible(digits: str) -> bool:
    # A phone number has 9 to 15 digits (E.164) and is not one digit repeated, as view counts often are.
    return 9 <= len(digits) <= 15 and len(set(digits)) >= 3 and len(set(digits.lstrip("0"))) >= 2


def _unspaced(normal: str) -> str:
    # Digits spaced out one by one ("4.2.4.2", "8 4 4") are one group written so as not to look like one.
    return _SPACED_DIGITS.sub(lambda m: "".join(ch for ch in m.group() if ch.isdigit()), normal)


def _counting(groups: list[str]) -> bool:
    # "7 8 9 10 11 12": numbers that each add one to the last are a count, a list or a range of pages.
    numbers = [int(g) for g in groups]
    return len(numbers) >= 4 and all(b == a + 1 for a, b in pairwise(numbers))


def _reading(body: str, table: dict[int, str], prefix: str | None) -> tuple[str, bool] | None:
    """Return the digits of ``body`` read with ``table`` and whether they are grouped as dialled; None if no number."""
    normal = body.translate(table)
    raw_groups = _GROUPS.findall(normal)
    if _counting(raw_groups):
        return None
    digits = "".join(raw_groups)
    if prefix == "00":
        digits = digits[2:] if digits.startswith("00") else digits
    if not _plausible(digits):
        return None
    groups = _GROUPS.findall(_unspaced(normal))
    # Dialled groups: 3-3-4, 2-2-2-2-2, 4-3-3...; a list of small numbers ("1 2 3 4 5") is not one.
    grouped = 2 <= len(groups) <= 6 and all(len(g) <= 5 for g in groups[1:]) and sum(len(g) == 1 for g in groups) <= 1
    return digits, grouped


def _candidate(match: re.Match[str]) -> tuple[str, str, str | None] | None:
    """Return the text, body and prefix of a match that may be a number, None for words, dates, addresses..."""
    raw = _NEXT_WORD.sub("", match.group().strip())
    body = raw.lstrip("+").strip()
    real_digits = sum(ch.isdigit() for ch in body)
    if real_digits < 5 or real_digits * 2 < sum(ch.isalnum() for ch in body):
        return None  # mostly letters: words, not a number with a few letters for digits
    if _DATE.match(body) or _DECIMAL_OR_THOUSANDS.match(body) or _IP.match(body) or _RANGE.match(body):
        return None
    if _NETWORK.search(body):
        return None  # an address with its network size ("10.0.0.1/24") is no phone number, whatever is before it
    prefix = match.groupdict().get("prefix") or match.groupdict().get("glued_prefix")
    if prefix and raw[len(prefix) : len(prefix) + 1].isspace():
        prefix = None  # a country prefix is written against its number ("+91"); "a + 998244353" is a sum in code
    return raw, body, prefix


def _in_hex_run(text: str, start: int, end: int) -> bool:
    """Tell whether ``text[start:end]`` is hexadecimal and runs on into more of it: part of a hash or an id."""
    if not _HEX.fullmatch(text, start, end):
        return False
    return (start > 0 and text[start - 1] in _HEX_DIGITS) or (end < len(text) and text[end] in _HEX_DIGITS)


def _disguised(text: str, seen: set[str]) -> list[Phone]:
    """Return the numbers glued to words or with letters between their digits, only when grouped as dialled."""
    found = []
    for match in _DISGUISED.finditer(_URL.sub(" ", text) if "/" in text or "www" in text else text):
        candidate = _candidate(match)
        if candidate is None:
            continue
        if _in_hex_run(match.string, match.start(), match.end()):
            continue  # part of a hash or an id in hexadecimal ("b9606001de92...") is not a number with letters
        raw, body, prefix = candidate
        readings = [r for table in (_LOOKALIKES, _THIN_SEPARATORS) if (r := _reading(body, table, prefix)) is not None]
        digits, grouped = next((r for r in readings if r[1]), ("", False))
        if not grouped and readings and prefix == "+" and _COUNTRY_CODE.match(body):
            digits, grouped = readings[0][0], True  # "+91-9799144164": a country code, then the number
        if grouped and digits not in seen:
            seen.add(digits)
            found.append(Phone(digits, False, raw))
    return found


def _without_links(text: str) -> str:
    """Blank out the links of ``text``: the digits of an id, a date or a query in a link are no phone number."""
    return _URL.sub(lambda link: " " * len(link.group()), text) if "/" in text or "www" in text.lower() else text


@lru_cache(maxsize=256)
def find_phones(text: str) -> tuple[Phone, ...]:
    """Return the phone numbers written in ``text``, in order, each once (cached: several signals ask)."""
    counted = latin1_digits(text)  # the usual case: five digits counted rather than looked for at every position
    if (len(counted) < 5) if counted is not None else not _FIVE_DIGITS.search(text):
        return ()
    text = _without_links(text)
    found: list[Phone] = []
    seen: set[str] = set()
    rest = text
    start = first_digit(text)  # the patterns below start on a digit: none before it
    candidates = _CANDIDATE.finditer(text) if _GROUPED_DIGITS.search(text, start) else iter(())
    for match in candidates:
        candidate = _candidate(match)
        if candidate is None:
            continue
        raw, body, prefix = candidate
        readings = [r for table in (_LOOKALIKES, _THIN_SEPARATORS) if (r := _reading(body, table, prefix)) is not None]
        if not readings:
            continue
        digits, grouped = next((r for r in readings if r[1]), readings[0])  # "1-844i802": "i" may be a dash
        if digits in seen:
            continue
        toll_free = bool(_TOLL_FREE.match(digits))
        seen.add(digits)
        found.append(Phone(digits, not (grouped or prefix is not None or toll_free), raw))
        rest = rest.replace(match.group(), " " * len(match.group()), 1)
    for match in _GLUED.of(text).finditer(text, start):
        digits = match.group()
        if _plausible(digits) and digits not in seen:
            seen.add(digits)
            found.append(Phone(digits, True, digits))
    if _LETTER_DIGIT.of(rest).search(
        rest, start
    ):  # a digit next to a letter (or a dash or dot between): glued, or lettered
        found += _disguised(rest, seen)
    return tuple(found)
