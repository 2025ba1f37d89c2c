"""Checks run on every comment; adding one is one new module and one line in ``REGISTRY``."""

from __future__ import annotations

from collections.abc import Callable

from worker.checks import profanity, spam, validation
from worker.checks.base import Check, Context
from worker.errors import ConfigError
from worker.policy import Policy, Section

Factory = Callable[[Section], Check]

REGISTRY: dict[str, Factory] = {
    "validation": validation.build,
    "spam": spam.build,
    "profanity": profanity.build,
}


def build_checks(policy: Policy) -> tuple[Check, ...]:
    """Build the policy's checks, in the policy's order, each from its own section."""
    checks = []
    for name in policy.checks:
        factory = REGISTRY.get(name)
        if factory is None:
            known = ", ".join(sorted(REGISTRY))
            raise ConfigError("checks", name, f"unknown check (known: {known})", policy.source)
        checks.append(factory(policy.section(name)))
    return tuple(checks)


__all__ = ["REGISTRY", "Check", "Context", "build_checks"]
