"""The Redis store: comments, their status and decisions; every status change is one atomic script."""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import redis

from worker.errors import AlreadyReviewed, CommentNotFound, NotReplicated, StoreUnavailable
from worker.keys import Keys
from worker.models import Comment, Decision, Status
from worker.queue_index import LUA_INDEX, AuthorHashes, Grouping, facet_bases, facets
from worker.replies import text
from worker.scripts import LUA_FIELDS, LUA_PARTS, Call, LuaPart, LuaScript, pack
from worker.spam.signature import BAND_CHARS, BANDS

_COMPACT_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
"""How comments and decisions are written: ``json.dumps`` with these options builds an encoder at every call."""

# KEYS: comment, queued, pending, counts, wake, history.
# ARGV: id, comment json, now (as JSON writes it: the client's repr of a float), wake ttl (ms), index facet bases.
# The history entry is written here, as ``json.dumps`` of {at, by, from, to, note, action} would write it.
# Returns {created (0/1), status, woke (0/1)}.
_ADD = LuaScript(
    LUA_INDEX
    + """
local status, known = unpack(redis.call('HMGET', KEYS[1], 'status', 'facets'))
if status then return {0, status, 0} end
local list = merged(known, ARGV[5])
redis.call('HSET', KEYS[1], 'comment', ARGV[2], 'status', 'queued', 'submitted_at', ARGV[3], 'updated_at', ARGV[3],
           'facets', table.concat(list, '\\n'))
move(list, ARGV[1], 'queued', 'queued', ARGV[3])
redis.call('RPUSH', KEYS[6], '{"at": ' .. ARGV[3] .. ', "by": "submission", "from": null, "to": "queued", ' ..
           '"note": "", "action": "submit"}')
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
redis.call('HINCRBY', KEYS[4], 'queued', 1)
if redis.call('SET', KEYS[5], '1', 'NX', 'PX', ARGV[4]) then return {1, 'queued', 1} end
return {1, 'queued', 0}
"""
)

