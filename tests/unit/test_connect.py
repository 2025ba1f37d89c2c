"""Redis addresses: one server, or Redis Sentinel in kombu's form; mistakes are named, passwords hidden."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from worker.app import celery_config
from worker.connect import SentinelAddress, parse_sentinel, reachable_client, settings_client
from worker.errors import ConfigError, StoreUnavailable
from worker.settings import load_settings

SENTINELS = "sentinel://:s3cret@10.0.0.1:26379/2;sentinel://10.0.0.2:26380;sentinel://10.0.0.3"


def test_a_sentinel_address_lists_every_sentinel_with_the_masters_database_and_password() -> None:
    assert parse_sentinel(SENTINELS) == SentinelAddress(
        (("10.0.0.1", 26379), ("10.0.0.2", 26380), ("10.0.0.3", 26379)), db=2, password="s3cret"
    )


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("sentinel://:pw@host:26379/x", "database 'x' is not a number"),
        ("sentinel://:pw@host:99999999", "malformed sentinel address"),
        ("sentinel://:pw@host:26379;redis://other:6379", "each part must be sentinel://"),
        ("sentinel://:pw@/0", "each part must be sentinel://"),
        (" ; ", "names no sentinel"),
    ],
)
def test_a_malformed_sentinel_address_is_named_without_its_password(url: str, problem: str) -> None:
    with pytest.raises(ConfigError, match=problem) as error:
        parse_sentinel(url, "broker_url")
    assert "broker_url" in str(error.value)
    assert "pw" not in str(error.value)


def test_a_sentinel_address_needs_the_name_of_the_master() -> None:
    with pytest.raises(ConfigError, match="sentinel_master"):
        load_settings({"MODERATION_REDIS_URL": SENTINELS})


def test_the_broker_on_sentinel_tells_kombu_the_name_of_the_master() -> None:
    env = {"REDIS_URL": SENTINELS, "MODERATION_SENTINEL_MASTER": "mymaster"}
    config = celery_config(load_settings(env))
    assert config["broker_url"] == SENTINELS
    assert config["broker_transport_options"]["master_name"] == "mymaster"
    plain = celery_config(load_settings({"REDIS_URL": "redis://127.0.0.1:6379/0"}))
    assert "master_name" not in plain["broker_transport_options"]


@pytest.mark.parametrize(
    "url",
    ["redis://:s3cret@127.0.0.1:1/0", "sentinel://:s3cret@127.0.0.1:1;sentinel://127.0.0.1:2"],
)
def test_an_unreachable_redis_or_sentinel_is_one_line_naming_the_purpose_and_the_way_out(url: str) -> None:
    with pytest.raises(StoreUnavailable) as caught:
        reachable_client(url, "mymaster", "read the lessons", "use --offline", timeout_s=0.5)
    message = str(caught.value)
    assert message.startswith("cannot reach Redis at ")
    assert "read the lessons" in message and message.endswith("use --offline")
    assert "s3cret" not in message and "\n" not in message


def test_no_module_but_connect_opens_redis_from_an_address_itself() -> None:
    """A client built with ``redis.Redis.from_url`` cannot follow a ``sentinel://`` address: use ``redis_client``."""
    package = Path(__file__).resolve().parents[2] / "worker"
    allowed = {package / "connect.py", package / "redis_server.py"}  # the throwaway server is never a Sentinel
    from_url = re.compile(r"\b(Strict)?Redis\.from_url\b|\bredis\.from_url\b")
    offenders = [
        str(path.relative_to(package.parent))
        for path in sorted(package.rglob("*.py"))
        if path not in allowed and from_url.search(path.read_text("utf-8"))
    ]
    assert offenders == []


def test_every_client_of_the_settings_waits_for_redis_at_most_their_timeouts_with_keepalive_on() -> None:
    settings = load_settings(
        {
            "REDIS_URL": "redis://127.0.0.1:1/0",
            "MODERATION_REDIS_SOCKET_TIMEOUT_S": "7",
            "MODERATION_REDIS_CONNECT_TIMEOUT_S": "3",
        }
    )
    kwargs = settings_client(settings, health_check_interval=30).connection_pool.connection_kwargs
    assert (kwargs["socket_timeout"], kwargs["socket_connect_timeout"], kwargs["socket_keepalive"]) == (7.0, 3.0, True)
    assert kwargs["socket_keepalive_options"] and kwargs["health_check_interval"] == 30
    probe = settings_client(settings, socket_timeout=1.0).connection_pool.connection_kwargs
    assert probe["socket_timeout"] == 1.0, "a caller's own timeout wins"


