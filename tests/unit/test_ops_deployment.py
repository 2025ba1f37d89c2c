"""docker-compose.yml asks ``moderation health`` whether each worker and API container works."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from worker.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def services() -> dict[str, Any]:
    import yaml  # pyyaml, from the dev extras

    data = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    return dict(data["services"])


@pytest.mark.parametrize(("service", "role"), [("worker", "worker"), ("api", "api")])
def test_each_worker_and_api_container_is_checked_by_moderation_health_for_its_role(
    services: dict[str, Any], service: str, role: str
) -> None:
    check = services[service]["healthcheck"]
    test = [str(part) for part in check["test"]]
    assert test[0] == "CMD" and test[1] == "moderation" and test[2] == "health"
    args = build_parser().parse_args(test[2:])
    assert args.func.__name__ == "cmd_health" and args.role == role
    interval_s = int(str(check["interval"]).rstrip("s"))
    timeout_s = int(str(check["timeout"]).rstrip("s"))
    assert args.timeout * 2 < timeout_s <= interval_s, "the probes' own waits fit in the check's timeout"


def test_the_worker_serves_its_metrics_to_the_compose_network(services: dict[str, Any]) -> None:
    env = services["worker"]["environment"]
    assert env["MODERATION_METRICS_HOST"] == "0.0.0.0"
    assert env["REDIS_URL"] == services["api"]["environment"]["REDIS_URL"], "the worker still finds Redis"
    assert env["MODERATION_CONFIG"] == "/app/config/settings.toml"
