"""Redis clients from the settings' addresses: one server (``redis://``), or Redis Sentinel (``sentinel://``).

The Sentinel form is kombu's, so that one value serves as both ``redis_url`` and the Celery broker:
``sentinel://[[USER]:PASSWORD@]HOST[:PORT][/DB]``, several joined by ``;`` (one per sentinel), with
``sentinel_master`` naming the master they watch. The password (and database) are the master's; the
sentinels themselves are reached without one, as kombu does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

import redis
from redis.sentinel import Sentinel

from worker.errors import ConfigError, StoreUnavailable

SENTINEL_PORT = 26379


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


def reachable_client(
    url: str, sentinel_master: str, purpose: str, fallback: str, timeout_s: float = 2.0
) -> redis.Redis:
    """A client of ``url`` (one server or Sentinel) that connected within ``timeout_s`` and answered a PING.

    Raises :class:`StoreUnavailable` in one line that names the address (password hidden), what the
    connection was for (``purpose``) and what to do instead (``fallback``).
    """
    client = redis_client(url, sentinel_master, socket_connect_timeout=timeout_s)
    try:
        client.ping()
    except redis.RedisError as exc:
        raise StoreUnavailable(
            f"cannot reach Redis at {_hidden(url)} ({type(exc).__name__}) to {purpose}; {fallback}"
        ) from None
    return client


def broker_transport_options(url: str, sentinel_master: str) -> dict[str, Any]:
    """kombu's transport options for the broker ``url``: the master's name when it is a Sentinel address."""
    return {"master_name": sentinel_master} if is_sentinel(url) else {}


def _hidden(url: str) -> str:
    """``url`` with any password replaced by ``***``, for error messages."""
    return ";".join(
        part.replace(f":{urlsplit(part).password}@", ":***@") if "@" in part and urlsplit(part).password else part
        for part in url.split(";")
    )
