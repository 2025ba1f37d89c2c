"""The ``[webhooks]`` table of the settings, read into typed subscriptions (pure: no I/O)."""

from __future__ import annotations

import base64
import binascii
import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from worker.errors import ConfigError

if TYPE_CHECKING:
    from worker.settings import Settings

DECIDED = "comment.decided"
"""Event type: a worker decided a comment (approved, rejected or flagged)."""
REVIEWED = "comment.reviewed"
"""Event type: a moderator recorded a verdict."""
EVENT_TYPES = (DECIDED, REVIEWED)

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_SOURCE = "settings [webhooks]"

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True, slots=True)
class Subscription:
    """One receiver: where to send, the secret to sign with, and which event types it wants."""

    name: str
    url: str
    secret: str
    events: tuple[str, ...]

    def __repr__(self) -> str:
        return f"Subscription(name={self.name!r}, url={self.url!r}, events={self.events!r})"


@dataclass(frozen=True, slots=True)
class WebhookSettings:
    """Subscriptions and delivery settings: timeouts, back-off, how long to retry, networks allowed."""

    subscriptions: tuple[Subscription, ...] = ()
    queue: str = "webhooks"
    timeout_s: float = 5.0
    backoff_first_s: float = 30.0
    backoff_max_s: float = 3600.0
    retry_for_s: float = 86400.0
    pump_interval_s: float = 5.0
    batch_size: int = 100
    per_task: int = 10
    keep_delivered_s: float = 7 * 86400.0
    allowed_networks: tuple[IPNetwork, ...] = ()

    @property
    def lease_s(self) -> float:
        """How long a message handed to a delivery task stays out of other tasks' reach: its task's longest run."""
        return self.per_task * self.timeout_s + 30.0

    def backoff_s(self, attempts: int) -> float:
        """Delay before the next try after ``attempts`` failed ones: doubling from the first, capped."""
        return float(min(self.backoff_max_s, self.backoff_first_s * 2 ** max(0, attempts - 1)))

    def for_event(self, event_type: str) -> tuple[Subscription, ...]:
        """The subscriptions that want ``event_type``."""
        return tuple(s for s in self.subscriptions if event_type in s.events)


_NUMBERS: dict[str, tuple[type, float]] = {
    "timeout_s": (float, 0.1),
    "backoff_first_s": (float, 0.01),
    "backoff_max_s": (float, 0.01),
    "retry_for_s": (float, 0.1),
    "pump_interval_s": (float, 0.1),
    "batch_size": (int, 1),
    "per_task": (int, 1),
    "keep_delivered_s": (float, 1.0),
}


def _number(table: Mapping[str, Any], key: str) -> float | int | None:
    if key not in table:
        return None
    kind, minimum = _NUMBERS[key]
    value = table[key]
    ok = isinstance(value, int | float) and not isinstance(value, bool) and (kind is float or isinstance(value, int))
    if not ok or value < minimum:
        raise ConfigError(f"webhooks.{key}", value, f"expected a {kind.__name__} >= {minimum}", _SOURCE)
    return kind(value)  # type: ignore[no-any-return]


def check_secret(key: str, secret: object) -> str:
    """Return ``secret`` if it is a Standard Webhooks secret: ``whsec_`` and base64 of 24 to 64 bytes."""
    if not isinstance(secret, str) or not secret.startswith("whsec_"):
        raise ConfigError(key, "<hidden>", "expected 'whsec_' followed by base64 (24 to 64 random bytes)", _SOURCE)
    try:
        raw = base64.b64decode(secret.removeprefix("whsec_"), validate=True)
    except (binascii.Error, ValueError):
        raise ConfigError(key, "<hidden>", "the part after 'whsec_' is not valid base64", _SOURCE) from None
    if not 24 <= len(raw) <= 64:
        raise ConfigError(key, "<hidden>", f"decodes to {len(raw)} bytes; expected 24 to 64", _SOURCE)
    return secret


def check_url(key: str, url: object) -> str:
    """Return ``url`` if it is an absolute http(s) address with a host and no credentials."""
    if not isinstance(url, str):
        raise ConfigError(key, url, "expected an http(s) URL", _SOURCE)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:
        raise ConfigError(key, url, f"not a URL ({exc})", _SOURCE) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(key, url, "expected an http:// or https:// URL with a host", _SOURCE)
    if parts.username or parts.password:
        raise ConfigError(key, url, "must not hold credentials", _SOURCE)
    return url


def _subscription(index: int, item: object, names: set[str]) -> Subscription:
    where = f"webhooks.subscriptions[{index}]"
    if not isinstance(item, Mapping):
        raise ConfigError(where, item, "expected a table with name, url, secret and events", _SOURCE)
    unknown = sorted(set(item) - {"name", "url", "secret", "events"})
    if unknown:
        raise ConfigError(f"{where}.{unknown[0]}", item[unknown[0]], "unknown key", _SOURCE)
    name = item.get("name", f"s{index}")
    if not isinstance(name, str) or not _NAME.match(name) or name in names:
        raise ConfigError(f"{where}.name", name, "expected a unique name of letters, digits, _ and -", _SOURCE)
    names.add(name)
    events = item.get("events", list(EVENT_TYPES))
    if not isinstance(events, list) or not events or any(e not in EVENT_TYPES for e in events):
        raise ConfigError(f"{where}.events", events, f"expected a list among {', '.join(EVENT_TYPES)}", _SOURCE)
    url = check_url(f"{where}.url", item.get("url"))
    secret = check_secret(f"{where}.secret", item.get("secret"))
    return Subscription(name, url, secret, tuple(dict.fromkeys(events)))


def _networks(value: object) -> tuple[IPNetwork, ...]:
    if not isinstance(value, list):
        raise ConfigError("webhooks.allowed_networks", value, "expected a list of networks (CIDR)", _SOURCE)
    networks: list[IPNetwork] = []
    for item in value:
        try:
            networks.append(ipaddress.ip_network(str(item), strict=False))
        except ValueError:
            raise ConfigError("webhooks.allowed_networks", item, "not a network such as 127.0.0.0/8", _SOURCE) from None
    return tuple(networks)


def parse_webhooks(table: Mapping[str, Any]) -> WebhookSettings:
    """Read the ``[webhooks]`` table; errors name the key and the value (never a secret)."""
    known = {"subscriptions", "queue", "allowed_networks", *_NUMBERS}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(f"webhooks.{unknown[0]}", table[unknown[0]], "unknown key", _SOURCE)
    items = table.get("subscriptions", [])
    if not isinstance(items, list):
        raise ConfigError("webhooks.subscriptions", items, "expected a list of tables", _SOURCE)
    names: set[str] = set()
    subscriptions = tuple(_subscription(i, item, names) for i, item in enumerate(items))
    queue = table.get("queue", "webhooks")
    if not isinstance(queue, str) or not queue:
        raise ConfigError("webhooks.queue", queue, "expected a queue name", _SOURCE)
    numbers = {key: v for key in _NUMBERS if (v := _number(table, key)) is not None}
    networks = _networks(table.get("allowed_networks", []))
    return WebhookSettings(subscriptions, queue, allowed_networks=networks, **numbers)  # type: ignore[arg-type]


def worker_queues(settings: Settings) -> str:
    """The queues ``moderation worker`` consumes: the moderation one, and the webhooks one when subscribed."""
    hooks = parse_webhooks(settings.webhooks)
    return f"{settings.queue},{hooks.queue}" if hooks.subscriptions else str(settings.queue)
