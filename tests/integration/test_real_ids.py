"""Ids from real systems (base64url, Disqus, any printable ASCII) over the HTTP API, percent-encoded in paths."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.api_process import APIProcess

pytestmark = pytest.mark.integration

IDS = ["_Ugw3xK-9", "-Qm9Zk_b", "a?b#c%d&e+f", "thread/7/review", "page/public", "~!$'()*,;=[]{}|^`\\\"<>"]


@pytest.fixture
def api(redis_url: str, tmp_path: Path) -> Iterator[APIProcess]:
    env = {**os.environ, "REDIS_URL": redis_url, "MODERATION_KEY_PREFIX": f"ids{uuid.uuid4().hex[:8]}"}
    server = APIProcess(env, tmp_path / "api.log").start()
    yield server
    server.stop()


def test_ids_starting_with_an_underscore_or_a_dash_or_holding_any_printable_ascii_are_stored_and_reached(
    api: APIProcess,
) -> None:
    for comment_id in IDS:
        body = {"id": comment_id, "post_id": comment_id, "author_name": "Zoé", "content": "Bravo"}
        code, answer, _ = api.request("POST", "/comments", body)
        assert (code, answer["id"]) == (202, comment_id)
    for comment_id in IDS:
        path = "/comments/" + quote(comment_id, safe="")
        code, answer, _ = api.request("GET", path)
        assert (code, answer["id"], answer["status"]) == (200, comment_id, "queued")
        code, public, _ = api.request("GET", path + "/public")
        assert (code, public["id"], public["post_id"]) == (200, comment_id, comment_id)


def test_an_id_with_a_control_character_is_refused_naming_the_field(api: APIProcess) -> None:
    code, answer, _ = api.request("POST", "/comments", {"id": "a\u0007b", "post_id": "p1"})
    assert code == 422
    assert answer["field"] == "id" and "printable ASCII" in answer["error"]