# KEYS: queued, flagged, counts, events, pending, legacy pending list.
# ARGV: events maxlen, comment key prefix, history key prefix, campaign index base prefix, min bands, band ttl (s),
# bands per signature (nb), characters per band value, the nb campaign band key bases, then the heads of the
# script's parts (``LuaPart``: other modules' work for each comment written, such as what the spam state learns;
# see ``part_functions``), then for each comment one argument packed by ``pack`` (worker.scripts): id, new status,
# decision json, now, post id, decided by, note, index facet bases (newline-separated) and its LSH band values one
# after the other ('' for none); followed by its argument for each part.
# A worker's decisions of one batch in one call: each comment moves out of 'queued' only if it still is there,
# in order, as if one by one (a comment may join the near-duplicate group of
# one before it in the batch). A comment's hash, band keys, history and event are written at its turn; its index
# entries (only additions, as it leaves 'queued': the ``all`` tab of a facet it had while queued holds it already),
# the waiting and review sets and the counts are written at the end, one command per key, and also when a comment
# fails half-way, before the error is raised, so that every comment written is indexed. Each part learns from a
# comment right after it is written. Returns one reply per comment (1 when written, 0 when refused, -1 when missing),
# and 1 when ids wait to be taken as the script ends, else 0 (so that a drain needs no last, empty take).
_RECORD_BODY = """
local adds, order, made = {}, {}, {}
local nb, width = tonumber(ARGV[7]), tonumber(ARGV[8])
local function later(key, score, member)
  local list = adds[key]
  if not list then list = {}; adds[key] = list; order[#order + 1] = key end
  list[#list + 1] = score
  list[#list + 1] = member
end
-- What move() does for a comment leaving 'queued', kept for the end; the first ``had`` facets of ``list`` are
-- those it had while queued, whose 'all' tab holds it already (since it was submitted, or indexed).
local function add_later(list, id, to, score, had)
  for i, base in ipairs(list) do
    if to ~= 'queued' then later(base .. ':' .. to, score, id) end
    if i > had then later(base .. ':all', score, id) end
  end
end
local unqueued, unflagged, counted, tally = {}, {}, {}, {}
local function count(status, by)
  if not tally[status] then tally[status] = 0; counted[#counted + 1] = status end
  tally[status] = tally[status] + by
end
local function one(packed)
  local id, status, decision, now, post, by, note, extra, values = unpacked(packed, 9)
  local ckey = ARGV[2] .. id
  local current, known, score = unpack(redis.call('HMGET', ckey, 'status', 'facets', 'submitted_at'))
  if not current then return -1 end
  if current ~= 'queued' then return 0 end
  local fields = {'status', status, 'decision', decision, 'updated_at', now}
  local bands = {}
  if values ~= '' then
    for b = 1, nb do bands[b] = ARGV[8 + b] .. string.sub(values, (b - 1) * width + 1, b * width) end
    local found, votes, best, most = redis.call('MGET', unpack(bands)), {}, nil, 0
    for i, g in ipairs(found) do
      if g then
        votes[g] = (votes[g] or 0) + 1
        if votes[g] > most then best, most = g, votes[g] end
      end
    end
    local group = id
    if best and most >= tonumber(ARGV[5]) then group = best end
    for i, key in ipairs(bands) do
      if not found[i] then redis.call('SET', key, group, 'EX', ARGV[6]) end
    end
    if group ~= id then
      local base = ARGV[4] .. group
      if not made[base] and redis.call('EXISTS', base .. ':all') == 0 then
        local founder = ARGV[2] .. group
        local fstatus, fscore = unpack(redis.call('HMGET', founder, 'status', 'submitted_at'))
        if fstatus then
          add_later(merge_facets(founder, base), group, fstatus, fscore, 0)
          redis.call('HSET', founder, 'campaign', group)
        end
      end
      made[base] = true
      fields[#fields + 1] = 'campaign'
      fields[#fields + 1] = group
      extra = extra .. '\\n' .. base
    end
  end
  local list, had = merged(known, extra)
  fields[#fields + 1] = 'facets'
  fields[#fields + 1] = table.concat(list, '\\n')
  redis.call('HSET', ckey, unpack(fields))
  add_later(list, id, status, score, had)
  unqueued[#unqueued + 1] = id
  if status == 'flagged' then later(KEYS[2], now, id) else unflagged[#unflagged + 1] = id end
  count(current, -1)
  count(status, 1)
  redis.call('RPUSH', ARGV[3] .. id, cjson.encode({at = tonumber(now), by = by, from = current, to = status,
                                                  note = note, action = 'decide'}))
  if tonumber(ARGV[1]) > 0 then
    redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[1], '*', 'id', id, 'post_id', post,
               'status', status, 'decided_by', by, 'decided_at', now)
  end
  return 1
end
local function chunked(command, key, list, step)
  for i = 1, #list, step do redis.call(command, key, unpack(list, i, math.min(i + step - 1, #list))) end
end
local function finish()
  for _, key in ipairs(order) do chunked('ZADD', key, adds[key], 1000) end
  chunked('ZREM', KEYS[1], unqueued, 500)
  chunked('ZREM', KEYS[2], unflagged, 500)
  for _, status in ipairs(counted) do
    if tally[status] ~= 0 then redis.call('HINCRBY', KEYS[3], status, tally[status]) end
  end
end
local parts, first = part_functions(makers, 9 + nb)
local function one_and_parts(at)
  local reply = one(ARGV[at])
  if reply == 1 then
    for p, part in ipairs(parts) do part(ARGV[at + p]) end
  end
  return reply
end
local replies = {}
for at = first, #ARGV, 1 + #parts do
  local ok, reply = pcall(one_and_parts, at)
  if not ok then
    finish()
    error(reply)
  end
  replies[#replies + 1] = reply
end
finish()
return {replies, redis.call('EXISTS', KEYS[5], KEYS[6])}
"""


@functools.cache
def _record_script(parts: tuple[str, ...]) -> LuaScript:
    """The record script with these parts (each a :class:`~worker.scripts.LuaPart`'s ``lua``), in this order."""
    makers = "local makers = {" + ",\n".join(parts) + "}\n"
    return LuaScript(LUA_INDEX + LUA_FIELDS + LUA_PARTS + makers + _RECORD_BODY)


