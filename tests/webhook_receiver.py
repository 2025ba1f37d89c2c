"""A local HTTP receiver of webhooks that verifies each signature, and can fail on purpose."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from standardwebhooks.webhooks import Webhook, WebhookVerificationError


@dataclass
class Receipt:
    """One request the receiver got: its headers, body, whether the signature held, and the answer given."""

    headers: dict[str, str]
    body: bytes
    verified: bool
    status: int
    received_at: float = field(default_factory=time.time)

    @property
    def payload(self) -> Any:
        """The decoded JSON body."""
        return json.loads(self.body)


@dataclass
class Receiver:
    """Answers ``fail_first`` requests (or all, while ``down``) with 500, then 204; keeps every receipt."""

    secret: str
    fail_first: int = 0
    down: bool = False
    receipts: list[Receipt] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        """Where to send webhooks."""
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}/hooks/moderation"

    def delivered(self) -> list[Receipt]:
        """The receipts answered 2xx."""
        with self.lock:
            return [r for r in self.receipts if 200 <= r.status < 300]

    def start(self) -> Receiver:
        """Listen on a free loopback port, in a thread."""
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                headers = {k.lower(): v for k, v in self.headers.items()}
                try:
                    Webhook(receiver.secret).verify(raw, headers)
                    verified = True
                except WebhookVerificationError:
                    verified = False
                with receiver.lock:
                    failing = receiver.down or len(receiver.receipts) < receiver.fail_first
                    status = 500 if failing or not verified else 204
                    receiver.receipts.append(Receipt(headers, raw, verified, status))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop listening."""
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
