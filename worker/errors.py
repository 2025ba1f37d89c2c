"""Errors raised by the moderation worker, all rooted in :class:`ModerationError`."""

from __future__ import annotations


class ModerationError(Exception):
    """Base class of every error this package raises on purpose."""


class FieldError(ModerationError):
    """An error about one named field of the caller's input: ``field`` names the culprit."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def as_dict(self) -> dict[str, str]:
        """Return the error as a JSON-ready mapping."""
        return {"field": self.field, "error": self.message}


class InvalidComment(FieldError):
    """Raised at submission when a payload is not a comment; ``field`` names the culprit."""


class ConfigError(ModerationError):
    """Raised when a setting or policy value is missing or malformed; names key, value and source."""

    def __init__(self, key: str, value: object, problem: str, source: str) -> None:
        super().__init__(f"setting {key!r} = {value!r} from {source}: {problem}")
        self.key = key
        self.value = value
        self.source = source


class CommentNotFound(ModerationError):
    """Raised when no comment is stored under the requested id."""

    def __init__(self, comment_id: str) -> None:
        super().__init__(f"no comment with id {comment_id!r}")
        self.comment_id = comment_id


class AlreadyReviewed(ModerationError):
    """Raised when a moderator decision would overwrite another moderator's decision."""

    def __init__(self, comment_id: str, status: str, decided_by: str = "") -> None:
        who = f"moderator {decided_by!r}" if decided_by else "a moderator"
        super().__init__(f"comment {comment_id!r} was already reviewed by {who} ({status})")
        self.comment_id = comment_id
        self.status = status
        self.decided_by = decided_by


class StoreUnavailable(ModerationError):
    """Raised when Redis cannot be reached or answers with an error; the cause is chained."""


class NotReplicated(StoreUnavailable):
    """Raised when comments were written but fewer than ``replicas_to_wait`` replicas confirmed them in time.

    The comments are on the master and were handed to the workers; the caller submits them again (the
    ``id`` makes that safe), so that a failover cannot lose a comment whose acceptance was answered.
    """

    def __init__(self, confirmed: int, wanted: int, timeout_s: float, *, woke: bool = False) -> None:
        super().__init__(
            f"the comments were written, but {confirmed} of the {wanted} replicas to wait for confirmed them"
            f" within {timeout_s:g} s; submit them again"
        )
        self.confirmed = confirmed
        self.wanted = wanted
        self.woke = woke
        """Whether the write set the wake flag: the caller then sends the drain message."""


class InvalidRequest(FieldError):
    """Raised when a moderator's request (a query, a verdict, an account change) is malformed; names the field."""


class UnknownModerator(ModerationError):
    """Raised when no moderator account has the given name."""

    def __init__(self, name: str) -> None:
        super().__init__(f"no moderator named {name!r}")
        self.name = name


class ModeratorExists(ModerationError):
    """Raised when adding a moderator whose name is already taken."""

    def __init__(self, name: str) -> None:
        super().__init__(f"a moderator named {name!r} already exists")
        self.name = name


class BadCredentials(ModerationError):
    """Raised when a name and password (or a token) do not match an account; says no more than that."""

    def __init__(self) -> None:
        super().__init__("wrong name or password")


class LoginThrottled(ModerationError):
    """Raised when too many logins failed for an account or an address; ``retry_after_s`` says when to try again."""

    def __init__(self, scope: str, retry_after_s: int) -> None:
        super().__init__(f"too many failed logins for this {scope}: try again in {retry_after_s} s")
        self.scope = scope
        self.retry_after_s = retry_after_s


class NothingToUndo(ModerationError):
    """Raised when a moderator has no verdict left to undo (none, or older than the undo window)."""

    def __init__(self, moderator: str) -> None:
        super().__init__(f"moderator {moderator!r} has no verdict to undo (none, or too old)")
        self.moderator = moderator
