"""Recovery after ``kill -9``: how long until every comment a killed worker held is decided, with no beat.

Starts its own redis-server. Each run uses a fresh key prefix and queue, two ``moderation worker``
processes of two pool processes each (shipped settings: a 10 s lease, a sweep every 2 s; no scheduler),
and a policy with a test-only slow check (``tests.e2e.hooks:slow``, 10 ms a comment) so that the workers
always hold a batch. A burst of comments is submitted; once some are decided, one worker is hit:
  - ``worker``: SIGKILL to the whole first worker (supervisor, Celery's main process, its pool); the
    second worker, still running, must take over;
  - ``pool``: SIGKILL to the first worker's pool processes only; its Celery starts new ones.
Recovery is the time from the kill until every comment held at that instant (taken, not decided) is
decided. The bound to meet is 30 s; the expected figure is about the lease plus a sweep interval.
Usage: python bench/bench_recovery.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import sample_comments  # noqa: E402
from tests.workers import held, policy_with  # noqa: E402
from worker.client import ModerationClient  # noqa: E402
from worker.redis_server import RedisServer  # noqa: E402
from worker.settings import load_settings  # noqa: E402

BOUND_S = 30.0


def start_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "worker.cli", "worker", "--concurrency", "2", "--loglevel", "WARNING"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            cwd=ROOT,
        )


def stop(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    try:
        os.killpg(process.pid, sig)
        process.wait(timeout=30)
    except ProcessLookupError:
        process.wait()
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def pool_pids(process: subprocess.Popen[bytes]) -> list[int]:
    """The pool processes of a worker: the grandchildren of ``moderation worker``."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError):
            continue
    celery = [pid for pid, parent in parents.items() if parent == process.pid]
    return [pid for pid, parent in parents.items() if parent in celery]


def decided(client: ModerationClient) -> int:
    counts = client.counts()
    return counts["approved"] + counts["rejected"] + counts["flagged"]


def wait(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out after {timeout_s} s waiting for {what}")
        time.sleep(0.05)


def one_run(base_env: dict[str, str], tmp: Path, kind: str, run: int) -> tuple[float, int]:
    name = f"{kind}{run}"
    env = {**base_env, "MODERATION_KEY_PREFIX": name, "MODERATION_QUEUE": name}
    first = start_worker(env, tmp / f"{name}-a.log")
    second = start_worker(env, tmp / f"{name}-b.log")
    try:
        with ModerationClient(load_settings(env)) as client:
            count = 1500
            client.submit_many(sample_comments(count, name))
            wait(lambda: decided(client) >= 100 and bool(held(client)), 120, "the workers to hold batches")
            if kind == "worker":
                os.killpg(first.pid, signal.SIGKILL)
                first.wait()
            else:
                for pid in pool_pids(first):
                    os.kill(pid, signal.SIGKILL)
            killed_at = time.monotonic()
            in_hand = held(client)
            wait(
                lambda: all(client.status(i)["status"] != "queued" for i in in_hand),
                120,
                "the comments held at the kill",
            )
            recovery_s = time.monotonic() - killed_at
            wait(lambda: decided(client) == count, 300, "every comment")
            events = client.store.client.xlen(client.store.keys.events)
            if events != count:
                raise SystemExit(f"{events} decision events for {count} comments: not exactly once")
            return recovery_s, len(in_hand)
    finally:
        if first.poll() is None:
            stop(first)
        stop(second)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per kind of kill (default 5)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-recovery-"))
    server = RedisServer(tmp / "redis", appendonly=False).start()
    env = {
        **os.environ,
        "REDIS_URL": server.url,
        "PYTHONPATH": str(ROOT),
        "TMPDIR": str(tmp),
        "MODERATION_CONFIG": str(ROOT / "config" / "settings.toml"),
        "MODERATION_POLICY_FILE": str(policy_with(tmp, ("tests.e2e.hooks:slow",))),
    }
    settings = load_settings(env)
    print(
        f"recovery after kill -9, {args.runs} runs per kind, two workers of 2 processes, no beat,"
        f" lease (requeue_after_s) {settings.requeue_after_s:g} s, sweep every {settings.sweep_interval_s:g} s,"
        f" {os.cpu_count()} cores"
    )
    failed = False
    try:
        for kind in ("worker", "pool"):
            times = []
            for run in range(args.runs):
                recovery_s, held_count = one_run(env, tmp, kind, run)
                times.append(recovery_s)
                print(f"  {kind:<6} run {run}: {held_count:4d} held, all decided {recovery_s:5.1f} s after the kill")
            print(
                f"kill -9 of the {'whole worker' if kind == 'worker' else 'pool processes'}:"
                f" median {statistics.median(times):.1f} s, max {max(times):.1f} s (bound {BOUND_S:g} s)"
            )
            failed |= max(times) > BOUND_S
    finally:
        server.stop()
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
