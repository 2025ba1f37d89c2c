"""The abuse model: a logistic regression over :mod:`worker.abuse.features`, scored fast and explained.

The shipped weights (``data/weights.json.gz``, written by ``scripts/train_abuse.py``) are read once per
process. Moderators' lessons are a second, sparse set of weights added on top (:meth:`AbuseModel.with_lessons`);
both are plain dictionaries of word, word pair and character piece weights.

Scoring is a sum of weights over the comment's tokens, plus, for the words aimed at a person
(:func:`worker.abuse.features.aimed`), the share ``aimed`` of their weight when it is positive. The weight
of one word (its own weight plus the sum of its character pieces') depends on the word alone, so each model
keeps it in a bounded per-process cache: a comment costs a dictionary look-up or two per word, linear in
its length.
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from worker.abuse.features import aimed, char_count, char_ngrams, innocent_words, spans, words

FORMAT = 1
"""Version of the weights file layout."""
DEFAULT_WEIGHTS = Path(__file__).with_name("data") / "weights.json.gz"
CACHE_WORDS = 100_000
"""Distinct words whose weight a model keeps; the cache is emptied when it fills up."""


class WeightsError(ValueError):
    """A weights file or a set of lessons cannot be used; the message says why."""


class Term(NamedTuple):
    """A word or a word pair of the comment, with its span and what it adds to the log-odds (a named tuple: a held
    comment makes ten, which a frozen dataclass builds three times slower)."""

    text: str
    start: int
    end: int
    log_odds: float


@dataclass(frozen=True, slots=True)
class Explained:
    """A comment's log-odds and probability of being abusive, and its terms, heaviest first."""

    log_odds: float
    probability: float
    terms: tuple[Term, ...]


def read_weights(path: Path, what: str) -> dict[str, Any]:
    """Return the JSON object of a gzipped weights file; :class:`WeightsError` names the file and ``what`` it holds."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, EOFError, ValueError) as exc:
        raise WeightsError(f"{path}: cannot read {what} ({exc})") from None
    if not isinstance(data, dict):
        raise WeightsError(f"{path}: expected a JSON object")
    return data


def sigmoid(x: float) -> float:
    """Return the logistic function of ``x``, without overflow."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def _table(data: Mapping[str, Any], kind: str, origin: str) -> dict[str, float]:
    table = data.get(kind, {})
    if not isinstance(table, dict) or not all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in table.values()
    ):
        raise WeightsError(f"{origin}: '{kind}' must map features to numbers")
    return {str(k): float(v) for k, v in table.items()}


