"""The interface every check implements, and what a check receives besides the comment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from worker.models import CheckResult, Comment


@dataclass(frozen=True, slots=True)
class Context:
    """What a check may know besides the comment: the time, and facts prefetched for it."""

    now: float
    facts: Mapping[str, Any] = field(default_factory=dict)


@runtime_checkable
class Check(Protocol):
    """A pure check: reads one comment, returns what it found; no I/O, no Celery."""

    @property
    def name(self) -> str:
        """The check's name, used in reasons and scores."""
        ...

    def check(self, comment: Comment, context: Context) -> CheckResult:
        """Inspect ``comment`` and return the reasons (each with its action), score and spans."""
        ...
