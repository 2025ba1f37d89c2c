"""``GET /posts/{post_id}/comments``: a post's approved comments in thread order, a page at a time, with an ETag."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from worker.client import MAX_THREAD_PAGE, ModerationClient
from worker.web import schema
from worker.web.api import Guard, JSONErrorRoute, _doc, comment_id


def thread_router(client: ModerationClient, guard: Guard) -> APIRouter:
    """The approved-thread route over one client."""
    router = APIRouter(route_class=JSONErrorRoute)

    @router.get("/posts/{post_id:path}/comments", responses=schema.errors(401, 422, 503), openapi_extra=_doc())
    async def thread(
        post_id: str,
        request: Request,
        cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
        limit: Annotated[int, Query(description=f"1 to {MAX_THREAD_PAGE}")] = 50,
    ) -> Response:
        """The post's approved comments (public views, with ``parent_id`` and ``depth``) in thread order.

        Pass ``next_cursor`` back as ``cursor`` for the next page (``null`` on the last). The ``ETag`` changes
        whenever the page does: send it back in ``If-None-Match`` to get ``304`` while nothing changed.
        """
        guard.check(request)
        page = await run_in_threadpool(client.thread, comment_id(post_id), cursor, limit)
        body = json.dumps(page, ensure_ascii=False).encode("utf-8")
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        if etag in {tag.strip() for tag in request.headers.get("if-none-match", "").split(",")}:
            return Response(status_code=304, headers=headers)
        return Response(body, 200, headers, "application/json; charset=utf-8")

    return router
