"""Personal data expires: readers' emails and IPs after ``erase_private_after_days``, decided comments after
``retain_decided_days``; ``forget`` erases one author, ``export`` shows what is held about them.

Expiry walks the comments with a Redis ``SCAN`` whose cursor is kept in Redis, a few seconds at a time
under a short lock, so that any worker host's timer can carry a pass on where another left it; a pass
that ends sets when the next one is due (``retention_interval_s``). Only approved and rejected comments
expire, measured from their last change of status: a flagged comment keeps everything until a
moderator decides it (each pass logs how many have waited that long), and a queued one is not decided.

Erasing a comment's private fields (``author_email``, ``ip``, ``user_agent``) keeps its decision, its
public view and its place in the moderators' indexes, the keyed author hash included. ``forget`` goes
further for one author: it also drops that hash from their comments and indexes, and removes their
keyed-hash state from the spam check (known author, approvals, flood counters, campaign entries).
"""

from __future__ import annotations

import json
import logging
import secrets
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from worker.keys import Keys
from worker.models import JSON, Comment, Status
from worker.ops.metrics import work
from worker.queue_index import LUA_INDEX
from worker.replies import text
from worker.scripts import Call, LuaScript
from worker.settings import Settings
from worker.spam.identity import author_key, normalise_email
from worker.spam.state import Seen, SpamState

logger = logging.getLogger(__name__)

PRIVATE_FIELDS = ("author_email", "ip", "user_agent")
"""The fields of a comment that only the store holds, never published."""
EXPIRING = (Status.APPROVED.value, Status.REJECTED.value)
"""The statuses whose comments expire; flagged ones wait for a moderator, queued ones for a worker."""
DAY_S = 86_400.0
SCAN_COUNT = 500
LOCK_MS = 60_000
STEP_BUDGET_S = 2.0


# KEYS: comment.  ARGV: private JSON read, private JSON without the private fields, now, facet base to drop
# ('' for none), statuses allowed (comma-separated, '' for any), changed before (a time, '' for any).
# Compare-and-set on the JSON read, so that nothing else changed the comment meanwhile. Returns 1 or 0.
_ERASE = LuaScript(
    LUA_INDEX
    + """
if redis.call('HGET', KEYS[1], 'comment') ~= ARGV[1] then return 0 end
if ARGV[5] ~= '' then
  local status = redis.call('HGET', KEYS[1], 'status') or ''
  if not string.find(',' .. ARGV[5] .. ',', ',' .. status .. ',', 1, true) then return 0 end
end
if ARGV[6] ~= '' and tonumber(redis.call('HGET', KEYS[1], 'updated_at') or '0') >= tonumber(ARGV[6]) then return 0 end
redis.call('HSET', KEYS[1], 'comment', ARGV[2], 'erased_at', ARGV[3])
if ARGV[4] ~= '' then
  local kept = {}
  for _, base in ipairs(split_lines(redis.call('HGET', KEYS[1], 'facets'))) do
    if base ~= ARGV[4] then kept[#kept + 1] = base end
  end
  redis.call('HSET', KEYS[1], 'facets', table.concat(kept, '\\n'))
end
return 1
"""
)

# KEYS: comment, counts, history.  ARGV: id, statuses allowed (comma-separated), changed before (a time).
# Removes a decided comment with its history, its place in every queue index and its count. Returns 1 or 0.
_DELETE = LuaScript(
    LUA_INDEX
    + """
local status = redis.call('HGET', KEYS[1], 'status')
if not status or not string.find(',' .. ARGV[2] .. ',', ',' .. status .. ',', 1, true) then return 0 end
if tonumber(redis.call('HGET', KEYS[1], 'updated_at') or '0') >= tonumber(ARGV[3]) then return 0 end
for _, base in ipairs(split_lines(redis.call('HGET', KEYS[1], 'facets'))) do
  redis.call('ZREM', base .. ':' .. status, ARGV[1])
  redis.call('ZREM', base .. ':all', ARGV[1])
end
redis.call('HINCRBY', KEYS[2], status, -1)
redis.call('DEL', KEYS[1], KEYS[3])
return 1
"""
)

