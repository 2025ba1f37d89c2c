"""Phone numbers spelled out in words, so that filters looking for digits miss them.

"Call one-eight-seven-seven two-two-one three-three-four-nine", "one-eight-hundred 555 0123", "appelez le zéro six,
douze, quarante-cinq, soixante-dix-huit, quatre-vingt-dix": a support scam or a psychic's line writes its number in
words to pass a filter, and a reader dialling it reads the words as digits. A run of number words (digits written
among them too) counts when, read so, it is as long as a phone number (9 to 13 digits), at least three of it are words,
it is no count ("one, two, three, four…", a song's countdown) and the text asks for a call or names a number.
"""

from __future__ import annotations

import re
from itertools import pairwise

from worker.spam.phrases import compile_phrases, words

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11,
    "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
}  # fmt: skip
_HUNDRED = frozenset({"hundred", "cent"})
_WORD = "|".join(sorted((*_UNITS, *_TENS, *_HUNDRED, "et"), key=len, reverse=True))
_NUMBER_WORDS = frozenset((*_UNITS, *_TENS, *_HUNDRED)) - {"un", "one"}
"""Number words but the articles "un" and "one": a spelled number holds two others at least, most texts none."""
_RUN = re.compile(rf"(?<!\w)(?:{_WORD}|\d{{1,4}})(?:[\s,.-]+(?:{_WORD}|\d{{1,4}}))+(?!\w)")
_TOKEN = re.compile(r"\w+")
_MIN_WORDS = 3
_DIGITS = range(9, 14)
_ASKED = compile_phrases(
    (
        "call", "dial", "ring", "text", "whatsapp", "contact", "reach", "phone", "number", "toll free", "helpline",
        "appelez", "appeler", "appelle", "composez", "joindre", "contactez", "numero", "telephone", "tel",
    )
)  # fmt: skip


def _tens(words: list[str], i: int, value: int) -> tuple[int, int]:
    """Return a tens word's number with the unit or teen after it ("soixante-dix-huit", "twenty three"), and where
    the words go on."""
    if value in (60, 80) and i < len(words) and words[i] in _UNITS and _UNITS[words[i]] >= 10:
        teen, i = _UNITS[words[i]], i + 1
        if teen == 10 and i < len(words) and words[i] in ("sept", "huit", "neuf"):
            teen, i = 10 + _UNITS[words[i]], i + 1
        return value + teen, i
    if i < len(words) and words[i] == "et":
        i += 1
    if i < len(words) and words[i] in _UNITS and 0 < _UNITS[words[i]] < 10:
        return value + _UNITS[words[i]], i + 1
    return value, i


def _groups(words: list[str]) -> tuple[list[int | str], int]:
    """Return the numbers a run of words and digits reads as (digit strings kept as written) and its words' count."""
    read: list[int | str] = []
    spelled = i = 0
    while i < len(words):
        word, after = words[i], words[i + 1] if i + 1 < len(words) else ""
        i += 1
        if word.isdigit():
            read.append(word)
        elif word == "quatre" and after in ("vingt", "vingts"):
            value, i = _tens(words, i + 1, 80)
            read.append(value)
        elif word in _TENS:
            value, i = _tens(words, i, _TENS[word])
            read.append(value)
        elif word == "dix" and after in ("sept", "huit", "neuf"):
            read.append(10 + _UNITS[after])
            i += 1
        elif word in _UNITS:
            if i < len(words) and words[i] in _HUNDRED:
                read.append(_UNITS[word] * 100)
                spelled, i = spelled + 1, i + 1
            else:
                read.append(_UNITS[word])
        elif word in _HUNDRED:
            read.append("00")
        spelled += word != "et" and not word.isdigit()
    return read, spelled


def _counting(read: list[int | str]) -> bool:
    """Tell whether the numbers run up or down one by one, as a count does."""
    values = [int(v) for v in read]
    return all(b - a == 1 for a, b in pairwise(values)) or all(a - b == 1 for a, b in pairwise(values))


def spoken_phones(folded: str) -> int:
    """Return how many phone numbers folded text spells out in words (none when it asks for no call)."""
    if len(_NUMBER_WORDS & words(folded)) < 2 or _ASKED.search(folded) is None:
        return 0  # the usual case: told by one look at the text's words
    count = 0
    for run in _RUN.finditer(folded):
        read, spelled = _groups(_TOKEN.findall(run.group()))
        digits = "".join(str(v) for v in read)
        if spelled >= _MIN_WORDS and len(digits) in _DIGITS and not _counting(read):
            count += 1
    return count
