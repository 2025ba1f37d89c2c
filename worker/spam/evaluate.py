"""Evaluation: run labelled comments through the spam check and measure what it catches and what it wrongly stops.

A comment counts as caught (a positive) when the check holds or rejects it. With ``train_fraction``,
the oldest share of each class is learned first and only the rest is tested, as in the published
protocol of the YouTube Spam Collection: rows are ordered by their ``submitted_at`` when they give it,
else taken as they come, oldest first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from worker.checks.base import Check, Context
from worker.checks.spam import SpamCheck
from worker.models import JSON, Action
from worker.spam import facts as fact
from worker.spam.classifier import Label, ModelState
from worker.spam.corpus import LabelledComment, learn_all, seed_model

_CAUGHT = (Action.FLAG, Action.REJECT)


CALIBRATION_BINS = 10
"""The score range is cut into this many equal bins to compare each bin's scores with its share of spam."""


def _share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


@dataclass(slots=True)
class ScoreBin:
    """The comments whose score fell in one bin: how many, how many were spam, and their scores' sum."""

    comments: int = 0
    spam: int = 0
    score_sum: float = 0.0

    def add(self, score: float, is_spam: bool) -> None:
        """Count one comment of this bin."""
        self.comments += 1
        self.spam += is_spam
        self.score_sum += score

    @property
    def spam_share(self) -> float:
        """Share of the bin's comments that are spam."""
        return _share(self.spam, self.comments)

    @property
    def mean_score(self) -> float:
        """Mean score of the bin's comments."""
        return _share(self.score_sum, self.comments)


@dataclass(frozen=True, slots=True)
class Report:
    """Counts of actions per true label, and the measures derived from them."""

    counts: dict[Label, dict[Action, int]]
    trained_rows: int = 0
    bins: tuple[ScoreBin, ...] = field(default_factory=tuple)
    """Per bin of the score (``CALIBRATION_BINS`` equal ones from 0 to 1): what was in it; empty if no score."""

    def count(self, label: Label, *actions: Action) -> int:
        """Return how many comments of ``label`` got one of ``actions``."""
        return sum(self.counts[label].get(action, 0) for action in actions)

    @property
    def true_positives(self) -> int:
        """Spam held or rejected."""
        return self.count(Label.SPAM, *_CAUGHT)

    @property
    def false_positives(self) -> int:
        """Legitimate comments held or rejected."""
        return self.count(Label.HAM, *_CAUGHT)

    @property
    def false_negatives(self) -> int:
        """Spam approved."""
        return self.count(Label.SPAM, Action.APPROVE, Action.CENSOR)

    @property
    def true_negatives(self) -> int:
        """Legitimate comments approved."""
        return self.count(Label.HAM, Action.APPROVE, Action.CENSOR)

    @property
    def precision(self) -> float:
        """Share of the comments caught that are spam."""
        return _share(self.true_positives, self.true_positives + self.false_positives)

    @property
    def recall(self) -> float:
        """Share of spam caught (held or rejected)."""
        return _share(self.true_positives, self.true_positives + self.false_negatives)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def ham_share(self, action: Action) -> float:
        """Share of legitimate comments that got ``action``."""
        return _share(self.count(Label.HAM, action), sum(self.counts[Label.HAM].values()))

    def spam_share(self, action: Action) -> float:
        """Share of spam that got ``action``."""
        return _share(self.count(Label.SPAM, action), sum(self.counts[Label.SPAM].values()))

    @property
    def ham_share_rejected(self) -> float:
        """Share of legitimate comments rejected."""
        return self.ham_share(Action.REJECT)

    @property
    def ham_share_held(self) -> float:
        """Share of legitimate comments held for a moderator."""
        return self.ham_share(Action.FLAG)

    @property
    def spam_caught_share(self) -> float:
        """Share of spam held or rejected (the recall)."""
        return self.recall

    @property
    def calibration_error(self) -> float:
        """How far scores are from the share of spam among comments so scored (expected calibration error).

        The gap between a bin's mean score and its share of spam, averaged over bins weighted by their
        comments: 0 when a score of 0.7 means that 70% of the comments so scored are spam.
        """
        total = sum(b.comments for b in self.bins)
        gaps = (abs(b.spam_share - b.mean_score) * b.comments for b in self.bins)
        return _share(sum(gaps), total)

    def to_dict(self) -> dict[str, JSON]:
        """Return the report as a JSON-ready mapping."""
        width = 1.0 / CALIBRATION_BINS
        calibration: list[JSON] = [
            {
                "score_from": round(i * width, 4),
                "score_to": round((i + 1) * width, 4),
                "comments": b.comments,
                "spam_share": round(b.spam_share, 4),
                "mean_score": round(b.mean_score, 4),
            }
            for i, b in enumerate(self.bins)
        ]
        return {
            "trained_rows": self.trained_rows,
            "tested_rows": sum(sum(c.values()) for c in self.counts.values()),
            "confusion": {
                label.value: {action.value: self.counts[label].get(action, 0) for action in Action} for label in Label
            },
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "spam_caught": round(self.spam_caught_share, 4),
            "spam_rejected": round(self.spam_share(Action.REJECT), 4),
            "ham_rejected": round(self.ham_share(Action.REJECT), 4),
            "ham_held": round(self.ham_share(Action.FLAG), 4),
            "calibration_error": round(self.calibration_error, 4),
            "calibration": calibration,
        }


def split_chronological(
    rows: Sequence[LabelledComment], train_fraction: float
) -> tuple[list[LabelledComment], list[LabelledComment]]:
    """Split rows into the oldest ``train_fraction`` of each class and the rest, oldest first in each."""
    if not 0.0 <= train_fraction < 1.0:
        raise ValueError(f"train_fraction must be in [0, 1), not {train_fraction}")
    if all(row.dated for row in rows):
        rows = sorted(rows, key=lambda row: row.comment.submitted_at)
    sizes = Counter(row.label for row in rows)
    quota = {label: int(train_fraction * sizes[label]) for label in Label}
    seen: Counter[Label] = Counter()
    train: list[LabelledComment] = []
    test: list[LabelledComment] = []
    for row in rows:
        seen[row.label] += 1
        (train if seen[row.label] <= quota[row.label] else test).append(row)
    return train, test


def evaluate(
    rows: Sequence[LabelledComment],
    train_fraction: float | None = None,
    *,
    check: Check | None = None,
    base: ModelState | None = None,
    now: float = 0.0,
) -> Report:
    """Run ``rows`` through the check (after learning the oldest ``train_fraction``) and count the outcomes.

    The model starts from ``base`` (the seed model by default), as a deployed worker does.
    """
    check = check if check is not None else SpamCheck()
    model = base if base is not None else seed_model()
    tested: Sequence[LabelledComment] = rows
    trained = 0
    if train_fraction:
        train, tested = split_chronological(rows, train_fraction)
        model, trained = learn_all(train, model), len(train)
    context = Context(now=now, facts={fact.MODEL: model})
    counts: dict[Label, dict[Action, int]] = {label: dict.fromkeys(Action, 0) for label in Label}
    bins = [ScoreBin() for _ in range(CALIBRATION_BINS)]
    scored = False
    for row in tested:
        result = check.check(row.comment, context)
        action = max((r.action for r in result.reasons), key=lambda a: a.rank, default=Action.APPROVE)
        counts[row.label][action] += 1
        if result.score is not None:
            scored = True
            bins[min(CALIBRATION_BINS - 1, int(result.score * CALIBRATION_BINS))].add(
                result.score, row.label is Label.SPAM
            )
    return Report(counts, trained, tuple(bins) if scored else ())