def test_a_sentinel_client_and_its_sentinels_get_the_timeouts_too() -> None:
    env = {"REDIS_URL": SENTINELS, "MODERATION_SENTINEL_MASTER": "mymaster", "MODERATION_REDIS_SOCKET_TIMEOUT_S": "7"}
    client = settings_client(load_settings(env))
    kwargs = client.connection_pool.connection_kwargs
    assert (kwargs["socket_timeout"], kwargs["socket_connect_timeout"], kwargs["socket_keepalive"]) == (7.0, 5.0, True)
    sentinels = client.connection_pool.sentinel_manager.sentinels
    assert [s.connection_pool.connection_kwargs["socket_timeout"] for s in sentinels] == [7.0, 7.0, 7.0]


def test_the_broker_gets_the_same_timeouts_and_checks_its_long_lived_connections_as_often() -> None:
    env = {"REDIS_URL": "redis://127.0.0.1:6379/0", "MODERATION_REDIS_SOCKET_TIMEOUT_S": "2.5"}
    options = celery_config(load_settings(env))["broker_transport_options"]
    timeouts = (options["socket_timeout"], options["socket_connect_timeout"], options["socket_keepalive"])
    assert timeouts == (2.5, 5.0, True)
    assert options["health_check_interval"] == 3
    assert "sentinel_kwargs" not in options
    on_sentinel = celery_config(load_settings({**env, "REDIS_URL": SENTINELS, "MODERATION_SENTINEL_MASTER": "m"}))
    assert on_sentinel["broker_transport_options"]["sentinel_kwargs"] == {
        "socket_timeout": 2.5,
        "socket_connect_timeout": 5.0,
    }


@pytest.mark.parametrize(
    ("env", "problem"),
    [
        ({"MODERATION_REDIS_SOCKET_TIMEOUT_S": "1"}, "must be >= 2"),
        ({"MODERATION_REDIS_CONNECT_TIMEOUT_S": "0"}, "must be >= 0.1"),
        ({"MODERATION_REDIS_SOCKET_TIMEOUT_S": "nan"}, "expected a finite number"),
        ({"MODERATION_REDIS_CONNECT_TIMEOUT_S": "inf"}, "expected a finite number"),
        (
            {"MODERATION_REPLICAS_TO_WAIT": "1", "MODERATION_REPLICA_WAIT_TIMEOUT_S": "4.5"},
            "at least 1 s above replica_wait_timeout_s",
        ),
    ],
)
def test_a_socket_timeout_too_short_for_what_redis_is_asked_to_wait_is_refused_naming_it(
    env: dict[str, str], problem: str
) -> None:
    with pytest.raises(ConfigError, match=problem) as error:
        load_settings(env)
    assert error.value.key in ("redis_socket_timeout_s", "redis_connect_timeout_s")


def test_a_long_wait_for_replicas_is_fine_without_replicas_or_with_a_longer_socket_timeout() -> None:
    wait = {"MODERATION_REPLICA_WAIT_TIMEOUT_S": "4.5"}
    assert load_settings(wait).replica_wait_timeout_s == 4.5
    load_settings({**wait, "MODERATION_REPLICAS_TO_WAIT": "1", "MODERATION_REDIS_SOCKET_TIMEOUT_S": "5.5"})


def test_no_module_but_connect_builds_a_client_without_the_settings_timeouts() -> None:
    """``redis_client`` takes no timeout of its own: every caller goes through ``settings_client``."""
    package = Path(__file__).resolve().parents[2] / "worker"
    raw = re.compile(r"\bredis_client\(")
    offenders = [
        str(path.relative_to(package.parent))
        for path in sorted(package.rglob("*.py"))
        if path.name != "connect.py" and raw.search(path.read_text("utf-8"))
    ]
    assert offenders == []
