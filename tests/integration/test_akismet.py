"""The Akismet-compatible endpoint, driven by the published ``akismet`` client (not written here) against a real API."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import akismet
import httpx
import pytest

from tests.api_process import APIProcess
from worker.client import ModerationClient
from worker.queue import ModerationQueue, QueueQuery
from worker.settings import load_settings

pytestmark = pytest.mark.integration

KEY = "akismet-test-key-0123456789"
BLOG = "https://blog.example"
HAM = {
    "comment_type": "comment",
    "comment_author": "Camille",
    "comment_author_email": "camille@example.fr",
    "comment_content": "Merci pour cet article, très clair ! La partie sur les données m'a beaucoup appris.",
    "permalink": "https://blog.example/2026/12/billet-42",
    "user_agent": "Mozilla/5.0",
    "blog_lang": "fr_fr, en",
}
SPAM = {
    **HAM,
    "comment_author": "Cheap Pills",
    "comment_author_email": "deals@pills.example",
    "comment_content": "Buy cheap viagra now!!! http://pills.example/a http://pills.example/b http://pills.example/c",
    "comment_author_url": "http://pills.example",
}


LINKS = {
    **HAM,
    "comment_author": "Links Galore",
    "comment_author_email": "deals@links.example",
    "comment_content": "Voir aussi https://a.example/offre et https://b.example/offre pour en savoir plus.",
}


class ToService(httpx.BaseTransport):
    """Sends what the client addresses to Akismet's host to the local API instead (the client's own URL is fixed)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(scheme="http", host="127.0.0.1", port=self.port)
        return self.inner.handle_request(request)


@pytest.fixture
def env(redis_url: str) -> dict[str, str]:
    name = f"ak{uuid.uuid4().hex[:8]}"
    return {
        **os.environ,
        "REDIS_URL": redis_url,
        "MODERATION_KEY_PREFIX": name,
        "MODERATION_QUEUE": name,
        "MODERATION_AKISMET_KEY": KEY,
    }


@pytest.fixture
def api(env: dict[str, str], tmp_path: Path) -> Iterator[APIProcess]:
    server = APIProcess(env, tmp_path / "api.log").start()
    yield server
    server.stop()


@pytest.fixture
def moderation(env: dict[str, str]) -> Iterator[ModerationClient]:
    with ModerationClient(load_settings(env)) as client:
        yield client


def http_client(api: APIProcess) -> httpx.Client:
    return httpx.Client(transport=ToService(api.port), headers={"User-Agent": akismet.USER_AGENT}, timeout=10)


@pytest.fixture
def site(api: APIProcess) -> Iterator[akismet.SyncClient]:
    """The published client, configured as a site configures it, its requests sent to the local API."""
    with akismet.SyncClient.validated_client(
        config=akismet.Config(key=KEY, url=BLOG), http_client=http_client(api)
    ) as client:
        yield client


def test_verify_key_accepts_the_configured_key_only(site: akismet.SyncClient) -> None:
    assert site.verify_key() is True
    assert site.verify_key(key="not-the-key", url=BLOG) is False


def test_a_client_with_a_wrong_key_is_refused_when_it_starts(api: APIProcess) -> None:
    with pytest.raises(akismet.APIKeyError):
        akismet.SyncClient.validated_client(config=akismet.Config(key="wrong", url=BLOG), http_client=http_client(api))


def test_a_good_comment_is_ham_and_recorded_approved_in_the_counts(
    site: akismet.SyncClient, moderation: ModerationClient
) -> None:
    assert site.comment_check("203.0.113.7", **HAM) == akismet.CheckResponse.HAM
    assert moderation.counts()["approved"] == 1
    # The same comment again is the same comment: decided once.
    assert site.comment_check("203.0.113.7", **HAM) == akismet.CheckResponse.HAM
    assert moderation.counts()["approved"] == 1


def queue_ids(moderation: ModerationClient, tab: str) -> list[str]:
    """The ids the moderators' queue shows in ``tab``."""
    return ModerationQueue(moderation.store).matching_ids(QueueQuery(tab=tab))


