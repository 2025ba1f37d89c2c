"""The deployment files say what the README promises: docker-compose.yml, the Dockerfile, ./dev and .ci/run.

There is no Docker engine in CI, so the compose file and the Dockerfile are read, not run.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import tomllib
from importlib.util import find_spec
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from worker.redis_server import PACKED_SORTED_SET_ENTRIES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    import yaml  # pyyaml, from the dev extras

    data = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def services(compose: dict[str, Any]) -> dict[str, Any]:
    return compose["services"]


def command_of(service: dict[str, Any]) -> list[str]:
    command = service["command"]
    return shlex.split(command) if isinstance(command, str) else [str(part) for part in command]


def environment_of(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        return dict(item.split("=", 1) for item in env)
    return {key: str(value) for key, value in env.items()}


def option(command: list[str], name: str) -> str | None:
    """The value of ``--name value`` in a command line, if present."""
    return command[command.index(name) + 1] if name in command[:-1] else None


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    lines = (line.strip() for line in text.splitlines())
    return [
        (word.upper(), rest.strip())
        for word, _, rest in (line.partition(" ") for line in lines if line and not line.startswith("#"))
    ]


# docker-compose.yml: Redis


def test_redis_keeps_its_data_in_an_append_only_file_on_a_named_volume(compose: dict[str, Any]) -> None:
    redis = compose["services"]["redis"]
    command = command_of(redis)
    assert command[0] == "redis-server"
    assert option(command, "--appendonly") == "yes"
    assert option(command, "--appendfsync") in ("everysec", "always")
    mounts = {volume.split(":")[1]: volume.split(":")[0] for volume in redis["volumes"]}
    assert "/data" in mounts, "the append-only file lives in /data"
    assert mounts["/data"] in (compose.get("volumes") or {}), "/data must be a named volume, kept across restarts"


def test_redis_keeps_only_small_sorted_sets_packed_as_the_projects_own_servers_do(compose: dict[str, Any]) -> None:
    command = command_of(compose["services"]["redis"])
    assert option(command, "--zset-max-ziplist-entries") == str(PACKED_SORTED_SET_ENTRIES)
    dev = (ROOT / "dev").read_text(encoding="utf-8")
    assert f"--zset-max-ziplist-entries {PACKED_SORTED_SET_ENTRIES}" in dev


def test_redis_reports_healthy_only_when_it_answers_a_ping(services: dict[str, Any]) -> None:
    assert services["redis"]["healthcheck"]["test"][1:] == ["redis-cli", "ping"]


# docker-compose.yml: worker and beat


@pytest.mark.parametrize("name", ["worker", "beat", "api"])
def test_worker_and_beat_use_the_redis_service_and_wait_until_it_is_healthy(
    services: dict[str, Any], name: str
) -> None:
    service = services[name]
    url = urlsplit(environment_of(service)["REDIS_URL"])
    assert (url.scheme, url.hostname) == ("redis", "redis")
    assert service["depends_on"]["redis"]["condition"] == "service_healthy"
    assert service["restart"] == "unless-stopped"


@pytest.mark.parametrize("name", ["worker", "beat", "api"])
def test_worker_and_beat_read_the_config_folder_mounted_read_only(services: dict[str, Any], name: str) -> None:
    service = services[name]
    assert "./config:/app/config:ro" in service["volumes"]
    config = environment_of(service)["MODERATION_CONFIG"]
    assert config == "/app/config/settings.toml"
    assert (ROOT / "config" / Path(config).name).is_file()


def test_the_worker_service_starts_a_celery_worker_of_this_project(services: dict[str, Any]) -> None:
    from worker.cli import build_parser, cmd_worker

    command = command_of(services["worker"])
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts[command[0]] == "worker.cli:main"
    assert build_parser().parse_args(command[1:]).func is cmd_worker


def test_the_api_service_serves_this_projects_http_api_on_all_interfaces_with_a_required_token(
    services: dict[str, Any],
) -> None:
    from worker.cli import build_parser, cmd_api

    service = services["api"]
    args = build_parser().parse_args(command_of(service)[1:])
    assert args.func is cmd_api
    assert args.host == "0.0.0.0"
    assert service["ports"] == ["8080:8080"]
    assert environment_of(service)["MODERATION_API_TOKEN"].startswith("${API_TOKEN:?")
    assert environment_of(service)["MODERATION_API_MODERATOR_TOKEN"] == "${API_MODERATOR_TOKEN:-}"


def test_the_beat_service_runs_the_celery_beat_of_this_project(services: dict[str, Any]) -> None:
    command = command_of(services["beat"])
    assert command[0] == "celery"
    assert "beat" in command
    app_module = option(command, "-A") or option(command, "--app")
    assert app_module is not None
    assert find_spec(app_module) is not None, f"{app_module} is not a module of this project"


# Dockerfile


def test_the_image_is_python_3_11_and_installs_the_package() -> None:
    instructions = dockerfile_instructions()
    assert ("FROM", "python:3.11-slim") in instructions
    installs = [args for word, args in instructions if word == "RUN" and re.search(r"\bpip install\b", args)]
    assert installs, "the Dockerfile must pip install the package"
    copied = " ".join(args for word, args in instructions if word == "COPY")
    for needed in ("pyproject.toml", "README.md", "worker", "config"):
        assert needed in copied, f"the image build needs {needed}"


def test_the_image_runs_the_worker_as_a_user_other_than_root() -> None:
    instructions = dockerfile_instructions()
    users = [args for word, args in instructions if word == "USER"]
    assert users
    assert users[-1] not in ("root", "0")
    assert instructions[-1] == ("CMD", '["moderation", "worker"]')


def test_the_docker_build_context_leaves_out_the_venv_and_git() -> None:
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert ".venv" in ignored
    assert ".git" in ignored


# ./dev, .ci/run and README


def test_ci_runs_the_same_checks_as_dev_test() -> None:
    script = ROOT / ".ci" / "run"
    assert os.access(script, os.X_OK)
    commands = [line.strip() for line in script.read_text(encoding="utf-8").splitlines()]
    assert any(re.fullmatch(r"(exec )?\./dev test( .*)?", line) for line in commands)


def test_dev_is_executable_and_its_help_names_every_command() -> None:
    dev = ROOT / "dev"
    assert os.access(dev, os.X_OK)
    result = subprocess.run(["bash", str(dev), "help"], capture_output=True, text=True, timeout=30, check=True)
    for command in ("run", "test", "bench", "help"):
        assert re.search(rf"^\s+{command}\b", result.stdout, re.MULTILINE), command


def test_dev_refuses_an_unknown_command() -> None:
    dev = str(ROOT / "dev")
    result = subprocess.run(["bash", dev, "deploy"], capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode != 0
    assert "unknown command: deploy" in result.stderr


def test_the_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "./dev run" in readme
    assert "./dev test" in readme
    quick_start = readme.index("## Quick start")
    assert quick_start < readme.index("./dev run") < readme.index("\n## ", quick_start + 1)
