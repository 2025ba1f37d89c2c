"""Webhooks end to end: a real Redis, real worker processes, and a local receiver verifying signatures."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from tests.webhook_receiver import Receiver
from tests.workers import WORKER, WorkerProcess, wait_until
from worker.client import ModerationClient
from worker.settings import load_settings

pytestmark = [pytest.mark.integration, pytest.mark.e2e]

SECRET = "whsec_" + base64.b64encode(os.urandom(32)).decode()
COMMENT = {
    "id": "wp-1",
    "post_id": "42",
    "author_name": "Camille",
    "author_email": "camille@example.fr",
    "content": "Merci pour cet article, très clair !",
    "ip": "203.0.113.7",
}


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver(SECRET).start()
    yield server
    server.stop()


def hooks_env(worker_env: dict[str, str], receiver: Receiver, **delivery: object) -> dict[str, str]:
    """The worker's environment with one subscription to ``receiver`` and quick retries."""
    table = {
        "queue": worker_env["MODERATION_QUEUE"] + "-hooks",
        "subscriptions": [{"name": "site", "url": receiver.url, "secret": SECRET}],
        "allowed_networks": ["127.0.0.0/8"],
        "backoff_first_s": 0.2,
        "backoff_max_s": 0.5,
        "retry_for_s": 60,
        "pump_interval_s": 1,
        **delivery,
    }
    return {**worker_env, "MODERATION_WEBHOOKS": json.dumps(table)}


def start(env: dict[str, str], tmp_path: Path, started: list[WorkerProcess], args: tuple[str, ...] = WORKER) -> None:
    started.append(WorkerProcess(env, tmp_path / f"worker-{len(started)}.log", args).start())


@pytest.fixture
def workers() -> Iterator[list[WorkerProcess]]:
    started: list[WorkerProcess] = []
    yield started
    for worker in started:
        worker.kill()


def group_ready(client: ModerationClient) -> bool:
    """True once a worker created the webhook pump's consumer group on the decision events."""
    try:
        return bool(client.store.client.xinfo_groups(client.store.keys.events))
    except redis.ResponseError:
        return False


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "worker.cli", *args]
    return subprocess.run(command, check=False, env=env, capture_output=True, text=True, timeout=60)


def test_a_decision_arrives_as_a_webhook_the_receiver_verifies_with_the_secret(
    worker_env: dict[str, str], receiver: Receiver, tmp_path: Path, workers: list[WorkerProcess]
) -> None:
    env = hooks_env(worker_env, receiver)
    start(env, tmp_path, workers)
    with ModerationClient(load_settings(env)) as client:
        wait_until(lambda: group_ready(client), 30, "the pump's consumer group")
        client.submit(COMMENT)
        wait_until(lambda: len(receiver.delivered()) == 1, 30, "the webhook")
        (receipt,) = receiver.receipts
        assert receipt.verified
        payload = receipt.payload
        assert payload["type"] == "comment.decided"
        assert payload["data"]["comment"]["id"] == "wp-1"
        assert payload["data"]["decision"]["status"] == "approved"
        assert receipt.headers["webhook-id"].startswith("msg_")
        assert b"camille@example.fr" not in receipt.body and b"203.0.113.7" not in receipt.body

        client.review("wp-1", "reject", moderator="alice")
        wait_until(lambda: len(receiver.delivered()) == 2, 30, "the review's webhook")
        review = receiver.receipts[-1].payload
        assert review["type"] == "comment.reviewed"
        assert review["data"]["decision"]["decided_by"] == "alice"
        assert review["data"]["comment"]["status"] == "rejected"


def test_a_receiver_failing_three_times_then_recovering_gets_the_event_exactly_once(
    worker_env: dict[str, str], receiver: Receiver, tmp_path: Path, workers: list[WorkerProcess]
) -> None:
    receiver.fail_first = 3
    env = hooks_env(worker_env, receiver)
    start(env, tmp_path, workers)
    with ModerationClient(load_settings(env)) as client:
        wait_until(lambda: group_ready(client), 30, "the pump's consumer group")
        client.submit(COMMENT)
        wait_until(lambda: len(receiver.delivered()) == 1, 30, "the webhook after three failures")
        time.sleep(3)  # several back-off periods and periodic pumps: nothing more may arrive
    assert [r.status for r in receiver.receipts] == [500, 500, 500, 204]
    assert len({r.headers["webhook-id"] for r in receiver.receipts}) == 1
    assert all(r.verified for r in receiver.receipts)


def test_an_event_outlives_the_workers_and_is_sent_once_a_webhook_worker_runs(
    worker_env: dict[str, str], receiver: Receiver, tmp_path: Path, workers: list[WorkerProcess]
) -> None:
    env = hooks_env(worker_env, receiver)
    start(env, tmp_path, workers, (*WORKER, "--queues", env["MODERATION_QUEUE"]))
    with ModerationClient(load_settings(env)) as client:
        wait_until(lambda: group_ready(client), 30, "the pump's consumer group")
        client.submit(COMMENT)
        wait_until(lambda: client.counts()["approved"] == 1, 30, "the decision")
        workers[0].kill()  # decided, and no worker ever consumed the webhooks queue
        assert receiver.receipts == []
        start(env, tmp_path, workers)
        wait_until(lambda: len(receiver.delivered()) == 1, 30, "the webhook from the later worker")
        time.sleep(2)
    assert len(receiver.receipts) == 1


def test_a_receiver_that_never_recovers_leaves_the_event_in_the_dead_letters_until_replayed(
    worker_env: dict[str, str], receiver: Receiver, tmp_path: Path, workers: list[WorkerProcess]
) -> None:
    receiver.down = True
    env = hooks_env(worker_env, receiver, retry_for_s=1.5)
    start(env, tmp_path, workers)
    with ModerationClient(load_settings(env)) as client:
        wait_until(lambda: group_ready(client), 30, "the pump's consumer group")
        client.submit(COMMENT)

        def failed() -> list[dict[str, object]]:
            listing = cli(env, "webhooks", "failed", "--json")
            assert listing.returncode == 0, listing.stderr
            return [json.loads(line) for line in listing.stdout.splitlines()]

        wait_until(lambda: len(failed()) == 1, 30, "the message in the dead-letter list")
        (dead,) = failed()
        assert dead["comment_id"] == "wp-1" and dead["type"] == "comment.decided"
        assert dead["attempts"] >= 2 and "500" in str(dead["last_error"])
        tries = len(receiver.receipts)
        time.sleep(1.5)
        assert len(receiver.receipts) == tries, "a dead message is not tried again by itself"

        receiver.down = False
        replay = cli(env, "webhooks", "replay")
        assert replay.returncode == 0, replay.stderr
        assert json.loads(replay.stdout)["replayed"] == [dead["id"]]
        wait_until(lambda: len(receiver.delivered()) == 1, 30, "the replayed webhook")
        time.sleep(1.5)
        assert len(receiver.delivered()) == 1
        assert failed() == []
