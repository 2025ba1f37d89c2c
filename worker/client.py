"""The Python client for web apps: submit comments, read their status and public view, follow decisions."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from worker.app import create_app
from worker.errors import InvalidComment
from worker.models import DECIDED_BY_WORKER, JSON, Action, Comment, Decision, Reason, Status, public_view
from worker.service import Service
from worker.settings import Settings, load_settings
from worker.store import Added, Stored, redis_errors
from worker.tasks import publisher
from worker.thread import ApprovedThread
from worker.webhooks.tasks import waker

MAX_THREAD_PAGE = 500
"""Most comments in one page of a thread."""

Verdict = Literal["approve", "reject", "spam"]
_VERDICTS: dict[str, tuple[Status, str, str]] = {
    "approve": (Status.APPROVED, "approved", "A moderator approved the comment."),
    "reject": (Status.REJECTED, "rejected", "A moderator rejected the comment."),
    "spam": (Status.REJECTED, "spam", "A moderator rejected the comment as spam."),
}


class ModerationClient:
    """Everything a web app needs; every method raises :class:`worker.errors.ModerationError` subclasses only."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings if settings is not None else load_settings()
        app = create_app(self.settings)
        self.service = Service.from_settings(self.settings, publisher(app, self.settings))
        self.store = self.service.store
        self._wake_webhooks = waker(app, self.settings, self.store.client)

    def submit(self, comment: Mapping[str, Any]) -> str:
        """Queue one comment and return its id; raise :class:`InvalidComment` when it is not a comment."""
        (result,) = self.submit_many([comment])
        if isinstance(result, InvalidComment):
            raise result
        return result.id

    def submit_many(self, comments: Sequence[object]) -> list[Added | InvalidComment]:
        """Queue many comments in one round trip; each result is the stored id and status, or the error."""
        with redis_errors():
            return self.service.submit(comments)

    def decide_now(self, comment: Comment) -> Stored:
        """Store a checked comment and decide it in this process at once, as a worker would; return it as stored."""
        with redis_errors():
            stored = self.service.decide_now(comment)
            self._wake_webhooks()
        return stored

    def status(self, comment_id: str) -> dict[str, JSON]:
        """Return the comment's status, reasons and scores, for the web app (never the email)."""
        with redis_errors():
            stored = self.store.get(comment_id)
        view: dict[str, JSON] = {"id": comment_id, "status": stored.status.value}
        if stored.decision is not None:
            view.update(stored.decision.to_dict())
            view["status"] = stored.status.value
        return view

    def public_view(self, comment_id: str) -> dict[str, JSON]:
        """Return what the web app may publish: never the email nor the IP; censored words masked."""
        with redis_errors():
            stored = self.store.get(comment_id)
        return public_view(stored.comment, stored.status, stored.decision)

    def review(self, comment_id: str, verdict: Verdict, moderator: str, note: str = "") -> dict[str, JSON]:
        """Record a moderator's verdict; it is final and no worker or other moderator overwrites it."""
        if verdict not in _VERDICTS:
            raise InvalidComment("verdict", f"must be one of {', '.join(_VERDICTS)}, not {verdict!r}")
        moderator = moderator.strip()
        if not moderator or moderator == DECIDED_BY_WORKER:
            raise InvalidComment("moderator", "must name the moderator")
        status, code, message = _VERDICTS[verdict]
        action = Action.APPROVE if status is Status.APPROVED else Action.REJECT
        evidence = {"note": note} if note else {}
        reason = Reason("moderator", code, message, action, evidence)
        decision = Decision(status, (reason,), {}, self.service.engine.policy.version, time.time(), moderator)
        with redis_errors():
            self.service.review(comment_id, decision)
            self._wake_webhooks()
        return self.status(comment_id)

    def thread(self, post_id: str, cursor: str | None = None, limit: int = 50) -> dict[str, JSON]:
        """Return a post's approved comments in thread order (public views with ``parent_id`` and ``depth``).

        The answer holds ``comments`` and ``next_cursor`` (None on the last page): pass it back for the next
        page; no comment is served twice or skipped while others are approved meanwhile.
        """
        if not 1 <= limit <= MAX_THREAD_PAGE:
            raise InvalidComment("limit", f"must be from 1 to {MAX_THREAD_PAGE}, not {limit}")
        with redis_errors():
            return ApprovedThread(self.store).page(post_id, cursor, limit).to_dict(post_id)

    def flagged(self, limit: int = 100) -> list[str]:
        """Return the ids of comments waiting for a moderator, oldest first."""
        with redis_errors():
            return self.store.flagged(limit)

    def counts(self) -> dict[str, int]:
        """Return the number of comments per status."""
        with redis_errors():
            return self.store.counts()

    def stats(self, now: float | None = None) -> dict[str, JSON]:
        """Return the counts per status, ``pending`` (ids waiting for a worker), ``dead`` and ``oldest_queued_s``."""
        with redis_errors():
            stats: dict[str, JSON] = dict(self.store.counts())
            stats["pending"] = self.store.pending_count()
            stats["dead"] = self.store.dead_count()
            oldest = self.store.oldest_queued_at()
        moment = time.time() if now is None else now
        stats["oldest_queued_s"] = round(max(0.0, moment - oldest), 3) if oldest is not None else None
        return stats

    def dead_letters(self, limit: int = 100) -> list[dict[str, JSON]]:
        """Return the comments set aside after ``max_attempts`` takes without a decision, oldest first."""
        with redis_errors():
            letters = self.store.dead_letters(limit)
        return [{"id": d.id, "dead_at": d.dead_at, "attempts": d.attempts} for d in letters]

    def requeue(self, ids: Sequence[str]) -> list[bool]:
        """Send dead letters back to the workers (their attempts forgotten); False for an id that is not one."""
        with redis_errors():
            return self.service.requeue(ids)

    def events(self, after: str = "0", count: int = 100, block_ms: int | None = None) -> list[dict[str, str]]:
        """Return decision events after stream id ``after``; each holds its ``event_id`` to resume from."""
        with redis_errors():
            return [{"event_id": eid, **fields} for eid, fields in self.store.events(after, count, block_ms)]

    def close(self) -> None:
        """Close the Redis connections."""
        self.store.client.close()

    def __enter__(self) -> ModerationClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
