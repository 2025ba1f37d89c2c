"""One calibrated spam score from the classifier's log-odds and the signals, and the action it asks for.

    logit = bias + model_weight * clamp(model_logit, ±model_cap) + sum(signal weights)
            (+ words_alone when no signal but a topic's weighs towards spam)
    score = 1 / (1 + exp(-logit))

The classifier's log-odds are scaled down because naive Bayes counts correlated words as independent
evidence and so is overconfident; the cap stops one long text from outweighing every signal.
Words alone (no link, no contact, no trade phrasing, no campaign: no signal for spam) are the weakest
case: a model first trained on the seed corpus, or on another site's spam, finds spam words in ordinary
heated conversation ("please", "our", "lost"), so such a comment needs surer words to be held. A topic alone
(money, crypto, pills, porn, bets talked about) is no sign of a sale either: next to it the words must be as sure,
as a spammer still has to give a way to buy, while a reader arguing about taxes or a pension does not.

A topic alone is not a sale: money, pills, porn or bets talked about with no other sign of spam (no link,
contact, call to action, trade phrasing, campaign...) weigh ``topic_alone`` (half) of their weight. A spammer
must give a way to buy; a reader arguing about taxes, birth control or a celebrity's photos does not. Topics alone
are one talk ("j'ai investi 2 000 € en bitcoin": money and crypto): only the strongest one weighs.

Next to an evasion (a trade word disguised, a link spelled out: :data:`~worker.spam.signals.EVASION_SIGNALS`)
the classifier's evidence of ham is left out: the words around a disguise are written to pass a word
filter, so that they read as a reader's is what the spammer wants, not evidence.

Links are evidence to hold a comment, not to reject it (WordPress holds comments with links): honest
people share links too, and a platform may write its own link markup (timestamps, embeds). So the
score is also computed without any link evidence (the link signals of
:data:`~worker.spam.signals.LINK_SIGNALS` and the classifier's link features), and a comment is only
rejected when that score alone would hold it: what it says must be suspicious too. The signals of
:data:`~worker.spam.signals.NEVER_REJECT_SIGNALS` (a business handed to the readers in a customer's voice) hold
and never reject: a comment is rejected only when its score without them would be rejected too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from worker.models import Action
from worker.spam.classifier import sigmoid
from worker.spam.evidence import Signal
from worker.spam.signals import EVASION_SIGNALS, LINK_SIGNALS, NEVER_REJECT_SIGNALS, STYLE_SIGNALS, TOPIC_SIGNALS


@dataclass(frozen=True, slots=True)
class Weights:
    """How the classifier's log-odds and the signals combine into one score."""

    bias: float = -1.25
    model_weight: float = 0.25
    model_cap: float = 10.0
    words_alone: float = -0.5
    """Added to the log-odds when no signal but a topic's weighs towards spam: the words alone must be surer to hold."""
    topic_alone: float = 0.5
    """Share of their weight the topic signals keep when no other sign of spam is there (see :func:`topics_alone`)."""


@dataclass(frozen=True, slots=True)
class Score:
    """The combined score, its log-odds, the share the classifier had in them, the score without links, and the score
    without the signals that never reject."""

    score: float
    logit: float
    model_log_odds: float
    without_links: float
    unaided: float


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Scores from ``flag_at`` are held for a moderator, from ``reject_at`` rejected if not for links alone."""

    flag_at: float = 0.5
    reject_at: float = 0.98

    def __post_init__(self) -> None:
        if not 0.0 < self.flag_at <= self.reject_at <= 1.0:
            raise ValueError(f"need 0 < flag_at ({self.flag_at}) <= reject_at ({self.reject_at}) <= 1")

    def action(self, score: float, without_links: float | None = None, unaided: float | None = None) -> Action:
        """Return approve, flag or reject for ``score``; reject needs ``without_links`` (if given) from ``flag_at``
        and ``unaided`` (if given) from ``reject_at``."""
        if (
            score >= self.reject_at
            and (without_links is None or without_links >= self.flag_at)
            and (unaided is None or unaided >= self.reject_at)
        ):
            return Action.REJECT
        if score >= self.flag_at:
            return Action.FLAG
        return Action.APPROVE

    def decide(self, score: Score) -> Action:
        """Return the action for a combined score, links alone and the signals that never reject never rejecting."""
        return self.action(score.score, score.without_links, score.unaided)


def _capped(logit: float, weights: Weights, signals: list[Signal]) -> float:
    if any(s.name in EVASION_SIGNALS for s in signals):
        logit = max(0.0, logit)
    return weights.model_weight * max(-weights.model_cap, min(weights.model_cap, logit))


def _alone(signals: list[Signal], weights: Weights) -> float:
    # A topic says what a comment talks about, not that something is sold. A style signal does lift the penalty:
    # filler, gibberish or capitals alone are the spam of rule probes and video pages far more than a reader's.
    return 0.0 if any(s.weight > 0 and s.name not in TOPIC_SIGNALS for s in signals) else weights.words_alone


def topics_alone(signals: list[Signal], weights: Weights) -> list[Signal]:
    """Return ``signals``, the strongest topic one weighed at ``weights.topic_alone`` and the others at nothing when
    nothing else says a thing is sold."""
    if weights.topic_alone == 1.0 or not any(s.name in TOPIC_SIGNALS for s in signals):
        return signals
    if any(s.weight > 0 and s.name not in TOPIC_SIGNALS and s.name not in STYLE_SIGNALS for s in signals):
        return signals
    strongest = max((s for s in signals if s.name in TOPIC_SIGNALS), key=lambda s: s.weight)
    return [
        (replace(s, weight=s.weight * weights.topic_alone) if s is strongest else replace(s, weight=0.0))
        if s.name in TOPIC_SIGNALS
        else s
        for s in signals
    ]


def combine(
    model_logit: float, signals: Iterable[Signal], weights: Weights = Weights(), model_link_logit: float = 0.0
) -> Score:
    """Return the calibrated spam score of a comment (``model_link_logit``: the classifier's part owed to links)."""
    signals = list(signals)
    unlinked_signals = [s for s in signals if s.name not in LINK_SIGNALS]
    model_part = _capped(model_logit, weights, signals)
    logit = weights.bias + model_part + sum(s.weight for s in signals) + _alone(signals, weights)
    unlinked = weights.bias + _capped(model_logit - model_link_logit, weights, unlinked_signals)
    unlinked += sum(s.weight for s in unlinked_signals) + _alone(unlinked_signals, weights)
    never_reject = sum(s.weight for s in signals if s.name in NEVER_REJECT_SIGNALS)
    return Score(sigmoid(logit), logit, model_part, sigmoid(unlinked), sigmoid(logit - never_reject))
