"""replicas_to_wait: a submission is answered as accepted only once that many replicas hold it (Redis WAIT)."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
import redis

from tests.helpers import sample_comments
from tests.sentinel import MASTER_NAME, SentinelSet
from worker.errors import NotReplicated, StoreUnavailable
from worker.service import Service
from worker.settings import Settings, load_settings
from worker.store import Added

pytestmark = pytest.mark.integration


def settings_for(url: str, repo_root: Path, **extra: str) -> Settings:
    env = {"REDIS_URL": url, "MODERATION_CONFIG": str(repo_root / "config" / "settings.toml")}
    env["MODERATION_KEY_PREFIX"] = "replicated"
    return load_settings({**env, **{f"MODERATION_{k.upper()}": v for k, v in extra.items()}})


def test_a_submission_is_answered_as_accepted_only_once_the_replica_holds_it(
    sentinel_set: SentinelSet, repo_root: Path
) -> None:
    settings = settings_for(
        sentinel_set.url, repo_root, replicas_to_wait="1", replica_wait_timeout_s="0.3", sentinel_master=MASTER_NAME
    )
    service = Service.from_settings(settings, lambda: None)
    first, second = sample_comments(2, "durable")
    replica = sentinel_set.replica.process
    assert replica is not None
    replica.send_signal(signal.SIGSTOP)  # a replica that lags: connected, but applying nothing
    try:
        with pytest.raises(NotReplicated):
            service.submit([first])
    finally:
        replica.send_signal(signal.SIGCONT)
    (again,) = service.submit([first])  # the web app's retry: stored already, now confirmed
    (added,) = service.submit([second])
    assert isinstance(again, Added) and not again.created
    assert isinstance(added, Added) and added.created
    with redis.Redis(port=sentinel_set.replica.port) as copy:
        for comment in (first, second):
            assert copy.hget(f"replicated:comment:{comment['id']}", "status") == b"queued"


def test_a_submission_no_replica_confirms_in_time_is_refused_as_unavailable_and_kept_for_the_workers(
    redis_url: str, redis_client: redis.Redis, repo_root: Path
) -> None:
    settings = settings_for(redis_url, repo_root, replicas_to_wait="1", replica_wait_timeout_s="0.05")
    published: list[int] = []
    service = Service.from_settings(settings, lambda: published.append(1))
    comment = sample_comments(1, "alone")[0]
    with pytest.raises(NotReplicated) as refused:
        service.submit([comment])
    assert isinstance(refused.value, StoreUnavailable)  # a 503 over HTTP: the web app submits it again
    assert "0 of the 1 replicas" in str(refused.value) and "submit them again" in str(refused.value)
    assert redis_client.hget(f"replicated:comment:{comment['id']}", "status") == "queued"
    assert published == [1], "the comment is on the master: the workers were woken for it"
    with pytest.raises(NotReplicated):
        service.submit([comment])  # the retry finds it stored, and waits for the replicas again
    assert redis_client.hget("replicated:counts", "queued") == "1"


def test_without_replicas_to_wait_a_submission_is_answered_as_soon_as_the_master_has_it(
    redis_url: str, redis_client: redis.Redis, repo_root: Path
) -> None:
    service = Service.from_settings(settings_for(redis_url, repo_root), lambda: None)
    (added,) = service.submit([sample_comments(1, "fast")[0]])
    assert not isinstance(added, Exception) and added.created
