"""The Lua scripts of the spam state: one call per comment for its facts, one per comment for what was decided.

Each call does in Redis what used to take some fifty pipelined commands per comment (flood counts,
the known-author look-up, the band reads and their tallies), so the client builds and parses one
command per comment. Calls go by SHA (:class:`worker.scripts.LuaScript`), all of a batch in one pipeline.
Numbers that are times arrive as the client formatted them: Lua would round them to 14 digits.
"""

from __future__ import annotations

from worker.scripts import LuaScript

FACTS = LuaScript(
    """
-- KEYS: model version, model, known authors, then ARGV[4] flood keys, then ARGV[10] band keys and as many
--   rejected band keys.
-- ARGV: 1 read the model ('1' or '0'), 2 the model version held, 3 the author hash ('' for none),
--   4 flood key count, 5 comment id, 6 submitted at, 7 flood window start, 8 trim bound ('(t'), 9 flood TTL,
--   10 band count, 11 campaign window start, 12 rejected window start, 13 members read per band,
--   14 bands shared for a copy, 15 bands shared for a rejected copy,
--   then per flood key: how many other comments of the batch to add first, and their id, time pairs.
-- Returns {model, known, flood, identities of copies, rejected copy}, model being {} (no model),
--   {version} (unchanged) or {version, {field, value, ...}}.
local model = {}
if ARGV[1] == '1' then
  local version = redis.call('GET', KEYS[1])
  if version then
    if version == ARGV[2] then model = {version} else model = {version, redis.call('HGETALL', KEYS[2])} end
  end
end
local known = 0
if ARGV[3] ~= '' then known = redis.call('SISMEMBER', KEYS[3], ARGV[3]) end
local nf, at = tonumber(ARGV[4]), 16
local flood = 0
for i = 1, nf do
  local key = KEYS[3 + i]
  for _ = 1, tonumber(ARGV[at]) do
    redis.call('ZADD', key, ARGV[at + 2], ARGV[at + 1])
    at = at + 2
  end
  at = at + 1
  redis.call('ZADD', key, ARGV[6], ARGV[5])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', ARGV[8])
  redis.call('EXPIRE', key, ARGV[9])
  local count = redis.call('ZCOUNT', key, ARGV[7], ARGV[6]) - 1
  if count > flood then flood = count end
end
local nb, others, rejected = tonumber(ARGV[10]), {}, 0
-- Most texts are new: one EXISTS over a comment's band keys usually spares reading each of them.
local function read(first, since, tally, trim)
  if redis.call('EXISTS', unpack(KEYS, first + 1, first + nb)) == 0 then return end
  for b = first + 1, first + nb do
    local members = redis.call('ZREVRANGEBYSCORE', KEYS[b], '+inf', since, 'LIMIT', 0, ARGV[13])
    -- A set with a member in the window is one a text is being written to again: trim its older ones.
    if trim and #members > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[b], '-inf', '(' .. since) end
    for _, m in ipairs(members) do tally[m] = (tally[m] or 0) + 1 end
  end
end
if nb > 0 then
  local first, tally, rejected_tally = 3 + nf, {}, {}
  -- The band sets are trimmed here, where they are read, rather than at every write (see DECIDED).
  read(first, ARGV[11], tally, true)
  read(first + nb, ARGV[12], rejected_tally, false)
  local need, need_rejected, seen = tonumber(ARGV[14]), tonumber(ARGV[15]), {}
  for m, n in pairs(tally) do
    local who = string.match(m, '^[^|]*')
    if n >= need and not seen[who] then
      seen[who] = true
      others[#others + 1] = who
    end
  end
  for _, n in pairs(rejected_tally) do
    if n >= need_rejected then
      rejected = 1
      break
    end
  end
end
return {model, known, flood, others, rejected}
"""
)
"""Reads one comment's facts (and, in the first call of a batch, the shared model when it changed)."""

DECIDED = LuaScript(
    """
-- KEYS: known authors, approvals per author, then the comment's band keys.
-- ARGV: 1 hash of an author the workers approved ('' for none), 2 band member, 3 submitted at,
--   4 TTL, 5 approvals that make an author known (0: never by workers alone).
if ARGV[1] ~= '' and ARGV[5] ~= '0' then
  local approvals = redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
  if approvals >= tonumber(ARGV[5]) then redis.call('SADD', KEYS[1], ARGV[1]) end
end
-- No trim here: the facts of this same comment read every band key of it, and trimmed those with a
-- member in the window. Members of a key read empty are all older than the window: the next read that
-- finds this comment's member trims them. Keys nobody writes again expire with the window.
for i = 3, #KEYS do
  redis.call('ZADD', KEYS[i], ARGV[3], ARGV[2])
  redis.call('EXPIRE', KEYS[i], ARGV[4])
end
return #KEYS - 2
"""
)
"""Records one decided comment: its signature in the band sets; an approval counts towards its author being known."""
