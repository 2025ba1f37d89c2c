"""The lease on the comments a worker process holds: renewed from a background thread while it works.

A drain marks the ids it takes with the time it took them; the sweeper hands back any id whose mark is
older than ``requeue_after_s``. Renewing the mark every third of that while the batch is in hand means a
slow batch is never handed over while its worker lives, and a dead worker's comments go back within
``requeue_after_s`` of its death, not of its last take.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

logger = logging.getLogger(__name__)

Renew = Callable[[Sequence[str]], None]
"""Renews the lease on the given ids (marks them as taken now)."""


class LeaseKeeper:
    """Renews, every ``every_s``, the lease on the ids this process holds; one daemon thread per process."""

    def __init__(self, renew: Renew, every_s: float) -> None:
        self._renew = renew
        self._every_s = every_s
        self._held: tuple[str, ...] = ()
        self._lock = threading.Lock()
        self._thread_pid = -1

    @contextmanager
    def hold(self, ids: Sequence[str]) -> Iterator[None]:
        """Keep the lease on ``ids`` renewed until the block ends."""
        self._start_thread()
        with self._lock:
            self._held = tuple(ids)
        try:
            yield
        finally:
            with self._lock:
                self._held = ()

    def _start_thread(self) -> None:
        # Threads do not survive a fork: a pool process starts its own at its first batch.
        if self._thread_pid != os.getpid():
            self._thread_pid = os.getpid()
            threading.Thread(target=self._run, name="lease-keeper", daemon=True).start()

    def _run(self) -> None:
        failing = False
        while True:
            time.sleep(self._every_s)
            with self._lock:
                held = self._held
            if not held:
                continue
            try:
                self._renew(held)
                failing = False
            except Exception as exc:
                if not failing:
                    logger.warning("could not renew the lease on %d comments in hand: %s", len(held), exc)
                failing = True
