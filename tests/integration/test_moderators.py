"""Moderator accounts, API tokens and the login limiter against a real Redis."""

from __future__ import annotations

import time

import pytest
import redis
from argon2 import PasswordHasher

from worker.errors import BadCredentials, InvalidRequest, LoginThrottled, ModeratorExists, UnknownModerator
from worker.keys import Keys
from worker.moderators import LoginLimits, Moderators

pytestmark = pytest.mark.integration

CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture
def moderators(redis_client: redis.Redis) -> Moderators:
    return Moderators(
        redis_client, Keys("t"), hasher=CHEAP, limits=LoginLimits(per_account=3, per_address=5, window_s=60)
    )


def everything_stored(client: redis.Redis) -> str:
    """Every key, field and value in the database, as one string."""
    parts = []
    for key in client.scan_iter("*"):
        kind = client.type(key)
        parts.append(key)
        if kind == "hash":
            parts.extend(f"{k}={v}" for k, v in client.hgetall(key).items())
        elif kind == "set":
            parts.extend(client.smembers(key))
        elif kind == "zset":
            parts.extend(client.zrange(key, 0, -1))
        elif kind == "string":
            parts.append(client.get(key) or "")
    return "\n".join(parts)


def test_an_added_moderator_is_listed_and_can_log_in_with_the_password(moderators: Moderators) -> None:
    moderators.add("camille", "correct horse battery")
    moderators.add("bob", "another long secret")
    assert [m.name for m in moderators.list()] == ["camille", "bob"]
    assert moderators.verify("camille", "correct horse battery")
    assert not moderators.verify("camille", "wrong password!")
    assert not moderators.verify("nobody", "correct horse battery")


def test_the_password_is_kept_only_as_an_argon2_hash(moderators: Moderators, redis_client: redis.Redis) -> None:
    moderators.add("camille", "correct horse battery")
    stored = everything_stored(redis_client)
    assert "correct horse battery" not in stored
    assert "$argon2id$" in stored


def test_a_taken_name_a_bad_name_and_a_short_password_are_refused_with_the_field_named(moderators: Moderators) -> None:
    moderators.add("camille", "correct horse battery")
    with pytest.raises(ModeratorExists):
        moderators.add("camille", "something else entirely")
    with pytest.raises(InvalidRequest) as bad_name:
        moderators.add("bad name:with colon", "correct horse battery")
    assert bad_name.value.field == "name"
    with pytest.raises(InvalidRequest) as reserved:
        moderators.add("worker", "correct horse battery")
    assert reserved.value.field == "name"
    with pytest.raises(InvalidRequest) as short:
        moderators.add("dana", "short")
    assert short.value.field == "password" and "short" not in str(short.value)


def test_a_new_password_replaces_the_old_one(moderators: Moderators) -> None:
    moderators.add("camille", "correct horse battery")
    moderators.set_password("camille", "a brand new passphrase")
    assert moderators.verify("camille", "a brand new passphrase")
    assert not moderators.verify("camille", "correct horse battery")
    with pytest.raises(UnknownModerator):
        moderators.set_password("nobody", "a brand new passphrase")


def test_a_password_is_rehashed_at_login_when_the_hash_parameters_change(
    moderators: Moderators, redis_client: redis.Redis
) -> None:
    moderators.add("camille", "correct horse battery")
    before = redis_client.hget("t:moderator:camille", "password")
    stronger = Moderators(redis_client, Keys("t"), hasher=PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1))
    assert stronger.verify("camille", "correct horse battery")
    after = redis_client.hget("t:moderator:camille", "password")
    assert before != after and after is not None and "t=2" in after
    assert stronger.verify("camille", "correct horse battery")


def test_a_token_is_shown_once_stored_hashed_names_its_owner_and_can_be_revoked(
    moderators: Moderators, redis_client: redis.Redis
) -> None:
    moderators.add("camille", "correct horse battery")
    token = moderators.issue_token("camille")
    assert token not in everything_stored(redis_client)
    assert moderators.owner(token) == "camille"
    assert moderators.owner(token + "x") is None
    assert moderators.get("camille").tokens == 1
    assert moderators.revoke_token(token)
    assert moderators.owner(token) is None
    assert not moderators.revoke_token(token)


