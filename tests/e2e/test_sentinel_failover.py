"""A Redis Sentinel failover under load: the master is killed, the replica takes over, nothing is lost."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.helpers import sample_comments
from tests.sentinel import MASTER_NAME, SentinelSet
from tests.workers import SteadySubmitter, WorkerProcess, all_events, decided, wait_until, worker_environment
from worker.client import ModerationClient
from worker.settings import load_settings

pytestmark = pytest.mark.e2e


def test_a_sentinel_failover_under_load_loses_no_accepted_comment_and_decides_none_twice(
    sentinel_set: SentinelSet, tmp_path: Path
) -> None:
    env = {**worker_environment(sentinel_set.url, tmp_path), "MODERATION_SENTINEL_MASTER": MASTER_NAME}
    # Redis replicates after answering: without this, a submission the master answered just before the
    # SIGKILL can be missing on the replica it promotes (it happened in CI on 2026-12-06).
    env["MODERATION_REPLICAS_TO_WAIT"] = "1"
    workers = [WorkerProcess(env, tmp_path / f"worker-{n}.log").start() for n in range(2)]
    client = ModerationClient(load_settings(env))
    submitter = SteadySubmitter(client, sample_comments(20_000, "failover"))
    old_master = sentinel_set.master.port

    try:
        submitter.start()
        wait_until(lambda: decided(client) >= 100, 60, "the first 100 decisions")
        killed_at = time.monotonic()
        sentinel_set.master.stop(kill=True)
        wait_until(lambda: sentinel_set.master_port() != old_master, 60, "the sentinel to promote the replica")
        promoted_s = time.monotonic() - killed_at
        # The new master has no replica to confirm submissions until the old one comes back as its replica.
        sentinel_set.master.start()
        resumed_at = len(submitter.accepted)
        wait_until(lambda: len(submitter.accepted) > resumed_at, 60, "a submission confirmed by the new replica")
        accepting_s = time.monotonic() - killed_at
        wait_until(lambda: len(submitter.accepted) >= resumed_at + 200, 60, "200 more submissions after the failover")
        submitter.stop()
        accepted = submitter.finish()
        wait_until(lambda: decided(client) == len(accepted), 120, "every accepted comment to be decided")
        settled_s = time.monotonic() - killed_at
        print(
            f"sentinel failover: replica promoted {promoted_s:.1f} s after SIGKILL of the master,"
            f" submissions accepted again after {accepting_s:.1f} s ({submitter.refused} refused meanwhile),"
            f" all {len(accepted)} accepted comments decided {settled_s:.1f} s after the kill"
        )

        assert submitter.refused > 0, "the master was never seen down: the failover happened after the load"
        assert len(set(accepted)) == len(accepted) < 20_000
        assert sorted(e["id"] for e in all_events(client)) == sorted(accepted)
        assert client.counts()["queued"] == 0
    finally:
        for worker in workers:
            worker.kill()
        client.close()