# KEYS: campaign band sets.  ARGV: member prefix (an author's identity and '|').  Returns how many were removed.
_DROP_MEMBERS = LuaScript("""
local removed = 0
for _, key in ipairs(KEYS) do
  for _, member in ipairs(redis.call('ZRANGE', key, 0, -1)) do
    if string.sub(member, 1, #ARGV[1]) == ARGV[1] then
      redis.call('ZREM', key, member)
      removed = removed + 1
    end
  end
end
return removed
""")

# KEYS: lock.  ARGV: token.  Releases the lock only when this caller still holds it.
_RELEASE = LuaScript("""
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
""")


def _glob_escape(value: str) -> str:
    return "".join(f"\\{c}" if c in "*?[]\\" else c for c in value)


def _without_private(raw: str) -> tuple[str, bool]:
    """The private JSON with its private fields emptied, and whether any held something."""
    data = json.loads(raw)
    held = any(data.get(name) for name in PRIVATE_FIELDS)
    data.update(author_email="", ip=None, user_agent=None)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")), held


@dataclass
class Pass:
    """What one step of expiry did."""

    scanned: int = 0
    erased: int = 0
    deleted: int = 0
    flagged_waiting: int = 0
    finished: bool = False


class Retention:
    """Expiry of personal data over one store; ``run_if_due`` is what every worker host's timer calls."""

    def __init__(self, client: Any, keys: Keys, settings: Settings, *, step_budget_s: float = STEP_BUDGET_S) -> None:
        self.client = client
        self.keys = keys
        self.settings = settings
        self.step_budget_s = step_budget_s

    @property
    def enabled(self) -> bool:
        """Whether anything expires at all."""
        return bool(self.settings.erase_private_after_days or self.settings.retain_decided_days)

    def run_if_due(self, now: float | None = None) -> Pass | None:
        """Carry the current pass on for a few seconds when one is due and no one else does; else None."""
        if not self.enabled:
            return None
        now = time.time() if now is None else now
        due = self.client.get(self.keys.retention_due)
        if due is not None and float(due) > now:
            return None
        token = secrets.token_hex(8)
        if not self.client.set(self.keys.retention_lock, token, nx=True, px=LOCK_MS):
            return None
        try:
            return self.step(now)
        finally:
            _RELEASE.run(self.client, [self.keys.retention_lock], [token])

    def step(self, now: float) -> Pass:
        """Scan on from the kept cursor until the pass ends or the step's budget is spent."""
        found = Pass()
        cursor = int(self.client.get(self.keys.retention_cursor) or 0)
        deadline = time.monotonic() + self.step_budget_s
        pattern = _glob_escape(self.keys.comment("")) + "*"
        while True:
            cursor, batch = self.client.scan(cursor, match=pattern, count=SCAN_COUNT)
            self._expire([text(k) for k in batch], now, found)
            if int(cursor) == 0:
                found.finished = True
                pipe = self.client.pipeline(transaction=True)
                pipe.delete(self.keys.retention_cursor)
                pipe.set(self.keys.retention_due, repr(now + self.settings.retention_interval_s))
                pipe.execute()
                break
            if time.monotonic() > deadline:
                self.client.set(self.keys.retention_cursor, int(cursor))
                break
        self._report(found)
        return found

    def _expire(self, comment_keys: Sequence[str], now: float, found: Pass) -> None:
        if not comment_keys:
            return
        settings = self.settings
        erase_before = now - settings.erase_private_after_days * DAY_S if settings.erase_private_after_days else None
        delete_before = now - settings.retain_decided_days * DAY_S if settings.retain_decided_days else None
        pipe = self.client.pipeline(transaction=False)
        for key in comment_keys:
            pipe.hmget(key, "status", "updated_at", "comment", "erased_at")
        prefix = len(self.keys.comment(""))
        erase: list[Call] = []
        delete: list[Call] = []
        allowed = ",".join(EXPIRING)
        for key, (status, updated, raw, erased) in zip(comment_keys, pipe.execute(), strict=True):
            found.scanned += 1
            if status is None or raw is None:
                continue
            status_text, changed_at = text(status), float(updated or 0)
            if status_text == Status.FLAGGED.value:
                if erase_before is not None and changed_at < erase_before:
                    found.flagged_waiting += 1
                continue
            if status_text not in EXPIRING:
                continue
            if delete_before is not None and changed_at < delete_before:
                comment_id = key[prefix:]
                keys = [key, self.keys.counts, self.keys.history(comment_id)]
                delete.append((keys, [comment_id, allowed, repr(delete_before)]))
            elif erase_before is not None and erased is None and changed_at < erase_before:
                old = text(raw)
                new, held = _without_private(old)
                if held:
                    erase.append(([key], [old, new, repr(now), "", allowed, repr(erase_before)]))
        if erase:
            found.erased += sum(int(r) for r in _ERASE.run_many(self.client, erase))
        if delete:
            found.deleted += sum(int(r) for r in _DELETE.run_many(self.client, delete))

    def _report(self, found: Pass) -> None:
        metrics = work()
        if found.erased:
            metrics.expired.labels("private").inc(found.erased)
        if found.deleted:
            metrics.expired.labels("comment").inc(found.deleted)
        if found.erased or found.deleted:
            logger.info(
                "retention erased the email and IP of %d decided comments and removed %d",
                found.erased,
                found.deleted,
                extra={"erased": found.erased, "deleted": found.deleted, "scanned": found.scanned},
            )
        if found.flagged_waiting:
            logger.warning(
                "%d flagged comments have waited over erase_private_after_days for a moderator; they keep "
                "their email and IP until decided",
                found.flagged_waiting,
                extra={"flagged_waiting": found.flagged_waiting},
            )


