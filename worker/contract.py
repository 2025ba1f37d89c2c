"""The comment contract: turn a JSON payload into a :class:`Comment`, or refuse it naming the field."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from worker.errors import InvalidComment
from worker.models import Comment

# Printable ASCII without the space: YouTube's and Disqus's base64url ids start with "_" or "-" too.
_ID = re.compile(r"[\x21-\x7e]{1,128}")
_OPTIONAL_TEXT = ("author_url", "parent_id", "ip", "user_agent", "language", "permalink")
FIELDS = frozenset({"id", "post_id", "author_name", "author_email", "content", *_OPTIONAL_TEXT})


@dataclass(frozen=True, slots=True)
class Limits:
    """Field limits; the defaults are WordPress's."""

    author_name_chars: int = 245
    author_email_chars: int = 100
    author_url_chars: int = 200
    content_bytes: int = 65_525
    hint_chars: int = 512


def _text(payload: Mapping[str, Any], name: str, *, required: bool = False) -> str | None:
    value = payload.get(name)
    if value is None:
        if required:
            raise InvalidComment(name, "is required")
        return None
    if type(value) is str and value.isascii():  # most fields: nothing to convert, no surrogate possible
        return value
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InvalidComment(name, f"must be a string, not {type(value).__name__}")
    text = str(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidComment(name, "is not valid Unicode (it holds an unpaired surrogate)") from None
    return text


def _identifier(payload: Mapping[str, Any], name: str, *, required: bool = False) -> str | None:
    value = _text(payload, name, required=required)
    if value is not None and not _ID.fullmatch(value):
        raise InvalidComment(name, "must be 1 to 128 printable ASCII characters, without spaces or control characters")
    return value


def _limit(name: str, value: str | None, limit: int) -> None:
    if value is not None and len(value) > limit:
        raise InvalidComment(name, f"is {len(value)} characters long, more than the limit of {limit}")


def parse_comment(payload: object, limits: Limits, now: float) -> Comment:
    """Check a decoded JSON payload against the contract and return the comment it describes."""
    if not isinstance(payload, Mapping):
        raise InvalidComment("comment", f"must be a JSON object, not {type(payload).__name__}")
    if not FIELDS.issuperset(payload):
        unknown = sorted(set(payload) - FIELDS)
        raise InvalidComment(unknown[0], f"is not a field of a comment (fields: {', '.join(sorted(FIELDS))})")
    comment_id = _identifier(payload, "id") or uuid.uuid4().hex
    post_id = _identifier(payload, "post_id", required=True)
    name = _text(payload, "author_name") or ""
    email = _text(payload, "author_email") or ""
    content = _text(payload, "content") or ""
    optional = {key: _text(payload, key) for key in _OPTIONAL_TEXT}
    _limit("author_name", name, limits.author_name_chars)
    # Never echo the address itself: only its length.
    _limit("author_email", email, limits.author_email_chars)
    _limit("author_url", optional["author_url"], limits.author_url_chars)
    for key in ("parent_id", "ip", "user_agent", "language", "permalink"):
        _limit(key, optional[key], limits.hint_chars)
    size = len(content) if content.isascii() else len(content.encode("utf-8"))
    if size > limits.content_bytes:
        raise InvalidComment("content", f"is {size} bytes long, more than the limit of {limits.content_bytes}")
    assert post_id is not None
    return Comment(
        id=comment_id,
        post_id=post_id,
        author_name=name,
        author_email=email,
        content=content,
        submitted_at=now,
        **optional,
    )


def parse_json(line: str | bytes, limits: Limits, now: float) -> Comment:
    """Decode one JSON document and check it against the contract."""
    try:
        payload = json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise InvalidComment("comment", f"is not valid JSON ({exc})") from None
    return parse_comment(payload, limits, now)
