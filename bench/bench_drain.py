"""Where a comment's CPU goes in a drain: each check, the fact sources, the store, and Redis by phase.

Run: .venv/bin/python bench/bench_drain.py [--comments 3000] [--repeats 3]

Starts its own redis-server, submits the pipeline benchmark's comments (``bench_pipeline.realistic``)
and decides them in this process, batch by batch, as a worker's drain does (take the ids with their
comments in one round trip, facts, checks, record with what the sources learn from the decisions). Every
stage is timed in CPU time (this process's, and the redis-server's from ``INFO cpu``), so that the
figures hold on a shared machine better than wall-clock time would; each is the median of ``--repeats``
runs on fresh comments.

The baseline, measured in the same run, is the whole drain: each stage is printed with its share of it,
so that a change shows where it moved the cost. ``bench_pipeline.py`` compares the total (with Celery,
the submitter and the workers' processes) against a no-op Celery task.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import redis

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_pipeline import realistic  # noqa: E402
from tests.helpers import sample_comments  # noqa: E402
from worker.checks.base import Check, Context  # noqa: E402
from worker.models import CheckResult, Comment  # noqa: E402
from worker.ops.metrics import observe_checks  # noqa: E402
from worker.redis_server import RedisServer  # noqa: E402
from worker.service import Engine, Service  # noqa: E402
from worker.settings import load_settings  # noqa: E402
from worker.sources import merged_facts  # noqa: E402

STAGES = ("take and load", "facts", "checks", "record", "sources learn")


class Meter:
    """CPU seconds of this process and of the redis-server, added up per stage."""

    def __init__(self, raw: redis.Redis) -> None:
        self.raw = raw
        self.local: defaultdict[str, float] = defaultdict(float)
        self.server: defaultdict[str, float] = defaultdict(float)

    def _server_s(self) -> float:
        cpu = self.raw.info("cpu")
        return float(cpu["used_cpu_user"]) + float(cpu["used_cpu_sys"])

    def stage(self, name: str, work: Callable[[], Any]) -> Any:
        """Run ``work`` and add the CPU it took, here and in Redis, to stage ``name``."""
        server, local = self._server_s(), time.process_time()
        try:
            return work()
        finally:
            self.local[name] += time.process_time() - local
            self.server[name] += self._server_s() - server


class TimedChecks:
    """The engine's checks, each adding its CPU time to a counter under its name."""

    def __init__(self, checks: Sequence[Any], spent: defaultdict[str, float]) -> None:
        self.checks = checks
        self.spent = spent

    def wrap(self) -> tuple[Any, ...]:
        """Return stand-ins of the checks that time each call."""
        spent = self.spent

        class Timed:
            def __init__(self, check: Any) -> None:
                self.inner = check
                self.name = check.name

            def check(self, comment: Comment, context: Context) -> CheckResult:
                started = time.process_time()
                try:
                    result: CheckResult = self.inner.check(comment, context)
                    return result
                finally:
                    spent[self.name] += time.process_time() - started

        return tuple(Timed(check) for check in self.checks)


def decide(
    engine: Engine, timed: Sequence[Check], comments: list[Comment], facts: list[dict[str, Any]], now: float
) -> list[Any]:
    """Decide a batch as the service does: the timed checks' durations are observed once the batch is decided."""
    pairs = [(c, engine.try_decide(c, now, f)) for c, f in zip(comments, facts, strict=True)]
    observe_checks(timed)
    return pairs


def one_run(service: Service, raw: redis.Redis, n: int, run: int) -> tuple[Meter, defaultdict[str, float]]:
    """Submit ``n`` fresh comments, then drain them stage by stage; return the meters."""
    meter, per_check = Meter(raw), defaultdict[str, float](float)
    engine = service.engine
    checks = engine.checks
    object.__setattr__(engine, "checks", TimedChecks(checks, per_check).wrap())
    service.submit(realistic(sample_comments(n, f"drain{run}"), run))
    store, batch_size = service.store, service.settings.batch_size
    waiting: bool | None = None
    while waiting is not False:  # as a drain, no last take once a record found no id waiting
        now = time.time()
        batch = meter.stage("take and load", lambda: store.take(batch_size, now, load=True))  # noqa: B023
        if not batch.ids:
            break
        comments = batch.comments
        facts = meter.stage("facts", lambda: merged_facts(service.sources, comments, now))  # noqa: B023
        pairs = meter.stage("checks", lambda: decide(engine, checks, comments, facts, now))  # noqa: B023
        # What the sources learn is written by the record's script (the Redis side of it is in "record"); here,
        # building it, and the sources that learn apart, in round trips of their own, as the service does.
        parts = meter.stage("sources learn", lambda: service.learning(pairs, now))  # noqa: B023
        recorded = meter.stage("record", lambda: store.record_batch(pairs, parts))  # noqa: B023
        written = [pair for pair, ok in zip(pairs, recorded.written, strict=True) if ok]
        meter.stage("sources learn", lambda: service.learn_apart(written, now))  # noqa: B023
        waiting = recorded.waiting
    object.__setattr__(engine, "checks", checks)
    return meter, per_check


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--comments", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    n = args.comments
    server = RedisServer(Path(tempfile.mkdtemp(prefix="bench-drain-")) / "redis").start()
    env = {
        **os.environ,
        "REDIS_URL": server.url,
        "MODERATION_CONFIG": str(ROOT / "config" / "settings.toml"),
        "MODERATION_KEY_PREFIX": "drain",
    }
    raw = redis.Redis.from_url(server.url)
    try:
        service = Service.from_settings(load_settings(env), lambda: None)
        service.submit(sample_comments(1, "warm-up"))
        service.drain()
        local: dict[str, list[float]] = {}
        remote: dict[str, list[float]] = {}
        checks: dict[str, list[float]] = {}
        for run in range(args.repeats):
            meter, per_check = one_run(service, raw, n, run)
            for stage in STAGES:
                local.setdefault(stage, []).append(meter.local[stage] / n * 1e6)
                remote.setdefault(stage, []).append(meter.server[stage] / n * 1e6)
            for name, spent in per_check.items():
                checks.setdefault(name, []).append(spent / n * 1e6)
        median = {stage: statistics.median(v) for stage, v in local.items()}
        median_redis = {stage: statistics.median(v) for stage, v in remote.items()}
        total = sum(median.values()) + sum(median_redis.values())
        print(f"{n} comments per run, {args.repeats} runs, batches of {service.settings.batch_size}; CPU per comment:")
        print(f"{'stage':<16} {'worker':>9} {'redis':>9}   share of the drain")
        for stage in STAGES:
            spent = median[stage] + median_redis[stage]
            print(f"{stage:<16} {median[stage]:7.0f}us {median_redis[stage]:7.0f}us   {spent / total:6.1%}")
            if stage == "checks":
                for name, values in sorted(checks.items(), key=lambda kv: -statistics.median(kv[1])):
                    print(
                        f"  check {name:<10} {statistics.median(values):6.0f}us {'':>9}   "
                        f"{statistics.median(values) / total:6.1%}"
                    )
        print(f"{'whole drain':<16} {sum(median.values()):7.0f}us {sum(median_redis.values()):7.0f}us   100.0%")
    finally:
        raw.close()
        server.stop()


if __name__ == "__main__":
    main()
