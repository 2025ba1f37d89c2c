"""The abuse model the workers share, read with read commands only: what ``moderation check`` scores with.

A worker reads the moderators' lessons through a script (:mod:`worker.abuse.state`); a dry run sends only
``GET``, ``HGETALL`` and ``HLEN``, pipelined in one round trip, once per run, and builds the same model:
the shipped weights plus the lessons. It changes nothing in Redis and works on a replica too. With no
lesson stored it is the shipped model, as on a worker.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import redis

from worker.abuse import facts as fact
from worker.abuse.model import AbuseModel, WeightsError, shipped_model
from worker.checks.abuse import build
from worker.connect import reachable_client
from worker.keys import Keys
from worker.models import Comment, Decision
from worker.policy import Policy
from worker.replies import text
from worker.settings import Settings
from worker.store import redis_errors

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 2.0


class ReadOnlyAbuseState(Exception):
    """Raised when something tries to teach through a read-only abuse state."""


def taught_model(fields: dict[Any, Any], lessons: int) -> AbuseModel:
    """Return the shipped model plus the stored lessons (``fields``: the model hash as Redis returns it)."""
    try:
        deltas = {text(name): float(text(value)) for name, value in fields.items()}
    except ValueError as exc:
        raise WeightsError(f"the shared abuse lessons cannot be used ({exc})") from None
    return shipped_model().with_lessons(deltas, lessons) if deltas else shipped_model()


class AbuseStateReader:
    """The abuse check's facts as a worker would read them: the shared model, read once, nothing written."""

    def __init__(self, client: redis.Redis, keys: Keys, learned: bool = True) -> None:
        self.client: Any = client
        self.keys = keys
        self.learned = learned
        self._model: AbuseModel | None = None

    def read_model(self) -> AbuseModel:
        """Return the shipped model plus the lessons stored in Redis (read once per dry run)."""
        if self._model is None:
            pipe = self.client.pipeline(transaction=False)
            pipe.hgetall(self.keys.abuse_model)
            pipe.hlen(self.keys.abuse_lessons)
            fields, lessons = pipe.execute()
            try:
                self._model = taught_model(fields, int(lessons))
            except WeightsError as exc:  # as a worker does: it keeps the model it has, at first the shipped one
                logger.error("%s; checking with the shipped abuse weights", exc)
                self._model = shipped_model()
        return self._model

    def facts(self, comments: Sequence[Comment], now: float) -> list[dict[str, Any]]:
        """Return the shared model as every comment's fact (none when the policy turns lessons off)."""
        if not comments or not self.learned:
            return [{} for _ in comments]
        model = self.read_model()
        return [{fact.MODEL: model} for _ in comments]

    def read(self, comments: Sequence[Comment], now: float) -> list[dict[str, Any]]:
        """Return :meth:`facts`, a Redis error becoming :class:`StoreUnavailable` (one line, no traceback)."""
        with redis_errors():
            return self.facts(comments, now)

    def decided(self, decided: Sequence[tuple[Comment, Decision]], now: float) -> None:
        """Nothing to record: the abuse model learns from moderators only."""

    def reviewed(self, comment: Comment, decision: Decision, previous: Decision | None) -> None:
        """Refuse: a dry run learns nothing."""
        raise ReadOnlyAbuseState("the abuse state of a dry run learns nothing")


def connect(policy: Policy, settings: Settings) -> AbuseStateReader:
    """Return a reader of the deployment's abuse lessons; one clear error naming Redis when it cannot be reached."""
    client = reachable_client(
        settings.redis_url,
        settings.sentinel_master,
        "read the moderators' abuse lessons",
        "use --offline to check with the shipped abuse weights and no shared state",
        CONNECT_TIMEOUT_S,
        socket_timeout_s=settings.redis_socket_timeout_s,
    )
    return AbuseStateReader(client, Keys(settings.key_prefix), build(policy.section("abuse")).learned)
