"""Thin Celery tasks of the webhooks, on their own queue, and the wake-up the decisions send them."""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import weakref
from collections.abc import Callable
from typing import Any

import redis
from celery import Celery
from celery.signals import task_postrun, worker_init

from worker.connect import settings_client
from worker.errors import ConfigError
from worker.keys import Keys
from worker.settings import Settings
from worker.store import CommentStore
from worker.sweeper import SweepTimer
from worker.tasks import DRAIN
from worker.webhooks.config import WebhookSettings, parse_webhooks
from worker.webhooks.outbox import Outbox
from worker.webhooks.service import WebhookService

logger = logging.getLogger(__name__)

PUMP = "moderation.webhooks.pump"
DELIVER = "moderation.webhooks.deliver"
WAKE_TTL_S = 10.0
_FAIL_FAST = {"max_retries": 1, "interval_start": 0, "interval_step": 0.1, "interval_max": 0.1}


def outbox_for(settings: Settings, client: redis.Redis) -> Outbox:
    """The outbox of ``settings``' key prefix, read by a consumer named after this host and process."""
    return Outbox(client, Keys(settings.key_prefix), f"{socket.gethostname()}-{os.getpid()}")


def waker(app: Celery, settings: Settings, client: redis.Redis) -> Callable[[], None]:
    """A function that sends one pump task unless one is on its way; it does nothing without subscriptions."""
    hooks = parse_webhooks(settings.webhooks)
    outbox = outbox_for(settings, client)

    def wake() -> None:
        if not hooks.subscriptions or not outbox.set_wake(WAKE_TTL_S):
            return
        # The event is in the stream already: a broker hiccup only delays it until the beat's periodic pump.
        try:
            app.send_task(PUMP, queue=hooks.queue, retry_policy=_FAIL_FAST, expires=6 * WAKE_TTL_S)
        except Exception as exc:
            logger.warning("could not send a webhook pump message (%s); the periodic pump will send it", exc)
            with contextlib.suppress(redis.RedisError):
                outbox.clear_wake()

    return wake


class _PerProcess:
    """The webhook service of the current process, rebuilt after a fork so that no Redis socket is shared."""

    def __init__(self, app: Celery, settings: Settings, hooks: WebhookSettings) -> None:
        self.app = app
        self.settings = settings
        self.hooks = hooks
        self.pid = -1
        self.service: WebhookService | None = None
        self.wake: Callable[[], None] = lambda: None

    def get(self) -> WebhookService:
        if self.service is None or self.pid != os.getpid():
            client = settings_client(self.settings, health_check_interval=30)
            store = CommentStore(client, Keys(self.settings.key_prefix))
            queue = self.hooks.queue

            def send_delivery(leased: list[tuple[str, str]]) -> None:
                self.app.send_task(DELIVER, args=([list(pair) for pair in leased],), queue=queue)

            def send_pump(delay_s: float) -> None:
                self.app.send_task(PUMP, queue=queue, countdown=delay_s or None)

            outbox = outbox_for(self.settings, client)
            self.service = WebhookService(self.hooks, outbox, store, send_delivery, send_pump)
            self.wake = waker(self.app, self.settings, client)
            self.pid = os.getpid()
        return self.service


def webhook_pump_timer(app: Celery, settings: Settings, client: redis.Redis, queues: str) -> SweepTimer | None:
    """For a worker that consumes the webhooks queue: create the pump's group, and wake the pump on a timer.

    The periodic pump sends retries due later than a delayed task would wait, and events whose wake-up
    was lost; no scheduler is needed.
    """
    hooks = parse_webhooks(settings.webhooks)
    if not hooks.subscriptions or hooks.queue not in queues.split(","):
        return None
    with contextlib.suppress(redis.RedisError):
        outbox_for(settings, client).ensure_group()
    return SweepTimer(waker(app, settings, client), hooks.pump_interval_s).start()


def service_for(app: Celery, settings: Settings) -> WebhookService:
    """The webhook service of ``settings``, sending its tasks through ``app``."""
    return _PerProcess(app, settings, parse_webhooks(settings.webhooks)).get()


def register(app: Celery, settings: Settings) -> WebhookSettings:
    """Register the pump and delivery tasks on ``app``; with subscriptions, the beat's pump and the drain's wake."""
    hooks = parse_webhooks(settings.webhooks)
    if hooks.subscriptions and settings.events_maxlen <= 0:
        problem = "must be above 0 while webhooks have subscriptions: they read the decision events stream"
        raise ConfigError("events_maxlen", settings.events_maxlen, problem, "settings")
    runtime = _PerProcess(app, settings, hooks)

    @app.task(name=PUMP, ignore_result=True)  # type: ignore[untyped-decorator]
    def pump() -> int:
        """Read new decision events into webhook messages and send the due ones to delivery tasks."""
        return runtime.get().pump().sent

    # No late ack: a lost delivery task only delays its message, whose lease ends and is taken again.
    @app.task(name=DELIVER, ignore_result=True)  # type: ignore[untyped-decorator]
    def deliver(leased: list[list[str]]) -> int:
        """Send webhook messages (id and lease token each) to their receivers; return how many were taken."""
        outcomes = runtime.get().deliver_many([(mid, token) for mid, token in leased])
        return sum(1 for outcome in outcomes if outcome is not None and outcome.delivered)

    if not hooks.subscriptions:
        return hooks
    app.conf.beat_schedule["webhooks-pump"] = {
        "task": PUMP,
        "schedule": hooks.pump_interval_s,
        "options": {"queue": hooks.queue, "expires": hooks.pump_interval_s * 2},
    }
    _RUNTIMES[app] = runtime
    return hooks


_RUNTIMES: weakref.WeakKeyDictionary[Celery, _PerProcess] = weakref.WeakKeyDictionary()
"""The webhook runtime of each app that has subscriptions, for the signal handlers below."""


def _runtime_of(sender: Any) -> _PerProcess | None:
    app = getattr(sender, "app", None)
    return _RUNTIMES.get(app) if isinstance(app, Celery) else None


@worker_init.connect(weak=False)  # type: ignore[untyped-decorator]
def _create_group(sender: Any = None, **_: Any) -> None:
    # Before the worker decides anything, so that the pump's group sees every event from then on.
    runtime = _runtime_of(sender)
    if runtime is not None:
        runtime.get().outbox.ensure_group()


@task_postrun.connect(weak=False)  # type: ignore[untyped-decorator]
def _after_drain(sender: Any = None, retval: Any = None, **_: Any) -> None:
    # A drain that decided comments wakes the pump; the events are in the stream whatever happens here.
    runtime = _runtime_of(sender)
    if runtime is not None and getattr(sender, "name", None) == DRAIN and retval:
        runtime.get()
        runtime.wake()
