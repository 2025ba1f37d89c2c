"""Fact sources: shared state in Redis that stateful checks read before a batch and update after it.

A source answers for a whole batch in one pipelined round trip (``facts``), and learns what the batch
decided either inside the store's record call (``learning``: a part of that script, no round trip of its
own) or in one more (``decided``), so a check stays a pure function of the comment and its facts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol, runtime_checkable

import redis

from worker.keys import Keys
from worker.models import Comment, Decision
from worker.policy import Policy
from worker.scripts import LuaPart
from worker.settings import Settings


class FactSource(Protocol):
    """Shared state behind one stateful check."""

    def facts(self, comments: Sequence[Comment], now: float) -> list[dict[str, Any]]:
        """Return one mapping of facts per comment, in order, in one round trip."""
        ...

    def decided(self, decided: Sequence[tuple[Comment, Decision]], now: float) -> None:
        """Record what the workers decided (e.g. signatures, approved authors), in one round trip."""
        ...

    def reviewed(self, comment: Comment, decision: Decision, previous: Decision | None) -> None:
        """Learn from a moderator's decision on ``comment``; ``previous`` is what it replaced."""
        ...


@runtime_checkable
class LearnsInRecord(Protocol):
    """A fact source that can learn what a batch decided inside the store's record call (one round trip for both)."""

    def learning(self, decided: Sequence[tuple[Comment, Decision]], now: float) -> LuaPart | None:
        """What ``decided`` would record, as a part of the store's record script (for the comments it writes).

        None when there is nothing to learn.
        """
        ...


SourceFactory = Callable[[Policy, redis.Redis, Keys, Settings], FactSource]


def _spam_state(policy: Policy, client: redis.Redis, keys: Keys, settings: Settings) -> FactSource:
    """Build the spam check's state (imported here: :mod:`worker.spam.state` needs the whole spam package)."""
    from worker.spam.state import SpamState

    return SpamState.build(policy, client, keys, settings)


def _abuse_state(policy: Policy, client: redis.Redis, keys: Keys, settings: Settings) -> FactSource:
    """Build the abuse check's shared model (imported here, like the spam state)."""
    from worker.abuse.state import AbuseState

    return AbuseState.build(policy, client, keys, settings)


SOURCES: dict[str, SourceFactory] = {"spam": _spam_state, "abuse": _abuse_state}
"""Fact sources by the name of the check that reads them; a source runs only when its check does."""


def build_sources(policy: Policy, client: redis.Redis, keys: Keys, settings: Settings) -> tuple[FactSource, ...]:
    """Build the fact sources of the policy's checks."""
    return tuple(SOURCES[name](policy, client, keys, settings) for name in policy.checks if name in SOURCES)


def merged_facts(sources: Sequence[FactSource], comments: Sequence[Comment], now: float) -> list[dict[str, Any]]:
    """Return, per comment, the facts of every source merged into one mapping."""
    merged: list[dict[str, Any]] = [{} for _ in comments]
    for source in sources:
        for into, facts in zip(merged, source.facts(comments, now), strict=True):
            into.update(facts)
    return list(merged)
