"""The Akismet endpoint's calls over the moderation client: check (decide and record), teach, verify the key."""

from __future__ import annotations

import logging
import time
from typing import Literal

from worker.akismet.protocol import (
    THANKS,
    Answer,
    Form,
    check_answer,
    comment_payload,
    is_test,
    key_problem,
    problem,
)
from worker.client import ModerationClient
from worker.errors import AlreadyReviewed, CommentNotFound, InvalidComment
from worker.models import Comment
from worker.store import Stored, redis_errors

log = logging.getLogger(__name__)

MODERATOR = "akismet"
"""Who the verdicts of submit-spam and submit-ham are recorded as."""


class AkismetEndpoint:
    """Answers Akismet's four calls with the configured key; ids are keyed with it too."""

    def __init__(self, client: ModerationClient, key: str) -> None:
        self.client = client
        self.key = key

    def verify_key(self, form: Form) -> Answer:
        """``valid`` when the key is this service's and a blog is named, else ``invalid`` saying why."""
        return key_problem(form, self.key) or Answer("valid")

    def comment_check(self, form: Form) -> Answer:
        """Decide the comment now with the workers' engine and shared state, record it, and answer true or false."""
        comment = self._accepted(form)
        if isinstance(comment, Answer):
            return comment
        if is_test(form):  # decided by the policy alone: nothing stored, nothing learnt
            decision = self.client.service.engine.decide(comment, time.time())
            return check_answer(decision.status, comment.id)
        return check_answer(self.client.decide_now(comment).status, comment.id)

    def submit(self, form: Form, verdict: Literal["spam", "approve"]) -> Answer:
        """Record a missed spam (or a false positive) as a moderator's verdict, which teaches the spam model."""
        comment = self._accepted(form)
        if isinstance(comment, Answer):
            return comment
        if is_test(form):
            return Answer(THANKS)
        self._stored(comment)
        try:
            self.client.review(comment.id, verdict, moderator=MODERATOR, note="submitted through the Akismet endpoint")
        except AlreadyReviewed:
            log.info("akismet submit-%s for %s: a moderator decided it already; left as it is", verdict, comment.id)
        return Answer(THANKS)

    def _accepted(self, form: Form) -> Comment | Answer:
        """The comment the form describes, or the answer that says why the request is refused."""
        refused = key_problem(form, self.key) or _required(form)
        if refused:
            return refused
        try:
            return self.client.service.engine.parse(comment_payload(form, self.key), time.time())
        except InvalidComment as exc:
            return problem(f"{_field(exc.field)}: {exc.message}")

    def _stored(self, comment: Comment) -> Stored:
        """The comment as stored, recording it (decided) first when comment-check never saw it."""
        try:
            with redis_errors():
                return self.client.store.get(comment.id)
        except CommentNotFound:
            return self.client.decide_now(comment)


def _required(form: Form) -> Answer | None:
    if not form.get("user_ip"):
        return problem("Missing required field: user_ip.")
    return None


_FIELDS = {
    "author_name": "comment_author",
    "author_email": "comment_author_email",
    "author_url": "comment_author_url",
    "content": "comment_content",
    "ip": "user_ip",
    "language": "blog_lang",
    "post_id": "permalink",
}


def _field(name: str) -> str:
    """The Akismet field behind a contract field, so that the error names what the caller sent."""
    return _FIELDS.get(name, name)