# KEYS: comment, queued, flagged, counts, events, history.
# ARGV: id, new status, decision json, now, post id, decided by, events maxlen, index facet bases, note, verdict id.
# A moderator decides once, over anything but another moderator's decision; the status and decision it replaced
# are kept for an undo. The queue indexes, the review queue, the counts, the history and the event stream change
# in the same script. (A worker's decisions go through ``_RECORD_BODY``.)
# Returns 1 when written, 0 when refused, -1 when there is no such comment.
_REVIEW = LuaScript(
    LUA_INDEX
    + """
local current = redis.call('HGET', KEYS[1], 'status')
if not current then return -1 end
if redis.call('HEXISTS', KEYS[1], 'moderated') == 1 then return 0 end
redis.call('HSET', KEYS[1], 'moderated', '1', 'verdict_id', ARGV[10], 'prev_status', current,
           'prev_decision', redis.call('HGET', KEYS[1], 'decision') or '')
redis.call('HSET', KEYS[1], 'status', ARGV[2], 'decision', ARGV[3], 'updated_at', ARGV[4])
move(merge_facets(KEYS[1], ARGV[8]), ARGV[1], current, ARGV[2], redis.call('HGET', KEYS[1], 'submitted_at'))
redis.call('ZREM', KEYS[2], ARGV[1])
if ARGV[2] == 'flagged' then redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1]) else redis.call('ZREM', KEYS[3], ARGV[1]) end
redis.call('HINCRBY', KEYS[4], current, -1)
redis.call('HINCRBY', KEYS[4], ARGV[2], 1)
redis.call('RPUSH', KEYS[6], cjson.encode({at = tonumber(ARGV[4]), by = ARGV[6], from = current, to = ARGV[2],
                                           note = ARGV[9], action = 'review'}))
if tonumber(ARGV[7]) > 0 then
  redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[7], '*', 'id', ARGV[1], 'post_id', ARGV[5],
             'status', ARGV[2], 'decided_by', ARGV[6], 'decided_at', ARGV[4])
end
return 1
"""
)

# KEYS: comment, queued, flagged, counts, events, history, pending.
# ARGV: id, verdict id, moderator, now, post id, events maxlen.
# Undoes one moderator verdict: only while that verdict (``verdict id``) is still the comment's, so nothing
# another moderator decided since is overwritten. The comment returns to the status and decision the verdict
# replaced (a comment returned to 'queued' waits for a worker again); indexes, counts, the history and the
# event stream (an entry with ``undone``) change with it. Returns 1 when undone, 0 when refused, -1 when missing.
_UNDO = LuaScript(
    LUA_INDEX
    + """
local current, verdict, to, previous, score = unpack(redis.call('HMGET', KEYS[1], 'status', 'verdict_id',
                                                   'prev_status', 'prev_decision', 'submitted_at'))
if not current then return -1 end
if ARGV[2] == '' or verdict ~= ARGV[2] or not to then return 0 end
redis.call('HDEL', KEYS[1], 'moderated', 'verdict_id', 'prev_status', 'prev_decision')
redis.call('HSET', KEYS[1], 'status', to, 'updated_at', ARGV[4])
if previous and previous ~= '' then
  redis.call('HSET', KEYS[1], 'decision', previous)
else
  redis.call('HDEL', KEYS[1], 'decision')
end
move(merge_facets(KEYS[1], ''), ARGV[1], current, to, score)
if to == 'flagged' then
  redis.call('ZADD', KEYS[3], tostring(cjson.decode(previous)['decided_at']), ARGV[1])
else
  redis.call('ZREM', KEYS[3], ARGV[1])
end
if to == 'queued' then
  redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
  redis.call('ZADD', KEYS[7], 'NX', ARGV[4], ARGV[1])
end
redis.call('HINCRBY', KEYS[4], current, -1)
redis.call('HINCRBY', KEYS[4], to, 1)
redis.call('RPUSH', KEYS[6], cjson.encode({at = tonumber(ARGV[4]), by = ARGV[3], from = current, to = to,
                                           note = '', action = 'undo'}))
if tonumber(ARGV[6]) > 0 then
  redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[6], '*', 'id', ARGV[1], 'post_id', ARGV[5],
             'status', to, 'decided_by', ARGV[3], 'decided_at', ARGV[4], 'undone', '1')
end
return 1
"""
)

# ARGV: comment key prefix, then ids.  Returns, for each id, its comment JSON when it is queued, else false.
_LOAD_QUEUED = LuaScript("""
local found = {}
for i = 2, #ARGV do
  local raw, status = unpack(redis.call('HMGET', ARGV[1] .. ARGV[i], 'comment', 'status'))
  if raw and status == 'queued' then found[i - 1] = raw else found[i - 1] = false end
end
return found
""")

