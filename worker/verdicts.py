"""Moderators' verdicts: approve, reject (with a reason from a fixed list, or a note) or spam, on one comment
or many, a whole near-duplicate campaign, and the undo of a moderator's last verdict.

Each comment's change is the store's one status script (:meth:`worker.store.CommentStore.review_many`),
which refuses to overwrite another moderator's decision and records the history; a bulk verdict is one
pipelined round trip per :data:`CHUNK` ids. Every verdict gets a random id: the moderator's last one is
kept for ``undo_window_s``, and undoing it returns each of its comments to the status it replaced, unless
that comment was decided again since (then it is left alone and reported as skipped).
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from worker.errors import AlreadyReviewed, CommentNotFound, InvalidRequest, NothingToUndo
from worker.models import DECIDED_BY_WORKER, JSON, Action, Decision, Reason, Status
from worker.queue import ModerationQueue, QueueQuery
from worker.replies import text
from worker.scripts import LuaScript
from worker.service import Service
from worker.store import redis_errors

Verdict = Literal["approve", "reject", "spam"]
VERDICTS: tuple[str, ...] = ("approve", "reject", "spam")

REJECT_REASONS: dict[str, str] = {
    "off_topic": "Off topic.",
    "abusive": "Abusive, hateful or harassing.",
    "personal_data": "Shares someone's personal information.",
    "advertising": "Advertising or self-promotion.",
    "duplicate": "A duplicate of another comment.",
    "misinformation": "Misleading or false information.",
    "other": "Another reason (see the note).",
}
"""The reasons a moderator can give for a rejection: code -> message (for people; the code is for programs)."""

_MESSAGES = {
    "approve": ("approved", "A moderator approved the comment."),
    "reject": ("rejected", "A moderator rejected the comment."),
    "spam": ("spam", "A moderator rejected the comment as spam."),
}
CHUNK = 500
MAX_NOTE_CHARS = 2000

# KEYS: last verdict.  Takes (reads and deletes) the moderator's last verdict, so that two undos cannot both use it.
_TAKE = LuaScript("""
local v = redis.call('GET', KEYS[1])
if v then redis.call('DEL', KEYS[1]) end
return v
""")


def moderator_decision(
    verdict: str, moderator: str, policy_version: str, now: float, *, reason: str | None = None, note: str = ""
) -> Decision:
    """Return the decision of a moderator's verdict; raise :class:`InvalidRequest` naming a bad field."""
    if verdict not in _MESSAGES:
        raise InvalidRequest("verdict", f"must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    name = moderator.strip() if isinstance(moderator, str) else ""
    if not name or name == DECIDED_BY_WORKER:
        raise InvalidRequest("moderator", "must name the moderator")
    if not isinstance(note, str) or len(note) > MAX_NOTE_CHARS:
        raise InvalidRequest("note", f"must be text of at most {MAX_NOTE_CHARS} characters")
    code, message = _MESSAGES[verdict]
    if reason:
        if verdict != "reject":
            raise InvalidRequest("reason", "is given with a reject verdict only")
        if reason not in REJECT_REASONS:
            raise InvalidRequest("reason", f"must be one of {', '.join(REJECT_REASONS)}, not {reason!r}")
        code, message = reason, f"A moderator rejected the comment: {REJECT_REASONS[reason]}"
    status = Status.APPROVED if verdict == "approve" else Status.REJECTED
    action = Action.APPROVE if status is Status.APPROVED else Action.REJECT
    evidence = {"note": note} if note else {}
    return Decision(status, (Reason("moderator", code, message, action, evidence),), {}, policy_version, now, name)


@dataclass(frozen=True, slots=True)
class VerdictReport:
    """What one verdict did: its id (for undo), the ids decided, those another moderator decided first, unknown ids."""

    verdict_id: str
    decided: list[str] = field(default_factory=list)
    already: list[AlreadyReviewed] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, JSON]:
        """Return the report as a JSON-ready mapping."""
        return {
            "verdict_id": self.verdict_id,
            "decided": self.decided,
            "already": [{"id": e.comment_id, "status": e.status, "decided_by": e.decided_by} for e in self.already],
            "missing": self.missing,
        }


@dataclass(frozen=True, slots=True)
class UndoReport:
    """What an undo did: the ids returned to their previous status, and those decided again since (left alone)."""

    verdict_id: str
    restored: list[str]
    skipped: list[str]

    def to_dict(self) -> dict[str, JSON]:
        """Return the report as a JSON-ready mapping."""
        return {"verdict_id": self.verdict_id, "restored": self.restored, "skipped": self.skipped}


