"""Lua scripts sent by their SHA1: alone or many at once, they survive a flushed script cache."""

from __future__ import annotations

import pytest
import redis

from worker.scripts import LUA_FIELDS, LuaScript, pack

pytestmark = pytest.mark.integration

_ECHO = LuaScript("redis.call('INCR', KEYS[1]) return ARGV[1]")
_FAIL = LuaScript("return redis.error_reply('refused ' .. ARGV[1])")
_UNPACK = LuaScript(LUA_FIELDS + "return {unpacked(ARGV[1], tonumber(ARGV[2]))}")


def test_a_lone_call_after_a_flushed_script_cache_loads_the_script_and_runs_once(redis_client: redis.Redis) -> None:
    redis_client.script_flush()
    assert _ECHO.run(redis_client, ["n"], ["a"]) == "a"
    assert _ECHO.run(redis_client, ["n"], ["b"]) == "b"
    assert redis_client.get("n") == "2"


def test_many_calls_after_a_flushed_script_cache_each_run_once(redis_client: redis.Redis) -> None:
    redis_client.script_flush()
    assert _ECHO.run_many(redis_client, [(["n"], [str(i)]) for i in range(3)]) == ["0", "1", "2"]
    assert redis_client.get("n") == "3"


@pytest.mark.parametrize("count", [1, 2])
def test_an_error_of_the_script_is_raised_alone_or_in_a_pipeline(redis_client: redis.Redis, count: int) -> None:
    with pytest.raises(redis.ResponseError, match="refused x"):
        _FAIL.run_many(redis_client, [([], ["x"])] * count)


@pytest.mark.parametrize(
    ("fields", "prefixed"),
    [
        (["c-1", "approved", '{"note":"\\u0000 «é»"}', "2000.5", "", "a\nb"], False),
        (["", "", ""], False),
        (["id", "a note\x00with a NUL", "", "last"], True),
        (["\x01starts with byte 1", "x"], True),
        (["", "ends with a NUL\x00"], True),
        (["12 3:", "éàü:\x00", "", "trailing"], True),
    ],
)
def test_packed_fields_come_back_whole_in_lua_whatever_they_hold(
    redis_client: redis.Redis, fields: list[str], prefixed: bool
) -> None:
    packed = pack(fields)
    assert packed.startswith(b"\x01") is prefixed
    assert _UNPACK.run(redis_client, [], [packed, len(fields)]) == fields
