"""The abuse model that every worker shares through Redis: the shipped weights plus the moderators' lessons.

Redis holds only the lessons: a hash of summed weight changes (``abuse_model``), a hash of each lesson by
comment id (``abuse_lessons``, so that one can be forgotten) and a version counter bumped by every change.
Each change is one atomic script. Before a batch, a worker that has not asked for ``refresh_s`` (policy,
1 s) sends the version it holds (one script call, one round trip); the whole hash comes back only when
the version changed, so a worker keeps a per-process snapshot, pays for a reload only after something
was learnt or forgotten, and costs the pipeline no round trip on most batches when comments come one by
one. A lesson reaches every worker within ``refresh_s``.

- A moderator's rejection with the reason ``abusive`` teaches the comment is abusive; approving a
  comment that a worker had held teaches it is not (:mod:`worker.abuse.lessons`). One lesson per comment
  id: a verdict that replaces a moderator's earlier one (an undo) first takes that one's lesson back.
- ``moderation train-abuse --forget ID`` takes one lesson back; ``--reset`` drops them all, back to the
  shipped weights.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from typing import Any

import redis

from worker.abuse import facts as fact
from worker.abuse.lessons import lesson
from worker.abuse.model import AbuseModel, shipped_model
from worker.checks.abuse import AbuseCheck, build
from worker.keys import Keys
from worker.models import DECIDED_BY_WORKER, Comment, Decision, Status
from worker.policy import Policy
from worker.replies import text
from worker.scripts import LuaScript
from worker.settings import Settings

logger = logging.getLogger(__name__)

ABUSIVE = "abusive"
"""The code of a moderator's rejection for abuse (:data:`worker.verdicts.REJECT_REASONS`)."""

# KEYS: version, model.  ARGV: the version the caller holds.  Returns {version} or {version, fields}.
_READ = LuaScript("""
local version = redis.call('GET', KEYS[1]) or '0'
if version == ARGV[1] then return {version} end
return {version, redis.call('HGETALL', KEYS[2])}
""")

# KEYS: version, model, lessons.  ARGV: lesson id, lesson JSON, field, delta, ...
# Returns the new version, or 0 when that id was already taught.
_LEARN = LuaScript("""
if redis.call('HSETNX', KEYS[3], ARGV[1], ARGV[2]) == 0 then return 0 end
for i = 3, #ARGV, 2 do redis.call('HINCRBYFLOAT', KEYS[2], ARGV[i], ARGV[i + 1]) end
return redis.call('INCR', KEYS[1])
""")

# KEYS: version, model, lessons.  ARGV: lesson id.  Returns the new version, or 0 when no such lesson.
_FORGET = LuaScript("""
local stored = redis.call('HGET', KEYS[3], ARGV[1])
if not stored then return 0 end
for name, delta in pairs(cjson.decode(stored)) do
  local left = tonumber(redis.call('HINCRBYFLOAT', KEYS[2], name, -delta))
  if math.abs(left) < 1e-9 then redis.call('HDEL', KEYS[2], name) end
end
redis.call('HDEL', KEYS[3], ARGV[1])
return redis.call('INCR', KEYS[1])
""")

# KEYS: version, model, lessons.  Returns how many lessons were dropped.
_RESET = LuaScript("""
local dropped = redis.call('HLEN', KEYS[3])
redis.call('DEL', KEYS[2], KEYS[3])
redis.call('INCR', KEYS[1])
return dropped
""")


def moderator_label(decision: Decision, previous: Decision | None) -> bool | None:
    """Return what a moderator's decision teaches: abusive (True), not abusive (False) or nothing (None)."""
    if decision.decided_by == DECIDED_BY_WORKER:
        return None
    if any(r.check == "moderator" and r.code == ABUSIVE for r in decision.reasons):
        return True
    held = previous is not None and previous.status is Status.FLAGGED
    return False if decision.status is Status.APPROVED and held else None


