"""Fixtures of the end-to-end tests: real worker processes and a client on their Redis."""

from __future__ import annotations

import os
import signal
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.workers import WorkerProcess
from worker.client import ModerationClient
from worker.settings import load_settings


@pytest.fixture
def worker_env(redis_url: str, tmp_path: Path) -> dict[str, str]:
    """Environment of a worker with its own key prefix and queue, and a fast sweeper."""
    name = f"e2e{uuid.uuid4().hex[:8]}"
    env = dict(os.environ)
    env.update(
        {
            "REDIS_URL": redis_url,
            "MODERATION_KEY_PREFIX": name,
            "MODERATION_QUEUE": name,
            "MODERATION_REQUEUE_AFTER_S": "2",
            "MODERATION_SWEEP_INTERVAL_S": "1",
            "MODERATION_WAKE_TTL_S": "2",
            "MODERATION_CONFIG": str(Path(__file__).resolve().parents[2] / "config" / "settings.toml"),
            "TMPDIR": str(tmp_path),
        }
    )
    return env


@pytest.fixture
def start_worker(worker_env: dict[str, str], tmp_path: Path) -> Iterator[Callable[[], WorkerProcess]]:
    """Start real worker processes; every one still running at the end is killed."""
    started: list[WorkerProcess] = []

    def start() -> WorkerProcess:
        worker = WorkerProcess(worker_env, tmp_path / f"worker-{len(started)}.log").start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.kill(signal.SIGTERM)


@pytest.fixture
def client(worker_env: dict[str, str]) -> Iterator[ModerationClient]:
    """A web app's client, on the same Redis, prefix and queue as the workers."""
    with ModerationClient(load_settings(worker_env)) as moderation_client:
        yield moderation_client
