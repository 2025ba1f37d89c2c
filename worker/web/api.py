"""The HTTP API's routes: the Python client's calls as JSON over HTTP, for web apps written in any language.

Every answer is JSON; an error is ``{"error": ..., "field": ...}`` with a 4xx status naming what is
wrong, or 503 when Redis cannot be reached. With ``api_token`` set, every route but ``/health`` needs
``Authorization: Bearer <token>``; with ``api_moderator_token`` set too, the moderators' routes (review,
flagged) need that one, which also opens every other route. No answer or log line holds an author's
email or IP. Ids are percent-encoded in paths; one ending in ``/public`` or ``/review`` must be.

Each route's Redis work is one short round trip, made on the event loop: handing it to a thread costs
more than the call itself. Only ``/events`` with ``block_ms`` waits in a worker thread (``api_threads``).
"""

from __future__ import annotations

import hmac
import json
import re
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import unquote

from fastapi import APIRouter, Query, Request, Response
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool

from worker import metrics
from worker.client import ModerationClient
from worker.errors import InvalidComment
from worker.models import JSON
from worker.moderators import TOKEN_PREFIX, Moderators
from worker.ops import metrics as work_metrics
from worker.queue import ModerationQueue
from worker.store import Added, redis_errors
from worker.web import schema
from worker.web.errors import APIError, error_response, json_response

MAX_BODY_BYTES = 4 * 1024 * 1024
"""Largest request body read; a list of comments must fit (a comment's content is at most 64 KiB)."""
MAX_BATCH = 500
"""Most comments in one POST /comments."""
MAX_BLOCK_MS = 30_000
"""Longest wait for new events a request may ask for."""
BOUNDS: dict[str, tuple[int, int]] = {"limit": (1, 10_000), "count": (1, 10_000), "block_ms": (0, MAX_BLOCK_MS)}
"""Each integer query parameter's smallest and largest value."""
SECURITY_SCHEME = {"type": "http", "scheme": "bearer", "description": "api_token, or api_moderator_token"}
"""How the schema describes the token (its name there is ``bearer``)."""
_EVENT_ID = re.compile(r"\d+(-\d+)?")
_EVENT_ID_PART_MAX = 2**64 - 1
"""Redis stream ids are two unsigned 64-bit numbers: a larger one is refused by Redis, so by the API first."""


def _is_event_id(text: str) -> bool:
    parts = text.split("-")
    # The length test first: int() refuses strings of more than 4,300 digits with an error of its own.
    return bool(_EVENT_ID.fullmatch(text)) and all(len(p) <= 20 and int(p) <= _EVENT_ID_PART_MAX for p in parts)


class JSONErrorRoute(APIRoute):
    """A route whose every failure, FastAPI's own checks included, is a JSON error, never a traceback."""

    def get_route_handler(self) -> Callable[[Request], Any]:
        """Wrap FastAPI's handler so that every exception becomes an answer."""
        return _guarded(super().get_route_handler())


class RequestOnlyRoute(JSONErrorRoute):
    """A route whose endpoint takes the request alone, called directly: FastAPI still documents it, but
    its per-request parameter solving, a third of the framework's cost of a submission, is skipped.
    """

    def get_route_handler(self) -> Callable[[Request], Any]:
        """Call the endpoint with the request; every exception becomes an answer."""
        return _guarded(self.endpoint)


def _guarded(call: Callable[[Request], Any]) -> Callable[[Request], Any]:
    """``call`` with every exception turned into an answer."""

    async def guarded(request: Request) -> Response:
        try:
            response: Response = await call(request)
        except Exception as exc:
            return error_response(exc, request, BOUNDS)
        return response

    return guarded


def comment_id(value: str) -> str:
    """The id in a path, percent-decoded (routes match the path as sent: see :class:`worker.web.app.RawPath`)."""
    return unquote(value)


