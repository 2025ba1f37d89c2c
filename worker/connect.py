"""Redis clients from the settings' addresses: one server (``redis://``), or Redis Sentinel (``sentinel://``).

The Sentinel form is kombu's, so that one value serves as both ``redis_url`` and the Celery broker:
``sentinel://[[USER]:PASSWORD@]HOST[:PORT][/DB]``, several joined by ``;`` (one per sentinel), with
``sentinel_master`` naming the master they watch. The password (and database) are the master's; the
sentinels themselves are reached without one, as kombu does.

Every client built from the settings (:func:`settings_client`, and the Celery broker through
:func:`broker_transport_options`) waits at most ``redis_socket_timeout_s`` for an answer and
``redis_connect_timeout_s`` for a connection, with TCP keepalive on: a Redis that stops answering without
closing the connection (a dead route after a failover, a frozen host) is noticed within that timeout,
the connection dropped and a new one opened by the next command.
"""

from __future__ import annotations

import math
import socket
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import redis
from redis.sentinel import Sentinel

from worker.errors import ConfigError, StoreUnavailable

if TYPE_CHECKING:
    from worker.settings import Settings

SENTINEL_PORT = 26379
BLOCK_MARGIN_S = 1.0
"""How much shorter than the socket timeout a wait inside Redis (XREAD BLOCK, WAIT) is kept, for its answer to come."""
KEEPALIVE = (("TCP_KEEPIDLE", 30), ("TCP_KEEPINTVL", 5), ("TCP_KEEPCNT", 3))
"""TCP keepalive of idle connections: first probe after 30 s, then every 5 s; 3 unanswered probes drop it."""


@dataclass(frozen=True, slots=True)
class SentinelAddress:
    """The sentinels, and the database and credentials of the master they watch."""

    sentinels: tuple[tuple[str, int], ...]
    db: int = 0
    username: str | None = None
    password: str | None = None


def is_sentinel(url: str) -> bool:
    """True when ``url`` names Redis Sentinels rather than one Redis server."""
    return url.strip().lower().startswith("sentinel://")


def parse_sentinel(url: str, key: str = "redis_url") -> SentinelAddress:
    """Read ``sentinel://...;sentinel://...``; a malformed part is a :class:`ConfigError` naming ``key``."""
    sentinels: list[tuple[str, int]] = []
    db, username, password = 0, None, None
    for part in (p.strip() for p in url.split(";")):
        if not part:
            continue
        try:
            parsed = urlsplit(part)
            port = parsed.port or SENTINEL_PORT
        except ValueError as exc:
            raise ConfigError(key, _hidden(url), f"malformed sentinel address: {exc}", "settings") from None
        if parsed.scheme.lower() != "sentinel" or not parsed.hostname:
            raise ConfigError(key, _hidden(url), "each part must be sentinel://HOST[:PORT][/DB]", "settings")
        sentinels.append((parsed.hostname, port))
        if parsed.password is not None and password is None:
            username, password = (unquote(parsed.username) if parsed.username else None), unquote(parsed.password)
        path = parsed.path.strip("/")
        if path:
            if not path.isdigit():
                raise ConfigError(key, _hidden(url), f"database {path!r} is not a number", "settings")
            db = int(path)
    if not sentinels:
        raise ConfigError(key, _hidden(url), "names no sentinel", "settings")
    return SentinelAddress(tuple(sentinels), db, username, password)


def redis_client(url: str, sentinel_master: str = "", **options: Any) -> redis.Redis:
    """A client of ``url``; for Sentinel, of the current master of ``sentinel_master``, found again after a failover."""
    if not is_sentinel(url):
        return redis.Redis.from_url(url, **options)
    address = parse_sentinel(url)
    timeouts = {k: v for k, v in options.items() if k in ("socket_timeout", "socket_connect_timeout")}
    sentinel = Sentinel(list(address.sentinels), sentinel_kwargs=timeouts or {"socket_timeout": 1.0})
    client: redis.Redis = sentinel.master_for(
        sentinel_master, db=address.db, username=address.username, password=address.password, **options
    )
    return client


def settings_client(settings: Settings, **options: Any) -> redis.Redis:
    """A client of the settings' Redis with their socket timeouts and TCP keepalive; ``options`` add or override."""
    return redis_client(
        settings.redis_url, settings.sentinel_master, **{**socket_options(settings.redis_url, settings), **options}
    )


def socket_options(url: str, settings: Settings) -> dict[str, Any]:
    """redis-py's socket options of a client of ``url``: the settings' timeouts, and keepalive over TCP."""
    options: dict[str, Any] = {
        "socket_timeout": settings.redis_socket_timeout_s,
        "socket_connect_timeout": settings.redis_connect_timeout_s,
    }
    if not url.strip().lower().startswith("unix:"):  # redis-py refuses keepalive options on a Unix socket
        options["socket_keepalive"] = True
        options["socket_keepalive_options"] = {
            getattr(socket, name): value for name, value in KEEPALIVE if hasattr(socket, name)
        }
    return options


def longest_block_s(socket_timeout_s: float) -> float:
    """The longest one command may wait inside Redis so that its answer still comes within ``socket_timeout_s``."""
    return socket_timeout_s - BLOCK_MARGIN_S


def reachable_client(
    url: str,
    sentinel_master: str,
    purpose: str,
    fallback: str,
    timeout_s: float = 2.0,
    *,
    socket_timeout_s: float = 5.0,
) -> redis.Redis:
    """A client of ``url`` (one server or Sentinel) that connected within ``timeout_s`` and answered a PING.

    Each later command waits at most ``socket_timeout_s`` (give it ``redis_socket_timeout_s``) for its answer.
    Raises :class:`StoreUnavailable` in one line that names the address (password hidden), what the
    connection was for (``purpose``) and what to do instead (``fallback``).
    """
    client = redis_client(url, sentinel_master, socket_connect_timeout=timeout_s, socket_timeout=socket_timeout_s)
    try:
        client.ping()
    except redis.RedisError as exc:
        raise StoreUnavailable(
            f"cannot reach Redis at {_hidden(url)} ({type(exc).__name__}) to {purpose}; {fallback}"
        ) from None
    return client


def broker_transport_options(settings: Settings) -> dict[str, Any]:
    """kombu's transport options for the settings' broker: their socket options, and the master's name on Sentinel.

    kombu opens its connections without any socket timeout unless told: a publish (a drain message sent by
    the sweeper or a worker) would then wait forever on a connection that Redis stopped answering. Its own
    checks of the long-lived connections (a consumer's BRPOP, the pub/sub of remote control) run every
    ``redis_socket_timeout_s`` too, so a stale consumer is dropped within about twice that.
    """
    url = settings.broker
    options: dict[str, Any] = {
        **socket_options(url, settings),
        "health_check_interval": max(1, math.ceil(settings.redis_socket_timeout_s)),
    }
    if is_sentinel(url):
        timeouts = ("socket_timeout", "socket_connect_timeout")
        options.update(master_name=settings.sentinel_master, sentinel_kwargs={k: options[k] for k in timeouts})
    return options


def _hidden(url: str) -> str:
    """``url`` with any password replaced by ``***``, for error messages."""
    return ";".join(
        part.replace(f":{urlsplit(part).password}@", ":***@") if "@" in part and urlsplit(part).password else part
        for part in url.split(";")
    )