def test_removing_a_moderator_revokes_every_token_of_theirs(moderators: Moderators) -> None:
    moderators.add("camille", "correct horse battery")
    tokens = [moderators.issue_token("camille") for _ in range(2)]
    moderators.remove("camille")
    assert [moderators.owner(t) for t in tokens] == [None, None]
    assert moderators.list() == []
    with pytest.raises(UnknownModerator):
        moderators.issue_token("camille")
    with pytest.raises(UnknownModerator):
        moderators.remove("camille")


def test_logins_are_refused_after_too_many_failures_for_the_account_even_with_the_right_password(
    moderators: Moderators,
) -> None:
    moderators.add("camille", "correct horse battery")
    for _ in range(3):
        with pytest.raises(BadCredentials):
            moderators.login("camille", "guess guess guess", "203.0.113.7")
    with pytest.raises(LoginThrottled) as throttled:
        moderators.login("camille", "correct horse battery", "198.51.100.1")
    assert throttled.value.scope == "account" and 0 < throttled.value.retry_after_s <= 60


def test_a_successful_login_clears_the_accounts_failures(moderators: Moderators) -> None:
    moderators.add("camille", "correct horse battery")
    for _ in range(2):
        with pytest.raises(BadCredentials):
            moderators.login("camille", "guess guess guess", "203.0.113.7")
    assert moderators.login("camille", "correct horse battery", "203.0.113.7").name == "camille"
    for _ in range(2):
        with pytest.raises(BadCredentials):
            moderators.login("camille", "guess guess guess", "203.0.113.7")
    assert moderators.login("camille", "correct horse battery", "203.0.113.7").name == "camille"


def test_one_address_trying_many_accounts_is_limited_per_address(moderators: Moderators) -> None:
    moderators.add("camille", "correct horse battery")
    for n in range(5):
        with pytest.raises(BadCredentials):
            moderators.login(f"user{n}", "guess guess guess", "203.0.113.7")
    with pytest.raises(LoginThrottled) as throttled:
        moderators.login("camille", "correct horse battery", "203.0.113.7")
    assert throttled.value.scope == "address"
    assert moderators.login("camille", "correct horse battery", "198.51.100.1").name == "camille"


def test_failed_logins_are_forgotten_when_the_window_ends(redis_client: redis.Redis) -> None:
    moderators = Moderators(redis_client, Keys("t"), hasher=CHEAP, limits=LoginLimits(1, 10, window_s=1))
    moderators.add("camille", "correct horse battery")
    with pytest.raises(BadCredentials):
        moderators.login("camille", "guess guess guess")
    with pytest.raises(LoginThrottled):
        moderators.login("camille", "correct horse battery")
    time.sleep(1.2)
    assert moderators.login("camille", "correct horse battery").name == "camille"


def test_the_limiter_keeps_no_name_nor_address_in_clear(moderators: Moderators, redis_client: redis.Redis) -> None:
    with pytest.raises(BadCredentials):
        moderators.login("camille", "guess guess guess", "203.0.113.7")
    stored = everything_stored(redis_client)
    assert "203.0.113.7" not in stored and "camille" not in stored


def test_an_unreachable_redis_is_a_clear_error_from_every_moderators_tool() -> None:
    from worker.errors import StoreUnavailable
    from worker.queue import ModerationQueue
    from worker.redis_server import free_port
    from worker.store import CommentStore

    client = redis.Redis.from_url(f"redis://127.0.0.1:{free_port()}/0")
    with pytest.raises(StoreUnavailable, match="Redis is unavailable"):
        Moderators(client, Keys("t"), hasher=CHEAP).login("camille", "correct horse battery", "203.0.113.7")
    with pytest.raises(StoreUnavailable, match="Redis is unavailable"):
        ModerationQueue(CommentStore(client, Keys("t"))).page()
