"""The shapes of the HTTP API's bodies, for its OpenAPI schema only: the routes check input themselves."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class CommentIn(BaseModel):
    """A comment as a web app submits it (see the comment contract in the README)."""

    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(None, description="1 to 128 of letters, digits and . _ : @ / -; a new one when absent")
    post_id: str = Field(description="the post or page it belongs to (same characters as id)")
    author_name: str | None = Field(None, max_length=245)
    author_email: str | None = Field(None, max_length=100, description="never published nor logged")
    author_url: str | None = Field(None, max_length=200)
    content: str | None = Field(None, description="at most 65,525 bytes of UTF-8")
    parent_id: str | None = None
    ip: str | None = Field(None, description="never published nor logged")
    user_agent: str | None = None
    language: str | None = None
    permalink: str | None = None


class Added(BaseModel):
    """The stored id and status of a submitted comment; ``created`` is false for an id already known."""

    id: str
    status: str
    created: bool


class ItemError(BaseModel):
    """Why one item of a list is not a comment."""

    index: int
    field: str
    error: str


class Error(BaseModel):
    """What is wrong with a request; ``field`` names the culprit when there is one."""

    error: str
    field: str | None = None


class Conflict(BaseModel):
    """A moderator already decided this comment: their status stands."""

    error: str
    status: str


class ReviewIn(BaseModel):
    """A moderator's final verdict."""

    model_config = ConfigDict(extra="forbid")
    verdict: Literal["approve", "reject", "spam"]
    moderator: str = Field(description="who decides (not 'worker')")
    note: str = ""


class Status(BaseModel):
    """A comment's status and, once decided, its reasons, scores, policy version, time and decider."""

    model_config = ConfigDict(extra="allow")
    id: str
    status: str


class Flagged(BaseModel):
    """Ids waiting for a moderator, oldest first."""

    ids: list[str]


class Events(BaseModel):
    """Decision events, oldest first; each holds its ``event_id`` to resume from."""

    events: list[dict[str, str]]


class Health(BaseModel):
    """Redis answers."""

    redis: Literal["ok"]


def inline(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema, inline (these models refer to no other)."""
    return model.model_json_schema()


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The documented error answers of a route."""
    return {code: {"model": Error} for code in codes}
