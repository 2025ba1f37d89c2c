"""The spam facts the workers would read, with read commands only: what ``moderation check`` decides from.

A worker's facts script also records each comment (flood sets, the secret of the keyed hashes, the seed
model when none is stored); a dry run must change nothing, so this reader sends only ``GET``,
``HGETALL``, ``SISMEMBER``, ``ZCOUNT`` and ``ZREVRANGEBYSCORE``, in two pipelined round trips, and
tallies the campaign and rejected-copy bands here as the script does there. It works on a replica too.
Each comment is read alone: copies among the comments of one dry run are not a campaign.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Sequence
from typing import Any

from worker.connect import reachable_client
from worker.keys import Keys
from worker.models import Comment, Decision
from worker.policy import Policy
from worker.replies import text
from worker.settings import Settings
from worker.spam import facts as fact
from worker.spam.classifier import ModelState
from worker.spam.corpus import seed_model
from worker.spam.state import BAND_READ_LIMIT, SpamState
from worker.spam.state_policy import StatePolicy
from worker.store import redis_errors

CONNECT_TIMEOUT_S = 2.0


class ReadOnlyState(Exception):
    """Raised when something tries to record through a read-only spam state."""


class SpamStateReader(SpamState):
    """A :class:`SpamState` that only reads: the facts of a batch as a worker would see them, nothing recorded."""

    _model: ModelState | None = None

    def secret(self) -> bytes:
        """Return the secret of the keyed hashes: the settings', else the one kept in Redis, never a new one there."""
        if not self._secret:
            stored = self.client.get(self.keys.spam_secret)
            # No secret stored means no worker has hashed an author yet: any secret then finds nobody.
            self._secret = (text(stored) if stored else secrets.token_hex(32)).encode("utf-8")
        return self._secret

    def read_model(self) -> ModelState:
        """Return the shared model as stored, else the seed model that the first worker would write (read once)."""
        if self._model is not None:
            return self._model
        pipe = self.client.pipeline(transaction=False)
        pipe.get(self.keys.spam_model_version)
        pipe.hgetall(self.keys.spam_model)
        version, fields = pipe.execute()
        self._model = ModelState.from_fields(fields) if version and fields else seed_model()
        return self._model

    def facts(self, comments: Sequence[Comment], now: float) -> list[dict[str, Any]]:
        """Return the spam facts of each comment as a worker would read them, in one round trip after the model."""
        if not comments:
            return []
        model = self.read_model() if self.policy.learned else None
        batch = [self.seen(c, now) for c in comments]
        pipe = self.client.pipeline(transaction=False)
        layout = []
        for s in batch:
            pipe.sismember(self.keys.spam_known_authors, s.author or "")
            flood_keys = self._flood_keys(s)
            for key in flood_keys:
                pipe.zcount(key, repr(s.at - self.policy.flood_window_s), repr(s.at))
            bands = s.signature.bands if s.signature is not None else ()
            for b, v in enumerate(bands):
                pipe.zrevrangebyscore(
                    self.keys.spam_band(b, v), "+inf", repr(s.at - self.policy.campaign_window_s), 0, BAND_READ_LIMIT
                )
            for b, v in enumerate(bands):
                pipe.zrevrangebyscore(
                    self.keys.spam_rejected_band(b, v), "+inf", repr(now - self.policy.rejected_window_s), 0,
                    BAND_READ_LIMIT,
                )  # fmt: skip
            layout.append((len(flood_keys), len(bands)))
        replies = iter(pipe.execute())
        result = []
        for s, (floods, band_count) in zip(batch, layout, strict=True):
            known = bool(int(next(replies))) and s.author is not None
            flood = max((int(next(replies)) for _ in range(floods)), default=0)
            tally = Counter(text(m) for _ in range(band_count) for m in next(replies))
            rejected_tally = Counter(text(m) for _ in range(band_count) for m in next(replies))
            others = {m.partition("|")[0] for m, n in tally.items() if n >= self.min_bands} - {s.identity}
            facts: dict[str, Any] = {
                fact.KNOWN_AUTHOR: known,
                fact.FLOOD_COUNT: flood,
                fact.DUPLICATES: len(others),
                fact.REJECTED_COPY: any(n >= self.min_rejected_bands for n in rejected_tally.values()),
            }
            if model is not None:
                facts[fact.MODEL] = model
            result.append(facts)
        self._seen.clear()
        return result

    def read(self, comments: Sequence[Comment], now: float) -> list[dict[str, Any]]:
        """Return :meth:`facts`, a Redis error becoming :class:`StoreUnavailable` (one line, no traceback)."""
        with redis_errors():
            return self.facts(comments, now)

    def decided(self, decided: Sequence[tuple[Comment, Decision]], now: float) -> None:
        """Refuse: a dry run records nothing."""
        raise ReadOnlyState("the spam state of a dry run records nothing")

    def reviewed(self, comment: Comment, decision: Decision, previous: Decision | None) -> None:
        """Refuse: a dry run learns nothing."""
        raise ReadOnlyState("the spam state of a dry run learns nothing")


def connect(policy: Policy, settings: Settings) -> SpamStateReader:
    """Return a reader of the deployment's spam state; one clear error naming Redis when it cannot be reached."""
    client = reachable_client(
        settings.redis_url,
        settings.sentinel_master,
        "read the deployment's spam state",
        "use --offline to check with the seed model and no shared state",
        CONNECT_TIMEOUT_S,
        socket_timeout_s=settings.redis_socket_timeout_s,
    )
    state = StatePolicy.from_section(policy.section("spam"))
    return SpamStateReader(client, Keys(settings.key_prefix), state, settings.author_key_secret)
