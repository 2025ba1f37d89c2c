"""The abuse model's features: folded words, word pairs and the character n-grams of each word.

The text is folded first the way the profanity check folds it (:func:`worker.profanity.normalise.fold_text`:
case, accents, look-alikes, invisibles), which keeps every offset, so a token's span is a span of the
comment as written. Mentions (``@someone``) and links are dropped: who is addressed, or where a link
goes, is not what makes a comment abusive, and the training sets mask them anyway.

A comment's features, each counted once per occurrence:

- ``w:<word>``: one folded word;
- ``b:<word> <word>``: two neighbouring words;
- ``c:<n-gram>``: every 3- to 5-character piece of ``<word>`` (``<`` and ``>`` mark its ends), so that an
  unseen spelling or inflection (``connasses``, ``idiooot``) still shares most pieces with a known one.

Each count is divided by the square root of the comment's total count, so that a long comment does not
score higher just for being long. The same function feeds training (``scripts/train_abuse.py``) and the
check, so the two can never disagree on what a feature is.

Words aimed at a person (:func:`aimed`: the few words after "you", "tu", "toi", "espèce", "t'es", and the
two before, as in "you are a complete X", "kill you") count once more in the model, by a share of their
own weight when it is positive: "coward" said of the reader is more abusive than "coward" in a story.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from itertools import compress, count, islice
from typing import NamedTuple

from worker.abuse.language import DEFAULT_LANGUAGE, innocent, innocent_anywhere, told_language
from worker.profanity.normalise import fold_text

AIMING = frozenset({"you", "youre", "yourself", "yourselves", "u", "tu", "toi", "espece"})
"""Folded words that aim the words around them at a person ("t es" and "t as" too: "t'es", "t'as").

