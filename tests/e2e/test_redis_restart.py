"""A Redis crash and restart under load: every accepted comment is still decided, and only once."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import sample_comments
from tests.workers import WorkerProcess, wait_until, worker_environment
from worker.client import ModerationClient
from worker.errors import StoreUnavailable
from worker.redis_server import RedisServer
from worker.settings import load_settings

pytestmark = pytest.mark.e2e


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    """A Redis of this test's own, that it may kill: append-only, every write synced to disk."""
    server = RedisServer(tmp_path / "redis", appendfsync="always").start()
    yield server
    server.stop()


def test_a_redis_crash_under_load_loses_no_accepted_comment_and_decides_none_twice(
    own_redis: RedisServer, tmp_path: Path
) -> None:
    env = worker_environment(own_redis.url, tmp_path)
    worker = WorkerProcess(env, tmp_path / "worker.log").start()
    accepted: list[str] = []
    refused = 0
    crashed: list[BaseException] = []
    client = ModerationClient(load_settings(env))

    def submit_steadily() -> None:
        try:
            submit_all()
        except BaseException as exc:  # an error the client should have turned into StoreUnavailable
            crashed.append(exc)

    def submit_all() -> None:
        nonlocal refused
        for comment in sample_comments(400, "restart"):
            while True:
                try:
                    accepted.append(client.submit(comment))
                    break
                except StoreUnavailable:
                    refused += 1  # the web app is told at once and retries
                    time.sleep(0.05)
            time.sleep(0.004)

    def decided() -> int:
        counts = client.counts()
        return counts["approved"] + counts["rejected"] + counts["flagged"]

    try:
        submitter = threading.Thread(target=submit_steadily)
        submitter.start()
        wait_until(lambda: decided() >= 60, 60, "the first 60 decisions")
        own_redis.stop(kill=True)
        time.sleep(1.0)
        own_redis.start()
        submitter.join()
        assert not crashed, f"the client raised {crashed[0]!r} instead of a clear StoreUnavailable"
        wait_until(lambda: decided() == 400, 120, "every accepted comment to be decided after the restart")

        assert refused > 0, "Redis was never seen down: the crash happened after the load"
        assert len(accepted) == 400
        events: list[dict[str, str]] = []
        after = "0"
        while batch := client.events(after, count=1000):
            events.extend(batch)
            after = batch[-1]["event_id"]
        assert sorted(e["id"] for e in events) == sorted(accepted)
        assert client.counts()["queued"] == 0
    finally:
        worker.kill()
        client.close()
