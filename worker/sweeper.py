"""The sweeper's timer: every ``moderation worker`` sweeps on its own, so no scheduler is needed.

Each worker host tries, every ``sweep_interval_s``, to claim the sweep of the current interval (a Redis
key set only if absent, expiring after the interval); the one that gets it sweeps. So the deployment
sweeps about once per interval however many workers run, and keeps sweeping as long as one of them
does. Beat may still run the same sweep; it takes the same claim.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

logger = logging.getLogger(__name__)


class SweepTimer:
    """Calls ``sweep_once`` every ``interval_s`` from a daemon thread until stopped; errors are logged."""

    def __init__(self, sweep_once: Callable[[], object], interval_s: float) -> None:
        self._sweep_once = sweep_once
        self._interval_s = interval_s
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sweep-timer", daemon=True)

    def start(self) -> SweepTimer:
        """Start the timer thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop the timer and wait for a sweep in progress."""
        self._stopping.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        failing = False
        while not self._stopping.wait(self._interval_s):
            try:
                self._sweep_once()
                if failing:
                    logger.info("the sweeper reaches Redis again")
                failing = False
            except Exception as exc:
                # Redis away or failing over: the next tick tries again; say so once per outage.
                if not failing:
                    logger.warning("the sweeper could not sweep (%s: %s); trying again", type(exc).__name__, exc)
                failing = True
