"""Socket timeouts against a real Redis: a silent Redis is noticed in time, a long wait for events is kept whole."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import redis

from tests.blackhole import BlackholeProxy
from worker.connect import settings_client
from worker.service import Service
from worker.settings import Settings, load_settings

pytestmark = pytest.mark.integration

SOCKET_TIMEOUT_S = 2.0


@pytest.fixture
def settings(redis_url: str, redis_client: redis.Redis, repo_root: Path) -> Settings:
    return load_settings(
        {
            "REDIS_URL": redis_url,
            "MODERATION_CONFIG": str(repo_root / "config" / "settings.toml"),
            "MODERATION_REDIS_SOCKET_TIMEOUT_S": str(SOCKET_TIMEOUT_S),
        }
    )


@pytest.fixture
def proxy(redis_url: str) -> Iterator[BlackholeProxy]:
    forwarding = BlackholeProxy(urlsplit(redis_url).port or 6379).start()
    yield forwarding
    forwarding.stop()


def test_a_redis_that_stops_answering_fails_the_command_in_time_and_the_next_one_reconnects(
    settings: Settings, proxy: BlackholeProxy
) -> None:
    client = settings_client(settings.replace(redis_url=proxy.url))
    try:
        assert client.ping()
        assert proxy.blackhole() == 1
        started = time.monotonic()
        with pytest.raises(redis.TimeoutError):
            client.get("anything")
        assert SOCKET_TIMEOUT_S - 0.1 < time.monotonic() - started < SOCKET_TIMEOUT_S + 1.5
        assert client.ping(), "the timed-out connection was dropped and a new one opened"
    finally:
        client.close()


def test_a_wait_for_events_longer_than_the_socket_timeout_is_kept_whole(
    settings: Settings, redis_client: redis.Redis
) -> None:
    service = Service.from_settings(settings, lambda: None)
    store = service.store
    try:
        started = time.monotonic()
        assert store.events("$", 10, block_ms=3000) == []
        assert 2.9 < time.monotonic() - started < 4.5

        def add_event() -> None:
            time.sleep(2.5)  # after the first read of at most 1 s has ended empty
            redis_client.xadd(store.keys.events, {"id": "late"})

        redis_client.xadd(store.keys.events, {"id": "before"})
        writer = threading.Thread(target=add_event)
        writer.start()
        started = time.monotonic()
        found = store.events("$", 10, block_ms=6000)
        writer.join()
        assert [fields["id"] for _, fields in found] == ["late"], "'$' means after the events of the call's start"
        assert 2.4 < time.monotonic() - started < 4.0
    finally:
        store.client.close()
