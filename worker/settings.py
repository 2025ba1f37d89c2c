"""Settings, looked up in one documented order: environment, then the settings file, then the default.

Each setting ``name`` is read from the environment variable ``MODERATION_<NAME>`` (``redis_url`` also
from ``REDIS_URL``), then from the TOML file named by ``MODERATION_CONFIG`` (default:
``config/settings.toml``), then from the default below. Errors name the key, the value and the source.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from worker.errors import ConfigError

_PACKAGE_DIR = Path(__file__).resolve().parent


def default_config_dir() -> Path:
    """The folder of the shipped settings and policy: the source tree's ``config/``, else the wheel's copy."""
    source_tree = _PACKAGE_DIR.parent / "config"
    return source_tree if (source_tree / "settings.toml").exists() else _PACKAGE_DIR / "_config"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything an operator can set; see ``config/settings.toml`` for what each key means."""

    redis_url: str = "redis://127.0.0.1:6379/0"
    broker_url: str = ""
    sentinel_master: str = ""
    replicas_to_wait: int = 0
    replica_wait_timeout_s: float = 1.0
    redis_socket_timeout_s: float = 5.0
    redis_connect_timeout_s: float = 5.0
    key_prefix: str = "moderation"
    queue: str = "moderation"
    policy_file: str = ""
    batch_size: int = 100
    drain_max_s: float = 5.0
    wake_ttl_s: float = 30.0
    requeue_after_s: float = 10.0
    sweep_interval_s: float = 2.0
    sweep_batch: int = 1000
    max_attempts: int = 3
    events_maxlen: int = 100_000
    visibility_timeout_s: float = 300.0
    worker_concurrency: int = 0
    log_level: str = "INFO"
    author_key_secret: str = dataclasses.field(default="", repr=False)
    api_host: str = "127.0.0.1"
    api_port: int = 8080
    api_token: str = dataclasses.field(default="", repr=False)
    api_moderator_token: str = dataclasses.field(default="", repr=False)
    api_threads: int = 8
    log_format: str = "text"
    metrics_host: str = "127.0.0.1"
    metrics_port: int = 9808
    metrics_dir: str = ""
    health_max_backlog_s: float = 600.0
    erase_private_after_days: float = 30.0
    retain_decided_days: float = 0.0
    retention_interval_s: float = 3600.0
    akismet_key: str = dataclasses.field(default="", repr=False)
    webhooks: dict[str, Any] = dataclasses.field(default_factory=dict)
    undo_window_s: float = 300.0
    config_file: str = ""

    @property
    def broker(self) -> str:
        """The Celery broker URL: ``broker_url``, or the store's Redis when unset."""
        return self.broker_url or self.redis_url

    @property
    def policy_path(self) -> Path:
        """The policy file: ``policy_file``, or ``policy.toml`` beside the settings file."""
        if self.policy_file:
            return Path(self.policy_file)
        base = Path(self.config_file).parent if self.config_file else default_config_dir()
        return base / "policy.toml"

    def replace(self, **changes: Any) -> Settings:
        """Return a copy with ``changes`` applied."""
        return dataclasses.replace(self, **changes)


_MINIMUM: dict[str, float] = {
    "replicas_to_wait": 0,
    "replica_wait_timeout_s": 0.001,
    "redis_socket_timeout_s": 2.0,
    "redis_connect_timeout_s": 0.1,
    "batch_size": 1,
    "drain_max_s": 0.1,
    "wake_ttl_s": 1.0,
    "requeue_after_s": 1.0,
    "sweep_interval_s": 0.5,
    "sweep_batch": 1,
    "max_attempts": 1,
    "events_maxlen": 0,
    "visibility_timeout_s": 1.0,
    "worker_concurrency": 0,
    "api_port": 1,
    "api_threads": 1,
    "undo_window_s": 1.0,
    "metrics_port": 0,
    "health_max_backlog_s": 1.0,
    "erase_private_after_days": 0,
    "retain_decided_days": 0,
    "retention_interval_s": 1.0,
}
_MAXIMUM: dict[str, float] = {"api_port": 65535, "metrics_port": 65535}
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_LOG_FORMATS = ("text", "json")


