"""Moderator accounts in Redis: argon2 password hashes, per-moderator API tokens, a login-attempt limiter.

Passwords are hashed with argon2id (``argon2-cffi``), and rehashed at the next successful check when the
hasher's parameters change. API tokens are random (256 bits) and shown once: only their SHA-256 is kept,
which is enough for a secret that long and lets a token be looked up in one ``HGET``. The limiter counts
failed logins per account and per address (each under a SHA-256 of the name or address) in counters that
expire ``window_s`` after the first failure; a successful login clears the account's counter.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import secrets
import time
from dataclasses import dataclass
from typing import Any

import redis
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from worker.connect import settings_client
from worker.errors import BadCredentials, InvalidRequest, LoginThrottled, ModeratorExists, UnknownModerator
from worker.keys import Keys
from worker.models import DECIDED_BY_WORKER
from worker.replies import text
from worker.scripts import LuaScript
from worker.settings import Settings
from worker.store import redis_errors

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
"""A moderator's name: 1 to 64 letters, digits and ``. _ @ -``, starting with a letter or a digit."""

MIN_PASSWORD_CHARS = 10
MAX_PASSWORD_CHARS = 1024
TOKEN_PREFIX = "mod_"  # noqa: S105 (a marker that tells a token from other strings, not a secret)

# KEYS: counter.  ARGV: window (s).  Counts one failure; the window starts at the first.  Returns the count.
_FAIL = LuaScript("""
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return n
""")

# KEYS: account.  ARGV: field, value.  Sets the field of an account that still exists.  Returns 1, or 0.
_REPLACE = LuaScript("""
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
""")


def check_name(name: str) -> str:
    """Return the name if it is a valid moderator name, else raise :class:`InvalidRequest`."""
    if not isinstance(name, str) or not NAME.fullmatch(name):
        raise InvalidRequest("name", "must be 1 to 64 letters, digits or . _ @ -, starting with a letter or digit")
    if name == DECIDED_BY_WORKER:
        raise InvalidRequest("name", f"{DECIDED_BY_WORKER!r} is reserved for the workers' decisions")
    return name


def check_password(password: str) -> str:
    """Return the password if its length is acceptable, else raise :class:`InvalidRequest` (never echoing it)."""
    if not isinstance(password, str) or not MIN_PASSWORD_CHARS <= len(password) <= MAX_PASSWORD_CHARS:
        raise InvalidRequest("password", f"must be {MIN_PASSWORD_CHARS} to {MAX_PASSWORD_CHARS} characters")
    return password


