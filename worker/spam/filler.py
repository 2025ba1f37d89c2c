"""Filler: a comment made mostly of keys held down, keyboard runs, symbol mash or one word typed over and over.

Bots probe a comment form with junk to learn whether it publishes unmoderated, and padding gets a
post past a minimum length; neither says anything to a reader. People stretch words ("sooooo",
"wowwww"), laugh ("hahaha", "kkkkk" in Portuguese), repeat a word for effect ("cool cool cool") and
cheer ("!!!!!!!"), so the signal only fires when filler makes at least half of a comment's
characters, and none of these count as filler: a stretched word is read with its runs collapsed,
laughter is a two-letter cycle, a keyboard run counts in a token of nine characters or more, a
repeated word needs eight copies in a row, and runs of ``.!?`` or of the separators ``-_=*~`` are
emphasis and rules, not mash.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Mapping
from functools import lru_cache

from worker.spam.evidence import Signal

_LONG = 5
_LONG_TOKEN = re.compile(rf"[^\W_]{{{_LONG},}}|(?:[^\w\s]|_){{{_LONG},}}")
"""Runs of letters and digits, or of symbols, long enough to be filler on their own (shorter ones never are)."""
_RUN = re.compile(r"(.)\1+", re.DOTALL)
_CYCLE = re.compile(r"(..)\1+.?")
_ASCII_SYMBOLS = re.compile(r"[!-/:-@\[-`{-~]+")
_EMPHASIS = frozenset(".!?-_=*~")
_ROWS = ("abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm", "0123456789")
_SEQUENCE = 6
"""Characters in keyboard or alphabet order that make a run ("qwerty", "abcdef")."""
_HELD_KEY = 5
_MASH_LETTERS = 6
_MASH_DISTINCT = 3
_SYMBOL_MASH_DISTINCT = 5
_KEYBOARD_TOKEN = 9
"""A keyboard run counts in a token this long or longer ("qwertyuiop"): shorter words may hold one by chance."""
_REPEATS = 8
_REPEATED = re.compile(rf"(?<![^\W_])([^\W_]+)(?:\s+\1(?![^\W_])){{{_REPEATS - 1},}}")
_MIN_FILLER = 10
_SHARE = 0.5


_KEYBOARD_RUN = re.compile(
    "|".join(sorted({row[i : i + _SEQUENCE] for row in _ROWS for i in range(len(row) - _SEQUENCE + 1)}))
)


def _keyboard_run(token: str) -> bool:
    """Tell whether a long token of letters is a keyboard or alphabet run ("qwertyuiop", "abcdefgh")."""
    return len(set(token)) > _MASH_DISTINCT and _KEYBOARD_RUN.search(token) is not None


def _filler_token(token: str) -> bool:
    """Tell whether one long token is filler on its own: a held key, mash of few keys, symbol mash."""
    distinct = len(set(token))
    if not token[0].isalnum():
        if not _ASCII_SYMBOLS.fullmatch(token):
            return False  # emoji, typographic punctuation: people's, not a probe's
        return (distinct == 1 and token[0] not in _EMPHASIS) or distinct >= _SYMBOL_MASH_DISTINCT
    if distinct == 1:
        return True
    if distinct <= _MASH_DISTINCT:
        collapsed = _RUN.sub(r"\1", token)
        return len(collapsed) >= _MASH_LETTERS and not _CYCLE.fullmatch(collapsed)
    return False


def _counted(word: str) -> bool:
    """Tell whether a word of letters was already counted as filler on its own."""
    return (len(word) >= _HELD_KEY and _filler_token(word)) or (len(word) >= _KEYBOARD_TOKEN and _keyboard_run(word))


def _has_run(tokens: list[str], length: int) -> bool:
    """Tell whether ``length`` tokens in a row are the same (far cheaper than the regex that needs it)."""
    if length <= 1 or not tokens:
        return bool(tokens)
    if len(tokens) - len(set(tokens)) < length - 1:
        return False  # too few repeated tokens for such a run
    same = bytes(map(operator.eq, tokens, tokens[1:]))  # 1 where a token is the one before it
    return b"\x01" * (length - 1) in same


@lru_cache(maxsize=1 << 14)
def _filler_chars(token: str) -> int:
    """Return the length of a long token (:data:`_LONG_TOKEN`) if it is filler on its own or a keyboard run, else 0.

    Cached: most long words of a comment are common words, read again in every other comment.
    """
    if not token[0].isalnum():
        return len(token) if _filler_token(token) else 0  # symbols: never a keyboard run
    if len(set(token)) <= _MASH_DISTINCT:
        return len(token) if _filler_token(token) else 0
    # A word of four letters or more is filler only as a keyboard run in a long token: most are out at once.
    return len(token) if len(token) >= _KEYBOARD_TOKEN and _KEYBOARD_RUN.search(token) else 0


@lru_cache(maxsize=1 << 14)
def _word_filler_chars(word: str) -> int:
    """Return how many characters of one word (between spaces) are filler on their own (see :func:`_filler_chars`).

    Cached: most words of a comment were read in other comments; the cache answers them without a Python loop.
    """
    if len(word) < _LONG:
        return 0  # a shorter word holds no long token
    if word.isalnum():  # the usual case: the word is one token of letters and digits
        return _filler_chars(word)
    return sum(map(_filler_chars, _LONG_TOKEN.findall(word)))


def filler_share(text: str) -> tuple[int, int]:
    """Return how many of the text's non-space characters are filler, and how many there are."""
    text = text.lower()
    words = text.split()
    found = sum(map(_word_filler_chars, words))  # long tokens never cross spaces: they are read word by word
    if _has_run(words, _REPEATS - 2):  # copies 2 to 7 of a repeated word are whole tokens between spaces
        for run in _REPEATED.finditer(text):
            word = run.group(1)
            if not _counted(word):
                found += len(word) * len(run.group().split())
    return found, sum(map(len, words))


def filler(text: str, weights: Mapping[str, float]) -> Signal | None:
    """Most of the comment is filler (see the module's docstring), and at least ten characters of it."""
    if len(text) < _MIN_FILLER:
        return None
    found, total = filler_share(text)
    if found < _MIN_FILLER or found < _SHARE * total:
        return None
    return Signal("filler", weights["filler"], {"filler_chars": found, "chars": total})
