"""The HTTP API: the Python client's calls as JSON over HTTP, for web apps written in any language.

A WSGI application (served by ``moderation api`` with waitress) over :class:`worker.client.ModerationClient`.
Every answer is JSON; an error is ``{"error": ..., "field": ...}`` with a 4xx status naming what is
wrong, or 503 when Redis cannot be reached. With ``api_token`` set, every route but ``/health`` needs
``Authorization: Bearer <token>``; with ``api_moderator_token`` set too, the moderators' routes (review,
flagged) need that one, which also opens every other route. No answer or log line holds an author's
email or IP.

    GET  /health                   200 {"redis": "ok"}, or 503
    POST /comments                 one comment: 202 (queued) or 200 (already known) {"id", "status", "created"};
                                   a list: 200 [one result or {"index", "field", "error"} per item]
    GET  /comments/{id}            its status, reasons and scores
    GET  /comments/{id}/public     what the page may show
    POST /comments/{id}/review     {"verdict": "approve"|"reject"|"spam", "moderator": ..., "note": ...}
    GET  /flagged?limit=100        {"ids": [...]} waiting for a moderator, oldest first
    GET  /stats                    comments per status, ``pending`` and ``oldest_queued_s``
    GET  /metrics                  the same as Prometheus gauges (text format)
    GET  /events?after=0&count=100&block_ms=0   {"events": [...]} decision events, oldest first

Ids may hold "/": ``/comments/site/42`` is the comment ``site/42``. An id that itself ends in
``/public`` or ``/review`` is reached with its slashes percent-encoded (``/comments/a%2Fpublic``).
"""

from __future__ import annotations

import hmac
import json
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, unquote

from worker import metrics
from worker.client import ModerationClient
from worker.errors import AlreadyReviewed, CommentNotFound, InvalidComment, StoreUnavailable
from worker.models import JSON
from worker.store import Added

log = logging.getLogger("worker.http_api")

MAX_BODY_BYTES = 4 * 1024 * 1024
"""Largest request body read; a list of comments must fit (a comment's content is at most 64 KiB)."""
MAX_BATCH = 500
"""Most comments in one POST /comments."""
MAX_BLOCK_MS = 30_000
"""Longest wait for new events a request may ask for."""

_REASONS = {
    200: "OK",
    202: "Accepted",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    411: "Length Required",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    422: "Unprocessable Content",
    500: "Internal Server Error",
    503: "Service Unavailable",
}
_ID = r"(?P<id>.+)"  # ids may hold "/": the routes with a suffix are tried first
_ENCODED_SLASH = re.compile(r"%2f", re.IGNORECASE)
StartResponse = Callable[[str, list[tuple[str, str]]], Any]


class HTTPError(Exception):
    """An answer other than success: its status and the JSON body that says what is wrong."""

    def __init__(self, status: int, error: str, field: str | None = None, headers: Mapping[str, str] | None = None):
        super().__init__(error)
        self.status = status
        self.body: dict[str, JSON] = {"error": error, **({"field": field} if field else {})}
        self.headers = dict(headers or {})


@dataclass(frozen=True, slots=True)
class Request:
    """What a handler needs of a request: its path parameters, query and body."""

    environ: Mapping[str, Any]
    params: Mapping[str, str]

    def query(self, name: str, default: int, *, minimum: int, maximum: int) -> int:
        """Return an integer query parameter within bounds, or raise a 400 naming it."""
        given = self.text_query(name, "")
        if not given:
            return default
        try:
            value = int(given)
        except ValueError:
            raise HTTPError(400, f"must be an integer, not {given[:40]!r}", name) from None
        if not minimum <= value <= maximum:
            raise HTTPError(400, f"must be from {minimum} to {maximum}, not {value}", name)
        return value

    def text_query(self, name: str, default: str) -> str:
        """Return a text query parameter."""
        values = parse_qs(self.environ.get("QUERY_STRING", "")).get(name)
        return values[-1] if values else default

    def json(self) -> Any:
        """Return the decoded JSON body, or raise a 4xx saying why it cannot be read."""
        kind = str(self.environ.get("CONTENT_TYPE", "")).split(";")[0].strip().lower()
        if kind and kind != "application/json":
            raise HTTPError(415, f"the body must be application/json, not {kind[:60]}", "Content-Type")
        try:
            length = int(self.environ.get("CONTENT_LENGTH") or "")
        except ValueError:
            raise HTTPError(411, "a Content-Length is required", "Content-Length") from None
        if length > MAX_BODY_BYTES:
            raise HTTPError(413, f"the body is {length} bytes, more than the limit of {MAX_BODY_BYTES}")
        raw = self.environ["wsgi.input"].read(length) if length > 0 else b""
        try:
            return json.loads(raw)
        except (ValueError, RecursionError) as exc:
            raise HTTPError(400, f"the body is not valid JSON ({exc})", "body") from None


