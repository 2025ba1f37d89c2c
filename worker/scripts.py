"""Lua scripts sent by their SHA1, so that a pipeline of script calls costs one round trip.

redis-py's registered scripts add a ``SCRIPT EXISTS`` round trip before every pipeline that holds one;
here a call is sent as ``EVALSHA`` and only the calls that meet an empty script cache (a restarted
Redis) are sent again after one ``SCRIPT LOAD``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from redis.exceptions import NoScriptError, ResponseError

Call = tuple[Sequence[str], Sequence[Any]]
"""The keys and the arguments of one script call."""

LUA_FIELDS = """
local find, sub = string.find, string.sub
-- The n fields of one packed argument (see pack() in worker/scripts.py), as n values (no table to fill):
-- separated by NULs, the last taking the rest; or, after a first byte 1, their byte lengths, space-separated,
-- then ':' and their bytes.
local function unpacked(packed, n, from)
  if not from then
    if string.byte(packed, 1) == 1 then
      local out, colon = {}, find(packed, ':', 2, true)
      from = colon + 1
      for size in string.gmatch(sub(packed, 2, colon - 1), '%d+') do
        out[#out + 1] = sub(packed, from, from + size - 1)
        from = from + size
      end
      return unpack(out)
    end
    from = 1
  end
  if n == 1 then return sub(packed, from) end
  local stop = find(packed, '\\0', from, true)
  return sub(packed, from, stop - 1), unpacked(packed, n - 1, stop + 1)
end
"""


def pack(fields: Sequence[str]) -> bytes:
    """One script argument for a comment's fields, which the script splits with ``unpacked`` (:data:`LUA_FIELDS`).

    redis-py spends about a microsecond on each argument it sends: a few fields of every comment of a batch
    cost more than the script that reads them. They are joined by NULs, which none of them holds in practice
    (ids are printable ASCII, JSON escapes control characters, times are numbers); one that does, or a first
    byte 1, makes the fields length-prefixed instead, so that any text goes through unchanged.
    """
    joined = "\0".join(fields)
    if joined.count("\0") == len(fields) - 1 and not joined.startswith("\1"):
        return joined.encode()
    encoded = [field.encode() for field in fields]
    return b"\1" + b" ".join(b"%d" % len(field) for field in encoded) + b":" + b"".join(encoded)


LUA_PARTS = """
-- Builds each part's function (see LuaPart in worker/scripts.py) from its head arguments, which start at ARGV[at]
-- as a count followed by that many arguments, part after part. Returns the functions and the position after them.
local function part_functions(makers, at)
  local functions = {}
  for p, make in ipairs(makers) do
    local n = tonumber(ARGV[at])
    functions[p] = make({unpack(ARGV, at + 1, at + n)})
    at = at + n + 1
  end
  return functions, at
end
"""


@dataclass(frozen=True, slots=True)
class LuaPart:
    """One module's work that a script of another module does for each item it writes, in the same call.

    So that two modules' writes about the same items (a decision, and what the spam state learns from it) take
    one round trip without either module's keys or rules moving into the other's code. ``lua`` is a Lua function
    expression, ``function(head) ... return function(item) ... end end``, kept by the module whose keys it
    writes: the host script calls it once with the ``head`` arguments (a table of strings; they name the keys),
    and calls the function it returns with an item's argument (from ``items``, one per item given to the host,
    ``''`` for none) for each item the host writes, in order. ``unpacked`` (:data:`LUA_FIELDS`) is in scope.
    """

    lua: str
    head: Sequence[Any]
    items: Sequence[Any]

    def head_args(self) -> list[Any]:
        """The head as the host script's arguments take it (read by ``part_functions``, :data:`LUA_PARTS`)."""
        return [len(self.head), *self.head]


@dataclass(frozen=True, slots=True)
class LuaScript:
    """A Lua script and its SHA1."""

    text: str
    sha: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sha", hashlib.sha1(self.text.encode(), usedforsecurity=False).hexdigest())

    def run_many(self, client: Any, calls: Sequence[Call]) -> list[Any]:
        """Run every call in one pipelined round trip (two after a script cache flush); return the replies."""
        return self._run(client, calls, None)[0]

    def run_many_replicated(
        self, client: Any, calls: Sequence[Call], replicas: int, timeout_ms: int
    ) -> tuple[list[Any], int]:
        """Run every call, then ``WAIT`` for ``replicas`` replicas on the same connection; return how many confirmed.

        ``WAIT`` counts the writes of its own connection only, so it goes in the calls' pipeline (and in the
        second one after a script cache flush, whose writes are then the newest).
        """
        return self._run(client, calls, (replicas, timeout_ms))

    def run(self, client: Any, keys: Sequence[str], args: Sequence[Any]) -> Any:
        """Run one call."""
        return self.run_many(client, [(keys, args)])[0]

    def _run(self, client: Any, calls: Sequence[Call], wait: tuple[int, int] | None) -> tuple[list[Any], int]:
        replies, confirmed = self._send(client, calls, wait)
        missing = [i for i, reply in enumerate(replies) if isinstance(reply, NoScriptError)]
        if missing:
            client.script_load(self.text)
            again, confirmed_again = self._send(client, [calls[i] for i in missing], wait)
            confirmed = min(confirmed, confirmed_again)
            for i, reply in zip(missing, again, strict=True):
                replies[i] = reply
        for reply in replies:
            if isinstance(reply, Exception):
                raise reply
        return replies, confirmed

    def _send(self, client: Any, calls: Sequence[Call], wait: tuple[int, int] | None) -> tuple[list[Any], int]:
        """Send the calls (and ``WAIT``) in one pipeline; return their replies and the replicas that confirmed.

        A lone call without ``WAIT`` (a web request's submission) is sent as a plain command: a pipeline costs
        more to set up than it saves; a Redis error comes back as its reply, as a pipeline's would.
        """
        if wait is None and len(calls) == 1:
            keys, args = calls[0]
            try:
                return [client.evalsha(self.sha, len(keys), *keys, *args)], 0
            except ResponseError as exc:
                return [exc], 0
        pipe = client.pipeline(transaction=False)
        for keys, args in calls:
            pipe.evalsha(self.sha, len(keys), *keys, *args)
        if wait is not None:
            pipe.wait(*wait)
        replies = list(pipe.execute(raise_on_error=False))
        if wait is None:
            return replies, 0
        confirmed = replies.pop()
        if isinstance(confirmed, Exception):
            raise confirmed
        return replies, int(confirmed)
