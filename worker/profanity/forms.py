"""Finding the listed word behind one written token: leetspeak, masks, stretched letters, glue.

Each function takes a folded token (see :mod:`worker.profanity.normalise`) and returns the key of
the lexicon word it stands for, or None. They are slow-ish Python, so the matcher calls them once
per distinct token and caches the answer.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from worker.profanity.lexicon import MASKS, Lexicon, Severity

MAX_VARIANTS = 32
"""Leetspeak readings tried per token (``1`` may be ``i`` or ``l``, ``@`` may be ``a`` or ``o``)."""
MIN_EVADED_LENGTH = 3
"""Shorter keys ("pd", "tg") match only as written: too many innocent tokens look like them."""
MAX_GLUE_LENGTH = 40
MAX_PIECE_LENGTH = 12

# Ordinals, units and years are numbers, not leetspeak: "73rd" is not "terd".
_NUMBER = re.compile(r"\d{2,}.*|\d+(?:st|nd|rd|th|e|er|re|eme|k|m|h|s|x|d|am|pm)?")
_RUN = re.compile(r"(.)\1*")
_STRETCH = re.compile(r"(.)\1\1")


def runs(word: str) -> tuple[str, tuple[int, ...]]:
    """Split ``word`` into its letters without repeats and the length of each run: fuuck -> fuck, 1211."""
    found = [m.group() for m in _RUN.finditer(word)]
    return "".join(r[0] for r in found), tuple(len(r) for r in found)


def build_stretch_index(lexicon: Lexicon) -> dict[str, list[tuple[tuple[int, ...], str]]]:
    """Index the lexicon's words by their letters without repeats."""
    index: dict[str, list[tuple[tuple[int, ...], str]]] = {}
    for key in lexicon.words:
        if key.isalpha() and len(key) >= MIN_EVADED_LENGTH:
            squeezed, lengths = runs(key)
            index.setdefault(squeezed, []).append((lengths, key))
    return index


def build_mask_index(lexicon: Lexicon) -> dict[tuple[int, str], list[str]]:
    """Index the lexicon's words by length and first letter, most common words first."""
    index: dict[tuple[int, str], list[str]] = {}
    for key in sorted(lexicon.words, key=lambda k: lexicon.priority.get(k, len(lexicon.priority))):
        if key.isalpha() and len(key) >= MIN_EVADED_LENGTH:
            index.setdefault((len(key), key[0]), []).append(key)
    return index


def is_number(token: str) -> bool:
    """True for numbers, ordinals and quantities: 2024, 73rd, 1st, 10km."""
    return _NUMBER.fullmatch(token) is not None


def leet_variants(token: str, lexicon: Lexicon) -> Iterator[str]:
    """Yield readings of ``token`` with look-alike characters replaced by letters, likeliest first."""
    options = [lexicon.leet.get(char, char) for char in token]
    for letters in itertools.islice(itertools.product(*options), MAX_VARIANTS):
        yield "".join(letters)


def stretched(word: str, lexicon: Lexicon, index: dict[str, list[tuple[tuple[int, ...], str]]]) -> str | None:
    """Return the word ``word`` stretches (fuuuck, connnnard), when it has a run of three or more."""
    if not _STRETCH.search(word):
        return None
    squeezed, lengths = runs(word)
    for wanted, key in index.get(squeezed, ()):
        # Each run must equal the word's, or be a stretch (3+) of it: "baisse" is not "baise".
        if all(have == need or have >= 3 for have, need in zip(lengths, wanted, strict=True)):
            return key
    return None


def masked(token: str, lexicon: Lexicon, index: dict[tuple[int, str], list[str]]) -> str | None:
    """Return the word a masked token hides (f*ck, p*te, f**king), given its first letter and two more."""
    if token[0] in MASKS or not any(c in MASKS for c in token):
        return None
    letters = "".join(c if c in MASKS else lexicon.leet.get(c, c)[0] for c in token)
    known = len(letters) - sum(letters.count(m) for m in MASKS)
    if known < 2 or known < len(letters) - known:
        return None
    for key in index.get((len(letters), letters[0]), ()):
        if all(c in MASKS or c == k for c, k in zip(letters, key, strict=True)):
            return key
    return None


def glued(word: str, lexicon: Lexicon) -> str | None:
    """Return the root of a known glued shape (motherfucker, fuckface, dumbass), else None."""
    glue = lexicon.glue
    if not glue.roots or len(word) > MAX_GLUE_LENGTH:
        return None
    # best[i]: (a root was seen, the first root) for the best split of word[:i]
    best: list[tuple[bool, str] | None] = [None] * (len(word) + 1)
    best[0] = (False, "")
    for start in range(len(word)):
        state = best[start]
        if state is None:
            continue
        seen, root = state
        for end in range(start + 1, min(len(word), start + MAX_PIECE_LENGTH) + 1):
            piece = word[start:end]
            if piece in glue.roots:
                step = (True, root or piece)
            elif not seen and piece in glue.before:
                step = (False, "")
            elif seen and piece in glue.after:
                step = (True, root)
            else:
                continue
            current = best[end]
            if current is None or (step[0] and not current[0]):
                best[end] = step
    final = best[-1]
    if final is None or not final[0] or final[1] == word:
        return None
    return final[1] if final[1] in lexicon.words else None


def swapped(word: str, lexicon: Lexicon) -> str | None:
    """Return a strong word spelt with better-profanity's letter swaps (fvck, cvnt), else None."""
    if len(word) < 4 or not any(c in lexicon.swaps for c in word):
        return None
    options = [c + lexicon.swaps.get(c, "") for c in word]
    for letters in itertools.islice(itertools.product(*options), 1, MAX_VARIANTS):
        key = "".join(letters)
        table = lexicon.words.get(key)
        if table and max(s.rank for s in table.values()) >= Severity.STRONG.rank:
            return key
    return None
