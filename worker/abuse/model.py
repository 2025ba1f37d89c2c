"""The abuse model: a logistic regression over :mod:`worker.abuse.features`, scored fast and explained.

The shipped weights (``data/weights.json.gz``, written by ``scripts/train_abuse.py``) are read once per
process. Moderators' lessons are a second, sparse set of weights added on top (:meth:`AbuseModel.with_lessons`);
both are plain dictionaries of word, word pair and character piece weights.

Scoring is a sum of weights over the comment's tokens, plus, for the words aimed at a person
(:func:`worker.abuse.features.aimed`), the share ``aimed`` of their weight when it is positive. The weight
of one word (its own weight plus the sum of its character pieces') depends on the word alone, so each model
keeps it in a bounded per-process cache: a comment costs a dictionary look-up or two per word, linear in
its length. A comment is weighed once (:meth:`AbuseModel.weigh`): its log-odds and, when it is explained,
its heaviest terms come from the same per-word and per-pair weights, added in the same order as a loop over
its words would (the same last bits).
"""

from __future__ import annotations

import gzip
import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, partial
from itertools import islice, repeat
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from worker.abuse.features import aimed, char_count, char_ngram_list, innocent_words, spans, words

FORMAT = 1
"""Version of the weights file layout."""
DEFAULT_WEIGHTS = Path(__file__).with_name("data") / "weights.json.gz"
CACHE_WORDS = 100_000
"""Distinct words whose weight a model keeps; the cache is emptied when it fills up."""
_T = TypeVar("_T")


class WeightsError(ValueError):
    """A weights file or a set of lessons cannot be used; the message says why."""


class Weighed(NamedTuple):
    """A comment's words as the model weighs them: per word its weight (0 when innocent), per neighbouring pair its
    weight, the positions of the words aimed at a person, the feature count and the log-odds."""

    words: list[float]
    pairs: list[float]
    aimed: list[int]
    features: int
    log_odds: float


NEW_TUPLE = tuple.__new__
"""Builds a named tuple from a tuple of its fields in C: ``Term(...)`` runs the named tuple's ``__new__`` in Python."""


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


class _PerWord(dict[str, _T]):
    """What a function gives for each folded word, computed on first use and kept for ``CACHE_WORDS`` words (emptied
    when full): a comment's words are then looked up in one ``map``."""

    def __init__(self, compute: Callable[[str], _T]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, word: str) -> _T:
        if len(self) >= CACHE_WORDS:
            self.clear()
        found = self[word] = self._compute(word)
        return found


def _word_weight(words: Mapping[str, float], chars: Mapping[str, float], word: str) -> float:
    """Return what one occurrence of ``word`` adds before scaling: its own weight and its pieces'."""
    return words.get(word, 0.0) + sum(map(chars.get, char_ngram_list(word), repeat(0.0)))


