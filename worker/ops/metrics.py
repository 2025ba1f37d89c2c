"""Prometheus metrics of work done: counters and histograms, safe with Celery's prefork pool.

The metrics are built on first use, so that a process that sets ``PROMETHEUS_MULTIPROC_DIR`` first
(``moderation worker`` does, before it starts Celery) gets prometheus-client's multiprocess values:
each pool process then writes its figures to its own file in that folder, and the host's metrics
port (:func:`serve`) adds them up at each scrape. A process without that variable (the API, the CLI)
keeps them in memory and renders them itself (:func:`render`).
"""

from __future__ import annotations

import bisect
import collections
import contextlib
import glob
import logging
import math
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest, start_http_server
from prometheus_client import values as prometheus_values
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead
from prometheus_client.registry import Collector

from worker.models import CheckResult, Comment, Decision

if TYPE_CHECKING:
    from prometheus_client.metrics_core import Metric

    from worker.checks.base import Check, Context

logger = logging.getLogger(__name__)

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
LATENCY_BUCKETS_S = (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800)
CHECK_BUCKETS_S = (0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1)
BATCH_BUCKETS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
_PID_FILE = re.compile(r"_(\d+)\.db$")


@dataclass(frozen=True)
class WorkMetrics:
    """Every metric of work; one set per process, built by :func:`work`."""

    registry: CollectorRegistry
    submitted: Counter
    decided: Counter
    reasons: Counter
    verdicts: Counter
    check_seconds: Histogram
    check_failures: Counter
    batch_size: Histogram
    latency_s: Histogram
    sweeps: Counter
    handed_back: Counter
    expired: Counter
    processes: Gauge

    def record_submitted(self, created: int) -> None:
        """Count comments newly accepted for moderation."""
        if created:
            self.submitted.inc(created)

    def record_decided(self, written: Sequence[tuple[Comment, Decision]], now: float) -> None:
        """Count the decisions a worker wrote, their reasons, and how long each comment waited for it."""
        statuses: collections.Counter[str] = collections.Counter()
        reasons: collections.Counter[tuple[str, str]] = collections.Counter()
        waited: list[float] = []
        for comment, decision in written:
            statuses[decision.status.value] += 1
            reasons.update((reason.check, reason.code) for reason in decision.reasons)
            if comment.submitted_at:
                waited.append(max(0.0, now - comment.submitted_at))
        observe_many(self.latency_s, waited)
        for status, count in statuses.items():
            _child(self.decided, status).inc(count)
        for (check, code), count in reasons.items():
            _child(self.reasons, check, code).inc(count)

    def record_verdict(self, decision: Decision) -> None:
        """Count one moderator verdict, by its reason code (approve, reject, spam)."""
        code = decision.reasons[0].code if decision.reasons else decision.status.value
        self.verdicts.labels(code).inc()

    def record_sweep(self, handed: int) -> None:
        """Count one sweep and the comments it handed back to the workers."""
        self.sweeps.inc()
        if handed:
            self.handed_back.inc(handed)


_CHILDREN: dict[tuple[object, tuple[str, ...]], Any] = {}


def _child(metric: Counter | Histogram, *labels: str) -> Any:
    """Return ``metric.labels(*labels)``, kept: prometheus-client looks a child up under a lock at each call."""
    key = (metric, labels)
    child = _CHILDREN.get(key)
    if child is None:
        child = _CHILDREN[key] = metric.labels(*labels)
    return child


def _use_multiprocess_values_if_configured() -> None:
    # prometheus-client picks its value class when it is first imported; a process that sets the
    # folder later (``moderation worker`` imports it before it knows its settings) must pick again
    # before its first metric is built.
    if os.environ.get(MULTIPROC_ENV) and not getattr(prometheus_values.ValueClass, "_multiprocess", False):
        prometheus_values.ValueClass = prometheus_values.get_value_class()  # type: ignore[no-untyped-call]


