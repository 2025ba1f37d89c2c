"""The Redis store: comments, their status and decisions; every status change is one atomic script."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import redis

from worker.errors import AlreadyReviewed, CommentNotFound, StoreUnavailable
from worker.keys import Keys
from worker.models import Comment, Decision, Status
from worker.replies import text
from worker.scripts import Call, LuaScript

# KEYS: comment, queued, pending, counts, wake.  ARGV: id, comment json, now, wake ttl (ms).
# Returns {created (0/1), status, woke (0/1)}.
_ADD = LuaScript("""
local status = redis.call('HGET', KEYS[1], 'status')
if status then return {0, status, 0} end
redis.call('HSET', KEYS[1], 'comment', ARGV[2], 'status', 'queued', 'submitted_at', ARGV[3], 'updated_at', ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
redis.call('HINCRBY', KEYS[4], 'queued', 1)
if redis.call('SET', KEYS[5], '1', 'NX', 'PX', ARGV[4]) then return {1, 'queued', 1} end
return {1, 'queued', 0}
""")

# KEYS: comment, queued, flagged, counts, events.
# ARGV: id, mode ('worker' or 'moderator'), new status, decision json, now, post id, decided by, events maxlen.
# A worker may only move a comment out of 'queued'; a moderator may decide once, over anything but
# another moderator's decision.  Returns 1 when written, 0 when refused, -1 when there is no such comment.
_TRANSITION = LuaScript("""
local current = redis.call('HGET', KEYS[1], 'status')
if not current then return -1 end
if ARGV[2] == 'worker' then
  if current ~= 'queued' then return 0 end
elseif redis.call('HEXISTS', KEYS[1], 'moderated') == 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'status', ARGV[3], 'decision', ARGV[4], 'updated_at', ARGV[5])
if ARGV[2] == 'moderator' then redis.call('HSET', KEYS[1], 'moderated', '1') end
redis.call('ZREM', KEYS[2], ARGV[1])
if ARGV[3] == 'flagged' then redis.call('ZADD', KEYS[3], ARGV[5], ARGV[1]) else redis.call('ZREM', KEYS[3], ARGV[1]) end
redis.call('HINCRBY', KEYS[4], current, -1)
redis.call('HINCRBY', KEYS[4], ARGV[3], 1)
if tonumber(ARGV[8]) > 0 then
  redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[8], '*', 'id', ARGV[1], 'post_id', ARGV[6],
             'status', ARGV[3], 'decided_by', ARGV[7], 'decided_at', ARGV[5])
end
return 1
""")

# KEYS: pending, queued, legacy pending list.  ARGV: count, now.
# Takes up to count waiting ids, oldest first (then any left in the list of older versions), and marks
# each as taken now in 'queued', so that the sweeper only hands it back once a worker had it too long.
_TAKE = LuaScript("""
local ids = {}
local popped = redis.call('ZPOPMIN', KEYS[1], ARGV[1])
for i = 1, #popped, 2 do ids[#ids + 1] = popped[i] end
local missing = tonumber(ARGV[1]) - #ids
if missing > 0 and redis.call('EXISTS', KEYS[3]) == 1 then
  for _, id in ipairs(redis.call('LPOP', KEYS[3], missing)) do ids[#ids + 1] = id end
end
for _, id in ipairs(ids) do redis.call('ZADD', KEYS[2], 'XX', ARGV[2], id) end
return ids
""")

# KEYS: queued, pending, legacy pending list.  ARGV: cutoff, now, limit.
# Hands back to the workers up to limit ids queued (or taken) before cutoff that are not waiting already:
# the ones a worker took and never decided. Ids still waiting are a backlog, not a loss, and stay where
# they are; but the drain message that announced them may have been lost (kombu's Redis transport drops a
# message that BRPOP handed to a worker killed before it read the reply), so the script also counts the
# ids that have waited since before cutoff. Returns {handed, stalled}.
_SWEEP = LuaScript("""
local limit, handed = tonumber(ARGV[3]), 0
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, limit * 10)
for _, id in ipairs(ids) do
  if handed >= limit then break end
  if not redis.call('ZSCORE', KEYS[2], id) then
    redis.call('ZADD', KEYS[1], 'XX', ARGV[2], id)
    redis.call('ZADD', KEYS[2], ARGV[2], id)
    handed = handed + 1
  end
