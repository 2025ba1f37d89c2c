"""Pure data types of the moderation pipeline: comments, reasons, check results and decisions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from worker.publish import content_html, web_link

JSON = Any
"""A value that ``json.dumps`` accepts."""


class Status(StrEnum):
    """Where a comment stands."""

    QUEUED = "queued"
    APPROVED = "approved"
    REJECTED = "rejected"
    FLAGGED = "flagged"


class Action(StrEnum):
    """What a reason asks the decision to do, from mildest to strongest."""

    APPROVE = "approve"
    CENSOR = "censor"
    FLAG = "flag"
    REJECT = "reject"

    @property
    def rank(self) -> int:
        """Order of strength: the strongest action of a decision wins."""
        return _ACTION_RANK[self]


_ACTION_RANK = {Action.APPROVE: 0, Action.CENSOR: 1, Action.FLAG: 2, Action.REJECT: 3}

DECIDED_BY_WORKER = "worker"


@dataclass(frozen=True, slots=True)
class Comment:
    """A submitted comment; ``author_email`` and ``ip`` are private and kept out of ``repr``."""

    id: str
    post_id: str
    author_name: str = ""
    author_email: str = field(default="", repr=False)
    content: str = ""
    author_url: str | None = None
    parent_id: str | None = None
    ip: str | None = field(default=None, repr=False)
    user_agent: str | None = None
    language: str | None = None
    permalink: str | None = None
    submitted_at: float = 0.0

    def to_private_dict(self) -> dict[str, JSON]:
        """Return every field, email included: only for the store, never for publication."""
        return {
            "id": self.id,
            "post_id": self.post_id,
            "author_name": self.author_name,
            "author_email": self.author_email,
            "content": self.content,
            "author_url": self.author_url,
            "parent_id": self.parent_id,
            "ip": self.ip,
            "user_agent": self.user_agent,
            "language": self.language,
            "permalink": self.permalink,
            "submitted_at": self.submitted_at,
        }

    @classmethod
    def from_private_dict(cls, data: Mapping[str, JSON]) -> Comment:
        """Rebuild a comment that the store saved with :meth:`to_private_dict`."""
        if _COMMENT_FIELD_SET.issuperset(data):  # as the store writes it: no key that is not a field
            return cls(**data)
        return cls(**{name: data[name] for name in _COMMENT_FIELDS if name in data})


_COMMENT_FIELDS = tuple(Comment.__dataclass_fields__)
_COMMENT_FIELD_SET = frozenset(_COMMENT_FIELDS)


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason of a decision: which check said what, what it asks for, and its evidence."""

    check: str
    code: str
    message: str
    action: Action
    evidence: Mapping[str, JSON] = field(default_factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        """Return the reason as a JSON-ready mapping."""
        return {
            "check": self.check,
            "code": self.code,
            "message": self.message,
            "action": self.action.value,
            "evidence": dict(self.evidence),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, JSON]) -> Reason:
        """Rebuild a reason saved with :meth:`to_dict`."""
        return cls(
            check=data["check"],
            code=data["code"],
            message=data["message"],
            action=Action(data["action"]),
            evidence=dict(data.get("evidence") or {}),
        )


Span = tuple[int, int]
"""A half-open ``[start, end)`` range of characters in a comment's content."""


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What one check found in one comment."""

    check: str
    reasons: tuple[Reason, ...] = ()
    score: float | None = None
    censor: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome of moderating a comment, by the worker or a moderator."""

    status: Status
    reasons: tuple[Reason, ...]
    scores: Mapping[str, float]
    policy_version: str
    decided_at: float
    decided_by: str = DECIDED_BY_WORKER
    censor: tuple[Span, ...] = ()

    @property
    def by_moderator(self) -> bool:
        """True when a person, not the worker, took this decision."""
        return self.decided_by != DECIDED_BY_WORKER

    def to_dict(self) -> dict[str, JSON]:
        """Return the decision as a JSON-ready mapping (it never holds an email)."""
        return {
            "status": self.status.value,
            "reasons": [reason.to_dict() for reason in self.reasons],
            "scores": dict(self.scores),
            "policy_version": self.policy_version,
            "decided_at": self.decided_at,
            "decided_by": self.decided_by,
            "censor": [list(span) for span in self.censor],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, JSON]) -> Decision:
        """Rebuild a decision saved with :meth:`to_dict`."""
        return cls(
            status=Status(data["status"]),
            reasons=tuple(Reason.from_dict(r) for r in data["reasons"]),
            scores=dict(data["scores"]),
            policy_version=data["policy_version"],
            decided_at=float(data["decided_at"]),
            decided_by=data.get("decided_by", DECIDED_BY_WORKER),
            censor=tuple((int(a), int(b)) for a, b in data.get("censor", ())),
        )


def mask(text: str, spans: tuple[Span, ...], char: str = "*") -> str:
    """Return ``text`` with every character inside ``spans`` replaced by ``char``, spaces kept."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(max(start, 0), min(end, len(chars))):
            if not chars[i].isspace():
                chars[i] = char
    return "".join(chars)


def public_view(comment: Comment, status: Status, decision: Decision | None) -> dict[str, JSON]:
    """Return what a web app may publish about a comment: never the email nor the IP.

    ``content`` is the text with censored words masked; ``content_html`` the same, safe to insert as
    HTML; ``author_url`` only an ``http(s)`` address (else None).
    """
    censor = decision.censor if decision is not None else ()
    content = mask(comment.content, censor)
    return {
        "id": comment.id,
        "post_id": comment.post_id,
        "parent_id": comment.parent_id,
        "author_name": comment.author_name,
        "author_url": web_link(comment.author_url),
        "content": content,
        "content_html": content_html(content),
        "status": status.value,
        "submitted_at": comment.submitted_at,
        "decided_at": decision.decided_at if decision is not None else None,
    }
