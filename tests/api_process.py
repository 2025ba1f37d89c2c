"""A real ``moderation api`` process on a free port, and plain HTTP requests to it."""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from worker.children import die_with_parent
from worker.redis_server import stop_process


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class APIProcess:
    """``moderation api`` in a subprocess; its output goes to a log file."""

    def __init__(self, env: dict[str, str], log: Path, token: str = "", moderator_token: str = "") -> None:
        self.port = free_port()
        self.env = {
            **env,
            "MODERATION_API_PORT": str(self.port),
            "MODERATION_API_TOKEN": token,
            "MODERATION_API_MODERATOR_TOKEN": moderator_token,
        }
        self.token = token
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout_s: float = 20.0) -> APIProcess:
        """Start the server and wait until it answers."""
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "worker.cli", "api"],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=die_with_parent,  # noqa: PLW1509 (see worker.children)
            )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"moderation api exited: {self.output()}")
            try:
                self.request("GET", "/health")
                return self
            except OSError:
                time.sleep(0.05)
        raise TimeoutError(f"moderation api did not answer within {timeout_s} s: {self.output()}")

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        raw: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, Any, dict[str, str]]:
        """Send one request; return the status, the decoded JSON body and the headers (lower-case names)."""
        sent = {"Content-Type": "application/json", **({"Authorization": f"Bearer {self.token}"} if self.token else {})}
        sent.update(headers or {})
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request(method, path, body=data, headers=sent)
            response = connection.getresponse()
            payload = response.read()
            headers = {k.lower(): v for k, v in response.getheaders()}
            is_json = headers.get("content-type", "").startswith("application/json")
            return response.status, json.loads(payload) if is_json else payload.decode(), headers
        finally:
            connection.close()

    def output(self) -> str:
        """Everything the server wrote so far."""
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def stop(self) -> None:
        """Stop the server."""
        if self.process is not None:
            stop_process(self.process)
        self.process = None
