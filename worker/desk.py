"""The moderators' desk: accounts, the queue, verdicts and undo on one Redis connection, for the web page and CLI."""

from __future__ import annotations

from worker.client import ModerationClient
from worker.moderators import Moderators
from worker.queue import ModerationQueue
from worker.settings import Settings, load_settings
from worker.spam.score import Thresholds
from worker.verdicts import Verdicts


class Desk:
    """Everything a moderator's tool calls; the web layer and the CLI never touch Redis themselves.

    ``moderators`` (accounts, tokens, login limiter), ``queue`` (tabs, cards, history) and ``verdicts``
    (approve, reject, spam, bulk, campaigns, undo). Their methods raise :class:`worker.errors.ModerationError`
    subclasses only: :class:`worker.errors.StoreUnavailable` when Redis cannot be reached.
    """

    def __init__(self, settings: Settings | None = None, client: ModerationClient | None = None) -> None:
        """Open the desk on ``client``'s connection (the web layer's), or on a new one."""
        self.settings = client.settings if client is not None else settings or load_settings()
        self.client = client if client is not None else ModerationClient(self.settings)
        self._owns_client = client is None
        self.service = self.client.service
        self.store = self.service.store
        flag_at = next(
            (t.flag_at for t in (getattr(c, "thresholds", None) for c in self.service.engine.checks) if t is not None),
            Thresholds().flag_at,
        )
        self.queue = ModerationQueue(self.store, spam_flag_at=flag_at)
        self.verdicts = Verdicts(self.service, self.queue, undo_window_s=self.settings.undo_window_s)
        self.moderators = Moderators(self.store.client, self.store.keys)

    def close(self) -> None:
        """Close the Redis connections, unless the client was the caller's."""
        if self._owns_client:
            self.client.close()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
