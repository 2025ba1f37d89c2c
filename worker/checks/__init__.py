"""Checks run on every comment; adding one is one new module and one line in ``REGISTRY``."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from worker.checks import abuse, profanity, spam, validation
from worker.checks.base import Check, Context
from worker.errors import ConfigError
from worker.policy import Policy, Section

Factory = Callable[[Section], Check]

REGISTRY: dict[str, Factory] = {
    "validation": validation.build,
    "spam": spam.build,
    "profanity": profanity.build,
    "abuse": abuse.build,
}


def build_checks(policy: Policy) -> tuple[Check, ...]:
    """Build the policy's checks, in the policy's order, each from its own section."""
    return tuple(_factory(name, policy.source)(policy.section(name)) for name in policy.checks)


def _factory(name: str, source: str) -> Factory:
    """The factory of a registered check, or of a site's own one named ``package.module:function``."""
    if name in REGISTRY:
        return REGISTRY[name]
    module_name, _, function = name.partition(":")
    if not function:
        known = ", ".join(sorted(REGISTRY))
        raise ConfigError("checks", name, f"unknown check (known: {known}, or package.module:function)", source)
    try:
        factory = getattr(importlib.import_module(module_name), function)
    except (ImportError, AttributeError) as exc:
        raise ConfigError("checks", name, f"cannot load this check: {exc}", source) from None
    if not callable(factory):
        raise ConfigError("checks", name, "is not a function that builds a check", source)
    return factory  # type: ignore[no-any-return]


__all__ = ["REGISTRY", "Check", "Context", "build_checks"]
