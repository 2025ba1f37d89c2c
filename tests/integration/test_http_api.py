"""The HTTP API, served by a real ``moderation api`` process, against a real Redis."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.api_process import APIProcess, free_port
from tests.helpers import sample_comments

pytestmark = pytest.mark.integration

EMAIL = "zoe.private@example.fr"
GOOD = {"id": "c-1", "post_id": "p1", "author_name": "Zoé", "author_email": EMAIL, "content": "Bravo !"}


@pytest.fixture
def start_api(redis_url: str, tmp_path: Path) -> Iterator[Callable[..., APIProcess]]:
    """Start API servers on the test Redis, each under a key prefix of its own test; stop them after."""
    started: list[APIProcess] = []
    prefix = f"api{uuid.uuid4().hex[:8]}"

    def start(token: str = "", redis: str | None = None, moderator_token: str = "") -> APIProcess:
        env = {**os.environ, "REDIS_URL": redis or redis_url, "MODERATION_KEY_PREFIX": prefix}
        api = APIProcess(env, tmp_path / f"api{len(started)}.log", token, moderator_token).start()
        started.append(api)
        return api

    yield start
    for api in started:
        api.stop()


def test_a_comment_is_queued_with_202_and_the_same_id_again_answers_200_with_the_stored_record(
    start_api: Callable[..., APIProcess],
) -> None:
    api = start_api()
    first = api.request("POST", "/comments", GOOD)
    again = api.request("POST", "/comments", {**GOOD, "content": "changed"})
    assert first[:2] == (202, {"id": "c-1", "status": "queued", "created": True})
    assert again[:2] == (200, {"id": "c-1", "status": "queued", "created": False})
    assert api.request("GET", "/comments/c-1")[:2] == (200, {"id": "c-1", "status": "queued"})
    stats = api.request("GET", "/stats")[1]
    assert (stats["queued"], stats["pending"]) == (1, 1)
    assert 0 <= stats["oldest_queued_s"] < 60


def test_metrics_give_the_deployments_figures_as_prometheus_gauges(start_api: Callable[..., APIProcess]) -> None:
    api = start_api(token="t0ken")
    api.request("POST", "/comments", GOOD)
    api.request("POST", "/comments", {**GOOD, "id": "c-2"})
    api.request("POST", "/comments/c-2/review", {"verdict": "spam", "moderator": "camille"})
    code, text, headers = api.request("GET", "/metrics")
    assert code == 200 and headers["content-type"].startswith("text/plain; version=0.0.4")
    lines = set(text.splitlines())
    assert {
        'moderation_comments{status="queued"} 1.0',
        'moderation_comments{status="rejected"} 1.0',
        'moderation_comments{status="approved"} 0.0',
        "moderation_pending 2.0",
    } <= lines
    assert any(line.startswith("moderation_oldest_queued_seconds ") for line in lines)
    assert EMAIL not in text
    assert api.request("GET", "/metrics", headers={"Authorization": ""})[0] == 401


def test_a_bad_comment_gets_422_naming_the_field_and_never_repeating_the_email(
    start_api: Callable[..., APIProcess],
) -> None:
    api = start_api()
    code, body, _ = api.request("POST", "/comments", {**GOOD, "author_email": "x" * 120 + EMAIL})
    assert code == 422
    assert body["field"] == "author_email" and "limit of 100" in body["error"]
    assert EMAIL not in json.dumps(body)
    assert api.request("POST", "/comments", {"post_id": "p", "colour": "red"})[1]["field"] == "colour"


def test_in_a_list_each_bad_item_is_named_by_its_index_and_the_good_ones_are_still_queued(
    start_api: Callable[..., APIProcess],
) -> None:
    api = start_api()
    good = sample_comments(2, "batch")
    code, body, _ = api.request("POST", "/comments", [good[0], {"content": "no post"}, 7, good[1]])
    assert code == 200
    assert [item.get("index") for item in body] == [None, 1, 2, None]
    assert (body[1]["field"], body[2]["field"]) == ("post_id", "comment")
    assert [body[0]["created"], body[3]["created"]] == [True, True]
    assert api.request("GET", "/stats")[1]["queued"] == 2


@pytest.mark.parametrize(
    ("raw", "headers", "code", "field"),
    [
        (b"{oops", {}, 400, "body"),
        (b"", {}, 400, "body"),
        (b'{"post_id": "p"}', {"Content-Type": "text/plain"}, 415, "Content-Type"),
        (b'{"post_id": "p"}', {"Content-Type": "application/x-www-form-urlencoded"}, 415, "Content-Type"),
    ],
)
def test_a_body_that_is_not_json_gets_a_clear_4xx_and_the_server_goes_on(
    start_api: Callable[..., APIProcess], raw: bytes, headers: dict[str, str], code: int, field: str
) -> None:
    api = start_api()
    answer = api.request("POST", "/comments", raw=raw, headers=headers)
    assert (answer[0], answer[1]["field"]) == (code, field)
    assert api.request("POST", "/comments", GOOD)[0] == 202


def test_unknown_routes_ids_and_methods_get_404_and_405_with_the_allowed_methods(
    start_api: Callable[..., APIProcess],
) -> None:
    api = start_api()
    assert api.request("GET", "/nowhere")[0] == 404
    code, body, _ = api.request("GET", "/comments/missing")
    assert (code, body["field"]) == (404, "id")
    code, _, headers = api.request("DELETE", "/comments/c-1")
    assert (code, headers["allow"]) == (405, "GET")


def test_query_parameters_out_of_range_or_malformed_are_named(start_api: Callable[..., APIProcess]) -> None:
    api = start_api()
    code, body, _ = api.request("GET", "/flagged?limit=abc")
    assert (code, body) == (400, {"error": "must be an integer, not 'abc'", "field": "limit"})
    assert api.request("GET", "/flagged?limit=0")[1]["field"] == "limit"
    assert api.request("GET", "/events?after=drop%20table")[1]["field"] == "after"
    assert api.request("GET", "/events?after=20000000000000000000")[:2] == (
        400,
        {"error": "must be an event id such as 1732580000000-0, not '20000000000000000000'", "field": "after"},
    )
    assert api.request("GET", "/events?after=" + "9" * 5000)[1]["field"] == "after"
    assert api.request("GET", "/events?after=18446744073709551615-18446744073709551615")[0] == 200
    assert api.request("GET", "/events?block_ms=999999")[1]["field"] == "block_ms"


def test_a_moderator_review_is_final_and_a_second_one_gets_409(start_api: Callable[..., APIProcess]) -> None:
    api = start_api()
    api.request("POST", "/comments", {**GOOD, "id": "site/42/comment-7"})
    code, body, _ = api.request(
        "POST", "/comments/site/42/comment-7/review", {"verdict": "spam", "moderator": "camille", "note": "casino"}
    )
    assert (code, body["status"], body["decided_by"]) == (200, "rejected", "camille")
    code, body, _ = api.request("POST", "/comments/site/42/comment-7/review", {"verdict": "approve", "moderator": "bo"})
    assert (code, body["status"]) == (409, "rejected")
    assert api.request("GET", "/comments/site/42/comment-7/public")[1]["status"] == "rejected"
    events = api.request("GET", "/events?after=0")[1]["events"]
    assert [(e["id"], e["decided_by"]) for e in events] == [("site/42/comment-7", "camille")]


def test_an_id_ending_in_public_is_reached_with_its_slashes_percent_encoded(
    start_api: Callable[..., APIProcess],
) -> None:
    api = start_api()
    api.request("POST", "/comments", {**GOOD, "id": "page/public"})
    api.request("POST", "/comments", {**GOOD, "id": "page"})
    code, body, _ = api.request("GET", "/comments/page%2Fpublic")
    assert (code, body["id"], body["status"]) == (200, "page/public", "queued")
    assert "content" not in body  # its status, not the public view of "page"
    code, body, _ = api.request("POST", "/comments/page%2fpublic/review", {"verdict": "spam", "moderator": "camille"})
    assert (code, body["status"]) == (200, "rejected")
    assert api.request("GET", "/comments/page/public")[1]["id"] == "page"  # unencoded: the public view of "page"
    assert api.request("GET", "/comments/page")[1]["status"] == "queued"


def test_an_id_that_itself_holds_a_percent_encoded_slash_is_not_confused_with_one_holding_a_slash(
    start_api: Callable[..., APIProcess],
) -> None:
    api = start_api()
    api.request("POST", "/comments", {**GOOD, "id": "x%2Fy"})
    api.request("POST", "/comments", {**GOOD, "id": "x/y", "content": "the other one"})
    code, body, _ = api.request("POST", "/comments/x%252Fy/review", {"verdict": "spam", "moderator": "camille"})
    assert (code, body["id"], body["status"]) == (200, "x%2Fy", "rejected")
    assert api.request("GET", "/comments/x%2Fy")[1]["status"] == "queued"


@pytest.mark.parametrize(
    ("review", "field"),
    [
        ({"verdict": "maybe", "moderator": "camille"}, "verdict"),
        ({"verdict": "approve", "moderator": "  "}, "moderator"),
        ({"verdict": "approve", "moderator": 3}, "moderator"),
        ({"verdict": "approve", "moderator": "camille", "by": "x"}, "by"),
        (["approve"], "body"),
    ],
)
def test_a_malformed_review_gets_422_naming_the_field_and_decides_nothing(
    start_api: Callable[..., APIProcess], review: object, field: str
) -> None:
    api = start_api()
    api.request("POST", "/comments", GOOD)
    code, body, _ = api.request("POST", "/comments/c-1/review", review)
    assert (code, body["field"]) == (422, field)
    assert api.request("GET", "/comments/c-1")[1]["status"] == "queued"


def test_the_public_view_never_holds_the_email_or_the_ip(start_api: Callable[..., APIProcess]) -> None:
    api = start_api()
    api.request("POST", "/comments", {**GOOD, "ip": "203.0.113.9"})
    view = api.request("GET", "/comments/c-1/public")[1]
    assert view["author_name"] == "Zoé" and view["content"] == "Bravo !"
    assert EMAIL not in json.dumps(view) and "203.0.113.9" not in json.dumps(view)
    assert EMAIL not in api.output()


def test_with_a_token_every_route_but_health_needs_it(start_api: Callable[..., APIProcess]) -> None:
    api = start_api(token="s3cret-token")
    assert api.request("POST", "/comments", GOOD)[0] == 202
    for headers in ({"Authorization": ""}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret-token"}):
        code, body, answer_headers = api.request("GET", "/comments/c-1", headers=headers)
        assert (code, body["field"], answer_headers["www-authenticate"]) == (401, "Authorization", "Bearer")
    assert api.request("GET", "/health", headers={"Authorization": ""})[0] == 200
    assert api.request("GET", "/flagged")[0] == 200  # one token opens every route, the moderators' too


def test_with_a_moderator_token_only_it_opens_review_and_flagged_and_it_opens_the_rest_too(
    start_api: Callable[..., APIProcess],
) -> None:
    api = start_api(token="web-app-token", moderator_token="moderators-token")
    assert api.request("POST", "/comments", GOOD)[0] == 202  # the web app's token
    verdict = {"verdict": "spam", "moderator": "camille"}
    code, body, _ = api.request("POST", "/comments/c-1/review", verdict)
    assert (code, body["field"]) == (403, "Authorization")
    assert "api_moderator_token" in body["error"]
    assert api.request("GET", "/flagged")[0] == 403
    moderator = {"Authorization": "Bearer moderators-token"}
    assert api.request("GET", "/comments/c-1", headers={"Authorization": "Bearer wrong"})[0] == 401
    code, body, _ = api.request("POST", "/comments/c-1/review", verdict, headers={"Authorization": ""})
    assert (code, body["field"]) == (401, "Authorization")
    assert api.request("POST", "/comments/c-1/review", verdict, headers=moderator)[1]["status"] == "rejected"
    assert api.request("GET", "/flagged", headers=moderator)[0] == 200
    assert api.request("GET", "/comments/c-1", headers=moderator)[1]["decided_by"] == "camille"
    assert "moderators-token" not in api.output() and "web-app-token" not in api.output()


def test_on_loopback_without_an_api_token_a_moderator_token_still_guards_the_moderators_routes(
    start_api: Callable[..., APIProcess],
) -> None:
    api = start_api(moderator_token="moderators-token")
    assert api.request("POST", "/comments", GOOD)[0] == 202
    assert api.request("GET", "/comments/c-1")[0] == 200
    code, body, _ = api.request("POST", "/comments/c-1/review", {"verdict": "approve", "moderator": "bo"})
    assert (code, body["field"]) == (401, "Authorization")
    assert api.request("GET", "/comments/c-1")[1]["status"] == "queued"


def test_without_redis_the_api_answers_503_with_a_clear_error_and_no_traceback(
    start_api: Callable[..., APIProcess],
) -> None:
    api = start_api(redis=f"redis://127.0.0.1:{free_port()}/0")
    for method, path, body in (
        ("GET", "/health", None),
        ("POST", "/comments", GOOD),
        ("GET", "/stats", None),
        ("GET", "/metrics", None),
    ):
        code, answer, _ = api.request(method, path, body)
        assert code == 503, path
        assert "unavailable" in answer["error"]
    assert "Traceback" not in api.output()


def test_the_api_refuses_to_listen_beyond_loopback_without_a_token(redis_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "REDIS_URL": redis_url, "MODERATION_API_HOST": "0.0.0.0", "MODERATION_API_TOKEN": ""}
    with pytest.raises(RuntimeError, match=r"api_token.*not a loopback address"):
        APIProcess(env, tmp_path / "api.log").start()
