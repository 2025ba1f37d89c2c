"""The webhook pump and delivery, over the outbox and the comment store (no Celery in here)."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from worker.errors import CommentNotFound
from worker.store import CommentStore
from worker.webhooks.config import WebhookSettings
from worker.webhooks.message import body, event_type, message_id, signed_headers
from worker.webhooks.outbox import NewMessage, Outbox
from worker.webhooks.sender import Outcome, post
from worker.webhooks.targets import Resolver, TargetRefused, check_target, resolve

logger = logging.getLogger(__name__)

SendDelivery = Callable[[list[tuple[str, str]]], None]
"""Sends one delivery task: (message id, lease token) pairs, sent one after the other."""
SendPump = Callable[[float], None]
"""Sends one pump task to run after that many seconds."""

SCHEDULE_MAX_S = 60.0
"""A retry due later than this is left to the beat scheduler's periodic pump, not to a delayed task
(kombu's Redis transport hands a task delayed past its visibility timeout out again)."""


@dataclass(frozen=True, slots=True)
class PumpReport:
    """What one pump did: events read, messages stored, deliveries sent."""

    events: int
    stored: int
    sent: int


class WebhookService:
    """Turn decision events into stored messages, hand due messages to delivery tasks, deliver one."""

    def __init__(
        self,
        settings: WebhookSettings,
        outbox: Outbox,
        store: CommentStore,
        send_delivery: SendDelivery,
        send_pump: SendPump,
        *,
        clock: Callable[[], float] = time.time,
        resolver: Resolver = resolve,
    ) -> None:
        self.settings = settings
        self.outbox = outbox
        self.store = store
        self.send_delivery = send_delivery
        self.send_pump = send_pump
        self.clock = clock
        self.resolver = resolver

    def pump(self) -> PumpReport:
        """Store a message per new event and subscription, then lease every due message to a delivery task."""
        self.outbox.clear_wake()
        settings = self.settings
        events = stored = 0
        while True:
            batch = self.outbox.read_events(settings.batch_size, int(settings.lease_s * 1000))
            events += len(batch)
            if batch:
                stored += self.outbox.store(self._messages(batch), self.clock(), [eid for eid, _ in batch])
            if len(batch) < settings.batch_size:
                break
        leased = self.outbox.lease_due(self.clock(), settings.lease_s, 10 * settings.batch_size, uuid.uuid4().hex)
        # A few messages per task: a Celery message costs more than a POST to a receiver that answers at once.
        for start in range(0, len(leased), settings.per_task):
            self.send_delivery(leased[start : start + settings.per_task])
        if events or leased:
            logger.info("webhook pump: %d events, %d new messages, %d deliveries sent", events, stored, len(leased))
        return PumpReport(events, stored, len(leased))

    def _messages(self, events: Sequence[tuple[str, dict[str, str]]]) -> list[NewMessage]:
        messages: list[NewMessage] = []
        now = self.clock()
        for event_id, fields in events:
            kind = event_type(fields.get("decided_by", "worker"))
            subscriptions = self.settings.for_event(kind)
            if not subscriptions:
                continue
            try:
                stored = self.store.get(fields["id"])
            except (CommentNotFound, KeyError):
                logger.warning("decision event %s names no stored comment; no webhook sent", event_id)
                continue
            payload = body(kind, {"event_id": event_id, **fields}, stored.comment, stored.decision, now)
            for sub in subscriptions:
                messages.append(NewMessage(message_id(event_id, sub.name), sub.name, kind, payload, fields["id"]))
        return messages

    def deliver_many(self, leased: Sequence[tuple[str, str]]) -> list[Outcome | None]:
        """Send leased messages one after the other (see :meth:`deliver`)."""
        return [self.deliver(mid, token) for mid, token in leased]

    def deliver(self, mid: str, token: str) -> Outcome | None:
        """Send one leased message (None when the lease is stale); settle it as delivered, retried or dead."""
        claimed = self.outbox.claim(mid, token)
        if claimed is None:
            return None
        settings = self.settings
        sub = next((s for s in settings.subscriptions if s.name == claimed.subscription), None)
        if sub is None:
            outcome = Outcome(0, f"subscription {claimed.subscription!r} is no longer in the settings")
        else:
            try:
                target = check_target(sub.url, settings.allowed_networks, self.resolver)
            except TargetRefused as exc:
                outcome = Outcome(0, f"target refused: {exc}")
            else:
                headers = signed_headers(sub.secret, mid, claimed.body, self.clock())
                outcome = post(target, claimed.body, headers, settings.timeout_s)
        now = self.clock()
        if outcome.delivered:
            self.outbox.settle(mid, "delivered", now=now, next_at=now, error="", keep_s=settings.keep_delivered_s)
        elif sub is None or now - claimed.first_at >= settings.retry_for_s:
            self.outbox.settle(mid, "dead", now=now, next_at=now, error=outcome.error, keep_s=settings.keep_delivered_s)
            logger.warning(
                "webhook %s to %s given up after %d tries: %s",
                mid,
                claimed.subscription,
                claimed.attempts + 1,
                outcome.error,
            )
        else:
            delay_s = settings.backoff_s(claimed.attempts + 1)
            self.outbox.settle(
                mid, "retry", now=now, next_at=now + delay_s, error=outcome.error, keep_s=settings.keep_delivered_s
            )
            logger.info(
                "webhook %s to %s failed (%s); next try in %g s", mid, claimed.subscription, outcome.error, delay_s
            )
            if delay_s <= SCHEDULE_MAX_S:
                self.send_pump(delay_s)
        return outcome

    def replay(self, ids: Sequence[str] = ()) -> list[str]:
        """Put dead messages (all of them when ``ids`` is empty) back to be sent now; return their ids."""
        chosen = list(ids) or [m.id for m in self.outbox.dead(limit=100_000)]
        replayed = self.outbox.replay(chosen, self.clock())
        if replayed:
            self.send_pump(0.0)
        return replayed
