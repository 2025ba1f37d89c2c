"""The decision: the strongest action that any reason asks for, with every reason kept."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from worker.checks.base import Check, Context
from worker.models import Action, CheckResult, Comment, Decision, Status

_STATUS = {
    Action.APPROVE: Status.APPROVED,
    Action.CENSOR: Status.APPROVED,
    Action.FLAG: Status.FLAGGED,
    Action.REJECT: Status.REJECTED,
}


def decide(results: Iterable[CheckResult], policy_version: str, now: float) -> Decision:
    """Turn the checks' results into a decision: reject beats flag, flag beats censor and approve."""
    results = tuple(results)
    reasons = tuple(reason for result in results for reason in result.reasons)
    strongest = max((reason.action for reason in reasons), key=lambda a: a.rank, default=Action.APPROVE)
    scores = {result.check: result.score for result in results if result.score is not None}
    censor = tuple(sorted(span for result in results for span in result.censor))
    return Decision(_STATUS[strongest], reasons, scores, policy_version, now, censor=censor)


def moderate(comment: Comment, checks: Sequence[Check], policy_version: str, context: Context) -> Decision:
    """Run every check on ``comment`` and decide."""
    return decide((check.check(comment, context) for check in checks), policy_version, context.now)
