"""Thin Celery tasks: each builds (once per process) the service and calls one of its methods."""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

import redis
from celery import Celery, signals

from worker.service import Service
from worker.settings import Settings

logger = logging.getLogger(__name__)

DRAIN = "moderation.drain"
SWEEP = "moderation.sweep"
_FAIL_FAST = {"max_retries": 1, "interval_start": 0, "interval_step": 0.1, "interval_max": 0.1}


def publisher(app: Celery, settings: Settings) -> Any:
    """Return a function that sends one drain message (it carries no comment data at all)."""

    def publish() -> None:
        # Fail fast when the broker is away: the comment is stored already and the sweeper hands it over.
        app.send_task(DRAIN, queue=settings.queue, retry_policy=_FAIL_FAST)

    return publish


class _PerProcess:
    """The service of the current process, rebuilt after a fork so that no Redis socket is shared."""

    def __init__(self, app: Celery, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.pid = -1
        self.service: Service | None = None
        self.stopping = threading.Event()
        self.draining = False
        self.previous_sigterm: Any = signal.SIG_DFL

    def get(self) -> Service:
        if self.service is None or self.pid != os.getpid():
            self.service = Service.from_settings(self.settings, publisher(self.app, self.settings))
            self.service.should_stop = self.stopping.is_set
            self.pid = os.getpid()
        return self.service

    def on_sigterm(self, signum: int, frame: FrameType | None) -> None:
        """SIGTERM in a pool process: finish the batch in hand and take no other; when idle, exit as billiard would."""
        if self.draining:
            self.stopping.set()
            return
        signal.signal(signal.SIGTERM, self.previous_sigterm)
        if callable(self.previous_sigterm):
            self.previous_sigterm(signum, frame)
        else:
            os.kill(os.getpid(), signal.SIGTERM)

    def guard_sigterm(self) -> None:
        """Handle SIGTERM with :meth:`on_sigterm` in this pool process (billiard sets its own after the fork)."""
        if threading.current_thread() is not threading.main_thread():
            return  # a thread pool: signals are the main process's business
        current = signal.getsignal(signal.SIGTERM)
        if current != self.on_sigterm:
            self.previous_sigterm = current
            signal.signal(signal.SIGTERM, self.on_sigterm)


def unless_redis_lost(task: str, settings: Settings, run: Callable[[], int]) -> int:
    """``run()``; when Redis times out or drops the connection, say so in one line and return 0 instead.

    redis-py has dropped that connection already, so the next task opens a new one; the comments this one
    held stay leased to no one and go back to the workers when their lease runs out, as after a crash.
    """
    try:
        return run()
    except (redis.TimeoutError, redis.ConnectionError) as exc:
        if isinstance(exc, redis.TimeoutError):
            what = f"Redis did not answer in time (redis_socket_timeout_s = {settings.redis_socket_timeout_s:g} s)"
        else:
            what = "the connection to Redis failed"
        logger.warning(
            "%s stopped: %s: %s: %s; the next %s connects again, and any comments in hand go back to the workers"
            " when their lease runs out (requeue_after_s = %g s)",
            task,
            what,
            type(exc).__name__,
            exc,
            task,
            settings.requeue_after_s,
        )
        return 0


def warm(settings: Settings) -> None:
    """Build a service once and drop it, so that the models it loads stay in this process's caches.

    Pool processes forked from this one inherit them (the seed spam model, the shipped abuse weights). No I/O
    (the Redis client connects at its first command). A failure is left to the pool processes' own build,
    which reports it at their first task as it always did.
    """
    try:
        Service.from_settings(settings, lambda: None)
    except Exception as exc:
        logger.debug("could not build the service before the pool started: %s", exc)


def register(app: Celery, settings: Settings) -> None:
    """Register the drain and sweep tasks on ``app``; warm the models in Celery's main process before the pool forks."""
    runtime = _PerProcess(app, settings)

    def warm_before_fork(**_: Any) -> None:
        # Each pool process builds its service at its first drain; without this, each loaded the models itself
        # (some 0.3 s of CPU apiece, in the first comments' time), as does each one started to replace another.
        warm(settings)

    signals.worker_init.connect(warm_before_fork, weak=False, dispatch_uid="moderation-warm-service")

    @app.task(name=DRAIN, acks_late=True, reject_on_worker_lost=True, ignore_result=True)  # type: ignore[untyped-decorator]
    def drain() -> int:
        """Decide the pending comments; the message is only a wake-up call."""
        # A SIGTERM sent to the whole process group (systemd, a terminal) would otherwise kill the batch in
        # hand: billiard exits a pool process at once on SIGTERM.
        runtime.guard_sigterm()
        runtime.draining = True
        try:
            return unless_redis_lost("drain", settings, lambda: runtime.get().drain().decided)
        finally:
            runtime.draining = False

    @app.task(name=SWEEP, ignore_result=True)  # type: ignore[untyped-decorator]
    def sweep() -> int:
        """Hand comments stuck in ``queued`` back to the workers (unless another sweep ran this interval)."""
        return unless_redis_lost("sweep", settings, lambda: runtime.get().sweep_if_due())
