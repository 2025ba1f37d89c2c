"""GET /posts/{post_id}/comments on a real API process: pages, cursor, ETag, percent-encoded post ids."""

from __future__ import annotations

import http.client
import json
import os
import random
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.api_process import APIProcess
from tests.integration.test_thread import comment, decide_all, expected_order
from worker.client import ModerationClient
from worker.settings import load_settings

pytestmark = pytest.mark.integration

POST = "blog/2026/billet?42"


@pytest.fixture
def env(redis_url: str) -> dict[str, str]:
    name = f"tt{uuid.uuid4().hex[:8]}"
    return {**os.environ, "REDIS_URL": redis_url, "MODERATION_KEY_PREFIX": name, "MODERATION_QUEUE": name}


@pytest.fixture
def api(env: dict[str, str], tmp_path: Path) -> Iterator[APIProcess]:
    server = APIProcess(env, tmp_path / "api.log", token="site-token").start()
    yield server
    server.stop()


@pytest.fixture
def moderation(env: dict[str, str]) -> Iterator[ModerationClient]:
    with ModerationClient(load_settings(env)) as client:
        yield client


def approve(moderation: ModerationClient, comments: list[dict[str, object]]) -> None:
    moderation.submit_many(comments)
    while moderation.service.drain().taken:
        pass
    for held in moderation.flagged(1000):
        moderation.review(held, "approve", moderator="camille")


def status_and_etag(api: APIProcess, path: str, etag: str = "") -> tuple[int, str]:
    """GET with If-None-Match; a 304 has no body, so this reads the answer itself."""
    connection = http.client.HTTPConnection("127.0.0.1", api.port, timeout=10)
    try:
        connection.request("GET", path, headers={"Authorization": "Bearer site-token", "If-None-Match": etag})
        response = connection.getresponse()
        response.read()
        return response.status, str(response.getheader("ETag"))
    finally:
        connection.close()


def test_the_thread_is_served_in_pages_with_an_etag_that_answers_304_until_it_changes(
    api: APIProcess, moderation: ModerationClient
) -> None:
    approve(moderation, [
        {"id": f"c{i}", "post_id": POST, "parent_id": "c0" if i % 2 else None, "author_name": f"Auteur {i}",
         "author_email": f"a{i}@example.org", "content": f"Avis numéro {i} <script>alert(1)</script>"}
        for i in range(5)
    ])  # fmt: skip
    path = f"/posts/{quote(POST, safe='')}/comments"
    code, first, headers = api.request("GET", path + "?limit=3")
    assert code == 200 and first["post_id"] == POST
    assert [(c["id"], c["depth"]) for c in first["comments"]] == [("c0", 0), ("c1", 1), ("c3", 1)]
    assert all("<script>" not in c["content_html"] for c in first["comments"])  # the text is kept, the HTML is safe
    assert "@example.org" not in json.dumps(first)
    assert status_and_etag(api, path + "?limit=3", headers["etag"]) == (304, headers["etag"])
    code, second, _ = api.request("GET", f"{path}?limit=3&cursor={first['next_cursor']}")
    assert [c["id"] for c in second["comments"]] == ["c2", "c4"] and second["next_cursor"] is None

    code, _, whole = api.request("GET", path)
    approve(moderation, [{"id": "c5", "post_id": POST, "parent_id": "c0", "author_name": "Six",
                          "author_email": "six@example.org", "content": "Encore un avis"}])  # fmt: skip
    code, etag = status_and_etag(api, path, whole["etag"])
    assert code == 200 and etag != whole["etag"]


def test_a_bad_cursor_or_limit_is_refused_naming_it_and_the_token_is_needed(api: APIProcess) -> None:
    code, body, _ = api.request("GET", "/posts/p1/comments?cursor=nope")
    assert (code, body["field"]) == (422, "cursor")
    code, body, _ = api.request("GET", "/posts/p1/comments?limit=100000")
    assert (code, body["field"]) == (422, "limit")
    code, _, _ = api.request("GET", "/posts/p1/comments", headers={"Authorization": "Bearer wrong"})
    assert code == 401
    code, body, _ = api.request("GET", "/posts/unknown/comments")
    assert (code, body["comments"], body["next_cursor"]) == (200, [], None)


def test_a_thousand_approved_comments_page_over_http_in_thread_order_while_more_are_approved(
    api: APIProcess, moderation: ModerationClient
) -> None:
    rng = random.Random(5)
    ids: list[str] = []
    for start in range(0, 1000, 250):
        batch = []
        for i in range(start, start + 250):
            parent = None if i < 10 or i % 3 == 0 else ids[rng.randrange(len(ids))]
            batch.append(comment(i, POST, parent))
            ids.append(f"t-{i}")
        moderation.submit_many(batch)
        decide_all(moderation)
    original = [moderation.public_view(i) for i in ids]
    path = f"/posts/{quote(POST, safe='')}/comments?limit=100"
    served: list[dict[str, object]] = []
    cursor = ""
    for page_number in range(100):
        code, page, _ = api.request("GET", path + (f"&cursor={cursor}" if cursor else ""))
        assert code == 200
        served.extend(page["comments"])
        replies = [comment(5000 + page_number * 10 + k, POST, rng.choice([*ids, None])) for k in range(5)]
        moderation.submit_many(replies)
        decide_all(moderation)
        cursor = page["next_cursor"]
        if cursor is None:
            break
    served_ids = [str(c["id"]) for c in served]
    assert len(served_ids) == len(set(served_ids)), "a comment was served twice"
    assert [i for i in served_ids if i in set(ids)] == expected_order(original), "a comment was skipped or misplaced"
    assert "@example.org" not in json.dumps(served)
