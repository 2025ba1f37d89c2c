"""What the workers do at Celery's signals: JSON log lines for Celery's own loggers, pool processes in the metrics."""

from __future__ import annotations

import gc
from typing import Any

from celery import signals

from worker.ops import logs, metrics
from worker.settings import Settings


def connect(settings: Settings) -> None:
    """Connect the handlers (once per process, whatever the number of apps built)."""

    def logger_ready(**_: Any) -> None:
        logs.reformat(settings.log_format, "worker")

    def worker_starting(**_: Any) -> None:
        if settings.log_format == "json":
            logs.json_stdio("worker")

    def process_started(**_: Any) -> None:
        metrics.process_started()
        # What a pool process holds from its start (modules, classes, Celery) lives as long as it does:
        # kept out of the cyclic collector's full passes, which otherwise walk it all every few batches.
        gc.freeze()

    def process_stopping(**_: Any) -> None:
        metrics.forget_process()

    signals.celeryd_init.connect(worker_starting, weak=False, dispatch_uid="moderation-json-stdio")
    signals.after_setup_logger.connect(logger_ready, weak=False, dispatch_uid="moderation-log-format")
    signals.after_setup_task_logger.connect(logger_ready, weak=False, dispatch_uid="moderation-task-log-format")
    signals.worker_process_init.connect(process_started, weak=False, dispatch_uid="moderation-metrics-up")
    signals.worker_process_shutdown.connect(process_stopping, weak=False, dispatch_uid="moderation-metrics-down")
