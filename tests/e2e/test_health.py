"""``moderation health`` against a real Redis, real worker processes and a real API."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.api_process import APIProcess, free_port
from tests.helpers import sample_comments
from tests.workers import WORKER, WorkerProcess
from worker.client import ModerationClient

pytestmark = pytest.mark.e2e


def health(env: dict[str, str], *args: str) -> tuple[int, dict[str, Any]]:
    """Run ``moderation health --json ARGS``; return its exit code and its report."""
    done = subprocess.run(
        [sys.executable, "-m", "worker.cli", "health", "--json", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stdout, done.stderr
    return done.returncode, json.loads(done.stdout)


def verdicts(report: dict[str, Any]) -> dict[str, bool]:
    return {name: check["ok"] for name, check in report["checks"].items()}


def test_health_passes_once_a_worker_of_this_deployment_runs_on_this_host(
    start_worker: Callable[..., WorkerProcess], worker_env: dict[str, str]
) -> None:
    assert verdicts(health(worker_env, "--role", "worker")[1]) == {"redis": True, "workers": False, "backlog": True}
    start_worker(WORKER)
    deadline = time.monotonic() + 60
    while (found := health(worker_env, "--role", "worker"))[0] != 0:
        assert time.monotonic() < deadline, found
        time.sleep(0.5)
    assert verdicts(found[1]) == {"redis": True, "workers": True, "backlog": True}
    assert found[1]["ok"] is True
    assert "1 alive on " in found[1]["checks"]["workers"]["detail"]


def test_health_fails_when_the_oldest_undecided_comment_waited_too_long(
    worker_env: dict[str, str], client: ModerationClient
) -> None:
    client.submit(sample_comments(1, "h")[0])
    time.sleep(1.2)
    code, report = health({**worker_env, "MODERATION_HEALTH_MAX_BACKLOG_S": "1"}, "--timeout", "0.5")
    assert code == 1 and report["ok"] is False
    assert verdicts(report)["backlog"] is False
    assert "limit 1 s" in report["checks"]["backlog"]["detail"]


def test_health_fails_at_once_and_says_so_when_redis_is_unreachable(worker_env: dict[str, str]) -> None:
    started = time.monotonic()
    code, report = health({**worker_env, "REDIS_URL": f"redis://127.0.0.1:{free_port()}/0"}, "--timeout", "1")
    assert code == 1
    assert verdicts(report) == {"redis": False, "workers": False, "backlog": False}
    assert report["checks"]["workers"]["detail"] == "not checked: Redis is unreachable"
    assert time.monotonic() - started < 30


def test_health_of_the_api_role_asks_this_hosts_api(worker_env: dict[str, str], tmp_path: Path) -> None:
    api = APIProcess(worker_env, tmp_path / "api.log").start()
    try:
        code, report = health({**worker_env, "MODERATION_API_PORT": str(api.port)}, "--role", "api")
    finally:
        api.stop()
    assert (code, verdicts(report)) == (0, {"redis": True, "api": True})
    code, report = health({**worker_env, "MODERATION_API_PORT": str(api.port)}, "--role", "api")
    assert (code, verdicts(report)) == (1, {"redis": True, "api": False})
