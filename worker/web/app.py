"""The ASGI application: the API's routes, its OpenAPI schema (``/openapi.json``) and docs page (``/docs``).

FastAPI over Starlette, served by uvicorn (``moderation api``). Routes match the path as sent, so that
``/comments/page%2Fpublic`` is the comment ``page/public``, not the public view of ``page``.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import anyio.to_thread
import jinja2
from fastapi import APIRouter, FastAPI, Response
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from worker.desk import Desk
from worker.sessions import Sessions
from worker.web.akismet import akismet_router
from worker.web.api import SECURITY_SCHEME, Guard, JSONErrorRoute, build_router
from worker.web.errors import http_exception
from worker.web.pages import Pages, build_pages
from worker.web.thread import thread_router

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"

templates = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
)
"""The package's templates; every value is HTML-escaped unless a template says otherwise."""
templates.filters["isotime"] = lambda at: datetime.fromtimestamp(float(at), UTC).strftime("%Y-%m-%d %H:%M:%S")
templates.filters["urlencode_id"] = lambda value: quote(str(value), safe="")


class RawPath:
    """Route on the path as sent, still percent-encoded, and without a trailing "/".

    Servers decode the path they hand on, "%2F" included, which would make an id ending in "/public"
    unreachable and an id holding "%2F" ambiguous; the routes decode each id themselves
    (:func:`worker.web.api.comment_id`).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Put the raw path in ``scope["path"]``."""
        if scope["type"] == "http":
            raw: bytes | None = scope.get("raw_path")
            path = raw.split(b"?", 1)[0].decode("latin-1") if raw else quote(scope["path"], safe="/")
            if len(path) > 1 and path.endswith("/"):
                path = path.rstrip("/") or "/"
            scope = {**scope, "path": path}
        await self.app(scope, receive, send)


def create_app(desk: Desk) -> FastAPI:
    """The whole web application over one desk (its client, moderators, queue and verdicts), with its settings."""
    settings = desk.settings
    client = desk.client

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Redis calls run in worker threads: api_threads of them at once, as many as requests waiting on Redis.
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.api_threads
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="Comment moderation API",
        version="1",
        summary="Submit comments, read their status and public view, follow decisions, review the flagged ones.",
        docs_url=None,
        redoc_url=None,
        redirect_slashes=False,
    )
    app.add_exception_handler(HTTPException, http_exception)
    guard = Guard(settings.api_token, settings.api_moderator_token, desk.moderators)
    app.include_router(build_router(client, guard, desk.queue))
    app.include_router(thread_router(client, guard))
    app.include_router(akismet_router(client))
    sessions = Sessions(desk.store.client, desk.store.keys)
    app.include_router(build_pages(Pages(desk, sessions, templates)))
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    pages = APIRouter(route_class=JSONErrorRoute)

    @pages.get("/docs", include_in_schema=False)
    async def docs() -> Response:
        """The API's reference, rendered on the server from its OpenAPI schema (no script)."""
        return HTMLResponse(templates.get_template("docs.html").render(api=app.openapi(), ref=_ref_name))

    app.include_router(pages)
    schema_of_routes = app.openapi

    def openapi() -> dict[str, Any]:
        """FastAPI's schema, with the bearer token the guarded routes name."""
        if app.openapi_schema is None:
            document = schema_of_routes()
            document.setdefault("components", {}).setdefault("securitySchemes", {})["bearer"] = SECURITY_SCHEME
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    app.add_middleware(RawPath)
    return app


def _ref_name(node: Any) -> str:
    """A short name for a schema: its ``$ref``'s last part, its title or its type."""
    if not isinstance(node, dict):
        return ""
    if "$ref" in node:
        return str(node["$ref"]).rsplit("/", 1)[-1]
    if "oneOf" in node or "anyOf" in node:
        parts: list[Any] = node.get("oneOf") or node.get("anyOf") or []
        return " | ".join(_ref_name(part) for part in parts)
    if node.get("type") == "array":
        return f"list of {_ref_name(node.get('items', {}))}"
    return str(node.get("title") or node.get("type") or "")
