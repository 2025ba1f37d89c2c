"""Errors raised by the moderation worker, all rooted in :class:`ModerationError`."""

from __future__ import annotations


class ModerationError(Exception):
    """Base class of every error this package raises on purpose."""


class InvalidComment(ModerationError):
    """Raised at submission when a payload is not a comment; ``field`` names the culprit."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def as_dict(self) -> dict[str, str]:
        """Return the error as a JSON-ready mapping."""
        return {"field": self.field, "error": self.message}


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

    def __init__(self, comment_id: str, status: str) -> None:
        super().__init__(f"comment {comment_id!r} was already reviewed by a moderator ({status})")
        self.comment_id = comment_id
        self.status = status


class StoreUnavailable(ModerationError):
    """Raised when Redis cannot be reached or answers with an error; the cause is chained."""
