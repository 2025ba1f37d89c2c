"""A Celery app with one no-op task, configured like the moderation workers: the per-message ceiling."""

from __future__ import annotations

import redis
from celery import Celery

from worker.app import celery_config
from worker.settings import load_settings

settings = load_settings()
app = Celery("noop", set_as_current=False)
app.conf.update(celery_config(settings))
app.conf.beat_schedule = {}
_counter = redis.Redis.from_url(settings.redis_url)
COUNTER = "bench:noop:done"


@app.task(name="bench.noop", acks_late=True, ignore_result=True)  # type: ignore[untyped-decorator]
def noop() -> None:
    """Do nothing but count, so that the benchmark sees when every message was handled."""
    _counter.incr(COUNTER)
