"""A naive Bayes text classifier whose whole state is integer counts, so that Redis can hold and grow it.

Each class keeps how many documents it learned (``docs:spam``, ``docs:ham``) and, per hashed feature
bucket, in how many of those documents the feature occurred (``spam:<bucket>``, ``ham:<bucket>``).
Learning is adding to counts (``HINCRBY`` from any worker); unlearning is subtracting them.
Scoring is Bernoulli naive Bayes over the features present, with equal class priors: the prior is
the combination's business (:mod:`worker.spam.score`), not the accident of how much of each class
moderators happened to label.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise, repeat
from operator import itemgetter
from typing import TypeVar

from worker.spam.features import (
    BUCKET_BITS,
    HOST_GRAM,
    LINK_WORD,
    bucket,
    display,
    features,
    host_features,
    is_link_feature,
    pair_feature,
    reading,
    word_feature,
)

SMOOTHING = 2.0
"""Additive smoothing of the per-class document frequencies, in pseudo-documents.

Two rather than Jeffreys's half: a word met in a handful of comments of one class only (the filler
words of one spam template, a name) then weighs little, while words met often keep their weight.
Measured with ``bench/bench_spam.py``: it cuts legitimate comments held out of the box on every set.
1.5 held fewer readers of the other sites' sets (6.4% to 4.4%, 6.2% to 5.0%) and on every cross-set row,
but caught 1-3 points less spam on two YouTube sets (KatyPerry 94.3% to 91.4%), too near the 90% floor
for videos the team does not have; 1.75 held more of Psy's readers (1.7% to 2.3%).
"""

NAME_MIN_DOCS = 2
"""Documents a word of the author's name must be met in before it weighs: a name met once is one author's, which
says nothing of other authors called so (readers called Karen or Karim, once a spam row's made-up name), while the
class sizes alone would make it lean to the smaller class."""

BITS_FIELD = "meta:bits"
_DOCS = "docs:"
_MEMO_MAX = 1 << 17
"""Features whose odds a model remembers before it starts again (about 20 MB): bounds what random words cost."""
_LINK_KINDS = frozenset("hgu")
_PLAIN, _LINK, _GRAM = 0, 1, 2
"""Kinds of features in the score: words, links and the website field (their share is ``link_logit``), host grams."""
_Key = TypeVar("_Key", bound=Hashable)
_Weighed = tuple[float, str]
_MISSING: _Weighed = (0.0, "")
"""What a word's memo answers for a word it does not hold (no feature is empty, so no weighed one is this)."""
_LOG_ODDS = itemgetter(0)


class Label(StrEnum):
    """What a labelled comment is."""

    SPAM = "spam"
    HAM = "ham"


@dataclass(frozen=True, slots=True)
class Contribution:
    """How much one feature pushed the score, in nats of log-odds (positive: towards spam)."""

    feature: str
    log_odds: float


@dataclass(frozen=True, slots=True)
class Verdict:
    """The classifier's answer: log-odds, probability, the features that weighed most, and the links' share."""

    logit: float
    probability: float
    top: tuple[Contribution, ...]
    link_logit: float = 0.0
    """The part of ``logit`` owed to links and the website field (their hosts, the word standing for a link)."""


@dataclass(frozen=True, slots=True)
class Weighing:
    """What the classifier's features weigh in a comment: the log-odds, the links' share, each weighed feature."""

    logit: float
    link_logit: float
    weighed: tuple[tuple[float, str], ...]
    """``(log_odds, feature)`` of each feature with a weight, in the order they were weighed."""

    def top(self, count: int) -> tuple[Contribution, ...]:
        """Return the ``count`` features that weigh most either way (picked only when evidence shows them)."""
        if count <= 0:
            return ()
        # Ties go to the feature's name, not to the order of a set, which changes with PYTHONHASHSEED: two
        # workers store the same evidence for one comment.
        strongest = heapq.nsmallest(count, self.weighed, key=lambda w: (-abs(w[0]), w[1]))
        return tuple(Contribution(display(feature), log_odds) for log_odds, feature in strongest)


def sigmoid(logit: float) -> float:
    """Return the probability whose log-odds are ``logit``."""
    if logit >= 0:
        return 1.0 / (1.0 + math.exp(-logit))
    z = math.exp(logit)
    return z / (1.0 + z)


def _to_int(value: int | str | bytes) -> int:
    return int(value.decode("ascii") if isinstance(value, bytes) else value)


class ModelState:
    """The counts of a naive Bayes spam classifier, with learning as count increments."""

    __slots__ = ("_base_odds", "_counts", "_odds", "_pairs", "_words")

    def __init__(self, counts: Mapping[str, int] | None = None) -> None:
        self._counts: dict[str, int] = dict(counts or {})
        # feature -> (its weight: the log-odds of its bucket, log((spam + s) / (ham + s)), plus the base; None
        # when neither class met the bucket, and its kind); emptied on learning. Most of a comment's words
        # were met before: one dict lookup each.
        self._odds: dict[str, tuple[float | None, int]] = {}
        # The same for the words of the text (keyed by the word) and for two words in a row (by the pair), without
        # building their features' names: word -> (log_odds, feature) to weigh, None when never seen.
        self._words: dict[str, _Weighed | None] = {}
        self._pairs: dict[tuple[str, str], _Weighed | None] = {}
        self._base_odds: float | None = None
        """:meth:`_base`, remembered until the counts change."""
        self._counts.setdefault(BITS_FIELD, BUCKET_BITS)
        if self._counts[BITS_FIELD] != BUCKET_BITS:
            raise ValueError(f"model hashed with {self._counts[BITS_FIELD]} bits, this code uses {BUCKET_BITS}")

    @property
    def documents(self) -> dict[Label, int]:
        """Return how many documents of each class the model learned."""
        return {label: self._counts.get(_DOCS + label, 0) for label in Label}

    def increments(
        self, text: str, label: Label | str, *, author_name: str = "", author_url: str | None = None, times: int = 1
    ) -> dict[str, int]:
        """Return the count increments that learning this comment ``times`` times means (-1 to unlearn)."""
        label = Label(label)
        fields = {f"{label}:{bucket(f)}" for f in features(text, author_name, author_url)}
        result = dict.fromkeys(fields, times)
        result[_DOCS + label] = times
        return result

    def apply(self, increments: Mapping[str, int]) -> None:
        """Add ``increments`` to the counts, as ``HINCRBY`` does in Redis; counts never fall below zero."""
        self._odds.clear()
        self._words.clear()
        self._pairs.clear()
        self._base_odds = None
        for field, delta in increments.items():
            value = self._counts.get(field, 0) + delta
            if value > 0:
                self._counts[field] = value
            else:
                self._counts.pop(field, None)

    def learn(
        self, text: str, label: Label | str, *, author_name: str = "", author_url: str | None = None, times: int = 1
    ) -> dict[str, int]:
        """Learn one comment and return the increments, for the store to replay on the shared counts."""
        delta = self.increments(text, label, author_name=author_name, author_url=author_url, times=times)
        self.apply(delta)
        return delta

    def _base(self) -> float:
        """Return the log-odds every feature's weight is measured from: the classes' sizes, smoothed."""
        docs_spam = self._counts.get(_DOCS + Label.SPAM, 0) + 2 * SMOOTHING
        docs_ham = self._counts.get(_DOCS + Label.HAM, 0) + 2 * SMOOTHING
        return math.log(docs_ham / docs_spam)

    def _measure(self, feature: str) -> tuple[float | None, int]:
        """Return the feature's weight in the score (None: never seen) and its kind (a ``_PLAIN``...)."""
        b = bucket(feature)
        in_spam = self._counts.get(f"spam:{b}", 0)
        in_ham = self._counts.get(f"ham:{b}", 0)
        # A feature never seen says nothing, whatever the class sizes.
        kind = feature[0]
        seen = in_spam + in_ham >= NAME_MIN_DOCS if kind == "n" else in_spam or in_ham
        odds = math.log((in_spam + SMOOTHING) / (in_ham + SMOOTHING)) if seen else None
        if kind == HOST_GRAM:
            code = _GRAM
        elif kind in _LINK_KINDS or (kind in "wb" and LINK_WORD in feature and is_link_feature(feature)):
            code = _LINK
        else:
            code = _PLAIN
        if odds is None:
            return None, code
        base = self._base_odds
        if base is None:
            base = self._base_odds = self._base()
        return odds + base, code

    def _weight(self, feature: str) -> tuple[float | None, int]:
        """Return and remember the feature's weight in the score (None: never seen) and its kind (a ``_PLAIN``...)."""
        weight = self._measure(feature)
        if len(self._odds) >= _MEMO_MAX:
            self._odds.clear()
        self._odds[feature] = weight
        return weight

    def _weighed(
        self, memo: dict[_Key, _Weighed | None], keys: Collection[_Key], feature_of: Callable[[_Key], str]
    ) -> Sequence[_Weighed | None]:
        """Return ``(log_odds, feature)`` of each key's feature (None: no weight), remembering those not met yet."""
        if len(keys) > 1:
            try:
                # The usual case, every key met before: one lookup per key in one C loop, which tells no miss apart.
                return itemgetter(*keys)(memo)  # type: ignore[no-any-return]
            except KeyError:
                for key in [key for key in keys if key not in memo]:  # the few not met yet, then the lookups again
                    self._remember(memo, key, feature_of)
            try:
                return itemgetter(*keys)(memo)  # type: ignore[no-any-return]
            except KeyError:
                pass  # another thread emptied the memo meanwhile: the loop below tells each key apart
        # One lookup per key, with the memo's own loop: another thread may empty the memo meanwhile.
        found = list(map(memo.get, keys, repeat(_MISSING)))
        misses = found.count(_MISSING)  # the words not met yet, found by the list's own loop too
        if misses:
            keys, i = list(keys), -1
            for _ in range(misses):
                i = found.index(_MISSING, i + 1)
                found[i] = self._remember(memo, keys[i], feature_of)
        return found

    def _remember(
        self, memo: dict[_Key, _Weighed | None], key: _Key, feature_of: Callable[[_Key], str]
    ) -> _Weighed | None:
        """Return and remember ``(log_odds, feature)`` of a key's feature (None: no weight)."""
        feature = feature_of(key)
        log_odds = self._measure(feature)[0]
        weighed = (log_odds, feature) if log_odds is not None else None
        if len(memo) >= _MEMO_MAX:
            memo.clear()
        memo[key] = weighed
        return weighed

    def explain(self, text: str, *, author_name: str = "", author_url: str | None = None, top: int = 5) -> Verdict:
        """Return the log-odds that the comment is spam and the ``top`` features behind them."""
        weighing = self.weigh(text, author_name=author_name, author_url=author_url)
        return Verdict(weighing.logit, sigmoid(weighing.logit), weighing.top(top), weighing.link_logit)

    def weigh(self, text: str, *, author_name: str = "", author_url: str | None = None) -> Weighing:
        """Return the comment's log-odds of spam, the links' share and every weighed feature (see :meth:`explain`)."""
        read = reading(text, author_name, author_url)
        # The features of :func:`features`, each once: words and pairs of words first, by their own memos.
        words = dict.fromkeys(read.words)
        weighed = list(filter(None, self._weighed(self._words, words, word_feature)))
        # The pairs are weighed as they come, each once: most have no weight, and the few that have one are told
        # apart by their feature, which spares hashing every pair twice to take the distinct ones first.
        weighed += dict.fromkeys(filter(None, self._weighed(self._pairs, list(pairwise(read.words)), pair_feature)))
        # The word standing for a link, and the pairs it is in, are the only words that are a link's.
        links = [log_odds for log_odds, feature in weighed if is_link_feature(feature)] if LINK_WORD in words else []
        others = [f"n:{w}" for w in read.names]
        if read.website:
            others.append("u:website")
        memo, missing = self._odds, self._weight
        grams: list[_Weighed] = []
        n_grams = 0
        for feature in dict.fromkeys([*others, *host_features(read.hosts)]):
            known = memo.get(feature)  # one lookup: another thread may empty the memo meanwhile
            log_odds, code = missing(feature) if known is None else known
            if code == _GRAM:
                n_grams += 1
                if log_odds is not None:
                    grams.append((log_odds, feature))
            elif log_odds is not None:
                weighed.append((log_odds, feature))
                if code == _LINK:
                    links.append(log_odds)
        if grams:
            # The pieces of link hosts overlap and come many per link: together they weigh as one feature.
            share = 1.0 / n_grams
            grams = [(log_odds * share, feature) for log_odds, feature in grams]
            weighed += grams
            links += [log_odds for log_odds, _ in grams]
        return Weighing(math.fsum(map(_LOG_ODDS, weighed)), math.fsum(links), tuple(weighed))

    def score(self, text: str, *, author_name: str = "", author_url: str | None = None) -> float:
        """Return the probability that the comment is spam, by this model alone."""
        return self.explain(text, author_name=author_name, author_url=author_url, top=0).probability

    def to_fields(self) -> dict[str, int]:
        """Return the counts as a flat ``{field: int}`` mapping, ready for ``HSET``."""
        return dict(self._counts)

    @classmethod
    def from_fields(cls, fields: Mapping[str, int | str] | Mapping[bytes, bytes]) -> ModelState:
        """Rebuild a model from :meth:`to_fields` or from ``HGETALL`` (strings or bytes)."""
        counts: dict[str, int] = {}
        for field, value in fields.items():
            name = field.decode("utf-8") if isinstance(field, bytes) else field
            counts[name] = _to_int(value)
        return cls(counts)

    def copy(self) -> ModelState:
        """Return an independent copy, to learn on without touching this one."""
        return ModelState(self._counts)

    def __len__(self) -> int:
        return len(self._counts)


def train(rows: Iterable[tuple[str, Label | str, str, str | None]], base: ModelState | None = None) -> ModelState:
    """Return a model that learned ``(content, label, author_name, author_url)`` rows on top of ``base``."""
    model = base.copy() if base is not None else ModelState()
    for content, label, author_name, author_url in rows:
        model.learn(content, label, author_name=author_name, author_url=author_url)
    return model