def test_a_spam_comment_is_held_and_shows_in_the_moderators_queue(
    site: akismet.SyncClient, moderation: ModerationClient
) -> None:
    assert site.comment_check("198.51.100.9", **LINKS) == akismet.CheckResponse.SPAM
    (held,) = queue_ids(moderation, "flagged")
    view = moderation.public_view(held)
    assert view["content"] == LINKS["comment_content"]
    assert view["post_id"] == HAM["permalink"]
    assert "deals@links.example" not in str(moderation.status(held))


def test_blatant_spam_is_rejected_as_discard_and_shows_in_the_queues_rejected_tab(
    site: akismet.SyncClient, moderation: ModerationClient
) -> None:
    assert site.comment_check("198.51.100.9", **SPAM) == akismet.CheckResponse.DISCARD
    (rejected,) = queue_ids(moderation, "rejected")
    assert moderation.public_view(rejected)["content"] == SPAM["comment_content"]
    assert moderation.counts()["rejected"] == 1


def test_what_the_policy_rejects_outright_is_marked_discard(
    site: akismet.SyncClient, moderation: ModerationClient
) -> None:
    nameless = {**HAM, "comment_author": "   ", "comment_content": "Un avis sans nom."}
    assert site.comment_check("203.0.113.8", **nameless) == akismet.CheckResponse.DISCARD
    assert moderation.counts()["rejected"] == 1


def test_submit_spam_records_a_moderators_verdict_that_teaches_the_spam_model(
    site: akismet.SyncClient, moderation: ModerationClient
) -> None:
    assert site.comment_check("203.0.113.7", **HAM) == akismet.CheckResponse.HAM
    model = moderation.store.keys.spam_model
    before = moderation.store.client.hgetall(model)
    assert site.submit_spam("203.0.113.7", **HAM) is True
    status = moderation.status(moderation.events()[-1]["id"])
    assert (status["status"], status["decided_by"]) == ("rejected", "akismet")
    assert moderation.store.client.hgetall(model) != before, "the shared spam model learnt nothing"


def test_submit_ham_approves_a_held_comment_and_teaches_the_model_it_is_not_spam(
    site: akismet.SyncClient, moderation: ModerationClient
) -> None:
    assert site.comment_check("198.51.100.9", **LINKS) == akismet.CheckResponse.SPAM
    (held,) = moderation.flagged()
    model = moderation.store.keys.spam_model
    before = moderation.store.client.hgetall(model)
    assert site.submit_ham("198.51.100.9", **LINKS) is True
    assert moderation.status(held)["status"] == "approved"
    assert moderation.store.client.hgetall(model) != before


def test_submitting_a_comment_never_checked_records_it_with_the_verdict(
    site: akismet.SyncClient, moderation: ModerationClient
) -> None:
    assert site.submit_spam("198.51.100.10", **{**SPAM, "comment_content": "Never checked: http://x.example"}) is True
    assert moderation.counts()["rejected"] == 1


def test_a_test_request_is_answered_but_neither_stored_nor_learnt(
    site: akismet.SyncClient, moderation: ModerationClient
) -> None:
    assert site.comment_check("203.0.113.7", is_test=True, **HAM) == akismet.CheckResponse.HAM
    assert sum(moderation.counts().values()) == 0


def test_a_bad_request_is_answered_with_the_debug_help_header(api: APIProcess) -> None:
    with http_client(api) as raw:
        missing_ip = raw.post("https://rest.akismet.com/1.1/comment-check", data={"api_key": KEY, "blog": BLOG})
        assert missing_ip.status_code == 200
        assert missing_ip.headers["X-akismet-debug-help"] == "Missing required field: user_ip."
        wrong_key = raw.post(
            "https://rest.akismet.com/1.1/comment-check", data={"api_key": "x", "blog": BLOG, "user_ip": "1.2.3.4"}
        )
        assert (wrong_key.text, wrong_key.headers["X-akismet-debug-help"]) == ("invalid", "Invalid API key")
        too_long = raw.post(
            "https://rest.akismet.com/1.1/comment-check",
            data={"api_key": KEY, "blog": BLOG, "user_ip": "1.2.3.4", "comment_author": "x" * 300},
        )
        assert too_long.headers["X-akismet-debug-help"].startswith("comment_author: ")
