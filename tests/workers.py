"""Real Celery worker processes, and waiting for what they do."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
import tomllib
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from worker.children import die_with_parent
from worker.client import ModerationClient
from worker.errors import StoreUnavailable
from worker.replies import text

WORKER = ("worker.cli", "worker", "--concurrency", "2", "--loglevel", "INFO")
"""``moderation worker``: a worker of two processes, with its own sweep timer and no scheduler."""


class WorkerProcess:
    """A project process (by default ``moderation worker --beat``) in its own process group."""

    def __init__(self, env: dict[str, str], log: Path, args: tuple[str, ...] = WORKER) -> None:
        self.env = env
        self.log = log
        self.args = args
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> WorkerProcess:
        """Start the process; its output goes to the log file."""
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", *self.args],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=die_with_parent,  # noqa: PLW1509 (see worker.children)
            )
        return self

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Send ``sig`` to the worker's main process and its pool processes, and wait for the main one."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None

    def descendants(self) -> list[int]:
        """Pids of every process below the worker's own (Celery's main process, its pool, its beat)."""
        parents: dict[int, int] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            parents[int(stat.parent.name)] = int(fields[1])
        found: list[int] = []
        frontier = [self.process.pid] if self.process is not None else []
        while frontier:
            children = [pid for pid, ppid in parents.items() if ppid in frontier]
            found.extend(children)
            frontier = children
        return found

    def output(self) -> str:
        """Everything the worker wrote so far."""
        return self.log.read_text(errors="replace")


class SteadySubmitter(threading.Thread):
    """Submits comments at a steady pace, as readers do, retrying those refused while Redis is down."""

    def __init__(self, client: ModerationClient, comments: list[dict[str, object]], gap_s: float = 0.004) -> None:
        super().__init__(daemon=True)
        self.client = client
        self.comments = comments
        self.gap_s = gap_s
        self.accepted: list[str] = []
        self.refused = 0
        self.crash: BaseException | None = None
        self._stopping = threading.Event()

    def run(self) -> None:
        """Submit every comment once it is accepted; remember any error that is not StoreUnavailable."""
        try:
            for comment in self.comments:
                if self._stopping.is_set():
                    break
                while True:
                    try:
                        self.accepted.append(self.client.submit(comment))
                        break
                    except StoreUnavailable:
                        self.refused += 1  # the web app is told at once and retries
                        time.sleep(0.05)
                time.sleep(self.gap_s)
        except BaseException as exc:
            self.crash = exc

    def stop(self) -> None:
        """Submit no further comment once the one in hand is accepted."""
        self._stopping.set()

    def finish(self) -> list[str]:
        """Wait for the last submission; fail the test if the client raised anything but StoreUnavailable."""
        self.join()
        if self.crash is not None:
            pytest.fail(f"the client raised {self.crash!r} instead of a clear StoreUnavailable")
        return self.accepted


def decided(client: ModerationClient) -> int:
    """How many comments are decided (approved, rejected or flagged)."""
    counts = client.counts()
    return counts["approved"] + counts["rejected"] + counts["flagged"]


def all_events(client: ModerationClient) -> list[dict[str, str]]:
    """Every decision event in the stream, oldest first."""
    events: list[dict[str, str]] = []
    after = "0"
    while batch := client.events(after, count=1000):
        events.extend(batch)
        after = batch[-1]["event_id"]
    return events


CONFIG = Path(__file__).resolve().parent.parent / "config"


def worker_environment(redis_url: str, folder: Path, extra_checks: tuple[str, ...] = ()) -> dict[str, str]:
    """Environment of a worker with its own key prefix and queue; the shipped settings (lease, sweep) otherwise.

    ``extra_checks`` (e.g. ``"tests.e2e.hooks:slow"``) run after the shipped policy's checks.
    """
    name = f"e2e{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "REDIS_URL": redis_url,
        "MODERATION_KEY_PREFIX": name,
        "MODERATION_QUEUE": name,
        "MODERATION_CONFIG": str(CONFIG / "settings.toml"),
        "MODERATION_METRICS_PORT": "0",  # tests that read a metrics port pick a free one
        "TMPDIR": str(folder),
    }
    if extra_checks:
        env["MODERATION_POLICY_FILE"] = str(policy_with(folder, extra_checks))
    return env


def policy_with(folder: Path, extra_checks: tuple[str, ...]) -> Path:
    """A copy of the shipped policy with ``extra_checks`` appended to its checks (word lists still found)."""
    policy = tomllib.loads((CONFIG / "policy.toml").read_text(encoding="utf-8"))
    text = (CONFIG / "policy.toml").read_text(encoding="utf-8")
    checks = [*policy["checks"], *extra_checks]
    text = text.replace(f"checks = {json.dumps(policy['checks'])}", f"checks = {json.dumps(checks)}", 1)
    for key in ("blocklist_file", "moderation_keys_file"):
        text = text.replace(f'{key} = "', f'{key} = "{CONFIG}/', 1)
    path = folder / "policy.toml"
    path.write_text(text, encoding="utf-8")
    assert tomllib.loads(text)["checks"] == checks
    return path


def held(client: ModerationClient) -> set[str]:
    """Ids that a worker took and has not decided (queued, no longer waiting), read at one instant."""
    keys = client.store.keys
    pipe = client.store.client.pipeline(transaction=True)
    pipe.zrange(keys.queued, 0, -1)
    pipe.zrange(keys.pending, 0, -1)
    queued, waiting = pipe.execute()
    return {text(i) for i in queued} - {text(i) for i in waiting}


def freeze_holding(client: ModerationClient, pids: list[int], timeout_s: float = 60) -> set[str]:
    """Stop ``pids`` (SIGSTOP) at an instant when a worker holds comments; return those ids, the pids left stopped.

    A fast worker decides its batch between two looks at Redis, so a kill at an arbitrary instant can find
    nothing in hand; a stopped process writes nothing more, so what it holds stays held until it is killed.
    """
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        signal_all(pids, signal.SIGSTOP)
        wait_until(lambda: all(stopped(pid) for pid in pids), 10, "the worker's processes to stop")
        time.sleep(0.05)  # a command the worker sent just before it stopped reaches Redis
        in_hand = held(client)
        if in_hand:
            return in_hand
        signal_all(pids, signal.SIGCONT)
        time.sleep(0.01)
    pytest.fail(f"no worker held a comment at any instant within {timeout_s} s: nothing could be tested")


def signal_all(pids: list[int], sig: int) -> None:
    """Send ``sig`` to every process of ``pids`` that is still there."""
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)


def stopped(pid: int) -> bool:
    """Whether the process is stopped (or gone), from its state in /proc."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state in {"T", "t", "Z", "X"}


def wait_decided(client: ModerationClient, ids: set[str], timeout_s: float, what: str) -> float:
    """Wait until every comment of ``ids`` is decided; return how long that took, in seconds."""
    started = time.monotonic()
    wait_until(lambda: all(client.status(i)["status"] != "queued" for i in ids), timeout_s, what)
    return time.monotonic() - started


def wait_until(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Poll ``condition`` until it holds, failing the test with ``what`` after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout_s} s waiting for {what}")
        time.sleep(0.05)