@cache
def work() -> WorkMetrics:
    """Return this process's metrics of work, building them on first use."""
    _use_multiprocess_values_if_configured()
    registry = CollectorRegistry(auto_describe=True)
    return WorkMetrics(
        registry=registry,
        submitted=Counter("moderation_submitted", "Comments accepted for moderation.", registry=registry),
        decided=Counter(
            "moderation_decided", "Comments decided by a worker, per status.", ["status"], registry=registry
        ),
        reasons=Counter(
            "moderation_reasons",
            "Reasons given in workers' decisions, per check and code.",
            ["check", "code"],
            registry=registry,
        ),
        verdicts=Counter("moderation_verdicts", "Moderator verdicts, per verdict.", ["verdict"], registry=registry),
        check_seconds=Histogram(
            "moderation_check_seconds",
            "Time one check took on one comment.",
            ["check"],
            buckets=CHECK_BUCKETS_S,
            registry=registry,
        ),
        check_failures=Counter(
            "moderation_check_failures",
            "Checks that raised instead of answering (comment held).",
            ["check"],
            registry=registry,
        ),
        batch_size=Histogram(
            "moderation_drain_batch_size",
            "Comment ids taken by one batch of a drain.",
            buckets=BATCH_BUCKETS,
            registry=registry,
        ),
        latency_s=Histogram(
            "moderation_decision_latency_seconds",
            "Time from submission to a worker's decision.",
            buckets=LATENCY_BUCKETS_S,
            registry=registry,
        ),
        sweeps=Counter("moderation_sweeps", "Sweeps run for stale comments.", registry=registry),
        handed_back=Counter(
            "moderation_handed_back",
            "Comments a worker took and did not decide, handed back by a sweep.",
            registry=registry,
        ),
        expired=Counter(
            "moderation_expired",
            "Comments whose personal data expired, per what was removed (private, comment).",
            ["removed"],
            registry=registry,
        ),
        processes=Gauge(
            "moderation_worker_processes",
            "Worker pool processes alive on this host.",
            multiprocess_mode="livesum",
            registry=registry,
        ),
    )


def observe_many(histogram: Any, amounts: Sequence[float]) -> None:
    """Observe ``amounts`` in a histogram (or a child of one) as one ``observe`` each would, in one write per bucket.

    Each observation costs prometheus-client a lock and, in a worker, a write to its file for the sum and one
    for the bucket: some 13 us on a busy machine, five times a comment. The buckets get the same counts; the
    sum gets the amounts' exact sum at once.
    """
    if not amounts:
        return
    bounds = histogram._upper_bounds
    # observe() counts an amount in the first bucket whose bound is at least the amount: bisect_left's place.
    for place, count in collections.Counter([bisect.bisect_left(bounds, amount) for amount in amounts]).items():
        histogram._buckets[place].inc(count)
    histogram._sum.inc(math.fsum(amounts))


HELD_MAX = 256
"""Durations a timed check holds at most before observing them itself (the service observes them after a batch)."""

_OBSERVING = threading.Lock()


@dataclass(frozen=True, slots=True)
class TimedCheck:
    """A check whose every run is timed, and whose failures are counted, under its name.

    The durations are held and observed together (:meth:`observe`, after each batch), which costs the
    histogram a write per bucket met instead of two writes per run.
    """

    inner: Check
    held: list[float] = field(default_factory=list, compare=False, repr=False)
    """Durations of runs not observed yet."""

    @property
    def name(self) -> str:
        """The wrapped check's name."""
        return self.inner.name

    def check(self, comment: Comment, context: Context) -> CheckResult:
        """Run the wrapped check, holding how long it took for :meth:`observe`."""
        started = time.perf_counter()
        try:
            return self.inner.check(comment, context)
        except Exception:
            work().check_failures.labels(self.inner.name).inc()
            raise
        finally:
            held = self.held
            held.append(time.perf_counter() - started)
            if len(held) >= HELD_MAX:
                self.observe()

    def observe(self) -> None:
        """Add the durations held to the check's histogram."""
        held = self.held
        with _OBSERVING:  # appends from other threads land after the part taken, and stay for the next call
            taken = held[:]
            del held[: len(taken)]
        observe_many(_child(work().check_seconds, self.inner.name), taken)


def timed(checks: Sequence[Check]) -> tuple[Check, ...]:
    """Return ``checks``, each timed by :class:`TimedCheck`."""
    return tuple(TimedCheck(check) for check in checks)


