"""Akismet's protocol, as its documentation gives it: form fields in, plain-text answers and headers out (pure).

Fields: ``api_key`` (or ``key``), ``blog``, ``user_ip``, ``user_agent``, ``referrer``, ``permalink``,
``comment_type``, ``comment_author``, ``comment_author_email``, ``comment_author_url``, ``comment_content``,
``comment_date_gmt``, ``comment_post_modified_gmt``, ``blog_lang``, ``blog_charset``, ``user_role``,
``is_test``, ``recheck_reason``, ``honeypot_field_name``, ``comment_context``... Answers: ``true`` (spam)
or ``false`` for comment-check, with ``X-akismet-pro-tip: discard`` for what needs no second look;
``Thanks for making the web a better place.`` for submit-spam and submit-ham; ``valid`` or ``invalid``
for verify-key. A request that cannot be served gets ``invalid`` (bad key) or a sentence naming the
problem, with the ``X-akismet-debug-help`` header saying the same.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from worker.models import JSON, Status

THANKS = "Thanks for making the web a better place."
Form = Mapping[str, str]

_IDENTIFIER = re.compile(r"[\x21-\x7e]{1,128}")
_TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True, slots=True)
class Answer:
    """A plain-text answer and its headers."""

    body: str
    headers: dict[str, str] = field(default_factory=dict)


def problem(message: str, body: str | None = None) -> Answer:
    """A request that cannot be served: ``body`` (the message by default), and the debug header."""
    return Answer(body if body is not None else message, {"X-akismet-debug-help": message})


def key_problem(form: Form, key: str) -> Answer | None:
    """``invalid`` with the reason when the key is missing, wrong or unset here, or ``blog`` is missing; else None."""
    if not key:
        return problem("this service's Akismet endpoint is off: set the akismet_key setting", "invalid")
    given = form.get("api_key") or form.get("key") or ""
    if not given:
        return problem("Empty 'api_key' value", "invalid")
    if not hmac.compare_digest(given.encode(), key.encode()):
        return problem("Invalid API key", "invalid")
    if not form.get("blog"):
        return problem("Empty 'blog' value", "invalid")
    return None


def is_test(form: Form) -> bool:
    """True when the request says it is a test (``is_test``): it is answered, but neither stored nor learnt."""
    return form.get("is_test", "").strip().lower() in _TRUE


def comment_id(form: Form, secret: str) -> str:
    """The comment's id: a keyed hash of what identifies it, so that submit-spam finds what comment-check stored.

    Keyed, because the id is published and the fields hashed include the author's email and IP.
    """
    parts = [
        form.get(name, "")
        for name in ("blog", "permalink", "comment_author", "comment_author_email", "comment_content", "user_ip")
    ]
    digest = hmac.new(secret.encode(), "\x00".join(parts).encode(), hashlib.sha256).hexdigest()
    return f"akismet-{digest[:32]}"


def post_id(form: Form) -> str:
    """The post: the permalink, else the blog's address, when it is a usable id; else a hash of it."""
    where = form.get("permalink") or form.get("blog") or "akismet"
    if _IDENTIFIER.fullmatch(where):
        return where
    return "akismet-post-" + hashlib.sha256(where.encode()).hexdigest()[:32]


def language(blog_lang: str) -> str | None:
    """The first language of ``blog_lang`` (``fr_fr, en`` gives ``fr``)."""
    first = blog_lang.split(",", maxsplit=1)[0].strip().replace("-", "_").split("_")[0].lower()
    return first or None


def comment_payload(form: Form, secret: str) -> dict[str, JSON]:
    """The comment, in this service's contract, that an Akismet request describes."""
    return {
        "id": comment_id(form, secret),
        "post_id": post_id(form),
        "author_name": form.get("comment_author", ""),
        "author_email": form.get("comment_author_email", ""),
        "author_url": form.get("comment_author_url") or None,
        "content": form.get("comment_content", ""),
        "ip": form.get("user_ip") or None,
        "user_agent": form.get("user_agent") or None,
        "language": language(form.get("blog_lang", "")),
        "permalink": form.get("permalink") or None,
    }


def check_answer(status: Status, comment: str) -> Answer:
    """comment-check's answer: ``false`` when approved; ``true`` when held, with ``discard`` when rejected."""
    headers = {"X-moderation-status": status.value, "X-moderation-id": comment}
    if status is Status.APPROVED:
        return Answer("false", headers)
    if status is Status.REJECTED:
        headers["X-akismet-pro-tip"] = "discard"
    return Answer("true", headers)