@dataclass(frozen=True, slots=True)
class Raw:
    """A body that is not JSON, with its content type."""

    data: bytes
    content_type: str


Handler = Callable[[ModerationClient, Request], tuple[int, JSON | Raw]]


def _added(result: Added) -> dict[str, JSON]:
    return {"id": result.id, "status": result.status.value, "created": result.created}


def submit(client: ModerationClient, request: Request) -> tuple[int, JSON]:
    """Queue one comment (an object) or many (a list)."""
    body = request.json()
    if isinstance(body, list):
        if len(body) > MAX_BATCH:
            raise HTTPError(413, f"{len(body)} comments, more than the limit of {MAX_BATCH} per request")
        results: list[JSON] = [
            {"index": index, **result.as_dict()} if isinstance(result, InvalidComment) else _added(result)
            for index, result in enumerate(client.submit_many(body))
        ]
        return 200, results
    (result,) = client.submit_many([body])
    if isinstance(result, InvalidComment):
        raise HTTPError(422, result.message, result.field)
    return (202 if result.created else 200), _added(result)


def status(client: ModerationClient, request: Request) -> tuple[int, JSON]:
    """One comment's status, reasons and scores."""
    return 200, client.status(request.params["id"])


def public(client: ModerationClient, request: Request) -> tuple[int, JSON]:
    """What the page may show of one comment."""
    return 200, client.public_view(request.params["id"])


def review(client: ModerationClient, request: Request) -> tuple[int, JSON]:
    """A moderator's final verdict on one comment."""
    body = request.json()
    if not isinstance(body, dict):
        raise HTTPError(422, f"must be a JSON object, not {type(body).__name__}", "body")
    fields = {}
    for name in ("verdict", "moderator", "note"):
        value = body.get(name, "")
        if not isinstance(value, str):
            raise HTTPError(422, f"must be a string, not {type(value).__name__}", name)
        fields[name] = value
    unknown = sorted(set(body) - set(fields))
    if unknown:
        raise HTTPError(422, "is not a field of a review (fields: moderator, note, verdict)", unknown[0])
    verdict: Any = fields["verdict"]
    return 200, client.review(request.params["id"], verdict, fields["moderator"], fields["note"])


def flagged(client: ModerationClient, request: Request) -> tuple[int, JSON]:
    """Ids of the comments waiting for a moderator, oldest first."""
    limit = request.query("limit", 100, minimum=1, maximum=10_000)
    return 200, {"ids": list(client.flagged(limit))}


def stats(client: ModerationClient, request: Request) -> tuple[int, JSON]:
    """Comments per status, ids waiting for a worker, age of the oldest undecided comment."""
    return 200, client.stats()


def prometheus(client: ModerationClient, request: Request) -> tuple[int, Raw]:
    """The figures of ``/stats`` as Prometheus gauges."""
    return 200, Raw(metrics.exposition(metrics.registry(client)), metrics.CONTENT_TYPE)


def events(client: ModerationClient, request: Request) -> tuple[int, JSON]:
    """Decision events after ``after``, waiting up to ``block_ms`` for the first one."""
    after = request.text_query("after", "0")
    if not re.fullmatch(r"\d+(-\d+)?", after):
        raise HTTPError(400, f"must be an event id such as 1732580000000-0, not {after[:40]!r}", "after")
    count = request.query("count", 100, minimum=1, maximum=10_000)
    block_ms = request.query("block_ms", 0, minimum=0, maximum=MAX_BLOCK_MS)
    found = client.events(after, count, block_ms or None)
    return 200, {"events": [dict(event) for event in found]}


def health(client: ModerationClient, request: Request) -> tuple[int, JSON]:
    """Whether Redis answers."""
    client.counts()
    return 200, {"redis": "ok"}


ROUTES: tuple[tuple[re.Pattern[str], Mapping[str, Handler]], ...] = (
    (re.compile(r"/health"), {"GET": health}),
    (re.compile(r"/comments"), {"POST": submit}),
    (re.compile(rf"/comments/{_ID}/public"), {"GET": public}),
    (re.compile(rf"/comments/{_ID}/review"), {"POST": review}),
    (re.compile(rf"/comments/{_ID}"), {"GET": status}),
    (re.compile(r"/flagged"), {"GET": flagged}),
    (re.compile(r"/stats"), {"GET": stats}),
    (re.compile(r"/metrics"), {"GET": prometheus}),
    (re.compile(r"/events"), {"GET": events}),
)
"""Each path pattern and its handler per method."""
_OPEN = frozenset({health})
_MODERATORS_ONLY = frozenset({review, flagged})


