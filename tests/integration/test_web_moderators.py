"""Moderators on the web layer, over a real API process and Redis: personal tokens, history, login, sessions."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests import queue_data
from tests.api_process import APIProcess
from worker.moderators import Moderators
from worker.settings import Settings, load_settings

pytestmark = pytest.mark.integration

PASSWORD = "correct horse battery"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture
def settings(redis_url: str) -> Settings:
    return load_settings({**os.environ, "REDIS_URL": redis_url, "MODERATION_KEY_PREFIX": f"wm{uuid.uuid4().hex[:8]}"})


@pytest.fixture
def api(settings: Settings, tmp_path: Path) -> Iterator[APIProcess]:
    """The API with both shared tokens, the rude comment flagged and camille's account."""
    queue_data.decide(settings, [queue_data.RUDE, *queue_data.flagged(2)])
    queue_data.add_moderator(settings, "camille", PASSWORD)
    env = {**os.environ, "REDIS_URL": settings.redis_url, "MODERATION_KEY_PREFIX": settings.key_prefix}
    server = APIProcess(env, tmp_path / "api.log", token="web-app", moderator_token="shared-moderators").start()
    yield server
    server.stop()
    assert queue_data.RUDE["author_email"] not in server.output()


def personal_token(settings: Settings, name: str) -> str:
    moderators = Moderators.from_settings(settings)
    try:
        return moderators.issue_token(name)
    finally:
        moderators.close()


def test_a_moderators_own_token_opens_the_moderators_routes_and_decides_as_its_owner(
    api: APIProcess, settings: Settings
) -> None:
    mine = {"Authorization": f"Bearer {personal_token(settings, 'camille')}"}
    assert api.request("GET", "/flagged", headers=mine)[0] == 200
    code, body, _ = api.request("POST", "/comments/bulk-0/review", {"verdict": "spam", "moderator": "bo"}, headers=mine)
    assert (code, body["field"]) == (403, "moderator")
    code, body, _ = api.request("POST", "/comments/bulk-0/review", {"verdict": "spam"}, headers=mine)
    assert (code, body["status"], body["decided_by"]) == (200, "rejected", "camille")
    code, body, _ = api.request("POST", "/comments/bulk-0/review", {"verdict": "approve"}, headers=mine)
    assert (code, body["decided_by"]) == (409, "camille")
    forged = {"Authorization": "Bearer mod_not-a-token-anyone-holds"}
    assert api.request("GET", "/flagged", headers=forged)[0] == 401


def test_the_api_returns_a_comments_history_to_moderators_only(api: APIProcess) -> None:
    shared = {"Authorization": "Bearer shared-moderators"}
    api.request(
        "POST", "/comments/rude-1/review", {"verdict": "reject", "moderator": "bo", "note": "rude"}, headers=shared
    )
    code, body, _ = api.request("GET", "/comments/rude-1/history", headers=shared)
    assert code == 200 and body["id"] == "rude-1"
    assert [(e["by"], e["to"]) for e in body["history"]][-2:] == [("worker", "flagged"), ("bo", "rejected")]
    assert body["history"][-1]["note"] == "rude"
    assert api.request("GET", "/comments/rude-1/history")[0] == 403  # the web app's token


def login(
    api: APIProcess, password: str = PASSWORD, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str]]:
    code, page, answer = api.request("GET", "/login", headers={"Authorization": ""})
    token = re.search(r'name="csrf" value="([^"]+)"', page)
    assert code == 200 and token is not None
    cookie = answer["set-cookie"].split(";")[0]
    form = urlencode({"csrf": token.group(1), "name": "camille", "password": password})
    sent = {**FORM, "Cookie": cookie, **(headers or {})}
    code, _, answer = api.request("POST", "/login", raw=form.encode(), headers=sent)
    return code, answer


def test_the_session_cookie_is_httponly_and_samesite_and_secure_behind_a_tls_proxy(api: APIProcess) -> None:
    code, headers = login(api)
    assert code == 303 and headers["location"] == "/queue"
    cookie = headers["set-cookie"].lower()
    assert "mod_session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    code, headers = login(api, headers={"X-Forwarded-Proto": "https"})
    assert code == 303 and "; secure" in headers["set-cookie"].lower()


def test_the_login_form_needs_its_own_csrf_token(api: APIProcess) -> None:
    form = urlencode({"name": "camille", "password": PASSWORD}).encode()
    code, body, _ = api.request("POST", "/login", raw=form, headers=FORM)
    assert (code, body["field"]) == (403, "csrf")


def test_the_queue_page_holds_no_email_and_forbids_inline_scripts(api: APIProcess) -> None:
    _, headers = login(api)
    session = headers["set-cookie"].split(";")[0]
    code, page, answer = api.request("GET", "/queue", headers={"Cookie": session})
    assert code == 200 and "rude-1" in page
    assert queue_data.RUDE["author_email"] not in page
    assert (
        "script-src 'self'" in answer["content-security-policy"]
        and "unsafe-inline" not in answer["content-security-policy"]
    )
    assert re.search(r"<script(?![^>]*\ssrc=)", page) is None
    assert float(answer["server-timing"].split("dur=")[1]) > 0
