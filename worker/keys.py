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
        """Sorted set: ids still ``queued``, scored by when they were last handed to or taken by a worker."""
        return f"{self.prefix}:queued"

    @property
    def pending(self) -> str:
        """Sorted set: ids waiting for a worker to take them, scored by when they were handed over.

        A set, so that the sweeper can tell an id still waiting from one a dead worker took, and never
        hands the same id out twice.
        """
        return f"{self.prefix}:waiting"

    @property
    def legacy_pending(self) -> str:
        """List: where versions before 2026-11-26 kept waiting ids; drained by the workers after an upgrade."""
        return f"{self.prefix}:pending"

    @property
    def attempts(self) -> str:
        """Hash: id -> how many times a worker took it and did not decide it (a crash, a failed check)."""
        return f"{self.prefix}:attempts"

    @property
    def dead(self) -> str:
        """Sorted set: dead letters, ids set aside after too many attempts, by when; still ``queued``."""
        return f"{self.prefix}:dead"

    @property
    def wake(self) -> str:
        """String with a time to live: set while a drain task is on its way to the workers."""
        return f"{self.prefix}:wake"

    @property
    def sweep_claim(self) -> str:
        """String with a time to live: set by the drain that sweeps during the current interval."""
        return f"{self.prefix}:sweep-claim"

    @property
    def retention_cursor(self) -> str:
        """String: where the current pass of personal data expiry stands in its SCAN of the comments."""
        return f"{self.prefix}:retention:cursor"

    @property
    def retention_due(self) -> str:
        """String: when the next pass of personal data expiry is due (Unix time)."""
        return f"{self.prefix}:retention:due"

    @property
    def retention_lock(self) -> str:
        """String with a time to live: held by the worker host carrying the expiry pass on."""
        return f"{self.prefix}:retention:lock"

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

    @property
    def spam_secret(self) -> str:
        """String: the generated secret of the keyed author hashes, when the settings give none."""
        return f"{self.prefix}:spam:secret"

    @property
    def spam_known_authors(self) -> str:
        """Set: keyed hashes of the emails of known authors (approved by a moderator, or often enough by workers)."""
        return f"{self.prefix}:spam:known"

    @property
    def spam_author_approvals(self) -> str:
        """Hash: keyed hash of an author's email -> how many of their comments the workers approved."""
        return f"{self.prefix}:spam:approvals"

    def spam_flood(self, kind: str, tag: str) -> str:
        """Sorted set: ids of recent comments from one IP or author (``kind``, keyed hash ``tag``), by submit time."""
        return f"{self.prefix}:spam:flood:{kind}:{tag}"

    def spam_band(self, band: int, value: str) -> str:
        """Sorted set: who posted a text with this LSH band value (author hash|signature), by submit time."""
        return f"{self.prefix}:spam:band:{band}:{value}"

    def spam_rejected_band(self, band: int, value: str) -> str:
        """Sorted set: signatures of texts a moderator rejected as spam with this LSH band value, by time."""
        return f"{self.prefix}:spam:rejected:{band}:{value}"

    @property
    def spam_model(self) -> str:
        """Hash: the counts of the spam classifier all workers share."""
        return f"{self.prefix}:spam:model"

    @property
    def spam_model_version(self) -> str:
        """String: counter bumped whenever the shared spam model changes (absent until it is seeded)."""
        return f"{self.prefix}:spam:model:version"

    def webhook(self, message_id: str) -> str:
        """Hash: one webhook message (subscription, event type, signed body, attempts, state)."""
        return f"{self.prefix}:webhooks:message:{message_id}"

    @property
    def webhooks_due(self) -> str:
        """Sorted set: ids of webhook messages to send, scored by when (a message in flight: its lease's end)."""
        return f"{self.prefix}:webhooks:due"

    @property
    def webhooks_dead(self) -> str:
        """Sorted set: ids of webhook messages given up after retrying for ``retry_for_s``, scored by then."""
        return f"{self.prefix}:webhooks:dead"

    @property
    def webhooks_wake(self) -> str:
        """String with a time to live: set while a webhook pump task is on its way to the workers."""
        return f"{self.prefix}:webhooks:wake"

    @property
    def webhooks_leases(self) -> str:
        """Hash: webhook message id -> the token of the delivery task that may send it now."""
        return f"{self.prefix}:webhooks:leases"

    # Moderators (worker/moderators.py).

    @property
    def moderators(self) -> str:
        """Sorted set: moderator names, scored by when the account was created."""
        return f"{self.prefix}:moderators"

    def moderator(self, name: str) -> str:
        """Hash: one moderator's account (argon2 password hash, created_at)."""
        return f"{self.prefix}:moderator:{name}"

    @property
    def moderator_tokens(self) -> str:
        """Hash: SHA-256 (hex) of a moderator's API token -> the moderator's name."""
        return f"{self.prefix}:moderator-tokens"

    def moderator_token_hashes(self, name: str) -> str:
        """Set: the SHA-256 (hex) of every API token issued to one moderator, to revoke them with the account."""
        return f"{self.prefix}:moderator:{name}:tokens"

    def login_failures(self, scope: str, subject: str) -> str:
        """String with a time to live: failed logins per ``account`` or ``address`` (``subject`` a SHA-256 hex)."""
        return f"{self.prefix}:login-failures:{scope}:{subject}"

    def last_verdict(self, moderator: str) -> str:
        """String with a time to live: the moderator's last verdict (JSON: action id, ids), while it can be undone."""
        return f"{self.prefix}:moderator:{moderator}:last-verdict"

    # Comment history and the queue's indexes (worker/store.py, worker/queue_index.py, worker/queue.py).

    def history(self, comment_id: str) -> str:
        """List: every change of the comment's status, oldest first (JSON: at, by, from, to, note, action)."""
        return f"{self.prefix}:history:{comment_id}"

    def index_base(self, facet: str = "") -> str:
        """Base name of a queue index; the scripts append ``:<status>`` or ``:all`` (see :meth:`index`).

        ``facet`` is empty (every comment), or ``post=<id>``, ``check=<name>``, ``reason=<check>/<code>``,
        ``campaign=<group>``, ``author=<keyed hash>``.
        """
        return f"{self.prefix}:ix:{facet}" if facet else f"{self.prefix}:ix"

    def index(self, facet: str, tab: str) -> str:
        """Sorted set: ids of the comments with ``facet`` in ``tab`` (a status, or ``all``), by submission time."""
        return f"{self.index_base(facet)}:{tab}"

    @property
    def index_version(self) -> str:
        """String: the version of the queue indexes that every stored comment is in (absent before the migration)."""
        return f"{self.prefix}:ix-version"

    def campaign_band(self, band: int, value: str) -> str:
        """String with a time to live: the near-duplicate group that a text with this LSH band value joined."""
        return f"{self.prefix}:campaign-band:{band}:{value}"

    def scratch(self, name: str) -> str:
        """A short-lived key of one query (an intersection of indexes), deleted at once."""
        return f"{self.prefix}:scratch:{name}"

    @property
    def abuse_model(self) -> str:
        """Hash: the summed weight changes that moderators' lessons made to the abuse model (feature -> delta)."""
        return f"{self.prefix}:abuse:model"

    @property
    def abuse_lessons(self) -> str:
        """Hash: comment id -> the weight changes its moderator's verdict taught (JSON), so that it can be forgotten."""
        return f"{self.prefix}:abuse:lessons"

    @property
    def abuse_model_version(self) -> str:
        """String: counter bumped whenever the abuse lessons change."""
        return f"{self.prefix}:abuse:model:version"

    def thread_paths(self, post_id: str) -> str:
        """Hash: comment id -> its path in its post's thread order (JSON; see worker/thread.py), once final."""
        return f"{self.prefix}:thread:{post_id}"

    # Moderators' web sessions (worker/sessions.py).

    def session(self, digest: str) -> str:
        """Hash with a time to live: one web session (moderator, CSRF token, flash), under its id's SHA-256."""
        return f"{self.prefix}:session:{digest}"