class AbuseState:
    """The abuse check's fact source: the shared model, refreshed in one round trip per batch."""

    def __init__(self, client: redis.Redis, keys: Keys, check: AbuseCheck) -> None:
        self.client: Any = client
        self.keys = keys
        self.check = check
        self.version = "0"
        self.model: AbuseModel = shipped_model()
        self._asked_at: float | None = None

    @classmethod
    def build(cls, policy: Policy, client: redis.Redis, keys: Keys, settings: Settings) -> AbuseState:
        """Build the state from the policy's ``[abuse]`` section."""
        return cls(client, keys, build(policy.section("abuse")))

    @property
    def _keys(self) -> list[str]:
        return [self.keys.abuse_model_version, self.keys.abuse_model, self.keys.abuse_lessons]

    def refresh(self) -> AbuseModel:
        """Return the shared model, reloading the lessons only when their version changed."""
        reply = _READ.run(self.client, self._keys[:2], [self.version])
        self._asked_at = time.monotonic()
        version = text(reply[0])
        if len(reply) > 1:
            flat = list(reply[1])
            try:
                deltas = {text(flat[i]): float(text(flat[i + 1])) for i in range(0, len(flat), 2)}
            except ValueError as exc:
                logger.error("the shared abuse lessons cannot be used (%s); keeping the previous model", exc)
            else:
                lessons = int(self.client.hlen(self.keys.abuse_lessons)) if deltas else 0
                self.model = shipped_model().with_lessons(deltas, lessons)
                logger.info("reloaded the shared abuse model at version %s (%d weights taught)", version, len(deltas))
        self.version = version
        return self.model

    def facts(self, comments: Sequence[Comment], now: float) -> list[dict[str, Any]]:
        """Return the shared model as every comment's fact (one round trip; none when lessons are off)."""
        if not comments or not self.check.learned:
            return [{} for _ in comments]
        fresh = self._asked_at is not None and time.monotonic() - self._asked_at < self.check.refresh_s
        model = self.model if fresh else self.refresh()
        return [{fact.MODEL: model} for _ in comments]

    def decided(self, decided: Sequence[tuple[Comment, Decision]], now: float) -> None:
        """Nothing to record: the abuse model learns from moderators only."""

    def reviewed(self, comment: Comment, decision: Decision, previous: Decision | None) -> None:
        """Teach the shared model what a moderator's decision says of the comment (one lesson per comment)."""
        label = moderator_label(decision, previous)
        if previous is not None and previous.decided_by != DECIDED_BY_WORKER:
            self.forget(comment.id)  # an undo, or a change of mind: the earlier verdict's lesson goes first
        if label is None:
            return
        self.teach(comment.id, comment.content, abusive=label, language=comment.language)

    def teach(self, lesson_id: str, content: str, *, abusive: bool, language: str | None = None) -> bool:
        """Teach the shared model one text; return False when it taught nothing (already taught, or already so)."""
        target = min(self.check.reject_at, 0.999) if abusive else self.check.flag_at / 2
        offset = self.check.english_added(content, language)
        deltas = lesson(self.refresh(), content, abusive, target, language, offset=offset)
        if not deltas:
            return False
        body = json.dumps(deltas, separators=(",", ":"))
        args: list[str] = [lesson_id, body]
        for name, delta in deltas.items():
            args += [name, repr(delta)]
        return bool(int(_LEARN.run(self.client, self._keys, args)))

    def forget(self, lesson_id: str) -> bool:
        """Take back the lesson of one comment; return False when there is none."""
        return bool(int(_FORGET.run(self.client, self._keys, [lesson_id])))

    def reset(self) -> int:
        """Drop every lesson (back to the shipped weights); return how many there were."""
        return int(_RESET.run(self.client, self._keys, []))

    def lesson_ids(self) -> list[str]:
        """Return the ids of the comments the shared model was taught."""
        return sorted(text(k) for k in self.client.hkeys(self.keys.abuse_lessons))
