"""One calibrated spam score from the classifier's log-odds and the signals, and the action it asks for.

    logit = bias + model_weight * clamp(model_logit, ±model_cap) + sum(signal weights)
    score = 1 / (1 + exp(-logit))

The classifier's log-odds are scaled down because naive Bayes counts correlated words as independent
evidence and so is overconfident; the cap stops one long text from outweighing every signal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from worker.models import Action
from worker.spam.classifier import sigmoid
from worker.spam.signals import Signal


@dataclass(frozen=True, slots=True)
class Weights:
    """How the classifier's log-odds and the signals combine into one score."""

    bias: float = -1.25
    model_weight: float = 0.3
    model_cap: float = 10.0


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Scores from ``flag_at`` are held for a moderator, from ``reject_at`` rejected."""

    flag_at: float = 0.5
    reject_at: float = 0.98

    def __post_init__(self) -> None:
        if not 0.0 < self.flag_at <= self.reject_at <= 1.0:
            raise ValueError(f"need 0 < flag_at ({self.flag_at}) <= reject_at ({self.reject_at}) <= 1")

    def action(self, score: float) -> Action:
        """Return approve, flag or reject for ``score``."""
        if score >= self.reject_at:
            return Action.REJECT
        if score >= self.flag_at:
            return Action.FLAG
        return Action.APPROVE


@dataclass(frozen=True, slots=True)
class Score:
    """The combined score, its log-odds, and the share the classifier had in them."""

    score: float
    logit: float
    model_log_odds: float


def combine(model_logit: float, signals: Iterable[Signal], weights: Weights = Weights()) -> Score:
    """Return the calibrated spam score of a comment."""
    capped = max(-weights.model_cap, min(weights.model_cap, model_logit))
    model_part = weights.model_weight * capped
    logit = weights.bias + model_part + sum(s.weight for s in signals)
    return Score(sigmoid(logit), logit, model_part)
