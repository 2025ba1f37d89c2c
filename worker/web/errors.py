"""Every failure of a web request as one JSON answer ``{"error": ..., "field": ...}``, never a traceback."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException

from worker.errors import AlreadyReviewed, CommentNotFound, FieldError, StoreUnavailable
from worker.models import JSON

log = logging.getLogger("worker.web")


class APIError(Exception):
    """An answer other than success: its status and the JSON body that says what is wrong."""

    def __init__(self, status: int, error: str, field: str | None = None, headers: Mapping[str, str] | None = None):
        super().__init__(error)
        self.status = status
        self.body: dict[str, JSON] = {"error": error, **({"field": field} if field else {})}
        self.headers = dict(headers or {})


def json_response(body: JSON, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    """A JSON answer, UTF-8 as is (no ``\\u`` escapes)."""
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    return Response(data, status, dict(headers or {}), "application/json; charset=utf-8")


def _validation_error(exc: RequestValidationError, bounds: Mapping[str, tuple[int, int]]) -> APIError:
    """The first problem FastAPI found in the query, in the words the API always used."""
    first: dict[str, Any] = dict(exc.errors()[0]) if exc.errors() else {}
    location = [str(part) for part in first.get("loc", ())]
    field = location[-1] if location else "request"
    given = first.get("input")
    if first.get("type") == "int_parsing":
        return APIError(400, f"must be an integer, not {str(given)[:40]!r}", field)
    if field in bounds and first.get("type") in {"greater_than_equal", "less_than_equal"}:
        low, high = bounds[field]
        return APIError(400, f"must be from {low} to {high}, not {given}", field)
    return APIError(400, str(first.get("msg", "is malformed"))[:200], field)


def error_response(exc: Exception, request: Request, bounds: Mapping[str, tuple[int, int]]) -> Response:
    """The answer to any exception a route raised: a 4xx naming what is wrong, 503 without Redis, else 500."""
    if isinstance(exc, RequestValidationError):
        exc = _validation_error(exc, bounds)
    if isinstance(exc, APIError):
        return json_response(exc.body, exc.status, exc.headers)
    if isinstance(exc, FieldError):  # InvalidComment, InvalidRequest
        return json_response({"error": exc.message, "field": exc.field}, 422)
    if isinstance(exc, CommentNotFound):
        return json_response({"error": str(exc), "field": "id"}, 404)
    if isinstance(exc, AlreadyReviewed):
        return json_response({"error": str(exc), "status": exc.status, "decided_by": exc.decided_by}, 409)
    if isinstance(exc, StoreUnavailable):
        log.warning("store unavailable: %s", exc)
        return json_response({"error": "the store (Redis) is unavailable; try again later"}, 503)
    # Not the request's fault: logged with its route only, never its body (it may hold an email).
    log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
    return json_response({"error": "internal error"}, 500)


async def http_exception(request: Request, exc: Exception) -> Response:
    """The router's own answers (no such route, method not allowed) as the API's JSON errors."""
    assert isinstance(exc, HTTPException)
    headers = dict(exc.headers or {})
    if exc.status_code == 404:
        return json_response({"error": f"no such route: {request.url.path[:100]}"}, 404)
    if exc.status_code == 405:
        allowed = headers.get("Allow", "")
        return json_response({"error": f"{request.method} is not allowed here (allowed: {allowed})"}, 405, headers)
    return json_response({"error": str(exc.detail)}, exc.status_code, headers)


Endpoint = Callable[[Request], Awaitable[Response]]
