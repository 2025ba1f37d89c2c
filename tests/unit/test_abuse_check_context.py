"""The abuse check reads a held comment's context: a condemned quote is evidence only, a use is still held."""

from __future__ import annotations

from typing import Any

import pytest

from worker.abuse import facts as fact
from worker.abuse.model import AbuseModel
from worker.checks.abuse import AbuseCheck, build
from worker.checks.base import Context
from worker.models import Action, Comment
from worker.policy import Policy

REPORTED = "Someone called my daughter an idiot on the bus and nobody said a word, that is not okay."
USED = "You are an idiot on the bus and nobody will say a word about it."
HAND_MADE = AbuseCheck(english=0.0)
"""The check with the hand-made model alone (no English model), so that the weights below set the score."""


def context(weight: float) -> Context:
    """Facts holding a hand-made model where only "idiot" weighs, as the shared model would be given."""
    return Context(0.0, {fact.MODEL: AbuseModel(-2.0, {"idiot": weight}, {}, {})})


def run(check: AbuseCheck, text: str, weight: float = 40.0) -> tuple[float | None, Any]:
    result = check.check(Comment(id="c1", post_id="p1", content=text), context(weight))
    [reason] = result.reasons
    return result.score, reason


def test_a_reported_insult_the_comment_condemns_is_not_held_and_its_evidence_says_why() -> None:
    score, reason = run(HAND_MADE, REPORTED)
    assert reason.action is Action.APPROVE and reason.code == "context"
    assert score is not None and score < HAND_MADE.flag_at <= reason.evidence["model_score"]
    assert {"reported", "condemned"} <= set(reason.evidence["context"]["cues"])
    assert "reported and condemned" in reason.message or "condemned and reported" in reason.message
    assert [t["text"] for t in reason.evidence["terms"]] == ["idiot"]


def test_the_same_insult_addressed_to_the_reader_is_held_with_the_guard_as_evidence() -> None:
    score, reason = run(HAND_MADE, USED)
    assert reason.action is Action.FLAG and reason.code == "abuse"
    assert reason.evidence["context"]["guard"] == "addressed" and "model_score" not in reason.evidence
    assert score == pytest.approx(reason.evidence["score"], abs=1e-3)


def test_a_near_certain_comment_in_context_is_held_for_a_moderator_not_rejected() -> None:
    _, plain = run(HAND_MADE, USED, weight=140.0)
    assert plain.action is Action.REJECT
    _, reported = run(HAND_MADE, REPORTED, weight=140.0)
    assert reported.action is Action.FLAG and reported.evidence["model_score"] >= HAND_MADE.reject_at


def test_the_policy_can_turn_the_context_step_off() -> None:
    check = build(Policy.from_mapping({"abuse": {"context": False}}).section("abuse"))
    assert not check.context and build(Policy.from_mapping({}).section("abuse")).context
    _, reason = run(check, REPORTED)
    assert reason.action is Action.FLAG and "context" not in reason.evidence


def test_a_comment_below_flag_at_is_not_read_for_context() -> None:
    result = HAND_MADE.check(Comment(id="c1", post_id="p1", content=REPORTED), context(1.0))
    assert result.reasons == () and result.score is not None and result.score < HAND_MADE.flag_at
