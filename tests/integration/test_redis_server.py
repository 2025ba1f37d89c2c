"""The redis-server that the project starts (tests, benchmarks, ./dev run) is configured as its deployment is."""

from __future__ import annotations

from pathlib import Path

import redis

from worker.redis_server import PACKED_SORTED_SET_ENTRIES, RedisServer


def test_the_projects_redis_holds_a_sorted_set_packed_only_up_to_the_packed_size(tmp_path: Path) -> None:
    server = RedisServer(tmp_path / "redis").start()
    client = redis.Redis.from_url(server.url, decode_responses=True)
    try:
        client.zadd("small", {f"m{i}": 1_765_000_000.25 + i for i in range(PACKED_SORTED_SET_ENTRIES)})
        client.zadd("large", {f"m{i}": 1_765_000_000.25 + i for i in range(PACKED_SORTED_SET_ENTRIES + 1)})
        assert client.object("encoding", "small") in ("listpack", "ziplist")
        assert client.object("encoding", "large") == "skiplist"
    finally:
        client.close()
        server.stop()
