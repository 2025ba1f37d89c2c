"""POST one signed webhook to a checked address, never following a redirect."""

from __future__ import annotations

import http.client
import socket
import ssl
from collections.abc import Mapping
from dataclasses import dataclass

from worker.webhooks.targets import Target

USER_AGENT = "comment-moderation-webhooks/1"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the receiver answered: its status (0 when none came) and, when it failed, why."""

    status: int
    error: str = ""

    @property
    def delivered(self) -> bool:
        """True when the receiver answered 2xx."""
        return 200 <= self.status < 300


class _PinnedHTTPS(http.client.HTTPSConnection):
    """HTTPS to a fixed address, with the certificate checked against the URL's host name."""

    def __init__(self, target: Target, timeout_s: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout_s, context=ssl.create_default_context())
        self._address = target.address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


class _PinnedHTTP(http.client.HTTPConnection):
    """Plain HTTP to a fixed address, with the URL's host in the Host header."""

    def __init__(self, target: Target, timeout_s: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout_s)
        self._address = target.address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


def post(target: Target, body: bytes, headers: Mapping[str, str], timeout_s: float) -> Outcome:
    """Send ``body`` to ``target``; a network error or a non-2xx answer is an outcome, not an exception."""
    kind = _PinnedHTTPS if target.scheme == "https" else _PinnedHTTP
    connection = kind(target, timeout_s)
    sent = {"Content-Type": "application/json", "User-Agent": USER_AGENT, **headers}
    try:
        connection.request("POST", target.path, body=body, headers=sent)
        response = connection.getresponse()
        response.read(64 * 1024)
    except (OSError, http.client.HTTPException) as exc:
        return Outcome(0, f"{type(exc).__name__}: {exc}"[:300])
    finally:
        connection.close()
    if 200 <= response.status < 300:
        return Outcome(response.status)
    return Outcome(response.status, f"answered HTTP {response.status}")