@dataclass
class AuthorRecord:
    """What the store holds about one author, found by their email."""

    author_hash: str
    comments: list[tuple[str, Comment, dict[str, Any]]] = field(default_factory=list)
    """(id, the comment, its stored fields other than the comment itself), in id order."""


class Authors:
    """Find, show and forget everything the store holds about the author of one email address."""

    def __init__(self, client: Any, keys: Keys, state: SpamState) -> None:
        self.client = client
        self.keys = keys
        self.state = state

    def author_base(self, author_hash: str) -> str:
        """The queue index base of an author (see :mod:`worker.queue_index`)."""
        return self.keys.index_base(f"author={author_hash}")

    def find(self, email: str) -> AuthorRecord:
        """Every comment of the author of ``email``: by their queue index, and by a scan of every comment."""
        wanted = normalise_email(email)
        author_hash = author_key(wanted, self.state.secret())
        base = self.author_base(author_hash)
        ids = {text(i) for i in self.client.zrange(f"{base}:all", 0, -1)}
        ids.update(self._scan(wanted, base))
        record = AuthorRecord(author_hash)
        pipe = self.client.pipeline(transaction=False)
        ordered = sorted(ids)
        for comment_id in ordered:
            pipe.hgetall(self.keys.comment(comment_id))
        for comment_id, fields in zip(ordered, pipe.execute(), strict=True):
            stored = {text(k): text(v) for k, v in fields.items()}
            raw = stored.pop("comment", None)
            if raw is not None:
                record.comments.append((comment_id, Comment.from_private_dict(json.loads(raw)), stored))
        return record

    def _scan(self, wanted: str, base: str) -> Iterator[str]:
        prefix = self.keys.comment("")
        keys = [text(k) for k in self.client.scan_iter(match=_glob_escape(prefix) + "*", count=1000)]
        for start in range(0, len(keys), SCAN_COUNT):
            chunk = keys[start : start + SCAN_COUNT]
            pipe = self.client.pipeline(transaction=False)
            for key in chunk:
                pipe.hmget(key, "comment", "facets")
            for key, (raw, facets) in zip(chunk, pipe.execute(), strict=True):
                if raw is None:
                    continue
                email = json.loads(raw).get("author_email") or ""
                if normalise_email(email) == wanted or base in text(facets or "").split("\n"):
                    yield key[len(prefix) :]

    def export(self, email: str) -> dict[str, JSON]:
        """What is held about the author of ``email`` (right of access): their comments and the spam check's state."""
        record = self.find(email)
        h = record.author_hash
        pipe = self.client.pipeline(transaction=False)
        pipe.sismember(self.keys.spam_known_authors, h)
        pipe.hget(self.keys.spam_author_approvals, h)
        pipe.zcard(self.keys.spam_flood("author", h[:32]))
        known, approvals, flood = pipe.execute()
        comments: list[JSON] = []
        for comment_id, comment, stored in record.comments:
            history = [json.loads(text(item)) for item in self.client.lrange(self.keys.history(comment_id), 0, -1)]
            entry: dict[str, JSON] = {
                **comment.to_private_dict(),
                "status": stored.get("status"),
                "decision": json.loads(stored["decision"]) if stored.get("decision") else None,
                "erased_at": float(stored["erased_at"]) if stored.get("erased_at") else None,
                "history": history,
            }
            comments.append(entry)
        return {
            "comments": comments,
            "spam_state": {
                "known_author": bool(known),
                "worker_approvals": int(approvals or 0),
                "recent_comments_counted_for_floods": int(flood),
                "campaign_entries": self._campaign_entries(h, remove=False),
            },
        }

    def forget(self, email: str, now: float | None = None) -> dict[str, int]:
        """Erase the author of ``email``: their comments' private fields and keyed hash, and their spam state."""
        now = time.time() if now is None else now
        record = self.find(email)
        h = record.author_hash
        base = self.author_base(h)
        erase: list[Call] = []
        ip_floods: dict[str, list[str]] = {}
        pipe = self.client.pipeline(transaction=False)
        for comment_id, _, _ in record.comments:
            pipe.hget(self.keys.comment(comment_id), "comment")
        for (comment_id, comment, _), raw in zip(record.comments, pipe.execute(), strict=True):
            if raw is None:
                continue
            seen = self.state.seen(comment, now)
            if seen.ip:
                ip_floods.setdefault(self.keys.spam_flood("ip", seen.ip[:32]), []).append(comment_id)
            new, _ = _without_private(text(raw))
            erase.append(([self.keys.comment(comment_id)], [text(raw), new, repr(now), base, "", ""]))
        erased = sum(int(r) for r in _ERASE.run_many(self.client, erase)) if erase else 0
        indexes = [text(k) for k in self.client.scan_iter(match=_glob_escape(base) + ":*", count=1000)]
        pipe = self.client.pipeline(transaction=True)
        if indexes:
            pipe.delete(*indexes)
        pipe.srem(self.keys.spam_known_authors, h)
        pipe.hdel(self.keys.spam_author_approvals, h)
        pipe.delete(self.keys.spam_flood("author", h[:32]))
        for key, ids in ip_floods.items():
            pipe.zrem(key, *ids)
        pipe.execute()
        campaign = self._campaign_entries(h, remove=True)
        found = {"comments": len(record.comments), "erased": erased, "indexes": len(indexes)}
        found["campaign_entries"] = campaign
        logger.info(
            "forgot one author: the private fields of %d comments, %d index keys, %d campaign entries",
            erased,
            len(indexes),
            campaign,
            extra=found,
        )
        return found

    def _campaign_entries(self, author_hash: str, *, remove: bool) -> int:
        """Count (or remove) the author's entries in the spam check's campaign bands."""
        member = f"{Seen('', 0.0, author_hash, None, None).identity}|"
        pattern = _glob_escape(self.keys.spam_band(0, "")[: -len("0:")]) + "*"
        keys = [text(k) for k in self.client.scan_iter(match=pattern, count=1000)]
        total = 0
        for start in range(0, len(keys), 200):
            chunk = keys[start : start + 200]
            if remove:
                total += int(_DROP_MEMBERS.run(self.client, chunk, [member]))
            else:
                for key in chunk:
                    total += sum(1 for _ in self.client.zscan_iter(key, match=_glob_escape(member) + "*"))
        return total


def timer(client: Any, keys: Keys, settings: Settings) -> Any:
    """Start the timer that carries expiry on from this worker host; None when nothing expires."""
    from worker.sweeper import SweepTimer

    retention = Retention(client, keys, settings)
    if not retention.enabled:
        return None
    return SweepTimer(retention.run_if_due, min(10.0, settings.retention_interval_s)).start()
