"""The moderation policy: a version, the ordered checks, and each check's typed section."""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from worker.errors import ConfigError
from worker.models import Action

T = TypeVar("T")

DEFAULT_CHECKS = ("validation", "spam", "profanity")


@dataclass(frozen=True, slots=True)
class Section:
    """One table of the policy file, read with typed getters whose errors name the key."""

    name: str
    values: Mapping[str, Any]
    source: str
    base_dir: Path | None = None
    read: set[str] = field(default_factory=set, compare=False, repr=False)

    def _key(self, key: str) -> str:
        return f"{self.name}.{key}"

    def unread(self) -> list[str]:
        """Return the keys of this section that no getter has read: typos, or keys of another version."""
        return sorted(set(self.values) - self.read)

    def get(self, key: str, kind: type[T], default: T) -> T:
        """Return ``key`` as ``kind``, or ``default`` when absent; raise ConfigError when mistyped."""
        self.read.add(key)
        if key not in self.values:
            return default
        value = self.values[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise ConfigError(self._key(key), value, f"expected {kind.__name__}", self.source)
        return value

    def number(self, key: str, default: float, *, minimum: float = 0.0, maximum: float | None = None) -> float:
        """Return a number no smaller than ``minimum`` and, when given, no larger than ``maximum``."""
        value = self.get(key, float, float(default))
        if value < minimum:
            raise ConfigError(self._key(key), value, f"must be >= {minimum}", self.source)
        if maximum is not None and value > maximum:
            raise ConfigError(self._key(key), value, f"must be <= {maximum:g}", self.source)
        return value

    def integer(self, key: str, default: int, *, minimum: int = 0) -> int:
        """Return an integer no smaller than ``minimum``."""
        value = self.get(key, int, default)
        if value < minimum:
            raise ConfigError(self._key(key), value, f"must be >= {minimum}", self.source)
        return value

    def strings(self, key: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        """Return a list of strings."""
        self.read.add(key)
        value = self.values.get(key, list(default))
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(self._key(key), value, "expected a list of strings", self.source)
        return tuple(value)

    def action(self, key: str, default: Action) -> Action:
        """Return an action: one of approve, censor, flag, reject."""
        value = self.get(key, str, default.value)
        try:
            return Action(value)
        except ValueError:
            choices = ", ".join(a.value for a in Action)
            raise ConfigError(self._key(key), value, f"expected one of {choices}", self.source) from None

    def path(self, key: str, default: str | None = None) -> Path | None:
        """Return a file path, relative paths being taken from the policy file's folder."""
        self.read.add(key)
        value = self.get(key, str, default) if (key in self.values or default is not None) else None
        if value is None:
            return None
        path = Path(value)
        if not path.is_absolute() and self.base_dir is not None:
            path = self.base_dir / path
        return path

    def words_file(self, key: str) -> tuple[str, ...]:
        """Return the non-blank, non-comment lines of the file named by ``key`` (none when unset)."""
        path = self.path(key)
        if path is None:
            return ()
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(self._key(key), str(path), f"cannot read: {exc.strerror}", self.source) from None
        lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
        return tuple(line for line in lines if line)


@dataclass(frozen=True, slots=True)
class Policy:
    """The whole policy: its version, which checks run in which order, and every section."""

    version: str = "default"
    checks: tuple[str, ...] = DEFAULT_CHECKS
    sections: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    source: str = "defaults"
    base_dir: Path | None = None
    _read: dict[str, Section] = field(default_factory=dict, compare=False, repr=False)

    def section(self, name: str) -> Section:
        """Return the section ``name`` (empty when the policy has none); one object per name, which notes reads."""
        if name not in self._read:
            values = self.sections.get(name, {})
            if not isinstance(values, Mapping):
                raise ConfigError(name, values, "expected a table", self.source)
            self._read[name] = Section(name, values, self.source, self.base_dir)
        return self._read[name]

    def check_all_read(self, known_tables: Collection[str]) -> None:
        """Raise ConfigError naming the first table or key that nothing read: a typo would otherwise be ignored.

        Call it once the checks and limits are built; the table of a known check that the policy does not run
        is left alone.
        """
        for name in sorted(self.sections):
            if name not in known_tables:
                raise ConfigError(
                    name, "[table]", f"unknown table (known: {', '.join(sorted(known_tables))})", self.source
                )
            section = self._read.get(name)
            unread = section.unread() if section is not None else []
            if section is not None and unread:
                raise ConfigError(f"{name}.{unread[0]}", section.values[unread[0]], "unknown key", self.source)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str = "mapping", base_dir: Path | None = None) -> Policy:
        """Build a policy from parsed TOML, checking its top-level keys."""
        version = data.get("version", "default")
        if not isinstance(version, str) or not version:
            raise ConfigError("version", version, "expected a non-empty string", source)
        checks = data.get("checks", list(DEFAULT_CHECKS))
        if not isinstance(checks, list) or not all(isinstance(c, str) for c in checks):
            raise ConfigError("checks", checks, "expected a list of check names", source)
        sections = {k: v for k, v in data.items() if k not in ("version", "checks")}
        return cls(version, tuple(checks), sections, source, base_dir)

    @classmethod
    def load(cls, path: Path | str) -> Policy:
        """Read a policy TOML file."""
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError("policy_file", str(path), f"cannot read: {exc.strerror}", "settings") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError("policy_file", str(path), f"invalid TOML: {exc}", "settings") from None
        return cls.from_mapping(data, source=str(path), base_dir=path.parent)