# KEYS: pending, queued, legacy pending list, attempts.  ARGV: count, now.
# Takes up to count waiting ids, oldest first (then any left in the list of older versions), and marks
# each as taken now in 'queued', so that the sweeper only hands it back once a worker had it too long.
# An id handed back before (it has attempts) is taken alone, so that a comment that crashes its worker
# takes no other comment down with it: the batch stops before it, or is that id only.
# take() returns the ids and 1 if that one id is such a retry, else 0.
_LUA_TAKE = """
local function take()
  local ids, retry = {}, 0
  local popped = redis.call('ZPOPMIN', KEYS[1], ARGV[1])
  local suspects = redis.call('EXISTS', KEYS[4]) == 1
  for i = 1, #popped, 2 do
    if suspects and redis.call('HEXISTS', KEYS[4], popped[i]) == 1 then
      local from = i
      if i == 1 then retry, ids[1], from = 1, popped[1], 3 end
      for j = from, #popped, 2 do redis.call('ZADD', KEYS[1], popped[j + 1], popped[j]) end
      break
    end
    ids[#ids + 1] = popped[i]
  end
  local missing = tonumber(ARGV[1]) - #ids
  if missing > 0 and retry == 0 and #ids * 2 == #popped and redis.call('EXISTS', KEYS[3]) == 1 then
    for _, id in ipairs(redis.call('LPOP', KEYS[3], missing)) do ids[#ids + 1] = id end
  end
  -- One ZADD XX for the batch (in chunks, within Lua's stack): what one per id would write.
  for i = 1, #ids, 500 do
    local marks = {}
    for j = i, math.min(i + 499, #ids) do
      marks[#marks + 1] = ARGV[2]
      marks[#marks + 1] = ids[j]
    end
    redis.call('ZADD', KEYS[2], 'XX', unpack(marks))
  end
  return ids, retry
end
"""

# Returns {1 if that one id is such a retry else 0, ids...}.
_TAKE = LuaScript(
    _LUA_TAKE
    + """
local ids, retry = take()
table.insert(ids, 1, retry)
return ids
"""
)

# KEYS: pending, queued, legacy pending list, attempts, wake.
# ARGV: count, now, comment key prefix, wake ttl (ms), clear the wake flag first ('1' or '0').
# A drain's take in one round trip: with the last argument '1' (a drain's first take), the wake flag cleared first,
# as ``clear_wake`` does; the ids as ``_TAKE`` takes them, each with its comment JSON while it is queued (else false,
# as ``_LOAD_QUEUED`` reads it); and, when the batch is full (a burst), the wake flag set unless it is already (as
# ``set_wake`` does), so that another worker process joins in.
# Returns {retry (0/1), woke (0/1), id, comment JSON or false, ...}.
_TAKE_LOADED = LuaScript(
    _LUA_TAKE
    + """
if ARGV[5] == '1' then redis.call('DEL', KEYS[5]) end
local ids, retry = take()
local reply = {retry, 0}
if #ids == tonumber(ARGV[1]) and redis.call('SET', KEYS[5], '1', 'NX', 'PX', ARGV[4]) then reply[2] = 1 end
for _, id in ipairs(ids) do
  local raw, status = unpack(redis.call('HMGET', ARGV[3] .. id, 'comment', 'status'))
  reply[#reply + 1] = id
  if raw and status == 'queued' then reply[#reply + 1] = raw else reply[#reply + 1] = false end
end
return reply
"""
)

