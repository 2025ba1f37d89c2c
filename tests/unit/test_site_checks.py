"""A policy may name a site's own check as ``package.module:function``; a bad name is a clear error."""

from __future__ import annotations

import pytest

from worker.checks import build_checks
from worker.errors import ConfigError
from worker.policy import Policy


def test_a_check_named_by_module_and_function_is_built_from_its_own_section() -> None:
    policy = Policy.from_mapping(
        {"checks": ["validation", "tests.e2e.hooks:slow"], "tests.e2e.hooks:slow": {"delay_s": 0.5}}
    )
    checks = build_checks(policy)
    assert [c.name for c in checks] == ["validation", "slow"]
    assert checks[1].delay_s == 0.5  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("spelling", "unknown check"),
        ("no.such.module:build", "cannot load this check"),
        ("tests.e2e.hooks:missing", "cannot load this check"),
        ("tests.e2e.hooks:POISON", "is not a function"),
    ],
)
def test_a_check_that_cannot_be_found_is_named_in_the_error(name: str, problem: str) -> None:
    with pytest.raises(ConfigError, match=problem) as error:
        build_checks(Policy.from_mapping({"checks": [name]}))
    assert name in str(error.value)
