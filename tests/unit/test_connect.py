"""Redis addresses: one server, or Redis Sentinel in kombu's form; mistakes are named, passwords hidden."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from worker.app import celery_config
from worker.connect import SentinelAddress, parse_sentinel, reachable_client
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
