"""Webhook messages in Redis: read decision events, keep each message until delivered or given up.

The decision events stream (written by the same script that records each decision) is the outbox: the
webhook pump reads it through a consumer group and acknowledges an event only once its messages are
stored, so an event outlives a worker killed between deciding and sending. Each message is a hash
under an id that is the same on every try; ``due`` orders the messages to send, and a message handed
to a delivery task is leased (its score pushed to the lease's end, with a token only that task holds),
so that one try is in flight at a time and a lost task only delays it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import redis

from worker.keys import Keys
from worker.replies import text
from worker.scripts import Call, LuaScript

GROUP = "webhooks"
"""The consumer group of the webhook pump on the decision events stream."""

# KEYS: message, due.  ARGV: id, subscription, type, body, now, comment id.  Returns 1 when stored, 0 if known.
_STORE = LuaScript("""
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'subscription', ARGV[2], 'type', ARGV[3], 'body', ARGV[4], 'created_at', ARGV[5],
           'first_at', ARGV[5], 'attempts', 0, 'state', 'pending', 'comment_id', ARGV[6])
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1])
return 1
""")

# KEYS: due, leases.  ARGV: now, lease end, limit, token prefix.  Leases up to limit due ids; returns {id, token, ...}.
_LEASE = LuaScript("""
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[3])
local out = {}
for i, id in ipairs(ids) do
  local token = ARGV[4] .. ':' .. i
  redis.call('ZADD', KEYS[1], 'XX', ARGV[2], id)
  redis.call('HSET', KEYS[2], id, token)
  out[#out + 1] = id
  out[#out + 1] = token
end
return out
""")

# KEYS: message, leases.  ARGV: id, token.  Takes the lease (once): returns the message's fields, or false.
_CLAIM = LuaScript("""
if redis.call('HGET', KEYS[2], ARGV[1]) ~= ARGV[2] then return false end
redis.call('HDEL', KEYS[2], ARGV[1])
if redis.call('HGET', KEYS[1], 'state') ~= 'pending' then return false end
return redis.call('HMGET', KEYS[1], 'subscription', 'type', 'body', 'attempts', 'first_at')
""")

# KEYS: message, due, dead.  ARGV: id, outcome ('delivered', 'retry' or 'dead'), now, next try, error, keep (s).
_SETTLE = LuaScript("""
if redis.call('HGET', KEYS[1], 'state') ~= 'pending' then return 0 end
redis.call('HINCRBY', KEYS[1], 'attempts', 1)
redis.call('HSET', KEYS[1], 'last_at', ARGV[3])
if ARGV[2] == 'delivered' then
  redis.call('HSET', KEYS[1], 'state', 'delivered', 'last_error', '')
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('EXPIRE', KEYS[1], ARGV[6])
elseif ARGV[2] == 'dead' then
  redis.call('HSET', KEYS[1], 'state', 'dead', 'last_error', ARGV[5])
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
else
  redis.call('HSET', KEYS[1], 'last_error', ARGV[5])
  redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
end
return 1
""")

# KEYS: message, due, dead.  ARGV: id, now.  Puts a dead message back to be sent now, its day of retries anew.
_REPLAY = LuaScript("""
if redis.call('ZREM', KEYS[3], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'state', 'pending', 'first_at', ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
return 1
""")


@dataclass(frozen=True, slots=True)
class NewMessage:
    """A message to store: its id, subscription, event type, body and the comment it is about."""

    id: str
    subscription: str
    type: str
    body: bytes
    comment_id: str


@dataclass(frozen=True, slots=True)
class Claimed:
    """A message a delivery task holds the lease of."""

    id: str
    subscription: str
    type: str
    body: bytes
    attempts: int
    first_at: float


@dataclass(frozen=True, slots=True)
class DeadMessage:
    """A message given up: what it was, how often it was tried, and the last error."""

    id: str
    subscription: str
    type: str
    comment_id: str
    attempts: int
    failed_at: float
    last_error: str

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping (the body is left out: it is in Redis, for replay)."""
        return {
            "id": self.id,
            "subscription": self.subscription,
            "type": self.type,
            "comment_id": self.comment_id,
            "attempts": self.attempts,
            "failed_at": self.failed_at,
            "last_error": self.last_error,
        }


class Outbox:
    """The webhook messages of one key prefix, and the pump's reading of the decision events."""

    def __init__(self, client: redis.Redis, keys: Keys, consumer: str) -> None:
        self.client: Any = client
        self.keys = keys
        self.consumer = consumer

    def ensure_group(self) -> None:
        """Create the pump's consumer group at the stream's end, unless it exists."""
        try:
            self.client.xgroup_create(self.keys.events, GROUP, id="$", mkstream=True)
        except redis.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    def read_events(self, count: int, reclaim_idle_ms: int) -> list[tuple[str, dict[str, str]]]:
        """Events another pump read and never acknowledged (idle that long), then new ones; at most ``count``."""
        self.ensure_group()
        stale = self.client.xautoclaim(self.keys.events, GROUP, self.consumer, reclaim_idle_ms, "0-0", count=count)
        entries = list(stale[1])
        if len(entries) < count:
            fresh = self.client.xreadgroup(GROUP, self.consumer, {self.keys.events: ">"}, count=count - len(entries))
            entries += fresh[0][1] if fresh else []
        return [(text(eid), {text(a): text(b) for a, b in fields.items()}) for eid, fields in entries if fields]

    def store(self, messages: Sequence[NewMessage], now: float, acknowledge: Sequence[str]) -> int:
        """Store new messages (known ids are left alone), then acknowledge their events; return how many are new."""
        calls: list[Call] = [
            (
                [self.keys.webhook(m.id), self.keys.webhooks_due],
                [m.id, m.subscription, m.type, m.body, repr(now), m.comment_id],
            )
            for m in messages
        ]
        created = sum(int(r) for r in _STORE.run_many(self.client, calls)) if calls else 0
        if acknowledge:
            self.client.xack(self.keys.events, GROUP, *acknowledge)
        return created

    def lease_due(self, now: float, lease_s: float, limit: int, token: str) -> list[tuple[str, str]]:
        """Lease up to ``limit`` messages due by ``now``; return (id, lease token) pairs."""
        keys = [self.keys.webhooks_due, self.keys.webhooks_leases]
        reply = _LEASE.run(self.client, keys, [repr(now), repr(now + lease_s), limit, token])
        flat = [text(x) for x in reply]
        return list(zip(flat[0::2], flat[1::2], strict=True))

    def claim(self, message_id: str, token: str) -> Claimed | None:
        """Take the lease ``token`` of a message, once; None when it is stale or the message is settled."""
        reply = _CLAIM.run(self.client, [self.keys.webhook(message_id), self.keys.webhooks_leases], [message_id, token])
        if not reply:
            return None
        subscription, kind, body, attempts, first_at = reply
        return Claimed(message_id, text(subscription), text(kind), bytes(body), int(attempts), float(first_at))

    def settle(self, message_id: str, outcome: str, *, now: float, next_at: float, error: str, keep_s: float) -> None:
        """Record a try: ``delivered``, ``retry`` at ``next_at``, or ``dead`` (kept for ``replay``)."""
        keys = [self.keys.webhook(message_id), self.keys.webhooks_due, self.keys.webhooks_dead]
        _SETTLE.run(self.client, keys, [message_id, outcome, repr(now), repr(next_at), error, int(keep_s)])

    def next_due_at(self) -> float | None:
        """When the earliest message is due (a leased one: when its lease ends), if any."""
        first = self.client.zrange(self.keys.webhooks_due, 0, 0, withscores=True)
        return float(first[0][1]) if first else None

    def dead(self, limit: int = 1000) -> list[DeadMessage]:
        """The messages given up, oldest first."""
        ids = [text(i) for i in self.client.zrange(self.keys.webhooks_dead, 0, limit - 1)]
        pipe = self.client.pipeline(transaction=False)
        for message_id in ids:
            pipe.hmget(
                self.keys.webhook(message_id), "subscription", "type", "comment_id", "attempts", "last_at", "last_error"
            )
        found = []
        for message_id, (sub, kind, comment_id, attempts, last_at, error) in zip(ids, pipe.execute(), strict=True):
            if sub is not None:
                found.append(
                    DeadMessage(
                        message_id,
                        text(sub),
                        text(kind),
                        text(comment_id or b""),
                        int(attempts or 0),
                        float(last_at or 0),
                        text(error or b""),
                    )
                )
        return found

    def replay(self, ids: Sequence[str], now: float) -> list[str]:
        """Put dead messages back to be sent now; return the ids that were dead."""
        calls: list[Call] = [
            ([self.keys.webhook(i), self.keys.webhooks_due, self.keys.webhooks_dead], [i, repr(now)]) for i in ids
        ]
        replies = _REPLAY.run_many(self.client, calls) if calls else []
        return [i for i, r in zip(ids, replies, strict=True) if int(r) == 1]

    def state(self, message_id: str) -> dict[str, str]:
        """A message's fields, as strings (for tests and the CLI)."""
        return {text(k): text(v) for k, v in self.client.hgetall(self.keys.webhook(message_id)).items()}

    def set_wake(self, ttl_s: float) -> bool:
        """Set the pump's wake flag; True when it was not set, so the caller must send a pump task."""
        return bool(self.client.set(self.keys.webhooks_wake, "1", nx=True, px=max(1, int(ttl_s * 1000))))

    def clear_wake(self) -> None:
        """Note that the pump announced by the wake flag has started."""
        self.client.delete(self.keys.webhooks_wake)