end
return {handed, redis.call('ZCOUNT', KEYS[2], '-inf', ARGV[1]) + redis.call('LLEN', KEYS[3])}
""")


@dataclass(frozen=True, slots=True)
class Swept:
    """What one sweep found: ids handed back to the workers, and ids waiting since before the cutoff."""

    handed: int
    stalled: int


@dataclass(frozen=True, slots=True)
class Added:
    """The outcome of adding one comment: its id, its status, and whether it is new."""

    id: str
    status: Status
    created: bool


@dataclass(frozen=True, slots=True)
class Stored:
    """A comment as stored, with its status and (once decided) its decision."""

    comment: Comment
    status: Status
    decision: Decision | None


@contextmanager
def redis_errors() -> Iterator[None]:
    """Convert redis-py errors into :class:`StoreUnavailable` at the boundary."""
    try:
        yield
    except redis.RedisError as exc:
        raise StoreUnavailable(f"Redis is unavailable: {type(exc).__name__}: {exc}") from exc


class CommentStore:
    """Comments in Redis: add (idempotent on id), take pending ids, record decisions exactly once."""

    def __init__(self, client: redis.Redis, keys: Keys, *, wake_ttl_s: float = 30.0, events_maxlen: int = 100_000):
        # redis-py's return types are unions over sync/async and decode modes; narrow at each call.
        self.client: Any = client
        self.keys = keys
        self.wake_ttl_ms = int(wake_ttl_s * 1000)
        self.events_maxlen = events_maxlen

    def add(self, comments: Sequence[Comment]) -> tuple[list[Added], bool]:
        """Store new comments as queued and pending, in one round trip; return them and whether to wake."""
        k = self.keys
        calls: list[Call] = []
        for c in comments:
            payload = json.dumps(c.to_private_dict(), ensure_ascii=False, separators=(",", ":"))
            keys = [k.comment(c.id), k.queued, k.pending, k.counts, k.wake]
            calls.append((keys, [c.id, payload, repr(c.submitted_at), self.wake_ttl_ms]))
        replies = _ADD.run_many(self.client, calls)
        added = [Added(c.id, Status(text(r[1])), bool(r[0])) for c, r in zip(comments, replies, strict=True)]
        return added, any(int(r[2]) for r in replies)

    def get(self, comment_id: str) -> Stored:
        """Return the stored comment, or raise :class:`CommentNotFound`."""
        fields = self.client.hmget(self.keys.comment(comment_id), "comment", "status", "decision")
        if fields[0] is None:
            raise CommentNotFound(comment_id)
        return _stored(fields)

    def take_pending(self, count: int, now: float) -> list[str]:
        """Take up to ``count`` waiting ids, oldest first; each stays queued until decided, for the sweeper."""
        keys = [self.keys.pending, self.keys.queued, self.keys.legacy_pending]
        return [text(i) for i in _TAKE.run(self.client, keys, [count, repr(now)])]

    def renew(self, ids: Sequence[str], now: float) -> None:
        """Mark ids still queued as taken ``now``: the lease of a worker still working on them."""
        if ids:
            self.client.zadd(self.keys.queued, dict.fromkeys(ids, now), xx=True)

    def pending_count(self) -> int:
        """Return how many ids wait for a worker."""
        pipe = self.client.pipeline(transaction=False)
        pipe.zcard(self.keys.pending)
        pipe.llen(self.keys.legacy_pending)
        return sum(int(n) for n in pipe.execute())

    def load_queued(self, ids: Sequence[str]) -> list[Comment]:
        """Return the comments among ``ids`` that are still queued (one round trip)."""
        pipe = self.client.pipeline(transaction=False)
        for comment_id in ids:
            pipe.hmget(self.keys.comment(comment_id), "comment", "status")
        comments = []
        for raw, status in pipe.execute():
            if raw is not None and text(status) == Status.QUEUED:
                comments.append(Comment.from_private_dict(json.loads(raw)))
        return comments

    def record(self, decided: Sequence[tuple[Comment, Decision]]) -> list[bool]:
        """Move each comment out of ``queued`` with its decision; False where another worker already did."""
        calls = [self._transition_call(c.id, c.post_id, "worker", d) for c, d in decided]
        return [int(r) == 1 for r in _TRANSITION.run_many(self.client, calls)]

    def review(self, comment_id: str, decision: Decision) -> None:
        """Record a moderator's decision; raise when another moderator already decided."""
        stored = self.get(comment_id)
        keys, args = self._transition_call(comment_id, stored.comment.post_id, "moderator", decision)
        result = int(_TRANSITION.run(self.client, keys, args))
        if result == -1:
            raise CommentNotFound(comment_id)
        if result == 0:
            raise AlreadyReviewed(comment_id, self.get(comment_id).status.value)

    def _transition_call(self, comment_id: str, post_id: str, mode: str, decision: Decision) -> Call:
        k = self.keys
        keys = [k.comment(comment_id), k.queued, k.flagged, k.counts, k.events]
        args = [
            comment_id,
            mode,
            decision.status.value,
            json.dumps(decision.to_dict(), ensure_ascii=False, separators=(",", ":")),
            repr(decision.decided_at),
            post_id,
            decision.decided_by,
            self.events_maxlen,
        ]
        return keys, args

    def clear_wake(self) -> None:
        """Note that the drain task announced by the wake flag has started."""
        self.client.delete(self.keys.wake)

    def set_wake(self) -> bool:
        """Set the wake flag; True when it was not set, so the caller must publish a drain task."""
        return bool(self.client.set(self.keys.wake, "1", nx=True, px=self.wake_ttl_ms))

    def claim_sweep(self, interval_s: float) -> bool:
        """True for the first caller in each ``interval_s``: that caller should sweep."""
        return bool(self.client.set(self.keys.sweep_claim, "1", nx=True, px=max(1, int(interval_s * 1000))))

    def sweep(self, older_than: float, now: float, limit: int) -> Swept:
        """Hand back ids a worker took before ``older_than`` and never decided; count those waiting since then."""
        keys = [self.keys.queued, self.keys.pending, self.keys.legacy_pending]
        handed, stalled = _SWEEP.run(self.client, keys, [repr(older_than), repr(now), limit])
        return Swept(int(handed), int(stalled))

    def counts(self) -> dict[str, int]:
        """Return the number of comments per status (every status listed, zeros included)."""
        raw = self.client.hgetall(self.keys.counts)
        counts = {text(k): int(v) for k, v in raw.items()}
        return {status.value: counts.get(status.value, 0) for status in Status}

    def flagged(self, limit: int = 100) -> list[str]:
        """Return the ids waiting for a moderator, oldest first."""
        return [text(i) for i in self.client.zrange(self.keys.flagged, 0, limit - 1)]

    def oldest_queued_at(self) -> float | None:
        """Return when the oldest queued comment was last handed to or taken by a worker, if any."""
        first = self.client.zrange(self.keys.queued, 0, 0, withscores=True)
        return float(first[0][1]) if first else None

    def events(
        self, after: str = "0", count: int = 100, block_ms: int | None = None
    ) -> list[tuple[str, dict[str, str]]]:
        """Return decision events after the stream id ``after`` (``$`` for only new ones)."""
        reply = self.client.xread({self.keys.events: after}, count=count, block=block_ms)
        if not reply:
            return []
        return [(text(eid), {text(a): text(b) for a, b in fields.items()}) for eid, fields in reply[0][1]]


def _stored(fields: Sequence[Any]) -> Stored:
    raw, status, decision = fields
    return Stored(
        comment=Comment.from_private_dict(json.loads(raw)),
        status=Status(text(status)),
        decision=Decision.from_dict(json.loads(decision)) if decision else None,
    )
