"""A real Redis Sentinel set on loopback: a master, a replica and one sentinel, from the same redis-server."""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import redis

from worker.children import die_with_parent
from worker.redis_server import RedisServer, answers, find_binary, free_port, stop_process

MASTER_NAME = "moderation-master"


@dataclass
class SentinelSet:
    """A master and its replica, watched by one sentinel (quorum 1) that fails over 1 s after the master dies."""

    folder: Path
    master: RedisServer = field(init=False)
    replica: RedisServer = field(init=False)
    sentinel_port: int = 0
    sentinel: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The ``sentinel://`` address the programs are given."""
        return f"sentinel://127.0.0.1:{self.sentinel_port}/0"

    def start(self) -> SentinelSet:
        """Start the master, the replica and the sentinel; wait until the sentinel knows the replica."""
        self.master = RedisServer(self.folder / "master", appendfsync="always").start()
        replica_of = ("--replicaof", "127.0.0.1", str(self.master.port))
        self.replica = RedisServer(self.folder / "replica", appendfsync="always", extra_args=replica_of).start()
        self.sentinel_port = free_port()
        folder = self.folder / "sentinel"
        folder.mkdir(parents=True, exist_ok=True)
        config = folder / "sentinel.conf"
        config.write_text(
            f"port {self.sentinel_port}\nbind 127.0.0.1\ndir {folder}\nlogfile {folder / 'sentinel.log'}\n"
            f"sentinel monitor {MASTER_NAME} 127.0.0.1 {self.master.port} 1\n"
            f"sentinel down-after-milliseconds {MASTER_NAME} 1000\n"
            f"sentinel failover-timeout {MASTER_NAME} 10000\n"
        )
        self.sentinel = subprocess.Popen(
            [find_binary(), str(config), "--sentinel"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=die_with_parent,  # noqa: PLW1509 (see worker.children)
        )
        self._wait(lambda: answers(f"redis://127.0.0.1:{self.sentinel_port}"), "the sentinel to answer")
        self._wait(self._replica_in_sync, "the replica to be in sync and known to the sentinel")
        return self

    def master_port(self) -> int:
        """The port of the master, as the sentinel sees it now."""
        with redis.Redis(port=self.sentinel_port, socket_timeout=1) as client:
            host_port = client.execute_command("SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME)
        return int(host_port[1])

    def _replica_in_sync(self) -> bool:
        with redis.Redis(port=self.replica.port, socket_timeout=1) as replica:
            info = replica.info("replication")
        with redis.Redis(port=self.sentinel_port, socket_timeout=1) as client:
            known = client.execute_command("SENTINEL", "REPLICAS", MASTER_NAME)
        return info.get("master_link_status") == "up" and len(known) > 0

    @staticmethod
    def _wait(condition: object, what: str, timeout_s: float = 30) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition():  # type: ignore[operator]
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out waiting for {what}")
            time.sleep(0.1)

    def stop(self) -> None:
        """Stop every server of the set."""
        if self.sentinel is not None:
            stop_process(self.sentinel)
            self.sentinel = None
        self.replica.stop()
        self.master.stop()
