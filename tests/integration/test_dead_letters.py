"""Dead letters against a real Redis: a comment that fails again and again is set aside, never its batch."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from tests.e2e.hooks import FAULTY
from tests.helpers import sample_comments
from tests.workers import policy_with
from worker.cli import main
from worker.service import Service
from worker.settings import Settings, load_settings

pytestmark = pytest.mark.integration

LATER = 10_000_000_000.0


@pytest.fixture
def settings(redis_url: str, redis_client: redis.Redis, repo_root: Path, tmp_path: Path) -> Settings:
    env = {
        "REDIS_URL": redis_url,
        "MODERATION_CONFIG": str(repo_root / "config" / "settings.toml"),
        "MODERATION_POLICY_FILE": str(policy_with(tmp_path, ("tests.e2e.hooks:faulty",))),
        "MODERATION_KEY_PREFIX": "dead",
    }
    return load_settings(env)


@pytest.fixture
def service(settings: Settings) -> Iterator[Service]:
    svc = Service.from_settings(settings, lambda: None)
    yield svc
    svc.store.client.close()


def comments_with_one_faulty(count: int) -> list[dict[str, object]]:
    comments = sample_comments(count, "batch")
    comments[2]["content"] = f"Bonjour {FAULTY}"
    return comments


def expire_lease_and_sweep(service: Service, step: int) -> None:
    """Let the lease of everything taken run out, then sweep, ``step`` lease periods into the future."""
    service.clock = lambda: LATER + step * (service.settings.requeue_after_s + 1)
    service.sweep()


def test_a_comment_handed_back_is_taken_alone_and_a_batch_stops_before_it(service: Service) -> None:
    service.submit(sample_comments(3, "crashed"))
    service.store.take(10, 1.0)  # a worker took them, then died
    expire_lease_and_sweep(service, 1)
    service.clock = lambda: 2.0  # submitted before the hand-back, so they wait ahead of the crashed ones
    service.submit(sample_comments(2, "fresh"))

    first = service.store.take(10, LATER)
    assert (first.ids, first.retry) == (["fresh-0", "fresh-1"], False)
    assert [(t.ids, t.retry) for t in (service.store.take(10, LATER) for _ in range(3))] == [
        (["crashed-0"], True),
        (["crashed-1"], True),
        (["crashed-2"], True),
    ]


def test_a_comment_whose_check_keeps_failing_becomes_a_dead_letter_and_its_batch_is_decided(
    service: Service,
) -> None:
    service.submit(comments_with_one_faulty(6))
    assert service.drain().decided == 5
    for step in range(1, service.settings.max_attempts + 2):
        expire_lease_and_sweep(service, step)
        assert service.drain().decided == 0

    (letter,) = service.store.dead_letters()
    assert (letter.id, letter.attempts) == ("batch-2", service.settings.max_attempts)
    assert service.store.get("batch-2").status == "queued"  # undecided, not lost
    assert service.store.pending_count() == 0
    assert service.store.oldest_queued_at() is None, "a dead letter still looks like a stuck comment"


def test_a_requeued_dead_letter_goes_back_to_the_workers_with_its_attempts_forgotten(service: Service) -> None:
    service.submit(comments_with_one_faulty(3))
    for step in range(service.settings.max_attempts + 1):
        service.drain()
        expire_lease_and_sweep(service, step + 1)
    assert [d.id for d in service.store.dead_letters()] == ["batch-2"]

    assert service.requeue(["batch-2", "batch-0", "nope"]) == [True, False, False]
    assert service.store.dead_letters() == []
    assert service.store.pending_count() == 1
    taken = service.store.take(10, LATER * 2)
    assert (taken.ids, taken.retry) == (["batch-2"], False)


def test_a_dead_letter_a_moderator_decides_leaves_the_list(service: Service, settings: Settings) -> None:
    service.submit(comments_with_one_faulty(3))
    for step in range(service.settings.max_attempts + 1):
        service.drain()
        expire_lease_and_sweep(service, step + 1)
    from worker.client import ModerationClient

    with ModerationClient(settings) as client:
        client.review("batch-2", "approve", "camille")
        assert client.dead_letters() == []
        assert client.stats()["dead"] == 0


def test_moderation_dead_lists_them_and_moderation_requeue_sends_them_back(
    service: Service, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    service.submit(comments_with_one_faulty(3))
    for step in range(service.settings.max_attempts + 1):
        service.drain()
        expire_lease_and_sweep(service, step + 1)
    monkeypatch.setenv("REDIS_URL", settings.redis_url)
    monkeypatch.setenv("MODERATION_KEY_PREFIX", settings.key_prefix)
    monkeypatch.setenv("MODERATION_POLICY_FILE", str(settings.policy_path))

    out = io.StringIO()
    assert main(["dead", "--json"], out=out) == 0
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == ["batch-2"]
    out = io.StringIO()
    assert main(["dead"], out=out) == 0
    assert "batch-2  set aside" in out.getvalue() and "after 3 attempts" in out.getvalue()

    out = io.StringIO()
    assert main(["requeue", "batch-2", "batch-1"], out=out) == 1
    assert [json.loads(line) for line in out.getvalue().splitlines()] == [
        {"id": "batch-2", "requeued": True},
        {"id": "batch-1", "error": "not a dead letter"},
    ]
    out = io.StringIO()
    assert main(["stats", "--json"], out=out) == 0
    assert json.loads(out.getvalue())["dead"] == 0