class Verdicts:
    """Records moderators' verdicts through the service (so that the spam state learns from them) and undoes them."""

    def __init__(
        self,
        service: Service,
        queue: ModerationQueue | None = None,
        *,
        undo_window_s: float = 300.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.service = service
        self.store = service.store
        self.queue = queue if queue is not None else ModerationQueue(service.store)
        self.undo_window_s = undo_window_s
        self.clock = clock

    @redis_errors()
    def decide(
        self, ids: Sequence[str], verdict: str, moderator: str, *, reason: str | None = None, note: str = ""
    ) -> VerdictReport:
        """Record one verdict on every id (bulk); never raises for one comment: see the report."""
        decision = moderator_decision(
            verdict, moderator, self.service.engine.policy.version, self.clock(), reason=reason, note=note
        )
        report = VerdictReport(secrets.token_hex(8))
        unique = list(dict.fromkeys(str(i) for i in ids))
        for start in range(0, len(unique), CHUNK):
            chunk = unique[start : start + CHUNK]
            stored = self.store.get_many(chunk)
            report.missing.extend(i for i, s in zip(chunk, stored, strict=True) if s is None)
            items = [(s, decision) for s in stored if s is not None]
            outcomes = self.store.review_many(items, verdict_id=report.verdict_id)
            for (before, _), outcome in zip(items, outcomes, strict=True):
                if outcome is None:
                    report.decided.append(before.comment.id)
                    for source in self.service.sources:
                        source.reviewed(before.comment, decision, before.decision)
                elif isinstance(outcome, AlreadyReviewed):
                    report.already.append(outcome)
                else:
                    report.missing.append(outcome.comment_id)
        if report.decided:
            last = {"verdict_id": report.verdict_id, "ids": report.decided, "at": decision.decided_at}
            ttl_ms = max(1, int(self.undo_window_s * 1000))
            self.store.client.set(self.store.keys.last_verdict(decision.decided_by), json.dumps(last), px=ttl_ms)
        return report

    def decide_one(
        self, comment_id: str, verdict: str, moderator: str, *, reason: str | None = None, note: str = ""
    ) -> VerdictReport:
        """Record a verdict on one comment; raise :class:`AlreadyReviewed` (naming who) or :class:`CommentNotFound`."""
        report = self.decide([comment_id], verdict, moderator, reason=reason, note=note)
        if report.already:
            raise report.already[0]
        if report.missing:
            raise CommentNotFound(comment_id)
        return report

    def decide_matching(
        self, query: QueueQuery, verdict: str, moderator: str, *, reason: str | None = None, note: str = ""
    ) -> VerdictReport:
        """Record one verdict on every comment matching ``query`` ("all N matching")."""
        return self.decide(self.queue.matching_ids(query), verdict, moderator, reason=reason, note=note)

    def reject_campaign(
        self, comment_id: str, moderator: str, *, verdict: str = "spam", reason: str | None = None, note: str = ""
    ) -> VerdictReport:
        """Reject (as spam by default) every comment of the near-duplicate group of ``comment_id`` not yet moderated."""
        if verdict == "approve":
            raise InvalidRequest("verdict", "a campaign is rejected: reject or spam")
        campaign = self.queue.card(comment_id).campaign or ""
        ids = self.queue.matching_ids(QueueQuery(tab="all", campaign=campaign)) if campaign else [comment_id]
        return self.decide(ids, verdict, moderator, reason=reason, note=note)

    @redis_errors()
    def undo(self, moderator: str) -> UndoReport:
        """Undo the moderator's last verdict within ``undo_window_s``; raise :class:`NothingToUndo` otherwise."""
        raw = _TAKE.run(self.store.client, [self.store.keys.last_verdict(moderator)], [])
        now = self.clock()
        if raw is None:
            raise NothingToUndo(moderator)
        last = json.loads(text(raw))
        if now - float(last["at"]) > self.undo_window_s:
            raise NothingToUndo(moderator)
        ids = [str(i) for i in last["ids"]]
        before = self.store.get_many(ids)
        done = self.store.undo(ids, last["verdict_id"], moderator, now)
        restored = [i for i, ok in zip(ids, done, strict=True) if ok]
        after = dict(zip(restored, self.store.get_many(restored), strict=True))
        for comment_id, previous in zip(ids, before, strict=True):
            now_stored = after.get(comment_id)
            if previous is None or now_stored is None or previous.decision is None:
                continue
            restored_decision = now_stored.decision or Decision(Status.QUEUED, (), {}, "", now)
            for source in self.service.sources:
                source.reviewed(now_stored.comment, restored_decision, previous.decision)
        if any(s is not None and s.status is Status.QUEUED for s in after.values()):
            self.service.wake(force=True)
        return UndoReport(last["verdict_id"], restored, [i for i, ok in zip(ids, done, strict=True) if not ok])
