"""Webhook targets: private, loopback and link-local addresses are refused unless allowed."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

import pytest

from worker.webhooks.targets import TargetRefused, check_target


def resolver(*addresses: str):  # type: ignore[no-untyped-def]
    def resolve(host: str, port: int) -> Sequence[str]:
        return list(addresses)

    return resolve


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "224.0.0.1",
    ],
)
def test_a_host_resolving_to_a_non_public_address_is_refused(address: str) -> None:
    with pytest.raises(TargetRefused, match="private, loopback or reserved"):
        check_target("https://hooks.example/x", resolver=resolver(address))


def test_every_address_is_checked_not_only_the_first() -> None:
    with pytest.raises(TargetRefused):
        check_target("https://hooks.example/x", resolver=resolver("93.184.216.34", "10.0.0.5"))


def test_a_public_host_is_reached_at_the_checked_address_with_its_path_and_query() -> None:
    target = check_target("https://hooks.example:8443/in?site=1", resolver=resolver("93.184.216.34"))
    assert (target.scheme, target.host, target.port, target.path, target.address) == (
        "https",
        "hooks.example",
        8443,
        "/in?site=1",
        "93.184.216.34",
    )


def test_loopback_is_allowed_only_when_its_network_is_listed() -> None:
    allowed = [ipaddress.ip_network("127.0.0.0/8")]
    assert check_target("http://localhost:9/x", allowed, resolver("127.0.0.1")).address == "127.0.0.1"
    with pytest.raises(TargetRefused):
        check_target("http://localhost:9/x", allowed, resolver("127.0.0.1", "::1"))


def test_a_name_that_does_not_resolve_is_refused_saying_so() -> None:
    def fail(host: str, port: int) -> Sequence[str]:
        raise OSError("Name or service not known")

    with pytest.raises(TargetRefused, match="cannot resolve"):
        check_target("https://nowhere.invalid/", resolver=fail)
