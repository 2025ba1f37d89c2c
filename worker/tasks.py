"""Thin Celery tasks: each builds (once per process) the service and calls one of its methods."""

from __future__ import annotations

import os
from typing import Any

from celery import Celery

from worker.service import Service
from worker.settings import Settings

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

    def get(self) -> Service:
        if self.service is None or self.pid != os.getpid():
            self.service = Service.from_settings(self.settings, publisher(self.app, self.settings))
            self.pid = os.getpid()
        return self.service


def register(app: Celery, settings: Settings) -> None:
    """Register the drain and sweep tasks on ``app``."""
    runtime = _PerProcess(app, settings)

    @app.task(name=DRAIN, acks_late=True, reject_on_worker_lost=True, ignore_result=True)  # type: ignore[untyped-decorator]
    def drain() -> int:
        """Decide the pending comments; the message is only a wake-up call."""
        return runtime.get().drain().decided

    @app.task(name=SWEEP, ignore_result=True)  # type: ignore[untyped-decorator]
    def sweep() -> int:
        """Hand comments stuck in ``queued`` back to the workers (unless another sweep ran this interval)."""
        return runtime.get().sweep_if_due()