def _coerce(name: str, kind: type, value: Any, source: str) -> Any:
    if isinstance(value, str) and kind is dict:  # a table given in the environment, as JSON
        try:
            value = json.loads(value)
        except ValueError:
            raise ConfigError(name, value, "expected a JSON object", source) from None
    if isinstance(value, str) and kind is not str:
        try:
            value = kind(value.strip())
        except ValueError:
            raise ConfigError(name, value, f"expected {kind.__name__}", source) from None
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if kind is float and isinstance(value, float) and not math.isfinite(value):
        raise ConfigError(name, value, "expected a finite number", source)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ConfigError(name, value, f"expected {kind.__name__}", source)
    checked: Any = value
    minimum = _MINIMUM.get(name)
    if minimum is not None and checked < minimum:
        raise ConfigError(name, value, f"must be >= {minimum}", source)
    maximum = _MAXIMUM.get(name)
    if maximum is not None and checked > maximum:
        raise ConfigError(name, value, f"must be <= {maximum}", source)
    if name == "log_level" and str(value).upper() not in _LOG_LEVELS:
        raise ConfigError(name, value, f"expected one of {', '.join(_LOG_LEVELS)}", source)
    if name == "log_format" and value not in _LOG_FORMATS:
        raise ConfigError(name, value, f"expected one of {', '.join(_LOG_FORMATS)}", source)
    return value


def _read_file(path: Path) -> Mapping[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError("MODERATION_CONFIG", str(path), f"cannot read: {exc.strerror}", "environment") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("MODERATION_CONFIG", str(path), f"invalid TOML: {exc}", "environment") from None


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Load the settings from ``environ`` (default ``os.environ``), the settings file and the defaults."""
    env = os.environ if environ is None else environ
    config_file = env.get("MODERATION_CONFIG") or str(default_config_dir() / "settings.toml")
    path = Path(config_file)
    file_values = _read_file(path) if (path.exists() or "MODERATION_CONFIG" in env) else {}
    fields = {f.name: f for f in dataclasses.fields(Settings) if f.name != "config_file"}
    unknown = sorted(set(file_values) - set(fields))
    if unknown:
        raise ConfigError(unknown[0], file_values[unknown[0]], "unknown setting", str(path))
    values: dict[str, Any] = {"config_file": config_file if path.exists() else ""}
    for name, field in fields.items():
        kind = type(field.default) if field.default is not dataclasses.MISSING else dict
        env_names = [f"MODERATION_{name.upper()}"] + (["REDIS_URL"] if name == "redis_url" else [])
        env_name = next((n for n in env_names if env.get(n)), None)
        if env_name is not None:
            values[name] = _coerce(name, kind, env[env_name], f"environment variable {env_name}")
        elif name in file_values:
            values[name] = _coerce(name, kind, file_values[name], str(path))
    settings = Settings(**values)
    _check_sentinel(settings)
    _check_socket_timeout(settings)
    return settings


def _check_sentinel(settings: Settings) -> None:
    """A Sentinel address must parse, and needs the name of the master its sentinels watch."""
    from worker.connect import is_sentinel, parse_sentinel

    for key in ("redis_url", "broker_url"):
        url = getattr(settings, key)
        if is_sentinel(url):
            parse_sentinel(url, key)
            if not settings.sentinel_master:
                problem = f"must name the master that the sentinels of {key} watch"
                raise ConfigError("sentinel_master", "", problem, "settings")


def _check_socket_timeout(settings: Settings) -> None:
    """Redis's WAIT for replicas blocks up to ``replica_wait_timeout_s``: the socket timeout must outlast it."""
    from worker.connect import longest_block_s

    longest = longest_block_s(settings.redis_socket_timeout_s)
    if settings.replicas_to_wait and settings.replica_wait_timeout_s > longest:
        problem = (
            f"must be at least 1 s above replica_wait_timeout_s ({settings.replica_wait_timeout_s:g} s), which"
            " a submission may wait for its replicas"
        )
        raise ConfigError("redis_socket_timeout_s", settings.redis_socket_timeout_s, problem, "settings")