async def read_json(request: Request) -> Any:
    """Return the decoded JSON body, or raise a 4xx saying why it cannot be read."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind and kind != "application/json":
        raise APIError(415, f"the body must be application/json, not {kind[:60]}", "Content-Type")
    try:
        length = int(request.headers.get("content-length") or "")
    except ValueError:
        raise APIError(411, "a Content-Length is required", "Content-Length") from None
    if length > MAX_BODY_BYTES:
        raise APIError(413, f"the body is {length} bytes, more than the limit of {MAX_BODY_BYTES}")
    raw = await request.body()
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise APIError(400, f"the body is not valid JSON ({exc})", "body") from None


def _same(given: bytes, token: str) -> bool:
    return bool(given) and bool(token) and hmac.compare_digest(given, token.encode())


def _unauthorised(setting: str) -> APIError:
    return APIError(
        401, f"a valid 'Authorization: Bearer <{setting}>' header is required", "Authorization",
        {"WWW-Authenticate": "Bearer"},
    )  # fmt: skip


class Guard:
    """The token rules: ``token`` (when set) opens every route but the moderators'; ``moderator_token`` all,
    and so does a moderator's own API token (``moderation moderator token NAME``), which also names who decides.

    Checked in each handler rather than as a FastAPI dependency, which costs a third of a submission.
    """

    def __init__(self, token: str, moderator_token: str, moderators: Moderators | None = None) -> None:
        self.token = token
        self.moderator_token = moderator_token
        self.moderators = moderators

    def check(self, request: Request, *, moderators_only: bool = False) -> str | None:
        """Raise a 401 or 403 unless the request's bearer token opens this route; return a personal token's owner."""
        scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
        bearer = credentials.strip().encode() if scheme.lower() == "bearer" else b""
        if self.moderator_token and _same(bearer, self.moderator_token):
            return None
        if self.moderators is not None and bearer.startswith(TOKEN_PREFIX.encode()):
            with redis_errors():
                owner = self.moderators.owner(bearer.decode("utf-8", errors="replace"))
            if owner is not None:
                return owner
            raise _unauthorised("a moderator's token")
        if moderators_only and self.moderator_token:
            if _same(bearer, self.token):
                raise APIError(403, "this route needs the moderators' token (api_moderator_token)", "Authorization")
            raise _unauthorised("api_moderator_token")
        if self.token and not _same(bearer, self.token):
            raise _unauthorised("api_token")
        return None


def _doc(body: dict[str, Any] | None = None) -> dict[str, Any]:
    """The schema's words for a guarded route, and its JSON body when it takes one."""
    extra: dict[str, Any] = {"security": [{"bearer": []}]}
    if body is not None:
        extra["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    return extra


def _added(result: Added) -> dict[str, JSON]:
    return {"id": result.id, "status": result.status.value, "created": result.created}


def build_router(client: ModerationClient, guard: Guard, queue: ModerationQueue) -> APIRouter:
    """The API's routes over one client (and the moderators' queue, for a comment's history)."""
    router = APIRouter(route_class=JSONErrorRoute)
    _comment_routes(router, client, guard, queue)
    _feed_routes(router, client, guard)
    return router


_COMMENTS = {
    "oneOf": [
        schema.inline(schema.CommentIn),
        {"type": "array", "maxItems": MAX_BATCH, "items": schema.inline(schema.CommentIn)},
    ]
}
_READ_ERRORS = schema.errors(401, 404, 503)
_BODY_ERRORS = schema.errors(400, 401, 411, 413, 415, 422, 503)


def _comment_routes(router: APIRouter, client: ModerationClient, guard: Guard, queue: ModerationQueue) -> None:
    """Health, submission and the per-comment routes."""

    @router.get("/health", response_model=schema.Health, responses=schema.errors(503))
    async def health() -> Response:
        """Whether Redis answers (no token needed)."""
        client.counts()
        return json_response({"redis": "ok"})

    async def submit(request: Request) -> Response:
        """Queue one comment (an object) or up to 500 (a list, each answered in order)."""
        guard.check(request)
        body = await read_json(request)
        if isinstance(body, list):
            if len(body) > MAX_BATCH:
                raise APIError(413, f"{len(body)} comments, more than the limit of {MAX_BATCH} per request")
            results: list[JSON] = [
                {"index": index, **result.as_dict()} if isinstance(result, InvalidComment) else _added(result)
                for index, result in enumerate(client.submit_many(body))
            ]
            return json_response(results)
        (result,) = client.submit_many([body])
        if isinstance(result, InvalidComment):
            raise APIError(422, result.message, result.field)
        return json_response(_added(result), 202 if result.created else 200)

    router.add_api_route(
        "/comments",
        submit,
        methods=["POST"],
        route_class_override=RequestOnlyRoute,
        status_code=202,
        responses={
            200: {"description": "already known (one comment), or one result per item (a list)"},
            202: {"model": schema.Added, "description": "queued"},
            **_BODY_ERRORS,
        },
        openapi_extra=_doc(_COMMENTS),
    )

    @router.get("/comments/{id:path}/public", responses=_READ_ERRORS, openapi_extra=_doc())
    async def public(id: str, request: Request) -> Response:
        """What the page may show of one comment: never the email nor the IP, censored words masked."""
        guard.check(request)
        return json_response(client.public_view(comment_id(id)))

    @router.post(
        "/comments/{id:path}/review",
        response_model=schema.Status,
        responses={409: {"model": schema.Conflict}, **schema.errors(403, 404), **_BODY_ERRORS},
        openapi_extra=_doc(schema.inline(schema.ReviewIn)),
    )
    async def review(id: str, request: Request) -> Response:
        """A moderator's final verdict on one comment; 409 when a moderator already decided it."""
        owner = guard.check(request, moderators_only=True)
        body = await read_json(request)
        if not isinstance(body, dict):
            raise APIError(422, f"must be a JSON object, not {type(body).__name__}", "body")
        fields = {}
        for name in ("verdict", "moderator", "note"):
            value = body.get(name, "")
            if not isinstance(value, str):
                raise APIError(422, f"must be a string, not {type(value).__name__}", name)
            fields[name] = value
        unknown = sorted(set(body) - set(fields))
        if unknown:
            raise APIError(422, "is not a field of a review (fields: moderator, note, verdict)", unknown[0])
        if owner is not None:  # a moderator's own token decides as that moderator, whatever the body says
            if fields["moderator"] and fields["moderator"] != owner:
                raise APIError(403, f"a moderator's token decides as its owner ({owner}), not another", "moderator")
            fields["moderator"] = owner
        verdict: Any = fields["verdict"]
        return json_response(client.review(comment_id(id), verdict, fields["moderator"], fields["note"]))

    @router.get("/comments/{id:path}/history", responses=_READ_ERRORS | schema.errors(403), openapi_extra=_doc())
    async def history(id: str, request: Request) -> Response:
        """Every change of the comment's status, oldest first: ``at, by, from, to, note, action``."""
        guard.check(request, moderators_only=True)
        with redis_errors():
            entries = queue.history(comment_id(id))
        return json_response({"id": comment_id(id), "history": entries})

    @router.get("/comments/{id:path}", response_model=schema.Status, responses=_READ_ERRORS, openapi_extra=_doc())
    async def status(id: str, request: Request) -> Response:
        """One comment's status, reasons and scores."""
        guard.check(request)
        return json_response(client.status(comment_id(id)))


def _feed_routes(router: APIRouter, client: ModerationClient, guard: Guard) -> None:
    """The flagged ids, the figures and the event stream."""

    @router.get(
        "/flagged", response_model=schema.Flagged, responses=schema.errors(400, 401, 403, 503), openapi_extra=_doc()
    )
    async def flagged(
        request: Request, limit: Annotated[int, Query(ge=BOUNDS["limit"][0], le=BOUNDS["limit"][1])] = 100
    ) -> Response:
        """Ids of the comments waiting for a moderator, oldest first."""
        guard.check(request, moderators_only=True)
        return json_response({"ids": list(client.flagged(limit))})

    @router.get("/stats", responses=schema.errors(401, 503), openapi_extra=_doc())
    async def stats(request: Request) -> Response:
        """Comments per status, ids waiting for a worker (``pending``), age of the oldest undecided comment."""
        guard.check(request)
        return json_response(client.stats())

    @router.get(
        "/metrics",
        responses={200: {"content": {metrics.CONTENT_TYPE: {}}}, **schema.errors(401, 503)},
        response_class=Response,
        openapi_extra=_doc(),
    )
    async def prometheus(request: Request) -> Response:
        """The figures of ``/stats`` as Prometheus gauges, and this process's work counters (submissions, verdicts)."""
        guard.check(request)
        body = metrics.exposition(metrics.registry(client)) + work_metrics.render()
        return Response(body, 200, media_type=metrics.CONTENT_TYPE)

    @router.get("/events", response_model=schema.Events, responses=schema.errors(400, 401, 503), openapi_extra=_doc())
    async def events(
        request: Request,
        after: Annotated[str, Query(description="an event id such as 1732580000000-0")] = "0",
        count: Annotated[int, Query(ge=BOUNDS["count"][0], le=BOUNDS["count"][1])] = 100,
        block_ms: Annotated[int, Query(ge=BOUNDS["block_ms"][0], le=BOUNDS["block_ms"][1])] = 0,
    ) -> Response:
        """Decision events after ``after``, waiting up to ``block_ms`` for the first one."""
        guard.check(request)
        if not _is_event_id(after):
            raise APIError(400, f"must be an event id such as 1732580000000-0, not {after[:40]!r}", "after")
        if block_ms:
            found = await run_in_threadpool(client.events, after, count, block_ms)
        else:
            found = client.events(after, count, None)
        return json_response({"events": [dict(event) for event in found]})
