"""Moderators' web sessions in Redis: who is logged in, the session's CSRF token, and a one-time notice.

The browser holds a random session id (256 bits); Redis keeps only its SHA-256, so a copy of the store
opens no session. A session expires ``ttl_s`` after its last use, and logging out deletes it at once.
"""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import dataclass
from typing import Any

from worker.keys import Keys
from worker.models import JSON
from worker.moderators import token_hash
from worker.replies import text

SESSION_TTL_S = 8 * 3600
"""A session ends after this long without a request."""


@dataclass(frozen=True, slots=True)
class Session:
    """A logged-in moderator's session."""

    id: str
    moderator: str
    csrf: str
    notice: dict[str, JSON] | None = None


class Sessions:
    """Create, read (and renew), flash a notice in, and end sessions; Redis errors surface as ``redis.RedisError``."""

    def __init__(self, client: Any, keys: Keys, ttl_s: int = SESSION_TTL_S) -> None:
        self.client = client
        self.keys = keys
        self.ttl_s = ttl_s

    def create(self, moderator: str) -> Session:
        """Open a session for a moderator who just logged in."""
        session = Session(secrets.token_urlsafe(32), moderator, secrets.token_urlsafe(32))
        key = self.keys.session(token_hash(session.id))
        pipe = self.client.pipeline(transaction=True)
        pipe.hset(key, mapping={"moderator": moderator, "csrf": session.csrf, "created_at": repr(time.time())})
        pipe.expire(key, self.ttl_s)
        pipe.execute()
        return session

    def get(self, session_id: str) -> Session | None:
        """Return the session and take its notice, renewing its time to live; None when unknown or expired."""
        if not session_id or len(session_id) > 100:
            return None
        key = self.keys.session(token_hash(session_id))
        pipe = self.client.pipeline(transaction=True)
        pipe.hmget(key, "moderator", "csrf", "notice")
        pipe.hdel(key, "notice")
        pipe.expire(key, self.ttl_s, xx=True)
        (moderator, csrf, notice), _, _ = pipe.execute()
        if moderator is None or csrf is None:
            return None
        return Session(session_id, text(moderator), text(csrf), json.loads(notice) if notice else None)

    def flash(self, session_id: str, notice: dict[str, JSON]) -> None:
        """Keep a notice for the session's next page (what the last action did)."""
        key = self.keys.session(token_hash(session_id))
        if self.client.exists(key):
            self.client.hset(key, "notice", json.dumps(notice, ensure_ascii=False))

    def end(self, session_id: str) -> None:
        """Log out: delete the session."""
        self.client.delete(self.keys.session(token_hash(session_id)))