# KEYS: queued, pending, legacy pending list, attempts, dead.  ARGV: cutoff, now, limit, max attempts.
# Hands back to the workers up to limit ids queued (or taken) before cutoff that are not waiting already:
# the ones a worker took and never decided, counting each hand-back in 'attempts'; an id taken max attempts
# times without a decision is set aside in 'dead' instead (it stays 'queued', undecided, until requeued or
# reviewed). Ids still waiting are a backlog, not a loss, and stay where they are; but the drain message
# that announced them may have been lost (kombu's Redis transport drops a message that BRPOP handed to a
# worker killed before it read the reply), so the script also counts the ids that have waited since before
# cutoff. Returns {handed, stalled, dead}.
_SWEEP = LuaScript("""
local limit, handed, dead = tonumber(ARGV[3]), 0, 0
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, limit * 10)
for _, id in ipairs(ids) do
  if handed + dead >= limit then break end
  if not redis.call('ZSCORE', KEYS[2], id) then
    if redis.call('HINCRBY', KEYS[4], id, 1) >= tonumber(ARGV[4]) then
      redis.call('ZREM', KEYS[1], id)
      redis.call('ZADD', KEYS[5], ARGV[2], id)
      dead = dead + 1
    else
      redis.call('ZADD', KEYS[1], 'XX', ARGV[2], id)
      redis.call('ZADD', KEYS[2], ARGV[2], id)
      handed = handed + 1
    end
  end
end
return {handed, redis.call('ZCOUNT', KEYS[2], '-inf', ARGV[1]) + redis.call('LLEN', KEYS[3]), dead}
""")

# KEYS: comment, dead, attempts, queued, pending.  ARGV: id, now.
# Sends a dead letter back to the workers with its attempts forgotten.  Returns 1, or 0 when the id is
# not a dead letter (or no longer queued: a moderator decided it meanwhile, and it just leaves the list).
_REQUEUE = LuaScript("""
if redis.call('ZREM', KEYS[2], ARGV[1]) == 0 then return 0 end
redis.call('HDEL', KEYS[3], ARGV[1])
if redis.call('HGET', KEYS[1], 'status') ~= 'queued' then return 0 end
redis.call('ZADD', KEYS[4], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[5], ARGV[2], ARGV[1])
return 1
""")


RECORD_CHUNK = 200
"""Most decisions recorded by one script call: Redis serves nobody else while a script runs."""


@dataclass(frozen=True, slots=True)
class Swept:
    """What one sweep found: ids handed back to the workers, and ids waiting since before the cutoff."""

    handed: int
    stalled: int
    dead: int = 0


@dataclass(frozen=True, slots=True)
class Taken:
    """Ids a worker took; ``retry`` when it is one id handed back before (taken alone, in case it is poison)."""

    ids: list[str]
    retry: bool = False
    comments: tuple[Comment, ...] = ()
    """With ``take(load=True)``: those of the ids still queued, in order."""
    woke: bool = False
    """With ``take(load=True)``: the batch was full and this take set the wake flag (so publish a drain message)."""


@dataclass(frozen=True, slots=True)
class Recorded:
    """What :meth:`CommentStore.record_batch` did: per pair, whether it was written; and whether ids still wait."""

    written: list[bool]
    waiting: bool | None
    """Whether ids waited to be taken when the record ended; None when nothing was recorded (no call was made)."""


