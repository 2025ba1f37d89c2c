"""Fixtures of the end-to-end tests: real worker processes and a client on their Redis."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.workers import WORKER, WorkerProcess, worker_environment
from worker.client import ModerationClient
from worker.settings import load_settings


@pytest.fixture
def worker_env(redis_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> dict[str, str]:
    """Environment of a worker with its own key prefix and queue; ``@pytest.mark.checks(...)`` adds test checks."""
    marker = request.node.get_closest_marker("checks")
    return worker_environment(redis_url, tmp_path, tuple(marker.args) if marker else ())


@pytest.fixture
def start_worker(worker_env: dict[str, str], tmp_path: Path) -> Iterator[Callable[..., WorkerProcess]]:
    """Start real worker processes (``moderation worker`` unless told otherwise); all are stopped at the end."""
    started: list[WorkerProcess] = []

    def start(args: tuple[str, ...] = WORKER) -> WorkerProcess:
        worker = WorkerProcess(worker_env, tmp_path / f"worker-{len(started)}.log", args).start()
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
