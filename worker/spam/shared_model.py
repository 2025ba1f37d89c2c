"""The spam classifier that every worker shares through Redis: a hash of counts and a version counter.

The hash starts as the seed model, written once by whichever process comes first (an atomic script
guarded by ``SET NX`` on the version). Learning adds count increments and bumps the version in one
atomic script, flooring counts at zero as :meth:`ModelState.apply` does. A reader sends the version it
holds; the facts script of a batch (:data:`worker.spam.state_scripts.FACTS`) answers with the whole
hash only when the version changed, so a worker keeps a per-process snapshot and pays for a reload only
after something was learned, within its usual round trip.

Scripts go by SHA (:class:`worker.scripts.LuaScript`), except the learning queued on a moderator
decision's ``MULTI`` transaction (:meth:`SharedModel.learn` with a pipeline), which is sent whole with
``EVAL``: inside a transaction, an ``EVALSHA`` meeting an empty script cache would fail alone while the
rest of the transaction applied.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

import redis

from worker.keys import Keys
from worker.replies import text
from worker.scripts import LuaScript
from worker.spam.classifier import ModelState
from worker.spam.corpus import seed_model

logger = logging.getLogger(__name__)

LEARN_CHUNK_FIELDS = 5000
"""Increments sent per learning script call, so that a large training file never blocks Redis for long."""

SEED_VERSION = "1"
"""The version that the seed script gives the model it writes; every lesson bumps it."""

# KEYS: version, model.  ARGV: field, value, field, value, ...  Returns 1 when it wrote the seed, else 0.
_SEED = LuaScript(
    """
if not redis.call('SET', KEYS[1], '$SEED_VERSION', 'NX') then return 0 end
for i = 1, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
return 1
""".replace("$SEED_VERSION", SEED_VERSION)
)

# KEYS: version, model.  ARGV: field, delta, ...  Adds the deltas (a count reaching zero is deleted),
# bumps the version and returns it.
_LEARN = LuaScript("""
for i = 1, #ARGV, 2 do
  if redis.call('HINCRBY', KEYS[2], ARGV[i], ARGV[i + 1]) <= 0 then redis.call('HDEL', KEYS[2], ARGV[i]) end
end
return redis.call('INCR', KEYS[1])
""")


def _flat(fields: Mapping[str, int]) -> list[str | int]:
    return [item for pair in fields.items() for item in pair]


class SharedModel:
    """The shared model's keys and scripts, and this process's snapshot of it."""

    def __init__(self, client: redis.Redis, keys: Keys) -> None:
        self.client: Any = client
        self.keys = keys
        self._seeded = False
        self.version = ""
        self.snapshot: ModelState = seed_model()

    @property
    def _keys(self) -> list[str]:
        return [self.keys.spam_model_version, self.keys.spam_model]

    def ensure_seeded(self) -> None:
        """Write the seed model unless a model exists (checked once per process; one round trip when missing)."""
        if self._seeded:
            return
        missing = not self.client.exists(self.keys.spam_model_version)
        if missing and int(_SEED.run(self.client, self._keys, _flat(seed_model().to_fields()))):
            logger.info("wrote the seed spam model to Redis")
            if self.snapshot is seed_model():
                # What Redis holds at that version is this very snapshot: the next read need not send it back.
                self.version = SEED_VERSION
        self._seeded = True

    def take(self, reply: Sequence[Any]) -> ModelState:
        """Update the snapshot from a read reply ({}, {version} or {version, fields}) and return it."""
        if not reply:  # no model in Redis yet: write the seed, which is what the snapshot already is
            self.ensure_seeded()
            return self.snapshot
        version = text(reply[0])
        if len(reply) > 1:
            flat = list(reply[1])
            fields = {text(flat[i]): text(flat[i + 1]) for i in range(0, len(flat), 2)}
            try:
                self.snapshot = ModelState.from_fields(fields)
            except ValueError as exc:
                logger.error("the shared spam model cannot be used (%s); keeping the previous snapshot", exc)
            else:
                logger.info("reloaded the shared spam model at version %s (%d counts)", version, len(fields))
        self.version = version
        self._seeded = True
        return self.snapshot

    def learn(self, increments: Mapping[str, int], pipe: Any | None = None) -> Any:
        """Add ``increments`` to the shared counts and bump the version (queued on ``pipe`` when given)."""
        self.ensure_seeded()
        if pipe is None:
            return _LEARN.run(self.client, self._keys, _flat(increments))
        return pipe.eval(_LEARN.text, 2, *self._keys, *_flat(increments))

    def learn_many(self, increments: Mapping[str, int]) -> int:
        """Add a large set of increments in chunks; return the version after the last chunk."""
        items = list(increments.items())
        version = 0
        for start in range(0, len(items), LEARN_CHUNK_FIELDS):
            version = int(self.learn(dict(items[start : start + LEARN_CHUNK_FIELDS])))
        return version
