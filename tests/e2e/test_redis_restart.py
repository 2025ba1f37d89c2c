"""A Redis crash and restart under load: every accepted comment is still decided, and only once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import sample_comments
from tests.workers import SteadySubmitter, WorkerProcess, all_events, decided, wait_until, worker_environment
from worker.client import ModerationClient
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
    client = ModerationClient(load_settings(env))
    # More comments than the test needs: the load goes on through the crash until it is stopped,
    # however slowly the worker starts on a busy machine.
    submitter = SteadySubmitter(client, sample_comments(20_000, "restart"))

    try:
        submitter.start()
        wait_until(lambda: decided(client) >= 60, 60, "the first 60 decisions")
        own_redis.stop(kill=True)
        time.sleep(1.0)
        own_redis.start()
        resumed_at = len(submitter.accepted)
        wait_until(lambda: len(submitter.accepted) >= resumed_at + 100, 60, "100 more submissions after the restart")
        submitter.stop()
        accepted = submitter.finish()
        wait_until(
            lambda: decided(client) == len(accepted), 120, "every accepted comment to be decided after the restart"
        )

        assert submitter.refused > 0, "Redis was never seen down: the crash happened after the load"
        assert len(set(accepted)) == len(accepted) < 20_000
        assert sorted(e["id"] for e in all_events(client)) == sorted(accepted)
        assert client.counts()["queued"] == 0
    finally:
        worker.kill()
        client.close()