def token_hash(token: str) -> str:
    """Return the SHA-256 (hex) under which an API token is kept."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _subject(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Moderator:
    """One moderator account, as listed: never the password hash."""

    name: str
    created_at: float
    tokens: int


@dataclass(frozen=True, slots=True)
class LoginLimits:
    """Failed logins allowed per account and per address within ``window_s``."""

    per_account: int = 5
    per_address: int = 20
    window_s: int = 900


class LoginLimiter:
    """Counts failed logins per account and per address; refuses further tries once a limit is reached."""

    def __init__(self, client: Any, keys: Keys, limits: LoginLimits | None = None) -> None:
        self.client = client
        self.keys = keys
        self.limits = limits if limits is not None else LoginLimits()

    def _keys(self, name: str, address: str) -> list[tuple[str, str, int]]:
        found = [("account", self.keys.login_failures("account", _subject(name.casefold())), self.limits.per_account)]
        if address:
            found.append(("address", self.keys.login_failures("address", _subject(address)), self.limits.per_address))
        return found

    @redis_errors()
    def check(self, name: str, address: str = "") -> None:
        """Raise :class:`LoginThrottled` when the account or the address has used up its failed logins."""
        scoped = self._keys(name, address)
        pipe = self.client.pipeline(transaction=False)
        for _, key, _ in scoped:
            pipe.get(key)
            pipe.ttl(key)
        replies = pipe.execute()
        for i, (scope, _, limit) in enumerate(scoped):
            count, ttl = replies[2 * i], int(replies[2 * i + 1])
            if count is not None and int(count) >= limit:
                raise LoginThrottled(scope, max(ttl, 1))

    @redis_errors()
    def failed(self, name: str, address: str = "") -> None:
        """Count one failed login for the account and the address."""
        calls = [([key], [self.limits.window_s]) for _, key, _ in self._keys(name, address)]
        _FAIL.run_many(self.client, calls)

    @redis_errors()
    def succeeded(self, name: str) -> None:
        """Forget the account's failed logins (the address's stay counted)."""
        self.client.delete(self.keys.login_failures("account", _subject(name.casefold())))


class Moderators:
    """Moderator accounts and their API tokens; every method raises :class:`worker.errors.ModerationError` only."""

    def __init__(
        self,
        client: redis.Redis,
        keys: Keys,
        *,
        hasher: PasswordHasher | None = None,
        limits: LoginLimits | None = None,
    ) -> None:
        self.client: Any = client
        self.keys = keys
        self.hasher = hasher if hasher is not None else PasswordHasher()
        self.limiter = LoginLimiter(self.client, keys, limits)
        self._dummy_hash = ""

    @classmethod
    def from_settings(cls, settings: Settings) -> Moderators:
        """Connect to the settings' Redis, under their key prefix."""
        client = settings_client(settings, health_check_interval=30)
        return cls(client, Keys(settings.key_prefix))

    def close(self) -> None:
        """Close the Redis connections."""
        self.client.close()

    @redis_errors()
    def add(self, name: str, password: str) -> Moderator:
        """Create an account; raise :class:`ModeratorExists` when the name is taken."""
        check_name(name)
        hashed = self.hasher.hash(check_password(password))
        now = time.time()
        if not self.client.hsetnx(self.keys.moderator(name), "password", hashed):
            raise ModeratorExists(name)
        pipe = self.client.pipeline(transaction=True)
        pipe.hset(self.keys.moderator(name), "created_at", repr(now))
        pipe.zadd(self.keys.moderators, {name: now})
        pipe.execute()
        return Moderator(name, now, 0)

    @redis_errors()
    def remove(self, name: str) -> None:
        """Delete an account and revoke all its API tokens."""
        self.get(name)
        hashes = [text(h) for h in self.client.smembers(self.keys.moderator_token_hashes(name))]
        pipe = self.client.pipeline(transaction=True)
        if hashes:
            pipe.hdel(self.keys.moderator_tokens, *hashes)
        pipe.delete(self.keys.moderator(name), self.keys.moderator_token_hashes(name), self.keys.last_verdict(name))
        pipe.zrem(self.keys.moderators, name)
        pipe.execute()

    @redis_errors()
    def get(self, name: str) -> Moderator:
        """Return one account, or raise :class:`UnknownModerator`."""
        pipe = self.client.pipeline(transaction=False)
        pipe.hget(self.keys.moderator(name), "created_at")
        pipe.scard(self.keys.moderator_token_hashes(name))
        created, tokens = pipe.execute()
        if created is None:
            raise UnknownModerator(name)
        return Moderator(name, float(created), int(tokens))

    @redis_errors()
    def exists(self, name: str) -> bool:
        """True when an account has this name."""
        return bool(self.client.exists(self.keys.moderator(name)))

    @redis_errors()
    def list(self) -> list[Moderator]:
        """Return every account, oldest first."""
        names = [text(n) for n in self.client.zrange(self.keys.moderators, 0, -1)]
        pipe = self.client.pipeline(transaction=False)
        for name in names:
            pipe.hget(self.keys.moderator(name), "created_at")
            pipe.scard(self.keys.moderator_token_hashes(name))
        replies = pipe.execute()
        found = []
        for i, name in enumerate(names):
            created, tokens = replies[2 * i], replies[2 * i + 1]
            if created is not None:
                found.append(Moderator(name, float(created), int(tokens)))
        return found

    @redis_errors()
    def set_password(self, name: str, password: str) -> None:
        """Replace an account's password."""
        hashed = self.hasher.hash(check_password(password))
        if not int(_REPLACE.run(self.client, [self.keys.moderator(name)], ["password", hashed])):
            raise UnknownModerator(name)

    @redis_errors()
    def verify(self, name: str, password: str) -> bool:
        """True when ``password`` is the account's; rehashes it when the hasher's parameters changed."""
        stored = self.client.hget(self.keys.moderator(name), "password") if NAME.fullmatch(name or "") else None
        if stored is None:
            self._burn(password)  # the same work as for a real account: timing tells no names
            return False
        hashed = text(stored)
        try:
            self.hasher.verify(hashed, password)
        except (VerificationError, InvalidHashError):
            return False
        if self.hasher.check_needs_rehash(hashed):
            _REPLACE.run(self.client, [self.keys.moderator(name)], ["password", self.hasher.hash(password)])
        return True

    def _burn(self, password: str) -> None:
        if not self._dummy_hash:
            self._dummy_hash = self.hasher.hash(secrets.token_hex(16))
        with contextlib.suppress(VerificationError, InvalidHashError):
            self.hasher.verify(self._dummy_hash, password)

    @redis_errors()
    def login(self, name: str, password: str, address: str = "") -> Moderator:
        """Check a login against the limiter and the password; raise :class:`LoginThrottled` or :class:`BadCredentials`.

        ``address`` is the client's address (never stored: its SHA-256 names a counter that expires).
        """
        self.limiter.check(name, address)
        if not self.verify(name, password):
            self.limiter.failed(name, address)
            raise BadCredentials
        self.limiter.succeeded(name)
        return self.get(name)

    @redis_errors()
    def issue_token(self, name: str) -> str:
        """Return a new API token for the moderator, in clear, once: only its SHA-256 is kept."""
        self.get(name)
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        digest = token_hash(token)
        pipe = self.client.pipeline(transaction=True)
        pipe.hset(self.keys.moderator_tokens, digest, name)
        pipe.sadd(self.keys.moderator_token_hashes(name), digest)
        pipe.execute()
        if not self.exists(name):  # removed meanwhile: take the token back
            self.revoke_token(token)
            raise UnknownModerator(name)
        return token

    @redis_errors()
    def owner(self, token: str) -> str | None:
        """Return the name of the moderator who holds ``token``, or None."""
        if not isinstance(token, str) or not token.startswith(TOKEN_PREFIX):
            return None
        name = self.client.hget(self.keys.moderator_tokens, token_hash(token))
        return text(name) if name is not None else None

    @redis_errors()
    def revoke_token(self, token: str) -> bool:
        """Revoke one token; False when it was not valid."""
        digest = token_hash(token)
        name = self.client.hget(self.keys.moderator_tokens, digest)
        if name is None:
            return False
        pipe = self.client.pipeline(transaction=True)
        pipe.hdel(self.keys.moderator_tokens, digest)
        pipe.srem(self.keys.moderator_token_hashes(text(name)), digest)
        pipe.execute()
        return True

    @redis_errors()
    def revoke_tokens(self, name: str) -> int:
        """Revoke every token of a moderator; return how many."""
        hashes = [text(h) for h in self.client.smembers(self.keys.moderator_token_hashes(name))]
        if hashes:
            pipe = self.client.pipeline(transaction=True)
            pipe.hdel(self.keys.moderator_tokens, *hashes)
            pipe.delete(self.keys.moderator_token_hashes(name))
            pipe.execute()
        return len(hashes)
