"""Expiry of personal data on a real Redis: what expires when, one runner at a time, passes that resume."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from tests.helpers import sample_comments
from worker.models import Decision, Status
from worker.ops.retention import DAY_S, Retention
from worker.service import Service
from worker.settings import Settings, load_settings

pytestmark = pytest.mark.integration
NOW = 2_000_000_000.0


@pytest.fixture
def service(redis_url: str, redis_client: redis.Redis, repo_root: Path) -> Iterator[Service]:
    settings = load_settings({"REDIS_URL": redis_url, "MODERATION_CONFIG": str(repo_root / "config" / "settings.toml")})
    svc = Service.from_settings(settings, lambda: None)
    yield svc
    svc.store.client.close()


def decide(service: Service, ids: list[str], status: Status, at: float) -> None:
    """Record a worker's decision on each comment, dated ``at``."""
    comments = service.store.load_queued(ids)
    assert len(comments) == len(ids)
    service.store.record([(c, Decision(status, (), {}, "v", at)) for c in comments])


def private(service: Service, comment_id: str) -> dict[str, object]:
    return dict(json.loads(service.store.client.hget(service.store.keys.comment(comment_id), "comment")))


def retention(service: Service, **changes: float) -> Retention:
    settings: Settings = service.settings.replace(**changes)
    return Retention(service.store.client, service.store.keys, settings)


def test_only_decided_comments_older_than_the_setting_lose_their_email_and_ip(service: Service) -> None:
    comments = sample_comments(4, "r")
    for comment in comments:
        comment["ip"] = "203.0.113.5"
    service.submit(comments)
    decide(service, ["r-0"], Status.APPROVED, NOW - 31 * DAY_S)
    decide(service, ["r-1"], Status.REJECTED, NOW - 31 * DAY_S)
    decide(service, ["r-2"], Status.APPROVED, NOW - 29 * DAY_S)
    decide(service, ["r-3"], Status.FLAGGED, NOW - 90 * DAY_S)

    found = retention(service, erase_private_after_days=30.0).run_if_due(NOW)

    assert found is not None and found.finished
    assert (found.erased, found.deleted, found.flagged_waiting) == (2, 0, 1)
    for comment_id in ("r-0", "r-1"):
        assert private(service, comment_id)["author_email"] == "" and private(service, comment_id)["ip"] is None
        assert private(service, comment_id)["content"], "the comment itself stays"
    assert private(service, "r-2")["author_email"] == "reader2@example.org", "decided 29 days ago"
    assert private(service, "r-3")["ip"] == "203.0.113.5", "flagged: it waits for a moderator"


def test_a_finished_pass_waits_for_the_interval_and_a_held_lock_keeps_others_out(service: Service) -> None:
    service.submit(sample_comments(1, "w"))
    expiry = retention(service, erase_private_after_days=1.0, retention_interval_s=3600.0)
    assert expiry.run_if_due(NOW) is not None
    assert expiry.run_if_due(NOW + 60) is None, "the next pass is due in an hour"
    assert expiry.run_if_due(NOW + 3601) is not None
    service.store.client.set(service.store.keys.retention_lock, "another-host")
    assert expiry.run_if_due(NOW + 99_999) is None, "another host carries the pass on"


def test_a_pass_cut_short_by_its_budget_resumes_where_it_stopped(service: Service) -> None:
    service.submit(sample_comments(1500, "b"))
    ids = [f"b-{i}" for i in range(1500)]
    decide(service, ids, Status.APPROVED, NOW - 2 * DAY_S)
    expiry = retention(service, erase_private_after_days=1.0)
    expiry.step_budget_s = 0.0  # one SCAN call per step

    steps = []
    while not steps or not steps[-1].finished:
        found = expiry.run_if_due(NOW)
        assert found is not None
        steps.append(found)
        assert len(steps) < 100
    assert len(steps) > 1, "1,500 comments take several SCAN calls"
    assert sum(s.erased for s in steps) == 1500
    assert all(private(service, i)["author_email"] == "" for i in ids)


def test_nothing_expires_when_both_settings_are_zero(service: Service) -> None:
    service.submit(sample_comments(1, "z"))
    decide(service, ["z-0"], Status.APPROVED, NOW - 999 * DAY_S)
    assert retention(service, erase_private_after_days=0.0, retain_decided_days=0.0).run_if_due(NOW) is None
    assert private(service, "z-0")["author_email"] == "reader0@example.org"
