"""The Lua scripts of the spam state: one call per batch for its facts; what was decided is learnt by :data:`LEARN`,
a part of the store's record script (one round trip for both), or alone by :data:`DECIDED`.

Each call does in Redis what used to take some fifty commands per comment (flood counts, the known-author
look-up, the band reads and their tallies), so the client builds one command per batch and parses a short
string back. Copies among the batch itself stay the client's to find: in a batch of copies of one text
that takes time growing with the square of its size, which here would hold every other client of Redis.

A comment is a few fields (see the scripts); the keys of its flood and band sets are built here from the
bases the client sends once per batch (:class:`worker.keys.Keys` stays their one definition), so they
are not declared: Redis Cluster is not supported anyway (see the README). Calls go by SHA
(:class:`worker.scripts.LuaScript`).

Numbers that are times arrive as the client formatted them: Lua would round them to 14 digits.
The keys and members are those of the earlier per-comment scripts: workers of both versions share them.
"""

from __future__ import annotations

from worker.scripts import LUA_FIELDS, LUA_PARTS, LuaScript

FACT_FIELDS = 7
"""Fields per comment of :data:`FACTS`, packed into one argument (:func:`worker.scripts.pack`)."""

DECIDED_FIELDS = 4
"""Fields per comment of :data:`DECIDED`, packed into one argument (:func:`worker.scripts.pack`)."""

FACTS = LuaScript(
    LUA_FIELDS
    + """
-- KEYS: model version, model, known authors.
-- ARGV: 1 read the model ('1' or '0'), 2 the model version held, 3 and 4 the bases of the flood keys by IP
--   and by author, 5 flood trim bound ('(t'), 6 flood TTL, 7 rejected window start, 8 members read per
--   band, 9 bands shared for a copy, 10 bands shared for a rejected copy, 11 bands per signature (nb),
--   12 characters per band value, then nb band key bases and nb rejected band key bases;
--   then per comment one argument packed by pack() (worker.scripts): id, submitted at, flood window start,
--   campaign window start, author hash ('' for none), IP hash tag ('' for none), band values one after the
--   other ('' for no signature).
-- Returns {model, answers, copies}: model is {} (no model), {version} (unchanged) or {version, {field, value,
--   ...}}; answers holds 'known flood rejected' per comment, space-separated; copies holds the position in
--   the batch (from 0) and the identity of each author of an earlier copy found in Redis.
local model = {}
if ARGV[1] == '1' then
  local version = redis.call('GET', KEYS[1])
  if version then
    if version == ARGV[2] then model = {version} else model = {version, redis.call('HGETALL', KEYS[2])} end
  end
end
local flood_ip, flood_author, trim, ttl = ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local rejected_since, limit = ARGV[7], ARGV[8]
local need, need_rejected = tonumber(ARGV[9]), tonumber(ARGV[10])
local nb, width = tonumber(ARGV[11]), tonumber(ARGV[12])
local first = 13 + 2 * nb
-- Flood: every comment of the batch is in its flood sets before any is counted, so the order does not
-- matter; each set is trimmed and given its TTL once.
local batch, flood_keys, written = {}, {}, {}
for a = first, #ARGV do
  local f = {unpacked(ARGV[a], $FACT_FIELDS)}
  batch[#batch + 1] = f
  local keys = {}
  if f[6] ~= '' then keys[#keys + 1] = flood_ip .. f[6] end
  if f[5] ~= '' then keys[#keys + 1] = flood_author .. string.sub(f[5], 1, 32) end
  flood_keys[#batch] = keys
  for _, key in ipairs(keys) do
    redis.call('ZADD', key, f[2], f[1])
    written[key] = true
  end
end
for key in pairs(written) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', trim)
  redis.call('EXPIRE', key, ttl)
end
-- Reads keys[first..last], of which count exist: all of them when all exist, else each half as it has any.
-- A key that does not exist reads as nothing and is not trimmed, and reading creates or empties none
-- (a set is trimmed only below a member it keeps), so skipping the missing keys changes nothing.
local function read_existing(keys, first, last, count, since, tally, trim_older)
  if count == 0 then return end
  if count == last - first + 1 or count > 2 then
    for b = first, last do
      local members = redis.call('ZREVRANGEBYSCORE', keys[b], '+inf', since, 'LIMIT', 0, limit)
      -- A set with a member in the window is one a text is being written to again: trim its older ones.
      if trim_older and #members > 0 then redis.call('ZREMRANGEBYSCORE', keys[b], '-inf', '(' .. since) end
      for _, m in ipairs(members) do tally[m] = (tally[m] or 0) + 1 end
    end
    return
  end
  local middle = math.floor((first + last) / 2)
  local left = redis.call('EXISTS', unpack(keys, first, middle))
  read_existing(keys, first, middle, left, since, tally, trim_older)
  read_existing(keys, middle + 1, last, count - left, since, tally, trim_older)
end
-- Most texts are new: one EXISTS over a comment's band keys usually spares reading each of them, and
-- most of the others share a band or two with earlier texts: those few keys are found by halves.
local function read(keys, since, tally, trim_older)
  read_existing(keys, 1, #keys, redis.call('EXISTS', unpack(keys)), since, tally, trim_older)
end
local answers, copies = {}, {}
for i, f in ipairs(batch) do
  local known = 0
  if f[5] ~= '' then known = redis.call('SISMEMBER', KEYS[3], f[5]) end
  local flood = 0
  for _, key in ipairs(flood_keys[i]) do
    local count = redis.call('ZCOUNT', key, f[3], f[2]) - 1
    if count > flood then flood = count end
  end
  local bands, rejected = f[7], 0
  if bands ~= '' then
    local keys, rejected_keys = {}, {}
    for b = 1, nb do
      local value = string.sub(bands, (b - 1) * width + 1, b * width)
      keys[b] = ARGV[12 + b] .. value
      rejected_keys[b] = ARGV[12 + nb + b] .. value
    end
    -- The band sets are trimmed here, where they are read, rather than at every write (see DECIDED).
    local tally, rejected_tally, seen = {}, {}, {}
    read(keys, f[4], tally, true)
    read(rejected_keys, rejected_since, rejected_tally, false)
    for m, n in pairs(tally) do
      local who = string.match(m, '^[^|]*')
      if n >= need and not seen[who] then
        seen[who] = true
        copies[#copies + 1] = i - 1
        copies[#copies + 1] = who
      end
    end
    for _, n in pairs(rejected_tally) do
      if n >= need_rejected then
        rejected = 1
        break
      end
    end
  end
  answers[#answers + 1] = known .. ' ' .. flood .. ' ' .. rejected
end
return {model, table.concat(answers, ' '), copies}
""".replace("$FACT_FIELDS", str(FACT_FIELDS))
)
"""Reads the facts of a batch of comments (and the shared model when it changed)."""

