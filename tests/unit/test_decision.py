"""The decision: the strongest action wins, every reason and score is kept, censored spans are masked."""

from __future__ import annotations

from worker.decision import decide
from worker.models import Action, CheckResult, Comment, Decision, Reason, Status, mask, public_view


def reason(action: Action, check: str = "spam") -> Reason:
    return Reason(check, f"code_{action.value}", "message", action)


def test_no_reason_means_approved() -> None:
    decision = decide([CheckResult("spam", score=0.1)], "v1", now=3.0)
    assert decision.status is Status.APPROVED
    assert decision.scores == {"spam": 0.1}
    assert (decision.policy_version, decision.decided_at) == ("v1", 3.0)


def test_reject_beats_flag_and_every_reason_is_kept() -> None:
    results = [CheckResult("spam", (reason(Action.FLAG),)), CheckResult("validation", (reason(Action.REJECT),))]
    decision = decide(results, "v1", now=1.0)
    assert decision.status is Status.REJECTED
    assert [r.action for r in decision.reasons] == [Action.FLAG, Action.REJECT]


def test_flag_beats_censor() -> None:
    results = [CheckResult("profanity", (reason(Action.CENSOR),)), CheckResult("spam", (reason(Action.FLAG),))]
    assert decide(results, "v1", now=1.0).status is Status.FLAGGED


def test_censor_alone_approves_and_keeps_the_spans_to_mask() -> None:
    result = CheckResult("profanity", (reason(Action.CENSOR, "profanity"),), censor=((6, 10),))
    decision = decide([result], "v1", now=1.0)
    assert decision.status is Status.APPROVED
    assert decision.censor == ((6, 10),)


def test_a_decision_survives_a_round_trip_through_json() -> None:
    decision = Decision(Status.FLAGGED, (reason(Action.FLAG),), {"spam": 0.5}, "v2", 9.5, "camille", ((1, 2),))
    assert Decision.from_dict(decision.to_dict()) == decision


def test_mask_hides_the_letters_of_each_span_but_keeps_spaces() -> None:
    assert mask("you are a big fat jerk", ((14, 22),)) == "you are a big *** ****"


def test_the_public_view_holds_neither_email_nor_ip_and_masks_censored_words() -> None:
    comment = Comment("c1", "p1", "Ann", "ann@example.org", "well damn", ip="192.0.2.7")
    decision = Decision(Status.APPROVED, (), {}, "v1", 2.0, censor=((5, 9),))
    view = public_view(comment, Status.APPROVED, decision)
    assert view["content"] == "well ****"
    assert "ann@example.org" not in str(view) and "192.0.2.7" not in str(view)


def test_the_repr_of_a_comment_hides_its_email_and_ip() -> None:
    comment = Comment("c1", "p1", "Ann", "ann@example.org", "hello", ip="192.0.2.7")
    assert "ann@example.org" not in repr(comment) and "192.0.2.7" not in repr(comment)