def observe_checks(checks: Sequence[Check]) -> None:
    """Observe the durations that the timed checks among ``checks`` hold."""
    for check in checks:
        if isinstance(check, TimedCheck):
            check.observe()


def _prune_dead_processes(folder: str) -> None:
    """Drop the live gauges of processes that are gone (a pool process killed by a signal says nothing)."""
    for path in glob.glob(os.path.join(folder, "gauge_live*_*.db")):
        found = _PID_FILE.search(path)
        if found is None:
            continue
        pid = int(found.group(1))
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            mark_process_dead(pid, folder)  # type: ignore[no-untyped-call]
        except PermissionError:
            pass


class _SafeCollector(Collector):
    """Another collector whose failure (Redis away) leaves the other figures of a scrape standing."""

    def __init__(self, inner: Collector, name: str) -> None:
        self.inner = inner
        self.name = name

    def collect(self) -> Iterator[Metric]:
        """Yield the inner collector's metrics, or nothing when it fails."""
        try:
            yield from list(self.inner.collect())
        except Exception as exc:
            logger.warning("metrics: %s unavailable (%s)", self.name, type(exc).__name__)


class _MultiProcess(Collector):
    """The figures of every process that wrote to the folder, dead live gauges pruned first."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.inner = MultiProcessCollector(None, folder)  # type: ignore[no-untyped-call]

    def collect(self) -> Iterator[Metric]:
        """Prune, then add up every process's files."""
        _prune_dead_processes(self.folder)
        found: Iterator[Metric] = self.inner.collect()  # type: ignore[no-untyped-call]
        return found


def process_registry(extra: Sequence[Collector] = ()) -> CollectorRegistry:
    """Return a registry of this process's (or, in multiprocess mode, this host's) work metrics, plus ``extra``."""
    folder = os.environ.get(MULTIPROC_ENV)
    registry = CollectorRegistry(auto_describe=False)
    if folder:
        registry.register(_MultiProcess(folder))
    else:
        registry.register(_SafeCollector(work().registry, "work"))
    for collector in extra:
        registry.register(_SafeCollector(collector, type(collector).__name__))
    return registry


def render(extra: Sequence[Collector] = ()) -> bytes:
    """Return the work metrics (and ``extra`` collectors') in Prometheus's text format, for any web framework."""
    return generate_latest(process_registry(extra))


def prepare_multiprocess_folder(folder: str = "") -> Path:
    """Set ``PROMETHEUS_MULTIPROC_DIR`` for this process and its children, emptied (a new one when not given)."""
    chosen = folder or os.environ.get(MULTIPROC_ENV) or tempfile.mkdtemp(prefix="moderation-metrics-")
    path = Path(chosen)
    path.mkdir(parents=True, exist_ok=True)
    for stale in path.glob("*.db"):  # figures of processes of an earlier run would be added up again
        stale.unlink()
    os.environ[MULTIPROC_ENV] = str(path)
    _use_multiprocess_values_if_configured()
    return path


def serve(host: str, port: int, extra: Sequence[Collector] = ()) -> Callable[[], None] | None:
    """Serve this host's metrics on ``host:port`` from a thread; return how to stop, or None if the port is taken."""
    try:
        server, thread = start_http_server(port, addr=host, registry=process_registry(extra))
    except OSError as exc:
        logger.warning("metrics: cannot listen on %s:%d (%s); this host serves no metrics", host, port, exc.strerror)
        return None
    logger.info("metrics on http://%s:%d/metrics", host, port)

    def stop() -> None:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

    return stop


def forget_process() -> None:
    """Drop this process's live gauges; called as a pool process exits."""
    folder = os.environ.get(MULTIPROC_ENV)
    if folder:
        mark_process_dead(os.getpid(), folder)  # type: ignore[no-untyped-call]


def remove_folder(path: Path) -> None:
    """Remove a metrics folder this process created."""
    with contextlib.suppress(OSError):
        shutil.rmtree(path)


def process_started() -> None:
    """Count this pool process among the live ones."""
    work().processes.set(1)
