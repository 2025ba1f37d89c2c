"""Personal data expires on its own, and ``moderation forget`` leaves nothing of an author in Redis."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import pytest
import redis

from tests.helpers import sample_comments
from tests.workers import WorkerProcess, decided, wait_until
from worker.client import ModerationClient
from worker.keys import Keys
from worker.models import Comment
from worker.policy import Policy
from worker.settings import load_settings
from worker.spam.identity import author_key
from worker.spam.state import SpamState

pytestmark = pytest.mark.e2e

TARGET = "Ana.Target@Example.org"
IPS = ("192.0.2.10", "192.0.2.11")


def everything(client: redis.Redis, prefix: str) -> str:
    """Every key of the deployment, its name and its whole content, as one text to search."""
    parts: list[str] = []
    for raw in client.scan_iter(match=f"{prefix}:*", count=1000):
        key = raw.decode()
        kind = client.type(key).decode()
        content: Any
        if kind == "string":
            content = client.get(key)
        elif kind == "hash":
            content = client.hgetall(key)
        elif kind == "list":
            content = client.lrange(key, 0, -1)
        elif kind == "set":
            content = client.smembers(key)
        elif kind == "zset":
            content = client.zrange(key, 0, -1, withscores=True)
        elif kind == "stream":
            content = client.xrange(key)
        else:
            content = kind
        parts.append(f"{key} {content!r}")
    return "\n".join(parts)


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "worker.cli", *args], env=env, capture_output=True, text=True, timeout=60, check=False
    )


def target_comments() -> list[dict[str, object]]:
    text = "Je reviens sur ce sujet passionnant avec quelques remarques sur la mise en page de ce blog tres clair"
    return [
        {
            "id": f"ana-{i}",
            "post_id": "p1",
            "author_name": "Ana",
            "author_email": TARGET if i % 2 else TARGET.lower(),
            "content": f"{text} {i}",
            "ip": IPS[i % 2],
            "user_agent": "Mozilla/5.0 (Ana)",
        }
        for i in range(4)
    ]


def test_forget_leaves_no_email_keyed_hash_or_ip_of_the_author_in_redis(
    start_worker: Callable[..., WorkerProcess], client: ModerationClient, worker_env: dict[str, str]
) -> None:
    start_worker()
    others = sample_comments(20, "other")
    mine = target_comments()
    client.submit_many([*mine, *others])
    wait_until(lambda: decided(client) == 24, 60, "24 decisions")
    client.review("ana-1", "approve", moderator="camille")  # a moderator makes Ana a known author

    settings = load_settings(worker_env)
    store = redis.Redis.from_url(settings.redis_url)
    keys = Keys(settings.key_prefix)
    state = SpamState.build(Policy.load(settings.policy_path), store, keys, settings)
    h = author_key(TARGET, state.secret())
    ip_hashes = [state.seen(Comment("x", "p", ip=ip), 0.0).ip or "" for ip in IPS]
    needles = [TARGET, TARGET.lower(), h, h[:32], h[:20], *IPS, *ip_hashes, *(i[:32] for i in ip_hashes)]
    before = everything(store, settings.key_prefix)
    for needle in (TARGET.lower(), h, h[:20], IPS[0], ip_hashes[0][:32]):
        assert needle in before, f"{needle} is not stored at all: the scan would prove nothing"

    exported = cli(worker_env, "export", "--email", TARGET)
    assert exported.returncode == 0, exported.stderr
    held = json.loads(exported.stdout)
    assert sorted(c["id"] for c in held["comments"]) == [f"ana-{i}" for i in range(4)]
    assert held["spam_state"]["known_author"] is True
    assert {c["ip"] for c in held["comments"]} == set(IPS)

    forgot = cli(worker_env, "forget", "--email", TARGET, "--json")
    assert forgot.returncode == 0, forgot.stderr
    assert json.loads(forgot.stdout)["erased"] == 4
    for output in (forgot.stdout, forgot.stderr, exported.stderr):
        assert TARGET.lower() not in output.lower(), "the address is never logged"

    after = everything(store, settings.key_prefix)
    for needle in needles:
        assert needle not in after, f"{needle!r} is still in Redis after forget"
    assert "reader3@example.org" in after, "other authors are left alone"
    assert client.status("ana-1")["status"] == "approved", "the decision stays"
    assert client.public_view("ana-2")["author_name"] == "Ana", "the public view stays"
    assert json.loads(cli(worker_env, "export", "--email", TARGET).stdout)["comments"] == []
    store.close()


def stored_private(client: ModerationClient, comment_id: str) -> dict[str, Any]:
    raw = client.store.client.hget(client.store.keys.comment(comment_id), "comment")
    return dict(json.loads(raw))


def test_the_workers_erase_email_and_ip_of_decided_comments_but_never_of_flagged_ones(
    start_worker: Callable[..., WorkerProcess], client: ModerationClient, worker_env: dict[str, str]
) -> None:
    worker_env.update(MODERATION_ERASE_PRIVATE_AFTER_DAYS="0.00003", MODERATION_RETENTION_INTERVAL_S="1")
    comments = sample_comments(30, "exp")
    for i, comment in enumerate(comments):
        comment["ip"] = f"198.51.100.{i}"
    client.submit_many(comments)
    start_worker()
    wait_until(lambda: decided(client) == 30, 60, "30 decisions")
    flagged = set(client.flagged(100))
    settled = [str(c["id"]) for c in comments if c["id"] not in flagged]
    assert flagged and settled
    public_before = {i: client.public_view(i) for i in settled}

    wait_until(lambda: all(not stored_private(client, i)["author_email"] for i in settled), 30, "the email to expire")

    for comment_id in settled:
        private = stored_private(client, comment_id)
        assert private["ip"] is None and private["user_agent"] is None
        assert client.public_view(comment_id) == public_before[comment_id], "the public view stays"
        facets = client.store.client.hget(client.store.keys.comment(comment_id), "facets").decode()
        assert "author=" in facets, "the keyed author hash stays"
    time.sleep(3)  # several more passes
    for comment_id in flagged:
        private = stored_private(client, comment_id)
        assert private["author_email"] and private["ip"], f"{comment_id} is flagged: it waits for a moderator"


def test_decided_comments_are_removed_after_retain_decided_days_and_flagged_ones_stay(
    start_worker: Callable[..., WorkerProcess], client: ModerationClient, worker_env: dict[str, str]
) -> None:
    worker_env.update(MODERATION_RETAIN_DECIDED_DAYS="0.00003", MODERATION_RETENTION_INTERVAL_S="1")
    comments = sample_comments(30, "del")
    client.submit_many(comments)
    start_worker()
    wait_until(lambda: client.counts()["flagged"] == 3, 60, "the flagged comments")
    wait_until(lambda: client.counts()["approved"] + client.counts()["rejected"] == 0, 30, "decided ones to go")
    assert client.counts()["flagged"] == 3
    redis_client, keys = client.store.client, client.store.keys
    assert len(list(redis_client.scan_iter(match=keys.comment("*")))) == 3
    assert len(list(redis_client.scan_iter(match=keys.history("*")))) == 3, "histories go with their comments"
    assert redis_client.zcard(keys.index("", "all")) == 3, "and so do their places in the queue indexes"
    assert redis_client.zcard(keys.index("", "approved")) == 0