@dataclass(frozen=True, slots=True)
class DeadLetter:
    """A comment set aside after ``attempts`` takes without a decision, at ``dead_at``."""

    id: str
    dead_at: float
    attempts: int


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

    def __init__(
        self,
        client: redis.Redis,
        keys: Keys,
        *,
        wake_ttl_s: float = 30.0,
        events_maxlen: int = 100_000,
        author_secret: str = "",
        grouping: Grouping | None = None,
        replicas_to_wait: int = 0,
        replica_wait_timeout_s: float = 1.0,
        longest_block_ms: int | None = None,
    ):
        # redis-py's return types are unions over sync/async and decode modes; narrow at each call.
        self.client: Any = client
        self.keys = keys
        self.wake_ttl_ms = int(wake_ttl_s * 1000)
        self.events_maxlen = events_maxlen
        self.authors = AuthorHashes(self.client, keys, author_secret)
        self.grouping = grouping if grouping is not None else Grouping()
        self.replicas_to_wait = replicas_to_wait
        self.replica_wait_timeout_s = replica_wait_timeout_s
        self.longest_block_ms = longest_block_ms
        """The longest one XREAD may wait inside Redis (None: no limit), so that it ends within the socket timeout."""
        self._band_bases = [keys.campaign_band(band, "") for band in range(BANDS)]

    def add(self, comments: Sequence[Comment]) -> tuple[list[Added], bool]:
        """Store new comments as queued and pending, in one round trip; return them and whether to wake.

        With ``replicas_to_wait``, the same round trip waits for that many replicas to hold the writes;
        fewer in time raises :class:`NotReplicated` (whose ``woke`` tells whether to wake the workers).
        """
        k = self.keys
        calls: list[Call] = []
        for c in comments:
            payload = _COMPACT_JSON.encode(c.to_private_dict())
            keys = [k.comment(c.id), k.queued, k.pending, k.counts, k.wake, k.history(c.id)]
            bases = facet_bases(k, facets(c, None, None))
            calls.append((keys, [c.id, payload, repr(c.submitted_at), self.wake_ttl_ms, bases]))
        wanted = self.replicas_to_wait
        if wanted:
            timeout_ms = max(1, int(self.replica_wait_timeout_s * 1000))
            replies, confirmed = _ADD.run_many_replicated(self.client, calls, wanted, timeout_ms)
        else:
            replies, confirmed = _ADD.run_many(self.client, calls), 0
        added = [Added(c.id, Status(text(r[1])), bool(r[0])) for c, r in zip(comments, replies, strict=True)]
        woke = any(int(r[2]) for r in replies)
        if confirmed < wanted:
            raise NotReplicated(confirmed, wanted, self.replica_wait_timeout_s, woke=woke)
        return added, woke

    def get(self, comment_id: str) -> Stored:
        """Return the stored comment, or raise :class:`CommentNotFound`."""
        fields = self.client.hmget(self.keys.comment(comment_id), "comment", "status", "decision")
        if fields[0] is None:
            raise CommentNotFound(comment_id)
        return _stored(fields)

    def take_pending(self, count: int, now: float) -> list[str]:
        """Take up to ``count`` waiting ids, oldest first; each stays queued until decided, for the sweeper."""
        return self.take(count, now).ids

    def take(self, count: int, now: float, *, load: bool = False, clear_wake: bool = False) -> Taken:
        """Take up to ``count`` waiting ids, oldest first, or a single one handed back before (see ``_TAKE``).

        With ``load``, in the same round trip: the comments still queued among them (as :meth:`load_queued`),
        and the wake flag set when the batch is full (as :meth:`set_wake`), which ``woke`` tells; with
        ``clear_wake``, the wake flag cleared first (as :meth:`clear_wake`), in that round trip too.
        """
        k = self.keys
        keys = [k.pending, k.queued, k.legacy_pending, k.attempts]
        if not load:
            if clear_wake:
                self.clear_wake()
            retry, *ids = _TAKE.run(self.client, keys, [count, repr(now)])
            return Taken([text(i) for i in ids], bool(int(retry)))
        args = [count, repr(now), k.comment(""), self.wake_ttl_ms, "1" if clear_wake else "0"]
        retry, woke, *found = _TAKE_LOADED.run(self.client, [*keys, k.wake], args)
        ids = [text(i) for i in found[::2]]
        comments = tuple(Comment.from_private_dict(json.loads(raw)) for raw in found[1::2] if raw)
        return Taken(ids, bool(int(retry)), comments, bool(int(woke)))

    def forget_attempts(self, ids: Sequence[str]) -> None:
        """Forget how often ``ids`` were handed back (they were decided, or a moderator did)."""
        if ids:
            self.client.hdel(self.keys.attempts, *ids)

    def dead_letters(self, limit: int = 100) -> list[DeadLetter]:
        """Return the comments set aside after too many attempts, oldest first (ones decided since are dropped)."""
        k = self.keys
        found = self.client.zrange(k.dead, 0, limit - 1, withscores=True)
        pipe = self.client.pipeline(transaction=False)
        for comment_id, _ in found:
            pipe.hget(k.comment(text(comment_id)), "status")
            pipe.hget(k.attempts, comment_id)
        replies = pipe.execute()
        letters, settled = [], []
        for n, (comment_id, dead_at) in enumerate(found):
            status, attempts = replies[2 * n], replies[2 * n + 1]
            if status is not None and text(status) == Status.QUEUED:
                letters.append(DeadLetter(text(comment_id), float(dead_at), int(attempts or 0)))
            else:
                settled.append(comment_id)
        if settled:
            self.client.zrem(k.dead, *settled)
        return letters

    def dead_count(self) -> int:
        """Return how many comments are set aside as dead letters."""
        return int(self.client.zcard(self.keys.dead))

    def requeue(self, ids: Sequence[str], now: float) -> list[bool]:
        """Send dead letters back to the workers; False for an id that is not one."""
        k = self.keys
        calls: list[Call] = [([k.comment(i), k.dead, k.attempts, k.queued, k.pending], [i, repr(now)]) for i in ids]
        return [int(r) == 1 for r in _REQUEUE.run_many(self.client, calls)] if calls else []

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
        """Return the comments among ``ids`` that are still queued (one script call)."""
        if not ids:
            return []
        found = _LOAD_QUEUED.run(self.client, [], [self.keys.comment(""), *ids])
        return [Comment.from_private_dict(json.loads(raw)) for raw in found if raw]

    def record(self, decided: Sequence[tuple[Comment, Decision]], parts: Sequence[LuaPart] = ()) -> list[bool]:
        """Move each comment out of ``queued`` with its decision; False where another worker already did."""
        return self.record_batch(decided, parts).written

    def record_batch(self, decided: Sequence[tuple[Comment, Decision]], parts: Sequence[LuaPart] = ()) -> Recorded:
        """Move each comment out of ``queued`` with its decision, and tell whether ids wait to be taken.

        One script call per :data:`RECORD_CHUNK` comments, all in one round trip (see ``_RECORD_BODY``). Each
        of ``parts`` (other modules' work, such as what the spam state learns) is done for every comment written,
        in the same call, with that comment's item (``LuaPart.items`` holds one per pair of ``decided``).
        """
        k = self.keys
        head: list[Any] = [
            self.events_maxlen,
            k.comment(""),
            k.history(""),
            k.index_base("campaign="),
            self.grouping.min_bands,
            max(1, int(self.grouping.window_s)),
            BANDS,
            BAND_CHARS,
            *self._band_bases,
        ]
        for part in parts:
            head += part.head_args()
        calls: list[Call] = []
        for start in range(0, len(decided), RECORD_CHUNK):
            args: list[Any] = list(head)
            for n, (comment, decision) in enumerate(decided[start : start + RECORD_CHUNK], start):
                fields = _decision_fields(comment, decision)
                fields += (
                    _note(decision),
                    facet_bases(k, facets(comment, decision, self.authors.of(comment))),
                    "".join(self.grouping.bands(comment)),
                )
                args.append(pack(fields))
                args += [part.items[n] for part in parts]
            calls.append(([k.queued, k.flagged, k.counts, k.events, k.pending, k.legacy_pending], args))
        if not calls:
            return Recorded([], None)
        replies = _record_script(tuple(part.lua for part in parts)).run_many(self.client, calls)
        return Recorded([int(r) == 1 for reply, _ in replies for r in reply], bool(int(replies[-1][1])))

    def review(self, comment_id: str, decision: Decision, *, verdict_id: str = "") -> None:
        """Record a moderator's decision; raise when another moderator already decided (naming who)."""
        (outcome,) = self.review_many([(self.get(comment_id), decision)], verdict_id=verdict_id)
        if isinstance(outcome, Exception):
            raise outcome

    def review_many(
        self, items: Sequence[tuple[Stored, Decision]], *, verdict_id: str = ""
    ) -> list[AlreadyReviewed | CommentNotFound | None]:
        """Record moderators' decisions in one round trip: None where written, else why not (never raised).

        ``verdict_id`` names the action, so that :meth:`undo` reverts it only while it is still the comment's.
        """
        calls = [self._review_call(s.comment, d, verdict_id) for s, d in items]
        replies = [int(r) for r in _REVIEW.run_many(self.client, calls)] if calls else []
        refused = [s.comment.id for (s, _), r in zip(items, replies, strict=True) if r == 0]
        current = dict(zip(refused, self.get_many(refused), strict=True))
        outcomes: list[AlreadyReviewed | CommentNotFound | None] = []
        for (stored, _), reply in zip(items, replies, strict=True):
            found = current.get(stored.comment.id)
            if reply == 1:
                outcomes.append(None)
            elif reply == -1 or found is None:
                outcomes.append(CommentNotFound(stored.comment.id))
            else:
                who = found.decision.decided_by if found.decision is not None else ""
                outcomes.append(AlreadyReviewed(stored.comment.id, found.status.value, who))
        return outcomes

    def undo(self, comment_ids: Sequence[str], verdict_id: str, moderator: str, now: float) -> list[bool]:
        """Return each comment to the status that verdict ``verdict_id`` replaced, unless decided again since."""
        stored = self.get_many(comment_ids)
        k = self.keys
        calls: list[Call] = []
        for comment_id, found in zip(comment_ids, stored, strict=True):
            post_id = found.comment.post_id if found is not None else ""
            keys = [k.comment(comment_id), k.queued, k.flagged, k.counts, k.events, k.history(comment_id), k.pending]
            calls.append((keys, [comment_id, verdict_id, moderator, repr(now), post_id, self.events_maxlen]))
        return [int(r) == 1 for r in _UNDO.run_many(self.client, calls)] if calls else []

    def get_many(self, comment_ids: Sequence[str]) -> list[Stored | None]:
        """Return the stored comments, None for an unknown id, in one round trip."""
        pipe = self.client.pipeline(transaction=False)
        for comment_id in comment_ids:
            pipe.hmget(self.keys.comment(comment_id), "comment", "status", "decision")
        return [None if fields[0] is None else _stored(fields) for fields in pipe.execute()]

    def history(self, comment_id: str) -> list[dict[str, Any]]:
        """Return every change of the comment's status, oldest first: ``at, by, from, to, note, action``."""
        raw = self.client.lrange(self.keys.history(comment_id), 0, -1)
        if not raw and not self.client.exists(self.keys.comment(comment_id)):
            raise CommentNotFound(comment_id)
        return [json.loads(entry) for entry in raw]

    def _review_call(self, comment: Comment, decision: Decision, verdict_id: str) -> Call:
        k = self.keys
        keys = [k.comment(comment.id), k.queued, k.flagged, k.counts, k.events, k.history(comment.id)]
        args = [
            *_decision_fields(comment, decision),
            self.events_maxlen,
            facet_bases(k, facets(comment, decision, self.authors.of(comment))),
            _note(decision),
            verdict_id,
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

    def sweep(self, older_than: float, now: float, limit: int, max_attempts: int = 3) -> Swept:
        """Hand back ids taken before ``older_than`` and never decided, or set them aside after ``max_attempts``."""
        k = self.keys
        keys = [k.queued, k.pending, k.legacy_pending, k.attempts, k.dead]
        handed, stalled, dead = _SWEEP.run(self.client, keys, [repr(older_than), repr(now), limit, max_attempts])
        return Swept(int(handed), int(stalled), int(dead))

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
        """Return decision events after the stream id ``after`` (``$`` for only new ones), waiting up to ``block_ms``.

        A wait longer than ``longest_block_ms`` is made of several XREADs of at most that long each, so
        that none outlasts the socket timeout: the whole wait is kept, and a Redis that stops answering is
        still noticed within the timeout.
        """
        longest = self.longest_block_ms
        if not block_ms or longest is None or block_ms <= longest:
            return self._read_events(after, count, block_ms)
        deadline = time.monotonic() + block_ms / 1000
        if after == "$":  # each XREAD would read "$" anew: pin it to the last event of now
            last = self.client.xrevrange(self.keys.events, count=1)
            after = text(last[0][0]) if last else "0-0"
        while True:
            left_ms = int((deadline - time.monotonic()) * 1000)
            if left_ms <= 0:  # never BLOCK 0, which waits forever
                return []
            found = self._read_events(after, count, min(left_ms, longest))
            if found:
                return found

    def _read_events(self, after: str, count: int, block_ms: int | None) -> list[tuple[str, dict[str, str]]]:
        reply = self.client.xread({self.keys.events: after}, count=count, block=block_ms)
        if not reply:
            return []
        return [(text(eid), {text(a): text(b) for a, b in fields.items()}) for eid, fields in reply[0][1]]


def _decision_fields(comment: Comment, decision: Decision) -> list[Any]:
    """The arguments both decision scripts take first: id, status, decision JSON, time, post, decided by."""
    return [
        comment.id,
        decision.status.value,
        _COMPACT_JSON.encode(decision.to_dict()),
        repr(decision.decided_at),
        comment.post_id,
        decision.decided_by,
    ]


def _note(decision: Decision) -> str:
    """The moderator's note of a decision, if any (the history keeps it)."""
    return next((str(r.evidence.get("note", "")) for r in decision.reasons if r.check == "moderator"), "")


def _stored(fields: Sequence[Any]) -> Stored:
    raw, status, decision = fields
    return Stored(
        comment=Comment.from_private_dict(json.loads(raw)),
        status=Status(text(status)),
        decision=Decision.from_dict(json.loads(decision)) if decision else None,
    )
