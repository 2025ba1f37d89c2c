"""Every Redis key name the project uses, defined in one place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Keys:
    """Key names under one prefix."""

    prefix: str = "moderation"

    def comment(self, comment_id: str) -> str:
        """Hash: the comment (private JSON), its status, decision and times."""
        return f"{self.prefix}:comment:{comment_id}"

    @property
    def queued(self) -> str:
        """Sorted set: ids still ``queued``, scored by when they were last handed to the workers."""
        return f"{self.prefix}:queued"

    @property
    def pending(self) -> str:
        """List: ids waiting for a worker to take them, oldest first."""
        return f"{self.prefix}:pending"

    @property
    def wake(self) -> str:
        """String with a time to live: set while a drain task is on its way to the workers."""
        return f"{self.prefix}:wake"

    @property
    def flagged(self) -> str:
        """Sorted set: ids waiting for a moderator, scored by when they were flagged."""
        return f"{self.prefix}:flagged"

    @property
    def counts(self) -> str:
        """Hash: number of comments per status."""
        return f"{self.prefix}:counts"

    @property
    def events(self) -> str:
        """Stream: one entry per decision, for web apps to follow (never holds an email)."""
        return f"{self.prefix}:events"
