"""The moderators' queue indexes: which sorted sets a comment belongs to, kept by the store's status scripts.

Every comment is in sorted sets scored by its submission time, one per *facet* and tab: the facet is
empty (every comment), ``post=<id>``, ``check=<name>`` and ``reason=<check>/<code>`` (from the worker's
reasons), ``author=<keyed hash>`` (never the email) and ``campaign=<group>`` (near-duplicate texts);
the tab is its status (``flagged``, ``approved``, ``rejected``; a queued comment is in none) or ``all``.
The comment's hash keeps the bases of its facets (field ``facets``), so that each status script moves it
from one tab to the other in every facet at once. Reading a tab, a count or a filter is then one
``ZRANGE``/``ZCARD`` (an intersection when filters combine), whatever the size of the queue.

Near-duplicate groups: a text's LSH band values (:mod:`worker.spam.signature`) each point, for
``window_s``, to the group that a text with that value joined; a text sharing ``min_bands`` bands with a
group joins it, else it founds its own (named by its id). A group's facet exists from its second member on.

Comments stored before these indexes existed are indexed by :func:`migrate` (``moderation reindex``, and
:class:`worker.queue.ModerationQueue` runs it once when the version marker is missing).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from worker.keys import Keys
from worker.models import DECIDED_BY_WORKER, Comment, Decision
from worker.policy import Policy
from worker.replies import text
from worker.scripts import LuaScript
from worker.spam.identity import author_key
from worker.spam.secret import stored_secret
from worker.spam.signature import min_bands, signature
from worker.spam.state_policy import StatePolicy

INDEX_VERSION = "1"
"""Bumped when the indexes change shape; :func:`migrate` brings stored comments up to it."""

LUA_INDEX = """
local function split_lines(s)
  local t = {}
  for item in string.gmatch(s or '', '[^\\n]+') do t[#t + 1] = item end
  return t
end
-- Facet bases ``known`` (a comment's, newline-separated, or false) then ``extra``, each once, in order;
-- also how many of them come first from ``known``.
local function merged(known, extra)
  local seen, list, had = {}, {}, 0
  for n, source in ipairs({known or '', extra}) do
    for _, f in ipairs(split_lines(source)) do
      if not seen[f] then seen[f] = true; list[#list + 1] = f end
    end
    if n == 1 then had = #list end
  end
  return list, had
end
-- The comment's facet bases: those it has, plus ``extra`` (newline-separated); stored back.
local function merge_facets(ckey, extra)
  local list = merged(redis.call('HGET', ckey, 'facets'), extra)
  redis.call('HSET', ckey, 'facets', table.concat(list, '\\n'))
  return list
end
-- Move id from tab ``from`` to tab ``to`` in every facet (a queued comment is in no status tab).
local function move(list, id, from, to, score)
  for _, base in ipairs(list) do
    if from ~= to and from ~= 'queued' then redis.call('ZREM', base .. ':' .. from, id) end
    if to ~= 'queued' then redis.call('ZADD', base .. ':' .. to, score, id) end
    redis.call('ZADD', base .. ':all', score, id)
  end
end
"""

# KEYS: comment, index version.  ARGV: id, facet bases (newline-separated), version.
# Indexes one stored comment that has no facets yet (a transition since the upgrade already did it).
_MIGRATE = LuaScript(
    LUA_INDEX
    + """
local status, score, facets = unpack(redis.call('HMGET', KEYS[1], 'status', 'submitted_at', 'facets'))
if not status or facets then return 0 end
move(merge_facets(KEYS[1], ARGV[2]), ARGV[1], 'queued', status, score)
return 1
"""
)


@dataclass(frozen=True, slots=True)
class Grouping:
    """How near-duplicate texts are grouped: the spam policy's minimum words, window and likeness."""

    min_words: int = StatePolicy().duplicate_min_words
    window_s: float = StatePolicy().campaign_window_s
    min_bands: int = min_bands(StatePolicy().duplicate_similarity)

    @classmethod
    def from_policy(cls, policy: Policy) -> Grouping:
        """Read the ``[spam]`` section's ``duplicate_min_words``, ``campaign_window_s``, ``duplicate_similarity``."""
        state = StatePolicy.from_section(policy.section("spam"))
        return cls(state.duplicate_min_words, state.campaign_window_s, min_bands(state.duplicate_similarity))

    def bands(self, comment: Comment) -> tuple[str, ...]:
        """Return the LSH band values of the comment's text (none for a short text)."""
        sig = signature(comment.content, self.min_words)
        return sig.bands if sig is not None else ()


def facets(comment: Comment, decision: Decision | None, author_hash: str | None) -> list[str]:
    """Return the facet names of a comment: everything, its post, its author, and the worker's checks and reasons."""
    names = ["", f"post={comment.post_id}"]
    if author_hash:
        names.append(f"author={author_hash}")
    if decision is not None and decision.decided_by == DECIDED_BY_WORKER:
        for reason in decision.reasons:
            names += [f"check={reason.check}", f"reason={reason.check}/{reason.code}"]
    return list(dict.fromkeys(names))


def facet_bases(keys: Keys, names: list[str]) -> str:
    """Return the index bases of ``names``, newline-separated, as the scripts take them."""
    return "\n".join(keys.index_base(name) for name in names)


class AuthorHashes:
    """The keyed author hash of a comment: the settings' secret, else the one kept in Redis (made once)."""

    def __init__(self, client: Any, keys: Keys, configured: str = "") -> None:
        self.client = client
        self.keys = keys
        self._secret = configured.encode("utf-8") if configured else b""

    def secret(self) -> bytes:
        """Return the secret, reading (or creating) the one kept in Redis when the settings give none."""
        if not self._secret:
            self._secret = stored_secret(self.client, self.keys)
        return self._secret

    def of(self, comment: Comment) -> str | None:
        """Return the keyed hash of the comment's email, or None when it has none."""
        email = comment.author_email.strip()
        return author_key(email, self.secret()) if email else None


def _comment_ids(client: Any, keys: Keys) -> Iterator[str]:
    prefix = keys.comment("")
    for key in client.scan_iter(match=f"{prefix}*", count=1000):
        yield text(key)[len(prefix) :]


def migrate(client: Any, keys: Keys, authors: AuthorHashes) -> int:
    """Index every stored comment that is not in the queue indexes yet; return how many; mark the version."""
    done = 0
    batch: list[str] = []

    def flush() -> int:
        pipe = client.pipeline(transaction=False)
        for comment_id in batch:
            pipe.hmget(keys.comment(comment_id), "comment", "decision", "facets")
        calls = []
        for comment_id, (raw, decision, has) in zip(batch, pipe.execute(), strict=True):
            if raw is None or has is not None:
                continue
            comment = Comment.from_private_dict(json.loads(raw))
            decided = Decision.from_dict(json.loads(decision)) if decision else None
            names = facets(comment, decided, authors.of(comment))
            calls.append(([keys.comment(comment_id), keys.index_version], [comment_id, facet_bases(keys, names)]))
        batch.clear()
        return sum(int(r) for r in _MIGRATE.run_many(client, calls)) if calls else 0

    for comment_id in _comment_ids(client, keys):
        batch.append(comment_id)
        if len(batch) >= 500:
            done += flush()
    if batch:
        done += flush()
    client.set(keys.index_version, INDEX_VERSION)
    return done
