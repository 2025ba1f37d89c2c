"""One sign of spam found in a comment, and how repeated signs add up: the type every signal module returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from worker.models import JSON


@dataclass(frozen=True, slots=True)
class Signal:
    """One sign of spam found in a comment: its name, its weight in log-odds, and what was seen."""

    name: str
    weight: float
    evidence: Mapping[str, JSON] = field(default_factory=dict)


def grow(weight: float, count: int, cap: int) -> float:
    """Return ``weight`` for one occurrence, each further one adding half as much again, up to ``cap``."""
    return weight * (1 + 0.5 * (min(count, cap) - 1))
