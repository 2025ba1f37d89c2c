"""End to end: a web app's client, a real Redis and real Celery worker processes."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Callable

import pytest

from tests.e2e.hooks import POISON
from tests.helpers import expected_status, sample_comments
from tests.workers import (
    SteadySubmitter,
    WorkerProcess,
    all_events,
    decided,
    freeze_holding,
    held,
    wait_decided,
    wait_until,
)
from worker.client import ModerationClient

pytestmark = pytest.mark.e2e


def test_every_one_of_500_submitted_comments_is_decided_with_its_reasons(
    start_worker: Callable[[], WorkerProcess], client: ModerationClient
) -> None:
    start_worker()
    comments = sample_comments(500, "all")
    for comment in comments:
        client.submit(comment)

    wait_until(lambda: decided(client) == 500, 60, "500 decisions")

    assert client.counts()["queued"] == 0
    for comment in comments:
        status = client.status(str(comment["id"]))
        assert status["status"] == expected_status(comment), comment
        if status["status"] != "approved":
            assert status["reasons"], comment
        assert status["policy_version"] and status["decided_at"]


RECOVERY_BOUND_S = 30.0
"""Every comment a killed worker held is decided within this, with the shipped lease and no scheduler."""


@pytest.mark.checks("tests.e2e.hooks:slow")
def test_killing_the_worker_midway_loses_no_comment_and_decides_none_twice(
    start_worker: Callable[[], WorkerProcess], client: ModerationClient
) -> None:
    comments = sample_comments(500, "kill")
    first = start_worker()

    submitter = SteadySubmitter(client, comments)
    submitter.start()
    wait_until(lambda: decided(client) >= 50, 60, "the first worker to decide 50 comments")
    assert first.process is not None
    in_hand = freeze_holding(client, [first.process.pid, *first.descendants()])
    first.kill(signal.SIGKILL)
    killed_at = decided(client)
    start_worker()
    recovery_s = wait_decided(client, in_hand, 60, "the comments the killed worker held")
    print(f"recovery after kill -9 of the worker: {recovery_s:.1f} s for {len(in_hand)} comments held")
    submitter.finish()

    wait_until(lambda: decided(client) == 500, 90, "every comment to be decided after the kill")

    assert in_hand, "the killed worker held no comment: nothing was tested"
    assert recovery_s <= RECOVERY_BOUND_S
    assert killed_at < 500, "the kill came after the last decision: nothing was tested"
    events = all_events(client)
    ids = [event["id"] for event in events]
    assert len(ids) == 500
    assert set(ids) == {str(c["id"]) for c in comments}
    assert client.counts() == {
        "queued": 0,
        "approved": sum(expected_status(c) == "approved" for c in comments),
        "rejected": sum(expected_status(c) == "rejected" for c in comments),
        "flagged": sum(expected_status(c) == "flagged" for c in comments),
    }


def test_no_status_public_view_event_or_log_line_holds_an_author_email(
    start_worker: Callable[[], WorkerProcess], client: ModerationClient
) -> None:
    worker = start_worker()
    comments = sample_comments(60, "privacy")
    for comment in comments:
        client.submit(comment)
    wait_until(lambda: decided(client) == 60, 60, "60 decisions")

    published = [client.public_view(str(c["id"])) for c in comments]
    statuses = [client.status(str(c["id"])) for c in comments]
    text = json.dumps([published, statuses, all_events(client)]) + worker.output()
    for comment in comments:
        email = str(comment["author_email"])
        assert email not in text
        assert email.split("@", maxsplit=1)[0] not in text
    assert all("author_email" not in view and "ip" not in view for view in published)


def test_a_moderator_decision_stands_when_the_worker_decides_the_same_comment_later(
    start_worker: Callable[[], WorkerProcess], client: ModerationClient
) -> None:
    comment = sample_comments(1, "moderated")[0]
    client.submit(comment)
    client.review(str(comment["id"]), "reject", "camille")

    start_worker()
    client.submit(sample_comments(1, "after")[0])
    wait_until(lambda: client.status("after-0")["status"] != "queued", 60, "the next comment's decision")

    status = client.status(str(comment["id"]))
    assert status["status"] == "rejected"
    assert status["decided_by"] == "camille"


@pytest.mark.checks("tests.e2e.hooks:slow")
def test_killing_pool_processes_midway_loses_no_comment_and_decides_none_twice(
    start_worker: Callable[..., WorkerProcess], client: ModerationClient
) -> None:
    worker = start_worker()
    comments = sample_comments(400, "pool")

    submitter = SteadySubmitter(client, comments)
    submitter.start()
    wait_until(lambda: decided(client) >= 40, 60, "the first 40 decisions")
    # The supervisor's child is Celery's main process; the pool processes are below it.
    celery_main = worker.descendants()[0]
    killed = [pid for pid in worker.descendants() if pid != celery_main]
    in_hand = freeze_holding(client, killed)
    for pid in killed:
        os.kill(pid, signal.SIGKILL)
    recovery_s = wait_decided(client, in_hand, 60, "the comments the killed pool processes held")
    print(f"recovery after kill -9 of the pool processes: {recovery_s:.1f} s for {len(in_hand)} comments held")
    submitter.finish()

    wait_until(lambda: decided(client) == 400, 90, "every comment to be decided after the pool was killed")
    assert killed, "no pool process was found to kill"
    assert in_hand, "the killed pool processes held no comment: nothing was tested"
    assert recovery_s <= RECOVERY_BOUND_S
    assert sorted(event["id"] for event in all_events(client)) == sorted(str(c["id"]) for c in comments)
    assert client.counts()["queued"] == 0


def test_a_comment_whose_drain_message_was_lost_is_still_decided_without_another_submission(
    start_worker: Callable[[], WorkerProcess], client: ModerationClient
) -> None:
    client.submit(sample_comments(1, "swallowed")[0])
    broker, queue = client.service.store.client, client.service.settings.queue
    assert broker.llen(queue) == 1, "the drain message was never sent: nothing was tested"
    # What kombu's Redis transport does when BRPOP hands the message to a worker killed before it reads
    # the reply: the message leaves the queue and reaches no one.
    broker.delete(queue)

    start_worker()
    wait_until(lambda: client.status("swallowed-0")["status"] != "queued", 30, "the sweeper to wake a worker")
    assert client.status("swallowed-0")["status"] == expected_status(sample_comments(1, "swallowed")[0])


@pytest.mark.checks("tests.e2e.hooks:slow")
def test_sigterm_during_a_burst_finishes_the_batch_in_hand_and_the_next_worker_decides_the_rest(
    start_worker: Callable[[], WorkerProcess], client: ModerationClient
) -> None:
    comments = sample_comments(600, "term")
    first = start_worker()
    client.submit_many(comments)
    wait_until(lambda: decided(client) >= 20 and bool(held(client)), 60, "the worker to hold a batch")

    # As systemd or a terminal does: SIGTERM to every process of the worker, pool processes included.
    assert first.process is not None
    os.killpg(first.process.pid, signal.SIGTERM)
    code = first.process.wait(timeout=30)
    stopped_at = decided(client)
    left_in_hand = held(client)

    start_worker()
    wait_until(lambda: decided(client) == 600, 90, "the next worker to decide the rest")
    assert code == 0, first.output()[-2000:]
    assert not left_in_hand, "the stopped worker left comments in hand, waiting for their lease to run out"
    assert "WorkerLostError" not in first.output()
    assert stopped_at < 600, "the worker decided everything before the signal: nothing was tested"
    assert sorted(e["id"] for e in all_events(client)) == sorted(str(c["id"]) for c in comments)


@pytest.mark.checks("tests.e2e.hooks:poison")
def test_a_comment_that_kills_its_worker_becomes_a_dead_letter_and_the_rest_of_its_batch_is_decided(
    worker_env: dict[str, str], start_worker: Callable[[], WorkerProcess], client: ModerationClient
) -> None:
    worker_env["MODERATION_REQUEUE_AFTER_S"] = "3"  # a shorter lease, so that three attempts fit the test
    comments = sample_comments(300, "poison")
    comments[150]["content"] = f"Une remarque {POISON}"
    client.submit_many(comments)  # before the worker starts: the poison comment shares a full batch
    start_worker()

    wait_until(lambda: decided(client) == 299, 90, "every comment but the poison one to be decided")
    wait_until(lambda: bool(client.dead_letters()), 90, "the poison comment to be set aside")

    assert [letter["id"] for letter in client.dead_letters()] == ["poison-150"]
    assert client.status("poison-150")["status"] == "queued"
    assert sorted(e["id"] for e in all_events(client)) == sorted(
        str(c["id"]) for c in comments if c["id"] != "poison-150"
    )
    assert client.stats()["dead"] == 1