def _feature_count(word: str) -> int:
    """Return how many features one occurrence of ``word`` counts: itself and its pieces."""
    return char_count(word) + 1


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
        self._pairs = {_pair_key(pair): weight for pair, weight in self.pairs.items()}
        """The pairs' weights by (first word, second word): a comment's pairs are looked up without joining them."""
        self._weights = _PerWord(partial(_word_weight, self.words, self.chars))
        self._counts = _PerWord(_feature_count)

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
        return self._weights[word]

    def weigh(
        self, found: Sequence[str], innocent: frozenset[str] = frozenset(), muted: frozenset[str] = frozenset()
    ) -> Weighed:
        """Return the comment of these folded words as the model weighs it (``innocent`` words only pair).

        ``muted`` words, and the pairs they make, weigh nothing but still count as features: the rest of the comment
        weighs what it weighed with them (swearing aimed at no one, :mod:`worker.abuse.swearing`).
        """
        weights = list(map(self._weights.__getitem__, found))
        counts: Iterable[int] = map(self._counts.__getitem__, found)
        if innocent and not innocent.isdisjoint(found):
            weights = [0.0 if word in innocent else weight for weight, word in zip(weights, found, strict=True)]
            counts = (n for n, word in zip(counts, found, strict=True) if word not in innocent)
        pairs = list(map(self._pairs.get, zip(found, islice(found, 1, None), strict=False), repeat(0.0)))  # (i, i + 1)
        if muted:
            weights = [0.0 if word in muted else weight for weight, word in zip(weights, found, strict=True)]
            pairs = [
                0.0 if a in muted or b in muted else p
                for p, a, b in zip(pairs, found, islice(found, 1, None), strict=False)
            ]
        count = sum(counts) + len(pairs)
        total = _interleaved_sum(weights, pairs)
        at = aimed(found) if self.aimed else []
        if self.aimed:
            total += self.aimed * _positive_sum(weights, at)
        log_odds = self.bias + total / math.sqrt(count) if count else self.bias
        return NEW_TUPLE(Weighed, (weights, pairs, at, count, log_odds))

    def log_odds(self, found: Sequence[str], innocent: frozenset[str] = frozenset()) -> float:
        """Return the log-odds that the comment of these folded words is abusive (``innocent`` words only pair)."""
        return self.weigh(found, innocent).log_odds

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
        weighed = self.weigh(found, innocent)
        return self.explain_weighed(text, weighed if log_odds is None else weighed._replace(log_odds=log_odds), top)

    def explain_weighed(self, text: str, weighed: Weighed, top: int = 5) -> Explained:
        """Return :meth:`explain` of ``text`` from :meth:`weigh` of its words, so they are not weighed again."""
        # Each term as (minus its weight, its place in the comment, first word, last word): sorted as they are, the
        # heaviest come first and, of those that weigh the same, the first in the comment (a pair before its second
        # word's own weight).
        ranked = [(-pair, 2 * i + 1, i, i + 1) for i, pair in enumerate(weighed.pairs) if pair > 0]
        boost, boosted = 1.0 + self.aimed, set(weighed.aimed)
        ranked += [(-(w * boost if i in boosted else w), 2 * i, i, i) for i, w in enumerate(weighed.words) if w > 0]
        heaviest = sorted(ranked)[:top]
        scale = 1.0 / math.sqrt(weighed.features) if weighed.features else 0.0
        at = spans(text, max([h[3] for h in heaviest]) + 1) if heaviest else []  # up to the last word named
        terms = tuple(
            [
                NEW_TUPLE(Term, (text[at[first][0] : at[last][1]], at[first][0], at[last][1], -minus * scale))
                for minus, _, first, last in heaviest
            ]
        )
        return Explained(weighed.log_odds, sigmoid(weighed.log_odds), terms)


def _pair_key(pair: str) -> tuple[str, str]:
    """Return the two words of a pair feature ("one two" -> ("one", "two"))."""
    first, _, second = pair.partition(" ")
    return first, second


def _interleaved_sum(weights: Sequence[float], pairs: Sequence[float]) -> float:
    """Return the sum of a comment's word and pair weights in its order (word, pair, word…), as a loop would add them:
    the same order gives the same last bits."""
    mixed: Sequence[float] = weights
    if any(pairs):  # else (most comments) adding a zero to a sum that starts at +0.0 changes no bit: pairs skipped
        mixed = [0.0] * (len(weights) + len(pairs))
        mixed[::2] = weights
        mixed[1::2] = pairs
    # A loop, not functools.reduce: the same float additions in the same order, without a call to operator.add each
    total = 0.0
    for value in mixed:
        total += value
    return total


def _positive_sum(weights: Sequence[float], at: Sequence[int]) -> float:
    """Return the sum of the positive weights at the positions ``at``, in their order."""
    total = 0.0
    for i in at:
        if weights[i] > 0:
            total += weights[i]
    return total


@cache
def shipped_model(path: Path = DEFAULT_WEIGHTS) -> AbuseModel:
    """Return the shipped model, read once per process."""
    return AbuseModel.load(path)
