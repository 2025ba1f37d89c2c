"""Where a webhook may go: resolve the host and refuse private, loopback and link-local addresses.

Every address the name resolves to is checked, and the request then goes to a checked address (the
connection is pinned to it), so that a name cannot answer one address to the check and another to the
connection. Networks listed in ``allowed_networks`` are let through (tests allow the loopback one).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from worker.webhooks.config import IPNetwork

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Sequence[str]]


class TargetRefused(Exception):
    """Raised when a webhook's address is not one it may be sent to; the message says why."""


@dataclass(frozen=True, slots=True)
class Target:
    """A checked destination: the URL's parts and the address to connect to."""

    scheme: str
    host: str
    port: int
    path: str
    address: str


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6), as strings."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public(address: IPAddress) -> bool:
    """True for a globally routable unicast address; an IPv4-mapped IPv6 address is judged as the IPv4 one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def check_target(url: str, allowed: Sequence[IPNetwork] = (), resolver: Resolver = resolve) -> Target:
    """Resolve ``url``'s host and return where to connect; raise :class:`TargetRefused` if any address is off limits."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        addresses = resolver(host, port)
    except OSError as exc:
        raise TargetRefused(f"cannot resolve {host!r}: {exc}") from None
    if not addresses:
        raise TargetRefused(f"{host!r} resolves to no address")
    for text in addresses:
        address = ipaddress.ip_address(text.split("%", 1)[0])
        if not is_public(address) and not any(address in network for network in allowed):
            raise TargetRefused(
                f"{host!r} resolves to {address}, a private, loopback or reserved address "
                "(list its network in webhooks.allowed_networks to allow it)"
            )
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(parts.scheme, host, port, path, addresses[0])
