"""A second opinion on English comments: alt-profanity-check's model, computed without scikit-learn.

alt-profanity-check (MIT) learnt from the Jigsaw toxic comment training set (Wikipedia talk pages) and
Davidson et al.'s tweets: a TF-IDF over single English words and a linear SVM calibrated by five sigmoids.
Its weights are exported once by ``scripts/export_english_model.py`` into ``data/english.json.gz`` and
read once per process; :meth:`EnglishModel.probability` gives the same probability as the package's
``predict_prob`` (to 1e-5), in pure Python. The abuse check adds a share of its log-odds to its own model's
for a comment in English (:mod:`worker.checks.abuse`): the project's model learnt from tweets, this one
mostly from longer comments that argue, so each covers what the other has seen less of.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache
from itertools import compress
from operator import itemgetter, mul
from pathlib import Path
from typing import Any, NamedTuple

from worker.abuse.model import NEW_TUPLE, WeightsError, read_weights

FORMAT = 1
"""Version of the weights file layout."""
DEFAULT_WEIGHTS = Path(__file__).with_name("data") / "english.json.gz"
LOG_ODDS_LIMIT = 12.0
"""The log-odds are kept within plus or minus this (a probability of 6e-6 from 0 or 1)."""

_TOKEN = re.compile(r"\w\w+")
r"""Words of two or more word characters: the tokens of scikit-learn's default pattern ``\b\w\w+\b`` (a run of
word characters is matched whole by either), found faster."""
_LOWER_WORDS = bytes(ord(c.lower()) if re.fullmatch(r"\w", c.lower()) else 0x20 for c in map(chr, range(256)))
"""A ``bytes.translate`` table that lower-cases the word characters of Latin-1 (each stays one Latin-1 character)
and makes every other one a space: a Latin-1 text's runs of word characters, split, four times faster than
:data:`_TOKEN`; those of one character are never known words."""


class Word(NamedTuple):
    """A word of the comment that the model knows, its span and what it adds to the log-odds (about)."""

    text: str
    start: int
    end: int
    log_odds: float


class _Read(NamedTuple):
    """A text as the model reads it: its known words in order, the norm of their TF-IDF vector, per calibrated SVM
    their weighted sum and, for a Latin-1 text, its words between spaces (:func:`_words_between_spaces`)."""

    known: list[str]
    norm: float
    sums: list[float]
    spaced: str | None


class EnglishModel:
    """Per word an IDF and one SVM weight per calibrated SVM; per calibrated SVM its intercept and sigmoid."""

    def __init__(self, words: Mapping[str, Sequence[float]], calibrated: Sequence[Sequence[float]]) -> None:
        if not calibrated:
            raise WeightsError("the English model needs at least one calibrated SVM")
        self.intercepts = tuple(float(c[0]) for c in calibrated)
        self.slopes = tuple(float(c[1]) for c in calibrated)
        self.offsets = tuple(float(c[2]) for c in calibrated)
        size = len(calibrated)
        if any(len(row) != size + 1 for row in words.values()):
            raise WeightsError(f"every word of the English model needs an IDF and {size} weights")
        slope = -sum(self.slopes) / size  # how one unit of SVM decision moves the log-odds, about
        self._rows: dict[str, tuple[float, ...]] = {}
        """Per word: its IDF squared, then per calibrated SVM its weight times its IDF (what one occurrence adds
        before the norm)."""
        self._shares: dict[str, float] = {}
        """Per word: what one occurrence adds to the log-odds, about, before the norm (for evidence)."""
        for word, row in words.items():
            if len(word) < 2:  # never a token (:data:`_TOKEN`)
                continue
            idf = float(row[0])
            added = tuple(idf * float(w) for w in row[1:])
            self._rows[word] = (idf * idf, *added)
            self._shares[word] = slope * sum(added) / size
        self._calibration = tuple(zip(self.intercepts, self.slopes, self.offsets, strict=True))
        self._last: tuple[str, _Read] = ("", _Read([], 0.0, [0.0] * size, " "))
        """The last text read, as read: the evidence reads the text the score has just read."""

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], origin: str = "English weights") -> EnglishModel:
        """Build the model from the weights file's content."""
        if data.get("format") != FORMAT:
            raise WeightsError(f"{origin}: format {data.get('format')!r}, expected {FORMAT}")
        words, calibrated = data.get("words"), data.get("calibrated")
        if not isinstance(words, dict) or not isinstance(calibrated, list):
            raise WeightsError(f"{origin}: 'words' must map words to numbers and 'calibrated' be a list")
        try:
            return cls(words, calibrated)
        except (TypeError, ValueError, IndexError) as exc:
            raise WeightsError(f"{origin}: {exc}") from None

    @classmethod
    def load(cls, path: Path = DEFAULT_WEIGHTS) -> EnglishModel:
        """Read a gzipped JSON weights file."""
        return cls.from_mapping(read_weights(path, "the English model's weights"), str(path))

    def _read(self, text: str) -> _Read:
        """Return ``text`` as read (:class:`_Read`); remembered for the last text (its evidence reads it again)."""
        last = self._last
        if last[0] == text:
            return last[1]
        rows = self._rows
        tokens, spaced = _read_tokens(text)
        known = list(filter(rows.__contains__, tokens))
        norm, sums = 0.0, [0.0] * len(self.intercepts)
        if known:
            totals = [sum(column) for column in zip(*map(rows.__getitem__, known), strict=True)]
            squares = totals[0]
            if len(set(known)) != len(known):  # a word more than once: its TF-IDF is its count times its IDF
                counted = Counter(known)
                times = counted.values()
                # count * count * IDF squared per word, in their order, without a loop in Python
                squares = sum(map(mul, map(mul, times, times), map(itemgetter(0), map(rows.__getitem__, counted))))
            norm, sums = math.sqrt(squares), totals[1:]
        read = NEW_TUPLE(_Read, (known, norm, sums, spaced))
        self._last = (text, read)
        return read

    def probability(self, text: str) -> float:
        """Return the probability that ``text`` is offensive, as alt-profanity-check's ``predict_prob`` does."""
        _, norm, sums, _ = self._read(text)
        total = 0.0
        exp = math.exp
        for (intercept, slope, offset), added in zip(self._calibration, sums, strict=True):
            decision = intercept + added / norm if norm else intercept
            x = -(slope * decision + offset)
            # :func:`worker.abuse.model.sigmoid` of x, inline: five calls per comment cost more than their arithmetic
            if x >= 0:
                total += 1.0 / (1.0 + exp(-x))
            else:
                z = exp(x)
                total += z / (1.0 + z)
        return total / len(sums)

    def log_odds(self, text: str) -> float:
        """Return the log-odds of :meth:`probability`, kept within ``LOG_ODDS_LIMIT``."""
        p = self.probability(text)
        if p <= 0.0 or p >= 1.0:
            return math.copysign(LOG_ODDS_LIMIT, p - 0.5)
        return max(-LOG_ODDS_LIMIT, min(LOG_ODDS_LIMIT, math.log(p / (1.0 - p))))

    def words(self, text: str, top: int = 5) -> list[Word]:
        """Return the ``top`` words that raise the log-odds most, heaviest first, with their spans in ``text``."""
        known, norm, _, spaced = self._read(text)
        shares = self._shares
        share = dict(zip(known, map(shares.__getitem__, known), strict=True))
        # the words that raise the log-odds, picked without a loop in Python: (0.0).__lt__(value) is value > 0
        raising = compress(share, map((0.0).__lt__, share.values()))
        heaviest = sorted(raising, key=share.__getitem__, reverse=True)[:top]
        if not heaviest:
            return []
        if spaced is not None:  # a Latin-1 text: its words stand between spaces, found without testing their ends
            found = [(word, _spaced_spans(spaced, word)) for word in heaviest]
        else:
            lowered = text.lower()
            if len(lowered) != len(text):  # a letter whose lower case is longer: spans would not match
                return []
            found = [(word, _spans(lowered, word)) for word in heaviest]
        scale = 1.0 / norm
        spans = [(-scale * share[word], a, b) for word, at in found for a, b in at]
        return [NEW_TUPLE(Word, (text[a:b], a, b, -minus)) for minus, a, b in sorted(spans)[:top]]