Subject and object pronouns only: possessives ("your", "ton", "ta") and "te", "vous" name the reader as
often in calm comments ("your article", "je te remercie", "vous avez raison") and held more of them. "Espèce" aims
only as the vocative "espèce de…" (:data:`_KIND_OF`)."""
AIMED_AFTER = 4
"""Words after an aiming word that it aims ("you are a complete idiot", "t'es vraiment qu'un abruti")."""
AIMED_BEFORE = 2
"""Words before an aiming word that it aims: "I will kill you", "idiot, you"."""
CHAR_SIZES = (3, 4, 5)
"""Lengths of the character n-grams taken inside each word."""
MAX_WORD_CHARS = 24
"""Longer tokens (glued words, keyboard mashing) give the n-grams of their first 24 characters only."""

# Links and mentions first, so that their words are skipped; then words of letters and digits.
_TOKEN = re.compile(r"(?:https?://|www\.)\S+|@\w+|(?P<word>[a-z0-9]+)")
_WORD = re.compile(r"[a-z0-9]+")
_LEFT_OUT = re.compile(r"@\w+|h(?<![a-z0-9]h)ttps?://\S+|w(?<![a-z0-9]w)ww\.\S+")
"""The mentions and links :data:`_TOKEN` leaves out: a link never starts inside a word, which it reads whole. Each
alternative starts with its letter, so the engine jumps from one "@", "h" or "w" to the next."""
_WORD_BYTES = bytes(code if chr(code) in "abcdefghijklmnopqrstuvwxyz0123456789" else 0x20 for code in range(256))
"""A ``bytes.translate`` table that keeps the characters of words and makes every other Latin-1 character a space."""


class Token(NamedTuple):
    """One folded word and its span in the comment as written."""

    word: str
    start: int
    end: int


def innocent_words(words: Sequence[str], language: str | None = None, told: str | None = None) -> frozenset[str]:
    """Return the words innocent in the language of a comment of these words (``language``: its hint; ``told``:
    :func:`~worker.abuse.language.told_language` of them when the caller has it, not to guess it twice)."""
    if innocent_anywhere().isdisjoint(words):  # most comments: no need to tell their language
        return frozenset()
    return innocent((told if told is not None else told_language(words, language)) or DEFAULT_LANGUAGE)


def words(text: str) -> list[str]:
    """Return the folded words of ``text``, mentions and links left out (what scoring needs: no spans)."""
    folded = fold_text(text)
    return _split(folded if _plain(folded) else _LEFT_OUT.sub(" ", folded))


def _split(folded: str) -> list[str]:
    """Return the words (``[a-z0-9]+``) of a folded text, by a bytes table when it is Latin-1 (four times faster)."""
    try:
        return folded.encode("latin-1").translate(_WORD_BYTES).decode("latin-1").split()
    except UnicodeEncodeError:
        return _WORD.findall(folded)


def tokens(text: str) -> list[Token]:
    """Return the folded words of ``text`` with their spans, mentions and links left out."""
    folded = fold_text(text)
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded) if m.lastgroup]


def spans_of(text: str, chosen: AbstractSet[str]) -> list[tuple[int, int]]:
    """Return the spans of the words of ``text`` (as :func:`tokens` reads them) that are in ``chosen``, in order."""
    folded = fold_text(text)
    # No token built for each word of the text to keep a few: a named tuple is built in Python, the span in C.
    return [m.span() for m in _TOKEN.finditer(folded) if m.lastgroup and m.group() in chosen]


def spans(text: str, count: int | None = None) -> list[tuple[int, int]]:
    """Return the spans of the words :func:`tokens` gives, without their words (cheaper, for a few of them); of the
    first ``count`` words only when given (the text after the last one named is not read)."""
    folded = fold_text(text)
    if not _plain(folded):  # mentions and links blanked, as long as they were: their words are not words
        folded = _LEFT_OUT.sub(_blank, folded)
    return list(map(_SPAN, islice(_WORD.finditer(folded), count)))


_SPAN = re.Match.span


def _blank(match: re.Match[str]) -> str:
    """Return as many spaces as ``match`` holds characters."""
    return " " * (match.end() - match.start())


def _plain(folded: str) -> bool:
    """Tell whether a folded text has no link nor mention to leave out (most comments): its words are all words."""
    return "@" not in folded and "http" not in folded and "www." not in folded


_AFTER_T = frozenset({"es", "as"})
_KIND_OF = frozenset({"cette", "cet", "ces", "une", "l", "la", "les", "des", "d", "de", "chaque", "quelle", "nouvelle"})
"""Words before "espèce" that make it a species or a kind, not the vocative "espèce de crétin" said to the reader:
"cette espèce de papillon est protégée", "une espèce d'arbre", "l'espèce humaine", "des espèces menacées"."""


def aimed(words: Sequence[str]) -> list[int]:
    """Return the positions of the words aimed at a person (near an aiming word, not one), in order."""
    if AIMING.isdisjoint(words) and "t" not in words:  # most comments: nothing to look for
        return []
    last = len(words) - 1
    cues = set(compress(count(), map(AIMING.__contains__, words)))  # their positions, without a loop in Python
    if "espece" in words:  # a vocative only: "espèce de crétin", not "cette espèce de papillon"
        cues.difference_update(i for i in list(cues) if words[i] == "espece" and not _vocative(words, i))
    if "t" in words:
        cues.update(
            j
            for i in compress(count(), map("t".__eq__, words))
            if i < last and words[i + 1] in _AFTER_T
            for j in (i, i + 1)
        )
    # One mark per word near a cue, set a window at a time (a slice each, not a loop over its words), cues unmarked.
    marks, ones = bytearray(last + 1), b"\x01" * (last + 1)
    for i in cues:
        start = i - AIMED_BEFORE if i > AIMED_BEFORE else 0
        end = i + AIMED_AFTER + 1  # a slice past the last word stops there, in both
        marks[start:end] = ones[start:end]
    for i in cues:
        marks[i] = 0
    return list(compress(range(last + 1), marks))


def _vocative(words: Sequence[str], i: int) -> bool:
    """Tell whether "espèce" at ``i`` calls the reader something ("espèce de…" with no determiner before it)."""
    return i + 1 < len(words) and words[i + 1] in ("de", "d") and (i == 0 or words[i - 1] not in _KIND_OF)


def char_ngrams(word: str) -> Iterator[str]:
    """Yield the 3- to 5-character pieces of ``<word>``, with repeats."""
    padded = f"<{word[:MAX_WORD_CHARS]}>"
    for size in CHAR_SIZES:
        for i in range(len(padded) - size + 1):
            yield padded[i : i + size]


_PIECES = tuple(
    tuple(slice(i, i + size) for size in CHAR_SIZES for i in range(length - size + 1))
    for length in range(MAX_WORD_CHARS + 3)
)
"""Per length of a padded word (``<word>``, at most ``MAX_WORD_CHARS + 2``), the slices of its pieces, in the order of
:func:`char_ngrams`."""


def char_ngram_list(word: str) -> list[str]:
    """Return :func:`char_ngrams` of ``word`` as a list, cut in C by the slices of its length."""
    padded = f"<{word[:MAX_WORD_CHARS]}>"
    return list(map(padded.__getitem__, _PIECES[len(padded)]))


def char_count(word: str) -> int:
    """Return how many n-grams :func:`char_ngrams` yields for ``word``."""
    return len(_PIECES[min(len(word), MAX_WORD_CHARS) + 2])


def counts(words: Sequence[str], innocent: frozenset[str] = frozenset()) -> Counter[str]:
    """Return the raw count of every feature of a comment given as its folded words.

    A word of ``innocent`` (innocent in the comment's language) gives no word nor pieces, only its pairs.
    """
    found: Counter[str] = Counter()
    for i, word in enumerate(words):
        if i:
            found[f"b:{words[i - 1]} {word}"] += 1
        if word in innocent:
            continue
        found["w:" + word] += 1
        for gram in char_ngrams(word):
            found["c:" + gram] += 1
    return found


def features(text: str, language: str | None = None) -> dict[str, float]:
    """Return the scaled features of ``text`` (``language``: the comment's hint), each count over sqrt(total)."""
    found_words = words(text)
    found = counts(found_words, innocent_words(found_words, language))
    if not found:
        return {}
    scale = 1.0 / math.sqrt(sum(found.values()))
    return {name: count * scale for name, count in found.items()}