LEARN = """
function(head)
  -- head: 1 known authors (key), 2 approvals per author (key), 3 band set TTL, 4 approvals that make an author
  --   known (0: never by workers alone), 5 characters per band value, then one band key base per band.
  -- Returns the function that learns from one decided comment, given its argument packed by pack() (worker.scripts):
  --   hash of an author the workers approved ('' for none), band member, submitted at, band values ('' for none);
  --   '' for nothing to learn.
  local known_authors, approvals_key, ttl, need, width = head[1], head[2], head[3], head[4], tonumber(head[5])
  local nb = #head - 5
  -- No trim here: the facts of this same comment read every band key of it, and trimmed those with a
  -- member in the window. Members of a key read empty are all older than the window: the next read that
  -- finds this comment's member trims them. Keys nobody writes again expire with the window.
  local expiring = {}
  return function(packed)
    if packed == '' then return end
    local known, member, at, bands = unpacked(packed, $DECIDED_FIELDS)
    if known ~= '' and need ~= '0' then
      local approvals = redis.call('HINCRBY', approvals_key, known, 1)
      if approvals >= tonumber(need) then redis.call('SADD', known_authors, known) end
    end
    if bands ~= '' then
      for b = 1, nb do
        local key = head[5 + b] .. string.sub(bands, (b - 1) * width + 1, b * width)
        redis.call('ZADD', key, at, member)
        -- A second EXPIRE of the key in this call would only move its end by the time the script took.
        if not expiring[key] then
          expiring[key] = true
          redis.call('EXPIRE', key, ttl)
        end
      end
    end
  end
end
""".replace("$DECIDED_FIELDS", str(DECIDED_FIELDS))
"""What a decided comment teaches the state: a :class:`~worker.scripts.LuaPart`, run by :data:`DECIDED` or inside
the store's record script (:mod:`worker.store`); its keys are named by its head, as the band keys are (see above)."""

DECIDED = LuaScript(
    LUA_FIELDS
    + LUA_PARTS
    + "local learn_from = part_functions({"
    + LEARN
    + """}, 1)[1]
-- ARGV: the head of LEARN (its count first, see part_functions), then one argument per comment, as LEARN takes it.
for a = tonumber(ARGV[1]) + 2, #ARGV do learn_from(ARGV[a]) end
return 0
"""
)
"""Records a decided batch: the signatures in the band sets; an approval counts towards its author being known."""
