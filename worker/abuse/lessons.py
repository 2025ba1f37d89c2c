"""What one moderator's verdict teaches the abuse model: the smallest weight change that decides the text their way.

A passive-aggressive step (Crammer et al., 2006): the weights move along the comment's own features, just
far enough that the comment's log-odds reach the target (the reject threshold for "abusive", half the hold
threshold for "not abusive"), and never further than ``MAX_STEP``. A text already on the right side teaches
nothing. Texts that share words, word pairs or pieces with the lesson move the same way, in proportion.
The step follows the score's own slope: a word aimed at a person (:func:`worker.abuse.features.aimed`) whose
weight is positive counts ``1 + model.aimed`` times along its features, as it does in the score.
What the check adds to the model's log-odds for the text (``offset``: the English model's share) counts
too: "not abusive" brings the sum below the target; "abusive" brings the model there, and the sum as well
when the offset is negative (rejecting needs the model alone to be near certain).
"""

from __future__ import annotations

import math

from worker.abuse.features import aimed, char_ngrams, counts, innocent_words, words
from worker.abuse.model import AbuseModel

MAX_STEP = 12.0
"""Largest step along the comment's features: one lesson cannot outweigh the shipped model everywhere."""
MAX_WORDS = 400
"""Words of a comment a lesson learns from (its start): bounds the size of one lesson in Redis."""
MARGIN = 0.5
"""Log-odds beyond the target, so that the same text lands clearly on the taught side."""


def logit(p: float) -> float:
    """Return the log-odds of probability ``p`` (clamped away from 0 and 1)."""
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def lesson(
    model: AbuseModel, text: str, abusive: bool, target: float, language: str | None = None, *, offset: float = 0.0
) -> dict[str, float]:
    """Return the weight changes (``w:``, ``b:``, ``c:`` keys) that move ``text`` to probability ``target``."""
    found_words = words(text)[:MAX_WORDS]
    innocent = innocent_words(found_words, language)
    found = counts(found_words, innocent)
    if not found:
        return {}
    scale = 1.0 / math.sqrt(sum(found.values()))
    slope: dict[str, float] = dict(found)
    if model.aimed:
        for i in aimed(found_words):
            word = found_words[i]
            if word not in innocent and model.word_weight(word) > 0:
                for name in ("w:" + word, *("c:" + g for g in char_ngrams(word))):
                    slope[name] += model.aimed
    x = {name: n * scale for name, n in slope.items()}
    current = model.log_odds(found_words, innocent) + (min(offset, 0.0) if abusive else offset)
    goal = logit(target) + (MARGIN if abusive else -MARGIN)
    gap = goal - current if abusive else current - goal
    if gap <= 0:
        return {}
    step = min(MAX_STEP, gap / sum(v * v for v in x.values()))
    sign = 1.0 if abusive else -1.0
    return {name: sign * step * value for name, value in x.items()}
