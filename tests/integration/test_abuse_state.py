"""The abuse model shared through a real Redis: lessons from moderators, seen by another process's state, undone."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from worker.abuse import facts as fact
from worker.abuse.model import shipped_model
from worker.abuse.state import AbuseState
from worker.checks.abuse import AbuseCheck
from worker.cli import main
from worker.keys import Keys
from worker.models import DECIDED_BY_WORKER, Action, Comment, Decision, Reason, Status

pytestmark = pytest.mark.integration

KEYS = Keys("abusetest")
REJECT_AT = AbuseCheck().reject_at
MILD = "Your grumblewort opinions are worth nothing, grumblewort"
HELD = "You ridiculous clown, cutting the library budget again"


@pytest.fixture
def states(redis_client: redis.Redis, redis_url: str) -> Iterator[tuple[AbuseState, AbuseState]]:
    """Two states on their own connections, as in two processes."""
    other = redis.Redis.from_url(redis_url)
    check = AbuseCheck(refresh_s=0)  # ask Redis before every batch
    yield AbuseState(redis_client, KEYS, check), AbuseState(other, KEYS, check)
    other.close()


def comment(content: str, comment_id: str = "c1") -> Comment:
    return Comment(id=comment_id, post_id="p", content=content)


def verdict(status: Status, code: str, by: str = "camille") -> Decision:
    action = Action.APPROVE if status is Status.APPROVED else Action.REJECT
    return Decision(status, (Reason("moderator", code, "", action),), {}, "v", 1.0, by)


def held() -> Decision:
    return Decision(Status.FLAGGED, (Reason("abuse", "abuse", "", Action.FLAG),), {}, "v", 1.0, DECIDED_BY_WORKER)


def score(state: AbuseState, content: str) -> float:
    (facts,) = state.facts([comment(content, "probe")], 2.0)
    return facts[fact.MODEL].probability(content)


def test_an_abuse_verdict_reaches_another_process_and_can_be_forgotten(states: tuple[AbuseState, AbuseState]) -> None:
    moderator_side, worker_side = states
    before = score(worker_side, MILD)
    assert before < 0.6

    moderator_side.reviewed(comment(MILD), verdict(Status.REJECTED, "abusive"), None)
    taught = score(worker_side, MILD)
    assert taught >= REJECT_AT
    similar = "Honestly, grumblewort opinions like yours are worth nothing"
    assert score(worker_side, similar) > shipped_model().probability(similar)

    assert moderator_side.forget("c1")
    assert score(worker_side, MILD) == pytest.approx(before, abs=1e-6)
    assert not moderator_side.forget("c1")


def test_approving_a_held_comment_teaches_it_is_not_abusive_and_other_verdicts_teach_nothing(
    states: tuple[AbuseState, AbuseState],
) -> None:
    moderator_side, worker_side = states
    assert score(worker_side, HELD) >= 0.6
    moderator_side.reviewed(comment(HELD, "c2"), verdict(Status.REJECTED, "rejected"), held())
    moderator_side.reviewed(comment(HELD, "c3"), verdict(Status.APPROVED, "approved"), None)  # was never held
    assert score(worker_side, HELD) >= 0.6
    moderator_side.reviewed(comment(HELD, "c4"), verdict(Status.APPROVED, "approved"), held())
    assert score(worker_side, HELD) < 0.3
    assert moderator_side.lesson_ids() == ["c4"]


def test_a_verdict_replacing_a_moderators_earlier_one_takes_its_lesson_back_first(
    states: tuple[AbuseState, AbuseState],
) -> None:
    moderator_side, worker_side = states
    rejected = verdict(Status.REJECTED, "abusive")
    moderator_side.reviewed(comment(MILD, "c6"), rejected, None)
    assert score(worker_side, MILD) >= REJECT_AT
    moderator_side.reviewed(comment(MILD, "c6"), held(), rejected)  # the undo restores the worker's decision
    assert score(worker_side, MILD) < 0.6
    assert moderator_side.lesson_ids() == []


def test_a_comment_is_taught_once_and_reset_goes_back_to_the_shipped_weights(
    states: tuple[AbuseState, AbuseState],
) -> None:
    moderator_side, worker_side = states
    assert moderator_side.teach("c5", MILD, abusive=True)
    assert not moderator_side.teach("c5", MILD + " again", abusive=True)
    assert score(worker_side, MILD) >= REJECT_AT
    assert moderator_side.reset() == 1
    assert score(worker_side, MILD) == pytest.approx(shipped_model().probability(MILD))
    assert moderator_side.lesson_ids() == []


def test_train_abuse_command_teaches_a_file_lists_and_forgets_lessons(
    redis_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, redis_client: redis.Redis
) -> None:
    monkeypatch.setenv("MODERATION_REDIS_URL", redis_url)
    monkeypatch.setenv("MODERATION_KEY_PREFIX", KEYS.prefix)
    lines = [{"content": MILD, "label": "abuse"}, {"content": "Lovely photos", "label": "ok"}, {"content": 3}]
    path = tmp_path / "lessons.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    out = io.StringIO()
    assert main(["train-abuse", str(path)], out) == 1  # the third line is refused, the others taught
    report = json.loads(out.getvalue())
    assert (report["taught"], report["already_so"], report["failed"]) == (1, 1, 1)
    (lesson_id,) = report["lessons"]
    state = AbuseState(redis_client, KEYS, AbuseCheck(refresh_s=0))
    assert score(state, MILD) >= REJECT_AT
    out = io.StringIO()
    assert main(["train-abuse", "--forget", lesson_id], out) == 0
    assert json.loads(out.getvalue()) == {"forgotten": [lesson_id], "unknown": [], "lessons": []}
    assert score(state, MILD) < 0.6


def test_a_worker_asks_for_new_lessons_once_per_refresh_interval_not_per_batch(
    states: tuple[AbuseState, AbuseState], redis_client: redis.Redis
) -> None:
    moderator_side, _ = states
    patient = AbuseState(redis_client, KEYS, AbuseCheck(refresh_s=3600))
    before = score(patient, MILD)
    moderator_side.teach("c7", MILD, abusive=True)
    assert score(patient, MILD) == before  # within refresh_s: its copy, no round trip
    assert patient.refresh().probability(MILD) >= REJECT_AT