def _path(environ: Mapping[str, Any]) -> tuple[str, bool]:
    """Return the path to route, and whether its ids are still percent-encoded.

    WSGI decodes ``%2F`` in ``PATH_INFO`` into "/", which would make an id ending in "/public" unreachable;
    when the request holds an encoded slash and the server gives the path as sent (``REQUEST_URI`` from
    waitress, ``RAW_URI`` from gunicorn), routes are matched on that path and the ids in it decoded after.
    """
    raw = str(environ.get("REQUEST_URI") or environ.get("RAW_URI") or "").split("?", 1)[0]
    if raw.startswith("/") and _ENCODED_SLASH.search(raw):
        path, encoded = raw, True
    else:
        path, encoded = str(environ.get("PATH_INFO") or "/"), False
    return path.rstrip("/") or "/", encoded


class API:
    """The WSGI application; ``token`` (when not empty) is required on every route but ``/health``.

    ``moderator_token`` (when not empty) is then the only one that opens the moderators' routes, and it
    opens the others too.
    """

    def __init__(self, client: ModerationClient, token: str = "", moderator_token: str = "") -> None:
        self.client = client
        self.token = token
        self.moderator_token = moderator_token

    def __call__(self, environ: Mapping[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        """Answer one request with JSON."""
        headers: dict[str, str] = {}
        body: JSON | Raw
        try:
            code, body = self._dispatch(environ)
        except HTTPError as exc:
            code, body, headers = exc.status, exc.body, exc.headers
        except InvalidComment as exc:
            code, body = 422, {"error": exc.message, "field": exc.field}
        except CommentNotFound as exc:
            code, body = 404, {"error": str(exc), "field": "id"}
        except AlreadyReviewed as exc:
            code, body = 409, {"error": str(exc), "status": exc.status}
        except StoreUnavailable as exc:
            log.warning("store unavailable: %s", exc)
            code, body = 503, {"error": "the store (Redis) is unavailable; try again later"}
        except Exception:
            # Not the request's fault: logged with its route only, never its body (it may hold an email).
            log.exception("internal error on %s %s", environ.get("REQUEST_METHOD"), environ.get("PATH_INFO"))
            code, body = 500, {"error": "internal error"}
        if isinstance(body, Raw):
            data, content_type = body.data, body.content_type
        else:
            data, content_type = json.dumps(body, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8"
        all_headers = [("Content-Type", content_type), ("Content-Length", str(len(data)))]
        start_response(f"{code} {_REASONS.get(code, '')}".strip(), all_headers + list(headers.items()))
        return [data]

    def _dispatch(self, environ: Mapping[str, Any]) -> tuple[int, JSON | Raw]:
        path, encoded = _path(environ)
        method = str(environ.get("REQUEST_METHOD", "GET")).upper()
        for pattern, methods in ROUTES:
            match = pattern.fullmatch(path)
            if match is None:
                continue
            params = {name: unquote(value) if encoded else value for name, value in match.groupdict().items()}
            handler = methods.get(method)
            if handler is None:
                allowed = ", ".join(sorted(methods))
                raise HTTPError(405, f"{method} is not allowed here (allowed: {allowed})", headers={"Allow": allowed})
            if handler not in _OPEN:
                self._authorise(environ, moderators_only=handler in _MODERATORS_ONLY)
            return handler(self.client, Request(environ, params))
        raise HTTPError(404, f"no such route: {path[:100]}")

    def _authorise(self, environ: Mapping[str, Any], *, moderators_only: bool) -> None:
        given = str(environ.get("HTTP_AUTHORIZATION", ""))
        scheme, _, credentials = given.partition(" ")
        bearer = credentials.strip().encode() if scheme.lower() == "bearer" else b""
        if self.moderator_token and _same(bearer, self.moderator_token):
            return
        if moderators_only and self.moderator_token:
            if _same(bearer, self.token):
                raise HTTPError(403, "this route needs the moderators' token (api_moderator_token)", "Authorization")
            raise _unauthorised("api_moderator_token")
        if self.token and not _same(bearer, self.token):
            raise _unauthorised("api_token")


def _same(given: bytes, token: str) -> bool:
    return bool(given) and bool(token) and hmac.compare_digest(given, token.encode())


def _unauthorised(setting: str) -> HTTPError:
    return HTTPError(
        401, f"a valid 'Authorization: Bearer <{setting}>' header is required", "Authorization",
        {"WWW-Authenticate": "Bearer"},
    )  # fmt: skip
