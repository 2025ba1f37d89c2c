"""``moderation health``: is this host's part of the deployment working? Each probe says what it found.

- ``redis``: the store answers a PING;
- ``workers``: a Celery worker that consumes this deployment's queue answers the remote control's
  broadcast (on this host for ``--role worker``, anywhere for ``--role any``);
- ``backlog``: the oldest undecided comment has waited less than ``health_max_backlog_s``;
- ``api`` (``--role api``): the HTTP API of this host answers ``GET /health``.
"""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

import redis

from worker.connect import settings_client
from worker.models import JSON
from worker.settings import Settings

ROLES = ("any", "worker", "api")
"""What the probe stands for: the deployment (any worker), this host's worker, or this host's API."""


@dataclass(frozen=True, slots=True)
class Probe:
    """One probe's verdict and what it found."""

    name: str
    ok: bool
    detail: str


def _redis(settings: Settings, timeout_s: float) -> Probe:
    client = settings_client(settings, socket_timeout=timeout_s, socket_connect_timeout=timeout_s)
    try:
        client.ping()
        return Probe("redis", True, "answers")
    except redis.RedisError as exc:
        return Probe("redis", False, f"unreachable: {type(exc).__name__}")
    finally:
        client.close()


def _workers(settings: Settings, timeout_s: float, this_host_only: bool) -> Probe:
    from worker.app import create_app

    app = create_app(settings)
    try:
        replies = app.control.inspect(timeout=timeout_s).active_queues() or {}
    except Exception as exc:  # the broker failed mid-broadcast: report it, never a traceback
        return Probe("workers", False, f"no answer: {type(exc).__name__}")
    finally:
        app.close()
    host = socket.gethostname()
    ours = sorted(
        name
        for name, queues in replies.items()
        if any(queue.get("name") == settings.queue for queue in queues or [])
        and (not this_host_only or name.partition("@")[2] == host)
    )
    where = f"on {host}" if this_host_only else "in the deployment"
    if ours:
        return Probe("workers", True, f"{len(ours)} alive {where}: {', '.join(ours)}")
    return Probe("workers", False, f"none alive {where} on queue {settings.queue!r} within {timeout_s:g} s")


def _backlog(settings: Settings) -> Probe:
    from worker.keys import Keys
    from worker.store import CommentStore

    client = settings_client(settings)
    try:
        oldest = CommentStore(client, Keys(settings.key_prefix)).oldest_queued_at()
    except redis.RedisError as exc:
        return Probe("backlog", False, f"unreadable: {type(exc).__name__}")
    finally:
        client.close()
    age_s = max(0.0, time.time() - oldest) if oldest is not None else 0.0
    limit_s = settings.health_max_backlog_s
    return Probe("backlog", age_s < limit_s, f"oldest undecided comment {age_s:.0f} s old (limit {limit_s:g} s)")


def _api(settings: Settings, timeout_s: float) -> Probe:
    host = "127.0.0.1" if settings.api_host in ("0.0.0.0", "", "::") else settings.api_host  # noqa: S104
    url = f"http://{host}:{settings.api_port}/health"
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as answer:
            return Probe("api", answer.status == 200, f"{url} answered {answer.status}")
    except urllib.error.HTTPError as exc:
        return Probe("api", False, f"{url} answered {exc.code}")
    except OSError as exc:
        return Probe("api", False, f"{url} unreachable: {type(exc).__name__}")


def probe(settings: Settings, role: str = "any", timeout_s: float = 2.0) -> list[Probe]:
    """Run the probes of ``role``; when Redis does not answer, the probes that need it are not run."""
    found = [_redis(settings, timeout_s)]
    steps: list[Callable[[], Probe]] = []
    if role == "api":
        steps.append(lambda: _api(settings, timeout_s))
    else:
        steps.append(lambda: _workers(settings, timeout_s, this_host_only=role == "worker"))
        steps.append(lambda: _backlog(settings))
    if not found[0].ok:
        names = ["api"] if role == "api" else ["workers", "backlog"]
        return found + [Probe(name, False, "not checked: Redis is unreachable") for name in names]
    return found + [step() for step in steps]


def report(probes: list[Probe]) -> dict[str, JSON]:
    """The probes as JSON: ``ok`` overall, and each probe's verdict and detail."""
    return {
        "ok": all(p.ok for p in probes),
        "checks": {p.name: {"ok": p.ok, "detail": p.detail} for p in probes},
    }
