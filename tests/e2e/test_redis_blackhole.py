"""Redis stops answering without closing the connections: the worker notices within its socket timeout and goes on."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from tests.blackhole import BlackholeProxy
from tests.helpers import sample_comments
from tests.workers import SteadySubmitter, WorkerProcess, all_events, decided, held, wait_until, worker_environment
from worker.client import ModerationClient
from worker.redis_server import RedisServer
from worker.settings import load_settings

pytestmark = pytest.mark.e2e

SOCKET_TIMEOUT_S = 2.0
RECOVERY_BOUND_S = 40.0
"""Every accepted comment is decided this soon after the blackhole (the kernel alone would take ~15 min)."""


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    """A Redis of this test's own."""
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.stop()


@pytest.fixture
def proxy(own_redis: RedisServer) -> Iterator[BlackholeProxy]:
    """The only way the worker reaches Redis, as store and as Celery broker."""
    forwarding = BlackholeProxy(own_redis.port).start()
    yield forwarding
    forwarding.stop()


@pytest.mark.timeout(120)
def test_a_redis_that_stops_answering_mid_batch_is_noticed_and_every_comment_is_decided_once(
    own_redis: RedisServer, proxy: BlackholeProxy, tmp_path: Path
) -> None:
    env = worker_environment(proxy.url, tmp_path, ("tests.e2e.hooks:slow",))
    env.update(
        {
            "MODERATION_REDIS_SOCKET_TIMEOUT_S": str(SOCKET_TIMEOUT_S),
            "MODERATION_REDIS_CONNECT_TIMEOUT_S": str(SOCKET_TIMEOUT_S),
            "MODERATION_BATCH_SIZE": "20",  # 0.4 s per batch with the slow check: a batch is always in hand
            "MODERATION_REQUEUE_AFTER_S": "4",
        }
    )
    worker = WorkerProcess(env, tmp_path / "worker.log").start()
    # The web app reaches Redis directly: only the worker's connections go through the proxy.
    client = ModerationClient(load_settings({**env, "REDIS_URL": own_redis.url}))
    comments = sample_comments(20_000, "blackhole")
    submitter = SteadySubmitter(client, comments, gap_s=0.01)

    try:
        submitter.start()
        wait_until(lambda: decided(client) >= 40, 60, "the first 40 decisions")
        wait_until(lambda: bool(held(client)), 10, "a batch in a worker's hands")
        frozen = proxy.blackhole()
        blackholed_at, blackholed_wall = time.monotonic(), time.time()
        in_hand = held(client)
        time.sleep(1.0)  # comments accepted while the worker's connections are dead
        submitter.stop()
        accepted = submitter.finish()
        wait_until(
            lambda: decided(client) == len(accepted),
            RECOVERY_BOUND_S,
            "every accepted comment to be decided after Redis stopped answering",
        )
        recovered_s = time.monotonic() - blackholed_at

        assert frozen > 0 and in_hand, "the blackhole caught no connection or no batch in hand"
        assert len(set(accepted)) == len(accepted) < len(comments)
        assert sorted(e["id"] for e in all_events(client)) == sorted(accepted), "each decided exactly once"
        assert client.counts()["queued"] == 0
        log = worker.output()
        # Whichever command met a dead connection first says so: a drain ("drain stopped: Redis did not
        # answer in time"), the lease keeper of a batch in hand, or the sweeper.
        timeouts = [line for line in log.splitlines() if f"Timeout reading from 127.0.0.1:{proxy.port}" in line]
        warned = [line for line in timeouts if line.startswith("[") and "WARNING/" in line]
        assert warned, log[-3000:]
        noticed_s = _logged_at(warned[0]) - blackholed_wall
        assert noticed_s < SOCKET_TIMEOUT_S + 8, f"the first timeout was logged {noticed_s:.1f} s after the blackhole"
        assert "example.org" not in log, "no email of a comment in the worker's log"
        print(
            f"{len(accepted)} accepted, {len(in_hand)} in hand at the blackhole, first timeout logged after"
            f" {noticed_s:.1f} s, all decided after {recovered_s:.1f} s; {warned[0][warned[0].index(']') + 2 :][:90]}"
        )
    finally:
        submitter.stop()
        worker.kill()
        client.close()


def _logged_at(line: str) -> float:
    """The time of a Celery log line such as ``[2026-12-06 23:00:34,631: WARNING/...] ...``."""
    return datetime.strptime(line[1:24], "%Y-%m-%d %H:%M:%S,%f").timestamp()  # local time, as Celery logs