class AbuseModel:
    """Weights of words (``w``), word pairs (``b``, "one two") and character pieces (``c``), a bias, and the
    share of a word's positive weight added again when the word is aimed at a person (``aimed``)."""

    def __init__(
        self,
        bias: float,
        words: Mapping[str, float],
        pairs: Mapping[str, float],
        chars: Mapping[str, float],
        *,
        lessons: int = 0,
        aimed: float = 0.0,
    ) -> None:
        self.bias = bias
        self.aimed = aimed
        self.words = dict(words)
        self.pairs = dict(pairs)
        self.chars = dict(chars)
        self.lessons = lessons
        self._cache: dict[str, tuple[float, int]] = {}

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], origin: str = "weights") -> AbuseModel:
        """Build a model from the weights file's content."""
        if data.get("format") != FORMAT:
            raise WeightsError(f"{origin}: format {data.get('format')!r}, expected {FORMAT}")
        bias = data.get("bias")
        if not isinstance(bias, int | float) or isinstance(bias, bool):
            raise WeightsError(f"{origin}: 'bias' must be a number")
        gain = data.get("aimed", 0.0)
        if not isinstance(gain, int | float) or isinstance(gain, bool) or gain < 0:
            raise WeightsError(f"{origin}: 'aimed' must be a number from 0")
        words, pairs, chars = (_table(data, kind, origin) for kind in ("w", "b", "c"))
        return cls(float(bias), words, pairs, chars, aimed=float(gain))

    @classmethod
    def load(cls, path: Path = DEFAULT_WEIGHTS) -> AbuseModel:
        """Read a gzipped JSON weights file."""
        return cls.from_mapping(read_weights(path, "the abuse weights"), str(path))

    def with_lessons(self, deltas: Mapping[str, float], lessons: int) -> AbuseModel:
        """Return a model whose weights are this one's plus ``deltas`` (keys ``w:word``, ``b:one two``, ``c:abc``)."""
        tables = {"w": dict(self.words), "b": dict(self.pairs), "c": dict(self.chars)}
        bias = self.bias
        for name, delta in deltas.items():
            kind, _, feature = name.partition(":")
            if kind == "bias":
                bias += delta
            elif kind in tables and feature:
                table = tables[kind]
                table[feature] = table.get(feature, 0.0) + delta
        return AbuseModel(bias, tables["w"], tables["b"], tables["c"], lessons=lessons, aimed=self.aimed)

    def word_weight(self, word: str) -> float:
        """Return what one occurrence of the folded ``word`` adds (its own weight and its pieces'), before scaling."""
        return (self._cache.get(word) or self._word(word))[0]

    def _word(self, word: str) -> tuple[float, int]:
        """Return the weight of one occurrence of ``word`` (itself and its pieces) and its feature count."""
        found = self._cache.get(word)
        if found is None:
            chars = self.chars
            weight = self.words.get(word, 0.0) + sum(chars.get(g, 0.0) for g in char_ngrams(word))
            found = (weight, char_count(word) + 1)
            if len(self._cache) >= CACHE_WORDS:
                self._cache.clear()
            self._cache[word] = found
        return found

    def log_odds(self, found: Sequence[str], innocent: frozenset[str] = frozenset()) -> float:
        """Return the log-odds that the comment of these folded words is abusive (``innocent`` words only pair)."""
        pairs = self.pairs
        cache = self._cache
        total = 0.0
        count = 0
        previous = ""
        for word in found:
            if previous:
                total += pairs.get(f"{previous} {word}", 0.0)
                count += 1
            previous = word
            if word not in innocent:
                weight, n = cache.get(word) or self._word(word)
                total += weight
                count += n
        if self.aimed:
            total += self.aimed * self._aimed_weight(found, innocent)
        return self.bias + total / math.sqrt(count) if count else self.bias

    def _aimed_weight(self, found: Sequence[str], innocent: frozenset[str]) -> float:
        """Return the sum of the positive weights of the words aimed at a person (before the share and scaling)."""
        total = 0.0
        for i in aimed(found):
            word = found[i]
            if word not in innocent:
                weight = self.word_weight(word)
                if weight > 0:
                    total += weight
        return total

    def probability_of(self, found: Sequence[str], innocent: frozenset[str] = frozenset()) -> float:
        """Return the probability that the comment of these folded words is abusive."""
        return sigmoid(self.log_odds(found, innocent))

    def probability(self, text: str, language: str | None = None) -> float:
        """Return the probability that ``text`` is abusive (``language``: the comment's hint)."""
        found = words(text)
        return sigmoid(self.log_odds(found, innocent_words(found, language)))

    def explain(
        self, text: str, top: int = 5, language: str | None = None, *, log_odds: float | None = None
    ) -> Explained:
        """Return the log-odds, the probability and the ``top`` terms that add most to them.

        ``log_odds``: the text's log-odds when the caller has just computed them (:meth:`log_odds` of its
        :func:`worker.abuse.features.words`), so they are not summed again.
        """
        found = words(text)
        return self.explain_words(text, found, innocent_words(found, language), top, log_odds=log_odds)

    def explain_words(
        self,
        text: str,
        found: Sequence[str],
        innocent: frozenset[str],
        top: int = 5,
        *,
        log_odds: float | None = None,
    ) -> Explained:
        """Return :meth:`explain` of ``text`` from the folded words the caller has read (its
        :func:`worker.abuse.features.words`) and those innocent in its language, so neither is read again."""
        pairs = self.pairs
        cache = self._cache
        weights: dict[tuple[int, int], float] = {}  # (first word, last word) -> weight before scaling; if it adds
        boost = {i: 1.0 + self.aimed for i in aimed(found)} if self.aimed else {}
        count = 0
        previous = ""
        for i, word in enumerate(found):
            if i:
                count += 1
                pair = pairs.get(f"{previous} {word}", 0.0)
                if pair > 0:
                    weights[i - 1, i] = pair
            previous = word
            if word not in innocent:
                weight, n = cache.get(word) or self._word(word)
                count += n
                if weight > 0:
                    weights[i, i] = weight * boost.get(i, 1.0)
        if log_odds is None:
            log_odds = self.log_odds(found, innocent)
        scale = 1.0 / math.sqrt(count) if count else 0.0
        heaviest = sorted(weights.items(), key=lambda item: item[1], reverse=True)[:top]  # as nlargest, faster here
        at = spans(text) if heaviest else []  # the spans of the few words named only
        terms = tuple(
            Term(text[at[first][0] : at[last][1]], at[first][0], at[last][1], weight * scale)
            for (first, last), weight in heaviest
        )
        return Explained(log_odds, sigmoid(log_odds), terms)


@cache
def shipped_model(path: Path = DEFAULT_WEIGHTS) -> AbuseModel:
    """Return the shipped model, read once per process."""
    return AbuseModel.load(path)
