"""Akismet's four calls at ``/1.1/``: form fields in, plain text out (see worker/akismet/protocol.py).

The Akismet key in the form is the credential: these routes take no bearer token.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from worker.akismet.endpoint import AkismetEndpoint
from worker.akismet.protocol import Answer, Form, problem
from worker.client import ModerationClient
from worker.errors import StoreUnavailable

MAX_FORM_BYTES = 1024 * 1024
"""Largest form read: a comment's content is at most 64 KiB, the other fields a few hundred bytes each."""


async def read_form(request: Request) -> Form | Answer:
    """The form's fields (the last value of each), or the answer saying why it cannot be read."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind and kind != "application/x-www-form-urlencoded":
        return problem(f"the body must be application/x-www-form-urlencoded, not {kind[:60]}")
    raw = await request.body()
    if len(raw) > MAX_FORM_BYTES:
        return problem(f"the body is {len(raw)} bytes, more than the limit of {MAX_FORM_BYTES}")
    try:
        return dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
    except UnicodeDecodeError:
        return problem("the body is not UTF-8 (send blog_charset=UTF-8 and the fields in UTF-8)")


def plain(answer: Answer, status: int = 200) -> Response:
    """The answer as Akismet gives it: text/plain, its headers."""
    return Response(answer.body, status, answer.headers, "text/plain; charset=utf-8")


def akismet_router(client: ModerationClient) -> APIRouter:
    """``POST /1.1/comment-check``, ``/1.1/submit-spam``, ``/1.1/submit-ham`` and ``/1.1/verify-key``."""
    endpoint = AkismetEndpoint(client, client.settings.akismet_key)
    # Not in the OpenAPI schema: a protocol of its own (form fields, plain text), documented by Akismet.
    router = APIRouter(prefix="/1.1", include_in_schema=False)

    async def serve(request: Request, call: Callable[[Form], Answer]) -> Response:
        form = await read_form(request)
        if isinstance(form, Answer):
            return plain(form)
        try:
            # Several Redis round trips and the checks: off the event loop.
            return plain(await run_in_threadpool(call, form))
        except StoreUnavailable:
            return plain(problem("the store (Redis) is unavailable; try again later"), 503)

    @router.post("/comment-check")
    async def comment_check(request: Request) -> Response:
        """Decide the comment now: ``false`` when approved, else ``true`` (with ``discard`` when rejected)."""
        return await serve(request, endpoint.comment_check)

    @router.post("/submit-spam")
    async def submit_spam(request: Request) -> Response:
        """Spam that got through: recorded as a moderator's verdict, which teaches the spam model."""
        return await serve(request, lambda form: endpoint.submit(form, "spam"))

    @router.post("/submit-ham")
    async def submit_ham(request: Request) -> Response:
        """A comment wrongly held: approved as a moderator's verdict, which teaches the model it is not spam."""
        return await serve(request, lambda form: endpoint.submit(form, "approve"))

    @router.post("/verify-key")
    async def verify_key(request: Request) -> Response:
        """``valid`` for this service's Akismet key (``akismet_key``), else ``invalid``."""
        return await serve(request, endpoint.verify_key)

    return router
