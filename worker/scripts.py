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

from redis.exceptions import NoScriptError

Call = tuple[Sequence[str], Sequence[Any]]
"""The keys and the arguments of one script call."""


@dataclass(frozen=True, slots=True)
class LuaScript:
    """A Lua script and its SHA1."""

    text: str
    sha: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sha", hashlib.sha1(self.text.encode(), usedforsecurity=False).hexdigest())

    def run_many(self, client: Any, calls: Sequence[Call]) -> list[Any]:
        """Run every call in one pipelined round trip (two after a script cache flush); return the replies."""
        replies = self._send(client, calls)
        missing = [i for i, reply in enumerate(replies) if isinstance(reply, NoScriptError)]
        if missing:
            client.script_load(self.text)
            for i, reply in zip(missing, self._send(client, [calls[i] for i in missing]), strict=True):
                replies[i] = reply
        for reply in replies:
            if isinstance(reply, Exception):
                raise reply
        return replies

    def run_many_replicated(
        self, client: Any, calls: Sequence[Call], replicas: int, timeout_ms: int
    ) -> tuple[list[Any], int]:
        """Run every call, then ``WAIT`` for ``replicas`` replicas on the same connection; return how many confirmed.

        ``WAIT`` counts the writes of its own connection only, so it goes in the calls' pipeline (and in the
        second one after a script cache flush, whose writes are then the newest).
        """
        replies = self._send(client, calls, (replicas, timeout_ms))
        confirmed = int(replies.pop())
        missing = [i for i, reply in enumerate(replies) if isinstance(reply, NoScriptError)]
        if missing:
            client.script_load(self.text)
            again = self._send(client, [calls[i] for i in missing], (replicas, timeout_ms))
            confirmed = min(confirmed, int(again.pop()))
            for i, reply in zip(missing, again, strict=True):
                replies[i] = reply
        for reply in replies:
            if isinstance(reply, Exception):
                raise reply
        return replies, confirmed

    def run(self, client: Any, keys: Sequence[str], args: Sequence[Any]) -> Any:
        """Run one call."""
        return self.run_many(client, [(keys, args)])[0]

    def _send(self, client: Any, calls: Sequence[Call], wait: tuple[int, int] | None = None) -> list[Any]:
        pipe = client.pipeline(transaction=False)
        for keys, args in calls:
            pipe.evalsha(self.sha, len(keys), *keys, *args)
        if wait is not None:
            pipe.wait(*wait)
        return list(pipe.execute(raise_on_error=False))
