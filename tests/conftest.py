"""Shared fixtures: a real Redis server (REDIS_URL, or a throwaway one started here), and a Sentinel set."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from tests.sentinel import SentinelSet
from worker.redis_server import RedisServer


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a real Redis: $REDIS_URL when set, else a throwaway redis-server on a free port."""
    url = os.environ.get("REDIS_URL")
    if url:
        yield url
        return
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def redis_client(redis_url: str) -> Iterator[redis.Redis]:
    """A client on an emptied database of the test Redis."""
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    client.flushdb()
    try:
        yield client
    finally:
        client.flushdb()
        client.close()


@pytest.fixture
def repo_root() -> Path:
    """The project's root folder."""
    return Path(__file__).resolve().parent.parent


@pytest.fixture
def sentinel_set(tmp_path: Path) -> Iterator[SentinelSet]:
    """A master, its replica and one sentinel on loopback, started for the test and stopped after it."""
    servers = SentinelSet(tmp_path / "redis").start()
    yield servers
    servers.stop()