def _tokens(text: str) -> list[str]:
    """Return the lower-cased runs of word characters of ``text``: those of :data:`_TOKEN`, and those of one
    character when the text is Latin-1."""
    return _read_tokens(text)[0]


def _read_tokens(text: str) -> tuple[list[str], str | None]:
    """Return :func:`_tokens` of ``text`` and, for a Latin-1 text, the words between spaces they were split from
    (:func:`_words_between_spaces`)."""
    spaced = _words_between_spaces(text)
    return (spaced.split() if spaced is not None else _TOKEN.findall(text.lower())), spaced


def _words_between_spaces(text: str) -> str | None:
    """Return a Latin-1 ``text`` with its word characters lower-cased and every other character a space, padded with
    a space either side (one character longer at each end); None for a text that is not Latin-1."""
    try:
        return f" {text.encode('latin-1').translate(_LOWER_WORDS).decode('latin-1')} "
    except UnicodeEncodeError:
        return None


def _spaced_spans(spaced: str, word: str) -> list[tuple[int, int]]:
    """Return where ``word`` stands as a whole token in a text given as :func:`_words_between_spaces` gives it, in
    order: the spans :func:`_spans` finds in the text lower-cased, each a word between two spaces."""
    found = []
    key = f" {word} "
    size = len(word)
    start = spaced.find(key)
    while start >= 0:  # the padded text's ``start`` is the space before the word: the word's start in the text
        found.append((start, start + size))
        start = spaced.find(key, start + size + 1)  # the space after this word may be the next one's before
    return found


def _spans(text: str, word: str) -> list[tuple[int, int]]:
    """Return where ``word`` stands in ``text`` as a whole token (what the token pattern would find), in order."""
    found = []
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or not _is_word(text[start - 1])) and (end == len(text) or not _is_word(text[end])):
            found.append((start, end))
        start = text.find(word, end)
    return found


def _is_word(char: str) -> bool:
    """Return whether ``char`` is a word character (``\\w``: a letter, a digit or the underscore)."""
    return char.isalnum() or char == "_"


@cache
def shipped_english(path: Path = DEFAULT_WEIGHTS) -> EnglishModel:
    """Return the shipped English model, read once per process."""
    return EnglishModel.load(path)
