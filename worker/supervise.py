"""Keep a Celery worker running: restart it when it dies of an error, stop it cleanly on a signal.

A Celery worker on a Redis broker can exit with "Unrecoverable error" when Redis goes away while it
holds unacknowledged messages (kombu fails while restoring them on the lost connection). Nothing is
lost when that happens, since comments live in Redis and the sweeper hands stale ones back, but a
worker that is not restarted decides nothing more. Container platforms restart it; this does the same
for ``moderation worker`` run by hand or by ``./dev run``.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from types import FrameType

logger = logging.getLogger(__name__)


@dataclass
class Supervisor:
    """Runs ``argv`` again after every failure, waiting longer after each quick one."""

    argv: Sequence[str]
    first_delay_s: float = 1.0
    max_delay_s: float = 30.0
    healthy_after_s: float = 60.0
    stopping: bool = False
    child: subprocess.Popen[bytes] | None = None

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        # The worker shares our process group, so a terminal's Ctrl-C reached it too; SIGTERM asks
        # Celery for the same warm shutdown and also covers a signal sent to this process alone.
        self.stopping = True
        if self.child is not None and self.child.poll() is None:
            self.child.send_signal(signal.SIGTERM)

    def run(self) -> int:
        """Run the worker until it exits cleanly or a signal stops it; return its exit code."""
        previous = {sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
        delay_s = self.first_delay_s
        try:
            while True:
                started = time.monotonic()
                self.child = subprocess.Popen(list(self.argv))
                code = self.child.wait()
                if self.stopping or code == 0:
                    return code
                if time.monotonic() - started > self.healthy_after_s:
                    delay_s = self.first_delay_s
                logger.error("the worker exited with code %d; starting it again in %.0f s", code, delay_s)
                deadline = time.monotonic() + delay_s
                while not self.stopping and time.monotonic() < deadline:
                    time.sleep(0.1)
                if self.stopping:
                    return code
                delay_s = min(delay_s * 2, self.max_delay_s)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
