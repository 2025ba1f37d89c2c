"""``./dev run`` stops everything it started, whether Ctrl-C or a process manager's SIGTERM stops it."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api_process import free_port
from worker.children import die_with_parent

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def descendants(pid: int) -> set[int]:
    """Pids of every live process below ``pid``."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError):
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def alive(pid: int) -> bool:
    """Whether ``pid`` is a process that has not exited (a zombie has)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def command_line(pid: int) -> str:
    """The process's command line, or '' when it is gone."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


class DevRun:
    """``./dev run`` in a process group of its own, with its own Redis port, API port and run directory."""

    def __init__(self, tmp_path: Path) -> None:
        self.api_port = free_port()
        self.redis_port = free_port()
        env = {key: value for key, value in os.environ.items() if not key.startswith(("MODERATION_", "REDIS_URL"))}
        self.env = {
            **env,
            "DEV_REDIS_PORT": str(self.redis_port),
            "DEV_RUN_DIR": str(tmp_path / "run"),
            "DEV_NO_APT": "1",
            "MODERATION_API_PORT": str(self.api_port),
        }
        self.log = tmp_path / "dev.log"
        self.seen: set[int] = set()
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                ["bash", str(ROOT / "dev"), "run", "--concurrency", "1"],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=die_with_parent,  # noqa: PLW1509 (see worker.children)
            )

    def output(self) -> str:
        """What ``./dev run`` and its processes printed."""
        return self.log.read_text(errors="replace")

    def worker_is_up(self) -> bool:
        """Whether ``moderation health`` sees a live worker on the Redis that ./dev started."""
        env = {**self.env, "MODERATION_REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0"}
        done = subprocess.run(
            [sys.executable, "-m", "worker.cli", "health", "--json", "--role", "worker", "--timeout", "1"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        return done.returncode == 0 and json.loads(done.stdout)["checks"]["workers"]["ok"] is True

    def api_is_up(self) -> bool:
        """Whether the API that ./dev started answers its health route."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.api_port}/health", timeout=2) as answer:
                return bool(answer.status == 200)
        except OSError:
            return False

    def wait_until_serving(self, timeout_s: float = 120.0) -> None:
        """Wait until the worker and the API are up; remember every process below ./dev."""
        deadline = time.monotonic() + timeout_s
        while not (self.worker_is_up() and self.api_is_up()):
            assert self.process.poll() is None, self.output()
            assert time.monotonic() < deadline, self.output()
            time.sleep(0.5)
        self.seen = descendants(self.process.pid)

    def kill_all(self) -> None:
        """Kill whatever is left of it (the test's own clean-up)."""
        for pid in [*self.seen, self.process.pid]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)


@pytest.fixture
def dev_run(tmp_path: Path) -> Iterator[DevRun]:
    """A ``./dev run`` serving, stopped and killed at the end whatever the test did."""
    run = DevRun(tmp_path)
    try:
        run.wait_until_serving()
        yield run
    finally:
        run.kill_all()


@pytest.mark.timeout(300)
@pytest.mark.parametrize(
    ("how", "code"),
    [("SIGTERM to the script alone, as a process manager sends it", 143), ("Ctrl-C to its terminal's group", 130)],
)
def test_dev_run_stopped_by_a_signal_stops_the_worker_the_api_and_its_redis(
    dev_run: DevRun, how: str, code: int
) -> None:
    started = {pid: command_line(pid) for pid in dev_run.seen}
    assert any("redis-server" in line for line in started.values()), started
    assert any(" worker" in line for line in started.values()), started
    assert any(" api" in line for line in started.values()), started
    if how.startswith("SIGTERM"):
        dev_run.process.send_signal(signal.SIGTERM)
    else:
        os.killpg(dev_run.process.pid, signal.SIGINT)
    assert dev_run.process.wait(timeout=120) == code, dev_run.output()
    deadline = time.monotonic() + 30
    while left := {pid: line for pid, line in started.items() if alive(pid)}:
        assert time.monotonic() < deadline, f"still running after ./dev run exited: {left}\n{dev_run.output()}"
        time.sleep(0.2)
    assert "stopped the Redis started by ./dev" in dev_run.output()
