"""Test-only checks that worker processes load from a test policy (``checks = [..., "tests.e2e.hooks:slow"]``)."""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass

from worker.checks.base import Context
from worker.models import CheckResult, Comment
from worker.policy import Section

POISON = "POISON-PILL"
"""A comment whose content holds this kills the worker process that checks it."""


@dataclass(frozen=True)
class Slow:
    """Takes ``delay_s`` per comment, so that a worker holds its batch long enough to be killed holding it."""

    delay_s: float
    name: str = "slow"

    def check(self, comment: Comment, context: Context) -> CheckResult:
        time.sleep(self.delay_s)
        return CheckResult(self.name)


@dataclass(frozen=True)
class Poison:
    """Kills its own process (as a segfault in a C extension would) on a comment that holds :data:`POISON`."""

    name: str = "poison"

    def check(self, comment: Comment, context: Context) -> CheckResult:
        if POISON in comment.content:
            os.kill(os.getpid(), signal.SIGKILL)
        return CheckResult(self.name)


def slow(section: Section) -> Slow:
    """A slow check; ``delay_s`` from its section (default 0.02 s)."""
    return Slow(section.number("delay_s", 0.02))


def poison(section: Section) -> Poison:
    """A check that kills its process on a poison comment."""
    return Poison()


FAULTY = "FAULTY-CHECK"
"""A comment whose content holds this makes the :class:`Faulty` check raise."""


@dataclass(frozen=True)
class Faulty:
    """Raises on a comment that holds :data:`FAULTY`, as a check with a bug would."""

    name: str = "faulty"

    def check(self, comment: Comment, context: Context) -> CheckResult:
        if FAULTY in comment.content:
            raise RuntimeError("a bug in a check")
        return CheckResult(self.name)


def faulty(section: Section) -> Faulty:
    """A check that raises on a faulty comment."""
    return Faulty()
