"""Build the Celery application from settings: late acks, no results, the sweeper on beat."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from celery import Celery

from worker import tasks
from worker.connect import broker_transport_options
from worker.ops import celery_signals
from worker.settings import Settings
from worker.webhooks import tasks as webhook_tasks


def celery_config(settings: Settings) -> dict[str, Any]:
    """Celery's configuration for ``settings``: late acks, one message prefetched, no results kept."""
    return {
        "broker_url": settings.broker,
        "broker_connection_retry_on_startup": True,
        "broker_transport_options": {
            "visibility_timeout": settings.visibility_timeout_s,
            **broker_transport_options(settings),
        },
        "task_default_queue": settings.queue,
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "task_ignore_result": True,
        "task_serializer": "json",
        "accept_content": ["json"],
        "result_backend": None,
        "worker_prefetch_multiplier": 1,
        "worker_hijack_root_logger": True,
        "beat_schedule": {
            "sweep-stale-queued": {"task": tasks.SWEEP, "schedule": settings.sweep_interval_s},
        },
        "beat_schedule_filename": str(Path(tempfile.gettempdir()) / f"moderation-beat-{settings.key_prefix}"),
    }


def create_app(settings: Settings) -> Celery:
    """Return a Celery app configured from ``settings`` with the moderation tasks registered."""
    app = Celery("moderation", set_as_current=False)
    app.conf.update(celery_config(settings))
    tasks.register(app, settings)
    webhook_tasks.register(app, settings)
    celery_signals.connect(settings)
    return app
